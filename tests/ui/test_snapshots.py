"""What the screens look like, at a projector's large font (60x20) and a laptop's (100x30).

Update after an intended change with: .venv/bin/python -m pytest tests/ui --snapshot-update
"""

from __future__ import annotations

import pytest

from peertui.content import load_library
from peertui.ui.app import PeerTUI

SIZES = [(60, 20), (100, 30)]


def app() -> PeerTUI:
    return PeerTUI(load_library())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting(snap_compare, size: tuple[int, int]) -> None:
    async def open_meeting(pilot) -> None:
        pilot.app.action_open_meeting("vejen-til-hverdagslivet", 8)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=open_meeting)


def test_guide_page(snap_compare) -> None:
    async def open_page(pilot) -> None:
        pilot.app.action_open_guide("personligt-statement")
        while not getattr(pilot.app.screen, "loaded", False):
            await pilot.pause()
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(100, 30), run_before=open_page)
