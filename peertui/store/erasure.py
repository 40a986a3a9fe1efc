"""Erasures that finish: forgetting a participant, withdrawing the consent to keep their words,
deleting a group.

An erasure is written down (``erasures/<id>.json``) before anything is touched. Then every copy
of the group's data is scrubbed: the backups (rewritten without the data; a backup that cannot
be read or rewritten is deleted: erasing matters more than keeping a backup), the live file,
and the damaged copies (deleted). The record is removed only when all of that is done. A
process killed half-way, a full disk or a read-only folder leaves the record, and every
writable open finishes it before anything else happens, so a participant's words never stay
behind in a backup because an erasure was interrupted.

The record holds ids and, for forgetting, the alias (to replace it in the facilitators' notes
in every copy); it is written without a backup and deleted when the erasure is done.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import msgspec

from peertui import labels
from peertui.i18n import _
from peertui.store import backup as backups
from peertui.store.errors import SaveFailed, StoreError
from peertui.store.files import dumps, fsync_dir, read_bytes, read_json, write_atomic
from peertui.store.migrate import migrate
from peertui.store.paths import (
    DAMAGED_DIR,
    ERASURES_DIR,
    ID_RE,
    RUNS_DIR,
    backup_dir,
    group_rel,
    make_private_dir,
)
from peertui.store.schema import Id

log = logging.getLogger(__name__)

Tables = dict[str, dict[str, Any]]
What = Literal["participant", "words", "group"]


class Pending(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An erasure begun and not yet finished."""

    id: Id
    what: What  # participant: forget them; words: their statements and worksheets; group: all
    group: Id
    participant: Id | None = None
    aliases: tuple[str, ...] = ()  # forgetting: the names to replace in meeting logs
    withdrawn: date | None = None  # words: the day the consent to keep them was withdrawn


@dataclass(frozen=True, slots=True)
class Erasure:
    """What an erasure did: files rewritten without the data, files deleted outright."""

    rewritten: int = 0
    deleted: int = 0

    def __add__(self, other: Erasure) -> Erasure:
        return Erasure(self.rewritten + other.rewritten, self.deleted + other.deleted)


# --- the changes, as pure functions over a group file's tables ------------------------------


def _drop(table: dict[str, Any] | None, **match: object) -> dict[str, Any]:
    return {
        k: d for k, d in (table or {}).items() if not all(d.get(f) == v for f, v in match.items())
    }


def scrub_names(text: str, names: Iterable[str], placeholder: str) -> str:
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
        if isinstance(d, dict) and d.get("id") == participant_id
    )
    out = dict(tables)
    out["participants"] = _drop(tables.get("participants"), id=participant_id)
    for name in ("attendance", "statements", "worksheets"):
        out[name] = _drop(tables.get(name), participant=participant_id)
    placeholder = _("[deleted]")
    logs = {}
    for key, doc in (tables.get("meeting_logs") or {}).items():
        doc = dict(doc)
        for field in ("notes", "reflection", "carry_over"):
            if isinstance(doc.get(field), str):
                doc[field] = scrub_names(doc[field], names, placeholder)
        if isinstance(doc.get("blocks"), list | tuple):
            doc["blocks"] = [
                {**b, "title": scrub_names(b["title"], names, placeholder)}
                if isinstance(b, dict) and isinstance(b.get("title"), str)
                else b
                for b in doc["blocks"]
            ]
        logs[key] = doc
    out["meeting_logs"] = logs
    return out


def drop_words_in_tables(
    tables: Tables, participant_id: str, withdrawn: date | None = None
) -> Tables:
    """A group file's tables without the participant's statements and worksheets, and (with
    ``withdrawn``) their consent to keep them recorded as withdrawn on that day."""
    out = dict(tables)
    for name in ("statements", "worksheets"):
        out[name] = _drop(tables.get(name), participant=participant_id)
    if withdrawn is not None:
        people = {}
        for key, doc in (tables.get("participants") or {}).items():
            consent = doc.get("consents", {}).get("store_statement") if doc.get("id") else None
            if doc.get("id") == participant_id and consent and consent.get("withdrawn") is None:
                consents = {**doc["consents"], "store_statement": {**consent}}
                consents["store_statement"]["withdrawn"] = withdrawn.isoformat()
                doc = {**doc, "consents": consents}
            people[key] = doc
        out["participants"] = people
    return out


def transform_of(pending: Pending) -> Callable[[Tables], Tables]:
    pid = pending.participant or ""
    if pending.what == "participant":
        return lambda tables: forget_in_tables(tables, pid, pending.aliases)
    if pending.what == "words":
        return lambda tables: drop_words_in_tables(tables, pid, pending.withdrawn)
    raise ValueError(pending.what)


# --- the record -------------------------------------------------------------------------------


def _record_path(data_dir: Path, erasure_id: str) -> Path:
    return data_dir / ERASURES_DIR / f"{erasure_id}.json"


