"""The phone page (phone.js in headless Chromium) when the laptop refuses: a full disk, then
the participant's consent withdrawn. The words stay on the phone and go again by themselves
after a full disk; after the withdrawal the page ends and its fields are empty."""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest

from peertui.store import files as storage
from tests.browser.conftest import browser  # noqa: F401  (the fixture)
from tests.browser.test_phone_page import code_of, until

from .conftest import Room


async def test_full_disk_then_withdrawn_consent_on_the_page(
    room: Room,
    browser: Any,  # noqa: F811  (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = await browser.new_page()
    await page.goto(room.server.url)
    code = await code_of(page)
    (view,) = [v for v in room.server.phones() if v.code == code]
    room.server.assign(view.id, room.maja)
    await page.wait_for_selector("#writing", state="visible", timeout=30_000)

    def full(fd: int, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "_write_all", full)
    await page.type("#answer-1", "Ord der venter på plads", delay=1)
    await page.wait_for_selector("#status:has-text('Ikke gemt')", timeout=30_000)
    assert room.store.statements(room.group_id, room.maja) == []
    assert await page.input_value("#answer-1") == "Ord der venter på plads"

    monkeypatch.undo()  # room on the disk again: the page sends the same words by itself

    async def stored() -> bool:
        found = room.store.statements(room.group_id, room.maja)
        return bool(found) and found[-1].answers[0] == "Ord der venter på plads"

    await until(stored)
    await page.wait_for_selector("#status:has-text('Gemt')", timeout=30_000)

    room.store.withdraw_consent(room.group_id, room.maja, "store_statement")
    await page.wait_for_selector("#ended", state="visible", timeout=30_000)
    assert await page.input_value("#answer-1") == ""
    assert room.store.statements(room.group_id, room.maja) == []
    assert [v.state for v in room.server.phones()] == ["ended"]
