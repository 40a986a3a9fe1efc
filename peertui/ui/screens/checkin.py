"""Before a meeting: choose which meeting (the next one is proposed) and who came."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.content import Course
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen
from peertui.ui.screens.course import meeting_label

if TYPE_CHECKING:
    pass

#: What Space does to a person: not here -> here -> sent word (excused) -> not here.
STATUS_CYCLE = ("absent", "present", "excused")
STATUS_MARK = {"present": "✓", "absent": " ", "excused": "–"}


class CheckInScreen(PeerScreen[int | None]):
    """Returns the chosen meeting's number once attendance is saved (None: cancelled)."""

    BINDINGS = [
        Binding("ctrl+s", "start", N_("Start the meeting"), priority=True),
        Binding("a", "all_present", N_("Everyone is here")),
        Binding("ctrl+g", "save_only", N_("Save attendance only"), priority=True),
        Binding(
            "space", "toggle_person", N_("Present / did not come / sent apologies"), show=False
        ),
        Binding("escape", "cancel", N_("Back")),
    ]

    def __init__(self, group_id: str, course: Course) -> None:
        super().__init__()
        self.group_id = group_id
        self.course = course
        self.status: dict[str, str] = {}
        #: Who was marked what before `a` marked everyone here (`a` again brings it back).
        self.before_all: dict[str, str] | None = None
        self.meeting_number = course.meetings[0].number

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(_("Start meeting")), classes="screen-title")
        with Horizontal(id="checkin"):
            with Vertical(classes="panel"):
                yield Static(Content(_("Meeting")), classes="panel-title")
                yield OptionList(id="checkin-meetings")
            with Vertical(classes="panel"):
                yield Static(
                    Content(_("Who has come? (a: everyone, space: one at a time)")),
                    classes="panel-title",
                )
                yield OptionList(id="checkin-people")
                yield Static(id="checkin-empty", classes="dim")
                with Horizontal(classes="buttons"):
                    yield Button(_("Start the meeting"), variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        logged = {log.meeting for log in self.store.meeting_logs(self.group_id)}
        held = logged | {a.meeting for a in self.store.attendance(self.group_id)}
        # The meeting after the last one held (or the first one).
        later = [m.number for m in self.course.meetings if not held or m.number > max(held)]
        proposed = later[0] if later else self.course.meetings[-1].number
        meetings = self.query_one("#checkin-meetings", OptionList)
        for meeting in self.course.meetings:
            suffix = ""
            if meeting.number == proposed:
                suffix = "  (" + _("next") + ")"
            elif meeting.number in logged:
                suffix = "  (" + _("held") + ")"
            meetings.add_option(
                Option(Content(meeting_label(meeting) + suffix), id=str(meeting.number))
            )
        index = next(i for i, m in enumerate(self.course.meetings) if m.number == proposed)
        meetings.highlighted = index
        self.meeting_number = proposed
        self.load_attendance()
        if not self.store.participants(self.group_id):
            self.query_one("#checkin-empty", Static).update(
                Content(_("The group has no participants yet; you can start anyway."))
            )
        self.query_one("#checkin-people", OptionList).focus()

    def load_attendance(self) -> None:
        recorded = {
            a.participant: a.status
            for a in self.store.attendance(self.group_id, self.meeting_number)
        }
        participants = self.store.participants(self.group_id)
        self.status = {p.id: recorded.get(p.id, "absent") for p in participants}
        self.before_all = None
        people = self.query_one("#checkin-people", OptionList)
        people.clear_options()
        for p in participants:
            people.add_option(Option(self.person_prompt(p.alias, self.status[p.id]), id=p.id))
        if participants:
            people.highlighted = 0

    @staticmethod
    def person_prompt(alias: str, status: str) -> Content:
        return Content.assemble(
            f"[{STATUS_MARK[status]}] ", alias, (f"  {_(labels.ATTENDANCE[status])}", "dim")
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "checkin-meetings" and event.option_id is not None:
            number = int(event.option_id)
            if number != self.meeting_number:
                self.meeting_number = number
                self.load_attendance()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "checkin-people" or event.option_id is None:
            if event.option_list.id == "checkin-meetings":
                self.query_one("#checkin-people", OptionList).focus()
            return
        pid = event.option_id
        self.before_all = None  # one person changed by hand: `a` starts afresh
        current = self.status[pid]
        self.status[pid] = STATUS_CYCLE[(STATUS_CYCLE.index(current) + 1) % len(STATUS_CYCLE)]
        alias = self.store.participant(self.group_id, pid).alias
        event.option_list.replace_option_prompt(pid, self.person_prompt(alias, self.status[pid]))

    def action_toggle_person(self) -> None:
        """Space ticks the highlighted person, like a checkbox."""
        people = self.query_one("#checkin-people", OptionList)
        if people.highlighted is not None:
            people.action_select()

    def action_all_present(self) -> None:
        """`a`: everyone is here. Pressed again, it undoes that: everyone is marked as before
        (or, when everyone was already here, no one is)."""
        if not self.status:
            return
        if all(status == "present" for status in self.status.values()):
            marks = self.before_all or dict.fromkeys(self.status, "absent")
            self.before_all = None
        else:
            self.before_all = dict(self.status)
            marks = dict.fromkeys(self.status, "present")
        aliases = {p.id: p.alias for p in self.store.participants(self.group_id)}
        people = self.query_one("#checkin-people", OptionList)
        for pid in self.status:
            self.status[pid] = marks.get(pid, "absent")
            people.replace_option_prompt(pid, self.person_prompt(aliases[pid], self.status[pid]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save_only(self) -> None:
        """Attendance for a meeting already held (or to come): save it, start nothing."""
        self.save_attendance()
        self.dismiss(None)

    def action_start(self) -> None:
        self.save_attendance()
        self.dismiss(self.meeting_number)

    def save_attendance(self) -> None:
        app = self.peertui
        store = self.store
        if not store.read_only and self.status:

            def write() -> None:
                with store.batch(self.group_id):
                    for pid, status in self.status.items():
                        store.set_attendance(self.group_id, self.meeting_number, pid, status)

            # If this fails (a full disk), the message says so and the meeting starts anyway;
            # attendance can be filled in again afterwards.
            app.save(write)
