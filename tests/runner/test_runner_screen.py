"""The runner, driven through Pilot with a fake clock: no test waits on the wall clock."""

from __future__ import annotations

from typing import Any

from textual.widgets import Digits

from peertui.content import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.screens.runner import RunnerScreen
from tests.helpers import visible_text

from .fakes import FakeClock

LIBRARY = load_library()
COURSE = LIBRARY.course("vejen-til-hverdagslivet")
assert COURSE is not None


def runner_app(
    number: int = 1, clock: FakeClock | None = None, **kwargs: Any
) -> tuple[PeerTUI, RunnerScreen]:
    meeting = COURSE.meeting(number)
    assert meeting is not None
    app = PeerTUI(LIBRARY)
    screen = RunnerScreen(COURSE, meeting, clock=clock or FakeClock(), **kwargs)
    return app, screen


def countdown(screen: RunnerScreen) -> Digits:
    return screen.query_one("#countdown", Digits)


async def test_walk_through_a_whole_meeting() -> None:
    clock = FakeClock()
    ended: list[list[float]] = []
    app, screen = runner_app(1, clock, on_end=lambda run: ended.append(run.actual_minutes()))
    meeting = screen.meeting
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        assert not screen.run.paused  # starts running
        assert countdown(screen).value == f"{meeting.blocks[0].minutes:02d}:00"
        for index, block in enumerate(meeting.blocks):
            assert screen.run.index == index
            # Reveal every step there is.
            for _ in range(len(block.steps) - 1):
                await pilot.press("r")
            assert screen.run.step == max(0, len(block.steps) - 1)
            if block.steps:
                assert block.steps[-1].splitlines()[0][:25] in visible_text(app)
            if block.kind == "pause":
                assert screen.has_class("-break")
                assert "Pause" in visible_text(app)
            else:
                assert not screen.has_class("-break")
            clock.advance(block.minutes * 60 + 30)  # each block runs 30 s over
            screen.refresh_clock()
            await pilot.pause()
            assert countdown(screen).value == "+00:30"
            await pilot.press("right")
        assert screen.run.is_last
        await pilot.press("e")
        await pilot.pause()
    assert ended == [[b.minutes + 0.5 for b in meeting.blocks]]


async def test_pause_stops_the_clock_and_says_so() -> None:
    clock = FakeClock()
    app, screen = runner_app(1, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        clock.advance(60)
        await pilot.press("space")
        assert screen.run.paused
        clock.advance(600)
        screen.refresh_clock()
        await pilot.pause()
        assert countdown(screen).value == "19:00"
        assert "Tiden står stille" in visible_text(app)
        await pilot.press("space")
        clock.advance(1)
        screen.refresh_clock()
        assert countdown(screen).value == "18:59"


async def test_add_and_remove_a_minute() -> None:
    app, screen = runner_app(1)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("plus")
        assert countdown(screen).value == "21:00"
        await pilot.press("minus", "minus")
        assert countdown(screen).value == "19:00"


async def test_colour_thresholds() -> None:
    clock = FakeClock()
    app, screen = runner_app(1, clock)  # first block: 20 minutes
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()

        async def at(elapsed: float) -> set[str]:
            clock.now = 1000.0 + elapsed
            screen.refresh_clock()
            await pilot.pause()
            return {c for c in countdown(screen).classes if c.startswith("-")}

        assert await at(0) == {"-normal"}
        assert await at(20 * 60 * 0.8 - 1) == {"-normal"}
        assert await at(20 * 60 * 0.8) == {"-warn"}
        assert await at(20 * 60 * 0.95) == {"-urgent"}
        assert await at(20 * 60) == {"-urgent"}
        assert await at(20 * 60 + 1) == {"-over"}


async def test_blank_shows_only_the_group_name_and_comes_back() -> None:
    app, screen = runner_app(8, group_name="Tirsdagsgruppen")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        before = visible_text(app)
        assert "Velkommen" in before
        await pilot.press("b")
        await pilot.pause()
        blank = visible_text(app)
        assert "Tirsdagsgruppen" in blank
        assert "Velkommen" not in blank
        assert [line for line in blank.splitlines() if line.strip()] == [
            line for line in blank.splitlines() if "Tirsdagsgruppen" in line
        ]
        await pilot.press("b")
        await pilot.pause()
        assert "Velkommen" in visible_text(app)


async def test_notes_are_off_by_default_and_toggle() -> None:
    app, screen = runner_app(8)
    note = screen.meeting.blocks[0].notes.splitlines()[0][:30]
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        assert note not in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert note in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert note not in visible_text(app)


async def test_notes_never_on_the_wall_in_any_block_or_step() -> None:
    """Walk two whole meetings, every block and step: no note line is ever on screen.
    (That no meeting's wall text holds notes at all is proven on the content itself.)"""
    for meeting in (COURSE.meeting(0), COURSE.meeting(8)):
        assert meeting is not None
        app, screen = runner_app(meeting.number)
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(screen)
            await pilot.pause()
            for block in meeting.blocks:
                for _ in range(len(block.steps)):
                    text = visible_text(app)
                    for line in block.notes.splitlines():
                        words = line.strip()
                        if len(words) > 25:
                            assert words[:25] not in text, (meeting.number, block.title)
                    await pilot.press("r")
                await pilot.press("right")


async def test_carry_over_note_only_in_the_notes_panel() -> None:
    app, screen = runner_app(2, carry_over="Husk at spørge Ali om turen")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        assert "Husk at spørge" not in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Husk at spørge" in visible_text(app)


async def test_state_reported_and_resumed_paused() -> None:
    clock = FakeClock()
    states: list[dict] = []
    app, screen = runner_app(3, clock, on_change=states.append)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        clock.advance(125)
        await pilot.press("right", "r")
        clock.advance(10)
        await pilot.press("escape")
        await pilot.pause()
    state = states[-1]
    assert state["index"] == 1 and state["step"] == 1
    assert state["elapsed"][:2] == [125, 10]

    later = FakeClock(start=50_000)
    app2, screen2 = runner_app(3, later, state=state)
    async with app2.run_test(size=(100, 30)) as pilot:
        app2.push_screen(screen2)
        await pilot.pause()
        assert screen2.run.paused
        assert screen2.run.index == 1 and screen2.run.step == 1
        planned = screen2.meeting.blocks[1].minutes * 60
        assert countdown(screen2).value == f"{(planned - 10) // 60:02d}:{(planned - 10) % 60:02d}"
        assert "fortsætter, hvor I slap" in visible_text(app2)


async def test_narrow_projector_size_shows_the_essentials() -> None:
    app, screen = runner_app(8, group_name="Tirsdagsgruppen")
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        text = visible_text(app)
        assert "Velkommen og tjek-ind" in text
        assert not screen.query_one("#runner-agenda").display or "▶" not in text


async def test_runner_actions_are_in_the_command_palette() -> None:
    clock = FakeClock()
    app, screen = runner_app(1, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(screen)]
        for wanted in (
            "Pause/fortsæt",
            "Næste",
            "Forrige",
            "Vis mere",
            "+1 min",
            "-1 min",
            "Mørk skærm",
            "Noter",
            "Afslut mødet",
        ):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"mørk skærm")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.blanked


async def test_question_mark_shows_the_keys() -> None:
    app, screen = runner_app(1)
    async with app.run_test(size=(120, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert screen.query("HelpPanel")
        assert "Mørk skærm" in visible_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not screen.query("HelpPanel")
