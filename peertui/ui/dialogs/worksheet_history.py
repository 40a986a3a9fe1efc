"""A worksheet's earlier versions: listed by date (newest first), one shown in full, and
brought back on request (the editor saves it as the newest version).

Every text is shown as ``Content``: what a participant wrote is never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.formats import moment
from peertui.i18n import N_, _, ngettext
from peertui.store.schema import (
    GOAL_FIELDS,
    SAFETY_SECTIONS,
    NetworkMap,
    PersonalGoals,
    SafetyPlan,
    WorksheetContent,
    WorksheetVersion,
)
from peertui.ui.dialogs.versions import VersionsDialog

PREVIEW = 40  # characters of a version's first words in the list


def _one_line(text: str, limit: int = PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def summary(content: WorksheetContent) -> tuple[str, str]:
    """(how much, the first words) of a version, for the list."""
    if isinstance(content, PersonalGoals):
        first = next((g.text for g in content.goals if g.text.strip()), "")
        return _("Goals: {count}", count=len(content.goals)), _one_line(first)
    if isinstance(content, SafetyPlan):
        items = [x for s in SAFETY_SECTIONS for x in getattr(content, s)]
        count = len(items) + (1 if content.most_important.strip() else 0)
        first = items[0] if items else content.most_important
        return ngettext("{count} item", "{count} items", count), _one_line(first)
    names = ", ".join(p.name for p in content.people)
    return ngettext("{count} person", "{count} people", len(content.people)), _one_line(names)


def describe(content: WorksheetContent) -> Content:
    """One version in full, as plain text under bold headings."""
    empty = _("…")
    parts: list[tuple[str, str] | str] = []
    if isinstance(content, PersonalGoals):
        for number, goal in enumerate(content.goals, start=1):
            parts.append((_("Goal {number}", number=number) + "\n", "bold underline"))
            for field in GOAL_FIELDS:
                parts.append((_(labels.GOALS_FIELD[field]) + "\n", "bold"))
                parts.append((getattr(goal, field) or empty) + "\n")
            parts.append("\n")
    elif isinstance(content, SafetyPlan):
        for section in (*SAFETY_SECTIONS, "most_important"):
            parts.append((_(labels.SAFETY_SECTION[section]) + "\n", "bold"))
            if section == "most_important":
                parts.append((content.most_important or empty) + "\n\n")
            else:
                items = getattr(content, section)
                parts.append(("".join(f"• {x}\n" for x in items) or empty + "\n") + "\n")
    elif isinstance(content, NetworkMap):
        for person in content.people:
            parts.append((person.name, "bold"))
            where = f" – {person.ring} – {_(labels.SECTOR[person.sector])}"
            parts.append(where + (f" – {person.note}" if person.note else "") + "\n")
    return Content.assemble(*parts) if parts else Content(empty)


class WorksheetHistoryScreen(VersionsDialog):
    """Returns the index (oldest first) of the version to bring back, or None."""

    BINDINGS = [
        Binding("enter", "restore", N_("Bring back"), priority=True),
        Binding("escape", "close", N_("Close")),
    ]

    def __init__(self, kind: str, versions: Sequence[WorksheetVersion], alias: str) -> None:
        super().__init__()
        self.kind = kind
        self.versions = tuple(versions)
        self.alias = alias
        self.chosen = len(self.versions) - 1

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ws-history-dialog"):
            yield Static(
                Content(_("Earlier versions – {kind}", kind=_(labels.WORKSHEET[self.kind]))),
                classes="panel-title",
            )
            yield Static(Content(self.alias), classes="dim")
            options = []
            for index in range(len(self.versions) - 1, -1, -1):
                version = self.versions[index]
                amount, first = summary(version.content)
                newest = index == len(self.versions) - 1
                options.append(
                    Option(
                        Content.assemble(
                            (moment(version.saved), "bold"),
                            "  ",
                            amount,
                            ("  " + _("newest") if newest else ""),
                            "  ",
                            (first, "dim"),
                        ),
                        id=str(index),
                    )
                )
            yield OptionList(*options, id="ws-history-list")
            with VerticalScroll(id="ws-history-view"):
                yield Static(id="ws-history-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Bring back this version"), variant="primary", id="restore")
                yield Button(_("Close"), id="close")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.chosen)
        self.query_one("#ws-history-list", OptionList).focus()

    def show(self, index: int) -> None:
        self.chosen = index
        self.query_one("#ws-history-text", Static).update(describe(self.versions[index].content))

    def action_restore(self) -> None:
        if isinstance(self.focused, Button):
            self.focused.press()
            return
        self.dismiss(self.chosen)
