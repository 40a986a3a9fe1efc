"""What reaches the wall: a real WallServer and WallClient on a private socket in a tmp folder."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from peertui.content import Library
from peertui.ui.app import PeerTUI
from peertui.ui.screens.scenario import ScenarioScreen
from peertui.ui.wall import WallApp
from peertui.ui.widgets.scenario_beats import BeatsView
from peertui.wall import WallClient, WallState, scenario_beats

from .helpers import LIBRARY, MARKUP_SCENARIO, SCENARIO_ID, markup_library, rendered


class Wall:
    """A wall process's view of the channel: every state it received."""

    def __init__(self, data: Path) -> None:
        self.states: list[WallState] = []
        self.connected = False
        self.client = WallClient(data, self.states.append, self._connection, retry_seconds=0.02)

    def _connection(self, connected: bool) -> None:
        self.connected = connected

    @property
    def last(self) -> WallState:
        return self.states[-1]


async def until(pilot: Pilot[None], check: Callable[[], object]) -> None:
    """Let the console, the socket and the wall work until ``check()`` holds (at most 5 s)."""
    for _ in range(250):
        await pilot.pause(0.02)
        if check():
            break
    await pilot.pause(0.05)


def console(data: Path, library: Library = LIBRARY) -> PeerTUI:
    return PeerTUI(library, data_dir=data, serve_wall=True)


async def test_the_wall_gets_the_room_view_never_the_trainers_side(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    scenario = LIBRARY.scenario(SCENARIO_ID)
    assert scenario is not None
    app = console(data)
    wall = Wall(data)
    async with app.run_test(size=(120, 40)) as pilot:
        task = asyncio.get_running_loop().create_task(wall.client.run())
        try:
            await until(pilot, lambda: app.wall_server is not None and app.wall_server.walls)
            assert wall.connected
            before = wall.last
            app.action_open_scenario(SCENARIO_ID)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ScenarioScreen)
            # A wall is attached: the console is the trainer's own, the side panel is shown.
            assert screen.has_class("-side")
            await until(pilot, lambda: wall.last.mode == "scenario")
            first = wall.last
            assert first.title == scenario.title
            assert first.group == "Mødetræning"
            assert first.extra["who"] == ", ".join(scenario.scenes[0].who)
            assert first.extra["where"] == scenario.scenes[0].where
            assert scenario_beats(first) == [("narration", "", scenario.scenes[0].beats[0].text)]

            # Step through the whole scenario, showing every question of every pause point.
            chosen: set[str] = set()
            while True:
                run = screen.run
                if run.paused and run.pause_point is not None:
                    await until(pilot, lambda: wall.last.paused)
                    assert wall.last.paused and wall.last.text == ""  # the calm pause only
                    # The revealed beats are still there, behind the pause.
                    assert [b[2] for b in scenario_beats(wall.last)] == [
                        line.text for line in run.revealed()
                    ]
                    for question in run.pause_point.questions:
                        await pilot.press("s")
                        await until(pilot, lambda q=question: wall.last.text == q)
                        assert wall.last.text == question
                        chosen.add(question)
                    await pilot.press("p")
                if run.is_last:
                    break
                await pilot.press("space")
                await until(
                    pilot,
                    lambda: len(scenario_beats(wall.last)) == len(screen.run.revealed()),
                )
                assert scenario_beats(wall.last) == [
                    (line.kind, line.speaker or "", line.text) for line in screen.run.revealed()
                ]
                assert wall.last.subtitle.startswith(screen.run.scene.title)

            # Nothing for the trainer only ever crossed: notes, the description, questions
            # that were not chosen (every one was chosen once here, each on its own).
            lines = [state.to_line().decode() for state in wall.states]
            notes = [scene.notes for scene in scenario.scenes if scene.notes]
            assert notes
            for line in lines:
                for note in notes:
                    for part in note.split("."):
                        if len(part.strip()) > 15:
                            assert part.strip() not in line
                for part in scenario.description.split("."):
                    if len(part.strip()) > 15:
                        assert part.strip() not in line
            for state in wall.states:
                if state.mode == "scenario":
                    assert state.text in chosen | {""}
                    assert state.text == "" or state.paused
            assert chosen == {q for p in scenario.pause_points for q in p.questions}

            # Esc: the wall shows what it showed before.
            await pilot.press("escape")
            await until(pilot, lambda: wall.last.mode != "scenario")
            assert wall.last == before
            assert app.wall_shared is None
        finally:
            task.cancel()


