"""The trainee's certificate ("Bevis") for the course "Bliv inddragelsesfacilitator".

One A4 page, printed with the exporter's own parts: the bundled fonts (``sheets.font_faces``),
the WeasyPrint renderer with the fetcher that serves only those fonts (``pdf.Renderer``,
WeasyPrint imported on first use), the link QR code (``qr.link_svg``), HTML escaping of every
stored text (``sheets.esc``) and the atomic 0600 file writing (``files.write_atomic``).

* ``CertificateData`` is what the page shows; ``certificate_html`` lays it out (no store, no
  WeasyPrint), so the page can be tested and looked at on its own.
* ``print_certificate`` reads a trainee from the store, checks the rule
  (``peertui.training``: at least 4 people taught within 2 months of the course day), writes
  the PDF and, on the first print, records the day (``Store.set_certified``). It raises
  ``NotReady`` (with the lines saying what is missing) before anything is written.
* ``write_certificate`` is the same, returning the path only (the shared contract).

The file is named ``bevis-<date>-<participant id>.pdf`` (an id, never an alias); a reprint
never overwrites an earlier file: it gets ``-2``, ``-3``. No Textual here.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from peertui import training as rule
from peertui.content import load_library
from peertui.export import files, qr
from peertui.export.errors import ExportError, OutputExists
from peertui.export.pdf import ASSETS, Renderer
from peertui.export.sheets import esc, font_faces, format_date, uncovered_characters
from peertui.store.schema import ROLES
from peertui.strings import t

if TYPE_CHECKING:
    from peertui.content import Library
    from peertui.store.schema import Group, Participant
    from peertui.store.store import Store

#: Where the certificate's CSS is (A4, one page, large type).
CSS_FILE = ASSETS / "certificate.css"
#: Signature lines per row; more facilitators wrap onto further rows.
SIGNATURES_PER_ROW = 4
#: An alias longer than this is set smaller (it still wraps, never shortened).
LONG_ALIAS = 24
#: Reprints on the same day get ``-2`` ... up to this suffix before giving up.
MAX_COPIES = 99

ContentRoot = Path | str | Sequence[Path | str] | None


class NotReady(ExportError):
    """The rule is not met yet. ``lines`` (from ``peertui.training.explain``) say exactly
    what is missing; they hold dates and counts, never a participant's text."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__(t("certificate.not_ready"))
        self.lines = list(lines)


class NotATrainee(ExportError):
    """The participant has no training record (not a trainee of a course)."""

    def __init__(self) -> None:
        super().__init__(t("certificate.not_trainee"))


@dataclass(frozen=True, slots=True)
class CertificateData:
    """Everything printed on the certificate. The texts are printed literally (escaped)."""

    alias: str
    organisation: str
    role: str  # "peer" | "staff"
    course_title: str
    course_day: date
    taught: int  # people taught who count
    audiences: frozenset[str]  # "colleagues", "citizens": who the counted people were
    first_taught: date
    last_taught: date
    signers: tuple[str, ...]  # the group's facilitators (the course's trainers)
    issued: date
    link: str | None  # the course's page; None: no QR code


@dataclass(frozen=True, slots=True)
class CertificateResult:
    path: Path
    issued: date  # the date printed (the first print's date on a reprint)
    recorded: bool  # True if this print recorded ``certified`` in the store
    first_print: bool  # False: the store already had a ``certified`` date
    notices: tuple[str, ...] = field(default=())  # Danish lines, no participant text


# --- the page ---------------------------------------------------------------------------------


@functools.cache
def certificate_css() -> str:
    return "\n".join([font_faces(), CSS_FILE.read_text(encoding="utf-8")])


def _fill(key: str, strong: tuple[str, ...] = (), **values: object) -> str:
    """The string ``key`` as HTML: the template and every value escaped, the values named in
    ``strong`` in bold. Nothing in ``values`` can become markup."""
    template = esc(t(key))
    filled = {
        name: f"<strong>{esc(str(value))}</strong>" if name in strong else esc(str(value))
        for name, value in values.items()
    }
    return template.format(**filled)


