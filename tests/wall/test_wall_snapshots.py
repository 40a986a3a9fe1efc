"""The wall at a projector's large font (60x20) up to a big screen (240x70).

Update after an intended change with: .venv/bin/python -m pytest tests/wall --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peertui.ui.wall import WallApp
from peertui.wall import WallState

STATE = WallState(
    mode="block",
    group="Tirsdagsgruppen",
    title="Invitér andre ind",
    subtitle="Tema  ·  punkt 2 af 6",
    text="Mange af os går til møder, hvor andre taler om vores liv.\n\nVi kan selv sætte scenen.",
    countdown="03:00",
    phase="warn",
    meeting_clock="Mødet 0:17 af 2:00",
)

#: The block (title, text and a running timer) at every size the issue names.
SIZES = [(60, 20), (100, 30), (160, 45), (240, 70)]


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


async def show(pilot, state: WallState, *, gone: bool = False) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    app.connected = True
    app.receive(state)
    if gone:
        app.ever_connected = True
        app.connection(False)
    await pilot.pause()
    await pilot.pause()
    # The hint about bigger text (above 30 rows) is tested in test_wall_screens.py.
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_wall_block(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await show(pilot, STATE)

    assert snap_compare(WallApp(tmp_path / "none"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(60, 20), (240, 70)], ids=size_id)
@pytest.mark.parametrize("mode", ["break", "blank", "idle", "gone"])
def test_wall(snap_compare, tmp_path: Path, size: tuple[int, int], mode: str) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        state = WallState(
            mode="idle" if mode == "gone" else mode,  # type: ignore[arg-type]
            group=STATE.group,
            countdown="14:30",
            text="Kaffe og te.",
        )
        await show(pilot, state, gone=mode == "gone")

    assert snap_compare(WallApp(tmp_path / "none"), terminal_size=size, run_before=run_before)
