"""The safety plan (tryghedsplan), in the Stanley-Brown tradition: warning signs; what I can do
myself; people and places that take my mind off things; people I can ask for help;
professionals and crisis lines; what makes my surroundings safer; and what matters most to
me. One point per line. A new plan starts with the guide's crisis lines filled in (Livslinien,
112, the regional psychiatric emergency room); they can be edited like any other line."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from peertui import labels
from peertui.i18n import _
from peertui.store.schema import SAFETY_SECTIONS, SafetyPlan, WorksheetContent
from peertui.ui.screens.worksheets import WorksheetScreen

#: The most characters one section keeps (all its lines together), and "most important".
SECTION_LIMIT = 2000
#: The most lines in one section.
LINES_MAX = 30
FIELDS = (*SAFETY_SECTIONS, "most_important")
CRISIS_LINES = 3  # labels.SAFETY_CRISIS


def crisis_lines() -> tuple[str, ...]:
    """The crisis lines a new plan starts with (from the guide)."""
    return tuple(_(labels.SAFETY_CRISIS[i]) for i in range(1, CRISIS_LINES + 1))


def lines_of(text: str) -> tuple[str, ...]:
    """The points of a section: one per line; blank lines are not points. Each line is kept
    exactly as typed (tabs and spaces too)."""
    return tuple(line for line in text.split("\n") if line.strip())


class SafetyPlanScreen(WorksheetScreen):
    KIND: ClassVar[str] = "safety_plan"

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__(group_id, participant_id)
        self.values: dict[str, str] = dict.fromkeys(FIELDS, "")
        for field in FIELDS:
            self.limits[f"safety-{field}"] = SECTION_LIMIT

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="safety", classes="ws-body"):
            yield Static(
                Content(
                    _(
                        "A plan for difficult moments, written before they come, in the "
                        "participant's own words. One item per line."
                    )
                ),
                classes="dim",
            )
            for field in FIELDS:
                yield Static(Content(_(labels.SAFETY_SECTION[field])), classes="ws-label")
                yield Static(Content(_(labels.SAFETY_GUIDE[field])), classes="dim")
                yield TextArea(
                    id=f"safety-{field}", soft_wrap=True, classes="ws-field ws-long", compact=True
                )
            yield Static(
                Content(
                    _(
                        "At most {limit} characters and {lines} lines in each section.",
                        limit=SECTION_LIMIT,
                        lines=LINES_MAX,
                    )
                ),
                classes="dim ws-limits",
            )

    def content(self) -> WorksheetContent:
        sections = {s: lines_of(self.values[s]) for s in SAFETY_SECTIONS}
        return SafetyPlan(**sections, most_important=self.values["most_important"])

    def show_content(self, content: WorksheetContent | None) -> None:
        if isinstance(content, SafetyPlan):
            values = {s: "\n".join(getattr(content, s)) for s in SAFETY_SECTIONS}
            values["most_important"] = content.most_important
        else:
            values = dict.fromkeys(FIELDS, "")
            values["professionals"] = "\n".join(crisis_lines())
        for field in FIELDS:
            self.values[field] = values[field]
            self.set_field(self.query_one(f"#safety-{field}", TextArea), values[field])
        if not self.is_mounted or not isinstance(self.focused, TextArea):
            area = self.query_one("#safety-warning_signs", TextArea)
            area.move_cursor(area.document.end)  # typing goes on where the words end
            area.focus()

    def clean_more(self, key: str, text: str) -> tuple[str, list[str]]:
        if key == "safety-most_important":
            return text, []
        lines = text.split("\n")
        if len(lines) <= LINES_MAX:
            return text, []
        return "\n".join(lines[:LINES_MAX]), [
            _(
                "At most {limit} lines in a section; the lines after that have been cut off.",
                limit=LINES_MAX,
            )
        ]

    def field_changed(self, key: str, value: str) -> None:
        self.values[key.removeprefix("safety-")] = value
