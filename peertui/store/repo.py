"""The repository: the one API the screens and the CLI use to read and change stored data.

    store = open_store(data_dir)            # takes the data folder's lock, or StoreLocked
    store = open_store(data_dir, read_only=True)
    group = store.create_group("Tirsdagsgruppen", "vejen-til-hverdagslivet", ...)

Every method that changes something has saved it durably when it returns, or raised
``SaveFailed`` and left the file as it was. Methods return frozen dataclasses from
``peertui.store.model``; nothing outside this package sees TinyDB.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import logging
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from peertui.store import backup as backups
from peertui.store.errors import (
    ConsentMissing,
    CprNumberRefused,
    ImportInvalid,
    InvalidInput,
    NotFound,
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    StoreTooNew,
    UnsafeDataDir,
)
from peertui.store.layout import (
    GROUP,
    group_from_tables,
    group_to_tables,
    load_tables,
    store_from_tables,
    store_to_tables,
)
from peertui.store.legacy import (
    OLD_TRAINEES,
    OldTrainee,
    drop_old_trainees,
    has_old_trainees,
    scrub_copy,
    training_groups,
    without_old_trainees,
)
from peertui.store.lock import DataLock
from peertui.store.migrate import SCHEMA, migrate
from peertui.store.model import (
    ATTENDANCE,
    AUDIENCES,
    NAME_MAX,
    PROMPTS,
    PURPOSES,
    ROLES,
    WORKSHEET_KINDS,
    WORKSHEET_VERSIONS_MAX,
    Attendance,
    Consent,
    Group,
    GroupData,
    MeetingLog,
    Parser,
    Participant,
    ShapeError,
    Statement,
    StatementVersion,
    Teaching,
    Training,
    Worksheet,
    WorksheetContent,
    WorksheetVersion,
    check_choice,
    clean_text,
    clean_texts,
    fmt_day,
    fmt_moment,
    new_id,
    to_second,
)
from peertui.store.paths import (
    DAMAGED_DIR,
    FILE_MODE,
    GROUPS_DIR,
    ID_RE,
    RUNS_DIR,
    STORE_NAME,
    backup_dir,
    group_rel,
    is_peertui_dir,
    is_temp_name,
    make_private_dir,
)
from peertui.store.storage import (
    AtomicJSONStorage,
    Tables,
    commit,
    dumps,
    fsync_dir,
    read_json,
    stage,
    utc_now,
    write_atomic,
)
from peertui.strings import DA, t

log = logging.getLogger(__name__)

STRICT = Parser(check_cpr=True)

P = ParamSpec("P")
R = TypeVar("R")


def _synchronized(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        assert isinstance(store, Store)
        with store._mutex:
            return method(*args, **kwargs)

    return wrapper


def _field_label(path: str) -> str:
    name = re.sub(r"\[\d+\]", "", path.rsplit(".", 1)[-1])
    key = f"field.{name}"
    return t(key) if key in DA else name


def _validated(obj: R, path: str) -> R:
    """``obj`` checked like an import: shapes, ranges, and no CPR numbers in any text."""
    try:
        return type(obj).from_doc(obj.to_doc(), STRICT, path)  # type: ignore[attr-defined, no-any-return]
    except ShapeError as exc:
        if exc.problem == "cpr":
            raise CprNumberRefused(_field_label(exc.path)) from None
        raise InvalidInput(exc.describe(), exc.path) from None


def _check_day(value: object, field_key: str) -> None:
    """A calendar day (not a moment, not a text). ``InvalidInput`` otherwise."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(t("store.invalid.day"), field_key)


# --- reports ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Erasure:
    """What an erasure did: files rewritten without the data, files deleted outright."""

    rewritten: int = 0
    deleted: int = 0


@dataclass(frozen=True, slots=True)
class RestoreOffer:
    rel: str  # the data file, e.g. groups/<id>.json
    backup: backups.Backup | None  # the newest good backup, None if there is none
    group_name: str | None = None  # from the backup, so the facilitator knows which group


