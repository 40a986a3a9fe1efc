"""The runner as the room sees it, at a projector's large font up to a big screen.

Update after an intended change with: .venv/bin/python -m pytest tests --snapshot-update
"""

from __future__ import annotations

import pytest

from peertui.content import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.screens.runner import RunnerScreen

from .fakes import FakeClock

SIZES = [(60, 20), (100, 30), (200, 60)]


class RunnerApp(PeerTUI):
    """The app opened straight on meeting 8's second block, 17 minutes in (warn colour)."""

    def __init__(self, blank: bool = False) -> None:
        super().__init__(load_library())
        self.clock = FakeClock()
        self.blank = blank

    async def on_mount(self) -> None:
        course = self.library.course("vejen-til-hverdagslivet")
        assert course is not None
        meeting = course.meeting(8)
        assert meeting is not None
        screen = RunnerScreen(course, meeting, group_name="Tirsdagsgruppen", clock=self.clock)
        await self.push_screen(screen)  # mounted before it is drawn anew below
        screen.run.start()
        screen.run.next_block()
        self.clock.advance(17 * 60)
        screen.run.reveal_next()
        screen.refresh_block()
        if self.blank:
            screen.blanked = True


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_runner(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(RunnerApp(), terminal_size=size)


def test_runner_blank(snap_compare) -> None:
    assert snap_compare(RunnerApp(blank=True), terminal_size=(100, 30))
