"""The statement editor: opening it for a participant with 50 versions of history, against
one version, in the same run (Pilot, a real store in a temporary folder).

Keystrokes into the editor's fields at their maximum length are in bench/fields.py.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import Row, median

#: An answer at its limit (peertui.ui.screens.statement.ANSWER_LIMIT).
TEXT = ("Jeg vil gerne have hjælp til at finde en rytme i hverdagen. " * 90)[:3000]


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
        one = asyncio.run(_open_editor(root / "one", 1))
        fifty = asyncio.run(_open_editor(root / "fifty", 50))
    return [
        Row(
            "open the statement editor, 50 versions of history",
            median(fifty),
            median(one),
            "1 version",
            "",
            "median of 7, until the words are in the fields",
        ),
    ]
