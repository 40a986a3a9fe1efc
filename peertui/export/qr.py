"""QR codes for the sheets, as inline SVG that WeasyPrint draws.

Two kinds of code:

* the **footer** code of each sheet: where ``links.qr_target`` says it leads. Either an address
  (``link_svg``: the guide page's, or the organisation's), so a reader can find out what the
  tool is, or, with no real address, a short Danish text that explains the sheet
  (``text_svg``), never a placeholder. Error correction M, printed at ``LINK_MODULE_MM`` per
  module, at most version ``LINK_MAX_VERSION`` (about 39 mm wide); a longer address is refused.
* the **digital copy** of a personal statement, only when the participant chose one: the four
  prompts and answers as UTF-8 text in the code itself, never in a URL, never sent anywhere.
  Error correction M (15 % of the code may be damaged: a fold, a smudge), printed at
  ``COPY_MODULE_MM`` per module (0.5 mm: a phone reads it from a normal reading distance, and a
  150 dpi scan still has about 3 pixels per module), at most version ``COPY_MAX_VERSION`` (23),
  so the code is at most 58.5 mm wide with its quiet zone. That version holds
  ``COPY_LIMIT_BYTES`` = 857 bytes in byte mode. See docs/export.md for the measurement.

Both are encoded in byte mode (UTF-8), so the limit is a plain byte count. ``qrcode`` is
imported inside the functions: importing this module stays cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from peertui import labels
from peertui.export.errors import BadLink, DigitalCopyTooLong
from peertui.i18n import _

QUIET_MODULES = 4  # the quiet zone the QR standard asks for, on each side

LINK_MODULE_MM = 0.6
LINK_MAX_VERSION = 10
LINK_LIMIT_BYTES = 213  # version 10, error correction M, byte mode

#: The explanation text (``text_svg``, up to 160 bytes of our own Danish) is longer than an
#: address: at level M and 0.6 mm it would be up to 37 mm tall and run off the footer. So it is
#: printed at level L (7 % may be damaged; the footer line says what the sheet is anyway) and
#: 0.5 mm per module: version 6-7, at most 26.5 mm, like a link code's place in the footer.
TEXT_MODULE_MM = 0.5
TEXT_LEVEL = "L"

COPY_MODULE_MM = 0.5
COPY_MAX_VERSION = 23
COPY_LIMIT_BYTES = 857  # version 23, error correction M, byte mode


def digital_copy_text(answers: Sequence[str]) -> str:
    """The exact text a digital copy carries: each prompt on its own line, then the answer."""
    parts = []
    for number, answer in enumerate(answers, start=1):
        words = answer.replace("\r\n", "\n").replace("\r", "\n").strip()
        parts.append(f"{_(labels.STATEMENT_PROMPT[number])}\n{words}")
    return "\n\n".join(parts)


def digital_copy_size(answers: Sequence[str]) -> int:
    """How many bytes (UTF-8) the digital copy needs; it fits if this is <= COPY_LIMIT_BYTES."""
    return len(digital_copy_text(answers).encode("utf-8"))


def digital_copy_fits(answers: Sequence[str]) -> bool:
    return digital_copy_size(answers) <= COPY_LIMIT_BYTES


def digital_copy_svg(answers: Sequence[str]) -> str:
    """The digital copy's QR code, or ``DigitalCopyTooLong`` (which names no text)."""
    payload = digital_copy_text(answers).encode("utf-8")
    if len(payload) > COPY_LIMIT_BYTES:
        raise DigitalCopyTooLong(len(payload), COPY_LIMIT_BYTES)
    return _svg(payload, COPY_MODULE_MM, COPY_MAX_VERSION, "qr qr-copy")


@functools.lru_cache(maxsize=32)
def link_svg(url: str) -> str:
    """The footer code for a guide address (http or https only). Cached: every sheet of a
    batch links to one of four pages."""
    payload = url.encode("utf-8")
    if len(payload) > LINK_LIMIT_BYTES or not is_web_address(url):
        raise BadLink(LINK_LIMIT_BYTES)
    return _svg(payload, LINK_MODULE_MM, LINK_MAX_VERSION, "qr qr-link")


@functools.lru_cache(maxsize=8)
def text_svg(text: str) -> str:
    """A footer code that carries a short text instead of an address (``links.qr_target``'s
    explanation of the sheet, shown by a phone with no internet). The link code's limits (at
    most ``LINK_LIMIT_BYTES`` bytes of UTF-8, byte mode, version ``LINK_MAX_VERSION``), drawn
    at level L and 0.5 mm per module (``TEXT_LEVEL``, ``TEXT_MODULE_MM``). Only our own
    strings are passed here (``export.about.*``, at most 160 bytes: version 7 or lower); a
    longer one is a programming error (``ValueError``, naming no text)."""
    payload = text.encode("utf-8")
    if not payload or len(payload) > LINK_LIMIT_BYTES:
        raise ValueError(f"a footer text code holds 1 to {LINK_LIMIT_BYTES} bytes")
    return _svg(payload, TEXT_MODULE_MM, LINK_MAX_VERSION, "qr qr-text", level=TEXT_LEVEL)


def is_web_address(url: str) -> bool:
    lowered = url.lower()
    return (
        lowered.startswith(("https://", "http://"))
        and len(url) > len("https://")
        and not any(c.isspace() or ord(c) < 32 for c in url)
    )


def _svg(
    payload: bytes, module_mm: float, max_version: int, css_class: str, *, level: str = "M"
) -> str:
    # qrcode loads when the first code is drawn: importing the exporter stays cheap.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_L, ERROR_CORRECT_M
    from qrcode.util import MODE_8BIT_BYTE, QRData

    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_L if level == "L" else ERROR_CORRECT_M,
        border=QUIET_MODULES,
        box_size=10,
        image_factory=_image_class(),
    )
    code.add_data(QRData(payload, mode=MODE_8BIT_BYTE))
    code.make(fit=True)
    if code.version > max_version:  # pragma: no cover - the byte limits above prevent it
        raise ValueError("QR code larger than allowed")
    image: Any = code.make_image()
    side = code.modules_count + 2 * QUIET_MODULES
    width = f"{side * module_mm:.2f}mm"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" width="{width}" '
        f'height="{width}" viewBox="0 0 {side} {side}" role="img">'
        f'<path fill="none" stroke="#000" stroke-width="1" d="{image.path_data}"/></svg>'
    )


@functools.cache
def _image_class() -> type:
    """A ``qrcode.image.svg.SvgPathImage`` whose one path draws each horizontal run of dark
    modules as a single stroke one module thick (``M x y+0.5 h len``; butt caps, so exactly the
    run's rectangle) instead of four edges per module. Same picture; WeasyPrint parses SVG paths
    in Python, and this halves the time it takes to draw a large code (measured: a version-23
    code went from about 0.45 s to 0.25 s per page). (``SvgImage`` renders blank in WeasyPrint;
    the path image renders.)"""
    from qrcode.image.svg import SvgPathImage  # when the first code is drawn, as in _svg

    # qrcode ships no type information: its class is Any to mypy.
    class RunPathImage(SvgPathImage):  # type: ignore[misc]
        needs_drawrect = False
        path_data = ""

        def process(self) -> None:
            runs: list[str] = []
            for row, cells in enumerate(self.modules):
                start = None
                for col, dark in enumerate([*cells, False]):
                    if dark and start is None:
                        start = col
                    elif not dark and start is not None:
                        x, y = start + self.border, row + self.border
                        runs.append(f"M{x} {y}.5h{col - start}")
                        start = None
            self.path_data = "".join(runs)

    return RunPathImage
