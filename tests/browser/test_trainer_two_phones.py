"""The issue's "done when", as a trainer does it: a course day with two trainees, the console
(Pilot) turns phones on from the group's page, two Chromium windows are two phones, the trainer
gives each code to its trainee, both write their practice statements, the console shows that
they saved (never the words), the trainer turns phones off; the words are in the store, in no
file outside it, and in no byte that crossed the loopback interface."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from peertui.content import load_library
from peertui.i18n import _
from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.dialogs.participant_picker import ParticipantPicker
from peertui.ui.dialogs.phones import PhonesPanel
from peertui.ui.phones import phones_for
from peertui.ui.screens.group import GroupScreen
from tests.browser.capture import LoopbackCapture, can_capture
from tests.browser.words import PHRASES, TYPED, files_holding, forms, write_all
from tests.helpers import say_yes, visible_text, wait_for_screen, wait_until
from tests.ui.test_phones import choose_loopback

from ..runner.fakes import FakeClock

TRAINING_COURSE = "bliv-inddragelsesfacilitator"


def rows(app: PeerTUI) -> list[list[str]]:
    table = app.screen.query_one("#phones-list", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def give(pilot: Any, code: str, alias: str) -> None:
    """In the phones panel: the row with ``code``, `a`, yes (no wall), the trainee."""
    app = pilot.app
    await wait_until(pilot, lambda: any(row[0] == code for row in rows(app)))
    table = app.screen.query_one("#phones-list", DataTable)
    table.move_cursor(row=[row[0] for row in rows(app)].index(code))
    await pilot.press("a")
    await wait_for_screen(pilot, ConfirmDialog)  # no wall: the names are private, asked first
    await say_yes(pilot)
    await wait_for_screen(pilot, ParticipantPicker)
    assert code in visible_text(app)
    picker = app.screen.query_one("#picker")
    names = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
    picker.highlighted = names.index(alias)
    await pilot.press("enter")
    await wait_for_screen(pilot, PhonesPanel)


@pytest.mark.skipif(not can_capture(), reason="capturing loopback traffic needs Linux and root")
async def test_a_trainer_with_two_phones(tmp_path: Path, browser: Any) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Kursusdag", TRAINING_COURSE, ["Hanne"], date(2026, 11, 30), date(2027, 11, 30)
        )
        agreed = ["taking_part", "store_statement"]
        trainees = {a: store.add_participant(group.id, a, consents=agreed).id for a in TYPED}
    store = open_store(data)
    app = PeerTUI(load_library(), store=store, clock=FakeClock())
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            app.action_open_group(group.id)
            await wait_for_screen(pilot, GroupScreen)
            await pilot.press("t")
            await choose_loopback(pilot)
            await wait_for_screen(pilot, PhonesPanel)
            phones = phones_for(app)
            server = phones.server
            assert server is not None
            with LoopbackCapture(server.port) as capture:
                pages = {alias: await browser.new_page() for alias in TYPED}
                codes = {}
                for alias, page in pages.items():
                    await page.clock.install()  # the page's own clock, moved on below
                    await page.goto(phones.url)
                    await page.wait_for_selector("#code:not(:empty)", timeout=30_000)
                    codes[alias] = (await page.inner_text("#code")).strip()
                    # Until the trainer says yes, the phone only waits.
                    assert await page.is_visible("#pairing")
                    assert not await page.is_visible("#writing")
                for alias, code in codes.items():
                    await give(pilot, code, alias)
                await wait_until(pilot, lambda: phones.counts() == (0, 2))
                await write_all(pages)
                # The console: who writes and when each saved; never a word of it.
                await wait_until(pilot, lambda: all(row[3] for row in rows(app)))
                shown = visible_text(app)
                assert all(alias in shown for alias in TYPED)
                assert not any(phrase in shown for phrase in PHRASES)
                # Phones off, asked first; the panel closes, the socket is gone.
                await pilot.press("s")
                await wait_for_screen(pilot, ConfirmDialog)
                await say_yes(pilot)
                await wait_for_screen(pilot, GroupScreen)
                await wait_until(pilot, lambda: not phones.on)
                for page in pages.values():
                    await page.wait_for_selector("#banner:not([hidden])", timeout=30_000)
                    assert await page.inner_text("#banner") == _(
                        "The connection is gone. Trying again …"
                    )
                # Omar types a little more, which cannot be saved now; Lene does not.
                await pages["Omar"].type("#answer-4", " Og mere.", delay=1)
                # Two minutes on: Lene's page, all of it saved, forgets her words and says the
                # connection has ended; Omar's keeps his unsaved words and goes on trying.
                for page in pages.values():
                    await page.clock.fast_forward("02:05")
                await pages["Lene"].wait_for_selector("#ended", state="visible", timeout=30_000)
                assert await pages["Lene"].inner_text("#ended-text") == _(
                    "The connection to the facilitator's computer has ended. What you wrote "
                    "is saved there. You can close the page."
                )
                for i in range(1, 5):
                    assert await pages["Lene"].input_value(f"#answer-{i}") == ""
                await asyncio.sleep(0.5)
                assert await pages["Omar"].is_visible("#writing")
                assert (await pages["Omar"].input_value("#answer-4")).endswith(" Og mere.")
                await asyncio.sleep(0.2)
            traffic = capture.payload()
    finally:
        store.close()
    await browser.close()

    with open_store(data, read_only=True) as reader:
        for alias, participant in trainees.items():
            (statement,) = reader.statements(group.id, participant)
            assert statement.answers == TYPED[alias]
    assert b"POST /msg" in traffic
    for phrase in PHRASES:
        assert not any(form in traffic for form in forms(phrase)), phrase
    # In the store, and nowhere else under this test's folder (the browser's profile included).
    assert files_holding(data, PHRASES)
    assert [f for f in files_holding(tmp_path, PHRASES) if not f.startswith(str(data))] == []
