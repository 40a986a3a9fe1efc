"""Add a participant, or change their alias and consents.

Withdrawing consent to store their words deletes those words (backups included), so the
form asks for a second, explicit confirmation before it saves that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from peertui import labels
from peertui.i18n import N_, _
from peertui.store import StoreError
from peertui.store.schema import PURPOSES
from peertui.ui.base import FormDialog
from peertui.ui.widgets.toggles import Checkbox

if TYPE_CHECKING:
    from peertui.store import Store
    from peertui.store.schema import Participant

__all__ = ["PURPOSES", "ParticipantForm"]


class ParticipantForm(FormDialog[str | None]):
    """Returns the participant's id when saved, None when cancelled.

    A subclass (the trainee form) asks for more and for fewer consents through the hooks
    ``SHOWN``, ``compose_details``, ``details_error``, ``create`` and ``update_details``."""

    #: The consents the form asks about; the others are left as they are.
    SHOWN: tuple[str, ...] = PURPOSES
    TITLE_NEW = N_("New participant")
    TITLE_EDIT = N_("Participant")
    CONSENTS_LABEL = N_("The participant has said yes to:")

    def __init__(self, group_id: str, participant: Participant | None = None) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant = participant
        self.confirming_withdrawal = False

    def compose(self) -> ComposeResult:
        p = self.participant
        with VerticalScroll(classes="dialog"):
            yield Static(
                Content(_(self.TITLE_EDIT if p else self.TITLE_NEW)),
                classes="panel-title",
            )
            yield Label(_("First name or nickname (never CPR number or surname)"))
            yield Input(p.alias if p else "", id="alias", max_length=40)
            yield from self.compose_details()
            yield Label(_(self.CONSENTS_LABEL))
            for purpose in self.SHOWN:
                checked = p.has_consent(purpose) if p else purpose == "taking_part"
                yield Checkbox(self.consent_label(purpose), checked, id=f"consent-{purpose}")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#alias", Input).focus()

    def on_checkbox_changed(self) -> None:
        if self.confirming_withdrawal:  # a change after the warning: ask again
            self.confirming_withdrawal = False
            self.query_one("#save", Button).label = _("Save")
            self.query_one("#form-error", Static).update("")

    # ------------------------------------------------------------------ hooks

    def compose_details(self) -> ComposeResult:
        """More fields after the alias (none for a participant)."""
        yield from ()

    def consent_label(self, purpose: str) -> str:
        return _(labels.CONSENT[purpose])

    def details_error(self) -> str | None:
        """A calm line when the further fields are not filled in right (checked first)."""
        return None

    def create(self, store: Store, alias: str, consents: list[str]) -> Participant:
        return store.add_participant(self.group_id, alias, consents=consents)

    def update_details(self, store: Store, participant: Participant) -> None:
        """Save the further fields of an existing participant (before the consents)."""

    # ------------------------------------------------------------------ saving

    def wanted(self) -> set[str]:
        """The consents ticked; those the form does not ask about stay as they are."""
        p = self.participant
        kept = {x for x in PURPOSES if x not in self.SHOWN and p is not None and p.has_consent(x)}
        shown = {x for x in self.SHOWN if self.query_one(f"#consent-{x}", Checkbox).value}
        if p is None and "taking_part" not in self.SHOWN:
            kept.add("taking_part")
        return kept | shown

    def action_save(self) -> None:
        store = self.store
        alias = self.query_one("#alias", Input).value
        wanted = self.wanted()
        error = self.query_one("#form-error", Static)
        problem = self.details_error()
        if problem is not None:
            error.update(Content(problem))
            return
        try:
            if self.participant is None:
                saved = self.create(store, alias, sorted(wanted))
                self.dismiss(saved.id)
                return
            p = self.participant
            withdrawing_words = p.has_consent("store_statement") and "store_statement" not in wanted
            if withdrawing_words and not self.confirming_withdrawal:
                self.confirming_withdrawal = True
                error.update(
                    Content(
                        _(
                            "Without consent to store, the participant's statement and worksheets "
                            "are deleted, including in the backups."
                        )
                    )
                )
                self.query_one("#save", Button).label = _("Delete statement and worksheets")
                return
            if alias.strip() != p.alias:
                store.rename_participant(self.group_id, p.id, alias)
            self.update_details(store, p)
            for purpose in PURPOSES:
                if purpose in wanted and not p.has_consent(purpose):
                    store.give_consent(self.group_id, p.id, purpose)
                elif purpose not in wanted and p.has_consent(purpose):
                    store.withdraw_consent(self.group_id, p.id, purpose)
        except StoreError as exc:  # CPR-like alias, duplicate alias, full disk, ...
            error.update(Content(str(exc)))
            return
        self.dismiss(p.id)