def _audience_key(audiences: frozenset[str]) -> str:
    if audiences == frozenset({"citizens"}):
        return "certificate.taught.citizens"
    if audiences == frozenset({"colleagues"}):
        return "certificate.taught.colleagues"
    return "certificate.taught.both"


def _day(day: date, *, year: bool = True) -> str:
    """``3. marts 2025`` (or ``3. marts``) that never breaks across lines."""
    text = (
        format_date(day)
        if year
        else t("certificate.day_month", day=day.day, month=t(f"export.month.{day.month}"))
    )
    return text.replace(" ", "\u00a0")


def _period(first: date, last: date) -> str:
    if first == last:
        return t("certificate.period.one_day", day=_day(first))
    start = _day(first, year=first.year != last.year)
    return t("certificate.period.range", start=start, end=_day(last))


def _signatures(signers: Sequence[str]) -> str:
    names = list(signers) or [""]
    blocks = []
    for name in names:
        label = esc(name) if name else esc(t("certificate.signature"))
        blocks.append(
            '<div class="signature"><div class="sign-line"></div>'
            f'<p class="signer">{label}</p>'
            f'<p class="signer-role">{esc(t("certificate.signer_role"))}</p></div>'
        )
    # As few rows as possible, evenly filled: 5 names are 3 + 2, not 4 + 1.
    rows_needed = -(-len(blocks) // SIGNATURES_PER_ROW)
    per_row = -(-len(blocks) // rows_needed)
    rows = [
        '<div class="signature-row">' + "".join(blocks[i : i + per_row]) + "</div>"
        for i in range(0, len(blocks), per_row)
    ]
    return '<section class="signatures">' + "".join(rows) + "</section>"


def _link(link: str | None) -> str:
    if not link:
        return ""
    code = qr.link_svg(link)  # BadLink for an address that is not http(s) or too long
    return (
        f'<section class="course-link">{code}<div class="link-about">'
        f'<p class="link-explain">{esc(t("certificate.link"))}</p>'
        f'<p class="link-url">{esc(link)}</p></div></section>'
    )


def certificate_html(data: CertificateData) -> str:
    """The whole HTML document for one certificate. Its title is fixed ("peertui"): nothing a
    user typed goes into the PDF's metadata."""
    role = t(f"training.role.{data.role}") if data.role in ROLES else ""
    who = (
        _fill("certificate.role_at", role=role, organisation=data.organisation)
        if role and data.organisation.strip()
        else esc(data.organisation.strip() or role)
    )
    course = _fill(
        "certificate.course",
        strong=("course",),
        course=data.course_title,
        day=_day(data.course_day),
    )
    taught = _fill(
        _audience_key(data.audiences),
        strong=("count",),
        count=data.taught,
        period=_period(data.first_taught, data.last_taught),
    )
    alias_class = "cert-alias long" if len(data.alias) > LONG_ALIAS else "cert-alias"
    body = (
        '<article class="certificate"><div class="cert-main">'
        f'<p class="cert-kind">{esc(t("certificate.kind"))}</p>'
        f'<h1 class="{alias_class}">{esc(data.alias)}</h1>'
        f'<p class="cert-who">{who}</p>'
        f'<p class="cert-text">{course}</p>'
        f'<p class="cert-text">{taught}</p>'
        '</div><div class="cert-foot">'
        f"{_signatures(data.signers)}"
        f'<p class="cert-issued">'
        f"{_fill('certificate.issued', day=_day(data.issued))}</p>"
        f"{_link(data.link)}"
        "</div></article>"
    )
    return (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
        f"<title>peertui</title><style>{certificate_css()}</style></head>"
        f"<body>{body}</body></html>"
    )


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes (imports WeasyPrint on first use; ``PdfUnavailable``)."""
    return Renderer().pdf(certificate_html(data))


def certificate_texts(data: CertificateData) -> str:
    """Every stored text on the certificate (for the font coverage check)."""
    return "".join([data.alias, data.organisation, data.course_title, *data.signers])


# --- from the store ---------------------------------------------------------------------------


def _library(content_root: ContentRoot) -> Library:
    if content_root is None:
        return load_library()
    if isinstance(content_root, (str, Path)):
        return load_library([Path(content_root)])
    return load_library([Path(p) for p in content_root])


def certificate_data(
    group: Group,
    person: Participant,
    *,
    today: date,
    library: Library | None,
) -> CertificateData:
    """What to print for ``person`` of ``group``. ``NotATrainee`` without a training record,
    ``NotReady`` (with ``explain``'s lines) when the rule is not met on ``today``."""
    record = person.training
    if record is None:
        raise NotATrainee()
    progress = rule.progress(record, group.start)
    if not progress.met:
        raise NotReady(rule.explain(progress, today))
    counted = [entry.teaching for entry in progress.entries if entry.counts]
    course = library.course(group.course) if library is not None else None
    return CertificateData(
        alias=person.alias,
        organisation=record.organisation,
        role=record.role,
        course_title=course.title if course is not None else t("certificate.course_title"),
        course_day=group.start,
        taught=progress.counted,
        audiences=frozenset(x.audience for x in counted),
        first_taught=min(x.held for x in counted),
        last_taught=max(x.held for x in counted),
        signers=tuple(name for name in group.facilitators if name.strip()),
        issued=record.certified or today,
        link=course.link if course is not None else None,
    )


def _write_unique(folder: Path, stem_parts: Sequence[str], data: bytes) -> Path:
    """Write ``data`` to ``<parts>.pdf`` in ``folder``, or ``<parts>-2.pdf`` ... if taken:
    never overwrites (``os.link`` refuses atomically)."""
    base = files.file_name(*stem_parts)
    for copy in range(1, MAX_COPIES + 1):
        name = base if copy == 1 else files.file_name(*stem_parts, str(copy))
        target = files.inside(folder, name)
        if target.exists() or target.is_symlink():
            continue
        try:
            files.write_atomic(target, data, force=False)
        except OutputExists:
            continue  # appeared in the meantime
        return target
    raise OutputExists(folder, (files.inside(folder, base),))


def print_certificate(
    store: Store,
    group_id: str,
    participant_id: str,
    out_dir: Path | str,
    *,
    today: date,
    content_root: ContentRoot = None,
    library: Library | None = None,
) -> CertificateResult:
    """Print the certificate of ``participant_id`` into ``out_dir`` (which must exist).

    Raises, before anything is written: the store's ``NotFound``; ``NotATrainee``;
    ``NotReady`` (``.lines``: what is missing); ``OutputFolderMissing`` /
    ``OutputNotWritable``; ``BadLink`` for an unusable course link; ``PdfUnavailable``.
    On the first print the store records ``certified = today`` (just before the file is
    moved into place); a reprint keeps (and prints) the first date. A read-only store is not
    written to: the PDF is made, ``recorded`` is False, and the date printed is ``today``."""
    group = store.group(group_id)
    person = store.participant(group_id, participant_id)
    if library is None:
        library = _library(content_root)
    data = certificate_data(group, person, today=today, library=library)
    folder = files.check_folder(Path(out_dir))
    pdf = render_certificate(data)
    assert person.training is not None  # certificate_data checked it
    first = person.training.certified is None
    recorded = False
    if first and not store.read_only:
        # Recorded before the file is moved into place: the date on paper is then always
        # the stored one (a failed save stops here, with nothing written).
        store.set_certified(group_id, participant_id, data.issued)
        recorded = True
    path = _write_unique(
        folder, (t("certificate.file"), files.day_part(data.issued), person.id), pdf
    )
    notices = (
        (t("export.uncovered_characters"),) if uncovered_characters(certificate_texts(data)) else ()
    )
    return CertificateResult(
        path=path, issued=data.issued, recorded=recorded, first_print=first, notices=notices
    )


def write_certificate(
    store: Store,
    group_id: str,
    participant_id: str,
    out_dir: Path | str,
    *,
    today: date,
    content_root: ContentRoot = None,
) -> Path:
    """``print_certificate``, returning the written file's path (the shared contract)."""
    return print_certificate(
        store, group_id, participant_id, out_dir, today=today, content_root=content_root
    ).path
