"""After the meeting: the time each block took, a few questions, a note for next time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Footer, Header, Label, Static, TextArea

from peertui import labels
from peertui.content import Meeting
from peertui.i18n import N_, _
from peertui.store.schema import CHECKLIST_ITEMS, BlockLog, ChecklistItem, MeetingLog
from peertui.ui.base import PeerScreen
from peertui.ui.formats import store_today
from peertui.ui.screens.course import meeting_label
from peertui.ui.widgets.toggles import Checkbox

if TYPE_CHECKING:
    pass


class LogScreen(PeerScreen[bool]):
    """Saves the meeting's log (and ends the meeting in progress). Returns True if saved.

    Right after a meeting (``held`` None) the log is dated today, and the meeting's state is
    kept marked as ended, so it can be reopened today. Opened later for a log that waits
    (``held`` its day), only the log changes."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save the log"), priority=True),
        Binding("escape", "later", N_("Later")),
        # The arrow keys move between the questions' checkboxes (Space ticks one).
        Binding("down", "next_check(1)", show=False),
        Binding("up", "next_check(-1)", show=False),
    ]

    def __init__(
        self,
        group_id: str,
        meeting: Meeting,
        actual_minutes: list[float],
        *,
        held: date | None = None,
    ) -> None:
        super().__init__()
        self.group_id = group_id
        self.meeting = meeting
        self.actual = [round(m) for m in actual_minutes]
        self.after_meeting = held is None
        self.held = held

    def compose(self) -> ComposeResult:
        existing = self.store.meeting_log(self.group_id, self.meeting.number)
        yield Header()
        yield Static(
            Content(_("After the meeting") + f": {meeting_label(self.meeting)}"),
            classes="screen-title",
        )
        with VerticalScroll(id="log"):
            yield Static(
                Content(_("Time per item (minutes: plan / actual)")), classes="panel-title"
            )
            yield DataTable(id="log-times", cursor_type="none", zebra_stripes=True)
            yield Static(Content(_("How did it go?")), classes="panel-title")
            for item in CHECKLIST_ITEMS:
                checked = bool(existing and existing.checklist.get(item))
                yield Checkbox(_(labels.CHECKLIST[item]), checked, id=f"check-{item}")
            yield Label(_("Reflection (just for you)"))
            yield TextArea(existing.reflection if existing else "", id="reflection")
            yield Label(_("For next time (shown only to the facilitators)"))
            yield TextArea(existing.carry_over if existing else "", id="carry-over")
            with Horizontal(classes="buttons"):
                yield Button(_("Save the log"), variant="primary", id="save")
                yield Button(_("Later"), id="later")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#log-times", DataTable)
        table.add_column(_("Item"), key="title")
        table.add_column(_("Plan"), key="planned")
        table.add_column(_("Actual"), key="actual")
        for block, actual in zip(self.meeting.blocks, self.actual, strict=False):
            table.add_row(
                Text(block.title),
                Text(str(block.minutes), justify="right"),
                Text(str(actual), justify="right"),
            )
        self.query_one("#check-plan_followed", Checkbox).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Up and down are the checkboxes' own; elsewhere (text, buttons) they do what they did.
        if action == "next_check":
            return isinstance(self.focused, Checkbox)
        return True

    def action_next_check(self, step: int) -> None:
        """Down: the next checkbox (after the last, the text below); up: the one before."""
        boxes = list(self.query(Checkbox))
        focused = self.focused
        if not isinstance(focused, Checkbox) or focused not in boxes:
            return
        index = boxes.index(focused) + step
        if 0 <= index < len(boxes):
            boxes[index].focus()
        elif step > 0:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_later()

    def build_log(self, *, with_answers: bool) -> MeetingLog:
        existing = self.store.meeting_log(self.group_id, self.meeting.number)
        blocks = tuple(
            BlockLog(title=b.title, planned=b.minutes, actual=min(600, max(0, a)))
            for b, a in zip(self.meeting.blocks, self.actual, strict=False)
        )
        checklist: dict[ChecklistItem, bool]
        if with_answers:
            checklist = {
                item: self.query_one(f"#check-{item}", Checkbox).value for item in CHECKLIST_ITEMS
            }
            reflection = self.query_one("#reflection", TextArea).text
            carry_over = self.query_one("#carry-over", TextArea).text
        else:
            checklist = dict(existing.checklist) if existing else {}
            reflection = existing.reflection if existing else ""
            carry_over = existing.carry_over if existing else ""
        return MeetingLog(
            meeting=self.meeting.number,
            held=self.held or store_today(self.store),
            blocks=blocks,
            notes=existing.notes if existing else "",
            checklist=checklist,
            reflection=reflection,
            carry_over=carry_over,
        )

    def record(self, *, with_answers: bool) -> bool:
        """Save the log (and, right after the meeting, mark the meeting ended). False when
        saving failed: the message says why. ``with_answers=False`` needs no screen: it keeps
        the times and whatever the log already held ("Senere")."""
        app = self.peertui
        if app.writable:
            store = self.store
            saved = app.save(
                store.save_meeting_log, self.group_id, self.build_log(with_answers=with_answers)
            )
            if saved is None:
                return False
            if self.after_meeting:
                app.save(store.end_run_state, self.group_id, self.meeting.number)
            if with_answers:
                app.notify(_("The log is saved."))
        return True

    def finish(self, *, with_answers: bool) -> None:
        if self.record(with_answers=with_answers):
            self.dismiss(True)
        # else: everything typed stays on screen

    def action_save(self) -> None:
        self.finish(with_answers=True)

    def action_later(self) -> None:
        """Keep the times now; the questions can be answered another day."""
        self.finish(with_answers=False)
