"""HTML to PDF with WeasyPrint, with a URL fetcher that serves only our own fonts and logo.

``import weasyprint`` costs 1.5-3 s and about 50 MB, so it happens inside ``Renderer`` (the
first time a PDF is made), never when ``peertui.export`` is imported.

Security model (see docs/export.md): every text from a user is HTML-escaped before it reaches
the HTML (Jinja2 templates with autoescape), so no user text can become an element, a URL or
CSS. As a second wall, the fetcher answers only the exact ``file://`` URLs of the bundled fonts
(``asset_urls``) and the exact ``data:image/png;base64,`` URL of the organisation's logo when
the exporter registered it (``Renderer.allow_png``: the PNG the store re-encoded), from memory,
and refuses everything else (http, https, other files, other data: URLs, attachments) without
opening anything. No stylesheet or attachment is passed to WeasyPrint from user data; the
PDF's title and author come from the document's ``<title>`` and ``<meta name="author">``.

The PDFs are made as PDF/UA-1 (``PDF_VARIANT``): tagged, with the document language (``da``,
from ``<html lang>``), the title shown by viewers, and the ``pdfuaid`` identification in the
XMP metadata. See docs/export.md, "PDF metadata and the PDF variant".
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from peertui.export.errors import PdfUnavailable

ASSETS = Path(__file__).resolve().parent / "assets"

#: WeasyPrint's ``pdf_variant``: tagged PDF/UA-1 (see the module docstring).
PDF_VARIANT = "pdf/ua-1"
#: The only data: URLs the fetcher serves start with this (and must be registered).
PNG_DATA_PREFIX = "data:image/png;base64,"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


#: The print font: Fira Sans from the ``fontpkg-fira-sans`` package (OFL), in its static
#: Regular/Bold/Italic/BoldItalic files. Its zero is a plain ring (Atkinson Hyperlegible's slashed
#: zero reads as Ø in Danish). Static files on purpose: WeasyPrint 70 lays out a variable font at
#: its default instance whatever the weight, so bold text from one would print cramped.
FONT_PACKAGE = "fontpkg_fira_sans"
FONT_FILES = {
    "regular": "FiraSans-Regular.ttf",
    "bold": "FiraSans-Bold.ttf",
    "italic": "FiraSans-Italic.ttf",
    "bold-italic": "FiraSans-BoldItalic.ttf",
}
#: Characters Fira Sans lacks (symbols, some emoji) print in DejaVu Sans, bundled with its licence.
FALLBACK_FONT = ASSETS / "fonts" / "DejaVuSans.ttf"


@functools.cache
def font_files() -> dict[str, Path]:
    """``@font-face`` name -> file, for the fonts the sheets use."""
    # The package's folder in site-packages (a wheel installs it unpacked). Looked up by name
    # rather than imported in this module: the package has no type information.
    folder = Path(str(importlib.resources.files(FONT_PACKAGE) / "files")).resolve()
    return {
        **{face: folder / name for face, name in FONT_FILES.items()},
        "fallback": FALLBACK_FONT,
    }


@functools.cache
def asset_urls() -> dict[str, Path]:
    """The only URLs the fetcher serves: exact ``file://`` URLs of the font files."""
    return {path.as_uri(): path for path in font_files().values()}


@functools.cache
def _asset_bytes(path: Path) -> bytes:
    return path.read_bytes()


def png_data_url(png: bytes) -> str:
    """The ``data:`` URL a sheet uses for a PNG logo (the fetcher serves it once registered)."""
    import base64  # cheap, but only needed with a logo

    return PNG_DATA_PREFIX + base64.b64encode(png).decode("ascii")


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
        """Serves the bundled fonts and registered PNG logos from memory; refuses every other
        URL, opens nothing."""

        def __init__(self, allowed: Mapping[str, Path]) -> None:
            super().__init__(timeout=1, allowed_protocols=("file",), allow_redirects=False)
            self.allowed = dict(allowed)
            self.images: dict[str, bytes] = {}  # exact data: URL -> PNG bytes
            self.served: list[str] = []
            self.refused: list[str] = []  # kept in memory for tests; never logged

        def allow_png(self, png: bytes) -> str:
            """Register a PNG (the organisation's logo, as the store keeps it) and return the
            exact ``data:`` URL that will be served for it. ``ValueError`` if not a PNG."""
            if not png.startswith(PNG_SIGNATURE):
                raise ValueError("only a PNG can be registered")
            url = png_data_url(png)
            self.images[url] = png
            return url

        def fetch(self, url: str, headers: Any = None) -> Any:
            image = self.images.get(url)
            if image is not None:
                self.served.append(PNG_DATA_PREFIX)  # not the whole URL: it can be 270 kB
                return URLFetcherResponse(url, body=image, headers={"Content-Type": "image/png"})
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
        # WeasyPrint's image cache, shared by the batch's documents: the logo is decoded and
        # compressed once, not once per PDF (a 190 kB logo cost about 50 ms per sheet).
        self.image_cache: dict[str, Any] = {}

    def allow_png(self, png: bytes) -> str:
        """Let the documents of this renderer show ``png`` (a logo): its ``data:`` URL."""
        url: str = self.fetcher.allow_png(png)
        return url

    def document(self, html: str) -> Any:
        """Lay out ``html``: a ``weasyprint.Document`` (its ``pages`` can be combined)."""
        return self._weasyprint.HTML(string=html, url_fetcher=self.fetcher).render(
            font_config=self.font_config, cache=self.image_cache
        )

    def pdf(self, html: str) -> bytes:
        data = self.document(html).write_pdf(pdf_variant=PDF_VARIANT)
        assert isinstance(data, bytes)
        return data

    def combine(self, documents: list[Any]) -> bytes:
        """One PDF of the pages of several laid-out documents, in order (the metadata, title
        and author, of the first)."""
        pages = [page for document in documents for page in document.pages]
        data = documents[0].copy(pages).write_pdf(pdf_variant=PDF_VARIANT)
        assert isinstance(data, bytes)
        return data
