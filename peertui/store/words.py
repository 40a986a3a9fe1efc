"""A participant's own words: personal statements and worksheets, and the facilitators'
meeting logs (plain functions over one group file; the ``Store`` facade holds the files, the
lock and the clock). Statements and worksheets need the participant's consent to keep them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from msgspec.structs import replace
from tinydb.table import Document

from peertui.i18n import _
from peertui.store import checks, people, schema
from peertui.store.errors import InvalidInput, NotFound
from peertui.store.layout import DataFile
from peertui.store.schema import (
    PROMPTS,
    WORKSHEET_KINDS,
    WORKSHEET_VERSIONS_MAX,
    MeetingLog,
    Statement,
    StatementVersion,
    Worksheet,
    WorksheetContent,
    WorksheetVersion,
)

STATEMENTS = "statements"
WORKSHEETS = "worksheets"
MEETING_LOGS = "meeting_logs"
KEEP = "store_statement"  # the consent every saved word needs


def _answers(answers: Sequence[str]) -> tuple[str, ...]:
    items = tuple(answers)
    if len(items) != PROMPTS:
        raise InvalidInput(_("A personal statement has {count} answers.", count=PROMPTS), "answers")
    return items


# --- personal statements ----------------------------------------------------------------------


def statements(data_file: DataFile, participant_id: str | None = None) -> list[Statement]:
    found = data_file.all(STATEMENTS, Statement)
    if participant_id is not None:
        found = [s for s in found if s.participant == participant_id]
    return sorted(found, key=lambda s: s.id)


def _statement_doc(data_file: DataFile, statement_id: str) -> Document:
    doc = data_file.find(STATEMENTS, id=statement_id)
    if doc is None:
        raise NotFound("statement", statement_id)
    return doc


def statement(data_file: DataFile, statement_id: str) -> Statement:
    return data_file.one(STATEMENTS, Statement, _statement_doc(data_file, statement_id))


def create_statement(
    data_file: DataFile, participant_id: str, answers: Sequence[str], occasion: str, now: datetime
) -> Statement:
    """A new personal statement. Needs the participant's consent to keep it."""
    people.require(data_file, participant_id, KEEP)
    new = checks.accept(
        Statement(
            id=schema.new_id(),
            participant=participant_id,
            occasion=occasion.strip() if isinstance(occasion, str) else occasion,
            versions=(StatementVersion(saved=now, answers=_answers(answers)),),
        )
    )
    data_file.table(STATEMENTS).insert(schema.to_doc(new))
    return new


def save_statement(
    data_file: DataFile,
    statement_id: str,
    answers: Sequence[str],
    occasion: str | None,
    now: datetime,
    *,
    new_version: bool,
) -> Statement:
    """An edit replaces the current version's answers; ``new_version`` keeps the earlier.
    Answers the same as the current version's (and no new occasion) change nothing: no
    version is ever kept without a change."""
    doc = _statement_doc(data_file, statement_id)
    old = data_file.one(STATEMENTS, Statement, doc)
    people.require(data_file, old.participant, KEEP)
    version = StatementVersion(saved=now, answers=_answers(answers))
    if version.answers == old.answers and occasion in (None, old.occasion):
        return old
    versions = (*old.versions, version) if new_version else (*old.versions[:-1], version)
    changes: dict[str, object] = {"versions": versions}
    if occasion is not None:
        changes["occasion"] = occasion.strip() if isinstance(occasion, str) else occasion
    new = checks.accept(replace(old, **changes))
    data_file.table(STATEMENTS).update(schema.to_doc(new), doc_ids=[doc.doc_id])
    return new


def delete_statement(data_file: DataFile, statement_id: str) -> None:
    doc = _statement_doc(data_file, statement_id)
    data_file.table(STATEMENTS).remove(doc_ids=[doc.doc_id])


# --- worksheets -----------------------------------------------------------------------------


