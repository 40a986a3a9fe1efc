"""The meeting runner's clock and position: which block, which reveal step, how much time.

Pure domain logic: no Textual, no files. Time comes from an injected monotonic clock, so
tests drive it with a fake one and never sleep.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from peertui.content import Block, Meeting
from peertui.i18n import _

Clock = Callable[[], float]
#: The time of day (the break screen says when the meeting starts again); tests pass a fixed one.
WallClock = Callable[[], datetime]
Phase = Literal["normal", "warn", "urgent", "over"]

#: A block turns "warn" with 20% of its time left and "urgent" with 5% left.
WARN_FRACTION = 0.20
URGENT_FRACTION = 0.05
#: The shortest a block can be made with "remove a minute".
MIN_BLOCK_SECONDS = 60
#: A block counts as held (✓ in the agenda) once it ran this long, or half of its time if
#: that is shorter: a block only passed through on the way to another is not held.
HELD_SECONDS = 60
#: A time of day in a break's text ("Vi starter igen kl. 11.30"): the runner puts in the
#: real one, from the break's time left.
TIME_OF_DAY_RE = re.compile(r"\bkl\.\s*\d{1,2}[.:]\d{2}\b")
#: A Markdown link or image, ``[text](target "title")``: notes on a console show the text.
MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)")


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


def local_now() -> datetime:
    """The time of day here."""
    return datetime.now().astimezone()


def format_time_of_day(moment: datetime) -> str:
    """``11.30`` (the Danish way), to the nearest minute."""
    rounded = moment + timedelta(seconds=30)
    return f"{rounded.hour}.{rounded.minute:02d}"


def link_text_only(markdown: str) -> str:
    """Markdown with each link shown as its text only (``[peer-støtte](guide:x)`` becomes
    ``peer-støtte``), for places that show Markdown as plain text."""
    return MARKDOWN_LINK_RE.sub(lambda match: match.group(1), markdown)


def format_hours(seconds: float) -> str:
    """Hours and minutes, ``1:05``, for the whole meeting's clock."""
    minutes = int(max(0.0, seconds) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class MeetingRun:
    """Where a running meeting is, and its clocks.

    The current block's time runs while the run is not paused. Moving to another block
    keeps the time each block has had, and how far it was revealed, so going back and forth
    never loses a second or a step.
    """

    def __init__(
        self, meeting: Meeting, clock: Clock = time.monotonic, now: WallClock = local_now
    ) -> None:
        if not meeting.blocks:
            raise ValueError("a meeting without blocks cannot be run")
        self.meeting = meeting
        self.clock = clock
        #: The time of day, only for what a break says ("Vi starter igen kl. 11.30").
        self.now = now
        self.timings = [BlockTiming(planned=b.minutes * 60.0) for b in meeting.blocks]
        self.index = 0
        #: Each block's reveal step (how many of its steps beyond the first are shown).
        self.steps = [0] * len(meeting.blocks)
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
    def step(self) -> int:
        """The current block's reveal step."""
        return self.steps[self.index]

    @step.setter
    def step(self, value: int) -> None:
        self.steps[self.index] = value

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

    def held(self, index: int) -> bool:
        """Whether a block really ran (``HELD_SECONDS``), not just passed through."""
        return self.elapsed(index) >= min(HELD_SECONDS, self.timings[index].total / 2)

    def resume_time(self) -> datetime:
        """When the current block (a break) ends, by the time of day: now plus its time left."""
        return self.now() + timedelta(seconds=max(0.0, self.remaining()))

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
        self.index = index  # the block's reveal step is kept (self.steps)
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
        """The current block's participant text up to its reveal step. A break's time of
        day ("kl. 11.30") is the real one: now plus the break's time left."""
        steps = self.block.steps[: self.step + 1]
        if self.block.kind == "pause":
            at = _("at {time}", time=format_time_of_day(self.resume_time()))
            steps = [TIME_OF_DAY_RE.sub(at, step) for step in steps]
        return steps

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
            "steps": list(self.steps),
            "elapsed": [round(self.elapsed(i), 3) for i in range(len(self.timings))],
            "adjust": [t.adjust for t in self.timings],
            "started": self.started,
        }

    @classmethod
    def restore(
        cls,
        meeting: Meeting,
        state: dict[str, Any],
        clock: Clock = time.monotonic,
        now: WallClock = local_now,
    ) -> MeetingRun:
        """A paused run where ``state`` left off. Ignores what does not fit the meeting
        (the content may have changed since), rather than failing. A snapshot from before
        each block kept its own step has only ``step``: it is the current block's."""
        run = cls(meeting, clock, now)
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
        steps = state.get("steps")
        if isinstance(steps, list):
            for i, block in enumerate(meeting.blocks):
                value = steps[i] if i < len(steps) else 0
                if isinstance(value, int) and 0 <= value < max(1, len(block.steps)):
                    run.steps[i] = value
        step = state.get("step", 0)
        if isinstance(step, int) and 0 <= step < run.step_count:
            run.step = step
        run.started = bool(state.get("started", True))
        return run
