"""The network map drawn in the terminal: the participant in the centre, three rings by
closeness (1 closest) and six sectors by kind, each person's alias in their ring and sector.

The drawing is made on a grid of terminal cells of any size. Each (ring, sector) region gets
the rows of free cells that fall inside it; aliases are written there, nearest the middle of
the region first, several on a row when there is room. An alias too long for the room left is
shortened with "…"; when the region is full, its last slot says "+N" (N people not shown).
The table beside the drawing always lists everyone.

Every text is placed as plain text in a ``Content``: an alias such as ``[bold]`` is drawn as
those characters and never interpreted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import get_character_cell_size
from textual.content import Content
from textual.widget import Widget

from peertui import labels
from peertui.i18n import _
from peertui.store.schema import RINGS, SECTORS, NetworkPerson

#: The middle of each sector, in degrees (0 = right, counter-clockwise). Sector borders lie
#: at 0, 60, ..., 300: a horizontal line through the centre and four diagonals.
SECTOR_ANGLE = dict(zip(SECTORS, (90, 30, 330, 270, 210, 150), strict=True))
BORDERS = (0, 60, 120, 180, 240, 300)
#: The centre (the participant) takes this fraction of the radius; the rings share the rest.
CENTRE = 0.15
#: Below this size the map is not drawn, only summed up.
MIN_WIDTH, MIN_HEIGHT = 20, 7

LINE_STYLE = "dim"
LABEL_STYLE = "bold $text-accent"
CENTRE_STYLE = "bold reverse"
RING_NUMBER_STYLE = "bold $text-muted"
NAME_STYLE = ""
MORE_STYLE = "bold italic $text-warning"

Cell = tuple[str, str]  # (characters, style); the second cell of a wide character is ""


def cell_width(text: str) -> int:
    return sum(get_character_cell_size(ch) for ch in text)


def shown_name(name: str) -> str:
    """A name as it can stand in one line of the drawing (tabs and newlines as spaces)."""
    return " ".join(name.replace("\t", " ").split("\n")).strip() or "?"


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells; cut with "…" if it is longer."""
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        size = get_character_cell_size(ch)
        if used + size > width - 1:
            break
        out.append(ch)
        used += size
    return "".join(out) + "…"


