"""The sheets as HTML: one ``<article>`` per sheet, one HTML document per PDF.

Each kind of sheet is a Jinja2 template in ``peertui/export/templates/sheets/`` (see
``templating``): every text that comes from a user is escaped by the environment and printed
literally: no markdown, no markup, no URLs are interpreted. The participant's words keep their
line breaks (``white-space: pre-line``) and are never changed, shortened or hyphenated. The only
fragments marked safe are built here from our own code: the QR codes' SVG and the network
map's SVG.

Every sheet carries its ``issuer`` (the organisation) at the top, and a footer whose QR code
leads where ``links.qr_target`` says: a real address, or a short text that explains the sheet.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peertui import labels
from peertui.export import qr
from peertui.export.errors import DigitalCopyTooLong
from peertui.export.links import qr_target
from peertui.export.model import (
    GoalsSheet,
    GroupSummary,
    Issuer,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    Sheet,
    StatementSheet,
)
from peertui.export.networkmap import network_svg
from peertui.export.pdf import ASSETS, font_files, png_data_url
from peertui.export.templating import format_date as format_date  # shared with certificate
from peertui.export.templating import render
from peertui.i18n import _
from peertui.store.schema import SAFETY_SECTIONS, SECTORS

if TYPE_CHECKING:
    from markupsafe import Markup

WRITE_LINES = 3  # ruled lines printed under a prompt that has no answer yet
PEOPLE_UNDER_MAP = 3  # more people than this: the table of people starts on a new page
SUMMARY_COLUMNS = (
    "meeting",
    "held",
    "planned",
    "actual",
    "difference",
    "present",
    "excused",
    "absent",
)


@dataclass(slots=True)
class BuiltSheet:
    """One sheet's HTML (an ``<article>`` made by an escaping template), and what the caller
    should be told about it."""

    html: Markup
    notices: list[str] = field(default_factory=list)


# --- the document ---------------------------------------------------------------------------


@functools.cache
def stylesheet() -> str:
    """The sheets' CSS: ``@font-face`` rules for the bundled fonts, then assets/sheet.css."""
    css = (ASSETS / "sheet.css").read_text(encoding="utf-8")
    return "\n".join([font_faces(), css])


@functools.cache
def font_faces() -> str:
    """``@font-face`` rules for the bundled fonts (absolute ``file://`` URLs, the only ones
    the fetcher serves). Shared by the sheets and the certificate.

    The family is named "peertui Fira Sans", not "Fira Sans", so that a Fira Sans installed on
    the machine is never picked instead of the package's files."""
    files = font_files()
    faces = [
        ("peertui Fira Sans", files["regular"], "normal", "normal"),
        ("peertui Fira Sans", files["bold"], "bold", "normal"),
        ("peertui Fira Sans", files["italic"], "normal", "italic"),
        ("peertui Fira Sans", files["bold-italic"], "bold", "italic"),
        ("peertui fallback", files["fallback"], "normal", "normal"),
    ]
    rules = [
        f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, path, weight, style in faces
    ]
    return "\n".join(rules)


def document(sheets: Iterable[Markup], *, title: str = "peertui", author: str = "") -> str:
    """A whole HTML document of sheets made by ``build`` (``Markup``; a plain string is
    escaped, so it prints as text). ``title`` and ``author`` become the PDF's metadata
    (``sheet_title``, the organisation's name); the language is Danish (``<html lang="da">``)."""
    from markupsafe import Markup  # with the first sheet, like Jinja2

    return render(
        "document.html.j2",
        title=title,
        author=author.strip(),
        css=Markup(stylesheet()),  # our own files: trusted
        sheets=list(sheets),
    )


def sheet_title(sheet: Sheet) -> str:
    """The PDF title of a sheet: "Personligt statement – Maja", "Gruppeoversigt – Tirsdag"."""
    name = sheet.group_name if isinstance(sheet, GroupSummary) else sheet.alias
    return _("{kind} – {name}", kind=_(labels.EXPORT_KIND[sheet.kind]), name=name.strip())