def worksheets(data_file: DataFile, participant_id: str | None = None) -> list[Worksheet]:
    # Worksheet is a union, which msgspec converts to but ``type[R]`` cannot name (a type
    # form, PEP 747): the one argument mypy cannot check.
    found: list[Worksheet] = data_file.all(WORKSHEETS, Worksheet)  # type: ignore[arg-type]
    if participant_id is not None:
        found = [w for w in found if w.participant == participant_id]
    return sorted(found, key=lambda w: (w.participant, w.kind))


def worksheet(data_file: DataFile, participant_id: str, kind: str) -> Worksheet | None:
    for sheet in worksheets(data_file, participant_id):
        if sheet.kind == kind:
            return sheet
    return None


def save_worksheet(
    data_file: DataFile,
    participant_id: str,
    content: WorksheetContent,
    now: datetime,
    *,
    new_version: bool,
) -> Worksheet:
    """The first save makes the worksheet, with one version. After that, ``new_version`` adds
    a version (beyond ``WORKSHEET_VERSIONS_MAX`` the oldest is dropped); without it the current
    version is replaced. Content the same as the current version's changes nothing: no version
    is ever kept without a change. Needs the consent to keep the participant's words."""
    people.require(data_file, participant_id, KEEP)
    if not isinstance(content, WorksheetContent):
        raise InvalidInput(_("'{field}' must be one of: {allowed}.", field=_("Worksheet"),
                             allowed=", ".join(WORKSHEET_KINDS)), "kind")  # fmt: skip
    sheet = checks.accept(schema.single_worksheet(participant_id, now, content))
    table = data_file.table(WORKSHEETS)
    existing = data_file.find(WORKSHEETS, participant=participant_id, kind=sheet.kind)
    if existing is None:
        table.insert(schema.to_doc(sheet))
        return sheet
    old: Worksheet = data_file.one(WORKSHEETS, Worksheet, existing)  # type: ignore[arg-type]
    if sheet.content == old.content:
        return old
    versions = list(schema.sheet_versions(old))
    if new_version:
        versions = [*versions, sheet.current][-WORKSHEET_VERSIONS_MAX:]
    else:
        versions[-1] = sheet.current
    new = schema.worksheet(participant_id, versions)
    table.update(schema.to_doc(new), doc_ids=[existing.doc_id])
    return new


def worksheet_history(
    data_file: DataFile, participant_id: str, kind: str
) -> list[WorksheetVersion]:
    """The versions of one worksheet, oldest first (empty if there is none yet)."""
    if kind not in WORKSHEET_KINDS:
        raise InvalidInput(_("'{field}' must be one of: {allowed}.", field=_("Worksheet"),
                             allowed=", ".join(WORKSHEET_KINDS)), "kind")  # fmt: skip
    people.participant(data_file, participant_id)
    sheet = worksheet(data_file, participant_id, kind)
    return schema.sheet_versions(sheet) if sheet is not None else []


# --- meeting logs ---------------------------------------------------------------------------


def meeting_logs(data_file: DataFile) -> list[MeetingLog]:
    return sorted(data_file.all(MEETING_LOGS, MeetingLog), key=lambda m: m.meeting)


def meeting_log(data_file: DataFile, meeting: int) -> MeetingLog | None:
    for entry in meeting_logs(data_file):
        if entry.meeting == meeting:
            return entry
    return None


def save_meeting_log(data_file: DataFile, entry: MeetingLog) -> MeetingLog:
    """Save the log of one meeting (replacing an earlier log of the same meeting)."""
    entry = checks.accept(entry)
    table = data_file.table(MEETING_LOGS)
    existing = data_file.find(MEETING_LOGS, meeting=entry.meeting)
    if existing is None:
        table.insert(schema.to_doc(entry))
    else:
        table.update(schema.to_doc(entry), doc_ids=[existing.doc_id])
    return entry


def carry_over(data_file: DataFile, meeting: int) -> str:
    """The carry-over note for ``meeting``: from the latest logged meeting before it."""
    earlier = [m for m in meeting_logs(data_file) if m.meeting < meeting]
    return earlier[-1].carry_over if earlier else ""
