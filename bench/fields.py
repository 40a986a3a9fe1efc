"""Typing into each long field at its maximum length (issue 17: "keystroke at each field's
maximum length: median <= 16 ms").

For every field where a facilitator types a participant's or their own words, the field is
filled to its limit less the keys typed here, and KEYS more characters are typed at its end,
so the last key reaches the limit (a real store in a temporary folder, Textual's test driver
at 100x40, the real screen):

- a statement answer (ANSWER_LIMIT), in paragraphs;
- a goal's long and short fields (LONG_LIMIT, SHORT_LIMIT);
- a safety plan section (SECTION_LIMIT, at most LINES_MAX lines: one point a line);
- a person's note on the network map (NOTE_LIMIT, a one-line Input);
- the meeting log's reflection (no limit of its own on screen: the store's TEXT_MAX).

Each key is a Key event posted to the field. Two times per key: until our handler is done
(the field's Changed message has been through the screen's handler and reached the app),
and until the screen is painted after it. The baseline is a bare Textual app with the same
widget holding the same text, timed the same way in the same run.

A last row types into one 3,000-character paragraph (a statement answer written without a
blank line): Textual's TextArea draws each visible row of a wrapped line from the whole line,
so its cost grows with the paragraph (docs/performance.md).
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

from bench.common import Row, median, p95

KEYS = 40
WARM_UP = 5
SIZE = (100, 40)
#: Between keys: a fast typist (and time for the previous key's frame).
GAP_SECONDS = 0.03

_SENTENCE = (
    "jeg vil gerne have hjælp til at finde en rytme i hverdagen så jeg kan være der for mine "
    "børn og stadig have overskud til at se venner om aftenen det er vigtigt for mig at blive "
    "hørt når vi taler om min fremtid gå ture med hunden læse bøger synge i kor"
)
_WORDS = _SENTENCE.split()


def _sentences(rng: random.Random, length: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(_WORDS))
    return (" ".join(words).capitalize() + ".")[:length]


def text_of(length: int, shape: str, seed: int = 17) -> str:
    """``length`` characters: paragraphs of about 350 characters, lines of about 66 (a safety
    plan's points), or one line."""
    rng = random.Random(seed)
    if shape == "line":
        return _sentences(rng, length)
    size, sep = (350, "\n\n") if shape == "paragraphs" else (66, "\n")
    parts: list[str] = []
    while sum(len(p) + len(sep) for p in parts) < length:
        parts.append(_sentences(rng, size))
    return sep.join(parts)[:length].rstrip()


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "statement", "goals", "safety_plan", "network_map", "log"
    widget_id: str
    limit: int
    shape: str  # "paragraphs", "lines", "line"

    @property
    def text(self) -> str:
        return text_of(self.limit - KEYS, self.shape)


def fields() -> list[Field]:
    from peertui.store.schema import TEXT_MAX
    from peertui.ui.screens.goals import LONG_LIMIT, SHORT_LIMIT
    from peertui.ui.screens.network_map import NOTE_LIMIT
    from peertui.ui.screens.safety_plan import SECTION_LIMIT
    from peertui.ui.screens.statement import ANSWER_LIMIT

    return [
        Field("statement answer", "statement", "prompt-1", ANSWER_LIMIT, "paragraphs"),
        Field("goal, long field", "goals", "g1-text", LONG_LIMIT, "paragraphs"),
        Field("goal, short field", "goals", "g1-help_from", SHORT_LIMIT, "line"),
        Field("safety plan section", "safety_plan", "safety-warning_signs", SECTION_LIMIT, "lines"),
        Field("network map note", "network_map", "network-note", NOTE_LIMIT, "line"),
        Field("meeting log reflection", "log", "reflection", TEXT_MAX, "paragraphs"),
    ]


# --------------------------------------------------------------------------- timing


@dataclass
class Times:
    handler: list[float]
    painted: list[float]


async def _type(app: App[Any], widget: TextArea | Input, changed: asyncio.Event) -> Times:
    """KEYS characters typed at the end of ``widget``: per key, the seconds until the app has
    seen its Changed message (after the screen's handlers), and until the screen is painted."""
    widget.focus()
    if isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
    else:
        widget.cursor_position = len(widget.value)
    times = Times([], [])
    for i in range(WARM_UP + KEYS):
        await asyncio.sleep(GAP_SECONDS)
        await app.screen.wait_for_refresh()
        changed.clear()
        key, character = ("space", " ") if i % 6 == 5 else ("b", "b")
        start = time.perf_counter()
        widget.post_message(events.Key(key, character))
        await asyncio.wait_for(changed.wait(), 10)
        handled = time.perf_counter()
        await app.screen.wait_for_refresh()
        painted = time.perf_counter()
        if i >= WARM_UP:
            times.handler.append(handled - start)
            times.painted.append(painted - start)
    return times


class Bare(App[None]):
    """The baseline: one TextArea (or Input) with the same text, nothing else."""

    def __init__(self, text: str, shape: str) -> None:
        super().__init__()
        self.text, self.shape = text, shape
        self.changed = asyncio.Event()

    def compose(self) -> ComposeResult:
        if self.shape == "line" and len(self.text) < 1000:
            yield Input(self.text, id="field")
        else:
            yield TextArea(self.text, id="field", soft_wrap=True)

    def on_text_area_changed(self) -> None:
        self.changed.set()

    def on_input_changed(self) -> None:
        self.changed.set()


async def _bare(text: str, shape: str, use_input: bool) -> Times:
    app = Bare(text, "line" if use_input else "paragraphs")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _type(
            app, app.query_one("#field", Input if use_input else TextArea), app.changed
        )


def _seed(data: Path, field: Field, text: str) -> tuple[str, str]:
    from peertui.store import open_store
    from peertui.store.schema import (
        Goal,
        MeetingLog,
        NetworkMap,
        NetworkPerson,
        PersonalGoals,
        SafetyPlan,
    )

    with open_store(data) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 1, 1), date(2027, 1, 1)
        )
        pid = store.add_participant(
            group.id, "Maja", consents=["taking_part", "store_statement"]
        ).id
        if field.kind == "statement":
            store.create_statement(group.id, pid, (text, "b", "c", "d"))
        elif field.kind == "goals":
            values = {"text": "Gå en tur", field.widget_id.split("-", 1)[1]: text}
            store.save_worksheet(group.id, pid, PersonalGoals(goals=(Goal(**values),)))
        elif field.kind == "safety_plan":
            points = tuple(line for line in text.split("\n") if line.strip())
            store.save_worksheet(group.id, pid, SafetyPlan(warning_signs=points))
        elif field.kind == "network_map":
            person = NetworkPerson(name="Søster", ring=1, sector="family", note=text)
            store.save_worksheet(group.id, pid, NetworkMap(people=(person,)))
        elif field.kind == "log":
            store.save_meeting_log(group.id, MeetingLog(meeting=1, reflection=text))
        return group.id, pid


