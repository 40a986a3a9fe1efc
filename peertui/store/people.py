"""Participants of one group: who they are, their consent per purpose, their attendance
(plain functions over one group file; the ``Store`` facade holds the files and the lock).
Erasing a participant is ``peertui.store.erasure``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from msgspec.structs import replace
from tinydb.table import Document

from peertui.i18n import _
from peertui.store import checks, schema
from peertui.store.errors import ConsentMissing, InvalidInput, NotFound
from peertui.store.layout import DataFile
from peertui.store.schema import PURPOSES, Attendance, Consent, Participant, Purpose

PARTICIPANTS = "participants"
ATTENDANCE_TABLE = "attendance"


def _doc(data_file: DataFile, participant_id: str) -> Document:
    doc = data_file.find(PARTICIPANTS, id=participant_id)
    if doc is None:
        raise NotFound("participant", participant_id)
    return doc


def participants(data_file: DataFile) -> list[Participant]:
    return sorted(data_file.all(PARTICIPANTS, Participant), key=lambda x: x.id)


def participant(data_file: DataFile, participant_id: str) -> Participant:
    return data_file.one(PARTICIPANTS, Participant, _doc(data_file, participant_id))


def find_participant(data_file: DataFile, ref: str) -> Participant:
    """A participant by id or by alias (aliases are unique in a group, ignoring case)."""
    for p in participants(data_file):
        if ref == p.id or p.alias.casefold() == ref.strip().casefold():
            return p
    raise NotFound("participant", "")


def _check_alias(data_file: DataFile, participant: Participant) -> Participant:
    """Trimmed, checked, and not already taken in the group (ignoring case)."""
    if isinstance(participant.alias, str):
        participant = replace(participant, alias=participant.alias.strip())
    participant = checks.accept(participant)
    folded = participant.alias.casefold()
    for doc in data_file.table(PARTICIPANTS).all():
        if doc["id"] != participant.id and doc["alias"].casefold() == folded:
            raise InvalidInput(
                _(
                    "There is already a participant with that name in "
                    "the group. Choose another one."
                ),
                "alias",
            )
    return participant


def _purpose(purpose: str) -> Purpose:
    if not schema.is_purpose(purpose):
        raise InvalidInput(
            _(
                "'{field}' must be one of: {allowed}.",
                field=_("Consent"),
                allowed=", ".join(PURPOSES),
            ),
            "purpose",
        )
    return purpose


def add_participant(
    data_file: DataFile, alias: str, consents: Iterable[str], day: date
) -> Participant:
    given = {_purpose(p): Consent(given=day) for p in consents}
    new = _check_alias(
        data_file, Participant(id=schema.new_id(), alias=alias, added=day, consents=given)
    )
    data_file.table(PARTICIPANTS).insert(schema.to_doc(new))
    return new


def _put(data_file: DataFile, new: Participant) -> Participant:
    doc = _doc(data_file, new.id)
    data_file.table(PARTICIPANTS).update(schema.to_doc(new), doc_ids=[doc.doc_id])
    return new


def rename_participant(data_file: DataFile, participant_id: str, alias: str) -> Participant:
    old = participant(data_file, participant_id)
    new = _check_alias(data_file, replace(old, alias=alias))
    return _put(data_file, new)


def give_consent(data_file: DataFile, participant_id: str, purpose: str, day: date) -> Participant:
    """Record consent for ``purpose`` (given again after a withdrawal: a new date)."""
    key = _purpose(purpose)
    old = participant(data_file, participant_id)
    consents = {**old.consents, key: Consent(given=day)}
    return _put(data_file, replace(old, consents=consents))


def withdraw_consent(
    data_file: DataFile, participant_id: str, purpose: str, day: date
) -> Participant:
    """Record that consent for ``purpose`` is withdrawn (``store_statement``: the store erases
    the words first, through ``peertui.store.erasure``)."""
    key = _purpose(purpose)
    old = participant(data_file, participant_id)
    current = old.consents.get(key)
    if current is None or current.withdrawn is not None:
        return old
    consents = {**old.consents, key: Consent(given=current.given, withdrawn=day)}
    return _put(data_file, replace(old, consents=consents))


def is_active(data_file: DataFile, participant_id: str, purpose: str) -> bool:
    return participant(data_file, participant_id).has_consent(purpose)


def require(data_file: DataFile, participant_id: str, purpose: str) -> None:
    if not is_active(data_file, participant_id, purpose):
        raise ConsentMissing(purpose)


# --- attendance -----------------------------------------------------------------------------


def attendance(data_file: DataFile, meeting: int | None = None) -> list[Attendance]:
    found = data_file.all(ATTENDANCE_TABLE, Attendance)
    if meeting is not None:
        found = [a for a in found if a.meeting == meeting]
    return sorted(found, key=lambda a: (a.meeting, a.participant))


def set_attendance(
    data_file: DataFile, meeting: int, participant_id: str, status: str
) -> Attendance:
    """Record a participant as present, absent or excused at meeting ``meeting``."""
    _doc(data_file, participant_id)
    # ``status`` is checked against the word list at the store's door, like a typed value.
    entry = checks.accept_new(
        Attendance, meeting=meeting, participant=participant_id, status=status
    )
    table = data_file.table(ATTENDANCE_TABLE)
    existing = data_file.find(ATTENDANCE_TABLE, meeting=meeting, participant=participant_id)
    if existing is None:
        table.insert(schema.to_doc(entry))
    else:
        table.update(schema.to_doc(entry), doc_ids=[existing.doc_id])
    return entry
