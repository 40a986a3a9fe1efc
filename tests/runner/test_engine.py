from __future__ import annotations

from pathlib import Path

import pytest

from peertui.content import Block, Meeting
from peertui.runner import MeetingRun, format_clock, phase_for

from .fakes import FakeClock


def meeting() -> Meeting:
    return Meeting(
        number=1,
        title="Test",
        minutes=60,
        path=Path("x.md"),
        blocks=[
            Block("Tjek-ind", "tjek-ind", 10, 1, steps=["a", "b", "c"]),
            Block("Tema", "tema", 20, 2, steps=["tema"]),
            Block("Pause", "pause", 10, 3, steps=["pause"]),
            Block("Tjek-ud", "tjek-ud", 20, 4, steps=[]),
        ],
    )


def test_countdown_runs_only_when_not_paused() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    assert run.paused
    clock.advance(30)
    assert run.remaining() == 600
    run.start()
    clock.advance(90)
    assert run.remaining() == 510
    run.pause()
    clock.advance(500)
    assert run.remaining() == 510
    run.resume()
    clock.advance(10)
    assert run.remaining() == 500


def test_moving_between_blocks_keeps_each_blocks_time() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    run.start()
    clock.advance(120)
    assert run.next_block()
    clock.advance(60)
    assert run.previous_block()
    assert run.elapsed() == 120
    clock.advance(30)
    assert run.elapsed() == 150
    assert run.elapsed(1) == 60
    assert run.total_elapsed == 210
    assert run.actual_minutes() == [2.5, 1.0, 0.0, 0.0]
    assert not run.previous_block()  # already first
    run.go_to(3)
    assert not run.next_block()  # already last
    assert run.is_last


def test_phases_at_20_and_5_percent_and_over() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)  # first block: 600 s
    run.start()
    clock.advance(479)
    assert run.phase() == "normal"  # 121 s left > 20 %
    clock.advance(1)
    assert run.phase() == "warn"  # 120 s left = 20 %
    clock.advance(89)
    assert run.phase() == "warn"  # 31 s left
    clock.advance(1)
    assert run.phase() == "urgent"  # 30 s left = 5 %
    clock.advance(30)
    assert run.phase() == "urgent"  # 0 left
    clock.advance(1)
    assert run.phase() == "over"
    assert format_clock(run.remaining()) == "+00:01"


def test_add_and_remove_minutes() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    run.adjust_minutes(+1)
    assert run.remaining() == 660
    run.adjust_minutes(-2)
    assert run.remaining() == 540
    for _ in range(20):
        run.adjust_minutes(-1)
    assert run.remaining() == 60  # never shorter than one minute
    run.adjust_minutes(+1)
    assert run.remaining() == 120


def test_schedule_delta_ahead_and_behind() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    run.start()
    clock.advance(300)  # half of a 10-minute block: on plan
    assert run.schedule_delta() == 0
    run.next_block()  # left 5 minutes early
    assert run.schedule_delta() == -300
    clock.advance(20 * 60 + 420)  # the 20-minute block runs 7 minutes over
    assert run.schedule_delta() == 120  # 2 minutes behind


def test_reveal_steps() -> None:
    run = MeetingRun(meeting(), FakeClock())
    assert run.visible_steps() == ["a"]
    assert run.reveal_next()
    assert run.reveal_next()
    assert not run.reveal_next()
    assert run.visible_steps() == ["a", "b", "c"]
    assert run.reveal_previous()
    assert run.visible_steps() == ["a", "b"]
    run.next_block()
    assert run.step == 0 and run.visible_steps() == ["tema"]
    run.go_to(3)
    assert run.visible_steps() == [] and run.step_count == 1


def test_snapshot_and_restore_resume_paused_where_it_was() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    run.start()
    clock.advance(100)
    run.next_block()
    run.reveal_next()  # only one step: nothing happens
    run.adjust_minutes(2)
    clock.advance(50)
    state = run.snapshot()
    later = FakeClock(start=99_999)
    again = MeetingRun.restore(meeting(), state, later)
    assert again.paused
    assert again.index == 1
    assert again.elapsed(0) == 100
    assert again.elapsed() == 50
    assert again.remaining() == 20 * 60 + 120 - 50
    later.advance(1000)
    assert again.elapsed() == 50  # still paused


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"index": 99, "step": -1, "elapsed": ["x", -5], "adjust": [None]},
        {"index": "1", "elapsed": None, "adjust": "x"},
    ],
)
def test_restore_ignores_what_does_not_fit(state: dict) -> None:
    run = MeetingRun.restore(meeting(), state, FakeClock())
    assert run.index == 0 and run.step == 0
    assert run.remaining() == 600


