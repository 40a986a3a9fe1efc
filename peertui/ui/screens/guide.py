"""A guide page rendered as Markdown; ``guide:`` links open other pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Markdown, Static

from peertui.content import GuidePage
from peertui.content.loader import labelled_links, link_target
from peertui.i18n import N_, _
from peertui.ui.base import PeerScreen, SizeClasses
from peertui.ui.textual_private import Footer

if TYPE_CHECKING:
    pass


def safe_markdown_parser() -> MarkdownIt:
    """Textual's GFM-like parser with raw HTML off: any HTML shows as plain text."""
    return MarkdownIt("gfm-like", options_update={"html": False})


class GuideScreen(SizeClasses, PeerScreen[None]):
    #: Its rules are in console.tcss with the home screen's: a page opened from the home
    #: screen does not wait for the other screens' stylesheet (base.SCREENS_CSS).
    CSS_PATH = None

    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("l", "links", N_("Links")),
    ]

    def __init__(self, page: GuidePage) -> None:
        super().__init__()
        self.page = page
        #: True once every block of the page is mounted (for tests and benchmarks).
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(self.page.title), classes="screen-title")
        with VerticalScroll(id="guide-scroll"):
            # Empty until the screen is up (on_mount): the page's blocks are then styled once,
            # not again when the screen gets its focus and is resumed (docs/performance.md).
            yield Markdown(id="guide-text", open_links=False, parser_factory=safe_markdown_parser)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.page.title
        self.query_one("#guide-scroll").focus()
        self.call_after_refresh(self.show_page)

    async def show_page(self) -> None:
        await self.query_one("#guide-text", Markdown).update(self.page.body)
        self.loaded = True

    def action_links(self) -> None:
        """Follow a link with the keyboard: pick it from a list."""
        links = labelled_links(self.page.body)
        if not links:
            self.notify(_("The page does not link to other pages."))
            return
        # Loaded when opened: `peertui wall` imports this module and starts fast without it.
        from peertui.ui.dialogs.links import LinksScreen

        def chosen(target: str | None) -> None:
            if target:
                self.peertui.action_open_guide(target)

        self.app.push_screen(LinksScreen(links), chosen)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        href = event.href.strip()
        if href.startswith("guide:"):
            target = link_target(href)
            self.peertui.action_open_guide(target or href)
        else:
            # peertui opens no network connections, and no browser: it shows the address.
            self.notify(
                _("Peertui does not open web pages. The address is: {href}", href=href),
                markup=False,
                timeout=8,
            )
