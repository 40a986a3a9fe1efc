"""A course: its meetings on the left, the highlighted meeting's agenda on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.content import Course, Meeting
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen

if TYPE_CHECKING:
    pass


def meeting_label(meeting: Meeting) -> str:
    if meeting.number == 0:
        return _("Introduction: {title}", title=meeting.title)
    return _("{number}. {title}", number=meeting.number, title=meeting.title)


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph, so the terminal can wrap them."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def fill_agenda(table: DataTable[Text], meeting: Meeting) -> None:
    """The agenda as rows: start (minutes into the meeting), kind, title, minutes."""
    table.clear(columns=True)
    table.add_column(_("Time"), key="time")
    table.add_column(_("Type"), key="kind")
    table.add_column(_("Item"), key="title")
    table.add_column(_("Min."), key="minutes")
    start = 0
    for index, block in enumerate(meeting.blocks):
        # Rich Text cells: measured for column widths, and never parsed as markup.
        table.add_row(
            Text(f"{start // 60}:{start % 60:02d}"),
            Text(_(labels.KIND[block.kind])),
            Text(block.title),
            Text(str(block.minutes), justify="right"),
            key=str(index),
        )
        start += block.minutes


class CourseScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, course: Course) -> None:
        super().__init__()
        self.course = course

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(self.course.title), classes="screen-title")
        with Horizontal(id="course"):
            with Vertical(classes="panel", id="meetings-panel"):
                yield Static(Content(_("Meetings")), classes="panel-title")
                if self.course.meetings:
                    yield OptionList(
                        *(
                            Option(Content(meeting_label(m)), id=str(m.number))
                            for m in self.course.meetings
                        ),
                        id="meetings",
                    )
                else:
                    yield Static(Content(_("The course has no meetings yet.")), classes="empty")
            with VerticalScroll(classes="panel", id="preview"):
                yield Static(Content(_("Agenda")), classes="panel-title")
                yield Static(id="meeting-description")
                yield DataTable(id="preview-agenda", cursor_type="none", zebra_stripes=True)
                yield Static(id="meeting-total", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.course.title
        if self.course.meetings:
            self.show_preview(self.course.meetings[0])

    def show_preview(self, meeting: Meeting) -> None:
        self.query_one("#meeting-description", Static).update(
            Content.assemble((meeting_label(meeting), "bold"), "\n", unwrap(meeting.description))
        )
        fill_agenda(self.query_one("#preview-agenda", DataTable), meeting)
        self.query_one("#meeting-total", Static).update(
            Content(
                _(
                    "Total {total} of {planned} min",
                    total=meeting.planned_total,
                    planned=meeting.minutes,
                )
            )
        )

    def _meeting(self, option_id: str | None) -> Meeting | None:
        try:
            return self.course.meeting(int(option_id or ""))
        except ValueError:
            return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        meeting = self._meeting(event.option_id)
        if meeting is not None:
            self.show_preview(meeting)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        meeting = self._meeting(event.option_id)
        if meeting is not None:
            self.peertui.action_open_meeting(self.course.id, meeting.number)