def build(sheet: Sheet) -> BuiltSheet:
    """One sheet as an ``<article>``. Raises ``BadLink`` for an unusable link; a digital copy
    that is too long becomes a notice, and the sheet is made without it."""
    if isinstance(sheet, StatementSheet):
        return _statement(sheet)
    if isinstance(sheet, GoalsSheet):
        return BuiltSheet(_sheet("goals", sheet))
    if isinstance(sheet, SafetySheet):
        return BuiltSheet(_sheet("safety_plan", sheet, sections=SAFETY_SECTIONS))
    if isinstance(sheet, NetworkSheet):
        return BuiltSheet(_network(sheet))
    if isinstance(sheet, GroupSummary):
        return BuiltSheet(_summary(sheet))
    raise TypeError(f"not a sheet: {type(sheet).__name__}")


# --- shared parts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Foot:
    """What the footer shows: the code (our SVG, Markup, or ""), one line about it, the address
    for a link, and who and when."""

    code: Markup | str
    explain: str
    url: str | None
    who: tuple[str, ...]


def qr_code(kind: str, page_link: str | None, issuer: Issuer) -> tuple[Markup | str, str | None]:
    """The footer's QR code for a sheet (or certificate) of ``kind`` and what it carries:
    ``(svg, address)`` for a link, ``(svg, None)`` for the explanation text, ``("", None)``
    for none. ``BadLink`` for an address too long for the code."""
    from markupsafe import Markup

    target = qr_target(kind, page_link, issuer.link(kind))
    if target.url:
        return Markup(qr.link_svg(target.url)), target.url  # our SVG: trusted
    if target.text:
        return Markup(qr.text_svg(target.text)), None  # our SVG: trusted
    return "", None


def _foot(sheet: Sheet) -> Foot:
    if isinstance(sheet, GroupSummary):  # for the facilitators: no code
        return Foot(
            "",
            _("For the facilitators. The summary contains no participants' names or texts."),
            None,
            (format_date(sheet.date),),
        )
    who = (sheet.alias, format_date(sheet.date))
    code, url = qr_code(sheet.kind, sheet.link, sheet.issuer)
    if url:
        return Foot(code, _(labels.EXPORT_FOOT[sheet.kind]), url, who)
    if code:
        return Foot(code, _("Scan the code to read what the sheet is about."), None, who)
    return Foot("", _("Printed with peertui."), None, who)  # pragma: no cover - every kind explains


def logo_url(issuer: Issuer) -> str:
    """The ``data:`` URL of the issuer's logo ("" without one); the renderer must be told to
    serve it (``Renderer.allow_png``)."""
    return png_data_url(issuer.logo) if issuer.logo else ""


def _sheet(kind: str, sheet: Sheet, **context: object) -> Markup:
    return render(
        f"sheets/{kind}.html.j2",
        sheet=sheet,
        foot=_foot(sheet),
        logo_url=logo_url(sheet.issuer),
        write_lines=WRITE_LINES,
        **context,
    )


# --- personal statement -----------------------------------------------------------------------


def _statement(sheet: StatementSheet) -> BuiltSheet:
    from markupsafe import Markup

    notices: list[str] = []
    copy: Markup | str = ""
    if sheet.digital_copy:
        try:
            copy = Markup(qr.digital_copy_svg(sheet.answers))  # our SVG: trusted
        except DigitalCopyTooLong as error:
            notices.append(error.message)
    return BuiltSheet(_sheet("statement", sheet, copy=copy), notices)


# --- network map ------------------------------------------------------------------------------


def _network(sheet: NetworkSheet) -> Markup:
    from markupsafe import Markup

    return _sheet(
        "network_map",
        sheet,
        # networkmap escapes every name it draws: the SVG is ours, trusted.
        map=Markup(network_svg(sheet.alias, sheet.people)),
        people=_by_place(sheet),
        people_under_map=PEOPLE_UNDER_MAP,
    )


def _by_place(sheet: NetworkSheet) -> list[NetworkPerson]:
    order = {s: i for i, s in enumerate(SECTORS)}
    return sorted(sheet.people, key=lambda p: (p.ring, order.get(p.sector, 99)))


