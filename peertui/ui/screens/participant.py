"""One participant: their consent, and the way into their statement and worksheets."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui.strings import t
from peertui.ui.base import PeerScreen
from peertui.ui.dialogs.participant_form import PURPOSES, ParticipantForm

if TYPE_CHECKING:
    pass

TOOLS = ("statement", "goals", "safety_plan", "network_map")


class ParticipantScreen(PeerScreen[None]):
    BINDINGS = [
        Binding("k", "consent", t("participant.key_consent")),
        Binding("escape", "app.pop_screen", t("key.back")),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="participant-title", classes="screen-title")
        yield Static(id="participant-consent", classes="dim")
        yield Static(Content(t("participant.tools")), classes="panel-title")
        yield OptionList(
            *(Option(Content(t(f"participant.tool.{tool}")), id=tool) for tool in TOOLS),
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
        given = [t(f"consent.{p}") for p in PURPOSES if participant.has_consent(p)]
        self.query_one("#participant-consent", Static).update(
            Content(
                t("participant.consent_line", consents="; ".join(given))
                if given
                else t("participant.consent_line", consents=t("participant.no_consents"))
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        tool = event.option_id
        if tool == "statement":
            self.show_private(t("private.what.statement"), self.open_statement)
        elif tool in TOOLS:
            self.show_private(t("private.what.worksheet"), lambda: self.open_worksheet(tool))

    def open_statement(self) -> None:
        from peertui.ui.screens.statement import StatementScreen  # loaded when opened

        self.app.push_screen(StatementScreen(self.group_id, self.participant_id))

    def open_worksheet(self, tool: str) -> None:
        try:
            worksheets = importlib.import_module("peertui.ui.screens.worksheets")
        except ImportError:
            self.notify(t("participant.tool_missing"))
            return
        worksheets.open_worksheet(self.app, self.group_id, self.participant_id, tool)

    def action_consent(self) -> None:
        if not self.peertui.writable:
            return
        participant = self.store.participant(self.group_id, self.participant_id)
        self.app.push_screen(
            ParticipantForm(self.group_id, participant), lambda _: self.refresh_page()
        )
