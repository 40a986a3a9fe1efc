"""A QR code drawn in the terminal, for a phone's camera (the phones' join address).

Each cell holds two modules of the code, one above the other (``▀``, ``▄``, ``█``), so the
modules stay square in a terminal's tall cells. The code is drawn in explicit colours, dark on
light, with its own light quiet zone around it: a camera reads it whatever the theme (a dark
theme's background would otherwise be the code's "light" modules).

The qrcode package loads when the first code is drawn, not when the wall or the console starts.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.widgets import Static

from peertui.ui.widgets.quiet import show

#: Modules (dark) and the background (light): explicit, never the theme's colours.
DARK = "#000000"
LIGHT = "#ffffff"
STYLE = f"{DARK} on {LIGHT}"
#: The light margin around the code, in modules. The standard asks for 4; 2 is what phone
#: cameras need in practice, and it keeps the code whole on a 24-row wall.
QUIET_ZONE = 2
#: An address longer than this is not drawn (a join address is about 30 characters).
MAX_DATA = 200

#: (top module dark, bottom module dark) -> the character that draws them.
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


@lru_cache(maxsize=8)
def qr_matrix(data: str, border: int = QUIET_ZONE) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, row by row (True: dark), with ``border`` light modules around."""
    import qrcode  # loaded with the first code, not at start-up
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


@lru_cache(maxsize=8)
def qr_lines(data: str, border: int = QUIET_ZONE) -> tuple[str, ...]:
    """The code as text lines of half blocks: each line draws two rows of modules."""
    rows = list(qr_matrix(data, border))
    if len(rows) % 2:
        rows.append(tuple(False for _module in rows[0]))  # one more light row
    return tuple(
        "".join(HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    )


def qr_content(data: str) -> Content:
    """The code as styled text (dark on light); empty for no data or too much of it."""
    if not data or len(data) > MAX_DATA:
        return Content("")
    return Content.styled("\n".join(qr_lines(data)), STYLE)


class QrCode(Static):
    """A QR code of ``data`` (an address), as large as the code needs and no larger."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, data: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = ""
        if data:
            self.show_data(data)

    def show_data(self, data: str) -> None:
        """Draw the code of ``data`` (redrawn only when it changes)."""
        self.data = data
        show(self, qr_content(data))
