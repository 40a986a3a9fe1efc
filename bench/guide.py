"""Opening the longest shipped guide page until all of it is painted.

Headless (Textual's test driver) at 100x30. "Painted" means: every block of the page is
mounted (the Markdown widget has reported its table of contents) and the page's first
words are on the screen. Baselines, in the same run: the same procedure for a one-paragraph
page, and a bare Textual app that pushes a screen of the same page (a Header, the title, the
Markdown in a VerticalScroll, a Footer: what a guide page is made of), nothing of peertui's.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

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


class BarePage(Screen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back"), ("l", "links", "Links")]

    def __init__(self, page: GuidePage) -> None:
        super().__init__()
        self.page = page
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.page.title)
        with VerticalScroll(id="scroll"):
            yield Markdown(self.page.body)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#scroll").focus()

    def on_markdown_table_of_contents_updated(self) -> None:
        self.loaded = True


class BareGuide(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


async def _bare_open_and_paint(page: GuidePage) -> float:
    app = BareGuide()
    marker = _first_words(page)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.push_screen(BarePage(page))
        while True:
            await pilot.pause()
            if getattr(app.screen, "loaded", False) and marker in _screen_text(app):
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
    ours, base, bare = [], [], []
    asyncio.run(_open_and_paint(library, longest))  # warm-up
    asyncio.run(_bare_open_and_paint(longest))
    for _ in range(ROUNDS):
        ours.append(asyncio.run(_open_and_paint(library, longest)))
        base.append(asyncio.run(_open_and_paint(library, tiny)))
        bare.append(asyncio.run(_bare_open_and_paint(longest)))
    name = f"open longest guide page '{longest.id}' ({blocks} blocks) until painted"
    return [
        Row(
            name,
            median(ours),
            median(base),
            "one-paragraph page",
            "<= 250 ms",
            f"median of {ROUNDS}, headless {SIZE[0]}x{SIZE[1]}",
        ),
        Row(
            "  the same page vs bare Textual (Header, Markdown, Footer)",
            median(ours),
            median(bare),
            "bare Textual, same page",
            "(informative)",
            "ratio: median of paired ratios",
            paired_ratio=median([o / b for o, b in zip(ours, bare, strict=True)]),
        ),
    ]
