"""The meeting runner's clock and position: which block, which reveal step, how much time.

Pure domain logic: no Textual, no files. Time comes from an injected monotonic clock, so
tests drive it with a fake one and never sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from peertui.content import Block, Meeting

Clock = Callable[[], float]
Phase = Literal["normal", "warn", "urgent", "over"]

#: A block turns "warn" with 20% of its time left and "urgent" with 5% left.
WARN_FRACTION = 0.20
URGENT_FRACTION = 0.05
#: The shortest a block can be made with "remove a minute".
MIN_BLOCK_SECONDS = 60


@dataclass(slots=True)
class BlockTiming:
    planned: float  # seconds, from the content
    adjust: float = 0.0  # seconds added (+) or removed (-) during the meeting
    elapsed: float = 0.0  # seconds this block has been running (banked)

    @property
    def total(self) -> float:
        return max(MIN_BLOCK_SECONDS, self.planned + self.adjust)


def phase_for(remaining: float, total: float) -> Phase:
    if remaining < 0:
        return "over"
    if total <= 0:
        return "urgent"
    fraction = remaining / total
    if fraction <= URGENT_FRACTION:
        return "urgent"
    if fraction <= WARN_FRACTION:
        return "warn"
    return "normal"


def format_clock(seconds: float) -> str:
    """``12:05`` counting down; ``+01:30`` once over time. Hours show as ``1:05:00``."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # 0.4 s left still shows 00:01
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_hours(seconds: float) -> str:
    """Hours and minutes, ``1:05``, for the whole meeting's clock."""
    minutes = int(max(0.0, seconds) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class MeetingRun:
    """Where a running meeting is, and its clocks.

    The current block's time runs while the run is not paused. Moving to another block
    keeps the time each block has had, so going back and forth never loses a second.
    """

    def __init__(self, meeting: Meeting, clock: Clock = time.monotonic) -> None:
        if not meeting.blocks:
            raise ValueError("a meeting without blocks cannot be run")
        self.meeting = meeting
        self.clock = clock
        self.timings = [BlockTiming(planned=b.minutes * 60.0) for b in meeting.blocks]
        self.index = 0
        self.step = 0
        self._since: float | None = None  # clock time the running segment started
        self.started = False

    # ------------------------------------------------------------------ state

    @property
    def paused(self) -> bool:
        return self._since is None

    @property
    def block(self) -> Block:
        return self.meeting.blocks[self.index]

    @property
    def is_last(self) -> bool:
        return self.index == len(self.meeting.blocks) - 1

    def _bank(self) -> None:
        if self._since is not None:
            now = self.clock()
            self.timings[self.index].elapsed += max(0.0, now - self._since)
            self._since = now

    # ------------------------------------------------------------------ time

    def elapsed(self, index: int | None = None) -> float:
        i = self.index if index is None else index
        timing = self.timings[i]
        live = 0.0
        if i == self.index and self._since is not None:
            live = max(0.0, self.clock() - self._since)
        return timing.elapsed + live

    def remaining(self, index: int | None = None) -> float:
        i = self.index if index is None else index
        return self.timings[i].total - self.elapsed(i)

    def phase(self, index: int | None = None) -> Phase:
        i = self.index if index is None else index
        return phase_for(self.remaining(i), self.timings[i].total)

    @property
    def total_elapsed(self) -> float:
        return sum(self.elapsed(i) for i in range(len(self.timings)))

    @property
    def total_planned(self) -> float:
        return sum(t.planned for t in self.timings)

    def schedule_delta(self) -> float:
        """Seconds behind plan (positive) or ahead of it (negative).

        Compares the time used so far with the plan for the same progress: every block
        before the current one at its planned length, plus the current block's time up to
        its planned length.
        """
        planned_so_far = sum(t.planned for t in self.timings[: self.index])
        planned_so_far += min(self.elapsed(), self.timings[self.index].planned)
        return self.total_elapsed - planned_so_far

    def actual_minutes(self) -> list[float]:
        return [round(self.elapsed(i) / 60, 1) for i in range(len(self.timings))]

    # ------------------------------------------------------------------ control

    def start(self) -> None:
        self.started = True
        self.resume()

    def pause(self) -> None:
        self._bank()
        self._since = None

    def resume(self) -> None:
        if self._since is None:
            self._since = self.clock()
        self.started = True

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def go_to(self, index: int) -> bool:
        if not 0 <= index < len(self.timings) or index == self.index:
            return False
        running = not self.paused
        self._bank()
        self._since = None
        self.index = index
        self.step = 0
        if running:
            self._since = self.clock()
        return True

    def next_block(self) -> bool:
        return self.go_to(self.index + 1)

    def previous_block(self) -> bool:
        return self.go_to(self.index - 1)

    def adjust_minutes(self, minutes: int) -> None:
        timing = self.timings[self.index]
        timing.adjust += minutes * 60
        # Never below the shortest block: keep adjust consistent with what total shows.
        timing.adjust = max(timing.adjust, MIN_BLOCK_SECONDS - timing.planned)

    # ------------------------------------------------------------------ reveal

    @property
    def step_count(self) -> int:
        return max(1, len(self.block.steps))

    def visible_steps(self) -> list[str]:
        return self.block.steps[: self.step + 1]

    def reveal_next(self) -> bool:
        if self.step + 1 < self.step_count:
            self.step += 1
            return True
        return False

    def reveal_previous(self) -> bool:
        if self.step > 0:
            self.step -= 1
            return True
        return False

    # ------------------------------------------------------------------ resume

    def snapshot(self) -> dict[str, Any]:
        """JSON-able state, enough to resume after a restart (always resumes paused)."""
        return {
            "meeting": self.meeting.number,
            "index": self.index,
            "step": self.step,
            "elapsed": [round(self.elapsed(i), 3) for i in range(len(self.timings))],
            "adjust": [t.adjust for t in self.timings],
            "started": self.started,
        }

    @classmethod
    def restore(
        cls, meeting: Meeting, state: dict[str, Any], clock: Clock = time.monotonic
    ) -> MeetingRun:
        """A paused run where ``state`` left off. Ignores what does not fit the meeting
        (the content may have changed since), rather than failing."""
        run = cls(meeting, clock)
        elapsed = state.get("elapsed") or []
        adjust = state.get("adjust") or []
        for i, timing in enumerate(run.timings):
            if i < len(elapsed) and isinstance(elapsed[i], int | float) and elapsed[i] >= 0:
                timing.elapsed = float(elapsed[i])
            if i < len(adjust) and isinstance(adjust[i], int | float):
                timing.adjust = max(float(adjust[i]), MIN_BLOCK_SECONDS - timing.planned)
        index = state.get("index", 0)
        if isinstance(index, int) and 0 <= index < len(run.timings):
            run.index = index
        step = state.get("step", 0)
        if isinstance(step, int) and 0 <= step < run.step_count:
            run.step = step
        run.started = bool(state.get("started", True))
        return run
