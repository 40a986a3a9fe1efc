"""Opening the longest shipped guide page until all of it is painted.

Headless (Textual's test driver) at 100x30. "Painted" means: every block of the page is
mounted (the Markdown widget has reported its table of contents) and the page's first
words are on the screen. The baseline is the same procedure for a one-paragraph page,
in the same run.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bench.common import Row, median
from peertui.content import GuidePage, Library, load_library
from peertui.content.loader import count_blocks

ROUNDS = 7
SIZE = (100, 30)


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def _first_words(page: GuidePage) -> str:
    """A few words from the page's first line of text, as they appear on screen."""
    lines = [line for line in page.body.strip().splitlines() if line.strip()]
    words = lines[0].replace("*", "").replace("`", "").strip("#-|> ").split()
    return " ".join(words[:2])


async def _open_and_paint(library: Library, page: GuidePage) -> float:
    from peertui.ui.app import PeerTUI

    app = PeerTUI(library)
    marker = _first_words(page)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.action_open_guide(page.id)
        while True:
            await pilot.pause()
            screen = app.screen
            if getattr(screen, "loaded", False) and marker in _screen_text(app):
                return time.perf_counter() - start
            if time.perf_counter() - start > 30:
                raise TimeoutError(f"{page.id}: {marker!r} never painted")


def run() -> list[Row]:
    library = load_library()
    longest = max(library.pages.values(), key=lambda p: count_blocks(p.body))
    blocks = count_blocks(longest.body)
    tiny = GuidePage(
        id="bench-tiny",
        title="Lille side",
        body="Et enkelt afsnit til sammenligning.",
        path=Path("bench-tiny.md"),
    )
    library.pages[tiny.id] = tiny
    ours, base = [], []
    asyncio.run(_open_and_paint(library, longest))  # warm-up
    for _ in range(ROUNDS):
        ours.append(asyncio.run(_open_and_paint(library, longest)))
        base.append(asyncio.run(_open_and_paint(library, tiny)))
    return [
        Row(
            f"open longest guide page '{longest.id}' ({blocks} blocks) until painted",
            median(ours),
            median(base),
            "one-paragraph page",
            "< 0.5 s",
            f"median of {ROUNDS}, headless {SIZE[0]}x{SIZE[1]}",
        )
    ]
