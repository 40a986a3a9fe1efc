"""No version of a statement is ever saved without a change: not by ctrl+n or ctrl+b (moving
to the next participant), not by ctrl+s, not by leaving, and the store refuses one too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peertui.content import load_library
from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.statement import StatementScreen
from tests.helpers import wait_until

LIBRARY = load_library()
WORDS = ("Jeg hedder {alias}.", "ro om morgenen", "at sove bedre", "tegne igen")


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, str, list[str]]:
    """Three participants, each with a statement of one version."""
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        ids = []
        for alias in ("Maja", "Ali", "Sofie"):
            pid = store.add_participant(
                group.id, alias, consents=["taking_part", "store_statement"]
            ).id
            store.create_statement(group.id, pid, [w.format(alias=alias) for w in WORDS])
            ids.append(pid)
    return data, group.id, ids


def versions(data: Path, group_id: str) -> dict[str, int]:
    with open_store(data, read_only=True) as store:
        return {
            p.alias: sum(len(s.versions) for s in store.statements(group_id, p.id))
            for p in store.participants(group_id)
        }


async def test_moving_between_participants_saves_nothing(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, ids = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = StatementScreen(group_id, ids[0])
        screen.autosaver.delay = 0.01
        app.push_screen(screen)
        await pilot.pause()
        shown: list[str] = []
        show_state = screen.show_state
        screen.show_state = lambda state, detail: (shown.append(state), show_state(state, detail))  # type: ignore[method-assign]
        for key in ("ctrl+n", "ctrl+n", "ctrl+b", "ctrl+s"):
            await pilot.press(key)
            screen.autosaver.delay = 0.01
            # Give any (wrong) autosave every chance to run.
            for _ in range(10):
                await pilot.pause(0.02)
            await wait_until(pilot, lambda: screen.autosaver.state != "pending")
        assert screen.participant_id == ids[1]
        assert screen.answers()[0] == "Jeg hedder Ali."
        # The editor itself saw no edit: it never even said "Gemmer …".
        assert "pending" not in shown
        await pilot.press("escape")
        await pilot.pause()
    store.close()
    assert versions(data, group_id) == {"Maja": 1, "Ali": 1, "Sofie": 1}


def test_the_store_keeps_no_version_without_a_change(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, ids = seeded
    with open_store(data) as store:
        (statement,) = store.statements(group_id, ids[0])
        same = store.new_statement_version(group_id, statement.id, statement.answers)
        assert len(same.versions) == 1
        assert same.current.saved == statement.current.saved  # not even touched
        store.update_statement(group_id, statement.id, statement.answers)
        changed = store.new_statement_version(group_id, statement.id, ("Nyt", "", "", ""))
        assert len(changed.versions) == 2
    assert versions(data, group_id)["Maja"] == 2
