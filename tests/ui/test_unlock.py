"""The app on a protected data folder (issue 18, item 3): the passphrase screen comes before
anything else, shows nothing of the data, and three wrong tries end the app calmly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from peertui.content import Library
from peertui.i18n import _, ngettext
from peertui.store import demo, protection
from peertui.store.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.home import HomeScreen
from peertui.ui.screens.unlock import TRIES, UnlockScreen
from tests.helpers import visible_text
from tests.store.helpers import without_lock
from tests.store.protected import PASSPHRASE, fast_kdf

TODAY = date(2025, 3, 25)
SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _fast() -> Iterator[None]:
    with fast_kdf():
        yield


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        demo.fill(store, TODAY)
        store.protect(PASSPHRASE, protection.new_identity())
    return folder


def _app(data: Path) -> PeerTUI:
    return PeerTUI(Library(), data_dir=data, open_store=True)


async def _type(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_right_passphrase_opens_the_store(data: Path) -> None:
    app = _app(data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.store is None
        field = app.screen.query_one("#passphrase", Input)
        assert field.password and field.has_focus
        await _type(pilot, PASSPHRASE)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.store is not None and app.store.protected and not app.store.read_only
        assert "Tirsdagsgruppen (demo)" in visible_text(app)


async def test_the_screen_shows_nothing_of_the_data(data: Path) -> None:
    app = _app(data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = visible_text(app)
        assert _("The data folder is protected") in text
        assert _("Type the passphrase to open it. The letters are not shown.") in text
        for secret in ("Tirsdagsgruppen", "Kursusdag", "Maja", "demo", str(data)):
            assert secret not in text, secret
        assert app.store is None
        # typed letters are not shown
        app.screen.query_one("#passphrase", Input).value = "hemmelig123"
        await pilot.pause()
        assert "hemmelig123" not in visible_text(app)
        # the command palette lists no group either
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert not [c for c in commands if "Tirsdagsgruppen" in str(c)]


async def test_a_wrong_passphrase_says_so_and_three_end_the_app(data: Path) -> None:
    before = without_lock(data)
    app = _app(data)
    said: list[object] = []
    real_exit = app.exit

    def exit_(*args: object, **kwargs: object) -> None:
        said.append(kwargs.get("message"))
        real_exit(*args, **kwargs)  # type: ignore[arg-type]

    app.exit = exit_  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for wrong in range(1, TRIES):
            await _type(pilot, f"forkert {wrong}")
            assert isinstance(app.screen, UnlockScreen)
            left = TRIES - wrong
            message = ngettext(
                "That passphrase does not open the data folder. {count} try left.",
                "That passphrase does not open the data folder. {count} tries left.",
                left,
            )
            shown = app.screen.query_one("#unlock-error", Static).render()
            assert str(shown) == message
            field = app.screen.query_one("#passphrase", Input)
            assert field.value == "" and not field.disabled
            assert app.store is None
        await _type(pilot, "forkert igen")
    assert app.return_code == 2
    assert app.store is None
    assert said == [
        "peertui: "
        + _(
            "The passphrase was not right {count} times, so peertui has stopped. "
            "Nothing has been changed.",
            count=TRIES,
        )
    ]
    assert without_lock(data) == before  # nothing changed


async def test_a_plain_folder_has_no_passphrase_screen(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        demo.fill(store, TODAY)
    app = _app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
        assert not app.store.protected
