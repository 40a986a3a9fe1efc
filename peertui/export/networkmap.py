"""The network map as a vector drawing (inline SVG): the participant in the centre, three rings
(1 = closest) and six sectors, with each person's alias placed in their ring and sector.

All sizes are in millimetres (the SVG's user unit is 1 mm). Every text is escaped; a long alias
is wrapped onto two lines and, beyond that, shortened with "…" on the map only: the table under
the map always prints every alias in full.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from html import escape

from peertui import labels
from peertui.export.model import NetworkPerson
from peertui.i18n import _
from peertui.store.schema import RINGS, SECTORS

WIDTH = 170.0
HEIGHT = 160.0
CX = WIDTH / 2
CY = HEIGHT / 2
CENTRE_R = 14.0
RING_R = (30.0, 47.0, 64.0)  # outer radius of ring 1, 2, 3
LABEL_GAP = 4.0
FONT_MM = 3.3  # about 9.4 pt
LINE_MM = 3.9
LABEL_CHARS = 16  # per line on the map
NAME_SLOT_MM = 22.0  # arc length one name needs


def sector_angles(index: int) -> tuple[float, float]:
    """Start and end angle (degrees, clockwise from 3 o'clock) of sector ``index``. Sector 0
    is centred at the top; the others follow clockwise."""
    start = -120.0 + 60.0 * index
    return start, start + 60.0


def _point(radius: float, degrees: float) -> tuple[float, float]:
    a = math.radians(degrees)
    return CX + radius * math.cos(a), CY + radius * math.sin(a)


def wrap_label(text: str, width: int = LABEL_CHARS, lines: int = 2) -> list[str]:
    """Break ``text`` at spaces (or after a hyphen) into at most ``lines`` lines of about
    ``width`` characters; what does not fit ends in "…". Only the map shortens a name."""
    # Tokens are words, split after hyphens; a token remembers whether a space preceded it.
    tokens: list[tuple[str, bool]] = []
    for w_index, word in enumerate(text.split()):
        for p_index, piece in enumerate(re.findall(r"[^-]+-?|-", word)):
            tokens.append((piece, w_index > 0 and p_index == 0))
    out: list[str] = []
    current = ""
    for piece, spaced in tokens:
        while len(piece) > width:  # one very long word: cut it
            if current:
                out.append(current)
                current = ""
            out.append(piece[: width - 1] + "-")
            piece = piece[width - 1 :]
            spaced = False
        candidate = f"{current}{' ' if spaced and current else ''}{piece}"
        if len(candidate) <= width:
            current = candidate
        else:
            out.append(current)
            current = piece
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip(" -") + "…"
    return out


FONT_FAMILY = "peertui Fira Sans, peertui fallback"
_TEXT_STYLE = {  # class -> (size in mm, weight)
    "person": (FONT_MM, "normal"),
    "centre-name": (3.4, "bold"),
    "sector-name": (3.2, "bold"),
    "ring-number": (2.6, "normal"),
}


def _text(
    x: float,
    y: float,
    lines: list[str],
    css_class: str,
    anchor: str = "middle",
    *,
    backdrop: bool = False,
) -> str:
    """Lines of text centred vertically on ``y``. ``backdrop`` puts a white box behind them
    (estimated from the character count) so that ring and sector lines do not run through."""
    size, weight = _TEXT_STYLE[css_class]
    top = y - (len(lines) - 1) * LINE_MM / 2 + size * 0.35
    spans = "".join(
        f'<tspan x="{x:.2f}" y="{top + i * LINE_MM:.2f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    box = ""
    if backdrop:
        width = max(len(line) for line in lines) * size * 0.56 + 1.2
        height = (len(lines) - 1) * LINE_MM + size * 1.25
        left = {"middle": x - width / 2, "start": x - 0.6, "end": x - width + 0.6}[anchor]
        box = (
            f'<rect x="{left:.2f}" y="{y - height / 2:.2f}" width="{width:.2f}" '
            f'height="{height:.2f}" rx="0.8" fill="#fff"/>'
        )
    return (
        f'{box}<text class="{css_class}" text-anchor="{anchor}" font-family="{FONT_FAMILY}" '
        f'font-size="{size:g}" font-weight="{weight}" fill="#000">{spans}</text>'
    )


def place(people: Sequence[NetworkPerson]) -> list[tuple[NetworkPerson, float, float]]:
    """Where each person's label goes: ``(person, x, y)``. People in one ring and sector are
    spread along the arc, in rows across the ring when the arc is full."""
    placed: list[tuple[NetworkPerson, float, float]] = []
    for s_index, sector in enumerate(SECTORS):
        start, end = sector_angles(s_index)
        for ring in RINGS:
            cell = [p for p in people if p.sector == sector and p.ring == ring]
            if not cell:
                continue
            inner = CENTRE_R if ring == 1 else RING_R[ring - 2]
            outer = RING_R[ring - 1]
            mid = (inner + outer) / 2
            per_row = max(1, int(math.radians(60.0) * mid // NAME_SLOT_MM))
            rows = math.ceil(len(cell) / per_row)
            for i, person in enumerate(cell):
                row, col = divmod(i, per_row)
                in_row = min(per_row, len(cell) - row * per_row)
                radius = inner + (outer - inner) * (row + 1) / (rows + 1)
                angle = start + (end - start) * (col + 1) / (in_row + 1)
                x, y = _point(radius, angle)
                placed.append((person, x, y))
    return placed


def network_svg(centre: str, people: Sequence[NetworkPerson]) -> str:
    """The map as an ``<svg>`` element, ``WIDTH`` x ``HEIGHT`` mm. People whose ring or sector
    is unknown are left off the map (they are still in the table)."""
    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network-map" width="{WIDTH:g}mm" '
        f'height="{HEIGHT:g}mm" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img">'
    ]
    # Rings, outermost first, so the inner ones are drawn on top.
    for radius in reversed(RING_R):
        parts.append(
            f'<circle class="ring" cx="{CX:g}" cy="{CY:g}" r="{radius:g}" fill="none" '
            f'stroke="#000" stroke-width="0.3"/>'
        )
    # Sector boundaries, from the centre circle to the outer ring.
    for s_index in range(len(SECTORS)):
        start, _end = sector_angles(s_index)
        x1, y1 = _point(CENTRE_R, start)
        x2, y2 = _point(RING_R[-1], start)
        parts.append(
            f'<line class="sector-line" x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" '
            f'y2="{y2:.2f}" stroke="#000" stroke-width="0.3" stroke-dasharray="1 1.2"/>'
        )
    # Ring numbers on the boundary at 3 o'clock, each on a small white backdrop.
    for ring in RINGS:
        inner = CENTRE_R if ring == 1 else RING_R[ring - 2]
        x, y = _point((inner + RING_R[ring - 1]) / 2, 0.0)
        parts.append(_text(x, y, [str(ring)], "ring-number", backdrop=True))
    # The participant in the centre.
    parts.append(
        f'<circle class="centre" cx="{CX:g}" cy="{CY:g}" r="{CENTRE_R:g}" fill="#fff" '
        f'stroke="#000" stroke-width="0.6"/>'
    )
    parts.append(_text(CX, CY, wrap_label(centre, 10), "centre-name"))
    # Sector names outside the outer ring.
    for s_index, sector in enumerate(SECTORS):
        start, end = sector_angles(s_index)
        centre_angle = (start + end) / 2
        x, y = _point(RING_R[-1] + LABEL_GAP, centre_angle)
        cos = math.cos(math.radians(centre_angle))
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        lines = wrap_label(_(labels.SECTOR[sector]), 12)
        if anchor == "middle":  # above the top, below the bottom
            y += -LINE_MM * len(lines) / 2 if y < CY else LINE_MM * len(lines) / 2
        parts.append(_text(x, y, lines, "sector-name", anchor))
    # The people.
    for person, x, y in place(people):
        parts.append(_text(x, y, wrap_label(person.alias), "person", backdrop=True))
    parts.append("</svg>")
    return "".join(parts)