def begin(data_dir: Path, pending: Pending) -> None:
    """Write the erasure down. If this fails, nothing has been touched (``StoreError``)."""
    folder = data_dir / ERASURES_DIR
    try:
        make_private_dir(folder)
        write_atomic(_record_path(data_dir, pending.id), dumps(pending), f"{ERASURES_DIR}/…")
    except SaveFailed as exc:
        raise StoreError(
            _(
                "Nothing has been deleted: the deletion could not be noted down "
                "({reason}). Try again.",
                reason=_(labels.REASON[exc.reason]),
            )
        ) from None
    except OSError as exc:
        raise StoreError(
            _(
                "Nothing has been deleted: the deletion could not be noted down "
                "({reason}). Try again.",
                reason=exc.strerror or "",
            )
        ) from None


def pending_erasures(data_dir: Path) -> tuple[list[Pending], int]:
    """The erasures begun and not finished, oldest first, and how many records could not be
    read (they are left where they are, and reported)."""
    folder = data_dir / ERASURES_DIR
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return [], 0
    found: list[Pending] = []
    unreadable = 0
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if not (dot and ext == "json" and ID_RE.match(stem)):
            continue
        try:
            raw = read_bytes(folder / name, f"{ERASURES_DIR}/{name}", limit=64 * 1024)
            record = msgspec.json.decode(raw, type=Pending)
        except (OSError, StoreError, msgspec.DecodeError, msgspec.ValidationError):
            unreadable += 1
            continue
        if record.id != stem or (record.what != "group" and record.participant is None):
            unreadable += 1
            continue
        found.append(record)
    return found, unreadable


def is_pending(data_dir: Path, pending: Pending) -> bool:
    """Whether ``pending``'s record is still there (its erasure not finished)."""
    return _record_path(data_dir, pending.id).exists()


def done(data_dir: Path, pending: Pending) -> None:
    path = _record_path(data_dir, pending.id)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_dir(path.parent)


# --- scrubbing every copy ---------------------------------------------------------------------


def damaged_copies(data_dir: Path, rel: str) -> list[Path]:
    folder = data_dir / DAMAGED_DIR / Path(rel).parent
    stem = Path(rel).stem
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{stem}."))


def scrub_backups(data_dir: Path, rel: str, transform: Callable[[Tables], Tables]) -> Erasure:
    """Apply ``transform`` to every backup of ``rel`` (they keep their names); delete those
    that cannot be read or rewritten, and every damaged copy."""
    rewritten = deleted = 0
    for old in backups.list_backups(backup_dir(data_dir, rel)):
        try:
            tables, _ = migrate(read_json(old.path, rel), rel)
            new = transform(copy.deepcopy(tables))
            if new != tables:
                write_atomic(old.path, dumps(new), rel)
            rewritten += 1
        except FileNotFoundError:
            continue
        except (StoreError, OSError, TypeError, AttributeError, KeyError):
            # Damaged, from another schema, or no room to rewrite it: it goes.
            with contextlib.suppress(FileNotFoundError):
                old.path.unlink()
            deleted += 1
    for copy_ in damaged_copies(data_dir, rel):
        with contextlib.suppress(FileNotFoundError):
            copy_.unlink()
            deleted += 1
    return Erasure(rewritten=rewritten, deleted=deleted)


def delete_everywhere(data_dir: Path, rel: str) -> Erasure:
    """Delete a data file, all its backups and its damaged copies."""
    deleted = 0
    path = data_dir / rel
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        deleted += 1
    folder = backup_dir(data_dir, rel)
    if folder.is_dir() and not folder.is_symlink():
        deleted += sum(1 for _ in folder.iterdir())
        shutil.rmtree(folder)
    elif folder.is_symlink():
        folder.unlink()
    for copy_ in damaged_copies(data_dir, rel):
        with contextlib.suppress(FileNotFoundError):
            copy_.unlink()
            deleted += 1
    with contextlib.suppress(FileNotFoundError):
        (data_dir / RUNS_DIR / f"{Path(rel).stem}.json").unlink()
    fsync_dir(path.parent)
    return Erasure(deleted=deleted)


def finish(
    data_dir: Path, pending: Pending, live: Callable[[Callable[[Tables], Tables]], bool]
) -> Erasure:
    """Carry out ``pending`` on every copy, then remove its record.

    ``live(transform)`` applies the change to the live group file through the store (which
    keeps its copy in memory) and says whether it could (False: the group file is damaged
    and not loaded: the record then stays until it can be read or is restored). Raises
    ``SaveFailed`` (the record stays; the next open tries again).
    """
    rel = group_rel(pending.group)
    if pending.what == "group":
        result = delete_everywhere(data_dir, rel)
        done(data_dir, pending)
        return result
    transform = transform_of(pending)
    result = scrub_backups(data_dir, rel, transform)
    if not (data_dir / rel).exists():
        done(data_dir, pending)  # the group itself is gone: nothing is left to scrub
        return result
    if not live(transform):
        return result
    done(data_dir, pending)
    return result + Erasure(rewritten=1)
