"""The statement editor: keystrokes into a prompt that already holds 5,000 characters, and
opening the editor for a participant with 50 versions of history.

Driven through Pilot on a real store in a temporary folder. Baselines, in the same run: the
same keystrokes into a bare TextArea app holding the same text; opening the editor for a
participant with a single version.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from bench.common import Row, median, p95

KEYS = 150
TEXT = ("Jeg vil gerne have hjælp til at finde en rytme i hverdagen. " * 90)[:5000]


class BareTextArea(App[None]):
    changed = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield TextArea(TEXT, id="area", soft_wrap=True)

    def on_text_area_changed(self) -> None:
        self.changed.set()


async def _bare_direct() -> list[float]:
    app = BareTextArea()
    async with app.run_test(size=(100, 40)) as pilot:
        area = app.query_one("#area", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        return await _direct_keystrokes(app, pilot, "area", app.changed)


async def _type(app: App[None], area_id: str, open_screen=None) -> list[float]:  # type: ignore[no-untyped-def]
    times: list[float] = []
    async with app.run_test(size=(100, 40)) as pilot:
        if open_screen is not None:
            await open_screen(app, pilot)
        area = app.screen.query_one(f"#{area_id}", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        for i in range(KEYS):
            start = time.perf_counter()
            await pilot.press("a" if i % 7 else "space")
            times.append(time.perf_counter() - start)
    return times


def _seed(data: Path, versions: int) -> tuple[str, str]:
    from peertui.store import open_store

    with open_store(data) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["A"], date(2026, 1, 1), date(2027, 1, 1)
        )
        pid = store.add_participant(group.id, "Maja", consents=["store_statement"]).id
        statement = store.create_statement(group.id, pid, (TEXT, "b", "c", "d"))
        for v in range(versions - 1):
            store.new_statement_version(group.id, statement.id, (TEXT, f"b{v}", "c", "d"))
        return group.id, pid


HANDLER_TIMES: list[float] = []
CHANGED = asyncio.Event()
DIRECT_TIMES: list[float] = []


async def _direct_keystrokes(app, pilot, area_id: str, changed: asyncio.Event) -> list[float]:  # type: ignore[no-untyped-def]
    """From posting a key event to the end of the app's handling of the resulting change
    (for the editor: our handler, autosave scheduling included), without Pilot's idle wait."""
    from textual import events

    area = app.screen.query_one(f"#{area_id}", TextArea)
    times = []
    for i in range(KEYS):
        changed.clear()
        character = "b" if i % 5 else " "
        start = time.perf_counter()
        area.post_message(events.Key("b" if character == "b" else "space", character))
        await asyncio.wait_for(changed.wait(), 5)
        times.append(time.perf_counter() - start)
        await pilot.pause()
    return times


async def _editor_typing(data: Path) -> list[float]:
    from peertui.content import load_library
    from peertui.store import open_store
    from peertui.ui.app import PeerTUI
    from peertui.ui.screens.statement import StatementScreen

    group_id, pid = _seed(data, 1)
    store = open_store(data)
    app = PeerTUI(load_library(), store=store)

    class TimedStatementScreen(StatementScreen):
        """Times our own work per keystroke: cleaning the text and scheduling the save."""

        def on_text_area_changed(self, event: TextArea.Changed) -> None:
            start = time.perf_counter()
            super().on_text_area_changed(event)
            HANDLER_TIMES.append(time.perf_counter() - start)
            CHANGED.set()

    async def open_screen(app, pilot) -> None:  # type: ignore[no-untyped-def]
        app.push_screen(TimedStatementScreen(group_id, pid))
        await pilot.pause()
        await pilot.pause()

    try:
        times = await _type(app, "prompt-1", open_screen)
        app = PeerTUI(load_library(), store=store)
        async with app.run_test(size=(100, 40)) as pilot:
            await open_screen(app, pilot)
            area = app.screen.query_one("#prompt-1", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
            await pilot.pause()
            DIRECT_TIMES.extend(await _direct_keystrokes(app, pilot, "prompt-1", CHANGED))
        return times
    finally:
        store.close()


async def _open_editor(data: Path, versions: int, rounds: int = 7) -> list[float]:
    from peertui.content import load_library
    from peertui.store import open_store
    from peertui.ui.app import PeerTUI
    from peertui.ui.screens.statement import StatementScreen

    group_id, pid = _seed(data, versions)
    store = open_store(data)
    app = PeerTUI(load_library(), store=store)
    times: list[float] = []
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            for _ in range(rounds):
                start = time.perf_counter()
                screen = StatementScreen(group_id, pid)
                app.push_screen(screen)
                while not screen.is_mounted or screen._loading:
                    await pilot.pause()
                times.append(time.perf_counter() - start)
                app.pop_screen()
                await pilot.pause()
    finally:
        store.close()
    return times


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bare = asyncio.run(_type(BareTextArea(), "area"))
        bare_direct = asyncio.run(_bare_direct())
        ours = asyncio.run(_editor_typing(root / "typing"))
        one = asyncio.run(_open_editor(root / "one", 1))
        fifty = asyncio.run(_open_editor(root / "fifty", 50))
    return [
        Row(
            "keystroke -> edit + our handler done, 5,000-char prompt (median)",
            median(DIRECT_TIMES),
            median(bare_direct),
            "bare TextArea, same text",
            "median <= 16 ms",
            f"{KEYS} key events, autosave scheduling included",
        ),
        Row(
            "keystroke -> edit + our handler done (p95)",
            p95(DIRECT_TIMES),
            p95(bare_direct),
            "bare TextArea",
        ),
        Row(
            "keystroke through Pilot.press (median)",
            median(ours),
            median(bare),
            "bare TextArea, same text",
            "",
            "includes Pilot's wait for idle",
        ),
        Row("keystroke through Pilot.press (p95)", p95(ours), p95(bare), "bare TextArea"),
        Row(
            "our work per keystroke (clean text + schedule autosave), median",
            median(HANDLER_TIMES),
            None,
            "",
            "",
            "the rest of a keystroke is Textual's TextArea and Pilot's wait for idle",
        ),
        Row(
            "open the editor, 50 versions of history",
            median(fifty),
            median(one),
            "1 version",
            "",
            "median of 7, until the words are in the fields",
        ),
    ]
