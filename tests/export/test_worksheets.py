"""Personal goals, safety plan, network map and the group summary, read back from the PDF."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import fields
from datetime import date
from pathlib import Path

import pypdfium2
import pytest

from peertui import labels
from peertui.export import (
    ExportResult,
    Goal,
    GoalsSheet,
    GroupSummary,
    MeetingSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    export_sheets,
    networkmap,
)
from peertui.i18n import _
from peertui.store.schema import SAFETY_SECTIONS, SECTORS
from tests.export.conftest import (
    DAY,
    assert_in_order,
    folder,
    page_count,
    page_texts,
    pdf_text,
    qr_codes,
    squash,
)

GOALS_LINK = "https://peer-forening.dk/guide/personlige-maal"
SAFETY_LINK = "https://peer-forening.dk/guide/tryghedsplan"
NETWORK_LINK = "https://peer-forening.dk/guide/netvaerkskort"

GOALS = (
    Goal(
        "Gå en tur hver dag 😀 – også når det regner",
        "Finde skoene frem",
        "Min søster",
        "Nu",
        why="Jeg sover bedre, når jeg har været ude",
    ),
    Goal("Ringe til jobcentret", "Skrive ned hvad jeg vil sige", "", "Før fredag"),
)
SAFETY = SafetySheet(
    "Åse",
    DAY,
    warning_signs=("Jeg sover dårligt", "Jeg trækker mig fra andre"),
    own_strategies=("Gå en tur", "Høre musik"),
    distractions=("Biblioteket",),
    people_to_ask=("Anne (søster)", "Naboen Jørgen"),
    professionals=("Min læge", "Psykiatrisk akutmodtagelse"),
    safer_surroundings=(),
    most_important="Mine børn og min kat 😊",
    link=SAFETY_LINK,
)
PEOPLE = (
    NetworkPerson("Mor", 1, "family", "Ringer hver søndag"),
    NetworkPerson("Anne", 1, "family"),
    NetworkPerson("Far", 2, "family"),
    NetworkPerson("Kim", 2, "friends"),
    NetworkPerson("Bo", 3, "friends"),
    NetworkPerson("Kollega Per", 3, "work_school"),
    NetworkPerson("Lise fra koret", 2, "leisure"),
    NetworkPerson("Min læge", 2, "professionals"),
    NetworkPerson("Sagsbehandler Jens", 3, "professionals"),
    NetworkPerson("Discord-gruppen", 3, "online", "Vi spiller om torsdagen"),
)
SUMMARY = GroupSummary(
    "Tirsdagsgruppen",
    "Vejen til hverdagslivet",
    date(2025, 5, 1),
    9,
    (
        MeetingSummary(0, "Introduktion", date(2025, 3, 4), 120, 110, 8, 1, 0),
        MeetingSummary(1, "Ankomst", date(2025, 3, 11), 120, 125, 7, 1, 1),
        MeetingSummary(2, "Grænser", date(2025, 3, 18), 120, None, 6, 2, 1),
    ),
)


@pytest.fixture(scope="module")
def sheets(out_dir: Path) -> tuple[ExportResult, list[Path]]:
    result = export_sheets(
        [
            GoalsSheet("Åse", DAY, GOALS, GOALS_LINK),
            SAFETY,
            NetworkSheet("Åse", DAY, PEOPLE, NETWORK_LINK),
            SUMMARY,
        ],
        folder(out_dir, "worksheets"),
    )
    return result, list(result.paths)


def test_goals_sheet(sheets) -> None:
    _unused, (goals, *_unused) = sheets
    expected = [_("Personal goals").upper(), "Åse"]
    for number, goal in enumerate(GOALS, start=1):
        expected += [_("Goal {number}", number=number).upper(), goal.text]
        for key in ("why", "first_step", "help_from", "when"):
            expected.append(_(labels.EXPORT_GOAL[key]))
            if getattr(goal, key):
                expected.append(getattr(goal, key))
    assert_in_order(pdf_text(goals), expected)
    assert page_count(goals) == 1
    assert qr_codes(goals) == [[GOALS_LINK]]


def test_safety_plan_sheet(sheets) -> None:
    _unused, (_unused, safety, *_unused) = sheets
    expected = [_("What matters most to me"), SAFETY.most_important]
    for section in SAFETY_SECTIONS:
        expected.append(_(labels.EXPORT_SAFETY[section]))
        expected.extend(getattr(SAFETY, section))
    assert_in_order(pdf_text(safety), expected)
    assert page_count(safety) == 1
    assert qr_codes(safety) == [[SAFETY_LINK]]


def test_network_map_sheet(sheets) -> None:
    _unused, (_unused, _unused, network, _unused) = sheets
    text = pdf_text(network)
    # The drawing's words (sector names, every person) and then the table with every note.
    for sector in SECTORS:
        assert _(labels.SECTOR[sector]).replace(" ", "") in text
    table = text[text.find(_("Note")) :]
    for person in PEOPLE:
        assert person.alias.replace(" ", "") in text
        assert person.alias.replace(" ", "") in table
        if person.note:
            assert person.note.replace(" ", "") in table
    # Ten people: the map on page 1, the table on page 2; the footer link on both.
    assert page_count(network) == 2
    assert qr_codes(network) == [[NETWORK_LINK], [NETWORK_LINK]]


def test_group_summary_sheet(sheets) -> None:
    _unused, (*_unused, summary) = sheets
    text = pdf_text(summary)
    assert_in_order(
        text,
        [
            _("Group summary").upper(),
            "Tirsdagsgruppen",
            "Vejen til hverdagslivet",
            "9deltagere",
            _("Introduction"),
            "4.marts2025",
            "120min",
            "110min",
            "−10",
            _("Meeting {number}", number=2),
            "120min",
            "–",
            _("Total"),
            "360min",
            "235min",
            "−5",
            "21",
        ],
    )
    assert qr_codes(summary) == [[]]  # no link, no code


def test_group_summary_has_no_field_for_participant_text() -> None:
    """By design: counts, minutes, dates and titles from the course plan only (and the
    organisation that prints it)."""
    assert {f.name for f in fields(GroupSummary)} == {
        "group_name",
        "course",
        "date",
        "participants",
        "meetings",
        "issuer",
    }
    assert {f.name for f in fields(MeetingSummary)} == {
        "number",
        "title",
        "held",
        "planned_minutes",
        "actual_minutes",
        "present",
        "absent",
        "excused",
    }


# --- the network map's drawing --------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def test_map_has_three_rings_six_sectors_and_the_participant_in_the_centre() -> None:
    root = ET.fromstring(networkmap.network_svg("Åse", PEOPLE))
    rings = root.findall(f"{SVG}circle[@class='ring']")
    assert sorted(float(c.get("r", "0")) for c in rings) == list(networkmap.RING_R)
    assert len(root.findall(f"{SVG}line[@class='sector-line']")) == 6
    (centre,) = root.findall(f"{SVG}text[@class='centre-name']")
    assert "".join(centre.itertext()) == "Åse"
    names = ["".join(x.itertext()) for x in root.findall(f"{SVG}text[@class='sector-name']")]
    assert len(names) == 6
    # A label may be wrapped onto two lines (tspans): compare without spaces.
    people = ["".join(x.itertext()) for x in root.findall(f"{SVG}text[@class='person']")]
    assert sorted(squash(p) for p in people) == sorted(squash(p.alias) for p in PEOPLE)


def test_each_person_is_in_their_ring_and_sector() -> None:
    crowd = tuple(
        NetworkPerson(f"P{s}{r}{i}", r, sector)
        for s, sector in enumerate(SECTORS)
        for r in (1, 2, 3)
        for i in range(r + 1)
    )
    for person, x, y in networkmap.place(crowd):
        radius = math.hypot(x - networkmap.CX, y - networkmap.CY)
        inner = networkmap.CENTRE_R if person.ring == 1 else networkmap.RING_R[person.ring - 2]
        assert inner < radius < networkmap.RING_R[person.ring - 1], person
        angle = math.degrees(math.atan2(y - networkmap.CY, x - networkmap.CX))
        start, end = networkmap.sector_angles(SECTORS.index(person.sector))
        # Bring the angle into the sector's range (sectors run from -120 to 240 degrees).
        while angle < start:
            angle += 360
        assert start < angle < end, person


def test_map_text_is_escaped() -> None:
    svg = networkmap.network_svg("<b>", (NetworkPerson('"><script>', 1, "family"),))
    root = ET.fromstring(svg)  # still well-formed XML
    assert root.find(f".//{SVG}script") is None
    assert "&lt;b&gt;" in svg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor", ["Mor"]),
        ("Sagsbehandler Jens", ["Sagsbehandler", "Jens"]),
        ("Discord-gruppen for alle", ["Discord-gruppen", "for alle"]),
        ("En meget lang beskrivelse af en person", ["En meget lang", "beskrivelse af…"]),
        ("Abcdefghijklmnopqrstuvwxyz", ["Abcdefghijklmno-", "pqrstuvwxyz"]),
    ],
)
def test_wrap_label(text: str, expected: list[str]) -> None:
    assert networkmap.wrap_label(text) == expected


def _text_box(page, needle: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(top, bottom) in PDF points (y grows upwards) of the first occurrence of ``needle``."""
    text_page = page.get_textpage()
    found = text_page.search(needle, match_case=True)
    hit = found.get_next()
    assert hit is not None, needle
    start, count = hit
    boxes = [text_page.get_charbox(i) for i in range(start, start + count)]
    return max(box[3] for box in boxes), min(box[1] for box in boxes)


