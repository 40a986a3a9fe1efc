"""Helpers every UI test shares: what the screen shows, waiting for something, toasts.

The one place the tests touch Textual's private API (the compositor, the notifications):
if Textual changes it, these fail with a message that says so, instead of every test failing
in its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App


def visible_text(app: App[Any]) -> str:
    """The screen's text, row by row, as the terminal shows it."""
    try:
        strips = app.screen._compositor.render_strips()
    except AttributeError as exc:  # pragma: no cover - only when Textual changes
        raise AssertionError(
            f"Textual's compositor changed ({exc}): update tests/helpers.py"
        ) from exc
    # Iterate what was drawn: right after a resize or a screen change there may be fewer
    # strips than rows for a frame.
    return "\n".join("".join(seg.text for seg in strip) for strip in strips[: app.size.height])


def flat(text: str) -> str:
    return " ".join(text.split())


def notified(app: App[Any], fragment: str) -> bool:
    """Whether a notification (a toast) holding ``fragment`` was shown."""
    try:
        notifications = app._notifications
    except AttributeError as exc:  # pragma: no cover - only when Textual changes
        raise AssertionError(
            f"Textual's notifications changed ({exc}): update tests/helpers.py"
        ) from exc
    return any(fragment in str(n.message) for n in notifications)


async def wait_until(pilot: Any, condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Let the app run until ``condition()`` holds (a generous limit: the machine is shared)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("waited in vain")


async def wait_for_screen(pilot: Any, kind: type) -> None:
    """Let the app run until its screen is a ``kind``, and has been composed and mounted."""
    await pilot.pause()
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), seconds=30)
    await pilot.pause()


async def say_yes(pilot: Any) -> None:
    """Answer the yes/no question on screen with "Ja" (it opens with "Nej" focused)."""
    await pilot.pause()
    assert pilot.app.screen.query("#yes"), "no question on screen"
    await pilot.click("#yes")
    await pilot.pause()
