"""Print a trainee's certificate ("Udskriv bevis", key ``c`` on the trainee page).

Not ready yet: the dialog says calmly what is missing (``peertui.training.explain``) and
writes nothing, not even the folder. Ready: the PDF is made in a worker thread (WeasyPrint
is imported there), into the folder the export screen uses (``./peertui-udskrifter``,
created 0700 when missing), while the dialog shows that it is working; then it shows the
file's path. The first print records the day in the store (``Store.set_certified``). Any
failure is one calm sentence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from peertui import training as rule
from peertui.export import ExportError
from peertui.export.certificate import NotReady, print_certificate
from peertui.export.from_store import default_out_dir, prepare_out_dir
from peertui.i18n import N_, _
from peertui.store import StoreError
from peertui.ui.base import PeerDialog
from peertui.ui.formats import describe_error, store_today

if TYPE_CHECKING:
    from peertui.export.certificate import CertificateResult

WORKER_NAME = "certificate"


class CertificateDialog(PeerDialog[None]):
    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id
        self.running = False
        #: The file written (None until then).
        self.path: Path | None = None

    def compose(self) -> ComposeResult:
        alias = self.store.participant(self.group_id, self.participant_id).alias
        with VerticalScroll(classes="dialog", id="certificate-dialog"):
            yield Static(Content(_("Certificate for {alias}", alias=alias)), classes="panel-title")
            yield Static(id="cert-status")
            yield LoadingIndicator(id="cert-working")
            yield Static(id="cert-lines")
            with Horizontal(classes="buttons"):
                yield Button(_("Close"), variant="primary", id="cert-close")

    def on_mount(self) -> None:
        self.query_one("#cert-working").display = False
        self.query_one("#cert-close", Button).focus()
        self.start()

    def show(self, status: str, lines: list[str] | None = None, *, error: bool = False) -> None:
        widget = self.query_one("#cert-status", Static)
        widget.update(Content(status))
        widget.set_class(error, "error")
        self.query_one("#cert-lines", Static).update(Content("\n".join(lines or [])))

    # ------------------------------------------------------------------ printing

    def start(self) -> None:
        """Check the rule here (quick, no file touched); print in a worker when it is met."""
        participant = self.store.participant(self.group_id, self.participant_id)
        training = participant.training
        today = store_today(self.store)
        if training is None:
            self.show(
                _(
                    "The participant is not a trainee: there is no information about "
                    "organisation, role and teaching. Certificates can only be printed for "
                    "trainees."
                )
            )
            return
        progress = rule.progress(training, self.store.group(self.group_id).start)
        if not progress.met:
            self.show(_("The certificate cannot be printed yet."), rule.explain(progress, today))
            return
        folder = default_out_dir()
        try:
            prepare_out_dir(folder)
        except ExportError as exc:
            self.show(str(exc), error=True)
            return
        self.running = True
        self.query_one("#cert-working").display = True
        self.show(_("The certificate is being made …"))
        self.print_certificate(folder, today)

    @work(thread=True, exclusive=True, exit_on_error=False, name=WORKER_NAME)
    def print_certificate(self, folder: Path, today: date) -> CertificateResult:
        """In a worker thread: WeasyPrint is imported and the PDF is made here."""
        return print_certificate(
            self.store,
            self.group_id,
            self.participant_id,
            folder,
            today=today,
            library=self.peertui.library,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != WORKER_NAME:
            return
        if event.state == WorkerState.SUCCESS:
            self.finished()
            self.show_result(cast("CertificateResult", event.worker.result))
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.finished()
            self.show_error(event.worker.error)

    def finished(self) -> None:
        self.running = False
        self.query_one("#cert-working").display = False

    def show_result(self, result: CertificateResult) -> None:
        self.path = result.path
        lines = [
            _("Folder: {dir}", dir=result.path.parent),
            _("File: {name}", name=result.path.name),
        ]
        if result.recorded:
            lines.append(
                _(
                    "Issued {day}: the date has been saved with the trainee.",
                    day=rule.day(result.issued),
                )
            )
        elif not result.first_print:
            lines.append(
                _(
                    "The certificate was first issued {day}; that date is on it.",
                    day=rule.day(result.issued),
                )
            )
        lines.extend(result.notices)
        self.show(_("The certificate has been written."), lines)

    def show_error(self, error: BaseException | None) -> None:
        if isinstance(error, NotReady):  # changed since the check (another trainer's edit)
            self.show(str(error), list(error.lines))
        elif isinstance(error, StoreError):  # full disk, ...: nothing was written
            self.show(str(error), error=True)
        else:
            self.show(describe_error(error), error=True)

    # ------------------------------------------------------------------ closing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        if self.running:
            self.notify(
                _("The certificate is being made. Please wait a moment."), severity="warning"
            )
            return
        self.dismiss(None)
