"""Content with errors: the home screen names the command that checks the folder it opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from peertui.ui.app import PeerTUI
from peertui.ui.screens.home import HomeScreen
from tests.content.helpers import make_tree, write
from tests.helpers import visible_text, wait_for_screen, wait_until


async def test_the_hint_names_the_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _sessions, content = make_tree(Path("broken"))
    write(content / "tom.md", "")  # one error
    app = PeerTUI(content_paths=[Path("broken")])
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: app.content_loaded and "fejl" in visible_text(app))
        await pilot.pause()
        text = " ".join(visible_text(app).split())
    assert "Indholdet har 1 fejl. Kør 'peertui check broken' for at se hvor." in text, text
