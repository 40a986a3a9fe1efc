"""Ending a meeting is a decision (issue 14): `e` asks first; a meeting ended by mistake opens
again the same day where it stopped; a log put off with "Senere" can be found again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, DataTable, TextArea

from peertui.content import load_library
from peertui.store import open_store
from peertui.store.schema import BlockLog, MeetingLog
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.checkin import CheckInScreen
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.meeting_log import LogScreen
from peertui.ui.screens.runner import RunnerScreen
from tests.helpers import notified, visible_text, wait_for_screen, wait_until

from ..runner.fakes import FakeClock

LIBRARY = load_library()
COURSE = LIBRARY.course("vejen-til-hverdagslivet")
assert COURSE is not None


class Day:
    """The store's clock (the day a meeting ended), moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 9, 8, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def seed(data_dir: Path) -> str:
    with open_store(data_dir) as store:
        group = store.create_group(
            "Tirsdagsgruppen", COURSE.id, ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        store.add_participant(group.id, "Maja", consents=["taking_part"])
        return group.id


async def start_meeting(app: PeerTUI, pilot: Any, group_id: str) -> RunnerScreen:
    """From the group page: `s`, then Ctrl+S starts the proposed meeting."""
    app.action_open_group(group_id)
    await wait_for_screen(pilot, GroupScreen)
    await pilot.press("s")
    await wait_for_screen(pilot, CheckInScreen)
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, RunnerScreen)
    runner = app.screen
    assert isinstance(runner, RunnerScreen)
    return runner


def key_descriptions(screen: Any) -> list[str]:
    return [active.binding.description for active in screen.active_bindings.values()]


async def say_yes_if_asked(pilot: Any) -> None:
    """Something private (a log) may ask first when no wall is attached."""
    await pilot.pause()
    if isinstance(pilot.app.screen, ConfirmDialog):
        await pilot.click("#yes")
        await pilot.pause()


async def test_a_stray_e_is_harmless_and_an_ended_meeting_reopens_where_it_stopped(
    data_dir: Path,
) -> None:
    group_id = seed(data_dir)
    clock = FakeClock()
    day = Day()
    store = open_store(data_dir, clock=day)
    app = PeerTUI(LIBRARY, store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await start_meeting(app, pilot, group_id)
        clock.advance(300)
        await pilot.press("right", "r")
        clock.advance(90)
        await pilot.press("e")  # a stray `e`, next to `r`
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("enter")  # "Nej" has the focus
        await wait_for_screen(pilot, RunnerScreen)
        assert not runner.run.paused
        assert store.run_state(group_id) is not None
        assert store.ended_run(group_id) is None  # nothing saved as ended
        assert store.meeting_log(group_id, 0) is None

        clock.advance(10)
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await say_yes_if_asked(pilot)  # no wall: the log asks too (the room may see it)
        await wait_for_screen(pilot, LogScreen)
        await pilot.press("escape")  # "Senere"
        await wait_for_screen(pilot, GroupScreen)
        assert store.run_state(group_id) is None  # ended: not resumed by itself
        assert "afsluttet i dag" in visible_text(app)
        assert "Åbn dagens møde igen" in key_descriptions(app.screen)
        assert "Fortsæt mødet" not in key_descriptions(app.screen)

        await pilot.press("f")
        await wait_for_screen(pilot, RunnerScreen)
        again = app.screen
        assert isinstance(again, RunnerScreen) and again is not runner
        assert again.run.paused
        assert again.run.index == 1 and again.run.step == 1
        assert again.run.elapsed(0) == 300 and again.run.elapsed(1) == 100
        assert "fortsætter, hvor I slap" in visible_text(app)
        assert store.run_state(group_id) is not None  # a meeting in progress again
    store.close()


async def test_an_ended_meeting_is_gone_the_next_day(data_dir: Path) -> None:
    group_id = seed(data_dir)
    day = Day()
    store = open_store(data_dir, clock=day)
    state = {"meeting": 2, "index": 3, "step": 0, "elapsed": [900, 1500, 1500, 60]}
    store.save_run_state(group_id, state)
    store.end_run_state(group_id, 2)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        assert "Åbn dagens møde igen" in key_descriptions(app.screen)
        day.now += timedelta(days=1)
        app.screen.refresh_page()
        await pilot.pause()
        assert "Åbn dagens møde igen" not in key_descriptions(app.screen)
        assert "afsluttet i dag" not in visible_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
    assert store.ended_run(group_id) is None
    store.close()


async def test_start_up_does_not_resume_an_ended_meeting(data_dir: Path) -> None:
    group_id = seed(data_dir)
    store = open_store(data_dir, clock=Day())
    store.save_run_state(group_id, {"meeting": 1, "index": 2, "elapsed": [60, 60, 60]})
    store.end_run_state(group_id, 1)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.start_data()
        await pilot.pause(0.3)
        assert not any(isinstance(s, (RunnerScreen, GroupScreen)) for s in app.screen_stack)
    store.close()
    # A meeting still in progress does resume (the same start-up, to be sure of the test).
    store = open_store(data_dir, clock=Day())
    store.save_run_state(group_id, {"meeting": 1, "index": 2, "elapsed": [60, 60, 60]})
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.start_data()
        await wait_for_screen(pilot, RunnerScreen)
    store.close()


def put_off_log(store: Any, group_id: str) -> None:
    """What "Senere" leaves: the times, no answers."""
    meeting = COURSE.meeting(0)
    assert meeting is not None
    blocks = tuple(BlockLog(b.title, b.minutes, b.minutes + 1) for b in meeting.blocks)
    store.save_meeting_log(group_id, MeetingLog(meeting=0, held=date(2026, 9, 1), blocks=blocks))


async def test_a_log_put_off_is_found_again_on_the_group_page(data_dir: Path) -> None:
    group_id = seed(data_dir)
    store = open_store(data_dir, clock=Day())
    put_off_log(store, group_id)
    # Tonight's meeting, left running: the app goes back into it at start-up.
    store.save_run_state(group_id, {"meeting": 0, "index": 0, "elapsed": [30]})
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, RunnerScreen)
        await pilot.press("escape")  # to the group's page
        await wait_for_screen(pilot, GroupScreen)
        assert "Loggen for mødegang 0 venter" in " ".join(visible_text(app).split())
        meetings = app.screen.query_one("#group-meetings", DataTable)
        assert str(meetings.get_row("0")[5]) == "venter"
        meetings.focus()
        meetings.move_cursor(row=1)
        await pilot.press("enter")  # not held yet: a calm word, nothing opens
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
        assert notified(app, "ingen log")
        meetings.move_cursor(row=0)
        await pilot.press("enter")
        await say_yes_if_asked(pilot)
        await wait_for_screen(pilot, LogScreen)
        app.screen.query_one("#check-plan_followed", Checkbox).value = True
        app.screen.query_one("#carry-over", TextArea).text = "Husk kaffen"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, GroupScreen)
        row = app.screen.query_one("#group-meetings", DataTable).get_row("0")
        assert str(row[5]) == "✓"
        assert str(row[4]) == str(sum(b.minutes + 1 for b in COURSE.meetings[0].blocks))
        assert "venter" not in visible_text(app)
    log = store.meeting_log(group_id, 0)
    assert log is not None
    assert log.held == date(2026, 9, 1)  # the day it was held, not the day it was written
    assert log.checklist["plan_followed"] is True and log.carry_over == "Husk kaffen"
    assert store.run_state(group_id) is not None  # writing an old log ends no meeting
    store.close()


