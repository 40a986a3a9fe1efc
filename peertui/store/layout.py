"""How the model is laid out in the data files (TinyDB tables), and one open data file.

A group file::

    {"meta":         {"1": {"kind": "group", "schema": 4}},
     "group":        {"1": <Group>},
     "participants": {"1": <Participant>, ...},
     "attendance":   {...}, "statements": {...}, "worksheets": {...}, "meeting_logs": {...}}

``store.json``::

    {"meta": {"1": {"kind": "store", "schema": 4}}}

The records are the documents of ``peertui.store.schema``; this module converts at the
storage boundary and nowhere else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from peertui.store import checks, schema, text
from peertui.store.checks import SchemaError
from peertui.store.errors import StoreDamaged
from peertui.store.files import AtomicJSONStorage, read_bytes
from peertui.store.migrate import META, check_tables, meta_table, migrate
from peertui.store.paths import backup_dir
from peertui.store.schema import (
    GROUP_TABLES,
    Attendance,
    Group,
    GroupData,
    MeetingLog,
    Participant,
    Statement,
    Worksheet,
)

Tables = dict[str, dict[str, Any]]
R = TypeVar("R")

GROUP = "group"
TYPES: dict[str, Any] = {
    "participants": Participant,
    "attendance": Attendance,
    "statements": Statement,
    "worksheets": Worksheet,
    "meeting_logs": MeetingLog,
}

# What a control character, DEL, a C1 control or a lone surrogate looks like inside the JSON
# text of a data file (escaped, or raw UTF-8 for C1). Newline and tab are written as \n, \t.
_UNCLEAN = re.compile(
    rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u[dD][89a-fA-F]|\xc2[\x80-\x9f]"
)


def _numbered(docs: list[Any]) -> dict[str, Any]:
    return {str(i): doc for i, doc in enumerate(docs, start=1)}


def in_order(table: dict[str, Any] | None) -> list[Any]:
    if not table:
        return []
    return [table[k] for k in sorted(table, key=int)]


def group_to_tables(data: GroupData) -> Tables:
    tables: Tables = {META: meta_table("group"), GROUP: {"1": schema.to_doc(data.group)}}
    for name in GROUP_TABLES:
        tables[name] = _numbered([schema.to_doc(x) for x in getattr(data, name)])
    return tables


def records(docs: list[Any], kind: type[R], path: str) -> tuple[R, ...]:
    """Documents of one table as records (``SchemaError`` names the first that is wrong)."""
    # A type built at run time from ``kind``: right for msgspec, not a type mypy can spell.
    return checks.convert(docs, tuple[kind, ...], path)  # type: ignore[valid-type]


def group_from_tables(tables: Tables, rel: str) -> GroupData:
    """Parse a group file (at the current schema). ``StoreDamaged`` if anything is off."""
    try:
        unknown = set(tables) - {META, GROUP, *GROUP_TABLES}
        groups = in_order(tables.get(GROUP))
        if unknown or len(groups) != 1:
            raise SchemaError(rel, "object")
        data = GroupData(
            checks.convert(groups[0], Group, GROUP),
            *(records(in_order(tables.get(n)), TYPES[n], n) for n in GROUP_TABLES),
        )
        checks.check_references(data, "")
    except SchemaError:
        raise StoreDamaged(rel) from None
    return data


def store_to_tables() -> Tables:
    return {META: meta_table("store")}


def _clean_tables(tables: Tables) -> None:
    """Clean every text of a data file in memory (a file written by hand or by an attacker
    may hold terminal control sequences); the next save writes it clean."""
    for _path, value, container, key in list(checks.walk_texts(tables)):
        if text.needs_cleaning(value):
            container[key] = text.clean(value)


def load_tables(path: Path, rel: str, kind: str, group_id: str | None = None) -> tuple[Tables, int]:
    """Read, check and (in memory) migrate one data file; return its tables and old schema.

    ``group_id``: the id a group file must hold (its file name). Raises
    ``FileNotFoundError``, ``StoreDamaged``, ``StoreTooNew`` or ``StoreTooOld``.
    """
    raw = read_bytes(path, rel)
    try:
        loaded = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise StoreDamaged(rel) from None
    tables, found = migrate(loaded, rel)
    if check_tables(tables, rel)[0] != kind:
        raise StoreDamaged(rel)
    if _UNCLEAN.search(raw):
        _clean_tables(tables)
    if kind == "group":
        data = group_from_tables(tables, rel)
        if group_id is not None and data.group.id != group_id:
            raise StoreDamaged(rel)
    elif set(tables) != {META}:
        raise StoreDamaged(rel)
    return tables, found


class DataFile:
    """One TinyDB database on one atomically written JSON file."""

    def __init__(
        self,
        data_dir: Path,
        rel: str,
        kind: str,
        tables: Tables,
        *,
        read_only: bool,
        clock: Callable[[], datetime],
    ) -> None:
        self.rel = rel
        self.kind = kind
        self.path = data_dir / rel
        self.backup_folder = backup_dir(data_dir, rel)
        self.storage = AtomicJSONStorage(
            self.path,
            rel=rel,
            data=tables,
            read_only=read_only,
            backup_folder=self.backup_folder,
            clock=clock,
            loader=self._load,
        )
        self.db = self._new_db()

    def _new_db(self) -> TinyDB:
        storage = self.storage
        return TinyDB(storage=lambda: storage)

    def _load(self) -> Tables:
        return load_tables(self.path, self.rel, self.kind)[0]

    def table(self, name: str) -> Table:
        return self.db.table(name, cache_size=0)

    def tables(self) -> Tables:
        data = self.storage.read()
        assert data is not None
        return data

    def replace(self, tables: Tables, *, backup: bool = True) -> None:
        """Write ``tables`` as the whole file, then start TinyDB afresh (its ids are cached)."""
        try:
            self.storage.replace_data(tables, backup=backup)
        finally:
            self.db = self._new_db()

    # -- records

    def find(self, name: str, **match: object) -> Document | None:
        """The first document of table ``name`` whose fields equal ``match``."""
        for doc in self.table(name).all():
            if all(doc.get(k) == v for k, v in match.items()):
                return doc
        return None

    def all(self, name: str, kind: type[R]) -> list[R]:
        """Every record of table ``name``."""
        return list(records(self.table(name).all(), kind, name))

    def one(self, name: str, kind: type[R], doc: Any) -> R:
        return checks.convert(doc, kind, name)

    def group(self) -> Group:
        doc = self.table(GROUP).get(doc_id=1)
        return checks.convert(doc, Group, GROUP)

    def data(self) -> GroupData:
        return group_from_tables(self.tables(), self.rel)
