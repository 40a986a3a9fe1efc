"""The home screen at 60×20 (a projector with a big font): every group, course and guide
title reads whole, no word broken over two lines or cut at the edge."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList

from peertui.content import load_library
from peertui.i18n import _
from peertui.store import demo, open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.home import HomeScreen
from tests.helpers import visible_text, wait_for_screen, wait_until

WORD = re.compile(r"[\w\-]+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text))


@pytest.mark.parametrize("size", [(60, 20), (70, 22), (80, 24)])
async def test_every_title_reads_whole_on_a_small_screen(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        demo.fill(store, date.today())
        groups = store.groups()
    library = load_library()
    titles = [g.name for g in groups] + [c.title for c in library.courses]
    titles += [p.title for p in library.sorted_pages()]
    titles += [_("Meeting practice")]
    app = PeerTUI(data_dir=data, open_store=True)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(
            pilot,
            lambda: (
                bool(app.screen.query("#groups"))
                and app.screen.query_one("#groups", OptionList).option_count > 0
            ),
        )
        await pilot.pause()
        seen = words(visible_text(app))
        # The guide list may scroll: walk down it and read every frame.
        guide = app.screen.query_one("#guide", OptionList)
        guide.focus()
        for _step in range(guide.option_count):
            await pilot.press("down")
            await pilot.pause()
            seen |= words(visible_text(app))
    missing = sorted({w for title in titles for w in WORD.findall(title)} - seen)
    assert missing == []
