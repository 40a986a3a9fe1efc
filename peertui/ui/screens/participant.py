"""One participant: their consent, and the way into their statement and worksheets."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen
from peertui.ui.dialogs.participant_form import PURPOSES, ParticipantForm

if TYPE_CHECKING:
    pass

TOOLS = ("statement", "goals", "safety_plan", "network_map")


class ParticipantScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("k", "consent", N_("Consent and name")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="participant-title", classes="screen-title")
        yield Static(id="participant-consent", classes="dim")
        yield Static(Content(_("Tools")), classes="panel-title")
        yield OptionList(
            *(Option(Content(_(labels.PARTICIPANT_TOOL[tool])), id=tool) for tool in TOOLS),
            id="tools",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_page()
        self.query_one("#tools", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_page()

    def refresh_page(self) -> None:
        participant = self.store.participant(self.group_id, self.participant_id)
        self.sub_title = participant.alias
        self.query_one("#participant-title", Static).update(Content(participant.alias))
        given = [_(labels.CONSENT[p]) for p in PURPOSES if participant.has_consent(p)]
        self.query_one("#participant-consent", Static).update(
            Content(
                _("Consent: {consents}", consents="; ".join(given))
                if given
                else _("Consent: {consents}", consents=_("no consent recorded"))
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        tool = event.option_id
        if tool == "statement":
            self.show_private(_("the participant's statement"), self.open_statement)
        elif tool in TOOLS:
            self.show_private(_("the participant's sheet"), lambda: self.open_worksheet(tool))

    def open_statement(self) -> None:
        from peertui.ui.screens.statement import StatementScreen  # loaded when opened

        self.app.push_screen(StatementScreen(self.group_id, self.participant_id))

    def open_worksheet(self, tool: str) -> None:
        try:
            worksheets = importlib.import_module("peertui.ui.screens.worksheets")
        except ImportError:
            self.notify(_("That tool is not ready yet."))
            return
        worksheets.open_worksheet(self.app, self.group_id, self.participant_id, tool)

    def action_consent(self) -> None:
        if not self.peertui.writable:
            return
        participant = self.store.participant(self.group_id, self.participant_id)
        self.app.push_screen(
            ParticipantForm(self.group_id, participant), lambda _: self.refresh_page()
        )