async def test_a_pause_by_hand_reaches_the_wall(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    app = console(data)
    wall = Wall(data)
    async with app.run_test(size=(100, 30)) as pilot:
        task = asyncio.get_running_loop().create_task(wall.client.run())
        try:
            await until(pilot, lambda: app.wall_server is not None and app.wall_server.walls)
            app.action_open_scenario(SCENARIO_ID)
            await pilot.pause()
            await pilot.press("space", "space", "space")
            await until(pilot, lambda: len(scenario_beats(wall.last)) == 2)
            beats = scenario_beats(wall.last)
            await pilot.press("p")
            await until(pilot, lambda: wall.last.paused)
            assert wall.last.paused and wall.last.text == ""
            assert scenario_beats(wall.last) == beats
            await pilot.press("s")  # no pause point: no question to show
            await pilot.press("p")
            await until(pilot, lambda: not wall.last.paused)
            assert scenario_beats(wall.last) == beats
            assert all(state.text == "" for state in wall.states)
        finally:
            task.cancel()


async def test_the_wall_window_draws_a_scenario(tmp_path: Path) -> None:
    """Console and a real WallApp on one socket: beats, then the pause and a question."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    library = markup_library(tmp_path / "content-root")
    source = console(data, library)
    wall = WallApp(data)
    async with source.run_test(size=(100, 30)) as console_pilot:
        await until(console_pilot, lambda: source.wall_server is not None)
        async with wall.run_test(size=(60, 20)) as pilot:
            await until(pilot, lambda: wall.connected)
            source.action_open_scenario("markup-moede")
            await console_pilot.pause()
            screen = source.screen
            assert isinstance(screen, ScenarioScreen)
            await console_pilot.press("space", "space")
            await until(pilot, lambda: len(scenario_beats(wall.state)) == 3)
            await pilot.pause(0.1)
            assert wall.shown_mode == "scenario"
            view = wall.query_one("#wall-scenario-beats", BeatsView)
            assert view.display
            drawn = "\n".join(rendered(child) for child in view.children)
            # Literal, never markup; and nothing clickable quit the wall.
            assert "Konsulent: Hej [bold]Ida[/bold], tryk [@click=app.quit]her[/]." in drawn
            assert "Jeg tænker [@click=app.quit]lukke[/] og [bold]fed[/bold]." in drawn
            head = rendered(wall.query_one("#wall-scenario-head", Static))
            assert "Møde [bold]med[/bold] opmærkning" in head
            assert "Rum [i]1[/i]" in head
            await pilot.click("#wall-scenario-beats")
            assert wall.is_running
            await console_pilot.press("space", "s")
            await until(pilot, lambda: wall.state.text != "")
            await pilot.pause(0.1)
            assert wall.scenario_paused
            assert not view.display
            assert wall.query_one("#wall-scenario-pause").display
            assert rendered(wall.query_one("#wall-scenario-question", Static)) == (
                "Hvad så [@click=app.quit]nu[/]?"
            )
            for child in wall.screen.walk_children():
                if isinstance(child, Static):
                    assert "Hemmelig note" not in rendered(child)
                    assert "Og [bold]så[/bold]?" not in rendered(child)
            await console_pilot.press("escape")
            await until(pilot, lambda: wall.state.mode != "scenario")
            assert wall.shown_mode != "scenario"
            assert wall.is_running and source.is_running
    assert "Hemmelig note" in MARKUP_SCENARIO  # the note was there to leak, and did not


def test_a_malformed_beats_field_draws_nothing() -> None:
    for beats in ("nope", "{}", '[["shout","A","x"]]', '[["speech","A"]]', "[[1,2,3]]"):
        state = WallState(mode="scenario", extra={"beats": beats})
        assert scenario_beats(WallState.from_line(state.to_line()) or state) == []
    assert WallState.from_line(WallState(mode="scenario").to_line()) == WallState(mode="scenario")
