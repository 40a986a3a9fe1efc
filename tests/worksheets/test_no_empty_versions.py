"""No version of a worksheet is ever saved without a change: not by ctrl+s, not by bringing
back the version already there, not by leaving; and the store refuses one too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from peertui.store import open_store
from peertui.store.schema import Goal, NetworkMap, NetworkPerson, PersonalGoals, SafetyPlan
from peertui.ui.dialogs.worksheet_history import WorksheetHistoryScreen

from .helpers import Seeded, open_sheet, seed

EARLIER = {
    "goals": PersonalGoals(goals=(Goal("Gå en tur"),)),
    "safety_plan": SafetyPlan(warning_signs=("Sover dårligt",)),
    "network_map": NetworkMap(people=(NetworkPerson("Mor", 1, "family"),)),
}


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path)


def count(s: Seeded, kind: str) -> int:
    with open_store(s.data, read_only=True) as store:
        return len(store.worksheet_history(s.group, s.maja, kind))


async def test_no_change_saves_nothing(seeded: Seeded) -> None:
    store = seeded.store()
    for content in EARLIER.values():
        store.save_worksheet(seeded.group, seeded.maja, content, new_version=True)
    calls: list[Any] = []
    save_worksheet = store.save_worksheet

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return save_worksheet(*args, **kwargs)

    store.save_worksheet = counted  # type: ignore[method-assign]
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        for kind in EARLIER:
            screen = await open_sheet(app, pilot, seeded.group, seeded.maja, kind)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("ctrl+r")  # bring back the version that is already there
            await pilot.pause()
            assert isinstance(app.screen, WorksheetHistoryScreen)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause(0.05)
            assert app.screen is screen
            await pilot.press("escape")
            await pilot.pause()
    # The editors did not even ask the store.
    assert calls == []
    store.close()
    assert {kind: count(seeded, kind) for kind in EARLIER} == dict.fromkeys(EARLIER, 1)


def test_the_store_keeps_no_version_without_a_change(seeded: Seeded) -> None:
    with seeded.store() as store:
        for kind, content in EARLIER.items():
            first = store.save_worksheet(seeded.group, seeded.maja, content, new_version=True)
            again = store.save_worksheet(seeded.group, seeded.maja, content, new_version=True)
            assert len(again.versions) == 1
            assert again.updated == first.updated
            store.save_worksheet(seeded.group, seeded.maja, content, new_version=False)
            assert len(store.worksheet_history(seeded.group, seeded.maja, kind)) == 1
        changed = store.save_worksheet(
            seeded.group, seeded.maja, SafetyPlan(warning_signs=("Andet",)), new_version=True
        )
        assert len(changed.versions) == 2
