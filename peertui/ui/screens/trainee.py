"""A trainee's page (a participant of a training group): the road to the certificate.

At the top, what is done and what is missing (``peertui.training.explain``: course day,
deadline, people counted, missing, the day it was met); below, the teaching log. Keys:
``a`` records a teaching, ``enter``/``e`` changes the highlighted one, ``d`` deletes it (after
a question where "No" is focused), ``s`` opens the practice statement in the statement
editor, ``c`` prints the certificate (``certificate_dialog``), ``k`` changes alias,
workplace, role and consent. A read-only store (a second peertui on the same folder) shows
everything and offers none of the changes.

Every stored text is shown literally (``Text``/``Content``), never as markup. "Today" is the
store's clock, so tests can fix it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from peertui import labels
from peertui import training as rule
from peertui.i18n import N_, _, ngettext
from peertui.ui.base import ConfirmDialog, PeerScreen
from peertui.ui.dialogs.teaching_form import TeachingForm
from peertui.ui.dialogs.trainee_form import TraineeForm
from peertui.ui.formats import store_today

if TYPE_CHECKING:
    from peertui.store.schema import Participant, Teaching, Training


def list_status(training: Training, course_day: date, today: date) -> str:
    """The trainee's progress in one short phrase for the group page."""
    if training.certified is not None:
        return _("certificate issued {day}", day=rule.day(training.certified))
    return rule.status(rule.progress(training, course_day), today)


def contact_text(teaching: Teaching) -> str:
    if teaching.audience != "colleagues":
        return _("–")
    if teaching.citizen_contact is None:
        return _("don't know")
    return _("yes") if teaching.citizen_contact else _("no")


class TraineeScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("a", "add_teaching", N_("New teaching")),
        Binding("e", "edit_teaching", N_("Edit")),
        Binding("d", "delete_teaching", N_("Delete")),
        Binding("s", "statement", N_("Practice statement")),
        Binding("c", "certificate", N_("Print certificate")),
        Binding("k", "details", N_("Details")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id

    # ------------------------------------------------------------------ data

    @property
    def participant(self) -> Participant:
        return self.store.participant(self.group_id, self.participant_id)

    def highlighted(self) -> Teaching | None:
        """The teaching under the table's cursor."""
        table = self.query_one("#teachings", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        training = self.participant.training
        teachings = training.teachings if training else ()
        return next((x for x in teachings if x.id == key), None)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="trainee-title", classes="screen-title")
        yield Static(id="trainee-info", classes="dim")
        with Vertical(id="trainee-progress"):
            yield Static(id="trainee-summary")
            # Why some teachings do not count (also in the table; hidden when narrow).
            yield Static(id="trainee-reasons")
        yield Static(id="trainee-statement", classes="dim")
        yield Static(
            Content(_("Teaching after the course")), classes="panel-title", id="teachings-title"
        )
        yield DataTable(id="teachings", cursor_type="row", zebra_stripes=True)
        yield Static(
            Content(_("No teaching entered yet. Press a to add.")),
            classes="empty",
            id="no-teachings",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_page()
        self.query_one("#teachings", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_page()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_teaching", "edit_teaching", "delete_teaching", "details"):
            return self.peertui.writable
        if action == "certificate":
            # The first print records the day in the store: not from a read-only copy.
            return self.peertui.writable
        return True

    # ------------------------------------------------------------------ drawing

    def refresh_page(self, select: str | None = None) -> None:
        """Draw the page anew; ``select`` puts the cursor on that teaching."""
        participant = self.participant
        training = participant.training
        group = self.store.group(self.group_id)
        self.sub_title = participant.alias
        self.query_one("#trainee-title", Static).update(Content(participant.alias))
        info = [_("Not a trainee")]
        if training is not None:
            info = [x for x in (training.organisation, _(labels.TRAINING_ROLE[training.role])) if x]
        self.query_one("#trainee-info", Static).update(Content("  ·  ".join(info)))
        self.draw_progress(training, group.start)
        self.draw_statement(participant)
        self.draw_teachings(training, group.start, select)
        self.refresh_bindings()

    def draw_progress(self, training: Training | None, course_day: date) -> None:
        box = self.query_one("#trainee-progress", Vertical)
        box.display = training is not None
        if training is None:
            return
        result = rule.progress(training, course_day)
        today = store_today(self.store)
        lines = rule.explain(result, today)
        # explain: the window, the count, what matters now (met, missing or late), then one
        # line for each teaching that does not count.
        summary, reasons = lines[:3], lines[3:]
        parts: list[str | tuple[str, str]] = []
        if training.certified is not None:
            parts.append(
                (_("Certificate issued {day}.", day=rule.day(training.certified)) + "\n", "bold")
            )
        parts.append("\n".join(summary[:2]))
        if summary[2:]:
            parts.extend(["\n", (summary[2], "bold")])
        self.query_one("#trainee-summary", Static).update(Content.assemble(*parts))
        reasons_widget = self.query_one("#trainee-reasons", Static)
        reasons_widget.update(Content("\n".join(reasons)))
        reasons_widget.set_class(not reasons, "-none")
        box.set_class(result.met, "-met")
        box.set_class(not result.met and today > result.deadline, "-late")

    def draw_statement(self, participant: Participant) -> None:
        widget = self.query_one("#trainee-statement", Static)
        if not participant.has_consent("store_statement"):
            widget.update(
                Content(
                    _("Practice statement: the trainee has not agreed to storing it (press k).")
                )
            )
            return
        statements = self.store.statements(self.group_id, self.participant_id)
        if not statements:
            widget.update(Content(_("Practice statement: not written yet (press s).")))
            return
        saved = statements[-1].current.saved.astimezone().date()
        widget.update(Content(_("Practice statement: saved {day} (press s).", day=rule.day(saved))))

    def draw_teachings(
        self, training: Training | None, course_day: date, select: str | None
    ) -> None:
        table = self.query_one("#teachings", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for key in ("held", "audience", "count", "counts", "contact", "note"):
            table.add_column(_(labels.TRAINEE_COL[key]), key=key)
        entries = rule.progress(training, course_day).entries if training else ()
        for entry in entries:
            x = entry.teaching
            counts = (
                _("yes")
                if entry.counts
                else _("no: {reason}", reason=_(labels.TRAINEE_REASON[entry.reason]))
            )
            table.add_row(
                Text(rule.day(x.held)),
                Text(_(labels.TRAINING_AUDIENCE[x.audience])),
                Text(str(x.count), justify="right"),
                Text(counts, style="" if entry.counts else "italic"),
                Text(contact_text(x)),
                Text(" ".join(x.note.split())),
                key=x.id,
            )
        self.query_one("#no-teachings", Static).display = not entries
        table.display = bool(entries)
        if not entries:
            return
        ids = [entry.teaching.id for entry in entries]
        if select in ids:
            row = ids.index(select)
        table.move_cursor(row=min(row, len(entries) - 1))

    # ------------------------------------------------------------------ actions

    def action_add_teaching(self) -> None:
        def saved(teaching_id: str | None) -> None:
            self.refresh_page(select=teaching_id)
            if teaching_id:
                self.notify(_("The teaching has been saved."))

        self.app.push_screen(TeachingForm(self.group_id, self.participant_id), saved)

    def action_edit_teaching(self) -> None:
        teaching = self.highlighted()
        if teaching is None or not self.peertui.writable:
            return

        def saved(teaching_id: str | None) -> None:
            self.refresh_page(select=teaching_id)
            if teaching_id:
                self.notify(_("The teaching has been saved."))

        self.app.push_screen(TeachingForm(self.group_id, self.participant_id, teaching), saved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "teachings":
            self.action_edit_teaching()

    def action_delete_teaching(self) -> None:
        teaching = self.highlighted()
        if teaching is None or not self.peertui.writable:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            # A failure (full disk, ...) becomes one calm line; the teaching then stays.
            self.peertui.save(
                self.store.remove_teaching, self.group_id, self.participant_id, teaching.id
            )
            self.refresh_page()
            if teaching.id not in self.teaching_ids():
                self.notify(_("The teaching has been deleted."))

        question = ngettext(
            "Delete the teaching on {held} ({count} person)?",
            "Delete the teaching on {held} ({count} people)?",
            teaching.count,
            held=rule.day(teaching.held),
        )
        self.app.push_screen(ConfirmDialog(question, danger=True), answered)

    def teaching_ids(self) -> set[str]:
        training = self.participant.training
        return {x.id for x in training.teachings} if training else set()

    def action_statement(self) -> None:
        self.show_private(_("the participant's statement"), self.open_statement)

    def open_statement(self) -> None:
        from peertui.ui.screens.statement import StatementScreen  # loaded when opened

        self.app.push_screen(StatementScreen(self.group_id, self.participant_id))

    def action_certificate(self) -> None:
        from peertui.ui.dialogs.certificate import CertificateDialog  # loads the exporter

        self.app.push_screen(CertificateDialog(self.group_id, self.participant_id))

    def action_details(self) -> None:
        if not self.peertui.writable or self.participant.training is None:
            return
        self.app.push_screen(
            TraineeForm(self.group_id, self.participant), lambda _: self.refresh_page()
        )
