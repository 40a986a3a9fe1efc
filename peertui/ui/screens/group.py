"""A group's page: its participants (with consent), its meetings (attendance, planned vs
actual time) and the way into tonight's meeting."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from peertui import labels
from peertui.formats import short_date
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen
from peertui.ui.dialogs.group_form import GroupForm
from peertui.ui.dialogs.participant_form import PURPOSES, ParticipantForm
from peertui.ui.dialogs.trainee_form import TraineeForm
from peertui.ui.formats import store_today
from peertui.ui.messages import GroupsChanged, PhonesChanged, WallChanged
from peertui.wall import WallState

if TYPE_CHECKING:
    from peertui.content import Course
    from peertui.runner import MeetingRun
    from peertui.store.schema import Group, MeetingLog, Participant
    from peertui.ui.app import PeerTUI


def log_waiting(log: MeetingLog) -> bool:
    """A log put off with "Senere": the times are kept, the questions not answered yet."""
    return not log.checklist and not log.reflection and not log.carry_over


def waiting_log_commands(app: PeerTUI) -> Iterator[SystemCommand]:
    """The command palette's way back to each log put off with "Senere"."""
    store = app.store
    if store is None:
        return
    for group in store.groups():
        for log in store.meeting_logs(group.id):
            if log_waiting(log):
                yield SystemCommand(
                    _(
                        "After the meeting: {group}, meeting {number}",
                        group=group.name,
                        number=log.meeting,
                    ),
                    _("The log was saved for later; write it now"),
                    partial(open_group_log, app, group.id, log.meeting),
                )


def open_group_log(app: PeerTUI, group_id: str, number: int) -> None:
    """The group's page, and on it the log of meeting ``number``."""
    screen = app.screen
    if isinstance(screen, GroupScreen) and screen.group_id == group_id:
        screen.open_log(number)
        return
    page = GroupScreen(group_id)
    app.push_screen(page)
    app.call_after_refresh(page.open_log, number)


class GroupScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("s", "start_meeting", N_("Start meeting")),
        Binding("f", "resume_meeting", N_("Continue the meeting")),
        # The same day a meeting was ended: `f` opens it again where it stopped.
        Binding("f", "reopen_meeting", N_("Reopen today's meeting")),
        Binding("a", "add_participant", N_("New participant")),
        # A training group's participants are trainees (only one of the two is active).
        Binding("a", "add_trainee", N_("New trainee")),
        Binding("e", "edit_group", N_("Edit group")),
        Binding("u", "export", N_("Print")),
        # Phones (issue #19): on for this group, then their panel.
        Binding("t", "phones", N_("Phones")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, group_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.ended_today = False

    @property
    def group(self) -> Group:
        return self.store.group(self.group_id)

    @property
    def course(self) -> Course | None:
        return self.peertui.library.course(self.group.course)

    @property
    def training(self) -> bool:
        """A group of a training course: its participants are trainees."""
        course = self.course
        return course is not None and course.training

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="group-title", classes="screen-title")
        yield Static(id="group-info", classes="dim")
        yield Static(id="run-waiting", classes="notice")
        # While phones are on: how many wait and how many write (issue #19).
        yield Static(id="phones-status", classes="notice")
        with Horizontal(id="group"):
            with Vertical(classes="panel", id="participants-panel"):
                yield Static(
                    Content(_("Participants")), classes="panel-title", id="participants-title"
                )
                yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
                yield Static(
                    Content(_("Consent: J join · S store · P print · C digital copy")),
                    classes="dim",
                    id="consent-legend",
                )
            with Vertical(classes="panel", id="group-meetings-panel"):
                yield Static(Content(_("Meetings")), classes="panel-title")
                yield DataTable(id="group-meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_page()
        self.show_phones_status()
        self.query_one("#participants", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_page()
        self.show_phones_status()
        # The wall (if any) greets the room with this group's name until a meeting starts.
        self.app.post_message(WallChanged(WallState(mode="idle", group=self.group.name)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume_meeting":
            return self.is_mounted and self.store.run_state(self.group_id) is not None
        if action == "reopen_meeting":
            return self.is_mounted and self.ended_today
        if action == "add_participant":
            return not self.store.read_only and not (self.is_mounted and self.training)
        if action == "add_trainee":
            return not self.store.read_only and self.is_mounted and self.training
        if action in ("edit_group", "start_meeting"):
            return not self.store.read_only
        return True

    # ------------------------------------------------------------------ drawing

    def refresh_page(self) -> None:
        group = self.group
        course = self.course
        self.sub_title = group.name
        self.query_one("#group-title", Static).update(Content(group.name))
        info = _(
            "{course}  ·  start {start}  ·  delete after {retention}",
            course=course.title if course else group.course,
            start=short_date(group.start),
            retention=short_date(group.retention),
        )
        if group.facilitators:
            info += "\n" + _("Facilitators: {names}", names=", ".join(group.facilitators))
        self.query_one("#group-info", Static).update(Content(info))
        notices = []
        run = self.store.run_state(self.group_id)
        ended = None
        if run is None and not self.store.read_only:
            ended = self.store.ended_run(self.group_id)
        #: A meeting of this group ended today and can be reopened (`f`).
        self.ended_today = ended is not None
        if run is not None:
            notices.append(
                _(
                    "A meeting is in progress (meeting {number}). Press f to continue.",
                    number=run.get("meeting", "?"),
                )
            )
        elif ended is not None:
            notices.append(
                _(
                    "Meeting {number} was ended today. Press f to continue where you left off.",
                    number=ended.get("meeting", "?"),
                )
            )
        logs = {log.meeting: log for log in self.store.meeting_logs(self.group_id)}
        put_off = [str(number) for number, log in sorted(logs.items()) if log_waiting(log)]
        if put_off:
            notices.append(
                _(
                    "The log for meeting {numbers} is waiting: select it under Meetings "
                    "and press Enter.",
                    numbers=", ".join(put_off),
                )
            )
        waiting = self.query_one("#run-waiting", Static)
        waiting.display = bool(notices)
        waiting.update(Content("\n".join(notices)))
        self.refresh_bindings()

        participants = self.store.participants(self.group_id)
        table = self.query_one("#participants", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        training = self.training
        self.set_class(training, "-training")
        self.query_one("#consent-legend").display = not training
        self.query_one("#participants-title", Static).update(
            Content(_("Trainees") if training else _("Participants"))
        )
        if training:
            self.fill_trainees(table, participants)
        else:
            table.add_column(_("Name"), key="alias")
            table.add_column(_("Consent"), key="consent")
            for p in participants:
                marks = " ".join("✓" if p.has_consent(purpose) else "·" for purpose in PURPOSES)
                table.add_row(Text(p.alias), Text(marks), key=p.id)
        if participants:
            table.move_cursor(row=min(row, len(participants) - 1))

        meetings_table = self.query_one("#group-meetings", DataTable)
        meetings_table.clear(columns=True)
        for key, label in (
            ("number", N_("No.")),
            ("title", N_("Meeting")),
            ("attendance", N_("Attendance")),
            ("planned", N_("Plan")),
            ("actual", N_("Actual")),
            ("log", N_("Log")),
        ):
            meetings_table.add_column(_(label), key=key)
        if course is None:
            return
        attendance = self.store.attendance(self.group_id)
        for meeting in course.meetings:
            present = sum(
                1 for a in attendance if a.meeting == meeting.number and a.status == "present"
            )
            recorded = any(a.meeting == meeting.number for a in attendance)
            log = logs.get(meeting.number)
            actual = ""
            if log is not None and any(b.actual is not None for b in log.blocks):
                actual = str(sum(b.actual or 0 for b in log.blocks))
            log_mark = ""
            if log is not None:
                log_mark = _("waiting") if log_waiting(log) else "✓"
            meetings_table.add_row(
                Text(str(meeting.number), justify="right"),
                Text(meeting.title),
                Text(f"{present}/{len(participants)}" if recorded else ""),
                Text(str(meeting.planned_total), justify="right"),
                Text(actual, justify="right"),
                Text(log_mark),
                key=str(meeting.number),
            )

    def fill_trainees(self, table: DataTable[Text], participants: list[Participant]) -> None:
        """A training group: alias, workplace, role and the road to the certificate."""
        # The trainee screen's module loads only for a training group (and when opened).
        from peertui.ui.screens.trainee import list_status

        # The progress before the workplace, which can be long: seen first on a narrow screen.
        for key in ("alias", "progress", "role", "organisation"):
            table.add_column(_(labels.TRAINEE_COL[key]), key=key)
        start = self.group.start
        today = store_today(self.store)
        for p in participants:
            training = p.training
            if training is None:  # a participant without a training record
                table.add_row(Text(p.alias), Text(""), Text(""), Text(""), key=p.id)
                continue
            table.add_row(
                Text(p.alias),
                Text(list_status(training, start, today)),
                Text(_(labels.TRAINING_ROLE[training.role])),
                Text(training.organisation),
                key=p.id,
            )

    # ------------------------------------------------------------------ actions

    def action_add_participant(self) -> None:
        self.app.push_screen(ParticipantForm(self.group_id), lambda _: self.refresh_page())

    def action_add_trainee(self) -> None:
        self.app.push_screen(TraineeForm(self.group_id), lambda _: self.refresh_page())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        if event.data_table.id == "group-meetings":
            self.open_log(int(event.row_key.value))
            return
        if event.data_table.id != "participants":
            return
        participant = self.store.participant(self.group_id, event.row_key.value)
        if participant.training is not None:
            from peertui.ui.screens.trainee import TraineeScreen  # loaded when opened

            self.app.push_screen(TraineeScreen(self.group_id, participant.id))
            return
        from peertui.ui.screens.participant import ParticipantScreen  # loaded when opened

        self.app.push_screen(ParticipantScreen(self.group_id, event.row_key.value))

    def action_edit_group(self) -> None:
        def saved(group_id: str | None) -> None:
            if group_id:
                self.refresh_page()
                self.app.post_message(GroupsChanged())

        self.app.push_screen(GroupForm(self.peertui.library, self.group), saved)

    def action_start_meeting(self) -> None:
        course = self.course
        if course is None or not course.meetings:
            return
        from peertui.ui.screens.checkin import CheckInScreen  # loaded when opened

        def chosen(number: int | None) -> None:
            if number is not None:
                self.open_runner(number, state=None)

        self.app.push_screen(CheckInScreen(self.group_id, course), chosen)

    def action_resume_meeting(self) -> None:
        state = self.store.run_state(self.group_id)
        if state is not None:
            self.open_runner(int(state["meeting"]), state=state)

    def action_reopen_meeting(self) -> None:
        """`f` the day a meeting was ended: it goes on where it stopped (same block, same
        clocks, paused), as a meeting in progress again."""
        state = self.store.ended_run(self.group_id)
        if state is None or self.store.run_state(self.group_id) is not None:
            return
        self.peertui.save(self.store.save_run_state, self.group_id, state)
        self.open_runner(int(state["meeting"]), state=state)

    def open_log(self, number: int) -> None:
        """A meeting's log, to write it now (one put off with "Senere") or look at it again."""
        course = self.course
        meeting = course.meeting(number) if course else None
        log = self.store.meeting_log(self.group_id, number)
        if meeting is None or log is None:
            self.notify(_("The meeting has no log yet. It comes when the meeting has ended."))
            return
        from peertui.ui.screens.meeting_log import LogScreen  # loaded when opened

        actual = [float(b.actual or 0) for b in log.blocks]
        held = log.held or store_today(self.store)

        def show() -> None:
            self.app.push_screen(LogScreen(self.group_id, meeting, actual, held=held))

        self.show_private(_("the meeting log with your notes"), show)

    def open_runner(self, number: int, state: dict[str, Any] | None) -> None:
        course = self.course
        meeting = course.meeting(number) if course else None
        if course is None or meeting is None or not meeting.blocks:
            return
        from peertui.ui.screens.runner import RunnerScreen  # loaded when opened

        app = self.peertui
        group = self.group

        def keep(snapshot: dict[str, Any]) -> None:
            app.save(self.store.save_run_state, self.group_id, snapshot)

        def ended(run: MeetingRun) -> None:
            from peertui.ui.screens.meeting_log import LogScreen  # loaded when opened

            app.pop_screen()  # the runner
            log = LogScreen(self.group_id, meeting, run.actual_minutes())

            def put_off() -> None:
                # Not now (the room may see this screen): the times are kept, the meeting is
                # ended, and the log waits on the group page.
                if log.record(with_answers=False):
                    app.notify(
                        _(
                            "The meeting is over. The log waits on the "
                            "group's page until you have time."
                        )
                    )

            self.show_private(
                _("the meeting log with your notes"), lambda: app.push_screen(log), put_off
            )

        app.push_screen(
            RunnerScreen(
                course,
                meeting,
                group_name=group.name,
                state=state,
                clock=app.clock,
                now=lambda: self.store.clock().astimezone(),
                on_change=keep if app.writable else None,
                on_end=ended,
                carry_over=self.store.carry_over(self.group_id, number),
                group_id=self.group_id,
            )
        )

    def show_phones_status(self) -> None:
        phones = self.peertui.phones
        line = phones.status_line() if phones is not None else ""
        status = self.query_one("#phones-status", Static)
        status.display = bool(line)
        status.update(Content(line))

    def on_phones_changed(self, message: PhonesChanged) -> None:
        self.show_phones_status()

    def action_phones(self) -> None:
        """`t`: turn phones on for this group (choosing the address first), or, once they
        are on, their panel."""
        from peertui.ui.phones import open_phones  # loaded when asked

        open_phones(self, self.group_id, self.group.name)

    def action_export(self) -> None:
        """`u`: print sheets as PDFs, for the group or the highlighted participant."""
        from peertui.ui.screens.export import ExportScreen  # the exporter loads when opened

        table = self.query_one("#participants", DataTable)
        highlighted = None
        if table.row_count:
            highlighted = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.app.push_screen(ExportScreen(self.group_id, highlighted))
