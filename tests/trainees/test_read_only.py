"""A second peertui on the same folder (read-only): the trainee screens show everything and
offer no change at all."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.statement import StatementScreen
from peertui.ui.screens.trainee import TraineeScreen
from tests.helpers import say_yes

from .helpers import seed, visible_text, wait_for_screen

READY = [(3, "citizens", 2, None), (5, "colleagues", 2, True)]


async def test_read_only_store_offers_no_editing(tmp_path: Path) -> None:
    seeded = seed(tmp_path, taught=READY)
    holder = seeded.store()  # another peertui holds the folder
    reader = seeded.store(read_only=True)
    assert reader.read_only
    before = reader.participant(seeded.group, seeded.trainee)
    app = seeded.app(reader)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        page = app.screen
        assert "Ny kursist" not in visible_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is page  # no form
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        trainee = app.screen
        text = visible_text(app)
        assert "Klar til bevis" in text and "05.10.2026" in text  # everything is shown
        for label in ("Ny undervisning", "Ret", "Slet", "Udskriv bevis", "Oplysninger"):
            assert f" {label} " not in text.splitlines()[-1]
        for key in ("a", "e", "enter", "d", "k", "c"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is trainee, key  # no form, no question, no dialog
        # The practice statement can be read, not changed.
        await pilot.press("s")
        await say_yes(pilot)  # no wall attached: the room may see this screen
        await wait_for_screen(pilot, StatementScreen)
        assert "skrivebeskyttet" in visible_text(app)
        assert app.screen.query_one("#prompt-1", TextArea).read_only
    assert reader.participant(seeded.group, seeded.trainee) == before
    reader.close()
    holder.close()
