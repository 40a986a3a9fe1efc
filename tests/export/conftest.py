"""Helpers that read back what the exporter printed: text (pypdf), pages and QR codes
(pypdfium2 + zxing-cpp). PDFs are rendered once per module and shared between tests."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

LINK = "https://peer-forening.dk/guide/personligt-statement"  # real: printed as it is
DAY = date(2025, 3, 4)


def squash(text: str) -> str:
    """pypdf can insert NULs and spaces between letters: compare without them (STACK.md)."""
    return re.sub(r"\s+", "", text.replace("\x00", ""))


def page_texts(path: Path | bytes) -> list[str]:
    reader = pypdf.PdfReader(path if isinstance(path, Path) else _bytes_io(path))
    return [page.extract_text() or "" for page in reader.pages]


def pdf_text(path: Path | bytes) -> str:
    return squash("".join(page_texts(path)))


def page_count(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each needle (squashed) appears in ``haystack`` after the previous one."""
    position = 0
    for needle in needles:
        found = haystack.find(squash(needle), position)
        assert found >= 0, f"not found in order: {needle[:40]!r}"
        position = found + len(squash(needle))


def render_pages(path: Path, dpi: int = 150) -> list:  # list of PIL images
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [
            document[i].render(scale=dpi / 72, grayscale=True).to_pil()
            for i in range(len(document))
        ]
    finally:
        document.close()


def decode_page(image) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def qr_codes(path: Path, dpi: int = 150) -> list[list[str]]:
    """The QR codes on each page, decoded."""
    return [decode_page(image) for image in render_pages(path, dpi)]


def _bytes_io(data: bytes):  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(data)


def logo_png() -> bytes:
    """A logo as the store keeps it: a picture (a blue disc and a red bar) re-encoded by
    ``prepare_logo``, decoded from base64."""
    import base64
    import io

    from PIL import Image, ImageDraw

    from peertui.store.organisation import prepare_logo

    image = Image.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 150, 150), fill=(30, 90, 160))
    draw.rectangle((170, 50, 460, 110), fill=(200, 60, 40))
    raw = io.BytesIO()
    image.save(raw, "PNG")
    return base64.b64decode(prepare_logo(raw.getvalue()))


def image_count(path: Path) -> int:
    """How many distinct image XObjects the PDF holds for its pages (a logo is one, shared by
    the pages that show it; the QR codes are vector paths)."""
    seen: set[int] = set()
    for page in pypdf.PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/XObject") or {}).values():
            _images_in(ref, seen)
    return len(seen)


def _images_in(ref, seen: set[int]) -> None:  # type: ignore[no-untyped-def]
    xobject = ref.get_object()
    if xobject.get("/Subtype") == "/Image":
        seen.add(ref.idnum)
        return
    for inner in ((xobject.get("/Resources") or {}).get("/XObject") or {}).values():
        _images_in(inner, seen)


def pdf_root(path: Path):  # type: ignore[no-untyped-def]
    return pypdf.PdfReader(path).trailer["/Root"]


def xmp(path: Path) -> str:
    """The PDF's XMP metadata stream, as text."""
    return pdf_root(path)["/Metadata"].get_object().get_data().decode("utf-8")


def folder(parent: Path, name: str) -> Path:
    """A new, empty folder to export into."""
    path = parent / name
    path.mkdir()
    return path


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export")
