"""The sheets as HTML: one ``<article>`` per sheet, one HTML document per PDF.

Every text that comes from a user goes through ``esc()`` (``html.escape``) and is printed
literally: no markdown, no markup, no URLs are interpreted. The participant's words keep their
line breaks (``white-space: pre-line``) and are never changed, shortened or hyphenated.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from peertui.export import qr
from peertui.export.errors import DigitalCopyTooLong
from peertui.export.model import (
    GoalsSheet,
    GroupSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    Sheet,
    StatementSheet,
)
from peertui.export.networkmap import network_svg
from peertui.export.pdf import ASSETS, font_files
from peertui.store.schema import SAFETY_SECTIONS, SECTORS
from peertui.strings import t

WRITE_LINES = 3  # ruled lines printed under a prompt that has no answer yet
PEOPLE_UNDER_MAP = 3  # more people than this: the table of people starts on a new page


def esc(text: str) -> str:
    """Escape user text for HTML (element content and attribute values)."""
    return escape(text, quote=True)


def format_date(day: date) -> str:
    """``3. marts 2025``."""
    return t("export.date", day=day.day, month=t(f"export.month.{day.month}"), year=day.year)


@dataclass(slots=True)
class BuiltSheet:
    """One sheet's HTML, and what the caller should be told about it."""

    html: str
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
    the fetcher serves). Shared by the sheets and the certificate."""
    files = font_files()
    faces = [
        ("Atkinson Hyperlegible", files["regular"], "normal", "normal"),
        ("Atkinson Hyperlegible", files["bold"], "bold", "normal"),
        ("Atkinson Hyperlegible", files["italic"], "normal", "italic"),
        ("Atkinson Hyperlegible", files["bold-italic"], "bold", "italic"),
        ("peertui fallback", files["fallback"], "normal", "normal"),
    ]
    rules = [
        f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, path, weight, style in faces
    ]
    return "\n".join(rules)


def document(sheets: Iterable[str]) -> str:
    """A whole HTML document. Its title is fixed: nothing a user typed goes into the PDF's
    metadata."""
    body = "\n".join(sheets)
    return (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
        f"<title>peertui</title><style>{stylesheet()}</style></head><body>{body}</body></html>"
    )


def build(sheet: Sheet) -> BuiltSheet:
    """One sheet as an ``<article>``. Raises ``BadLink`` for an unusable link; a digital copy
    that is too long becomes a notice, and the sheet is made without it."""
    if isinstance(sheet, StatementSheet):
        return _statement(sheet)
    if isinstance(sheet, GoalsSheet):
        return BuiltSheet(_goals(sheet))
    if isinstance(sheet, SafetySheet):
        return BuiltSheet(_safety(sheet))
    if isinstance(sheet, NetworkSheet):
        return BuiltSheet(_network(sheet))
    if isinstance(sheet, GroupSummary):
        return BuiltSheet(_summary(sheet))
    raise TypeError(f"not a sheet: {type(sheet).__name__}")


# --- shared parts -----------------------------------------------------------------------------


def _footer(kind: str, alias: str | None, day: date, link: str | None) -> str:
    """The footer repeated at the bottom of every page of the sheet (a CSS running element):
    the link's QR code with one calm line about it and the address in plain text, and who and
    when, so a loose second page can be matched to its first."""
    who = format_date(day) if alias is None else f"{esc(alias)} · {format_date(day)}"
    code = ""
    if kind == "group_summary":
        lines = [t("export.foot.group_summary")]
    elif link:
        code = qr.link_svg(link)
        lines = [t(f"export.foot.{kind}"), link]
    else:
        lines = [t("export.foot.none")]
    about = "".join(
        f'<p class="{"foot-explain" if i == 0 else "foot-url"}">{esc(line)}</p>'
        for i, line in enumerate(lines)
    )
    return (
        f'<div class="foot">{code}<div class="foot-about">{about}</div>'
        f'<p class="foot-who">{who}</p></div>'
    )


def _header(kind: str, alias: str, day: date, extra: str = "") -> str:
    meta = format_date(day) + (f" · {esc(extra)}" if extra else "")
    return (
        f'<header class="head"><p class="kind">{esc(t(f"export.kind.{kind}"))}</p>'
        f'<h1 class="alias">{esc(alias)}</h1><p class="meta">{meta}</p></header>'
    )


def _words(text: str, css_class: str = "answer") -> str:
    """The user's words, literally; an empty answer gets ruled lines to write on by hand."""
    words = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not words:
        return '<div class="write-here">' + '<div class="line"></div>' * WRITE_LINES + "</div>"
    return f'<p class="{css_class}">{esc(words)}</p>'


