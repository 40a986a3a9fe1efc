"""Trainee records of schema 3 and older, and turning them into trainees of training groups.

Up to schema 3, ``store.json`` held a ``trainees`` table of its own: ``{"id", "name",
"course_date", "teachings": [{"held", "audience", "count", "note"}], "certified"}``, and an
export of format 3 or older a top-level ``"trainees"`` list of the same records. Since schema 4 a
trainee is a participant (with ``training``) of a group on the training course. Nothing is lost
on the way (docs/training.md, "Trainee records from before"):

- the records of one course day become the trainees of one new group on
  ``bliv-inddragelsesfacilitator``, named after the day ("Kursusdag 01.02.2025"), with that
  day as its start and, as for any new group, a retention date one year later; no facilitators;
- a trainee keeps their id (so a record is never moved twice, and ``forget`` can reach the old
  copies in the backups of ``store.json``), ``name`` becomes the alias (two with the same name
  on one day: "Kim", "Kim (2)"), the course day the day added, ``taking_part`` consent given on
  the course day (they took part in it), and a ``training`` with organisation ``""`` (not
  known) and role ``peer`` (not known either; both can be changed on the trainee page);
- teachings keep date, audience, count and note, get an id and, for colleagues, citizen contact
  "not known" (``None``): they do not count toward the certificate until it is filled in;
- the certificate day is kept.

Pure functions; the store decides when to call them (peertui/store/repo.py).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from peertui.store.errors import StoreDamaged
from peertui.store.migrate import check_tables
from peertui.store.model import (
    LIST_MAX,
    NAME_MAX,
    Consent,
    Group,
    GroupData,
    Parser,
    Participant,
    ShapeError,
    Teaching,
    Training,
    new_id,
)
from peertui.store.storage import dumps, write_atomic
from peertui.strings import t

Tables = dict[str, dict[str, Any]]

#: The table in ``store.json`` (schema 3 and older) and the key in exports (format 3 and older).
OLD_TRAINEES = "trainees"
#: The course the old records were about.
COURSE = "bliv-inddragelsesfacilitator"
#: As the group form's default (peertui/ui/group_form.py): one year after the start.
RETENTION_DAYS = 365
#: What the old records did not know.
ORGANISATION = ""
ROLE = "peer"


@dataclass(frozen=True, slots=True)
class OldTrainee:
    """One trainee record of schema 3 and older (read only: nothing makes new ones)."""

    id: str
    name: str
    course_date: date
    teachings: tuple[Teaching, ...] = ()
    certified: date | None = None

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> OldTrainee:
        d = p.obj(doc, path, ("id", "name", "course_date", "teachings", "certified"))
        teachings = p.list(d["teachings"], f"{path}.teachings", LIST_MAX)
        return cls(
            id=p.ident(d["id"], f"{path}.id"),
            name=p.text(d["name"], f"{path}.name", limit=NAME_MAX, empty=False),
            course_date=p.day(d["course_date"], f"{path}.course_date"),
            teachings=tuple(
                Teaching.from_doc(x, p, f"{path}.teachings[{i}]") for i, x in enumerate(teachings)
            ),
            certified=p.optional_day(d["certified"], f"{path}.certified"),
        )


def read_old_trainees(docs: Iterable[Any], p: Parser, path: str) -> tuple[OldTrainee, ...]:
    """Parse old records (in their stored order). ``ShapeError`` if one is wrong or an id
    appears twice."""
    found = tuple(OldTrainee.from_doc(x, p, f"{path}[{i}]") for i, x in enumerate(docs))
    if len({x.id for x in found}) != len(found):
        raise ShapeError(path, "duplicate")
    return found


def _alias(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)", "name (3)" ... if the group has it already (ignoring case)."""
    alias, n = name, 1
    while alias.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        alias = name[: NAME_MAX - len(suffix)] + suffix
    taken.add(alias.casefold())
    return alias


def _teachings(old: Sequence[Teaching]) -> tuple[Teaching, ...]:
    seen: set[str] = set()
    out = []
    for x in old:
        if not x.id or x.id in seen:
            x = replace(x, id=new_id())
        seen.add(x.id)
        out.append(x)
    return tuple(sorted(out, key=lambda x: (x.held, x.id)))


def training_groups(records: Iterable[OldTrainee], taken: set[str]) -> tuple[GroupData, ...]:
    """One new training group per course day for the ``records`` whose id is not in ``taken``
    (the participant ids already in the store: those were moved before). By course day."""
    by_day: dict[date, list[OldTrainee]] = {}
    for record in records:
        if record.id not in taken:
            by_day.setdefault(record.course_date, []).append(record)
    groups = []
    for day in sorted(by_day):
        group = Group(
            id=new_id(),
            name=t("store.old_trainees_group", day=day.strftime("%d.%m.%Y")),
            course=COURSE,
            facilitators=(),
            start=day,
            retention=day + timedelta(days=RETENTION_DAYS),
        )
        aliases: set[str] = set()
        participants = tuple(
            Participant(
                id=x.id,
                alias=_alias(x.name, aliases),
                added=day,
                consents={"taking_part": Consent(given=day)},
                training=Training(
                    organisation=ORGANISATION,
                    role=ROLE,
                    teachings=_teachings(x.teachings),
                    certified=x.certified,
                ),
            )
            for x in by_day[day]
        )
        groups.append(GroupData(group=group, participants=participants))
    return tuple(groups)


# --- erasing old records from store.json and its copies -----------------------------------


def drop_old_trainees(tables: Tables, ids: set[str]) -> Tables:
    """``store.json`` tables without the old records of ``ids`` (the schema stays as it was)."""
    table = tables.get(OLD_TRAINEES)
    if not isinstance(table, dict):
        return tables
    kept = {k: d for k, d in table.items() if not (isinstance(d, dict) and d.get("id") in ids)}
    if len(kept) == len(table):
        return tables
    return {**tables, OLD_TRAINEES: kept}


def scrub_copy(path: Path, rel: str, ids: set[str]) -> str | None:
    """Erase the old records of ``ids`` from one copy of ``store.json`` (a backup, a damaged
    copy). "rewritten" or "deleted" if it was changed, None if it held none of them. A copy
    that cannot be read is deleted only if it holds one of the ids (a record's id is written
    before its name and teachings, so a cut-off copy that holds them holds the id)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        tables = json.loads(raw.decode("utf-8"))
        check_tables(tables, rel)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, StoreDamaged):
        if any(x.encode("ascii") in raw for x in ids):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return "deleted"
        return None
    cleaned = drop_old_trainees(tables, ids)
    if cleaned is tables:
        return None
    write_atomic(path, dumps(cleaned), rel)
    return "rewritten"


def has_old_trainees(tables: Tables) -> bool:
    return bool(tables.get(OLD_TRAINEES))


def without_old_trainees(tables: Tables) -> Tables:
    return {k: v for k, v in tables.items() if k != OLD_TRAINEES}
