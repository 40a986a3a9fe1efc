"""What a stray paste can put in a form: control characters leave at once with a notice, and
a CPR number in disguise is refused with a reason, in the real app through Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.group import GroupScreen
from tests.helpers import notified, visible_text, wait_for_screen

from .test_group_flow import LIBRARY


async def test_control_characters_leave_a_field_with_a_notice(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_new_group()
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        name.value = "Onsdag\x1b]0;owned\x07\x1b[2Jsgruppen"  # as a terminal paste would
        await pilot.pause()
        assert name.value == "Onsdag]0;owned[2Jsgruppen"
        assert notified(app, "styretegn")
        name.value = "Onsdagsgruppen"
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
        group_id = app.screen.group_id
        await pilot.press("a")
        await pilot.pause()
        alias = app.screen.query_one("#alias", Input)
        for disguise in ("010190–1234", "０１０１９０－１２３４", "01.01.90\u200b-1234"):
            alias.value = f"Kim {disguise}"
            await pilot.press("enter")
            await pilot.pause()
            shown = visible_text(app)
            assert "CPR" in shown
            assert "1234" not in shown.replace(alias.value, "", 1)
        alias.value = "Kim"
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
    assert [p.alias for p in store.participants(group_id)] == ["Kim"]
    store.close()
