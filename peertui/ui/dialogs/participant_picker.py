"""Choose one of the group's participants (returns the id, or None)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peertui.i18n import N_, _
from peertui.ui.base import PeerDialog

if TYPE_CHECKING:
    from peertui.store.schema import Participant


class ParticipantPicker(PeerDialog[str | None]):
    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, participants: Sequence[Participant], question: str = "") -> None:
        super().__init__()
        self.participants = list(participants)
        #: The title asked (the default: whose statement to open).
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(self.question or _("Whose statement? (shown only on your screen)")),
                classes="panel-title",
            )
            yield OptionList(
                *(Option(Content(p.alias), id=p.id) for p in self.participants),
                id="picker",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_close(self) -> None:
        self.dismiss(None)
