"""The network map with 30 people, at a projector's large font (60x20) and a big screen (200x60).

Update after an intended change with:
    .venv/bin/python -m pytest tests/worksheets/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peertui.store.schema import SECTORS, NetworkMap, NetworkPerson
from peertui.ui.screens.worksheets import open_worksheet

from .helpers import seed

NAMES = (
    "Mor", "Far", "Søster", "Bror", "Mormor", "Onkel Bent", "Lise", "Karim", "Jonas",
    "Peter Hansen", "Chefen", "Kollega Ib", "Lærer", "Fodboldholdet", "Koret", "Naboen",
    "Psykolog", "Egen læge", "Kontaktperson", "Forum om hunde", "Discord-venner", "Kusine",
    "Farmor", "Ven fra skolen", "Tegneholdet", "Hundeejerne", "Sagsbehandler", "Mentor",
    "Gamer-ven", "Instagram",
)  # fmt: skip
PEOPLE = tuple(
    NetworkPerson(name, 1 + i % 3, SECTORS[i % len(SECTORS)], "note" if i % 4 == 0 else "")
    for i, name in enumerate(NAMES)
)


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Saved times are shown in local time: fix it, so the picture is the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", [(60, 20), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_network_map_with_30_people(
    snap_compare: Any, tmp_path: Path, utc: None, size: tuple[int, int]
) -> None:
    seeded = seed(tmp_path, fixed_clock=True)
    with seeded.store(fixed_clock=True) as store:
        store.save_worksheet(seeded.group, seeded.maja, NetworkMap(people=PEOPLE))
    store = seeded.store(fixed_clock=True)
    app = seeded.app(store)

    async def open_map(pilot: Any) -> None:
        open_worksheet(app, seeded.group, seeded.maja, "network_map")
        for _ in range(5):
            await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_map)
