"""Headless Chromium (Debian's package, /usr/bin/chromium) driven by Playwright, for the tests
that open peertui's phone page as a participant's phone would.

`make test` installs Chromium where it can (scripts/test-deps.sh: as root with apt-get). Where it
cannot, these tests are skipped with the reason, except on CI (CI=true), where a missing browser
fails the run instead of hiding the tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

#: Chromium's own background traffic is off: this machine's network is closed, and a test of
#: what crosses the network wants nothing but the page's own requests.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    found = os.environ.get("PEERTUI_CHROMIUM") or shutil.which("chromium")
    if found:
        return found
    reason = "Chromium is not installed (apt-get install chromium, or make test as root)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[object]:
    """A fresh Chromium with an empty profile in ``tmp_path / "chromium"`` (so a test can look
    at what the browser left on disk)."""
    from playwright.async_api import async_playwright

    executable = chromium_path()
    profile = tmp_path / "chromium"
    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=CHROMIUM_ARGS,
            headless=True,
        )
        try:
            yield context
        finally:
            await context.close()
