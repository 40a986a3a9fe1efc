"""Add a participant, or change their alias and consents.

Withdrawing consent to store their words deletes those words (backups included), so the
form asks for a second, explicit confirmation before it saves that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from peertui.strings import t

if TYPE_CHECKING:
    from peertui.store.model import Participant
    from peertui.ui.app import PeerTUI

PURPOSES = ("taking_part", "store_statement", "printing", "digital_copy")


class ParticipantForm(ModalScreen[str | None]):
    """Returns the participant's id when saved, None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", t("button.cancel"))]

    def __init__(self, group_id: str, participant: Participant | None = None) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant = participant
        self.confirming_withdrawal = False

    def compose(self) -> ComposeResult:
        p = self.participant
        with VerticalScroll(classes="dialog"):
            yield Static(
                Content(t("participant.title_edit" if p else "participant.title_new")),
                classes="panel-title",
            )
            yield Label(t("participant.alias"))
            yield Input(p.alias if p else "", id="alias", max_length=40)
            yield Label(t("participant.consents"))
            for purpose in PURPOSES:
                checked = p.has_consent(purpose) if p else purpose == "taking_part"
                yield Checkbox(t(f"consent.{purpose}"), checked, id=f"consent-{purpose}")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("button.save"), variant="primary", id="save")
                yield Button(t("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#alias", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_checkbox_changed(self) -> None:
        if self.confirming_withdrawal:  # a change after the warning: ask again
            self.confirming_withdrawal = False
            self.query_one("#save", Button).label = t("button.save")
            self.query_one("#form-error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def wanted(self) -> set[str]:
        return {p for p in PURPOSES if self.query_one(f"#consent-{p}", Checkbox).value}

    def action_save(self) -> None:
        from peertui.store import StoreError

        app = cast("PeerTUI", self.app)
        store = app.store
        if store is None:
            return
        alias = self.query_one("#alias", Input).value
        wanted = self.wanted()
        error = self.query_one("#form-error", Static)
        try:
            if self.participant is None:
                saved = store.add_participant(self.group_id, alias, consents=sorted(wanted))
                self.dismiss(saved.id)
                return
            p = self.participant
            withdrawing_words = p.has_consent("store_statement") and "store_statement" not in wanted
            if withdrawing_words and not self.confirming_withdrawal:
                self.confirming_withdrawal = True
                error.update(Content(t("participant.withdraw_warning")))
                self.query_one("#save", Button).label = t("participant.confirm_withdraw")
                return
            if alias.strip() != p.alias:
                store.rename_participant(self.group_id, p.id, alias)
            for purpose in PURPOSES:
                if purpose in wanted and not p.has_consent(purpose):
                    store.give_consent(self.group_id, p.id, purpose)
                elif purpose not in wanted and p.has_consent(purpose):
                    store.withdraw_consent(self.group_id, p.id, purpose)
        except StoreError as exc:  # CPR-like alias, duplicate alias, full disk, ...
            error.update(Content(str(exc)))
            return
        self.dismiss(p.id)
