"""How the model is laid out in the data files (TinyDB tables), and reading a file back.

A group file::

    {"meta":         {"1": {"kind": "group", "schema": 4}},
     "group":        {"1": <Group>},
     "participants": {"1": <Participant>, ...},
     "attendance":   {...}, "statements": {...}, "worksheets": {...}, "meeting_logs": {...}}

``store.json``::

    {"meta": {"1": {"kind": "store", "schema": 4}}}

(up to schema 3 it also held ``"trainees"``: old trainee records, read by
``peertui.store.legacy`` and moved into training groups when the store opens).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peertui.store.errors import StoreDamaged
from peertui.store.legacy import OLD_TRAINEES, OldTrainee, read_old_trainees
from peertui.store.migrate import META, check_tables, meta_table, migrate
from peertui.store.model import (
    GROUP_TABLES,
    LENIENT,
    Attendance,
    Group,
    GroupData,
    MeetingLog,
    Parser,
    Participant,
    ShapeError,
    Statement,
    Worksheet,
)
from peertui.store.storage import read_json

Tables = dict[str, dict[str, Any]]

GROUP = "group"


def _numbered(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(i): doc for i, doc in enumerate(docs, start=1)}


def _in_order(table: dict[str, Any] | None) -> list[Any]:
    if not table:
        return []
    return [table[k] for k in sorted(table, key=int)]


def group_to_tables(data: GroupData) -> Tables:
    return {
        META: meta_table("group"),
        GROUP: {"1": data.group.to_doc()},
        "participants": _numbered([x.to_doc() for x in data.participants]),
        "attendance": _numbered([x.to_doc() for x in data.attendance]),
        "statements": _numbered([x.to_doc() for x in data.statements]),
        "worksheets": _numbered([x.to_doc() for x in data.worksheets]),
        "meeting_logs": _numbered([x.to_doc() for x in data.meeting_logs]),
    }


def group_from_tables(tables: Tables, rel: str, p: Parser = LENIENT) -> GroupData:
    """Parse a group file (at the current schema). ``StoreDamaged`` if anything is off."""
    try:
        unknown = set(tables) - {META, GROUP, *GROUP_TABLES}
        groups = _in_order(tables.get(GROUP))
        if unknown or len(groups) != 1:
            raise ShapeError(rel, "object")
        data = GroupData(
            group=Group.from_doc(groups[0], p, "group"),
            participants=tuple(
                Participant.from_doc(x, p, "participants")
                for x in _in_order(tables.get("participants"))
            ),
            attendance=tuple(
                Attendance.from_doc(x, p, "attendance") for x in _in_order(tables.get("attendance"))
            ),
            statements=tuple(
                Statement.from_doc(x, p, "statements") for x in _in_order(tables.get("statements"))
            ),
            worksheets=tuple(
                Worksheet.from_doc(x, p, "worksheets") for x in _in_order(tables.get("worksheets"))
            ),
            meeting_logs=tuple(
                MeetingLog.from_doc(x, p, "meeting_logs")
                for x in _in_order(tables.get("meeting_logs"))
            ),
        )
        data.check_references("")
    except ShapeError:
        raise StoreDamaged(rel) from None
    return data


def store_to_tables() -> Tables:
    return {META: meta_table("store")}


def store_from_tables(tables: Tables, rel: str, p: Parser = LENIENT) -> tuple[OldTrainee, ...]:
    """Check a ``store.json`` (at the current schema); return the old trainee records it still
    holds (none once they are moved). ``StoreDamaged`` if anything is off."""
    try:
        if set(tables) - {META, OLD_TRAINEES}:
            raise ShapeError(rel, "object")
        return read_old_trainees(_in_order(tables.get(OLD_TRAINEES)), p, OLD_TRAINEES)
    except ShapeError:
        raise StoreDamaged(rel) from None


def load_tables(path: Path, rel: str, kind: str, group_id: str | None = None) -> tuple[Tables, int]:
    """Read, check and (in memory) migrate one data file; return its tables and old schema.

    ``group_id``: the id a group file must hold (its file name). Raises
    ``FileNotFoundError``, ``StoreDamaged`` or ``StoreTooNew``.
    """
    raw = read_json(path, rel)
    tables, found = migrate(raw, rel)
    if check_tables(tables, rel)[0] != kind:
        raise StoreDamaged(rel)
    if kind == "group":
        data = group_from_tables(tables, rel)
        if group_id is not None and data.group.id != group_id:
            raise StoreDamaged(rel)
    else:
        store_from_tables(tables, rel)
    return tables, found
