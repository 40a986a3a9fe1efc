"""A countdown in block digits that grow with the screen, for the back row of a room.

Textual's ``Digits`` are always three rows tall. :class:`BigClock` is a ``Digits`` (same
``value`` and ``update``, so code and tests that know ``Digits`` keep working) that draws a
simple 3x5 block font, scaled by a whole number so the pixels stay square: each cell holds two
pixels, one above the other (``▀``, ``▄``, ``█``). Scale 1 is 3 rows, 2 is 5 rows, 3 is 8 rows,
4 is 10 rows, and so on.

With ``height: auto`` the clock takes at most ``share`` of the screen's height (3 rows on a
20-row screen, 8 from 40 rows with the default share) and never more than its parent's width.
With a fixed height it draws the largest size that fits. It redraws only when its text or its
size changes: the glyph lines of each (text, scale) are computed once.
"""

from __future__ import annotations

from functools import lru_cache

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Digits

#: Each glyph: five rows of pixels ("#" on, "." off). The clock shows "12:05", "+01:30",
#: "1:05:00"; anything else is drawn as a gap.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
GLYPH_HEIGHT = 5
#: The largest scale drawn (scale 8 is 20 rows: enough for any screen).
MAX_SCALE = 8


def _glyph(char: str) -> tuple[str, ...]:
    return FONT.get(char, FONT[" "])


def pixel_width(text: str) -> int:
    """Width in pixels at scale 1: the glyphs and one pixel between each two."""
    if not text:
        return 0
    return sum(len(_glyph(char)[0]) for char in text) + len(text) - 1


def clock_rows(scale: int) -> int:
    """Rows a clock of this scale takes (two pixels per row)."""
    return (GLYPH_HEIGHT * scale + 1) // 2


def clock_size(text: str, scale: int) -> Size:
    """Columns and rows ``text`` takes at ``scale``."""
    return Size(pixel_width(text) * scale, clock_rows(scale) if text else 0)


def fit_scale(text: str, width: int, height: int, max_scale: int = MAX_SCALE) -> int:
    """The largest scale whose clock fits ``width`` x ``height``; 0 if not even scale 1 does."""
    best = 0
    for scale in range(1, max_scale + 1):
        size = clock_size(text, scale)
        if size.width > width or size.height > height:
            break
        best = scale
    return best


@lru_cache(maxsize=64)
def block_lines(text: str, scale: int) -> tuple[str, ...]:
    """``text`` drawn in block digits at ``scale``, one string per row."""
    if not text or scale < 1:
        return ()
    pixels: list[str] = []
    for row in range(GLYPH_HEIGHT):
        parts = ["".join(ch * scale for ch in _glyph(char)[row]) for char in text]
        line = ("." * scale).join(parts)
        pixels.extend([line] * scale)
    if len(pixels) % 2:
        pixels.append("." * len(pixels[0]))
    cells = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
    return tuple(
        "".join(cells[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(pixels[::2], pixels[1::2], strict=True)
    )


class BigClock(Digits):
    """A clock ("12:05", "+01:30", "1:05:00") in block digits sized to the screen."""

    DEFAULT_CSS = """
    BigClock {
        width: auto;
        height: auto;
        text-align: center;
        content-align: center middle;
    }
    """

    def __init__(
        self,
        value: str = "",
        *,
        share: float = 0.2,
        max_scale: int = MAX_SCALE,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(value, name=name, id=id, classes=classes, disabled=disabled)
        #: With ``height: auto``: the part of the screen's height the clock may take.
        self.share = share
        self.max_scale = max_scale
        self._clock_value = value

    @property
    def value(self) -> str:
        """The text shown, e.g. ``"12:05"``."""
        return self._clock_value

    @property
    def scale(self) -> int:
        """The scale drawn now (0: too narrow for block digits, the plain text is shown)."""
        size = self.content_size
        return fit_scale(self._clock_value, size.width, size.height, self.max_scale)

    @property
    def rows(self) -> int:
        """How many rows the digits take on screen now."""
        scale = self.scale
        return clock_rows(scale) if scale else min(1, self.content_size.height)

    def update(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("value must be a str")
        if value == self._clock_value:
            return  # the clock ticks four times a second: draw only what changed
        layout = pixel_width(value) != pixel_width(self._clock_value)
        self._clock_value = value
        self.refresh(layout=layout)

    # ------------------------------------------------------------------ size

    def _auto_scale(self, width: int, screen_height: int) -> int:
        """The scale for ``height: auto``: ``share`` of the screen, within ``width``."""
        height = max(clock_rows(1), int(screen_height * self.share))
        return fit_scale(self._clock_value or "00:00", width, height, self.max_scale)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        width = container.width - self.styles.gutter.width
        scale = self._auto_scale(width, viewport.height)
        if not scale:
            return len(self._clock_value)
        return clock_size(self._clock_value or "00:00", scale).width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        scale = self._auto_scale(width, viewport.height)
        return clock_rows(scale) if scale else 1

    # ------------------------------------------------------------------ drawing

    def render(self) -> RenderResult:
        scale = self.scale
        if not scale:
            return Content(self._clock_value)
        return Content("\n".join(block_lines(self._clock_value, scale)))
