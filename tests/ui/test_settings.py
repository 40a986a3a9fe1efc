"""The organisation's profile screen, through Pilot, on a real store on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from textual.widgets import Button, Input

from peertui.content import load_library
from peertui.store import Store, open_store
from peertui.store.schema import Organisation
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.home import HomeScreen
from peertui.ui.screens.settings import OrganisationScreen
from tests.helpers import flat, notified, visible_text, wait_for_screen, wait_until

LIBRARY = load_library()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):  # type: ignore[no-untyped-def]
    opened = open_store(data_dir)
    yield opened
    opened.close()


def field(app: PeerTUI, input_id: str) -> Input:
    return app.screen.query_one(f"#{input_id}", Input)


def shown(app: PeerTUI) -> str:
    return flat(visible_text(app))


async def open_profile(pilot, app: PeerTUI) -> OrganisationScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("o")
    await wait_for_screen(pilot, OrganisationScreen)
    screen = app.screen
    assert isinstance(screen, OrganisationScreen)
    return screen


async def toggle_logo(pilot) -> None:  # type: ignore[no-untyped-def]
    """Click "Fjern logo" / "Behold logo" (a button ignores clicks during its short flash)."""
    button = pilot.app.screen.query_one("#org-logo-remove", Button)
    await wait_until(pilot, lambda: not button.has_class("-active"))
    await pilot.click(button)
    await pilot.pause()


def png(path: Path) -> Path:
    Image.new("RGB", (120, 60), "navy").save(path, format="PNG")
    return path


async def test_key_on_home_opens_and_saves_and_a_restart_shows_it(
    data_dir: Path, store: Store
) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "o Organisation" in visible_text(app)  # the key, in the footer
        await open_profile(pilot, app)
        assert app.focused is field(app, "org-name")
        await pilot.press(*"Foreningen Fællesskab")
        field(app, "org-line").value = "Peer-støtte for voksne"
        field(app, "org-website").value = "https://fællesskab.example.dk"
        field(app, "org-contact").value = "Ring til Anne på 12 34 56 78"
        field(app, "org-signer-1").value = "Kursusleder"
        field(app, "org-signer-3").value = "Koordinator"  # a gap closes up
        await pilot.pause()
        assert "ikke gemt endnu" in shown(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notified(app, "Organisationen er gemt.")
        assert "ikke gemt endnu" not in shown(app)
        saved = store.organisation()
        assert saved.name == "Foreningen Fællesskab"
        assert saved.line == "Peer-støtte for voksne"
        assert saved.website == "https://fællesskab.example.dk"
        assert saved.contact == "Ring til Anne på 12 34 56 78"
        assert saved.signers == ("Kursusleder", "Koordinator")
        assert field(app, "org-signer-2").value == "Koordinator"
        await pilot.press("escape")  # nothing unsaved: straight back
        await wait_for_screen(pilot, HomeScreen)
    store.close()

    again = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=again)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        assert field(app, "org-name").value == "Foreningen Fællesskab"
        assert field(app, "org-signer-1").value == "Kursusleder"
        text = shown(app)
        assert "Foreningen Fællesskab" in text
        assert "https://fællesskab.example.dk" in text
    again.close()


async def test_enter_in_a_field_saves(store: Store) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        await pilot.press(*"Foreningen", "enter")
        await pilot.pause()
        assert store.organisation().name == "Foreningen"


async def test_palette_opens_it_with_a_store_only(store: Store) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Organisation") == 1  # the key's entry, not a second one
        app.action_open_guide("tryghedsplan")  # elsewhere, the palette's own entry
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Organisation") == 1
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"organisation")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for_screen(pilot, OrganisationScreen)

    without = PeerTUI(LIBRARY)
    async with without.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Organisation" not in [c.title for c in without.get_system_commands(without.screen)]
        assert "Organisation" not in visible_text(without)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(without.screen, HomeScreen)


async def test_http_website_is_refused_and_nothing_saved(store: Store) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(60, 20)) as pilot:  # a projector with a big font
        await open_profile(pilot, app)
        field(app, "org-name").value = "Foreningen"
        field(app, "org-website").value = "http://foreningen.dk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "skal være en adresse, der begynder med https://" in shown(app)
        assert field(app, "org-website").value == "http://foreningen.dk"  # the text stays
        assert field(app, "org-name").value == "Foreningen"
        assert app.focused is field(app, "org-website")
        assert store.organisation() == Organisation()
        field(app, "org-website").value = "https://foreningen.dk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#form-error").display  # the line is gone
        assert store.organisation().website == "https://foreningen.dk"


async def test_cpr_like_contact_is_refused(store: Store) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        field(app, "org-contact").value = "Anne 010203-1234"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ligner et CPR-nummer" in shown(app)
        assert field(app, "org-contact").value == "Anne 010203-1234"
        assert store.organisation() == Organisation()


async def test_a_logo_is_taken_and_removed(tmp_path: Path, store: Store) -> None:
    logo = png(tmp_path / "logo.png")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        assert "Der er intet logo." in shown(app)
        assert app.screen.query_one("#org-logo-remove", Button).disabled
        field(app, "org-logo-path").value = f"'{logo}'"  # as a dragged-in file arrives
        await pilot.pause()
        assert "Det nye logo tages med, når du gemmer." in shown(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.organisation()
        assert saved.logo
        assert "Der er et logo" in shown(app)
        assert field(app, "org-logo-path").value == ""

        await toggle_logo(pilot)
        assert "Logoet fjernes, når du gemmer." in shown(app)
        assert store.organisation().logo == saved.logo  # not before saving
        await toggle_logo(pilot)  # "Behold logo": changed my mind
        assert "Der er et logo" in shown(app)
        await toggle_logo(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.organisation().logo == ""
        assert "Der er intet logo." in shown(app)


async def test_a_file_that_is_no_image_is_refused_calmly(tmp_path: Path, store: Store) -> None:
    text = tmp_path / "logo.png"
    text.write_text("ikke et billede")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        field(app, "org-name").value = "Foreningen"
        field(app, "org-logo-path").value = str(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Logoet skal være et PNG- eller JPEG-billede." in shown(app)
        assert app.focused is field(app, "org-logo-path")
        assert field(app, "org-logo-path").value == str(text)
        assert store.organisation() == Organisation()  # nothing at all was saved

        field(app, "org-logo-path").value = str(tmp_path / "findes-ikke.png")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "findes ikke" in shown(app)
        assert store.organisation() == Organisation()


async def test_escape_with_changes_asks_and_no_keeps_you_there(store: Store) -> None:
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        await pilot.press(*"Foreningen")
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmDialog)
        assert "Ændringerne er ikke gemt" in shown(app)
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")  # "Nej"
        await wait_for_screen(pilot, OrganisationScreen)
        assert field(app, "org-name").value == "Foreningen"
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await wait_for_screen(pilot, HomeScreen)
        assert store.organisation() == Organisation()


async def test_read_only_store_shows_the_profile_and_cannot_save(data_dir: Path) -> None:
    with open_store(data_dir) as writer:
        writer.set_organisation(Organisation(name="Foreningen", signers=("Kursusleder",)))
    holder = open_store(data_dir)  # another peertui holds the folder
    reader = open_store(data_dir, read_only=True)
    app = PeerTUI(LIBRARY, store=reader)
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await open_profile(pilot, app)
            text = shown(app)
            assert "skrivebeskyttet" in text
            assert field(app, "org-name").value == "Foreningen"
            assert field(app, "org-name").disabled
            assert not app.screen.query_one("#org-save", Button).display
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert holder.organisation().name == "Foreningen"
            await pilot.press("escape")  # nothing can change: no question
            await wait_for_screen(pilot, HomeScreen)
    finally:
        reader.close()
        holder.close()


async def test_damaged_profile_is_shown_as_such_and_never_overwritten(
    data_dir: Path, store: Store
) -> None:
    from peertui.store.paths import ORGANISATION_NAME

    damaged = data_dir / ORGANISATION_NAME
    damaged.write_bytes(b"{ikke json")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_profile(pilot, app)
        assert "beskadiget" in shown(app)
        assert field(app, "org-name").disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert damaged.read_bytes() == b"{ikke json"


@pytest.mark.parametrize("size", [(60, 20), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    with open_store(data_dir) as writer:
        writer.set_organisation(Organisation(name="Foreningen", signers=("Kursusleder",)))
    opened = open_store(data_dir)

    async def open_it(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_profile(pilot, pilot.app)
        for line in pilot.app.screen.query(Input):
            line.cursor_blink = False  # the cursor is always drawn: the same picture each time
        await pilot.pause()

    try:
        assert snap_compare(PeerTUI(LIBRARY, store=opened), terminal_size=size, run_before=open_it)
    finally:
        opened.close()