# --- group summary ----------------------------------------------------------------------------


def _minutes(value: int | None) -> str:
    return "–" if value is None else _("{minutes} min", minutes=value)


def _difference(planned: int, actual: int | None) -> str:
    if actual is None:
        return "–"
    diff = actual - planned
    return "0" if diff == 0 else f"{diff:+d}".replace("-", "−")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    label: str
    title: str
    held: str
    planned: str
    actual: str
    difference: str
    present: int
    excused: int
    absent: int


def _summary(sheet: GroupSummary) -> Markup:
    rows = [
        SummaryRow(
            label=(_("Introduction") if m.number == 0 else _("Meeting {number}", number=m.number)),
            title=m.title,
            held=format_date(m.held) if m.held else "–",
            planned=_minutes(m.planned_minutes),
            actual=_minutes(m.actual_minutes),
            difference=_difference(m.planned_minutes, m.actual_minutes),
            present=m.present,
            excused=m.excused,
            absent=m.absent,
        )
        for m in sorted(sheet.meetings, key=lambda m: m.number)
    ]
    known = [m for m in sheet.meetings if m.actual_minutes is not None]
    actual_total = sum(m.actual_minutes or 0 for m in known) if known else None
    total = SummaryRow(
        label=_("Total"),
        title="",
        held="",
        planned=_minutes(sum(m.planned_minutes for m in sheet.meetings)),
        actual=_minutes(actual_total),
        difference=_difference(sum(m.planned_minutes for m in known), actual_total),
        present=sum(m.present for m in sheet.meetings),
        excused=sum(m.excused for m in sheet.meetings),
        absent=sum(m.absent for m in sheet.meetings),
    )
    return _sheet("group_summary", sheet, columns=SUMMARY_COLUMNS, rows=rows, total=total)


def uncovered_characters(text: str) -> set[str]:
    """Characters that none of the bundled fonts can draw (they print as a box). Used to warn
    the facilitator; the text itself is still in the PDF's text layer."""
    covered = _covered_codepoints()
    if covered is None:
        return set()
    return {
        ch
        for ch in set(text)
        if ord(ch) not in covered and not ch.isspace() and not _ignorable(ord(ch))
    }


def _ignorable(cp: int) -> bool:
    # Joiners and variation selectors: not drawn on their own.
    return cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF) or 0xFE00 <= cp <= 0xFE0F or cp < 32


@functools.cache
def _covered_codepoints() -> frozenset[int] | None:
    """The code points the fonts have, read with fontTools (a WeasyPrint dependency); None if
    it cannot be read, and then no warning is given."""
    try:
        from fontTools.ttLib import TTFont  # ~80 ms: with the first export, not the exporter
    except ImportError:  # pragma: no cover - WeasyPrint 70 depends on fontTools
        return None
    covered: set[int] = set()
    files = font_files()
    for key in ("regular", "fallback"):
        font = TTFont(str(files[key]), lazy=True)
        covered.update(font.getBestCmap().keys())
        font.close()
    return frozenset(covered)


def sheet_texts(sheet: Sheet) -> Iterable[str]:
    """Every user text on a sheet (for the font coverage check), the organisation's too."""
    yield from (sheet.issuer.name, sheet.issuer.line, sheet.issuer.contact)
    if isinstance(sheet, StatementSheet):
        yield sheet.alias
        yield sheet.occasion
        yield from sheet.answers
    elif isinstance(sheet, GoalsSheet):
        yield sheet.alias
        for goal in sheet.goals:
            yield from (goal.text, goal.why, goal.first_step, goal.help_from, goal.when)
    elif isinstance(sheet, SafetySheet):
        yield sheet.alias
        yield sheet.most_important
        for section in SAFETY_SECTIONS:
            yield from getattr(sheet, section)
    elif isinstance(sheet, NetworkSheet):
        yield sheet.alias
        for person in sheet.people:
            yield from (person.alias, person.note)
    elif isinstance(sheet, GroupSummary):
        yield sheet.group_name
        yield sheet.course
        for meeting in sheet.meetings:
            yield meeting.title
