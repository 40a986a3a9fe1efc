"""Print sheets as PDFs from the group page (key ``u``): for the whole group or one participant.

The facilitator chooses what to print, for whom, a digital copy (used only for participants
who consented to one), one file or several, and the folder. The sheets are chosen on the main
thread (``plan_export`` reads the store: consent applied there); the PDFs are made in a worker
thread, so the screen keeps answering keys while a progress bar moves. When it is done the
screen lists the files and whose sheet each is (aliases appear on this screen only, never in
a file name), and any notices; an ``ExportError`` is shown as its one calm sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    ProgressBar,
    RadioSet,
    Static,
)
from textual.worker import Worker, WorkerState

from peertui import labels
from peertui.export import ExportError, export_sheets
from peertui.export.from_store import (
    WHAT_CHOICES,
    ExportPlan,
    default_out_dir,
    guide_links,
    plan_export,
    prepare_out_dir,
)
from peertui.i18n import N_, _, ngettext
from peertui.store import StoreError
from peertui.ui.base import PeerScreen
from peertui.ui.formats import describe_error
from peertui.ui.widgets.toggles import Checkbox, RadioButton

if TYPE_CHECKING:
    from peertui.export import ExportResult, Sheet
    from peertui.store.schema import Participant

WORKER_NAME = "export"


class ExportScreen(PeerScreen[None]):
    """The export dialog, its progress and its result, for one group."""

    BINDINGS = [
        Binding("ctrl+s", "export", N_("Print")),
        Binding("escape", "close", N_("Back")),
    ]

    def __init__(self, group_id: str, participant_id: str | None = None) -> None:
        super().__init__()
        self.group_id = group_id
        #: The participant highlighted on the group page (offered as "only ...").
        self.participant_id = participant_id
        self.exporting = False
        self.plan: ExportPlan | None = None
        self.result: ExportResult | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        participants = self.store.participants(self.group_id)
        one = next((p for p in participants if p.id == self.participant_id), None)
        yield Header()
        yield Static(Content(_("Print sheets as PDF")), classes="screen-title")
        with Horizontal(id="export"):
            with (
                VerticalScroll(id="export-form-panel", classes="panel"),
                Vertical(id="export-form"),
            ):
                yield from self.compose_form(participants, one)
            with VerticalScroll(id="export-result", classes="panel"):
                yield Static(id="export-error", classes="error")
                yield ProgressBar(id="export-progress", show_eta=False)
                yield Static(id="export-status")
                yield Static(id="export-notices", classes="notice")
                yield Static(id="export-files")
        yield Footer()

    def compose_form(
        self, participants: list[Participant], one: Participant | None
    ) -> ComposeResult:
        yield Label(_("What should be printed?"))
        with RadioSet(id="export-what"):
            for what in WHAT_CHOICES:
                yield RadioButton(
                    _(labels.EXPORT_SCREEN_WHAT[what]), value=what == "statement", id=f"what-{what}"
                )
        yield Label(_("For whom?"))
        with RadioSet(id="export-who"):
            yield RadioButton(
                ngettext(
                    "The whole group ({count} participant)",
                    "The whole group ({count} participants)",
                    len(participants),
                ),
                value=True,
                id="who-group",
            )
            if one is not None:
                yield RadioButton(Content(_("Only {alias}", alias=one.alias)), id="who-one")
        yield Checkbox(_("Digital copy (QR code with the statement's text)"), id="export-copy")
        yield Static(id="export-copy-help", classes="dim")
        yield Checkbox(_("All sheets in one PDF file"), id="export-one-file")
        yield Checkbox(_("Overwrite files that already exist"), id="export-force")
        yield Label(_("Folder"))
        yield Input(str(default_out_dir()), id="export-out")
        yield Static(
            Content(
                _(
                    "If the folder is missing, it is created so only you can open it. The "
                    "file names do not say who a sheet is for; the list here does."
                )
            ),
            classes="dim",
        )
        with Horizontal(classes="buttons"):
            yield Button(_("Print"), variant="primary", id="export-start")
            yield Button(_("Back"), id="export-close")

    def on_mount(self) -> None:
        self.sub_title = self.store.group(self.group_id).name
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-notices", Static).display = False
        self.update_copy_choice()
        self.query_one("#export-what", RadioSet).focus()

    # ------------------------------------------------------------------ the choices

    def chosen_what(self) -> str:
        pressed = self.query_one("#export-what", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return "statement"
        return pressed.id.removeprefix("what-")

    def chosen_participant(self) -> str | None:
        pressed = self.query_one("#export-who", RadioSet).pressed_button
        if pressed is not None and pressed.id == "who-one":
            return self.participant_id
        return None

    def update_copy_choice(self) -> None:
        """The digital copy is offered only if someone in scope consented to one."""
        participant = self.chosen_participant()
        scope = [
            p
            for p in self.store.participants(self.group_id)
            if participant is None or p.id == participant
        ]
        consented = sum(
            1 for p in scope if p.has_consent("digital_copy") and p.has_consent("printing")
        )
        copy = self.query_one("#export-copy", Checkbox)
        copy.disabled = consented == 0 or self.chosen_what() not in ("statement", "all")
        if consented == 0:
            copy.value = False
        help_text = (
            _(
                "Only for participants who have consented to a digital copy: {count} in the group.",
                count=consented,
            )
            if consented
            else _("No one in the group has consented to a digital copy.")
        )
        self.query_one("#export-copy-help", Static).update(Content(help_text))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.update_copy_choice()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-start":
            self.action_export()
        elif event.button.id == "export-close":
            self.action_close()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    # ------------------------------------------------------------------ actions

    def action_close(self) -> None:
        if self.exporting:
            self.notify(
                _("Printing is in progress. Wait until it is finished."), severity="warning"
            )
            return
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Content(message))

    def action_export(self) -> None:
        if self.exporting:
            self.notify(
                _("Printing is in progress. Wait until it is finished."), severity="warning"
            )
            return
        self.show_error("")
        self.result = None
        text = self.query_one("#export-out", Input).value.strip()
        if not text:
            self.show_error(_("Type which folder the files should be put in."))
            return
        folder = Path(text).expanduser()
        group = self.store.group(self.group_id)
        library = self.peertui.library
        try:
            plan = plan_export(
                self.store,
                self.group_id,
                what=self.chosen_what(),
                participant_id=self.chosen_participant(),
                links=guide_links(library),
                digital_copy=self.query_one("#export-copy", Checkbox).value,
                course=library.course(group.course),
            )
        except StoreError as exc:
            self.show_error(str(exc))
            return
        self.plan = plan
        self.show_notices(plan.notices())
        self.query_one("#export-files", Static).update("")
        if not plan.sheets:
            self.show_error(_("There are no sheets to print."))
            return
        try:
            prepare_out_dir(folder)
        except ExportError as exc:
            self.show_error(str(exc))
            return
        self.set_running(True, len(plan.sheets))
        self.run_export(
            plan.sheets,
            folder,
            one_file=self.query_one("#export-one-file", Checkbox).value,
            force=self.query_one("#export-force", Checkbox).value,
            title=plan.title,
        )

    def set_running(self, running: bool, total: int = 0) -> None:
        self.exporting = running
        self.query_one("#export-form").disabled = running
        bar = self.query_one("#export-progress", ProgressBar)
        if running:
            bar.display = True
            bar.update(total=total, progress=0)
            self.query_one("#export-status", Static).update(
                Content(_("Getting ready for {total} sheets …", total=total))
            )
        self.refresh_bindings()

    # ------------------------------------------------------------------ the worker

    @work(thread=True, exclusive=True, exit_on_error=False, name=WORKER_NAME)
    def run_export(
        self, sheets: Sequence[Sheet], folder: Path, *, one_file: bool, force: bool, title: str
    ) -> ExportResult:
        """In a worker thread: WeasyPrint is imported and the PDFs are made here. The sheets
        carry the organisation (plan_export); ``title`` is the group's name for one file."""
        return export_sheets(
            sheets,
            folder,
            one_file=one_file,
            force=force,
            anonymous_names=True,
            progress=self._progress_from_worker,
            title=title,
        )

    def _progress_from_worker(self, done: int, total: int) -> None:
        self.app.call_from_thread(self.show_progress, done, total)

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#export-status", Static).update(
            Content(_("Making sheets: {done} of {total}", done=done, total=total))
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != WORKER_NAME:
            return
        if event.state == WorkerState.SUCCESS:
            self.set_running(False)
            self.show_result(cast("ExportResult", event.worker.result))
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.set_running(False)
            self.query_one("#export-progress", ProgressBar).display = False
            self.query_one("#export-status", Static).update("")
            self.show_error(describe_error(event.worker.error))

    # ------------------------------------------------------------------ the result

    def show_notices(self, lines: Sequence[str]) -> None:
        notices = self.query_one("#export-notices", Static)
        notices.display = bool(lines)
        notices.update(Content("\n".join(lines)))

    def show_result(self, result: ExportResult) -> None:
        self.result = result
        plan = self.plan
        aliases = {p.id: p.alias for p in self.store.participants(self.group_id)}
        owners = plan.owners if plan is not None else ()
        sheets = plan.sheets if plan is not None else ()

        def owner_name(index: int) -> str:
            owner = owners[index] if index < len(owners) else None
            return _("Group summary") if owner is None else aliases.get(owner, "?")

        def whose(index: int) -> str:
            if index < len(owners) and owners[index] is not None:
                return f"{owner_name(index)} · {_(labels.EXPORT_KIND[sheets[index].kind])}"
            return owner_name(index)

        lines = []
        for path in result.paths:
            indexes = [i for i, p in enumerate(result.sheet_paths) if p == path]
            who = ", ".join(dict.fromkeys(whose(i) for i in indexes))
            lines.append(f"{who}\n  {path.name}")
        folder = result.paths[0].parent if result.paths else ""
        self.query_one("#export-status", Static).update(
            Content(
                ngettext(
                    "Done: {count} file in {dir}",
                    "Done: {count} files in {dir}",
                    len(result.paths),
                    dir=folder,
                )
            )
        )
        self.query_one("#export-files", Static).update(Content("\n".join(lines)))
        extra = [f"{owner_name(n.sheet)}: {n.message}" for n in result.notices]
        self.show_notices([*(plan.notices() if plan is not None else []), *extra])