async def _ours(data: Path, field: Field, text: str) -> Times:
    from peertui.content import load_library
    from peertui.store import open_store
    from peertui.ui.app import PeerTUI

    group_id, pid = _seed(data, field, text)
    store = open_store(data)
    changed = asyncio.Event()

    class Timed(PeerTUI):
        """Our app; its Changed handlers come after the screen's (the message bubbles up)."""

        def on_text_area_changed(self) -> None:
            changed.set()

        def on_input_changed(self) -> None:
            changed.set()

    app = Timed(load_library(), store=store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await _open(app, field, group_id, pid)
            for _ in range(50):
                await pilot.pause()
                widgets = app.screen.query(f"#{field.widget_id}")
                if widgets and app.screen.is_mounted:
                    break
            await pilot.pause()
            widget = app.screen.query_one(f"#{field.widget_id}")
            assert isinstance(widget, TextArea | Input)
            shown = widget.text if isinstance(widget, TextArea) else widget.value
            assert len(shown) == len(text), (field.name, len(shown), len(text))
            return await _type(app, widget, changed)
    finally:
        store.close()


async def _open(app: Any, field: Field, group_id: str, pid: str) -> None:
    if field.kind == "statement":
        from peertui.ui.screens.statement import StatementScreen

        app.push_screen(StatementScreen(group_id, pid))
    elif field.kind == "log":
        from peertui.ui.screens.meeting_log import LogScreen

        meeting = app.library.course("vejen-til-hverdagslivet").meeting(1)
        app.push_screen(
            LogScreen(group_id, meeting, [15.0] * len(meeting.blocks), held=date(2026, 1, 8))
        )
    else:
        from peertui.ui.screens.worksheets import open_worksheet

        open_worksheet(app, group_id, pid, field.kind)


def _run(coroutine: Callable[[], Awaitable[Times]]) -> Times:
    return asyncio.run(coroutine())  # type: ignore[arg-type]


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(field, field.text) for field in fields()]
        answer = cases[0][0]
        one_paragraph = text_of(answer.limit - KEYS, "line")
        cases.append((answer, one_paragraph))
        for n, (field, text) in enumerate(cases):
            use_input = field.kind == "network_map"
            ours = asyncio.run(_ours(Path(tmp) / f"f{n}", field, text))
            bare = asyncio.run(_bare(text, field.shape, use_input))
            widget = "Input" if use_input else "TextArea"
            label = field.name if n < len(cases) - 1 else "statement answer, one paragraph"
            last = n == len(cases) - 1
            rows.append(
                Row(
                    f"keystroke -> our handler done: {label}, {field.limit:,} chars (median)",
                    median(ours.handler),
                    median(bare.handler),
                    f"bare {widget}, same text",
                    "(informative)" if last else "median <= 16 ms",
                    f"{KEYS} keys ending at the limit; p95 {p95(ours.handler) * 1000:.1f} ms "
                    f"(bare {p95(bare.handler) * 1000:.1f} ms)",
                )
            )
            rows.append(
                Row(
                    "  ... until the screen is painted (median)",
                    median(ours.painted),
                    median(bare.painted),
                    f"bare {widget}, same text",
                    "(informative)",
                    f"p95 {p95(ours.painted) * 1000:.1f} ms "
                    f"(bare {p95(bare.painted) * 1000:.1f} ms)",
                )
            )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
