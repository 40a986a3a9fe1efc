"""All-or-nothing changes to several data files at once (an import).

    incoming/
      groups/<id>.json   the new files, written and forced to the disk first
      journal.json       what to put in place and what to remove: written last, in one step

Writing ``journal.json`` (atomically) is the moment the change happens. Before it, an open
that finds ``incoming/`` removes it: nothing changed (rolled back). After it, the files are
moved into place one by one (a rename each, keeping the old version as a backup) and the
journal removed; a process killed on the way leaves the journal, and the next writable open
finishes the moves first thing (rolled forward). A read-only open reads the new files from
``incoming/`` while the journal is there, so it too sees either the old data or the new.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import msgspec

from peertui.store import backup as backups
from peertui.store.errors import SaveFailed
from peertui.store.files import classify, dumps, fsync_dir, read_bytes, stage, write_atomic
from peertui.store.paths import (
    GROUPS_DIR,
    ID_RE,
    INCOMING_DIR,
    ORGANISATION_NAME,
    STORE_NAME,
    backup_dir,
    make_private_dir,
)

JOURNAL = "journal.json"
_JOURNAL_MAX = 16 * 1024 * 1024


class Journal(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    install: tuple[str, ...] = ()  # data-folder-relative names, e.g. groups/<id>.json
    remove: tuple[str, ...] = ()


def _safe_rel(rel: str) -> bool:
    """Only our own names: ``groups/<id>.json``, ``store.json`` or ``organisation.json`` (a
    journal written by someone else must not move files outside the data folder)."""
    if rel in (STORE_NAME, ORGANISATION_NAME):
        return True
    folder, _, name = rel.partition("/")
    stem, dot, ext = name.rpartition(".")
    return folder == GROUPS_DIR and dot == "." and ext == "json" and bool(ID_RE.match(stem))


def read(data_dir: Path) -> Journal | None:
    """The committed journal, or None (no change under way, or one not yet committed)."""
    path = data_dir / INCOMING_DIR / JOURNAL
    try:
        raw = read_bytes(path, f"{INCOMING_DIR}/{JOURNAL}", limit=_JOURNAL_MAX)
        journal = msgspec.json.decode(raw, type=Journal)
    except FileNotFoundError:
        return None
    except (OSError, msgspec.DecodeError, msgspec.ValidationError, Exception):
        return None
    if not all(_safe_rel(r) for r in (*journal.install, *journal.remove)):
        return None
    return journal


def incoming_path(data_dir: Path, rel: str) -> Path:
    return data_dir / INCOMING_DIR / rel


def commit(
    data_dir: Path, files: Iterable[tuple[str, bytes]], remove: Iterable[str], now: datetime
) -> None:
    """Stage ``files`` (relative name, bytes), commit, and put them in place; ``remove`` the
    other names. ``SaveFailed`` before the commit: nothing changed. After it, a failure is
    raised as it comes, and the change is finished by ``recover`` on the next open."""
    root = data_dir / INCOMING_DIR
    discard(data_dir)
    installs: list[str] = []
    try:
        make_private_dir(root)
        for rel, payload in files:
            target = root / rel
            make_private_dir(target.parent)
            tmp = stage(target, payload, rel)
            os.replace(tmp, target)
            installs.append(rel)
        for folder in {(root / rel).parent for rel in installs} | {root}:
            fsync_dir(folder)
        journal = Journal(install=tuple(installs), remove=tuple(remove))
        write_atomic(root / JOURNAL, dumps(journal), f"{INCOMING_DIR}/{JOURNAL}")
    except SaveFailed:
        discard(data_dir)
        raise
    except OSError as exc:
        discard(data_dir)
        raise SaveFailed(INCOMING_DIR, classify(exc), "") from exc
    roll_forward(data_dir, journal, now)


def roll_forward(data_dir: Path, journal: Journal, now: datetime) -> None:
    """Put every staged file in place, remove what goes, then the journal. Idempotent: a
    staged file already moved is skipped."""
    root = data_dir / INCOMING_DIR
    folders: set[Path] = set()
    for rel in journal.install:
        source, target = root / rel, data_dir / rel
        if not source.exists():
            continue  # moved before the last run was stopped
        make_private_dir(target.parent)
        backups.keep_version(target, backup_dir(data_dir, rel), now)
        os.replace(source, target)
        folders.add(target.parent)
    for rel in journal.remove:
        target = data_dir / rel
        if target.exists():
            backups.keep_version(target, backup_dir(data_dir, rel), now)
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            folders.add(target.parent)
    for folder in folders:
        fsync_dir(folder)
    discard(data_dir)
    for rel in (*journal.install, *journal.remove):
        backups.rotate(backup_dir(data_dir, rel), now)


def discard(data_dir: Path) -> None:
    """Remove ``incoming/`` (what a stopped, uncommitted change left), journal last gone."""
    root = data_dir / INCOMING_DIR
    if root.is_symlink():
        root.unlink()
        return
    if not root.exists():
        return
    with contextlib.suppress(FileNotFoundError):
        (root / JOURNAL).unlink()  # first: what is left is no longer a commitment
    shutil.rmtree(root, ignore_errors=True)
    fsync_dir(data_dir)


def recover(data_dir: Path, now: datetime) -> bool | None:
    """On a writable open: finish a committed change (True), remove an uncommitted one
    (False), or do nothing (None)."""
    root = data_dir / INCOMING_DIR
    if not root.exists() and not root.is_symlink():
        return None
    journal = read(data_dir)
    if journal is None:
        discard(data_dir)
        return False
    roll_forward(data_dir, journal, now)
    return True