def _article(kind: str, footer: str, content: str) -> str:
    return f'<article class="sheet sheet-{kind.replace("_", "-")}">{footer}{content}</article>'


# --- personal statement -----------------------------------------------------------------------


def _statement(sheet: StatementSheet) -> BuiltSheet:
    notices: list[str] = []
    parts = [_header(sheet.kind, sheet.alias, sheet.date, sheet.occasion)]
    for number, answer in enumerate(sheet.answers, start=1):
        parts.append(
            f'<section class="prompt"><h2>{esc(t(f"statement.prompt.{number}"))}</h2>'
            f"{_words(answer)}</section>"
        )
    if sheet.digital_copy:
        try:
            code = qr.digital_copy_svg(sheet.answers)
        except DigitalCopyTooLong as error:
            notices.append(error.message)
        else:
            parts.append(
                f'<section class="copy">{code}<div class="copy-about">'
                f"<h2>{esc(t('export.copy.title'))}</h2>"
                f"<p>{esc(t('export.copy.help'))}</p></div></section>"
            )
    footer = _footer(sheet.kind, sheet.alias, sheet.date, sheet.link)
    return BuiltSheet(_article(sheet.kind, footer, "".join(parts)), notices)


# --- personal goals ---------------------------------------------------------------------------


def _goals(sheet: GoalsSheet) -> str:
    parts = [_header(sheet.kind, sheet.alias, sheet.date)]
    goals = sheet.goals or ()
    for number, goal in enumerate(goals, start=1):
        rows = "".join(
            f'<div class="goal-row"><p class="label">{esc(t(f"export.goal.{key}"))}</p>'
            f"{_words(getattr(goal, key), 'value')}</div>"
            for key in ("why", "first_step", "help_from", "when")
        )
        parts.append(
            f'<section class="goal"><p class="goal-number">'
            f"{esc(t('export.goal.number', number=number))}</p>"
            f"{_words(goal.text, 'goal-text')}{rows}</section>"
        )
    if not goals:
        parts.append(f'<p class="empty">{esc(t("export.goal.empty"))}</p>')
    footer = _footer(sheet.kind, sheet.alias, sheet.date, sheet.link)
    return _article(sheet.kind, footer, "".join(parts))


# --- safety plan ------------------------------------------------------------------------------


def _lines(items: Sequence[str]) -> str:
    kept = [item for item in items if item.strip()]
    if not kept:
        return _words("")
    lis = "".join(f"<li>{esc(item.strip())}</li>" for item in kept)
    return f'<ul class="items">{lis}</ul>'


def _safety(sheet: SafetySheet) -> str:
    parts = [_header(sheet.kind, sheet.alias, sheet.date)]
    parts.append(
        f'<section class="most-important"><h2>{esc(t("export.safety.most_important"))}</h2>'
        f"{_words(sheet.most_important)}</section>"
    )
    for number, section in enumerate(SAFETY_SECTIONS, start=1):
        parts.append(
            f'<section class="safety-step"><h2><span class="step">{number}</span>'
            f"{esc(t(f'export.safety.{section}'))}</h2>{_lines(getattr(sheet, section))}</section>"
        )
    footer = _footer(sheet.kind, sheet.alias, sheet.date, sheet.link)
    return _article(sheet.kind, footer, "".join(parts))


# --- network map ------------------------------------------------------------------------------


