"""Add a trainee to a training group, or change their alias, workplace, role and consent.

The participant form with two more fields (organisation, role) that asks only for the
consent to store the practice statement (taking part is given by joining the course).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from peertui import labels
from peertui.i18n import N_, _
from peertui.store.schema import NAME_MAX, ROLES
from peertui.ui.dialogs.participant_form import ParticipantForm
from peertui.ui.widgets.toggles import RadioButton

if TYPE_CHECKING:
    from peertui.store import Store
    from peertui.store.schema import Participant


class TraineeForm(ParticipantForm):
    """Returns the trainee's id when saved, None when cancelled."""

    SHOWN = ("store_statement",)
    TITLE_NEW = N_("New trainee")
    TITLE_EDIT = N_("Trainee")
    CONSENTS_LABEL = N_("The trainee has agreed to:")

    def compose_details(self) -> ComposeResult:
        training = self.participant.training if self.participant else None
        yield Label(_("Workplace (organisation)"))
        yield Input(
            training.organisation if training else "", id="organisation", max_length=NAME_MAX
        )
        yield Label(_("Role"))
        with RadioSet(id="role"):
            for role in ROLES:
                chosen = training is not None and training.role == role
                yield RadioButton(_(labels.TRAINING_ROLE[role]), chosen, id=f"role-{role}")

    def consent_label(self, purpose: str) -> str:
        return _(labels.TRAINEE_CONSENT[purpose])

    def role(self) -> str | None:
        pressed = self.query_one("#role", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return None
        return pressed.id.removeprefix("role-")

    def organisation(self) -> str:
        return self.query_one("#organisation", Input).value

    def details_error(self) -> str | None:
        return (
            _("Choose the trainee's role: peer worker or staff member.")
            if self.role() is None
            else None
        )

    def create(self, store: Store, alias: str, consents: list[str]) -> Participant:
        role = self.role()
        assert role is not None  # details_error checked it
        return store.add_trainee(self.group_id, alias, self.organisation(), role, consents=consents)

    def update_details(self, store: Store, participant: Participant) -> None:
        role = self.role()
        training = participant.training
        if training is None or role is None:
            return  # not a trainee (the form is not offered then)
        if training.organisation != self.organisation().strip() or training.role != role:
            store.update_training(
                self.group_id, participant.id, organisation=self.organisation(), role=role
            )
