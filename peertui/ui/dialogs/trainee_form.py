"""Add a trainee to a training group, or change their alias, workplace, role and consent.

The participant form with two more fields (organisation, role) that asks only for the
consent to store the practice statement (taking part is given by joining the course).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from peertui.store.schema import NAME_MAX, ROLES
from peertui.strings import t
from peertui.ui.dialogs.participant_form import ParticipantForm
from peertui.ui.widgets.toggles import RadioButton

if TYPE_CHECKING:
    from peertui.store import Store
    from peertui.store.schema import Participant


class TraineeForm(ParticipantForm):
    """Returns the trainee's id when saved, None when cancelled."""

    SHOWN = ("store_statement",)
    TITLE_NEW = "trainee.title_new"
    TITLE_EDIT = "trainee.title_edit"
    CONSENTS_LABEL = "trainee.consents"

    def compose_details(self) -> ComposeResult:
        training = self.participant.training if self.participant else None
        yield Label(t("trainee.organisation"))
        yield Input(
            training.organisation if training else "", id="organisation", max_length=NAME_MAX
        )
        yield Label(t("trainee.role"))
        with RadioSet(id="role"):
            for role in ROLES:
                chosen = training is not None and training.role == role
                yield RadioButton(t(f"training.role.{role}"), chosen, id=f"role-{role}")

    def consent_label(self, purpose: str) -> str:
        return t(f"trainee.consent.{purpose}")

    def role(self) -> str | None:
        pressed = self.query_one("#role", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return None
        return pressed.id.removeprefix("role-")

    def organisation(self) -> str:
        return self.query_one("#organisation", Input).value

    def details_error(self) -> str | None:
        return t("trainee.no_role") if self.role() is None else None

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
