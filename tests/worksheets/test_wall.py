"""A worksheet on the wall: only after the facilitator confirms that the participant agreed,
gone with the same key or on leaving, and the words shown as text (never markup)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from peertui.store.schema import Goal, NetworkMap, NetworkPerson, PersonalGoals, SafetyPlan
from peertui.ui.screens.worksheets import wall_text

from .helpers import Seeded, open_sheet, seed, type_into


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path)


@pytest.mark.parametrize("kind", ["goals", "safety_plan", "network_map"])
async def test_on_the_wall_only_after_confirmation_and_gone_with_one_key(
    seeded: Seeded, kind: str
) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, kind)
        if kind == "goals":
            field: TextArea | Input = screen.query_one(f"#g{screen.cards[0]}-text", TextArea)  # type: ignore[attr-defined]
        elif kind == "safety_plan":
            field = screen.query_one("#safety-warning_signs", TextArea)
        else:
            field = screen.query_one("#network-name", Input)
        await type_into(pilot, field, "[bold]Mine ord[/]")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")  # "Nej" has the focus: nothing is shown
        await pilot.pause()
        assert app.wall_shared is None
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Ja", chosen on purpose
        await pilot.pause()
        assert app.wall_shared is not None
        assert app.wall_shared.subtitle == "Maja"
        assert "[bold]Mine ord[/]" in app.wall_shared.text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.wall_shared is None
        # Shown again, then leaving the sheet takes it off the wall.
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.wall_shared is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.wall_shared is None
    store.close()


def test_wall_text_of_each_sheet() -> None:
    goals = wall_text(PersonalGoals(goals=(Goal("Gå en tur", why="Jeg sover bedre"),)))
    assert goals.splitlines()[0] == "Mål 1"
    assert "Derfor er det vigtigt for mig: Jeg sover bedre" in goals
    plan = wall_text(SafetyPlan(warning_signs=("Jeg sover dårligt",)))
    assert "1. Tegn på, at en krise kan være på vej\n  Jeg sover dårligt" in plan
    assert "5. Fagfolk og kriselinjer\n  …" in plan
    network = wall_text(
        NetworkMap(
            people=(
                NetworkPerson("Ole", 2, "friends"),
                NetworkPerson("Mor", 1, "family"),
                NetworkPerson("Bo", 1, "online"),
            )
        )
    )
    assert network.splitlines()[:3] == ["1 – tættest på", "  Mor (Familie)", "  Bo (Online)"]
    assert "3 – længere væk\n  …" in network
    assert wall_text(PersonalGoals()) == "…"
