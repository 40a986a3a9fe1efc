"""The wall's calm screens (idle, console gone, cannot attach) and its hint about big text."""

from __future__ import annotations

from pathlib import Path

from peertui.i18n import _
from peertui.ui.wall import WallApp
from peertui.wall import WallState
from tests.helpers import flat, notified, visible_text


async def test_idle_shows_the_group_and_a_calm_line(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        app.connection(True)
        app.receive(WallState(mode="idle", group="Tirsdagsgruppen"))
        await pilot.pause()
        text = visible_text(app)
        assert "Tirsdagsgruppen" in text
        assert _("Good that you are here.") in text
        # A later state without a name keeps the last one the wall got.
        app.receive(WallState(mode="idle"))
        await pilot.pause()
        assert "Tirsdagsgruppen" in visible_text(app)


async def test_idle_without_a_group_still_says_more_than_welcome(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        app.connection(True)
        await pilot.pause()
        text = visible_text(app)
        assert _("Welcome") in text
        assert _("Good that you are here.") in text


async def test_a_lost_console_leaves_the_group_name_and_a_calm_line(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        app.connection(True)
        app.receive(
            WallState(mode="block", group="Tirsdagsgruppen", title="Runde", countdown="05:00")
        )
        await pilot.pause()
        app.connection(False)
        await pilot.pause()
        text = visible_text(app)
        assert "Tirsdagsgruppen" in text
        assert _("The screen will be back in a moment.") in text
        assert _("The wall is waiting for peertui and will connect again.") in flat(
            text
        )  # small, for the facilitator
        assert "Runde" not in text
        assert "Forbindelsen" not in text


async def test_a_wall_that_cannot_attach_says_so(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(100, 30)) as pilot:
        app.unreachable()
        await pilot.pause()
        assert flat(
            _(
                "The wall cannot connect: the data folder's path is too long, and "
                "there is no private folder to use instead (see docs/projector.md)."
            )
        ) in flat(visible_text(app))


async def test_the_bigger_text_hint_comes_once_above_30_rows(tmp_path: Path) -> None:
    hint = _(
        "The wall has {rows} rows, and the letters are small. Make the text "
        "bigger with Ctrl and + (in most terminals): about 24 rows can be read "
        "from 6 metres.",
        rows=45,
    )[:30]
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert notified(app, hint)
        assert sum(hint[:20] in str(n.message) for n in app._notifications) == 1
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert sum(hint[:20] in str(n.message) for n in app._notifications) == 1


async def test_no_hint_at_24_rows_until_the_wall_grows(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.hinted
        assert not notified(app, "Ctrl og +")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not notified(app, "Ctrl og +")
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert notified(app, "Ctrl og +")
