"""Groups from the facilitator's side, through Pilot, on a real store on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, TextArea

from peertui.content import load_library
from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.checkin import CheckInScreen
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.meeting_log import LogScreen
from peertui.ui.screens.runner import RunnerScreen
from tests.helpers import say_yes, visible_text, wait_for_screen

from ..runner.fakes import FakeClock

LIBRARY = load_library()
COURSE = LIBRARY.course("vejen-til-hverdagslivet")
assert COURSE is not None


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def seed(data_dir: Path) -> str:
    with open_store(data_dir) as store:
        group = store.create_group(
            "Tirsdagsgruppen", COURSE.id, ["Anne", "Bo"], date(2026, 9, 1), date(2027, 9, 1)
        )
        for alias in ("Maja", "Ali", "Sofie"):
            store.add_participant(group.id, alias, consents=["taking_part", "store_statement"])
        return group.id


async def test_whole_meeting_with_check_in_runner_and_log(data_dir: Path) -> None:
    group_id = seed(data_dir)
    clock = FakeClock()
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        checkin = app.screen
        assert checkin.meeting_number == 0  # nothing held yet: the introduction is proposed
        await pilot.press("space")  # the first came
        await pilot.press("down", "down", "space", "space")  # the third sent word: excused
        assert list(app.screen.status.values()) == ["present", "absent", "excused"]
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        runner = app.screen
        assert runner.group_name == "Tirsdagsgruppen"
        meeting = runner.meeting
        for block in meeting.blocks:
            clock.advance(block.minutes * 60 + 60)  # every block one minute over
            await pilot.press("right")
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")  # ending asks first
        await say_yes(pilot)  # no wall: the log asks too (the room may see it)
        await wait_for_screen(pilot, LogScreen)
        await pilot.press("space")  # "we followed the plan"
        app.screen.query_one("#carry-over", TextArea).text = "Spørg til turen i skoven"
        app.screen.query_one("#reflection", TextArea).text = "En god start"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, GroupScreen)
        meetings = app.screen.query_one("#group-meetings", DataTable)
        row = meetings.get_row("0")
        assert str(row[2]) == "1/3"  # attendance
        assert str(row[4]) == str(sum(b.minutes + 1 for b in meeting.blocks))  # actual
    store.close()

    with open_store(data_dir) as again:
        log = again.meeting_log(group_id, 0)
        assert log is not None
        assert [b.actual for b in log.blocks] == [b.minutes + 1 for b in meeting.blocks]
        assert log.checklist["plan_followed"] is True
        assert log.carry_over == "Spørg til turen i skoven"
        assert again.run_state(group_id) is None
        statuses = sorted(a.status for a in again.attendance(group_id, 0))
        assert statuses == ["absent", "excused", "present"]
        assert again.carry_over(group_id, 1) == "Spørg til turen i skoven"


async def test_next_meeting_shows_carry_over_to_facilitators_only(data_dir: Path) -> None:
    group_id = seed(data_dir)
    with open_store(data_dir) as store:
        from peertui.store.schema import MeetingLog

        store.save_meeting_log(group_id, MeetingLog(meeting=0, carry_over="Husk Alis spørgsmål"))
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        assert app.screen.meeting_number == 1  # the one after the last held
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        assert "Husk Alis" not in visible_text(app)
        await pilot.press("n")
        await say_yes(pilot)  # no wall: the room may see this screen, so it asks first
        assert "Husk Alis" in visible_text(app)
    store.close()


async def test_resume_after_restart_at_the_same_block_paused(data_dir: Path) -> None:
    group_id = seed(data_dir)
    clock = FakeClock()
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        clock.advance(300)
        await pilot.press("right", "r")
        clock.advance(90)
        await pilot.press("plus")  # the last change before the "crash"
        meeting = app.screen.meeting
    store.close()  # the app is gone without ending the meeting

    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock(start=10_000))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, RunnerScreen)
        runner = app.screen
        assert runner.run.paused
        assert runner.run.index == 1
        assert runner.run.step == min(1, len(meeting.blocks[1].steps) - 1)
        assert runner.run.elapsed(0) == 300
        assert runner.run.elapsed(1) == 90
        assert runner.run.timings[1].adjust == 60
        assert "fortsætter, hvor I slap" in visible_text(app)
    store.close()


async def test_create_group_and_add_participant_through_the_forms(data_dir: Path) -> None:
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_new_group()
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Onsdagsgruppen"
        app.screen.query_one("#facilitators", Input).value = "Karim, Lise"
        await pilot.press("enter")  # submit from the name field
        await wait_for_screen(pilot, GroupScreen)
        group_id = app.screen.group_id
        await pilot.press("a")
        await pilot.pause()
        alias = app.screen.query_one("#alias", Input)
        alias.value = "010190-1234"  # a CPR number: refused, with a reason
        await pilot.press("enter")
        await pilot.pause()
        assert "CPR" in visible_text(app)
        assert "010190-1234" not in visible_text(app).replace(alias.value, "", 1)
        alias.value = "Noor"
        app.screen.query_one("#consent-store_statement", Checkbox).value = True
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
        assert "Noor" in visible_text(app)
    group = store.group(group_id)
    assert group.name == "Onsdagsgruppen" and group.facilitators == ("Karim", "Lise")
    (noor,) = store.participants(group_id)
    assert noor.alias == "Noor"
    assert noor.has_consent("taking_part") and noor.has_consent("store_statement")
    store.close()


async def test_read_only_store_cannot_start_or_edit(data_dir: Path) -> None:
    group_id = seed(data_dir)
    holder = open_store(data_dir)  # another peertui holds the folder
    reader = open_store(data_dir, read_only=True)
    app = PeerTUI(LIBRARY, store=reader)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s", "a", "e")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
    reader.close()
    holder.close()


async def test_full_disk_while_logging_keeps_the_text(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peertui.store import SaveFailed

    group_id = seed(data_dir)
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        meeting = COURSE.meeting(0)
        assert meeting is not None
        app.push_screen(LogScreen(group_id, meeting, [1.0] * len(meeting.blocks)))
        await pilot.pause()
        app.screen.query_one("#carry-over", TextArea).text = "Vigtig note"

        def full(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise SaveFailed("groups/x.json", "disk_full", "ENOSPC")

        monkeypatch.setattr(store, "save_meeting_log", full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)  # still there, text kept
        assert app.screen.query_one("#carry-over", TextArea).text == "Vigtig note"
        assert "fuld" in visible_text(app).lower() or "plads" in visible_text(app).lower()
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, type(app.screen_stack[0]))
    log = store.meeting_log(group_id, 0)
    assert log is not None and log.carry_over == "Vigtig note"
    store.close()


async def test_attendance_can_be_edited_later_without_starting(data_dir: Path) -> None:
    group_id = seed(data_dir)
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        await pilot.press("space", "down", "space")
        await pilot.press("ctrl+g")  # save only
        await wait_for_screen(pilot, GroupScreen)
        assert not any(isinstance(s, RunnerScreen) for s in app.screen_stack)
        row = app.screen.query_one("#group-meetings", DataTable).get_row("0")
        assert str(row[2]) == "2/3"
        # Later: change it again.
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        assert app.screen.meeting_number == 1  # the introduction counts as held now
        await pilot.press("shift+tab")  # to the meetings list
        await pilot.press("up")  # back to the introduction
        await pilot.pause()
        assert app.screen.meeting_number == 0
        assert sorted(app.screen.status.values()).count("present") == 2
    store.close()
