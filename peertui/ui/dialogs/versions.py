"""What every "earlier versions" dialog shares (a statement's, a worksheet's): a list of
versions newest first (each option's id is the version's index, oldest first), the
highlighted one shown in full, and the index to bring back as the result (None: nothing).

A subclass composes the list and the view and implements ``show``.
"""

from __future__ import annotations

from textual.widgets import Button, OptionList

from peertui.ui.base import PeerDialog


class VersionsDialog(PeerDialog[int | None]):
    #: The version shown (and brought back by "restore").
    chosen: int

    def show(self, index: int) -> None:  # pragma: no cover - every dialog has its own
        raise NotImplementedError

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None:
            self.show(int(event.option_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is not None:
            self.dismiss(int(event.option_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.chosen if event.button.id == "restore" else None)

    def action_close(self) -> None:
        self.dismiss(None)
