"""The trainee's certificate ("Bevis") for the course "Bliv inddragelsesfacilitator".

One A4 page, printed with the exporter's own parts: the bundled fonts (``sheets.font_faces``),
the WeasyPrint renderer with the fetcher that serves only those fonts and the registered logo
(``pdf.Renderer``, WeasyPrint imported on first use), the footer QR code (``sheets.qr_code``:
a real link or a text that explains the certificate, never a placeholder), a Jinja2 template
that escapes every stored text (``templates/certificate.html.j2``) and the atomic 0600 file
writing (``files.write_atomic``). The issuing organisation (``Issuer``: name, line, logo) is at
the top; its signing roles get signature lines after the course's trainers.

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

from peertui import labels
from peertui import training as rule
from peertui.content import load_library
from peertui.export import files
from peertui.export.errors import ExportError, OutputExists
from peertui.export.from_store import issuer_from
from peertui.export.model import NO_ISSUER, Issuer
from peertui.export.pdf import ASSETS, Renderer
from peertui.export.sheets import (
    font_faces,
    logo_url,
    qr_code,
    uncovered_characters,
)
from peertui.export.templating import render
from peertui.formats import day_month, long_date
from peertui.i18n import N_, _
from peertui.store.schema import ROLES

if TYPE_CHECKING:
    from markupsafe import Markup

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
        super().__init__(_("The certificate cannot be printed yet."))
        self.lines = list(lines)


class NotATrainee(ExportError):
    """The participant has no training record (not a trainee of a course)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The participant is not a trainee: there is no information about "
                "organisation, role and teaching. Certificates can only be printed for "
                "trainees."
            )
        )


@dataclass(frozen=True, slots=True)
class CertificateData:
    """Everything printed on the certificate. The texts are printed literally (escaped).
    ``organisation`` is the trainee's own workplace; ``issuer`` the organisation that issues
    the certificate (printed at the top, with its logo, and its signing roles)."""

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
    link: str | None  # the course's page (used only if it is a real https address)
    issuer: Issuer = NO_ISSUER  # the organisation that issues it, and its signing roles


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


def _audience_key(audiences: frozenset[str]) -> str:
    if audiences == frozenset({"citizens"}):
        return N_("and has since taught {count} citizens to use personal statements {period}.")
    if audiences == frozenset({"colleagues"}):
        return N_("and has since taught {count} colleagues to use personal statements {period}.")
    return N_(
        "and has since taught {count} colleagues and citizens to use personal statements {period}."
    )


def _day(day: date, *, year: bool = True) -> str:
    """``3. marts 2025`` (or ``3. marts``) that never breaks across lines."""
    text = long_date(day) if year else day_month(day)
    return text.replace(" ", "\u00a0")


def _period(first: date, last: date) -> str:
    if first == last:
        return _("on {day}", day=_day(first))
    start = _day(first, year=first.year != last.year)
    return _("in the period {start} to {end}", start=start, end=_day(last))


@dataclass(frozen=True, slots=True)
class Signature:
    """One line to sign on: the name (or the office) under it, and a smaller line under that."""

    name: str
    role: str
    office: bool = False  # one of the organisation's signing roles, not a trainer


