"""HTML to PDF with WeasyPrint, with a URL fetcher that serves only our own font files.

``import weasyprint`` costs 1.5-3 s and about 50 MB, so it happens inside ``Renderer`` (the
first time a PDF is made), never when ``peertui.export`` is imported.

Security model (see docs/export.md): every text from a user is HTML-escaped before it reaches
the HTML, so no user text can become an element, a URL or CSS. As a second wall, the fetcher
answers only the exact ``file://`` URLs of the bundled fonts (``ASSET_URLS``) from memory and
refuses everything else (http, https, other files, data: URLs, attachments) without opening
anything. No stylesheet, metadata or attachment is passed to WeasyPrint from user data.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import fontpkg_atkinson_hyperlegible

from peertui.export.errors import PdfUnavailable

ASSETS = Path(__file__).resolve().parent / "assets"


@functools.cache
def atkinson_dir() -> Path:
    return Path(fontpkg_atkinson_hyperlegible.__file__).resolve().parent / "files"


@functools.cache
def font_files() -> dict[str, Path]:
    """``@font-face`` name -> file, for the fonts the sheets use."""
    atkinson = atkinson_dir()
    return {
        "regular": atkinson / "AtkinsonHyperlegible-Regular.ttf",
        "bold": atkinson / "AtkinsonHyperlegible-Bold.ttf",
        "italic": atkinson / "AtkinsonHyperlegible-Italic.ttf",
        "bold-italic": atkinson / "AtkinsonHyperlegible-BoldItalic.ttf",
        "fallback": ASSETS / "fonts" / "DejaVuSans.ttf",
    }


@functools.cache
def asset_urls() -> dict[str, Path]:
    """The only URLs the fetcher serves: exact ``file://`` URLs of the font files."""
    return {path.as_uri(): path for path in font_files().values()}


@functools.cache
def _asset_bytes(path: Path) -> bytes:
    return path.read_bytes()


class RefusedURL(Exception):
    """Raised by the fetcher for anything that is not one of our assets. WeasyPrint catches
    it and leaves the resource out; the message never contains the URL."""


@functools.cache
def fetcher_class() -> type:
    """The ``weasyprint.urls.URLFetcher`` subclass (built on first use, so that importing this
    module does not import WeasyPrint)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    # WeasyPrint ships no type information: its class is Any to mypy.
    class AssetFetcher(URLFetcher):  # type: ignore[misc]
        """Serves the bundled fonts from memory; refuses every other URL, opens nothing."""

        def __init__(self, allowed: Mapping[str, Path]) -> None:
            super().__init__(timeout=1, allowed_protocols=("file",), allow_redirects=False)
            self.allowed = dict(allowed)
            self.served: list[str] = []
            self.refused: list[str] = []  # kept in memory for tests; never logged

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = self.allowed.get(url)
            if path is None:
                self.refused.append(url)
                raise RefusedURL("peertui serves only its own font files")
            self.served.append(url)
            return URLFetcherResponse(
                url, body=_asset_bytes(path), headers={"Content-Type": "font/ttf"}
            )

        def open(self, url: Any, data: Any = None, timeout: Any = None) -> Any:
            # OpenerDirector's own entry point: route it through fetch() as well.
            return self.fetch(url if isinstance(url, str) else url.full_url)

    return AssetFetcher


def load_weasyprint() -> Any:
    """Import WeasyPrint, or raise ``PdfUnavailable`` if it or its system libraries are
    missing.

    WeasyPrint's log is switched off: its warnings can quote the text being printed (for
    example ".notdef glyph rendered for Unicode string ..."), and participant text must never
    reach a log file, stderr or the TUI."""
    try:
        import weasyprint  # 1.5-3 s: only when the first PDF is made
    except (ImportError, OSError) as error:
        raise PdfUnavailable() from error
    for name in ("weasyprint", "weasyprint.progress"):
        logger = logging.getLogger(name)
        logger.propagate = False
        logger.setLevel(logging.CRITICAL + 1)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    return weasyprint


class Renderer:
    """Renders HTML to PDF bytes. One per batch: the font configuration (fonts loaded once)
    and the fetcher are shared by every document of the batch."""

    def __init__(self) -> None:
        weasyprint = load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration  # WeasyPrint is loaded just above

        self._weasyprint = weasyprint
        self.font_config = FontConfiguration()
        self.fetcher = fetcher_class()(asset_urls())

    def document(self, html: str) -> Any:
        """Lay out ``html``: a ``weasyprint.Document`` (its ``pages`` can be combined)."""
        return self._weasyprint.HTML(string=html, url_fetcher=self.fetcher).render(
            font_config=self.font_config
        )

    def pdf(self, html: str) -> bytes:
        data = self.document(html).write_pdf()
        assert isinstance(data, bytes)
        return data

    def combine(self, documents: list[Any]) -> bytes:
        """One PDF of the pages of several laid-out documents, in order."""
        pages = [page for document in documents for page in document.pages]
        data = documents[0].copy(pages).write_pdf()
        assert isinstance(data, bytes)
        return data
