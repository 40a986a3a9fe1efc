"""Ways into meeting training: the runner's block with scenarios (m), home, the palette."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import OptionList

from peertui.ui.app import PeerTUI
from peertui.ui.dialogs.scenario_picker import ScenarioPicker
from peertui.ui.screens.home import HomeScreen
from peertui.ui.screens.runner import RunnerScreen
from peertui.ui.screens.scenario import ScenarioScreen
from peertui.wall import WallClient, WallState
from tests.helpers import visible_text

from ..runner.fakes import FakeClock
from .helpers import LIBRARY

COURSE = LIBRARY.course("bliv-inddragelsesfacilitator")
assert COURSE is not None
DAY = COURSE.meeting(1)
assert DAY is not None
TRAINING_BLOCK = next(i for i, b in enumerate(DAY.blocks) if b.scenarios)


def footer_keys(app: PeerTUI) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values()}


async def test_from_the_runner_the_meeting_keeps_its_clock_and_gets_the_wall_back(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    clock = FakeClock()
    app = PeerTUI(LIBRARY, data_dir=data, serve_wall=True, clock=clock)
    states: list[WallState] = []
    client = WallClient(data, states.append, lambda _: None, retry_seconds=0.02)
    async with app.run_test(size=(120, 40)) as pilot:
        task = asyncio.get_running_loop().create_task(client.run())
        try:
            for _ in range(250):
                await pilot.pause(0.02)
                if app.wall_server is not None and app.wall_server.walls:
                    break
            runner = RunnerScreen(COURSE, DAY, group_name="Kursusholdet", clock=clock)
            app.push_screen(runner)
            await pilot.pause()
            # "m" is offered only where the block has scenarios.
            assert not runner.check_action("scenarios", ())
            await pilot.press("m")
            assert app.screen is runner
            runner.run.go_to(TRAINING_BLOCK)
            runner.refresh_block()
            await pilot.pause()
            assert runner.check_action("scenarios", ())
            await pilot.press("m")
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, ScenarioPicker)
            options = picker.query_one("#scenario-picker", OptionList)
            block = DAY.blocks[TRAINING_BLOCK]
            assert [options.get_option_at_index(i).id for i in range(options.option_count)] == (
                block.scenarios
            )
            text = visible_text(app)
            assert "Myndighedsmøde  ·  Uden statement" in text
            assert "Møde på jobcentret  ·  Med statement" in text
            await pilot.press("down", "enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ScenarioScreen)
            assert screen.scenario.id == block.scenarios[1]
            await pilot.press("space", "right")  # the runner's arrows stay with the runner
            assert screen.run.index == 2
            assert runner.run.index == TRAINING_BLOCK
            for _ in range(100):
                await pilot.pause(0.02)
                if states and states[-1].mode == "scenario" and len(states[-1].extra["beats"]) > 2:
                    break
            assert states[-1].mode == "scenario"
            assert states[-1].group == "Kursusholdet"

            # Same meeting: the runner's clock runs on underneath, but does not take the wall.
            assert not runner.run.paused
            elapsed = runner.run.elapsed(TRAINING_BLOCK)
            clock.advance(125)
            runner.refresh_clock()
            await pilot.pause(0.1)
            assert runner.run.elapsed(TRAINING_BLOCK) == elapsed + 125
            assert states[-1].mode == "scenario"

            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is runner
            for _ in range(100):
                await pilot.pause(0.02)
                if states[-1].mode != "scenario":
                    break
            back = states[-1]
            assert back.mode == "block"
            assert back.title == block.title
            remaining = block.minutes * 60 - (elapsed + 125)
            assert back.countdown == f"{int(remaining) // 60:02d}:{int(remaining) % 60:02d}"
            assert app.wall_shared is None
        finally:
            task.cancel()


async def test_the_home_screen_lists_every_scenario_for_meeting_training() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        guide = app.screen.query_one("#guide", OptionList)
        first = guide.get_option_at_index(0)
        assert first.id == "meeting-training"
        assert "Mødetræning" in visible_text(app)
        assert "6 møder fra sidelinjen" in visible_text(app)
        guide.focus()
        guide.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ScenarioPicker)
        options = picker.query_one("#scenario-picker", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == [
            "myndighedsmoede-uden-statement",
            "myndighedsmoede-med-statement",
            "behandlingsmoede-uden-statement",
            "behandlingsmoede-med-statement",
            "jobcenter-uden-statement",
            "jobcenter-med-statement",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.action_meeting_training()
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScenarioScreen)
        assert screen.scenario.id == "behandlingsmoede-uden-statement"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_offers_meeting_training() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"mødetræning")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScenarioPicker)


async def test_an_unknown_scenario_is_one_calm_line() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_open_scenario("findes-ikke")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [n.message for n in app._notifications] == ["Mødet 'findes-ikke' findes ikke."]
