"""The scenario screen, driven through Pilot: a whole shipped scenario, pauses, back, questions."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from peertui.content.scenarios import Line, PausePoint
from peertui.ui.app import PeerTUI
from peertui.ui.screens.scenario import ScenarioScreen
from peertui.ui.widgets.scenario_beats import BeatsView
from tests.helpers import flat, say_yes, visible_text

from .helpers import LIBRARY, SCENARIO_ID, markup_library, rendered


async def open_scenario(
    app: PeerTUI, pilot: Pilot[None], scenario_id: str = SCENARIO_ID
) -> ScenarioScreen:
    await pilot.pause()
    app.action_open_scenario(scenario_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ScenarioScreen)
    return screen


def shown_beats(screen: ScenarioScreen) -> list[tuple[str, str, str]]:
    return screen.query_one("#scenario-beats", BeatsView).beats


async def test_walk_a_shipped_scenario_from_start_to_end() -> None:
    app = PeerTUI(LIBRARY)
    scenario = LIBRARY.scenario(SCENARIO_ID)
    assert scenario is not None
    steps = scenario.steps()
    pauses_seen = 0
    notes_seen = False
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_scenario(app, pilot)
        assert not screen.has_class("-side")  # one window: the side panel waits for `n`
        await pilot.press("n")
        assert not screen.has_class("-side")  # ... and asks first: the room may see it
        await say_yes(pilot)
        assert screen.has_class("-side")
        assert screen.query_one("#scenario-side").display
        for index, (scene, beat) in enumerate(steps):
            assert screen.run.index == index
            scene_number = scenario.scenes.index(scene) + 1
            beat_number = scene.beats.index(beat) + 1
            progress = rendered(screen.query_one("#scenario-progress", Static))
            assert progress == (
                f"Scene {scene_number} af {len(scenario.scenes)}  ·  "
                f"trin {beat_number} af {len(scene.beats)}"
            )
            assert scene.title in rendered(screen.query_one("#scenario-scene", Static))
            # Only this scene's lines so far, in order.
            expected = [
                (b.kind, b.speaker or "", b.text)
                for b in scene.beats[:beat_number]
                if isinstance(b, Line)
            ]
            assert shown_beats(screen) == expected
            side = flat(rendered(screen.query_one("#scenario-side-questions", Static)))
            if isinstance(beat, PausePoint):
                pauses_seen += 1
                # Stops by itself; the room sees the calm pause; the console every question.
                assert screen.run.paused
                assert screen.has_class("-paused")
                assert "Pause – vi taler sammen" in visible_text(app)
                assert "Spørgsmål til salen" in side
                for question in beat.questions:
                    assert flat(question) in side
                await pilot.press("space", "right")
                assert screen.run.index == index  # "next" waits for the trainer
                assert screen.run.paused
                await pilot.press("p")
                assert not screen.run.paused
                assert not screen.has_class("-paused")
                assert screen.run.index == index  # resumes where it stopped
            else:
                assert not screen.run.paused
                assert isinstance(beat, Line)
                assert flat(beat.text)[:30] in flat(visible_text(app))
            notes = flat(rendered(screen.query_one("#scenario-side-notes", Static)))
            if scene.notes:
                notes_seen = True
                assert flat(scene.notes)[:40] in notes
            else:
                assert "Ingen noter til denne scene." in notes
            await pilot.press("space")
        assert screen.run.is_last
        assert screen.run.index == len(steps) - 1
        await pilot.press("space")  # nothing after the end
        assert screen.run.index == len(steps) - 1
    assert pauses_seen == len(scenario.pause_points) == 3
    assert notes_seen


async def test_back_one_beat_and_pause_by_hand() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_scenario(app, pilot)
        run = screen.run
        await pilot.press("left")  # nothing before the first beat
        assert run.index == 0
        await pilot.press("space", "space", "space")
        assert run.index == 3
        before = shown_beats(screen)
        await pilot.press("left")
        assert run.index == 2
        assert shown_beats(screen) == before[:-1]
        await pilot.press("backspace")
        assert run.index == 1
        await pilot.press("right", "right")
        assert run.index == 3
        # Pause by hand on an ordinary line: the room sees the pause, "next" waits.
        await pilot.press("p")
        assert run.paused and run.pause_point is None
        assert screen.has_class("-paused")
        assert "Pause – vi taler sammen" in visible_text(app)
        assert "Sat på pause" in visible_text(app)
        await pilot.press("space")
        assert run.index == 3
        await pilot.press("p")
        assert not run.paused
        assert shown_beats(screen) == before  # resumed where it stopped
        await pilot.press("space")
        assert run.index == 4
        # Walk on to the first pause point, then back off it and onto it again.
        while run.pause_point is None:
            await pilot.press("space")
        at_pause = run.index
        assert run.paused
        await pilot.press("left")
        assert run.index == at_pause - 1
        assert not run.paused
        await pilot.press("right")
        assert run.index == at_pause
        assert run.paused  # a pause point stops the room again
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ScenarioScreen)


async def test_one_question_at_a_time_only_when_the_trainer_chooses() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_scenario(app, pilot)
        run = screen.run
        await pilot.press("s")  # not at a pause point: nothing to show
        assert run.question is None
        while run.pause_point is None:
            await pilot.press("space")
        point = run.pause_point
        assert point is not None and len(point.questions) == 2
        question = screen.query_one("#scenario-question", Static)
        assert rendered(question) == ""  # only the calm pause at first
        await pilot.press("s")
        assert rendered(question) == point.questions[0]
        assert app.wall_shared is not None and app.wall_shared.text == point.questions[0]
        await pilot.press("n")
        await say_yes(pilot)
        side = rendered(screen.query_one("#scenario-side-questions", Static))
        assert "▶ 1." in side and "(på væggen)" in side
        await pilot.press("s")
        assert rendered(question) == point.questions[1]
        await pilot.press("s")
        assert rendered(question) == ""  # after the last one: the pause alone again
        assert app.wall_shared.text == ""
        await pilot.press("s", "p")  # resuming takes the question away
        assert rendered(question) == ""
        assert app.wall_shared.text == ""
        assert not app.wall_shared.paused


async def test_narrow_screen_shows_the_side_panel_instead_of_the_room_view() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_scenario(app, pilot)
        assert screen.query_one("#scenario-main").display
        await pilot.press("n")
        await say_yes(pilot)
        assert not screen.query_one("#scenario-main").display
        assert screen.query_one("#scenario-side").display
        await pilot.press("n")
        assert screen.query_one("#scenario-main").display


async def test_markup_in_a_scenario_is_shown_literally(tmp_path: Path) -> None:
    library = markup_library(tmp_path)
    app = PeerTUI(library)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_scenario(app, pilot, "markup-moede")
        await pilot.press("n")
        await say_yes(pilot)
        await pilot.press("space", "space")  # speech, narration, thought
        assert app.is_running  # no [@click=app.quit] was ever run
        beats = screen.query_one("#scenario-beats", BeatsView)
        drawn = "\n".join(rendered(child) for child in beats.children)
        assert "Konsulent: Hej [bold]Ida[/bold], tryk [@click=app.quit]her[/]." in drawn
        assert "Fortælling med [reverse]markup[/reverse]." in drawn
        assert "Jeg tænker [@click=app.quit]lukke[/] og [bold]fed[/bold]." in drawn
        assert "Scene [b]et[/b]" in rendered(screen.query_one("#scenario-scene", Static))
        assert "Rum [i]1[/i]" in rendered(screen.query_one("#scenario-scene", Static))
        text = visible_text(app)
        assert "[@click=app.quit]her[/]" in text
        assert "Møde [bold]med[/bold] opmærkning" in text
        await pilot.press("space")  # the pause point
        side = rendered(screen.query_one("#scenario-side-questions", Static))
        assert "Hvad så [@click=app.quit]nu[/]?" in side
        notes = rendered(screen.query_one("#scenario-side-notes", Static))
        assert "Hemmelig note [bold]kun[/bold] til træneren." in notes
        about = rendered(screen.query_one("#scenario-side-about", Static))
        assert "[@click=app.quit]klik[/]" in about
        await pilot.press("s")
        assert "Hvad så [@click=app.quit]nu[/]?" in rendered(
            screen.query_one("#scenario-question", Static)
        )
        await pilot.click("#scenario-question")
        await pilot.click("#scenario-beats")
        assert app.is_running
