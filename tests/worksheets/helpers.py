"""Shared pieces of the worksheet tests: a real store in a tmp folder, an app on it, typing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.keys import _character_to_key
from textual.widgets import Input, TextArea

from peertui.content import load_library
from peertui.store import open_store
from peertui.store.store import Store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.worksheets import WorksheetScreen, open_worksheet
from tests.helpers import notified, visible_text, wait_until

LIBRARY = load_library()
MOMENT = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)

__all__ = [
    "LIBRARY",
    "Seeded",
    "notified",
    "open_sheet",
    "seed",
    "type_into",
    "type_keys",
    "visible_text",
]


@dataclass
class Seeded:
    data: Path
    group: str
    maja: str  # consent to store her words
    henrik: str  # no such consent

    def store(self, *, fixed_clock: bool = False) -> Store:
        if fixed_clock:
            return open_store(self.data, clock=lambda: MOMENT)
        return open_store(self.data)

    def app(self, store: Store) -> PeerTUI:
        return PeerTUI(LIBRARY, store=store)


def seed(tmp_path: Path, *, fixed_clock: bool = False) -> Seeded:
    data = tmp_path / "data"
    clock: Any = (lambda: MOMENT) if fixed_clock else None
    with open_store(data, **({"clock": clock} if clock else {})) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        maja = store.add_participant(group.id, "Maja", consents=["taking_part", "store_statement"])
        henrik = store.add_participant(group.id, "Henrik", consents=["taking_part"])
    return Seeded(data=data, group=group.id, maja=maja.id, henrik=henrik.id)


async def open_sheet(app: PeerTUI, pilot: Any, group: str, pid: str, kind: str) -> WorksheetScreen:
    open_worksheet(app, group, pid, kind)
    for _ in range(20):
        await pilot.pause()
        if isinstance(app.screen, WorksheetScreen) and app.screen.is_mounted:
            break
    screen = app.screen
    assert isinstance(screen, WorksheetScreen)
    screen.autosaver.delay = 0.01  # the same timer, just quicker for the tests
    await pilot.pause()
    await pilot.pause()
    return screen


async def type_into(pilot: Any, widget: TextArea | Input, text: str) -> None:
    """Type at the end of a field, as one edit (like a quick typist or a paste)."""
    widget.focus()
    if isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
        widget.insert(text)
    else:
        widget.cursor_position = len(widget.value)
        widget.insert_text_at_cursor(text)
    # Wait for the autosave timer to have fired, however busy the machine is.
    saver = getattr(pilot.app.screen, "autosaver", None)
    if saver is not None:
        await wait_until(pilot, lambda: saver.state != "pending")
    await pilot.pause()


async def type_keys(pilot: Any, text: str) -> None:
    """Type ``text`` key by key into whatever has the focus."""
    await pilot.press(*(_character_to_key(ch) if len(ch) == 1 else ch for ch in text))
    await pilot.pause(0.05)
    await pilot.pause()
