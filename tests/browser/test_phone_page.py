"""Two phones in a real browser (headless Chromium) write two trainees' practice statements
through the phone server: the words reach the store, nothing readable crosses the loopback
interface, and the browser keeps none of them on disk."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peertui.phones.server import PhoneServer
from peertui.store import open_store
from tests.browser.capture import LoopbackCapture, can_capture
from tests.browser.words import LAST_WORDS, PHRASES, TYPED, files_holding, forms, write_all


async def until(condition: Any, seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if await condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("waited in vain")


async def code_of(page: Any) -> str:
    await page.wait_for_selector("#code:not(:empty)", state="visible", timeout=30_000)
    return str(await page.inner_text("#code")).strip()


@pytest.mark.skipif(not can_capture(), reason="capturing loopback traffic needs Linux and root")
async def test_two_phones_write_their_statements_and_nothing_readable_crosses(
    tmp_path: Path, browser: Any
) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Kursusdag", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        agreed = ["taking_part", "store_statement"]
        trainees = {
            alias: store.add_participant(group.id, alias, consents=agreed).id for alias in TYPED
        }
        server = PhoneServer(store, group.id, host="127.0.0.1")
        await server.start()
        try:
            with LoopbackCapture(server.port) as capture:
                pages = {alias: await browser.new_page() for alias in TYPED}
                for page in pages.values():
                    await page.goto(server.url)
                codes = {alias: await code_of(page) for alias, page in pages.items()}
                assert len(set(codes.values())) == 2
                # The facilitator says yes to each code it sees on the console.
                for alias, code in codes.items():
                    (view,) = [v for v in server.phones() if v.code == code]
                    server.assign(view.id, trainees[alias])
                await write_all(pages)
                # The console sees that each saved, not what.
                assert all(v.last_saved is not None for v in server.phones())
                for alias, participant in trainees.items():
                    (statement,) = store.statements(group.id, participant)
                    assert statement.answers == TYPED[alias]
                # Lene adds a few words and leaves the page at once: they ride along as it goes,
                # and the browser keeps none of them (checked in its profile below).
                await pages["Lene"].type("#answer-4", LAST_WORDS, delay=2)
                await pages["Lene"].goto("about:blank")

                async def last_words_saved() -> bool:
                    (statement,) = store.statements(group.id, trainees["Lene"])
                    return statement.answers[3] == TYPED["Lene"][3] + LAST_WORDS

                await until(last_words_saved)
                await pages["Lene"].close()
                # The facilitator ends the other phone's access, and it says so.
                (omar,) = [v for v in server.phones() if v.code == codes["Omar"]]
                server.end(omar.id)
                await pages["Omar"].wait_for_selector("#ended", state="visible", timeout=30_000)
                assert not await pages["Omar"].is_visible("#writing")
                # Phones off: the page cannot reach the computer any more, and says so calmly.
                await server.stop()
            traffic = capture.payload()
        finally:
            await server.stop()
    await browser.close()

    # The capture saw the page and the messages (so it did capture), none of the words.
    assert b"POST /msg" in traffic and b"POST /pair" in traffic
    for phrase in PHRASES:
        assert not any(form in traffic for form in forms(phrase)), phrase
    # The words are in the store, and in no file outside it: not in the browser's profile.
    assert files_holding(data, PHRASES)
    assert files_holding(tmp_path / "chromium", PHRASES) == []
