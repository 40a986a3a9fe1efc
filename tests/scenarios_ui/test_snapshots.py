"""Meeting training as the room sees it: the console at a projector's large font (60x20) and a
big screen (200x60), and the wall in scenario mode.

Update after an intended change with:
    .venv/bin/python -m pytest tests/scenarios_ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from peertui.scenario_run import ScenarioRun
from peertui.ui.app import PeerTUI
from peertui.ui.screens.scenario import ScenarioScreen
from peertui.ui.wall import WallApp
from peertui.wall import wall_state_for_scenario
from tests.helpers import say_yes

from .helpers import LIBRARY, SCENARIO_ID


def at(run: ScenarioRun, index: int, *, question: bool = False) -> ScenarioRun:
    """``run`` moved to step ``index`` (resuming past pause points on the way)."""
    while run.index < index:
        if run.paused:
            run.toggle_pause()
        run.next()
    if question:
        run.next_question()
    return run


def scene_step(scene: int, beat: int) -> int:
    """The step index of a scene's beat (both 0-based) in the shipped scenario."""
    scenario = LIBRARY.scenario(SCENARIO_ID)
    assert scenario is not None
    return sum(len(s.beats) for s in scenario.scenes[:scene]) + beat


#: Scene 2 ("Mødet begynder"): four lines and the citizen's thought.
MID_SCENE = scene_step(1, 5)
#: Scene 3 ("Et forslag"): its pause point (three questions, and notes for the trainer).
PAUSE_POINT = scene_step(2, 5)


def console_at(
    index: int, *, side: bool = False, question: bool = False
) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerTUI)
        await pilot.pause()
        app.action_open_scenario(SCENARIO_ID)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScenarioScreen)
        at(screen.run, index, question=question)
        await screen.refresh_view()
        if side:
            await pilot.press("n")
            await say_yes(pilot)  # no wall attached: the side panel asks first
        await pilot.pause(0.1)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(60, 20), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_scenario_screen(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(
        PeerTUI(LIBRARY), terminal_size=size, run_before=console_at(MID_SCENE, side=size[0] > 100)
    )


@pytest.mark.parametrize("size", [(60, 20), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_scenario_screen_at_a_pause_point(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(
        PeerTUI(LIBRARY),
        terminal_size=size,
        run_before=console_at(PAUSE_POINT, side=size[0] > 100, question=True),
    )


@pytest.mark.parametrize(
    ("size", "index", "question"),
    [
        ((60, 20), MID_SCENE, False),
        ((60, 20), PAUSE_POINT, True),
        ((240, 70), MID_SCENE, False),
    ],
    ids=["60x20", "60x20-pause", "240x70"],
)
def test_wall_in_scenario_mode(
    snap_compare, tmp_path: Path, size: tuple[int, int], index: int, question: bool
) -> None:
    scenario = LIBRARY.scenario(SCENARIO_ID)
    assert scenario is not None
    state = wall_state_for_scenario(
        at(ScenarioRun(scenario), index, question=question), "Kursusholdet"
    )

    async def show(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, WallApp)
        app.connected = True
        app.receive(state)
        await pilot.pause(0.1)
        await pilot.pause()

    assert snap_compare(WallApp(tmp_path / "none"), terminal_size=size, run_before=show)