@dataclass(frozen=True, slots=True)
class Run:
    """Free cells on one row of one region: columns ``start`` to ``end`` (exclusive)."""

    row: int
    start: int
    end: int

    @property
    def width(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Placement:
    """What was written into one region: (run, texts on it) and how many did not fit."""

    lines: tuple[tuple[Run, tuple[str, ...]], ...]
    hidden: int


def fill(runs: Sequence[Run], names: Sequence[str]) -> Placement:
    """Write as many of ``names`` as fit into ``runs`` (in order), ending with "+N" for the
    ones that do not fit."""
    total = len(names)
    for shown in range(total, -1, -1):
        texts = list(names[:shown])
        if shown < total:
            texts.append(_("+{count}", count=total - shown))
        lines = _fill_exactly(runs, texts, marker=shown < total)
        if lines is not None:
            return Placement(lines=lines, hidden=total - shown)
    return Placement(lines=(), hidden=total)


def _fill_exactly(
    runs: Sequence[Run], texts: Sequence[str], *, marker: bool
) -> tuple[tuple[Run, tuple[str, ...]], ...] | None:
    """Every text placed in order (names shortened where a run is narrow), or None."""
    out: list[tuple[Run, tuple[str, ...]]] = []
    index = 0
    for run in runs:
        if index >= len(texts):
            break
        row: list[str] = []
        used = 0
        while index < len(texts):
            text = texts[index]
            is_marker = marker and index == len(texts) - 1
            gap = 1 if row else 0
            room = run.width - used - gap
            if cell_width(text) <= room:
                row.append(text)
                used += gap + cell_width(text)
                index += 1
                continue
            if not row and not is_marker and room >= 3:
                row.append(shorten(text, room))  # alone on a narrow row: shortened
                used = run.width
                index += 1
            break
        if row:
            out.append((run, tuple(row)))
    return tuple(out) if index >= len(texts) else None


class Grid:
    """The drawing on a grid of cells, with each cell's region."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.cells: list[list[Cell]] = [[(" ", "")] * width for _ in range(height)]
        self.used = [[False] * width for _ in range(height)]
        self.cx = width / 2
        self.cy = height / 2
        self.rx = max(width / 2 - 1.05, 1.0)
        self.ry = max(height / 2 - 1.05, 1.0)
        step = (1 - CENTRE) / len(RINGS)
        #: Outer edge of the centre, then of rings 1, 2, 3, as fractions of the radius.
        self.edges = [CENTRE + i * step for i in range(len(RINGS) + 1)]

    def put(self, x: int, y: int, char: str, style: str) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.cells[y][x] = (char, style)
            self.used[y][x] = True

    def write(self, x: int, y: int, text: str, style: str) -> None:
        """``text`` from column ``x`` on; a wide character takes two cells."""
        for ch in text:
            size = get_character_cell_size(ch)
            if size == 0:
                continue
            if x + size > self.width:
                break
            self.put(x, y, ch, style)
            if size == 2:
                self.put(x + 1, y, "", style)
            x += size

    def point(self, radius: float, degrees: float) -> tuple[float, float]:
        a = math.radians(degrees)
        return self.cx + self.rx * radius * math.cos(a), self.cy - self.ry * radius * math.sin(a)

    def where(self, x: int, y: int) -> tuple[float, float]:
        """The (radius fraction, angle in degrees) of a cell's middle."""
        u = (x + 0.5 - self.cx) / self.rx
        v = (self.cy - (y + 0.5)) / self.ry
        return math.hypot(u, v), math.degrees(math.atan2(v, u)) % 360

    def ring(self, radius: float) -> None:
        """An ellipse of box-drawing characters: a row at a time, each row's edge joined to
        the row before it by a short horizontal stroke with rounded corners."""
        a, b = self.rx * radius, self.ry * radius
        edges: dict[int, int] = {}  # row -> column of the left edge
        for y in range(self.height):
            v = (y + 0.5 - self.cy) / b
            if abs(v) < 1:
                edges[y] = round(self.cx - a * math.sqrt(1 - v * v))
        if not edges:
            return
        rows = sorted(edges)
        top, bottom = rows[0], rows[-1]

        def mirror(x: int) -> int:
            return self.width - 1 - x

        def both(x: int, y: int, left: str, right: str) -> None:
            self.put(x, y, left, LINE_STYLE)
            self.put(mirror(x), y, right, LINE_STYLE)

        for y in rows:
            x = edges[y]
            if y in (top, bottom):
                for c in range(x + 1, mirror(x)):
                    self.put(c, y, "─", LINE_STYLE)
                if top == bottom:
                    both(x, y, "(", ")")
                else:
                    both(x, y, *(("╭", "╮") if y == top else ("╰", "╯")))
                continue
            # A step is drawn on the wider of two rows: ╭──╯ above the middle, ╰──╮ below.
            if y + 0.5 <= self.cy:
                other = edges[y - 1]
                if x < other:
                    both(x, y, "╭", "╮")
                    for c in range(x + 1, other):
                        both(c, y, "─", "─")
                    both(other, y, "╯", "╰")
                    continue
            else:
                other = edges[y + 1]
                if other > x:
                    both(x, y, "╰", "╯")
                    for c in range(x + 1, other):
                        both(c, y, "─", "─")
                    both(other, y, "╮", "╭")
                    continue
            both(x, y, "│", "│")

    def spoke(self, degrees: float, inner: float, outer: float) -> None:
        """A straight border between two sectors: one character a row (a horizontal one is
        drawn whole)."""
        a = math.radians(degrees)
        cos, sin = math.cos(a), math.sin(a)
        if abs(sin) < 1e-9:
            y = int(self.cy)
            x0, x1 = self.cx + self.rx * inner * cos, self.cx + self.rx * outer * cos
            for x in range(int(min(x0, x1)), int(max(x0, x1)) + 1):
                self.put(x, y, "─", LINE_STYLE)
            return
        dx, dy = self.rx * cos, -self.ry * sin  # direction in cells, y down
        steep = 2 * abs(dy) / max(abs(dx), 1e-9)
        char = "│" if steep > 2.5 else ("╲" if (dx > 0) == (dy > 0) else "╱")
        for y in range(self.height):
            r = (self.cy - (y + 0.5)) / (self.ry * sin)
            if inner <= r <= outer:
                self.put(int(self.cx + self.rx * r * cos), y, char, LINE_STYLE)


def _sector_of(angle: float) -> str:
    for sector, middle in SECTOR_ANGLE.items():
        if abs((angle - middle + 180) % 360 - 180) <= 30:
            return sector
    return SECTORS[0]  # not reached: the six sectors cover the circle


def _region_runs(grid: Grid) -> dict[tuple[int, str], list[Run]]:
    """For each (ring, sector): its free cells, as runs on rows (kept one cell away from the
    lines where there is room), nearest the middle of the region first."""
    runs: dict[tuple[int, str], list[Run]] = {}
    for y in range(grid.height):
        x = 0
        while x < grid.width:
            if grid.used[y][x]:
                x += 1
                continue
            radius, angle = grid.where(x, y)
            key = _region_key(grid, radius, angle)
            start = x
            while x < grid.width and not grid.used[y][x]:
                r, a = grid.where(x, y)
                if _region_key(grid, r, a) != key:
                    break
                x += 1
            if key is not None:
                # A cell of air next to the lines, where there is room for it.
                left, right = start, x
                if right - left > 5:
                    left, right = left + 1, right - 1
                if right - left >= 2:
                    runs.setdefault(key, []).append(Run(y, left, right))
    for (ring, sector), found in runs.items():
        middle = (grid.edges[ring - 1] + grid.edges[ring]) / 2
        ax, ay = grid.point(middle, SECTOR_ANGLE[sector])
        found.sort(key=lambda run: (abs(run.row + 0.5 - ay), abs((run.start + run.end) / 2 - ax)))
    return runs


def _region_key(grid: Grid, radius: float, angle: float) -> tuple[int, str] | None:
    if radius <= grid.edges[0] or radius > grid.edges[-1]:
        return None
    for ring in RINGS:
        if radius <= grid.edges[ring]:
            return ring, _sector_of(angle)
    return None


def _label(grid: Grid, sector: str) -> None:
    """The sector's name just outside the outer ring, level with the sector's middle."""
    text = shorten(_(labels.SECTOR[sector]), max(grid.width // 3 - 1, 3))
    width = cell_width(text)
    angle = SECTOR_ANGLE[sector]
    x, y = grid.point(1.0, angle)
    upper = math.sin(math.radians(angle)) > 0
    left = round(x - width / 2)
    left = max(0, min(left, grid.width - width))
    row = int(y)
    last = 0 if upper else grid.height - 1
    step = -1 if upper else 1
    while True:
        clear = all(
            not grid.used[row][c] and grid.where(c, row)[0] > grid.edges[-1]
            for c in range(max(left - 1, 0), min(left + width + 1, grid.width))
        )
        if clear or row == last:
            break
        row += step
    grid.write(left, row, text, LABEL_STYLE)


@dataclass(frozen=True, slots=True)
class Drawing:
    lines: list[Content]  # ``height`` lines of ``width`` cells
    shown: int = 0  # people whose name (maybe shortened) is on the map
    shortened: int = 0  # ... of them with a shortened name
    hidden: int = 0  # people counted in a "+N" or in the note about those not drawn


def draw(centre: str, people: Sequence[NetworkPerson], width: int, height: int) -> list[Content]:
    """The map as ``height`` lines of ``width`` cells."""
    return make_drawing(centre, people, width, height).lines


def make_drawing(centre: str, people: Sequence[NetworkPerson], width: int, height: int) -> Drawing:
    """The map, and how many people it shows."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        summary = shorten(
            _(
                "{alias}: {count} people (the window is too small for the map)",
                alias=shown_name(centre),
                count=len(people),
            ),
            width,
        )
        lines = [Content(summary)] + [Content("")] * max(height - 1, 0)
        return Drawing(lines=lines, hidden=len(people))
    grid = Grid(width, height)
    for degrees in BORDERS:
        grid.spoke(degrees, grid.edges[0], grid.edges[-1])
    for radius in grid.edges[1:]:
        grid.ring(radius)
    # Ring numbers on the line to the right of the centre, in the middle of each ring.
    for ring in RINGS:
        x, y = grid.point((grid.edges[ring - 1] + grid.edges[ring]) / 2, 0)
        grid.put(int(x), int(y), str(ring), RING_NUMBER_STYLE)
    # The participant in the centre.
    # (It may reach a little into ring 1, over the line that runs through the centre.)
    reach = grid.edges[0] + (grid.edges[1] - grid.edges[0]) * 0.4
    room = max(int(2 * grid.rx * reach) - 1, 3)
    name = shorten(shown_name(centre), room)
    grid.write(round(grid.cx - cell_width(name) / 2), int(grid.cy), name, CENTRE_STYLE)
    for sector in SECTORS:
        _label(grid, sector)

    runs = _region_runs(grid)
    unplaced = 0  # people in regions with no room even for "+N"
    hidden = shortened = 0
    for ring in RINGS:
        for sector in SECTORS:
            names = [shown_name(p.name) for p in people if p.ring == ring and p.sector == sector]
            if not names:
                continue
            placement = fill(runs.get((ring, sector), []), names)
            hidden += placement.hidden
            if not placement.lines:
                unplaced += placement.hidden
            for index, (run, texts) in enumerate(placement.lines):
                line = " ".join(texts)
                left = run.start + (run.width - cell_width(line)) // 2
                marker = placement.hidden and index == len(placement.lines) - 1
                for n, text in enumerate(texts):
                    is_more = marker and n == len(texts) - 1
                    if not is_more:
                        shortened += text not in names
                    grid.write(left, run.row, text, MORE_STYLE if is_more else NAME_STYLE)
                    left += cell_width(text) + 1
    if unplaced:
        note = shorten(_("+{count} not drawn – see the list", count=unplaced), grid.width)
        free = [
            y
            for y in (0, grid.height - 1)
            if not any(grid.used[y][x] for x in range(min(cell_width(note) + 1, grid.width)))
        ]
        grid.write(0, free[0] if free else 0, note, MORE_STYLE)
    lines = [
        Content.assemble(*((ch, style) if style else ch for ch, style in row if ch))
        for row in grid.cells
    ]
    return Drawing(lines=lines, shown=len(people) - hidden, shortened=shortened, hidden=hidden)


class NetworkDrawing(Widget):
    """The drawn network map; give it the participant's alias and the people. It takes the
    focus (it has no keys) so that a narrow screen showing only the map has somewhere to keep
    it."""

    can_focus = True

    def __init__(
        self,
        centre: str = "",
        people: Sequence[NetworkPerson] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.centre = centre
        self.people: tuple[NetworkPerson, ...] = tuple(people)
        self._drawn: tuple[object, Content] | None = None  # (what was drawn, the drawing)

    def show(self, centre: str, people: Sequence[NetworkPerson]) -> None:
        self.centre = centre
        self.people = tuple(people)
        self.refresh()

    def render(self) -> Content:
        width, height = self.content_size
        key = (self.centre, self.people, width, height)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, Content("\n").join(draw(self.centre, self.people, width, height)))
        return self._drawn[1]
