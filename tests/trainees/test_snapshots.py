"""The trainee page at a projector's large font (60x20) and a laptop's (100x30), on a fixed
"today" (the store's clock): three teachings, one of which does not count.

Update after an intended change with:
    .venv/bin/python -m pytest tests/trainees/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peertui.ui.screens.trainee import TraineeScreen

from .helpers import seed

TAUGHT = [(5, "colleagues", 3, False), (8, "colleagues", 1, True)]


@pytest.mark.parametrize("size", [(60, 20), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_trainee_page(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    seeded = seed(tmp_path, taught=TAUGHT)
    assert seeded.trainee is not None
    with seeded.store() as store:
        store.record_teaching(
            seeded.group,
            seeded.trainee,
            held=date(2026, 10, 2),
            audience="citizens",
            count=1,
            citizen_contact=None,
            note="Borgercafé [b]i huset[/b]",
        )
    store = seeded.store()
    app = seeded.app(store)

    async def open_page(pilot: Any) -> None:
        assert seeded.trainee is not None
        app.push_screen(TraineeScreen(seeded.group, seeded.trainee))
        for _ in range(5):
            await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_page)