def test_a_goal_label_stands_above_its_answer_never_beside_it(out_dir: Path) -> None:
    """The longest label ("Derfor er det vigtigt for mig") never wraps into the answer: the
    answer starts below the label's last line, also when the answer is long."""
    why = "Fordi jeg vil have overskud til mine børn om eftermiddagen " * 3
    sheet = GoalsSheet("Åse", DAY, (Goal("Sove bedre", "", "", "", why=why),), None)
    (path,) = export_sheets([sheet], folder(out_dir, "goal-labels")).paths
    page = pypdfium2.PdfDocument(path)[0]
    _top, label_bottom = _text_box(page, _("Why it matters to me"))
    answer_top, _bottom = _text_box(page, "Fordi jeg vil")
    assert answer_top < label_bottom


def _step_pages(path: Path) -> list[list[str]]:
    """For each page, the safety plan's step headings on it."""
    return [
        [
            section
            for section in SAFETY_SECTIONS
            if squash(_(labels.EXPORT_SAFETY[section])) in squash(text)
        ]
        for text in page_texts(path)
    ]


MM = 72 / 25.4  # PDF points per millimetre


def test_an_empty_safety_step_keeps_its_lines_to_write_on(out_dir: Path) -> None:
    """An empty plan: under every heading, on the same page, room for its ruled lines (page
    margin 42 mm at the bottom, three lines of 9 mm), so no heading ends a page alone."""
    (path,) = export_sheets([SafetySheet("Åse", DAY)], folder(out_dir, "safety-empty")).paths
    pages = _step_pages(path)
    assert [s for page in pages for s in page] == list(SAFETY_SECTIONS)  # each heading once
    document = pypdfium2.PdfDocument(path)
    for number, steps in enumerate(pages):
        for step in steps:
            _top, bottom = _text_box(document[number], _(labels.EXPORT_SAFETY[step]))
            assert bottom > (42 + 3 * 9) * MM, step


def test_the_last_safety_step_never_sits_alone_on_a_page(out_dir: Path) -> None:
    plan = SafetySheet(
        "Bo", DAY, warning_signs=("Uro",), people_to_ask=("Anne",), most_important="Kim"
    )
    (path,) = export_sheets([plan], folder(out_dir, "safety-sparse")).paths
    pages = _step_pages(path)
    assert [s for page in pages for s in page] == list(SAFETY_SECTIONS)
    assert len(pages) == 1 or len(pages[-1]) >= 2
