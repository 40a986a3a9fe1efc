"""A meeting in progress survives a restart; deleting the group deletes it too."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

from peertui.store import open_store


def make_group(store):  # type: ignore[no-untyped-def]
    return store.create_group(
        "Tirsdagsgruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 1, 6), date(2027, 1, 6)
    )


def test_run_state_round_trip_and_private_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = make_group(store)
        assert store.run_state(group.id) is None
        state = {"meeting": 3, "index": 2, "step": 1, "elapsed": [600.0, 1200.5], "adjust": [0, 60]}
        store.save_run_state(group.id, state)
        path = data / "runs" / f"{group.id}.json"
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    with open_store(data) as store:
        assert store.run_state(group.id) == state
        store.clear_run_state(group.id)
        assert store.run_state(group.id) is None


def test_damaged_run_state_is_ignored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = make_group(store)
        store.save_run_state(group.id, {"meeting": 1})
        (data / "runs" / f"{group.id}.json").write_text("{not json", encoding="utf-8")
        assert store.run_state(group.id) is None


def test_deleting_the_group_deletes_its_run_state(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = make_group(store)
        store.save_run_state(group.id, {"meeting": 1})
        store.delete_group(group.id)
        assert not (data / "runs" / f"{group.id}.json").exists()
