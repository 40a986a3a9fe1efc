"""The wall at a projector's large font (60x20) and on a big screen (240x70)."""

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


@pytest.mark.parametrize("size", [(60, 20), (240, 70)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["block", "break", "blank"])
def test_wall(snap_compare, tmp_path: Path, size: tuple[int, int], mode: str) -> None:
    async def show(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        app.connected = True
        state = (
            STATE
            if mode == "block"
            else WallState(mode=mode, group=STATE.group, countdown="14:30", text="Kaffe og te.")
        )
        app.receive(state)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(WallApp(tmp_path / "none"), terminal_size=size, run_before=show)