def test_format_clock() -> None:
    assert format_clock(600) == "10:00"
    assert format_clock(59.2) == "01:00"
    assert format_clock(0) == "00:00"
    assert format_clock(-90) == "+01:30"
    assert format_clock(3725) == "1:02:05"


def test_format_hours() -> None:
    from peertui.runner import format_hours

    assert format_hours(0) == "0:00"
    assert format_hours(59) == "0:00"
    assert format_hours(47 * 60 + 5) == "0:47"
    assert format_hours(7200) == "2:00"


def test_phase_for_edges() -> None:
    assert phase_for(-0.1, 100) == "over"
    assert phase_for(5, 100) == "urgent"
    assert phase_for(20, 100) == "warn"
    assert phase_for(21, 100) == "normal"


def test_each_block_keeps_its_reveal_step() -> None:
    run = MeetingRun(meeting(), FakeClock())
    run.reveal_next()
    run.reveal_next()
    run.next_block()
    assert run.step == 0
    run.previous_block()
    assert run.step == 2 and run.visible_steps() == ["a", "b", "c"]
    state = run.snapshot()
    assert state["steps"] == [2, 0, 0, 0]
    run.next_block()
    again = MeetingRun.restore(meeting(), run.snapshot(), FakeClock())
    again.previous_block()
    assert again.step == 2


def test_an_old_snapshot_without_steps_still_resumes_its_step() -> None:
    old = {"meeting": 1, "index": 0, "step": 1, "elapsed": [5, 0, 0, 0], "adjust": []}
    run = MeetingRun.restore(meeting(), old, FakeClock())
    assert run.index == 0 and run.step == 1 and run.steps == [1, 0, 0, 0]
    odd = {**old, "steps": [9, "x", -1]}  # what does not fit is ignored
    run = MeetingRun.restore(meeting(), odd, FakeClock())
    assert run.steps == [1, 0, 0, 0]


def test_a_block_is_held_only_once_it_really_ran() -> None:
    clock = FakeClock()
    run = MeetingRun(meeting(), clock)
    run.start()
    clock.advance(59)
    assert not run.held(0)
    clock.advance(1)
    assert run.held(0)
    run.next_block()
    assert not run.held(1)
    short = Meeting(
        number=2, title="Kort", minutes=1, path=Path("y.md"), blocks=[Block("A", "tema", 1, 1)]
    )
    quick = MeetingRun(short, clock)
    quick.start()
    clock.advance(30)  # half of a one-minute block
    assert quick.held(0)


def test_a_break_says_the_real_time_it_ends() -> None:
    from datetime import datetime, timedelta

    from peertui.runner import format_time_of_day

    clock = FakeClock()
    start = datetime(2026, 3, 3, 19, 20, 40)
    pause_meeting = meeting()
    pause_meeting.blocks[2].steps = ["Kaffe.\n\nVi starter igen kl. 11.30."]
    run = MeetingRun(pause_meeting, clock, now=lambda: start + timedelta(seconds=clock.now - 1000))
    run.start()
    run.go_to(2)
    assert run.visible_steps() == ["Kaffe.\n\nVi starter igen kl. 19.31."]  # 19.20.40 + 10 min
    clock.advance(11 * 60)  # over time: it ends now
    assert run.visible_steps() == ["Kaffe.\n\nVi starter igen kl. 19.32."]
    assert format_time_of_day(datetime(2026, 1, 1, 9, 5, 29)) == "9.05"
    assert format_time_of_day(datetime(2026, 1, 1, 23, 59, 31)) == "0.00"
    run.go_to(1)  # only a break's time is changed
    pause_meeting.blocks[1].steps = ["Vi ses kl. 11.30"]
    assert run.visible_steps() == ["Vi ses kl. 11.30"]


def test_link_text_only() -> None:
    from peertui.runner import link_text_only

    assert (
        link_text_only('Se [peer-støtte](guide:peer-stoette) og [her](https://x.dk "t").')
        == "Se peer-støtte og her."
    )
    assert link_text_only("Ingen links [her].") == "Ingen links [her]."
