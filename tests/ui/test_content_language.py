"""The home screen says when the courses and guide pages are in another language than the
screens (English screens over the built-in Danish content), and says nothing otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from peertui.content.loader import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.screens.home import HomeScreen
from tests.content.helpers import make_tree
from tests.content.test_check import replace_in
from tests.helpers import visible_text, wait_for_screen


async def _home_text(library_paths: list[Path] | None = None) -> str:
    app = PeerTUI(load_library(library_paths))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.pause()
        return " ".join(visible_text(app).split())


async def test_english_screens_over_danish_content_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERTUI_LANG", "en")
    text = await _home_text()
    assert (
        "The courses and guide pages are written in Danish; peertui itself speaks English." in text
    )


async def test_danish_screens_over_danish_content_say_nothing() -> None:
    text = await _home_text()
    assert "skrevet på" not in text


async def test_danish_screens_over_some_english_content_say_so(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(content / "side-b.md", 'language = "da"', 'language = "en"')
    text = await _home_text([sessions, content])
    assert "Forløbene og guidesiderne er skrevet på engelsk; selve peertui taler dansk." in text
