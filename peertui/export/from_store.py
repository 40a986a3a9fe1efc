"""From the store to the exporter: which sheets to print for a group, with consent applied.

``plan_export`` reads a group from an open store and returns the sheets to print (the
dataclasses in ``peertui.export.model``) and counts for the notices. It decides nothing about
screens or the command line, and imports neither Textual nor WeasyPrint; the CLI
(``peertui.cli.export``) and the TUI (``peertui.ui.screens.export``) both call it.

Consent, as decided for peertui (docs/export.md, "Consent"):

* a participant's sheets are printed only with an active ``printing`` consent; the others are
  left out, and the plan counts them (never names them);
* a digital copy (a QR code holding the statement's text) only when the caller asked for it
  *and* the participant has an active ``digital_copy`` consent;
* the group summary has no participant text and no names, so it needs no consent.

Every sheet carries the organisation's profile (``Store.organisation``) as an ``Issuer``
(``issuer_from``): printed at the top of each sheet, and its links used for the QR codes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from peertui import labels
from peertui.export.errors import OutputNotWritable
from peertui.export.model import (
    NO_ISSUER,
    Goal,
    GoalsSheet,
    GroupSummary,
    Issuer,
    MeetingSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    Sheet,
    StatementSheet,
)
from peertui.i18n import _
from peertui.store.organisation import logo_png
from peertui.store.schema import LINK_KINDS, PersonalGoals, SafetyPlan

if TYPE_CHECKING:
    from peertui.content import Course, Library
    from peertui.store.schema import Organisation, Participant, Statement, Worksheet
    from peertui.store.store import Store

#: What can be printed, in the order the sheets of one participant come out.
PARTICIPANT_KINDS: tuple[str, ...] = ("statement", "goals", "safety", "network")
#: ``--what`` choices: one kind, the summary alone, or everything.
WHAT_CHOICES: tuple[str, ...] = (*PARTICIPANT_KINDS, "summary", "all")
DEFAULT_WHAT = "statement"

#: The worksheet kind in the store for each printable kind.
STORE_KIND: dict[str, str] = {
    "goals": "goals",
    "safety": "safety_plan",
    "network": "network_map",
}
#: The guide page whose ``link`` goes into each sheet's footer QR code.
GUIDE_PAGE: dict[str, str] = {
    "statement": "personligt-statement",
    "goals": "personlige-maal",
    "safety": "tryghedsplan",
    "network": "netvaerkskort",
}


#: The folder sheets go to when none is chosen, in the working directory. A missing folder
#: (this one or one given) is created readable by this user only, if its parent exists.
DEFAULT_OUT_NAME = "peertui-udskrifter"


def default_out_dir() -> Path:
    """``./peertui-udskrifter``, as an absolute path (so the facilitator sees where)."""
    return Path.cwd() / DEFAULT_OUT_NAME


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (one level) readable by this user only (0700), if it is missing.
    An existing folder is used as it is. ``OSError`` if it cannot be made."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        return folder
    os.chmod(folder, 0o700)  # whatever the umask
    return folder


def prepare_out_dir(folder: Path) -> bool:
    """Create ``folder`` (0700) if it is missing and its parent is a folder; True if it was
    made. Anything else (an existing folder, a missing parent, a file) is left for
    ``export_sheets`` to check and name. ``OutputNotWritable`` if it cannot be made."""
    folder = folder.expanduser()
    if folder.exists() or folder.is_symlink() or not folder.parent.is_dir():
        return False
    try:
        make_private_folder(folder)
    except OSError as error:
        raise OutputNotWritable(folder.parent, error) from None
    return True


def kinds_for(what: str, *, one_participant: bool) -> tuple[tuple[str, ...], bool]:
    """The participant kinds to print and whether the group summary is included.

    ``all`` is every kind and, for the whole group, the summary too (with one participant it
    is that participant's sheets only: the summary is about the group)."""
    if what == "all":
        return PARTICIPANT_KINDS, not one_participant
    if what == "summary":
        return (), True
    if what in PARTICIPANT_KINDS:
        return (what,), False
    raise ValueError(f"what must be one of {WHAT_CHOICES}")


def issuer_from(organisation: Organisation) -> Issuer:
    """The organisation's profile as the exporter prints it (the logo as PNG bytes)."""
    links = tuple(
        (kind, organisation.links[kind]) for kind in LINK_KINDS if kind in organisation.links
    )
    return Issuer(
        name=organisation.name,
        line=organisation.line,
        contact=organisation.contact,
        logo=logo_png(organisation),
        signers=tuple(organisation.signers),
        website=organisation.website,
        links=links,
    )


def guide_links(library: Library | None) -> dict[str, str | None]:
    """The footer link for each kind: the ``link`` of its guide page, if the page has one."""
    links: dict[str, str | None] = {}
    for kind, page_id in GUIDE_PAGE.items():
        page = library.page(page_id) if library is not None else None
        links[kind] = page.link if page is not None else None
    return links


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """The sheets to print and what the facilitator should be told about the rest.

    ``owners[i]`` is the participant id whose sheet ``sheets[i]`` is (``None`` for the group
    summary), so a screen can say which file is whose. The counts never come with names.
    ``title`` (the group's name) is the PDF title when every sheet goes into one file."""

    sheets: tuple[Sheet, ...]
    owners: tuple[str | None, ...]
    title: str = ""
    issuer: Issuer = NO_ISSUER
    no_printing_consent: int = 0  # participants left out: no printing consent
    missing: Mapping[str, int] = field(default_factory=dict)  # kind -> consented, nothing to print
    copy_without_consent: int = 0  # asked for a digital copy, no consent: printed without
    copies: int = 0  # statements that will carry a digital copy (if it fits)

    def notices(self) -> list[str]:
        """Danish lines for the facilitator: counts only, never a participant's alias."""
        lines = []
        if self.no_printing_consent:
            lines.append(
                _(
                    "Participants without consent to printing are not included: {count}.",
                    count=self.no_printing_consent,
                )
            )
        for kind in PARTICIPANT_KINDS:
            count = self.missing.get(kind, 0)
            if count:
                lines.append(
                    _(
                        "Participants with consent but without a {kind}: {count}.",
                        count=count,
                        kind=_(labels.EXPORT_PLAN_KIND[kind]),
                    )
                )
        if self.copy_without_consent:
            lines.append(
                _(
                    "Statements without a digital copy because there is no consent to it: {count}.",
                    count=self.copy_without_consent,
                )
            )
        return lines


def plan_export(
    store: Store,
    group_id: str,
    *,
    what: str = DEFAULT_WHAT,
    participant_id: str | None = None,
    links: Mapping[str, str | None] | None = None,
    link_override: str | None = None,
    digital_copy: bool = False,
    course: Course | None = None,
    today: date | None = None,
) -> ExportPlan:
    """The sheets for ``group_id`` (only ``participant_id``'s, if given), consent applied.

    ``links`` maps a kind to its guide link (see ``guide_links``); ``link_override`` replaces
    every link. ``course`` gives the summary its meeting titles and planned minutes. Raises
    the store's ``NotFound`` for an unknown group or participant."""
    day = today or store.clock().astimezone().date()
    kinds, summary = kinds_for(what, one_participant=participant_id is not None)
    everyone = store.participants(group_id)  # NotFound for an unknown group
    group = store.group(group_id)
    issuer = issuer_from(store.organisation())
    chosen = (
        [store.participant(group_id, participant_id)] if participant_id is not None else everyone
    )

    sheets: list[Sheet] = []
    owners: list[str | None] = []
    no_consent = 0
    missing = dict.fromkeys(kinds, 0)
    copy_refused = 0
    copies = 0
    if kinds:
        statements = store.statements(group_id) if "statement" in kinds else []
        worksheets = store.worksheets(group_id)
        for person in sorted(chosen, key=lambda p: p.alias.casefold()):
            if not person.has_consent("printing"):
                no_consent += 1
                continue
            for kind in kinds:
                link = link_override or (links or {}).get(kind)
                sheet = _sheet(kind, person, statements, worksheets, day, link)
                if sheet is None:
                    missing[kind] += 1
                    continue
                sheet = replace(sheet, issuer=issuer)
                if isinstance(sheet, StatementSheet) and digital_copy:
                    if person.has_consent("digital_copy"):
                        sheet = _with_copy(sheet)
                        copies += 1
                    else:
                        copy_refused += 1
                sheets.append(sheet)
                owners.append(person.id)
    if summary:
        summary_sheet = group_summary(store, group_id, course=course, today=day)
        sheets.append(replace(summary_sheet, issuer=issuer))
        owners.append(None)
    return ExportPlan(
        sheets=tuple(sheets),
        owners=tuple(owners),
        title=group.name,
        issuer=issuer,
        no_printing_consent=no_consent,
        missing={k: v for k, v in missing.items() if v},
        copy_without_consent=copy_refused,
        copies=copies,
    )


def _with_copy(sheet: StatementSheet) -> StatementSheet:
    return replace(sheet, digital_copy=True)


def newest_statement(statements: Sequence[Statement], participant_id: str) -> Statement | None:
    """The participant's statement saved last (a participant may keep several)."""
    own = [s for s in statements if s.participant == participant_id]
    if not own:
        return None
    return max(own, key=lambda s: (s.current.saved, s.id))


def _sheet(
    kind: str,
    person: Participant,
    statements: Sequence[Statement],
    worksheets: Sequence[Worksheet],
    day: date,
    link: str | None,
) -> Sheet | None:
    if kind == "statement":
        statement = newest_statement(statements, person.id)
        if statement is None:
            return None
        a = statement.answers
        return StatementSheet(
            person.alias, day, (a[0], a[1], a[2], a[3]), link, occasion=statement.occasion
        )
    found = next(
        (w for w in worksheets if w.participant == person.id and w.kind == STORE_KIND[kind]),
        None,
    )
    if found is None:
        return None
    content = found.content
    if isinstance(content, PersonalGoals):
        return GoalsSheet(
            person.alias,
            day,
            tuple(
                Goal(g.text, g.first_step, g.help_from, g.when, why=g.why) for g in content.goals
            ),
            link,
        )
    if isinstance(content, SafetyPlan):
        return SafetySheet(
            person.alias,
            day,
            warning_signs=content.warning_signs,
            own_strategies=content.own_strategies,
            distractions=content.distractions,
            people_to_ask=content.people_to_ask,
            professionals=content.professionals,
            safer_surroundings=content.safer_surroundings,
            most_important=content.most_important,
            link=link,
        )
    # The store knows only these three kinds: what is left is a network map.
    return NetworkSheet(
        person.alias,
        day,
        tuple(NetworkPerson(x.name, x.ring, x.sector, x.note) for x in content.people),
        link,
    )


def group_summary(
    store: Store, group_id: str, *, course: Course | None, today: date
) -> GroupSummary:
    """Attendance and planned vs actual minutes per meeting: counts and minutes only.

    Every meeting of the course plan is listed (planned minutes from the plan), and any
    meeting that has a log or attendance but is not in the plan. A meeting's log, when it has
    blocks, gives the planned minutes as they were that day and the actual minutes once at
    least one block's time is known. The log's notes and reflections are not printed."""
    group = store.group(group_id)
    participants = store.participants(group_id)
    logs = {log.meeting: log for log in store.meeting_logs(group_id)}
    counts: dict[int, dict[str, int]] = {}
    for entry in store.attendance(group_id):
        counts.setdefault(entry.meeting, {}).setdefault(entry.status, 0)
        counts[entry.meeting][entry.status] += 1
    titles: dict[int, str] = {}
    planned: dict[int, int] = {}
    if course is not None:
        for meeting in course.meetings:
            titles[meeting.number] = meeting.title
            planned[meeting.number] = meeting.planned_total
    numbers = sorted(set(titles) | set(logs) | set(counts))
    meetings = []
    for number in numbers:
        log = logs.get(number)
        planned_minutes = planned.get(number, 0)
        actual: int | None = None
        if log is not None and log.blocks:
            planned_minutes = sum(b.planned for b in log.blocks)
            if any(b.actual is not None for b in log.blocks):
                actual = sum(b.actual or 0 for b in log.blocks)
        seen = counts.get(number, {})
        meetings.append(
            MeetingSummary(
                number=number,
                title=titles.get(number, ""),
                held=log.held if log is not None else None,
                planned_minutes=planned_minutes,
                actual_minutes=actual,
                present=seen.get("present", 0),
                absent=seen.get("absent", 0),
                excused=seen.get("excused", 0),
            )
        )
    return GroupSummary(
        group_name=group.name,
        course=course.title if course is not None else group.course,
        date=today,
        participants=len(participants),
        meetings=tuple(meetings),
    )
