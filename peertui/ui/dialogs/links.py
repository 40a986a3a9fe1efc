"""A small dialog listing a guide page's links to other pages, for keyboard users."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peertui.i18n import N_, _
from peertui.ui.base import PeerDialog


class LinksScreen(PeerDialog[str | None]):
    """Returns the chosen page id, or None."""

    BINDINGS = [Binding("escape", "dismiss_none", N_("Close"))]

    def __init__(self, links: list[tuple[str, str]]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="links-dialog"):
            yield Static(Content(_("Links on the page")), classes="panel-title")
            yield OptionList(
                *(Option(Content(label), id=target) for label, target in self.links),
                id="links",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
