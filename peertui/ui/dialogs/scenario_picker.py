"""Choose a meeting scenario for meeting training (returns its id, or None)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.content import Scenario
from peertui.content.scenarios import MEETING_KINDS, VARIANTS
from peertui.i18n import N_, _
from peertui.ui.base import PeerDialog


def scenario_kind(scenario: Scenario) -> str:
    """The kind of meeting, without or with statement: "Myndighedsmøde  ·  Uden statement"."""
    parts = []
    if scenario.meeting in MEETING_KINDS:
        parts.append(_(labels.SCENARIO_MEETING[scenario.meeting]))
    if scenario.variant in VARIANTS:
        parts.append(_(labels.SCENARIO_VARIANT[scenario.variant]))
    return "  ·  ".join(parts)


def training_order(scenarios: Sequence[Scenario]) -> list[Scenario]:
    """All scenarios as a trainer looks for them: by kind of meeting, then without before with."""

    def key(scenario: Scenario) -> tuple[int, int, str]:
        meeting = (
            MEETING_KINDS.index(scenario.meeting)
            if scenario.meeting in MEETING_KINDS
            else len(MEETING_KINDS)
        )
        variant = VARIANTS.index(scenario.variant) if scenario.variant in VARIANTS else 0
        return (meeting, variant, scenario.title.casefold())

    return sorted(scenarios, key=key)


class ScenarioPicker(PeerDialog[str | None]):
    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, scenarios: Sequence[Scenario], title: str = "") -> None:
        super().__init__()
        self.scenarios = list(scenarios)
        self.title_text = title or _("Meeting practice: choose a meeting")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="scenario-picker-dialog"):
            yield Static(Content(self.title_text), classes="panel-title")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (scenario.title, "bold"),
                            "\n",
                            (
                                f"{scenario_kind(scenario)}  ·  "
                                + _("about {minutes} min", minutes=scenario.minutes),
                                "dim",
                            ),
                        ),
                        id=scenario.id,
                    )
                    for scenario in self.scenarios
                ),
                id="scenario-picker",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_close(self) -> None:
        self.dismiss(None)
