"""One meeting's agenda: the blocks, the highlighted block's text, and (on request) notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from peertui import labels
from peertui.content import Block, Course, Meeting
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen
from peertui.ui.screens.course import fill_agenda, meeting_label
from peertui.ui.screens.guide import safe_markdown_parser

STEP_DIVIDER = "\n\n---\n\n"


class MeetingScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("n", "toggle_notes", N_("Notes")),
        Binding("s", "start", N_("Run the meeting")),
    ]

    #: Facilitator notes are off by default: this screen may be on a projector.
    show_notes: reactive[bool] = reactive(False)

    def __init__(self, course: Course, meeting: Meeting) -> None:
        super().__init__()
        self.course = course
        self.meeting = meeting
        self.block_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(meeting_label(self.meeting)), classes="screen-title")
        with Horizontal(id="meeting"):
            with Vertical(classes="panel", id="agenda-panel"):
                yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
                yield Static(
                    Content(
                        _(
                            "Total {total} of {planned} min",
                            total=self.meeting.planned_total,
                            planned=self.meeting.minutes,
                        )
                    ),
                    classes="dim",
                )
            with Vertical(classes="panel", id="block-panel"):
                yield Static(id="block-title", classes="panel-title")
                with VerticalScroll(id="block-scroll"):
                    yield Markdown(
                        id="block-text", open_links=False, parser_factory=safe_markdown_parser
                    )
                with VerticalScroll(id="notes"):
                    yield Static(Content(_("Notes for the facilitators")), classes="panel-title")
                    yield Markdown(
                        id="notes-text", open_links=False, parser_factory=safe_markdown_parser
                    )
                yield Static(
                    Content(_("Notes are hidden. Press n to show them on your screen.")),
                    id="notes-hint",
                    classes="dim",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.course.title
        table = self.query_one("#agenda", DataTable)
        fill_agenda(table, self.meeting)
        table.focus()
        self.watch_show_notes(self.show_notes)
        if self.meeting.blocks:
            self.show_block(0)
        else:
            self.query_one("#block-title", Static).update(
                Content(_("The meeting has no items yet."))
            )

    def show_block(self, index: int) -> None:
        if not 0 <= index < len(self.meeting.blocks):
            return
        self.block_index = index
        block: Block = self.meeting.blocks[index]
        title = Content.assemble(
            (block.title, "bold"),
            "  ·  "
            + _(labels.KIND[block.kind])
            + "  ·  "
            + _("{minutes} min", minutes=block.minutes),
        )
        if len(block.steps) > 1:
            title = Content.assemble(title, "  ·  " + _("{count} steps", count=len(block.steps)))
        self.query_one("#block-title", Static).update(title)
        self.query_one("#block-text", Markdown).update(STEP_DIVIDER.join(block.steps))
        self.query_one("#notes-text", Markdown).update(block.notes or _("No notes for this item."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_block(int(event.row_key.value))

    def action_start(self) -> None:
        """Run this meeting on the projector (without a group: nothing is saved)."""
        if not self.meeting.blocks:
            return
        from peertui.ui.screens.runner import RunnerScreen  # loaded when opened

        self.app.push_screen(RunnerScreen(self.course, self.meeting))

    def action_toggle_notes(self) -> None:
        self.toggle_private("show_notes", _("the notes for the facilitators"))

    def watch_show_notes(self, show: bool) -> None:
        self.query_one("#notes").display = show
        self.query_one("#notes-hint").display = not show
