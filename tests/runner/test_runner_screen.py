"""The runner, driven through Pilot with a fake clock: no test waits on the wall clock."""

from __future__ import annotations

from typing import Any

from textual.widgets import Digits

from peertui.content import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.runner import RunnerScreen
from tests.helpers import say_yes, visible_text, wait_for_screen

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
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
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
        # The group's name, and one calm line for the facilitator on how to come back.
        assert [line for line in blank.splitlines() if line.strip()] == [
            line
            for line in blank.splitlines()
            if "Tirsdagsgruppen" in line or "b eller Esc viser mødet igen" in line
        ]
        assert "b eller Esc viser mødet igen" in blank
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
        await say_yes(pilot)  # no wall: the room may see this screen, so it asks first
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
        await say_yes(pilot)
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


# --------------------------------------------------------------------------- the room (issue 14)

TRAINING = LIBRARY.course("bliv-inddragelsesfacilitator")
assert TRAINING is not None


async def confirm_if_asked(pilot: Any) -> None:
    """Something private may ask first when no wall is attached: say yes."""
    await pilot.pause()
    if isinstance(pilot.app.screen, ConfirmDialog):
        await pilot.click("#yes")
        await pilot.pause()


async def test_e_asks_first_and_no_keeps_the_meeting_running() -> None:
    clock = FakeClock()
    ended: list[object] = []
    states: list[dict] = []
    app, screen = runner_app(1, clock, on_end=ended.append, on_change=states.append)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        clock.advance(60)
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        assert app.focused is not None and app.focused.id == "no"  # "Nej" has the focus
        assert "Afslut mødet nu?" in visible_text(app)
        await pilot.press("enter")  # "Nej"
        await wait_for_screen(pilot, RunnerScreen)
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("escape")  # Esc is no, too
        await wait_for_screen(pilot, RunnerScreen)
        assert app.screen is screen
        assert not screen.run.paused  # still running
        clock.advance(30)
        assert screen.run.elapsed() == 90
    assert ended == []
    assert all(state["elapsed"][0] < 90 for state in states)  # nothing kept as ended


async def test_break_says_when_it_ends_by_the_time_of_day() -> None:
    """ "Vi starter igen kl. 11.30" in the content becomes the real time: now + time left."""
    from datetime import datetime, timedelta

    from peertui.wall import wall_state_for_run

    clock = FakeClock()
    start = datetime(2026, 3, 3, 10, 52, 10)
    now = lambda: start + timedelta(seconds=clock.now - 1000.0)  # noqa: E731
    meeting = TRAINING.meetings[0]
    index = next(i for i, b in enumerate(meeting.blocks) if "kl. 11.30" in b.text)
    assert meeting.blocks[index].kind == "pause" and meeting.blocks[index].minutes == 15
    screen = RunnerScreen(TRAINING, meeting, clock=clock, now=now)
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        screen.run.go_to(index)
        screen.refresh_block()
        await pilot.pause()
        assert "Vi starter igen kl. 11.07." in visible_text(app)  # 10.52 + 15 minutes
        assert "11.30" not in visible_text(app)
        clock.advance(300)  # the break runs: the time it ends stays
        screen.refresh_clock()
        await pilot.pause()
        assert "kl. 11.07." in visible_text(app)
        await pilot.press("space")  # paused for three minutes: it ends three minutes later
        clock.advance(180)
        screen.refresh_clock()
        await pilot.pause()
        assert "kl. 11.10." in visible_text(app)
        wall = wall_state_for_run(screen.run, "Holdet", blanked=False)
        assert "kl. 11.10." in wall.text and "11.30" not in wall.text


async def test_going_back_keeps_what_was_revealed() -> None:
    app, screen = runner_app(0)
    blocks = screen.meeting.blocks
    assert len(blocks[1].steps) == 3 and len(blocks[2].steps) == 3
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("right", "r", "r")  # block 2, every step shown
        await pilot.press("right", "r")  # block 3, two steps
        await pilot.press("left")
        await pilot.pause()
        assert screen.run.index == 1 and screen.run.step == 2
        assert blocks[1].steps[2].splitlines()[0][:25] in visible_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert screen.run.index == 2 and screen.run.step == 1
        assert blocks[2].steps[1].splitlines()[0][:25] in visible_text(app)
        await pilot.press("right")  # a block not shown before starts at its first step
        assert screen.run.step == 0


async def test_agenda_marks_only_blocks_that_really_ran() -> None:
    from textual.widgets import OptionList

    clock = FakeClock()
    app, screen = runner_app(0, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause()

        def marks() -> list[str]:
            agenda = screen.query_one("#runner-blocks", OptionList)
            return [str(agenda.get_option_at_index(i).prompt)[0] for i in range(3)]

        clock.advance(5)  # a glance at the first block
        await pilot.press("right")
        assert marks() == [" ", "▶", " "]
        clock.advance(60)  # the second block really ran (a minute)
        await pilot.press("right")
        assert marks() == [" ", "✓", "▶"]


async def test_notes_show_a_links_text_not_its_markdown() -> None:
    app, screen = runner_app(0)
    block = screen.meeting.blocks[2]
    assert "](guide:" in block.notes
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.press("n")
        await confirm_if_asked(pilot)
        text = visible_text(app)
        assert "Noter" in text
        assert "](guide:" not in text and "[" not in text


async def test_meeting_screen_notes_show_a_links_text_not_its_markdown() -> None:
    from textual.widgets import DataTable

    from peertui.ui.screens.meeting import MeetingScreen

    meeting = COURSE.meeting(0)
    assert meeting is not None
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(160, 50)) as pilot:
        app.push_screen(MeetingScreen(COURSE, meeting))
        await pilot.pause()
        app.screen.query_one("#agenda", DataTable).move_cursor(row=2)
        await pilot.press("n")
        await confirm_if_asked(pilot)
        await pilot.pause(0.3)
        text = visible_text(app)
        assert "(guide:" not in text and "](" not in text


async def test_footer_at_60x20_keeps_the_keys_that_matter_most() -> None:
    app, screen = runner_app(8, group_name="Tirsdagsgruppen", group_id="g1")
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        footer = visible_text(app).splitlines()[-1]
        for key in ("→ Næste", "e Afslut mødet", "b Mørk skærm", "n Noter", "? Hjælp"):
            assert key in footer, footer
        await pilot.press("question_mark")  # `?` lists the rest
        await pilot.pause()
        assert screen.query("HelpPanel")
        table = screen.query_one("BindingsTable").render()
        descriptions = [str(cell) for column in table.columns for cell in column.cells]
        for key in ("+1 min", "Forrige", "Pause/fortsæt", "Vis mere"):
            assert key in descriptions
