"""The log's questions ("Hvordan gik det?"): the boxes show ticked or not by shape, and the
arrow keys move between them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import TextArea

from peertui import labels
from peertui.content import load_library
from peertui.i18n import _
from peertui.store import open_store
from peertui.store.schema import CHECKLIST_ITEMS
from peertui.ui.app import PeerTUI
from peertui.ui.screens.meeting_log import LogScreen
from peertui.ui.widgets.toggles import Checkbox
from tests.helpers import visible_text, wait_for_screen

LIBRARY = load_library()
COURSE = LIBRARY.course("vejen-til-hverdagslivet")
assert COURSE is not None


def line_with(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


async def test_shapes_and_arrow_keys_in_the_log(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    group = store.create_group("Gruppen", COURSE.id, ["Anne"], date(2026, 9, 1), date(2027, 9, 1))
    meeting = COURSE.meetings[1]
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 50)) as pilot:
        app.push_screen(LogScreen(group.id, meeting, [b.minutes for b in meeting.blocks]))
        await wait_for_screen(pilot, LogScreen)
        screen = app.screen
        ids = [f"check-{item}" for item in CHECKLIST_ITEMS]
        assert app.focused is not None and app.focused.id == ids[0]
        # Down through every box, ticking the first and the third on the way.
        for i, box_id in enumerate(ids):
            assert app.focused is not None and app.focused.id == box_id
            if i in (0, 2):
                await pilot.press("space")
            await pilot.press("down")
        # After the last box, the text below.
        assert isinstance(app.focused, TextArea) and app.focused.id == "reflection"
        assert [screen.query_one(f"#{b}", Checkbox).value for b in ids] == [
            i in (0, 2) for i in range(len(ids))
        ]
        shown = visible_text(app)
        first, second = (_(labels.CHECKLIST[item]) for item in CHECKLIST_ITEMS[:2])
        assert "▐✓▌" in line_with(shown, first)
        assert "▐ ▌" in line_with(shown, second)
        # The text field keeps its own arrow keys.
        await pilot.press("up")
        assert app.focused is not None and app.focused.id == "reflection"
        # Up from a box goes back up, and stops at the first.
        screen.query_one(f"#{ids[2]}", Checkbox).focus()
        await pilot.press("up", "up", "up")
        assert app.focused is not None and app.focused.id == ids[0]
    store.close()
