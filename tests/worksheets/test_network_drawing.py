"""The drawn network map on its own: the same picture at every size, legible, and honest about
who is not drawn."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from peertui import labels
from peertui.i18n import _
from peertui.store.schema import SECTORS, NetworkPerson
from peertui.ui.widgets.network_drawing import Run, fill, make_drawing, shorten

from .test_snapshots import PEOPLE

SIZES = [(60, 16), (58, 14), (100, 26), (120, 50), (200, 56), (30, 9)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_person_is_drawn_or_counted(size: tuple[int, int]) -> None:
    width, height = size
    drawing = make_drawing("Maja", PEOPLE, width, height)
    assert len(drawing.lines) == height
    assert all(cell_len(line.plain) == width for line in drawing.lines)
    assert drawing.shown + drawing.hidden == len(PEOPLE)
    text = "\n".join(line.plain for line in drawing.lines)
    assert "Maja" in text
    assert "╭" in text and "╯" in text  # the rings
    if drawing.hidden:
        assert "+" in text  # "+N" where the room ran out


def test_a_big_map_shows_everyone_in_full() -> None:
    drawing = make_drawing("Maja", PEOPLE, 200, 56)
    text = "\n".join(line.plain for line in drawing.lines)
    assert (drawing.shown, drawing.hidden, drawing.shortened) == (len(PEOPLE), 0, 0)
    for person in PEOPLE:
        assert person.name in text
    for sector in SECTORS:  # the same words as on paper
        assert _(labels.SECTOR[sector]) in text
    for ring in "123":
        assert ring in text


def test_people_sit_in_their_ring_and_sector() -> None:
    """Mor in ring 1 at the top (family), Koret in ring 3 at the bottom (leisure)."""
    people = (NetworkPerson("Mor", 1, "family"), NetworkPerson("Koret", 3, "leisure"))
    lines = [line.plain for line in make_drawing("Maja", people, 100, 30).lines]
    centre = next(y for y, line in enumerate(lines) if "Maja" in line)
    mor = next(y for y, line in enumerate(lines) if "Mor" in line)
    koret = next(y for y, line in enumerate(lines) if "Koret" in line)
    assert mor < centre < koret
    assert centre - mor < koret - centre  # closer to the centre
    assert abs(lines[mor].index("Mor") - 50) < 10 and abs(lines[koret].index("Koret") - 50) < 12


def test_wide_names_and_markup_stay_in_their_cells() -> None:
    people = tuple(
        NetworkPerson(name, 1 + i % 3, SECTORS[i % 6])
        for i, name in enumerate(["🙂🌱 Emoji-ven", "[bold]X[/]", "مرحبا", "Tab\tven"] * 5)
    )
    for width, height in SIZES:
        drawing = make_drawing("[b]Ole[/b] 🙂", people, width, height)
        assert all(cell_len(line.plain) == width for line in drawing.lines)
    text = "\n".join(line.plain for line in make_drawing("Ole", people, 200, 56).lines)
    assert "[bold]X[/]" in text and "🙂🌱 Emoji-ven" in text and "Tab ven" in text


def test_fill_shortens_then_counts_the_rest() -> None:
    names = ["Mor", "Far", "Søster", "Bedstemor", "Onkel"]
    placed = fill([Run(0, 0, 9), Run(1, 0, 9)], names)
    assert placed.hidden == 2
    assert [texts for _run, texts in placed.lines] == [("Mor", "Far"), ("Søster", "+2")]
    narrower = fill([Run(0, 0, 8), Run(1, 0, 8)], names)
    assert [texts for _run, texts in narrower.lines] == [("Mor", "Far"), ("+3",)]
    alone = fill([Run(0, 0, 6)], ["Bedstemor"])
    assert alone.lines[0][1] == ("Bedst…",) and alone.hidden == 0
    assert shorten("🙂🙂🙂", 4) == "🙂…"


def test_too_small_a_window_says_so() -> None:
    drawing = make_drawing("Maja", PEOPLE, 60, 4)
    assert "30 personer" in drawing.lines[0].plain and drawing.hidden == len(PEOPLE)