@dataclass(frozen=True, slots=True)
class ExportBundle:
    groups: tuple[GroupData, ...]
    #: Trainee records from an export of format 3 or older: the import makes them trainees of
    #: training groups (``peertui.store.legacy``). Always empty in an export made now.
    trainees: tuple[OldTrainee, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int  # groups added (old trainee records make groups too)
    replaced: int  # groups replaced (replace mode) or unchanged (merge mode, identical)
    removed: int  # groups removed (replace mode)
    trainees: int  # trainees in the groups written (added, or replaced)


def count_trainees(groups: Iterable[GroupData]) -> int:
    """How many trainees (participants with ``training``) the groups hold."""
    return sum(1 for g in groups for p in g.participants if p.training is not None)


# --- one data file ------------------------------------------------------------------------


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


def _find(table: Table, **match: object) -> Document | None:
    for doc in table.all():
        if all(doc.get(k) == v for k, v in match.items()):
            return doc
    return None


# --- erasure, as pure functions over a group file's tables --------------------------------


def _drop(table: dict[str, Any] | None, **match: object) -> dict[str, Any]:
    return {
        k: d for k, d in (table or {}).items() if not all(d.get(f) == v for f, v in match.items())
    }


def _scrub_names(text: str, names: Iterable[str], placeholder: str) -> str:
    for name in names:
        if name:
            # Whole words only, also the possessive ("Majas" -> "[slettet]s"); case as written.
            text = re.sub(rf"(?<!\w){re.escape(name)}(?=s?(?!\w))", placeholder, text)
    return text


def forget_in_tables(tables: Tables, participant_id: str, aliases: Iterable[str]) -> Tables:
    """A group file's tables without the participant: record, attendance, statements,
    worksheets; and their alias replaced in the facilitators' free text in meeting logs."""
    names = set(aliases)
    names.update(
        d.get("alias", "")
        for d in tables.get("participants", {}).values()
        if d.get("id") == participant_id
    )
    out = dict(tables)
    out["participants"] = _drop(tables.get("participants"), id=participant_id)
    for name in ("attendance", "statements", "worksheets"):
        out[name] = _drop(tables.get(name), participant=participant_id)
    placeholder = t("store.forgotten_placeholder")
    logs = {}
    for key, doc in (tables.get("meeting_logs") or {}).items():
        doc = dict(doc)
        for field in ("notes", "reflection", "carry_over"):
            if isinstance(doc.get(field), str):
                doc[field] = _scrub_names(doc[field], names, placeholder)
        if isinstance(doc.get("blocks"), list):
            doc["blocks"] = [
                {**b, "title": _scrub_names(b["title"], names, placeholder)}
                if isinstance(b, dict) and isinstance(b.get("title"), str)
                else b
                for b in doc["blocks"]
            ]
        logs[key] = doc
    out["meeting_logs"] = logs
    return out


def drop_words_in_tables(tables: Tables, participant_id: str) -> Tables:
    """A group file's tables without the participant's statements and worksheets."""
    out = dict(tables)
    for name in ("statements", "worksheets"):
        out[name] = _drop(tables.get(name), participant=participant_id)
    return out


# --- the store ----------------------------------------------------------------------------


def open_store(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    clock: Callable[[], datetime] = utc_now,
) -> Store:
    """Open the data folder (``None``: ``PEERTUI_DATA_DIR`` or the platform default).

    Writable: takes the folder's lock (``StoreLocked`` if another peertui holds it), creates
    the folder if needed, migrates older files (after a backup). Read-only: takes no lock and
    writes nothing; a missing folder is an empty store. ``StoreTooNew`` if any file is from a
    newer peertui. Damaged files do not stop the store from opening: they are listed in
    ``store.damaged`` and their groups are unavailable until ``restore``.
    """
    from peertui.store.paths import resolve_data_dir

    folder = resolve_data_dir(data_dir)
    store = Store(folder, read_only=read_only, clock=clock)
    try:
        store._open()
    except BaseException:
        store.close()
        raise
    return store


class Store:
    """An open data folder. Use ``open_store``; close it (or use ``with``) when done."""

    def __init__(self, data_dir: Path, *, read_only: bool, clock: Callable[[], datetime]) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self.clock = clock
        self.damaged: list[StoreDamaged] = []
        self.migrated: list[tuple[str, int]] = []  # (file, schema it had)
        self._to_migrate: list[tuple[str, int, Tables]] = []  # written once all are read
        #: Groups made on opening from trainee records of schema 3 and older.
        self.moved_trainees: list[Group] = []
        self._mutex = threading.RLock()
        self._lock = DataLock(data_dir)
        self._closed = False
        self._store_file: DataFile | None = None
        self._groups: dict[str, DataFile] = {}

    # -- opening and closing

    def _open(self) -> None:
        if not self.read_only:
            if not is_peertui_dir(self.data_dir):
                raise UnsafeDataDir(str(self.data_dir))
            make_private_dir(self.data_dir)
            self._lock.acquire()
            make_private_dir(self.data_dir / GROUPS_DIR)
            self._remove_temp_files()
        self._store_file = self._open_file(STORE_NAME, "store")
        groups_dir = self.data_dir / GROUPS_DIR
        names = sorted(os.listdir(groups_dir)) if groups_dir.is_dir() else []
        for name in names:
            stem, dot, ext = name.rpartition(".")
            if dot and ext == "json" and ID_RE.match(stem):
                data_file = self._open_file(group_rel(stem), "group", stem)
                if data_file is not None:
                    self._groups[stem] = data_file
        # Only now that no file is from a newer peertui (StoreTooNew) is anything migrated.
        for rel, found, tables in self._to_migrate:
            path = self.data_dir / rel
            backups.pin_copy(path, backup_dir(self.data_dir, rel), f"schema{found}", self.clock())
            write_atomic(path, dumps(tables), rel)
            log.info("migrated %s from schema %d to %d", rel, found, SCHEMA)
        self._to_migrate = []
        self._move_old_trainees()

    def _open_file(self, rel: str, kind: str, group_id: str | None = None) -> DataFile | None:
        path = self.data_dir / rel
        try:
            tables, found = load_tables(path, rel, kind, group_id)
        except FileNotFoundError:
            if kind == "group":
                return None
            if backups.list_backups(backup_dir(self.data_dir, rel)):
                self.damaged.append(StoreDamaged(rel, missing=True))
                return None
            tables, found = store_to_tables(), SCHEMA
            if not self.read_only:
                write_atomic(path, dumps(tables), rel)
        except StoreDamaged as exc:
            log.warning("damaged data file %s", rel)
            self.damaged.append(exc)
            return None
        if found != SCHEMA:
            self.migrated.append((rel, found))
            if not self.read_only:
                self._to_migrate.append((rel, found, tables))
        if not self.read_only and (path.stat().st_mode & 0o777) != FILE_MODE:
            os.chmod(path, FILE_MODE)
        return DataFile(
            self.data_dir, rel, kind, tables, read_only=self.read_only, clock=self.clock
        )

    def _remove_temp_files(self) -> None:
        """Temp files left by a process killed mid-save. Only the lock holder does this."""
        for root, _dirs, files in os.walk(self.data_dir):
            for name in files:
                if is_temp_name(name):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(root, name))

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def took_over_stale_lock(self) -> bool:
        """True if a dead peertui's lock was taken over on opening."""
        return self._lock.took_over is not None

    def _writable(self) -> None:
        if self._closed:
            raise StoreError(t("store.closed"))
        if self.read_only:
            raise StoreReadOnly()

    def _today(self) -> date:
        return self.clock().astimezone().date()

    def _now(self) -> datetime:
        return to_second(self.clock())

    # -- files

    def _group_file(self, group_id: str) -> DataFile:
        data_file = self._groups.get(group_id)
        if data_file is None:
            rel = group_rel(group_id) if ID_RE.match(group_id) else ""
            for problem in self.damaged:
                if problem.file == rel:
                    raise problem
            raise NotFound("group", group_id)
        return data_file

    def _main_file(self) -> DataFile:
        if self._store_file is None:
            raise next(p for p in self.damaged if p.file == STORE_NAME)
        return self._store_file

    @contextlib.contextmanager
    def batch(self, group_id: str | None = None) -> Iterator[None]:
        """Several changes to one group (or, with ``None``, to ``store.json``) saved as one
        write when the block ends. If the block raises, none of them is saved."""
        self._writable()
        data_file = self._main_file() if group_id is None else self._group_file(group_id)
        with self._mutex, data_file.storage.batch():
            yield

    # -- groups

    @_synchronized
    def groups(self) -> list[Group]:
        """All readable groups, by start date then name."""
        result = [self._group_of(f) for f in self._groups.values()]
        return sorted(result, key=lambda g: (g.start, g.name, g.id))

    def _group_of(self, data_file: DataFile) -> Group:
        doc = data_file.table(GROUP).get(doc_id=1)
        assert isinstance(doc, dict)
        return Group.from_doc(doc, Parser(check_cpr=False), "group")

    @_synchronized
    def group(self, group_id: str) -> Group:
        return self._group_of(self._group_file(group_id))

    @_synchronized
    def find_group(self, ref: str) -> Group:
        """A group by id, or by its exact name if that is unambiguous."""
        if ref in self._groups:
            return self.group(ref)
        matches = [g for g in self.groups() if g.name == ref]
        if len(matches) > 1:
            ids = ", ".join(g.id for g in matches)
            raise InvalidInput(t("store.ambiguous_group", ref=ref, ids=ids), "group")
        if not matches:
            if ID_RE.match(ref):
                self._group_file(ref)  # raises StoreDamaged if that group's file is damaged
            raise NotFound("group", ref)
        return matches[0]

    @_synchronized
    def create_group(
        self,
        name: str,
        course: str,
        facilitators: Sequence[str],
        start: date,
        retention: date,
        *,
        demo: bool = False,
    ) -> Group:
        self._writable()
        group = self._check_group(
            Group(
                id=new_id(),
                name=name,
                course=course,
                facilitators=tuple(facilitators),
                start=start,
                retention=retention,
                demo=demo,
            )
        )
        rel = group_rel(group.id)
        tables = group_to_tables(GroupData(group=group))
        write_atomic(self.data_dir / rel, dumps(tables), rel)
        self._groups[group.id] = DataFile(
            self.data_dir, rel, "group", tables, read_only=False, clock=self.clock
        )
        return group

    def _check_group(self, group: Group) -> Group:
        group = replace(
            group,
            name=clean_text(group.name, "group_name", limit=NAME_MAX, required=True, strip=True),
            course=clean_text(group.course, "course", limit=NAME_MAX, required=True, strip=True),
            facilitators=tuple(
                f
                for f in clean_texts(group.facilitators, "facilitators", limit=NAME_MAX)
                if f.strip()
            ),
        )
        group = replace(group, facilitators=tuple(f.strip() for f in group.facilitators))
        if group.retention < group.start:
            raise InvalidInput(t("store.invalid.retention_before_start"), "retention")
        return _validated(group, "group")

    @_synchronized
    def update_group(
        self,
        group_id: str,
        *,
        name: str | None = None,
        course: str | None = None,
        facilitators: Sequence[str] | None = None,
        start: date | None = None,
        retention: date | None = None,
    ) -> Group:
        self._writable()
        data_file = self._group_file(group_id)
        old = self._group_of(data_file)
        changes: dict[str, Any] = {
            k: v
            for k, v in {
                "name": name,
                "course": course,
                "start": start,
                "retention": retention,
            }.items()
            if v is not None
        }
        if facilitators is not None:
            changes["facilitators"] = tuple(facilitators)
        new = self._check_group(replace(old, **changes))
        data_file.table(GROUP).update(new.to_doc(), doc_ids=[1])
        return new

    @_synchronized
    def groups_past_retention(self, today: date | None = None) -> list[Group]:
        """Groups whose retention date has passed: the app reminds the facilitator of these."""
        day = today or self._today()
        return [g for g in self.groups() if g.past_retention(day)]

    @_synchronized
    def group_data(self, group_id: str) -> GroupData:
        """Everything about one group, in one object (used by export)."""
        data_file = self._group_file(group_id)
        return group_from_tables(data_file.tables(), data_file.rel)

    @_synchronized
    def delete_group(self, group_id: str) -> Erasure:
        """Delete the group's file, all its backups and any damaged copies (and its trainees'
        old records in the copies of ``store.json``, if they came from there)."""
        self._writable()
        data_file = self._group_file(group_id)
        people = {d["id"] for d in data_file.table("participants").all()}
        del self._groups[group_id]
        with contextlib.suppress(FileNotFoundError):
            self._run_path(group_id).unlink()
        erasure = self._delete_everywhere(data_file.rel)
        old = self._scrub_old_trainees(people)
        return Erasure(
            rewritten=erasure.rewritten + old.rewritten, deleted=erasure.deleted + old.deleted
        )

    def _delete_everywhere(self, rel: str) -> Erasure:
        deleted = 0
        path = self.data_dir / rel
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            deleted += 1
        folder = backup_dir(self.data_dir, rel)
        if folder.is_dir():
            deleted += sum(1 for _ in folder.iterdir())
            shutil.rmtree(folder)
        for copy_ in self._damaged_copies(rel):
            copy_.unlink()
            deleted += 1
        fsync_dir(path.parent)
        self.damaged = [p for p in self.damaged if p.file != rel]
        return Erasure(deleted=deleted)

    # -- a meeting in progress (the runner's position and clocks; no participant text)

    def _run_path(self, group_id: str) -> Path:
        if not ID_RE.match(group_id):
            raise NotFound("group", group_id)
        return self.data_dir / RUNS_DIR / f"{group_id}.json"

    @_synchronized
    def run_state(self, group_id: str) -> dict[str, Any] | None:
        """The saved state of a meeting left running (None if there is none, or if the
        file is damaged: a lost position is not a lost word)."""
        self._group_file(group_id)
        path = self._run_path(group_id)
        try:
            data = read_json(path, f"{RUNS_DIR}/{path.name}")
        except (FileNotFoundError, StoreError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("meeting"), int):
            return None
        return data

    @_synchronized
    def save_run_state(self, group_id: str, state: dict[str, Any]) -> None:
        """Keep where a running meeting is, so a restart can resume it. ``SaveFailed``."""
        self._writable()
        self._group_file(group_id)
        path = self._run_path(group_id)
        make_private_dir(path.parent)
        payload = json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")
        write_atomic(path, payload, f"{RUNS_DIR}/{path.name}")

    @_synchronized
    def clear_run_state(self, group_id: str) -> None:
        self._writable()
        with contextlib.suppress(FileNotFoundError):
            self._run_path(group_id).unlink()

    @_synchronized
    def purge(self, today: date | None = None) -> list[tuple[Group, Erasure]]:
        """Delete every group past its retention date, backups included."""
        self._writable()
        return [(g, self.delete_group(g.id)) for g in self.groups_past_retention(today)]

    # -- participants

    def _participant_doc(self, data_file: DataFile, participant_id: str) -> Document:
        doc = _find(data_file.table("participants"), id=participant_id)
        if doc is None:
            raise NotFound("participant", participant_id)
        return doc

    @_synchronized
    def participants(self, group_id: str) -> list[Participant]:
        table = self._group_file(group_id).table("participants")
        found = [
            Participant.from_doc(d, Parser(check_cpr=False), "participant") for d in table.all()
        ]
        return sorted(found, key=lambda x: x.id)

    @_synchronized
    def participant(self, group_id: str, participant_id: str) -> Participant:
        doc = self._participant_doc(self._group_file(group_id), participant_id)
        return Participant.from_doc(doc, Parser(check_cpr=False), "participant")

    @_synchronized
    def find_participant(self, group_id: str, ref: str) -> Participant:
        """A participant by id or by alias (aliases are unique in a group, ignoring case)."""
        for p in self.participants(group_id):
            if ref in (p.id,) or p.alias.casefold() == ref.strip().casefold():
                return p
        raise NotFound("participant", "")

    def _check_alias(self, data_file: DataFile, alias: str, exclude: str = "") -> str:
        alias = clean_text(alias, "alias", limit=NAME_MAX, required=True, strip=True)
        for doc in data_file.table("participants").all():
            if doc["id"] != exclude and doc["alias"].casefold() == alias.casefold():
                raise InvalidInput(t("store.invalid.alias_taken"), "alias")
        return alias

    @_synchronized
    def add_participant(
        self,
        group_id: str,
        alias: str,
        *,
        consents: Iterable[str] = (),
        on: date | None = None,
    ) -> Participant:
        """Add a participant by first name or alias, with the consents given (on ``on``)."""
        self._writable()
        data_file = self._group_file(group_id)
        day = on or self._today()
        given = {check_choice(p, PURPOSES, "purpose"): Consent(given=day) for p in consents}
        participant = Participant(
            id=new_id(), alias=self._check_alias(data_file, alias), added=day, consents=given
        )
        data_file.table("participants").insert(participant.to_doc())
        return participant

    @_synchronized
    def rename_participant(self, group_id: str, participant_id: str, alias: str) -> Participant:
        self._writable()
        data_file = self._group_file(group_id)
        doc = self._participant_doc(data_file, participant_id)
        alias = self._check_alias(data_file, alias, exclude=participant_id)
        data_file.table("participants").update({"alias": alias}, doc_ids=[doc.doc_id])
        return self.participant(group_id, participant_id)

    @_synchronized
    def give_consent(
        self, group_id: str, participant_id: str, purpose: str, on: date | None = None
    ) -> Participant:
        """Record consent for ``purpose`` (given again after a withdrawal: a new date)."""
        self._writable()
        check_choice(purpose, PURPOSES, "purpose")
        data_file = self._group_file(group_id)
        doc = self._participant_doc(data_file, participant_id)
        consents = dict(doc["consents"])
        consents[purpose] = Consent(given=on or self._today()).to_doc()
        data_file.table("participants").update({"consents": consents}, doc_ids=[doc.doc_id])
        return self.participant(group_id, participant_id)

    @_synchronized
    def withdraw_consent(
        self, group_id: str, participant_id: str, purpose: str, on: date | None = None
    ) -> tuple[Participant, Erasure]:
        """Record that consent for ``purpose`` is withdrawn.

        Withdrawing ``store_statement`` also deletes the participant's statements and
        worksheets, from the group file and from every backup of it: the UI must ask first.
        """
        self._writable()
        check_choice(purpose, PURPOSES, "purpose")
        data_file = self._group_file(group_id)
        doc = self._participant_doc(data_file, participant_id)
        consents = dict(doc["consents"])
        current = consents.get(purpose)
        if current is None or current.get("withdrawn") is not None:
            return self.participant(group_id, participant_id), Erasure()
        erasure = Erasure()
        if purpose == "store_statement":
            # Erase first: if the process dies in between, the words are gone and the
            # withdrawal is simply recorded again; never the other way round.
            erasure = self._erase(
                data_file, lambda tables: drop_words_in_tables(tables, participant_id)
            )
            doc = self._participant_doc(data_file, participant_id)
        consents[purpose] = {**current, "withdrawn": fmt_day(on or self._today())}
        data_file.table("participants").update({"consents": consents}, doc_ids=[doc.doc_id])
        return self.participant(group_id, participant_id), erasure

    @_synchronized
    def forget_participant(self, group_id: str, participant_id: str) -> Erasure:
        """Remove the participant everywhere: the group file, every backup of it, and any
        damaged copy of it (which cannot be edited safely, so it is deleted); for a trainee
        whose record came from ``store.json`` (schema 3 and older), that record in its
        backups and damaged copies too."""
        self._writable()
        data_file = self._group_file(group_id)
        doc = self._participant_doc(data_file, participant_id)
        aliases = {doc["alias"]}
        erasure = self._erase(
            data_file, lambda tables: forget_in_tables(tables, participant_id, aliases)
        )
        old = self._scrub_old_trainees({participant_id})
        return Erasure(
            rewritten=erasure.rewritten + old.rewritten, deleted=erasure.deleted + old.deleted
        )

    def _erase(self, data_file: DataFile, transform: Callable[[Tables], Tables]) -> Erasure:
        """Apply ``transform`` to the live file and to every backup of it; delete what cannot
        be read (damaged backups, damaged copies). Backups keep their names."""
        data_file.replace(transform(copy.deepcopy(data_file.tables())), backup=False)
        rewritten, deleted = 1, 0
        rel = data_file.rel
        for old in backups.list_backups(data_file.backup_folder):
            try:
                tables, _ = migrate(read_json(old.path, rel), rel)
            except (StoreDamaged, StoreTooNew):
                old.path.unlink()
                deleted += 1
                continue
            write_atomic(old.path, dumps(transform(tables)), rel)
            rewritten += 1
        for copy_ in self._damaged_copies(rel):
            copy_.unlink()
            deleted += 1
        return Erasure(rewritten=rewritten, deleted=deleted)

    def _damaged_copies(self, rel: str) -> list[Path]:
        folder = self.data_dir / DAMAGED_DIR / Path(rel).parent
        stem = Path(rel).stem
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.name.startswith(f"{stem}."))

    # -- attendance

    @_synchronized
    def attendance(self, group_id: str, meeting: int | None = None) -> list[Attendance]:
        table = self._group_file(group_id).table("attendance")
        found = [Attendance.from_doc(d, Parser(check_cpr=False), "attendance") for d in table.all()]
        if meeting is not None:
            found = [a for a in found if a.meeting == meeting]
        return sorted(found, key=lambda a: (a.meeting, a.participant))

    @_synchronized
    def set_attendance(
        self, group_id: str, meeting: int, participant_id: str, status: str
    ) -> Attendance:
        """Record a participant as present, absent or excused at meeting ``meeting``."""
        self._writable()
        data_file = self._group_file(group_id)
        self._participant_doc(data_file, participant_id)
        entry = _validated(
            Attendance(
                meeting=meeting,
                participant=participant_id,
                status=check_choice(status, ATTENDANCE, "status"),
            ),
            "attendance",
        )
        table = data_file.table("attendance")
        existing = _find(table, meeting=meeting, participant=participant_id)
        if existing is None:
            table.insert(entry.to_doc())
        else:
            table.update(entry.to_doc(), doc_ids=[existing.doc_id])
        return entry

    # -- statements

    def _require(self, data_file: DataFile, participant_id: str, purpose: str) -> None:
        doc = self._participant_doc(data_file, participant_id)
        consent = doc["consents"].get(purpose)
        if consent is None or consent.get("withdrawn") is not None:
            raise ConsentMissing(purpose)

    @staticmethod
    def _answers(answers: Sequence[str]) -> tuple[str, ...]:
        items = tuple(answers)
        if len(items) != PROMPTS:
            raise InvalidInput(t("store.invalid.answers", count=PROMPTS), "answers")
        return clean_texts(items, "answers")

    def _statement_doc(self, data_file: DataFile, statement_id: str) -> Document:
        doc = _find(data_file.table("statements"), id=statement_id)
        if doc is None:
            raise NotFound("statement", statement_id)
        return doc

    @_synchronized
    def statements(self, group_id: str, participant_id: str | None = None) -> list[Statement]:
        table = self._group_file(group_id).table("statements")
        found = [Statement.from_doc(d, Parser(check_cpr=False), "statement") for d in table.all()]
        if participant_id is not None:
            found = [s for s in found if s.participant == participant_id]
        return sorted(found, key=lambda s: s.id)

    @_synchronized
    def statement(self, group_id: str, statement_id: str) -> Statement:
        doc = self._statement_doc(self._group_file(group_id), statement_id)
        return Statement.from_doc(doc, Parser(check_cpr=False), "statement")

    @_synchronized
    def create_statement(
        self,
        group_id: str,
        participant_id: str,
        answers: Sequence[str] = ("",) * PROMPTS,
        *,
        occasion: str = "",
    ) -> Statement:
        """A new personal statement. Needs the participant's consent to store it."""
        self._writable()
        data_file = self._group_file(group_id)
        self._require(data_file, participant_id, "store_statement")
        statement = Statement(
            id=new_id(),
            participant=participant_id,
            occasion=clean_text(occasion, "occasion", limit=NAME_MAX * 2, strip=True),
            versions=(StatementVersion(saved=self._now(), answers=self._answers(answers)),),
        )
        data_file.table("statements").insert(statement.to_doc())
        return statement

    @_synchronized
    def update_statement(
        self,
        group_id: str,
        statement_id: str,
        answers: Sequence[str],
        *,
        occasion: str | None = None,
    ) -> Statement:
        """Save an edit: the current version's answers are replaced (no new version)."""
        return self._save_statement(group_id, statement_id, answers, occasion, new_version=False)

    @_synchronized
    def new_statement_version(
        self, group_id: str, statement_id: str, answers: Sequence[str]
    ) -> Statement:
        """Save the answers as a new version; the earlier versions stay in the history."""
        return self._save_statement(group_id, statement_id, answers, None, new_version=True)

    def _save_statement(
        self,
        group_id: str,
        statement_id: str,
        answers: Sequence[str],
        occasion: str | None,
        *,
        new_version: bool,
    ) -> Statement:
        self._writable()
        data_file = self._group_file(group_id)
        doc = self._statement_doc(data_file, statement_id)
        self._require(data_file, doc["participant"], "store_statement")
        version = {"saved": fmt_moment(self._now()), "answers": list(self._answers(answers))}
        versions = list(doc["versions"])
        if new_version:
            versions.append(version)
        else:
            versions[-1] = version
        fields: dict[str, Any] = {"versions": versions}
        if occasion is not None:
            fields["occasion"] = clean_text(occasion, "occasion", limit=NAME_MAX * 2, strip=True)
        data_file.table("statements").update(fields, doc_ids=[doc.doc_id])
        return Statement.from_doc({**doc, **fields}, Parser(check_cpr=False), "statement")

    @_synchronized
    def delete_statement(self, group_id: str, statement_id: str) -> None:
        """Delete one statement from the group file (its backups age out; use forget or the
        withdrawal of consent to erase a participant's words from backups at once)."""
        self._writable()
        data_file = self._group_file(group_id)
        doc = self._statement_doc(data_file, statement_id)
        data_file.table("statements").remove(doc_ids=[doc.doc_id])

    # -- worksheets

    @_synchronized
    def worksheets(self, group_id: str, participant_id: str | None = None) -> list[Worksheet]:
        table = self._group_file(group_id).table("worksheets")
        found = [Worksheet.from_doc(d, Parser(check_cpr=False), "worksheet") for d in table.all()]
        if participant_id is not None:
            found = [w for w in found if w.participant == participant_id]
        return sorted(found, key=lambda w: (w.participant, w.kind))

    @_synchronized
    def worksheet(self, group_id: str, participant_id: str, kind: str) -> Worksheet | None:
        for sheet in self.worksheets(group_id, participant_id):
            if sheet.kind == kind:
                return sheet
        return None

    @_synchronized
    def save_worksheet(
        self,
        group_id: str,
        participant_id: str,
        content: WorksheetContent,
        *,
        new_version: bool = True,
    ) -> Worksheet:
        """Save a participant's goals, safety plan or network map (one of each kind).

        The first save makes the worksheet, with one version. After that, ``new_version``
        adds a version (beyond ``WORKSHEET_VERSIONS_MAX`` the oldest is dropped); without it
        the current version is replaced: an editor makes a new version on the first save of
        a visit and replaces it on the autosaves that follow. Needs ``store_statement``.
        """
        self._writable()
        data_file = self._group_file(group_id)
        self._require(data_file, participant_id, "store_statement")
        sheet = _validated(Worksheet.single(participant_id, self._now(), content), "worksheet")
        table = data_file.table("worksheets")
        existing = _find(table, participant=participant_id, kind=sheet.kind)
        if existing is None:
            table.insert(sheet.to_doc())
            return sheet
        versions = list(existing["versions"])
        if new_version:
            versions.append(sheet.current.to_doc())
            versions = versions[-WORKSHEET_VERSIONS_MAX:]
        else:
            versions[-1] = sheet.current.to_doc()
        table.update({"versions": versions}, doc_ids=[existing.doc_id])
        return Worksheet.from_doc(
            {**existing, "versions": versions}, Parser(check_cpr=False), "worksheet"
        )

    @_synchronized
    def worksheet_history(
        self, group_id: str, participant_id: str, kind: str
    ) -> list[WorksheetVersion]:
        """The versions of one worksheet, oldest first (empty if there is none yet)."""
        check_choice(kind, WORKSHEET_KINDS, "kind")
        self._participant_doc(self._group_file(group_id), participant_id)
        sheet = self.worksheet(group_id, participant_id, kind)
        return list(sheet.versions) if sheet is not None else []

    # -- meeting logs

    @_synchronized
    def meeting_logs(self, group_id: str) -> list[MeetingLog]:
        table = self._group_file(group_id).table("meeting_logs")
        found = [
            MeetingLog.from_doc(d, Parser(check_cpr=False), "meeting_log") for d in table.all()
        ]
        return sorted(found, key=lambda m: m.meeting)

    @_synchronized
    def meeting_log(self, group_id: str, meeting: int) -> MeetingLog | None:
        for entry in self.meeting_logs(group_id):
            if entry.meeting == meeting:
                return entry
        return None

    @_synchronized
    def save_meeting_log(self, group_id: str, entry: MeetingLog) -> MeetingLog:
        """Save the log of one meeting (replacing an earlier log of the same meeting)."""
        self._writable()
        data_file = self._group_file(group_id)
        entry = _validated(entry, "meeting_log")
        table = data_file.table("meeting_logs")
        existing = _find(table, meeting=entry.meeting)
        if existing is None:
            table.insert(entry.to_doc())
        else:
            table.update(entry.to_doc(), doc_ids=[existing.doc_id])
        return entry

    @_synchronized
    def carry_over(self, group_id: str, meeting: int) -> str:
        """The carry-over note for ``meeting``: from the latest logged meeting before it."""
        earlier = [m for m in self.meeting_logs(group_id) if m.meeting < meeting]
        return earlier[-1].carry_over if earlier else ""

    # -- trainees of a training group (schema 4): participants with ``training``

    def _set_training(self, group_id: str, participant_id: str, training: Training) -> Participant:
        data_file = self._group_file(group_id)
        doc = self._participant_doc(data_file, participant_id)
        training = _validated(training, "training")
        data_file.table("participants").update(
            {"training": training.to_doc()}, doc_ids=[doc.doc_id]
        )
        return self.participant(group_id, participant_id)

    def _training_of(self, group_id: str, participant_id: str) -> Training:
        training = self.participant(group_id, participant_id).training
        if training is None:
            raise NotFound("trainee", participant_id)
        return training

    @_synchronized
    def trainees(self, group_id: str) -> list[Participant]:
        """The group's trainees (participants with ``training``), in the order added."""
        found = [p for p in self.participants(group_id) if p.training is not None]
        return sorted(found, key=lambda p: (p.added, p.id))

    @_synchronized
    def add_trainee(
        self,
        group_id: str,
        alias: str,
        organisation: str,
        role: str,
        *,
        consents: Iterable[str] = ("taking_part",),
    ) -> Participant:
        """A trainee: a participant of ``group_id`` with a training record (one save)."""
        self._writable()
        training = Training(
            organisation=clean_text(organisation, "organisation", limit=NAME_MAX, strip=True),
            role=check_choice(role, ROLES, "role"),
        )
        with self.batch(group_id):
            participant = self.add_participant(group_id, alias, consents=consents)
            return self._set_training(group_id, participant.id, training)

    @_synchronized
    def update_training(
        self, group_id: str, participant_id: str, *, organisation: str, role: str
    ) -> Participant:
        self._writable()
        training = self._training_of(group_id, participant_id)
        return self._set_training(
            group_id,
            participant_id,
            replace(
                training,
                organisation=clean_text(organisation, "organisation", limit=NAME_MAX, strip=True),
                role=check_choice(role, ROLES, "role"),
            ),
        )

    def _teaching(
        self,
        teaching_id: str,
        held: date,
        audience: str,
        count: int,
        citizen_contact: bool | None,
        note: str,
    ) -> Teaching:
        _check_day(held, "held")
        check_choice(audience, AUDIENCES, "audience")
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 100:
            raise InvalidInput(t("store.invalid.count"), "count")
        # Colleagues: yes, no, or not known (None). Citizens: nothing to say (None only).
        if audience == "citizens" and citizen_contact is not None:
            raise InvalidInput(t("store.invalid.contact_for_citizens"), "citizen_contact")
        if citizen_contact is not None and not isinstance(citizen_contact, bool):
            raise InvalidInput(t("store.invalid.contact"), "citizen_contact")
        return Teaching(
            held=held,
            audience=audience,
            count=count,
            note=clean_text(note, "teaching_note", limit=NAME_MAX * 5),
            id=teaching_id,
            citizen_contact=citizen_contact,
        )

    @_synchronized
    def record_teaching(
        self,
        group_id: str,
        participant_id: str,
        *,
        held: date,
        audience: str,
        count: int,
        citizen_contact: bool | None,
        note: str = "",
    ) -> Teaching:
        """Add one follow-up teaching to a trainee's log."""
        self._writable()
        training = self._training_of(group_id, participant_id)
        teaching = self._teaching(new_id(), held, audience, count, citizen_contact, note)
        teachings = tuple(sorted((*training.teachings, teaching), key=lambda x: (x.held, x.id)))
        self._set_training(group_id, participant_id, replace(training, teachings=teachings))
        return teaching

    @_synchronized
    def update_teaching(
        self,
        group_id: str,
        participant_id: str,
        teaching_id: str,
        *,
        held: date,
        audience: str,
        count: int,
        citizen_contact: bool | None,
        note: str = "",
    ) -> Teaching:
        self._writable()
        training = self._training_of(group_id, participant_id)
        if teaching_id not in {x.id for x in training.teachings}:
            raise NotFound("teaching", teaching_id)
        teaching = self._teaching(teaching_id, held, audience, count, citizen_contact, note)
        teachings = tuple(
            sorted(
                (teaching if x.id == teaching_id else x for x in training.teachings),
                key=lambda x: (x.held, x.id),
            )
        )
        self._set_training(group_id, participant_id, replace(training, teachings=teachings))
        return teaching

    @_synchronized
    def remove_teaching(self, group_id: str, participant_id: str, teaching_id: str) -> None:
        self._writable()
        training = self._training_of(group_id, participant_id)
        if teaching_id not in {x.id for x in training.teachings}:
            raise NotFound("teaching", teaching_id)
        teachings = tuple(x for x in training.teachings if x.id != teaching_id)
        self._set_training(group_id, participant_id, replace(training, teachings=teachings))

    @_synchronized
    def set_certified(self, group_id: str, participant_id: str, on: date) -> Participant:
        """Record the day the first certificate was printed (a reprint keeps the first day)."""
        self._writable()
        _check_day(on, "certified")
        training = self._training_of(group_id, participant_id)
        if training.certified is not None:
            return self.participant(group_id, participant_id)
        return self._set_training(group_id, participant_id, replace(training, certified=on))

    # -- trainee records of schema 3 and older (store.json): moved into training groups

    def _move_old_trainees(self) -> None:
        """Make the old trainee records in ``store.json`` trainees of new training groups
        (``peertui.store.legacy``), then write ``store.json`` without them.

        Safe to stop at any point: a record whose id is already a participant was moved
        before and is skipped, and ``store.json`` (its previous version kept as a backup) loses
        the records only after every group file is written. Waits while a data file is
        damaged (a damaged group may hold some of them). Read-only: the groups exist in memory
        only, and nothing is written."""
        data_file = self._store_file
        if data_file is None or self.damaged:
            return
        tables = data_file.tables()
        if OLD_TRAINEES not in tables:
            return
        records = store_from_tables(tables, data_file.rel)
        taken = {p.id for gid in self._groups for p in self.participants(gid)}
        made = training_groups(records, taken)
        for data in made:
            rel = group_rel(data.group.id)
            group_tables = group_to_tables(data)
            if not self.read_only:
                write_atomic(self.data_dir / rel, dumps(group_tables), rel)
            self._groups[data.group.id] = DataFile(
                self.data_dir, rel, "group", group_tables, read_only=self.read_only,
                clock=self.clock,
            )  # fmt: skip
        if made and not self.read_only:
            fsync_dir(self.data_dir / GROUPS_DIR)
        if not self.read_only:
            data_file.replace(without_old_trainees(tables))
        self.moved_trainees.extend(x.group for x in made)
        if made:
            log.info("moved old trainee records into %d training groups", len(made))

    def _scrub_old_trainees(self, ids: set[str]) -> Erasure:
        """Erase the old records of ``ids`` from ``store.json`` (if it still holds any), its
        backups and its damaged copies."""
        rewritten = deleted = 0
        if self._store_file is not None:
            tables = self._store_file.tables()
            if has_old_trainees(tables):
                cleaned = drop_old_trainees(tables, ids)
                if cleaned is not tables:
                    self._store_file.replace(copy.deepcopy(cleaned), backup=False)
                    rewritten += 1
        folder = backup_dir(self.data_dir, STORE_NAME)
        copies = [b.path for b in backups.list_backups(folder)] + self._damaged_copies(STORE_NAME)
        for path in copies:
            done = scrub_copy(path, STORE_NAME, ids)
            rewritten += done == "rewritten"
            deleted += done == "deleted"
        return Erasure(rewritten=rewritten, deleted=deleted)

    # -- export and import

    @_synchronized
    def export_bundle(self) -> ExportBundle:
        """Everything, for ``peertui data export``. ``StoreDamaged`` if a file is damaged."""
        if self.damaged:
            raise self.damaged[0]
        groups = tuple(self.group_data(gid).sorted() for gid in sorted(self._groups))
        return ExportBundle(groups=groups)

    @_synchronized
    def import_bundle(self, bundle: ExportBundle, *, replace_all: bool = False) -> ImportReport:
        """Bring in a checked export, all or nothing.

        Merge (default): groups not in the store are added; ones already here with the
        same content are left alone; one already here with different content is a conflict
        and nothing is imported. ``replace_all``: the store becomes exactly the bundle (groups
        not in it are removed; their last version stays in the backups). Old trainee records
        (an export of format 3 or older) become training groups, except those whose id is a
        participant already (in the bundle's groups, or, merging, in the store).
        """
        self._writable()
        if self.damaged:
            raise self.damaged[0]
        current = {gid: self.group_data(gid).sorted() for gid in self._groups}
        written: list[GroupData] = []
        added = kept = 0
        for data in bundle.groups:
            gid = data.group.id
            if gid in current and not replace_all:
                if current[gid] != data.sorted():
                    raise ImportInvalid(t("portable.conflict_group", id=gid, name=data.group.name))
                kept += 1
                continue
            if gid in current:
                kept += 1
            else:
                added += 1
            written.append(data.sorted())
        taken = {p.id for d in bundle.groups for p in d.participants}
        if not replace_all:
            taken |= {p.id for d in current.values() for p in d.participants}
        made = training_groups(bundle.trainees, taken)
        added += len(made)
        written.extend(d.sorted() for d in made)
        writes = [(group_rel(d.group.id), group_to_tables(d)) for d in written]
        if replace_all:
            # store.json as now made: without any old trainee records (their last version
            # stays in the backups, like the groups removed).
            writes.append((STORE_NAME, store_to_tables()))
        removed = [
            gid for gid in current if replace_all and gid not in {d.group.id for d in bundle.groups}
        ]

        # Stage every file first: if any write fails (a full disk), nothing has changed.
        staged: list[tuple[Path, str, Path]] = []
        try:
            for rel, tables in writes:
                staged.append(
                    (stage(self.data_dir / rel, dumps(tables), rel), rel, self.data_dir / rel)
                )
        except BaseException:
            for tmp, _rel, _path in staged:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            raise
        now = self.clock()
        for tmp, rel, path in staged:
            commit(tmp, path, rel, backup_folder=backup_dir(self.data_dir, rel), now=now)
        for gid in removed:
            rel = group_rel(gid)
            backups.keep_version(self.data_dir / rel, backup_dir(self.data_dir, rel), now)
            (self.data_dir / rel).unlink()
            del self._groups[gid]
        fsync_dir(self.data_dir / GROUPS_DIR)
        for rel, tables in writes:
            data_file = DataFile(
                self.data_dir,
                rel,
                "group" if rel != STORE_NAME else "store",
                tables,
                read_only=False,
                clock=self.clock,
            )
            if rel == STORE_NAME:
                self._store_file = data_file
            else:
                self._groups[Path(rel).stem] = data_file
        return ImportReport(
            added=added, replaced=kept, removed=len(removed), trainees=count_trainees(written)
        )

    # -- damage and recovery

    def _newest_good(self, rel: str, kind: str) -> tuple[backups.Backup, Tables] | None:
        group_id = Path(rel).stem if kind == "group" else None
        for candidate in backups.list_backups(backup_dir(self.data_dir, rel)):
            try:
                tables, _ = load_tables(candidate.path, rel, kind, group_id)
            except (StoreDamaged, StoreTooNew):
                continue
            return candidate, tables
        return None

    @_synchronized
    def restore_offers(self) -> list[RestoreOffer]:
        """For each damaged file, the newest backup that reads correctly (or None)."""
        offers = []
        for problem in self.damaged:
            kind = "store" if problem.file == STORE_NAME else "group"
            found = self._newest_good(problem.file, kind)
            if found is None:
                offers.append(RestoreOffer(rel=problem.file, backup=None))
                continue
            good, tables = found
            name = group_from_tables(tables, problem.file).group.name if kind == "group" else None
            offers.append(RestoreOffer(rel=problem.file, backup=good, group_name=name))
        return offers

    @_synchronized
    def restore(self, rel: str) -> RestoreOffer:
        """Restore the damaged file ``rel`` from its newest good backup. The damaged file is
        moved to ``damaged/`` (never overwritten, never deleted except by forget/purge)."""
        self._writable()
        problem = next((p for p in self.damaged if p.file == rel), None)
        if problem is None:
            raise NotFound("damaged_file", rel)
        kind = "store" if rel == STORE_NAME else "group"
        found = self._newest_good(rel, kind)
        if found is None:
            raise StoreError(t("store.no_good_backup", file=rel))
        good, tables = found
        path = self.data_dir / rel
        if path.exists():
            aside = self.data_dir / DAMAGED_DIR / Path(rel).parent
            make_private_dir(aside)
            stamp = self.clock().strftime("%Y%m%dT%H%M%S%f")
            target = aside / f"{path.stem}.{stamp}.json"
            os.replace(path, target)
            fsync_dir(path.parent)
        write_atomic(path, dumps(tables), rel)
        data_file = DataFile(self.data_dir, rel, kind, tables, read_only=False, clock=self.clock)
        if kind == "store":
            self._store_file = data_file
        else:
            self._groups[path.stem] = data_file
        self.damaged = [p for p in self.damaged if p.file != rel]
        self._move_old_trainees()  # a restored store.json may hold old trainee records
        name = group_from_tables(tables, rel).group.name if kind == "group" else None
        return RestoreOffer(rel=rel, backup=good, group_name=name)