def signature_rows(signers: Sequence[str], issuer: Issuer) -> list[list[Signature]]:
    """The course's trainers (each named, "Underviser på kurset"), then the organisation's
    signing roles (the role under the line, "Kursusleder": the organisation is named at the
    top); with neither, one unnamed line. As few rows of at most ``SIGNATURES_PER_ROW`` as
    possible, evenly filled: 5 are 3 + 2, not 4 + 1."""
    blocks = [Signature(name, _("Trainer on the course")) for name in signers if name.strip()]
    blocks += [Signature(role.strip(), "", True) for role in issuer.signers if role.strip()]
    if not blocks:
        blocks = [Signature(_("Signature"), _("Trainer on the course"))]
    rows_needed = -(-len(blocks) // SIGNATURES_PER_ROW)
    per_row = -(-len(blocks) // rows_needed)
    return [blocks[i : i + per_row] for i in range(0, len(blocks), per_row)]


@dataclass(frozen=True, slots=True)
class CertificateCode:
    """The certificate's QR code (our SVG, Markup), the line about it and, for a link, the
    address."""

    code: Markup | str
    explain: str
    url: str | None


def certificate_code(data: CertificateData) -> CertificateCode | None:
    """Where the code leads (``links.qr_target``): the course's real page, the organisation's
    link or website, or a text that explains the certificate. ``BadLink`` for an address too
    long for the code."""
    code, url = qr_code("certificate", data.link, data.issuer)
    if not code:  # pragma: no cover - the certificate always explains itself
        return None
    if url is None:
        explain = _("Scan the code to read what the certificate shows.")
    elif url == (data.link or "").strip():
        explain = _("Read about the course:")  # the course's own page
    else:
        explain = _("Read more:")  # the organisation's link or website
    return CertificateCode(code, explain, url)


def certificate_title(data: CertificateData) -> str:
    """The PDF's title: "Bevis – Lene"."""
    return _("{kind} – {name}", kind=_("Certificate"), name=data.alias.strip())


def certificate_html(data: CertificateData) -> str:
    """The whole HTML document for one certificate (templates/certificate.html.j2). Every
    stored text is escaped by the template; the title is "Bevis – <alias>", the author the
    organisation's name."""
    from markupsafe import Markup  # with Jinja2, when the first certificate is laid out

    return render(
        "certificate.html.j2",
        title=certificate_title(data),
        author=data.issuer.name.strip(),
        css=Markup(certificate_css()),  # our own files: trusted
        data=data,
        issuer=data.issuer,
        logo_url=logo_url(data.issuer),
        role=_(labels.TRAINING_ROLE[data.role]) if data.role in ROLES else "",
        long_alias=len(data.alias) > LONG_ALIAS,
        course_day=_day(data.course_day),
        taught_key=_audience_key(data.audiences),
        period=_period(data.first_taught, data.last_taught),
        issued=_day(data.issued),
        signature_rows=signature_rows(data.signers, data.issuer),
        qr=certificate_code(data),
    )


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes (imports WeasyPrint on first use; ``PdfUnavailable``)."""
    html = certificate_html(data)  # first: a BadLink stops before WeasyPrint loads
    renderer = Renderer()
    if data.issuer.logo:
        renderer.allow_png(data.issuer.logo)
    return renderer.pdf(html)


def certificate_texts(data: CertificateData) -> str:
    """Every stored text on the certificate (for the font coverage check)."""
    issuer = data.issuer
    texts = (data.alias, data.organisation, data.course_title, *data.signers)
    return "".join((*texts, issuer.name, issuer.line, *issuer.signers))


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
    issuer: Issuer = NO_ISSUER,
) -> CertificateData:
    """What to print for ``person`` of ``group``, issued by ``issuer``. ``NotATrainee``
    without a training record, ``NotReady`` (with ``explain``'s lines) when the rule is not
    met on ``today``."""
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
        course_title=course.title if course is not None else _("Become an Inclusion Facilitator"),
        course_day=group.start,
        taught=progress.counted,
        audiences=frozenset(x.audience for x in counted),
        first_taught=min(x.held for x in counted),
        last_taught=max(x.held for x in counted),
        signers=tuple(name for name in group.facilitators if name.strip()),
        issued=record.certified or today,
        link=course.link if course is not None else None,
        issuer=issuer,
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
    issuer = issuer_from(store.organisation())
    data = certificate_data(group, person, today=today, library=library, issuer=issuer)
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
    path = _write_unique(folder, (_("certificate"), files.day_part(data.issued), person.id), pdf)
    notices = (
        (
            _(
                "Some characters (e.g. certain emoji) are not in the sheet's fonts and "
                "will show as a square on paper. They are included in the PDF file's "
                "text."
            ),
        )
        if uncovered_characters(certificate_texts(data))
        else ()
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
