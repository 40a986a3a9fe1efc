"""Schema versions of the data files, and the migrations between them.

Every data file is a TinyDB document: ``{table name: {doc id: document}}``. Its ``meta`` table
holds one document, ``{"kind": "store" | "group", "schema": N}``. ``SCHEMA`` is the version this
peertui writes. Opening an older file migrates it (after a pinned backup of the old file); a
file with a higher version was written by a newer peertui and is refused, untouched.

History:
  1  statements held only their latest text: ``{"id", "participant", "occasion", "answers",
     "updated"}``.
  2  statements keep a version history: ``{"id", "participant", "occasion", "versions":
     [{"saved", "answers"}]}``.
  3  worksheets keep a version history: ``{"participant", "kind", "versions": [{"saved",
     "content"}]}`` instead of ``"updated"`` and ``"content"``; a goal also says why it
     matters (``"why"``, empty for goals written before).
  4  a trainee is a participant of a training group: participants may hold ``"training"``
     (organisation, role, teachings with ``"id"`` and ``"citizen_contact"``, certified), and
     ``store.json`` no longer holds a ``"trainees"`` table. Its old records become training
     groups when the store opens (``peertui.store.legacy``; that step writes new group files,
     so the store does it, not ``migrate``, which only ever changes one file).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from peertui.store.errors import StoreDamaged, StoreTooNew

SCHEMA = 4
KINDS = ("store", "group")
META = "meta"

Tables = dict[str, dict[str, Any]]


def check_tables(data: Any, rel: str) -> tuple[str, int]:
    """Check the TinyDB shape and read the meta document. ``StoreDamaged`` if it is wrong."""
    if not isinstance(data, dict):
        raise StoreDamaged(rel)
    for table in data.values():
        if not isinstance(table, dict):
            raise StoreDamaged(rel)
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise StoreDamaged(rel)
    meta = data.get(META)
    if not meta or len(meta) != 1:
        raise StoreDamaged(rel)
    (doc,) = meta.values()
    kind, schema = doc.get("kind"), doc.get("schema")
    if kind not in KINDS or isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise StoreDamaged(rel)
    return kind, schema


def meta_table(kind: str) -> dict[str, Any]:
    return {"1": {"kind": kind, "schema": SCHEMA}}


def _v1_to_v2(data: Tables, kind: str) -> Tables:
    if kind == "group":
        for doc in data.get("statements", {}).values():
            answers = doc.pop("answers", None)
            updated = doc.pop("updated", None)
            doc["versions"] = [{"saved": updated, "answers": answers}]
    return data


def worksheet_v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """One worksheet document from schema 2 to 3, in place: its current content becomes the
    first version of its history, and every goal gets an empty ``"why"``. (Also used for
    worksheets in exports of format 1.)"""
    content, updated = doc["content"], doc["updated"]
    if doc.get("kind") == "goals":
        for goal in content["goals"]:
            goal.setdefault("why", "")
    del doc["content"], doc["updated"]
    doc["versions"] = [{"saved": updated, "content": content}]
    return doc


def _v2_to_v3(data: Tables, kind: str) -> Tables:
    if kind == "group":
        for doc in data.get("worksheets", {}).values():
            worksheet_v2_to_v3(doc)
    return data


def _v3_to_v4(data: Tables, kind: str) -> Tables:
    """Group files: schema 4 only adds optional fields, nothing to change; the number still
    moves, so that an older peertui says it is too old instead of calling a trainee's file
    damaged. ``store.json``: its ``"trainees"`` stay for the store to move (see above); a
    ``store.json`` at schema 4 that still holds some is moved the same way."""
    return data


# STEPS[n] turns a schema-n file into a schema-(n + 1) file, in place on a copy.
STEPS: dict[int, Callable[[Tables, str], Tables]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(data: Tables, rel: str) -> tuple[Tables, int]:
    """``data`` at the current schema, and the schema it had. Never changes ``data`` itself.

    ``StoreTooNew`` for a newer file, ``StoreDamaged`` for one that is not a data file.
    """
    kind, found = check_tables(data, rel)
    if found > SCHEMA:
        raise StoreTooNew(rel, found, SCHEMA)
    if found == SCHEMA:
        return data, found
    result = copy.deepcopy(data)
    try:
        for version in range(found, SCHEMA):
            result = STEPS[version](result, kind)
    except (KeyError, TypeError, AttributeError, ValueError):
        raise StoreDamaged(rel) from None
    result[META] = meta_table(kind)
    return result, found
