"""The personal statement editor: four prompts, the participant's own words, saved as they
are typed, with earlier versions to look at and bring back.

Nothing typed here is ever interpreted: every text is shown with ``Content``/``TextArea``,
never as markup. It is shown on the wall only after the facilitator confirms that the
participant agreed, and goes away with the same key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from peertui import labels
from peertui.formats import approx_words, moment
from peertui.i18n import N_, _
from peertui.store.schema import ANSWER_MAX, PROMPTS
from peertui.ui.base import ConfirmDialog, PeerScreen
from peertui.ui.dialogs.participant_form import ParticipantForm
from peertui.ui.dialogs.versions import VersionsDialog
from peertui.ui.messages import WallShared
from peertui.ui.widgets.autosave import Autosaver, SaveState, State, clean_typed_text
from peertui.wall import WallState

if TYPE_CHECKING:
    from peertui.store.schema import Participant, Statement

#: The most one prompt may hold (``ANSWER_MAX``, shared with the phones).
ANSWER_LIMIT = ANSWER_MAX


def statement_markdown_free_text(alias: str, answers: tuple[str, ...]) -> str:
    """The statement as plain text for the wall: prompt, then the participant's words."""
    parts = []
    for i, answer in enumerate(answers, start=1):
        parts.append(_(labels.STATEMENT_PROMPT[i]))
        parts.append(answer.strip() or "…")
        parts.append("")
    return "\n".join(parts).strip()


class HistoryScreen(VersionsDialog):
    """The statement's versions, newest first; returns the index of one to bring back."""

    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, statement: Statement) -> None:
        super().__init__()
        self.statement = statement

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-dialog"):
            yield Static(Content(_("Earlier versions")), classes="panel-title")
            options = []
            for index in range(len(self.statement.versions) - 1, -1, -1):
                version = self.statement.versions[index]
                when = moment(version.saved)
                first = " ".join(version.answers[0].split())[:40]
                options.append(
                    Option(Content.assemble((when, "bold"), "  ", (first, "dim")), id=str(index))
                )
            yield OptionList(*options, id="history-list")
            with VerticalScroll(id="history-view"):
                yield Static(id="history-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Bring back this version"), variant="primary", id="restore")
                yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        self.show(len(self.statement.versions) - 1)
        self.query_one("#history-list", OptionList).focus()

    def show(self, index: int) -> None:
        self.chosen = index
        answers = self.statement.versions[index].answers
        parts: list[tuple[str, str] | str] = []
        for i, answer in enumerate(answers, start=1):
            parts.append((_(labels.STATEMENT_PROMPT[i]) + "\n", "bold"))
            parts.append((answer or "…") + "\n\n")
        self.query_one("#history-text", Static).update(Content.assemble(*parts))


class StatementScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save_now", N_("Save now"), priority=True),
        Binding("ctrl+t", "example", N_("Example"), priority=True),
        Binding("ctrl+r", "history", N_("History"), priority=True),
        Binding("ctrl+o", "wall", N_("Show on the wall"), priority=True),
        Binding("ctrl+n", "next_participant", N_("Next participant"), priority=True),
        Binding("ctrl+b", "previous_participant", N_("Previous participant"), priority=True),
        Binding("ctrl+k", "consent", N_("Consent"), priority=True),
        Binding("escape", "leave", N_("Back")),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id
        self.statement: Statement | None = None
        #: The first save of this visit makes a new version; later ones update it.
        self.version_made = False
        self.leave_warned = False
        self._loading = False
        self.autosaver = Autosaver(self, self.save, self.show_state)

    # ------------------------------------------------------------------ data

    @property
    def participant(self) -> Participant:
        return self.store.participant(self.group_id, self.participant_id)

    def may_save(self) -> bool:
        return self.peertui.writable and self.participant.has_consent("store_statement")

    def answers(self) -> tuple[str, ...]:
        return tuple(self.query_one(f"#prompt-{i}", TextArea).text for i in range(1, PROMPTS + 1))

    def saved_answers(self) -> tuple[str, ...]:
        """The answers as last saved (empty ones before the first save)."""
        return self.statement.answers if self.statement is not None else ("",) * PROMPTS

    def save(self) -> None:
        """Called by the autosaver; raises ``StoreError`` when the save fails. Nothing is
        saved without a change: no version is ever made of the same words."""
        if not self.may_save():
            return
        answers = self.answers()
        if answers == self.saved_answers():
            return
        store = self.store
        if self.statement is not None and self.version_made:
            # Words saved from elsewhere since (the participant's own phone): they stay a
            # version of their own, and these words become the next one.
            current = store.statement(self.group_id, self.statement.id).current
            if current != self.statement.current:
                self.version_made = False
        if self.statement is None:
            self.statement = store.create_statement(self.group_id, self.participant_id, answers)
            self.version_made = True
        elif not self.version_made:
            self.statement = store.new_statement_version(self.group_id, self.statement.id, answers)
            self.version_made = True
        else:
            self.statement = store.update_statement(self.group_id, self.statement.id, answers)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="statement-title", classes="screen-title")
        with Horizontal(id="statement-status"):
            yield SaveState(id="save-state")
            yield Static(
                Content(_("At most {limit} characters per field.", limit=ANSWER_LIMIT)),
                classes="dim",
            )
            yield Static(id="copy-size", classes="dim")
        yield Static(id="statement-notice", classes="notice")
        with VerticalScroll(id="statement"):
            for i in range(1, PROMPTS + 1):
                yield Static(Content(_(labels.STATEMENT_PROMPT[i])), classes="prompt")
                yield Static(Content(_(labels.STATEMENT_GUIDANCE[i])), classes="dim")
                example = Static(Content(_(labels.STATEMENT_EXAMPLE[i])), classes="example")
                example.display = False
                yield example
                yield TextArea(id=f"prompt-{i}", soft_wrap=True, classes="answer")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        participant = self.participant
        self.sub_title = participant.alias
        self.query_one("#statement-title", Static).update(
            Content(_("Personal statement – {alias}", alias=participant.alias))
        )
        statements = self.store.statements(self.group_id, self.participant_id)
        self.statement = statements[-1] if statements else None
        answers = self.statement.answers if self.statement else ("",) * PROMPTS
        self._loading = True
        for i, answer in enumerate(answers, start=1):
            area = self.query_one(f"#prompt-{i}", TextArea)
            area.text = answer
        self.call_after_refresh(self._done_loading)
        self.refresh_consent()
        self.refresh_copy_size()
        self.query_one("#prompt-1", TextArea).focus()

    def _done_loading(self) -> None:
        self._loading = False

    def refresh_consent(self) -> None:
        notice = self.query_one("#statement-notice", Static)
        allowed = self.may_save()
        for area in self.query(TextArea):
            area.read_only = not allowed
        if not self.peertui.writable:
            notice.update(
                Content(_("peertui is open read-only: you can read, but nothing is saved."))
            )
        elif not allowed:
            notice.update(
                Content(
                    _(
                        "{alias} has not given consent for peertui to store what they write. "
                        "Without consent, nothing is saved. Press ctrl+k to record consent.",
                        alias=self.participant.alias,
                    )
                )
            )
        notice.display = not allowed
        if not allowed:
            self.show_state("off", "")
        elif self.statement is not None:
            self.show_state("saved", moment(self.statement.current.saved))
        else:
            self.show_state("off", "")

    def show_state(self, state: State, detail: str) -> None:
        self.query_one("#save-state", SaveState).show(state, detail)

    # ------------------------------------------------------------------ typing

    def refresh_copy_size(self) -> None:
        """For a participant who wants a digital copy: does the text fit in its QR code?"""
        widget = self.query_one("#copy-size", Static)
        if not self.participant.has_consent("digital_copy"):
            widget.display = False
            return
        # The exporter (~40 ms) loads only for a participant who wants a digital copy.
        from peertui.export.qr import COPY_LIMIT_BYTES, digital_copy_size

        size = digital_copy_size(self.answers())
        key = (
            N_("Digital copy: room for about {words} more words.")
            if size <= COPY_LIMIT_BYTES
            else N_(
                "Digital copy: the text is about {words} words too long – the sheet is "
                "printed without it."
            )
        )
        words = approx_words(abs(COPY_LIMIT_BYTES - size), up=size > COPY_LIMIT_BYTES)
        widget.update(Content(_(key, words=words)))
        widget.set_class(size > COPY_LIMIT_BYTES, "-warn")
        widget.display = True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._loading or not (event.text_area.id or "").startswith("prompt-"):
            return
        area = event.text_area
        cleaned, notices = clean_typed_text(area.text, ANSWER_LIMIT)
        if notices:
            self._loading = True
            area.text = cleaned
            area.move_cursor(area.document.end)
            self.call_after_refresh(self._done_loading)
            for notice in notices:
                self.notify(notice, severity="warning", timeout=6)
        self.leave_warned = False
        self.refresh_copy_size()
        # Loading a participant's words (ctrl+n, ctrl+b) is no edit: only a change is saved.
        if self.may_save() and (self.autosaver.dirty or self.answers() != self.saved_answers()):
            self.autosaver.changed()

    # ------------------------------------------------------------------ actions

    def action_save_now(self) -> None:
        changed = self.may_save() and self.answers() != self.saved_answers()
        self.autosaver.dirty = self.autosaver.dirty or changed or self.autosaver.state == "failed"
        self.autosaver.flush()

    def action_example(self) -> None:
        focused = self.focused
        index = 1
        if isinstance(focused, TextArea) and (focused.id or "").startswith("prompt-"):
            index = int((focused.id or "prompt-1").split("-")[1])
        examples = list(self.query(".example"))
        example = examples[index - 1]
        example.display = not example.display

    def action_history(self) -> None:
        if self.statement is None or not self.autosaver.flush():
            if self.statement is None:
                self.notify(_("There are no earlier versions yet."))
            return
        statement = self.store.statement(self.group_id, self.statement.id)

        def chosen(index: int | None) -> None:
            if index is None or not self.may_save():
                return
            version = statement.versions[index]
            self._loading = True
            for i, answer in enumerate(version.answers, start=1):
                self.query_one(f"#prompt-{i}", TextArea).text = answer
            self.call_after_refresh(self._done_loading)
            # Bringing a version back is a change of its own: a new version.
            self.version_made = False
            self.autosaver.dirty = True
            if self.autosaver.flush():
                when = moment(version.saved)
                self.notify(
                    _(
                        "The version from {when} has been brought back and saved as the newest.",
                        when=when,
                    )
                )

        self.app.push_screen(HistoryScreen(statement), chosen)

    def action_wall(self) -> None:
        if self.peertui.wall_shared is not None:
            self.app.post_message(WallShared(None))
            self.notify(_("The statement has been removed from the wall."))
            return
        alias = self.participant.alias

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.app.post_message(
                WallShared(
                    WallState(
                        mode="shared",
                        title=_("Personal statement"),
                        subtitle=alias,
                        text=statement_markdown_free_text(alias, self.answers()),
                    )
                )
            )
            self.notify(_("The statement is shown on the wall. Press ctrl+o again to remove it."))

        self.app.push_screen(
            ConfirmDialog(
                _("Has {alias} said yes to showing the statement on the wall now?", alias=alias)
            ),
            answered,
        )

    def switch_to(self, step: int) -> None:
        if not self.autosaver.flush() and self.autosaver.state == "failed":
            return  # never leave unsaved words behind by switching
        participants = self.store.participants(self.group_id)
        ids = [p.id for p in participants]
        if self.participant_id not in ids or len(ids) < 2:
            return
        if self.peertui.wall_shared is not None:
            self.app.post_message(WallShared(None))
        index = (ids.index(self.participant_id) + step) % len(ids)
        self.participant_id = ids[index]
        self.version_made = False
        self.autosaver = Autosaver(self, self.save, self.show_state)
        for example in self.query(".example"):
            example.display = False
        self.load()

    def action_next_participant(self) -> None:
        self.switch_to(+1)

    def action_previous_participant(self) -> None:
        self.switch_to(-1)

    def action_consent(self) -> None:
        if not self.peertui.writable:
            return

        def done(_: str | None) -> None:
            self.refresh_consent()

        self.app.push_screen(ParticipantForm(self.group_id, self.participant), done)

    def action_leave(self) -> None:
        failed = not self.autosaver.flush() and self.autosaver.state == "failed"
        if failed and not self.leave_warned:
            self.leave_warned = True
            self.notify(
                _(
                    "The text is NOT saved. Press esc again to leave anyway (the text will "
                    "then be lost)."
                ),
                severity="error",
                timeout=10,
            )
            return
        if self.peertui.wall_shared is not None:
            self.app.post_message(WallShared(None))
        self.dismiss()
