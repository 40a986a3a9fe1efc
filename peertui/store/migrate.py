"""Schema versions of the data files, and the migrations between them.

Every data file is a TinyDB document: ``{table name: {doc id: document}}``. Its ``meta`` table
holds one document, ``{"kind": "store" | "group", "schema": N}``. ``SCHEMA`` is the version this
peertui writes. Opening an older file migrates it (after a pinned backup of the old file); a
file with a higher version was written by a newer peertui and is refused, untouched.

Schemas 1 to 3 were written only by test versions of peertui before its first release (no
volunteer's data folder holds them), so their migrations were removed with the data model's
rewrite: such a file is refused with a message, never changed. A future schema 5 adds
``STEPS[4]``, a function that turns a schema-4 file's tables into schema-5 tables.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from peertui.store.errors import StoreDamaged, StoreTooNew, StoreTooOld

SCHEMA = 4
OLDEST = 4  # the oldest schema this peertui reads
KINDS = ("store", "group")
META = "meta"

Tables = dict[str, dict[str, Any]]

# STEPS[n] turns a schema-n file into a schema-(n + 1) file, in place on a copy.
STEPS: dict[int, Callable[[Tables, str], Tables]] = {}


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


def migrate(data: Tables, rel: str) -> tuple[Tables, int]:
    """``data`` at the current schema, and the schema it had. Never changes ``data`` itself.

    ``StoreTooNew`` for a newer file, ``StoreTooOld`` for one from before ``OLDEST``,
    ``StoreDamaged`` for one that is not a data file.
    """
    kind, found = check_tables(data, rel)
    if found > SCHEMA:
        raise StoreTooNew(rel, found, SCHEMA)
    if found < OLDEST:
        raise StoreTooOld(rel, found, OLDEST)
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