def _network(sheet: NetworkSheet) -> str:
    parts = [_header(sheet.kind, sheet.alias, sheet.date)]
    parts.append(f'<div class="map">{network_svg(sheet.alias, sheet.people)}</div>')
    parts.append(f'<p class="map-help">{esc(t("export.network.help"))}</p>')
    if sheet.people:
        head = "".join(
            f'<th class="{c}">{esc(t(f"export.network.col_{c}"))}</th>'
            for c in ("name", "ring", "sector", "note")
        )
        rows = "".join(
            "<tr>"
            f'<td class="name">{esc(p.alias)}</td><td class="ring">{p.ring}</td>'
            f'<td class="sector">{esc(t(f"sector.{p.sector}"))}</td>'
            f'<td class="note">{esc(p.note.strip())}</td>'
            "</tr>"
            for p in _by_place(sheet)
        )
        # A long list gets its own page rather than a few rows squeezed under the map.
        own_page = " own-page" if len(sheet.people) > PEOPLE_UNDER_MAP else ""
        parts.append(
            f'<section class="people{own_page}"><h2>{esc(t("export.network.people"))}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
        )
    else:
        parts.append(f'<p class="empty">{esc(t("export.network.empty"))}</p>')
    footer = _footer(sheet.kind, sheet.alias, sheet.date, sheet.link)
    return _article(sheet.kind, footer, "".join(parts))


def _by_place(sheet: NetworkSheet) -> list[NetworkPerson]:
    order = {s: i for i, s in enumerate(SECTORS)}
    return sorted(sheet.people, key=lambda p: (p.ring, order.get(p.sector, 99)))


# --- group summary ----------------------------------------------------------------------------


def _minutes(value: int | None) -> str:
    return "–" if value is None else t("export.summary.minutes", minutes=value)


def _difference(planned: int, actual: int | None) -> str:
    if actual is None:
        return "–"
    diff = actual - planned
    return "0" if diff == 0 else f"{diff:+d}".replace("-", "−")


def _summary(sheet: GroupSummary) -> str:
    parts = [
        '<header class="head">'
        f'<p class="kind">{esc(t("export.kind.group_summary"))}</p>'
        f'<h1 class="alias">{esc(sheet.group_name)}</h1>'
        f'<p class="meta">{esc(sheet.course)} · '
        f"{esc(t('export.summary.participants', count=sheet.participants))} · "
        f"{format_date(sheet.date)}</p></header>"
    ]
    columns = ("meeting", "held", "planned", "actual", "difference", "present", "excused", "absent")
    numeric = ' class="num"'
    head = "".join(
        f"<th{'' if c in ('meeting', 'held') else numeric}>{esc(t(f'export.summary.col_{c}'))}</th>"
        for c in columns
    )
    rows = []
    for m in sorted(sheet.meetings, key=lambda m: m.number):
        label = (
            t("export.summary.intro")
            if m.number == 0
            else t("export.summary.meeting", number=m.number)
        )
        title = f'<span class="meeting-title">{esc(m.title)}</span>' if m.title else ""
        rows.append(
            "<tr>"
            f'<td class="meeting">{esc(label)}{title}</td>'
            f"<td>{format_date(m.held) if m.held else '–'}</td>"
            f'<td class="num">{_minutes(m.planned_minutes)}</td>'
            f'<td class="num">{_minutes(m.actual_minutes)}</td>'
            f'<td class="num">{_difference(m.planned_minutes, m.actual_minutes)}</td>'
            f'<td class="num">{m.present}</td><td class="num">{m.excused}</td>'
            f'<td class="num">{m.absent}</td>'
            "</tr>"
        )
    known = [m for m in sheet.meetings if m.actual_minutes is not None]
    planned_total = sum(m.planned_minutes for m in sheet.meetings)
    actual_total = sum(m.actual_minutes or 0 for m in known) if known else None
    planned_known = sum(m.planned_minutes for m in known)
    total = (
        "<tr class='total'>"
        f"<td>{esc(t('export.summary.total'))}</td><td></td>"
        f'<td class="num">{_minutes(planned_total)}</td>'
        f'<td class="num">{_minutes(actual_total)}</td>'
        f'<td class="num">{_difference(planned_known, actual_total)}</td>'
        f'<td class="num">{sum(m.present for m in sheet.meetings)}</td>'
        f'<td class="num">{sum(m.excused for m in sheet.meetings)}</td>'
        f'<td class="num">{sum(m.absent for m in sheet.meetings)}</td>'
        "</tr>"
    )
    parts.append(
        f'<table class="summary"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}{total}</tbody></table>"
    )
    parts.append(f'<p class="summary-help">{esc(t("export.summary.help"))}</p>')
    footer = _footer(sheet.kind, None, sheet.date, None)
    return _article(sheet.kind, footer, "".join(parts))


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
    """Every user text on a sheet (for the font coverage check)."""
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