async def test_a_log_put_off_is_in_the_command_palette(data_dir: Path) -> None:
    group_id = seed(data_dir)
    store = open_store(data_dir, clock=Day())
    put_off_log(store, group_id)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        title = "Efter mødet: Tirsdagsgruppen, mødegang 0"
        assert title in commands
        commands[title].callback()
        await wait_until(pilot, lambda: isinstance(app.screen, (ConfirmDialog, LogScreen)))
        await say_yes_if_asked(pilot)
        await wait_for_screen(pilot, LogScreen)
        assert isinstance(app.screen, LogScreen) and app.screen.meeting.number == 0
        assert isinstance(app.screen_stack[-2], GroupScreen)  # on the group's page
        await pilot.press("escape")  # "Senere" again: still waiting, still in the palette
        await wait_for_screen(pilot, GroupScreen)
        assert title in [c.title for c in app.get_system_commands(app.screen)]
    store.close()


async def test_with_no_wall_a_no_to_the_log_ends_the_meeting_and_the_log_waits(
    data_dir: Path,
) -> None:
    """One screen, maybe mirrored: after `e` the log (the facilitators' own notes) asks first.
    "Nej" keeps the times, ends the meeting and leaves the log waiting on the group page."""
    group_id = seed(data_dir)
    clock = FakeClock()
    store = open_store(data_dir, clock=Day())
    app = PeerTUI(LIBRARY, store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_meeting(app, pilot, group_id)
        clock.advance(600)
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")  # yes, end the meeting
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog) and "log" in question.question
        await pilot.press("enter")  # "Nej": not on this screen now
        await wait_for_screen(pilot, GroupScreen)
        assert notified(app, "Loggen venter")
        log = store.meeting_log(group_id, 0)
        assert log is not None and log.blocks[0].actual == 10  # the times are kept
        assert store.run_state(group_id) is None  # the meeting is over
        assert store.ended_run(group_id) is not None  # ... and can still be reopened today
    store.close()
