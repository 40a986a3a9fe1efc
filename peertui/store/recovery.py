"""Damage and recovery: a data file that cannot be read is left as it is until the
facilitator restores it from its newest good backup (``peertui data restore``); the damaged
file is moved to ``damaged/``, never overwritten. Also: migrating a file to the current schema
(after a pinned backup of the old one)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peertui.i18n import _
from peertui.store import backup as backups
from peertui.store import migrate
from peertui.store.errors import StoreDamaged, StoreError, StoreTooNew, StoreTooOld
from peertui.store.files import (
    dumps,
    fsync_dir,
    is_sealed,
    read_bytes,
    sealer_for,
    write_atomic,
)
from peertui.store.layout import Tables, group_from_tables, load_tables
from peertui.store.paths import DAMAGED_DIR, FILE_MODE, STORE_NAME, backup_dir, make_private_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreOffer:
    rel: str  # the data file, e.g. groups/<id>.json
    backup: backups.Backup | None  # the newest good backup, None if there is none
    group_name: str | None = None  # from the backup, so the facilitator knows which group


def _kind(rel: str) -> str:
    return "store" if rel == STORE_NAME else "group"


def has_backups(data_dir: Path, rel: str) -> bool:
    return bool(backups.list_backups(backup_dir(data_dir, rel)))


def private_mode(path: Path) -> None:
    """Data files are 0600 whatever the umask was when they were made."""
    if (path.lstat().st_mode & 0o777) != FILE_MODE:
        os.chmod(path, FILE_MODE, follow_symlinks=False)


def migrate_file(data_dir: Path, rel: str, found: int, tables: Tables, now: datetime) -> None:
    path = data_dir / rel
    backups.pin_copy(path, backup_dir(data_dir, rel), f"schema{found}", now)
    write_atomic(path, dumps(tables), rel)
    log.info("migrated %s from schema %d to %d", rel, found, migrate.SCHEMA)


def newest_good(data_dir: Path, rel: str) -> tuple[backups.Backup, Tables] | None:
    kind = _kind(rel)
    group_id = Path(rel).stem if kind == "group" else None
    for candidate in backups.list_backups(backup_dir(data_dir, rel)):
        try:
            tables, _ = load_tables(candidate.path, rel, kind, group_id)
        except (StoreDamaged, StoreTooNew, StoreTooOld, FileNotFoundError):
            continue
        return candidate, tables
    return None


def _name(rel: str, tables: Tables) -> str | None:
    return group_from_tables(tables, rel).group.name if _kind(rel) == "group" else None


def offer(data_dir: Path, rel: str) -> RestoreOffer:
    """The newest backup of the damaged file ``rel`` that reads correctly (or None)."""
    found = newest_good(data_dir, rel)
    if found is None:
        return RestoreOffer(rel=rel, backup=None)
    good, tables = found
    return RestoreOffer(rel=rel, backup=good, group_name=_name(rel, tables))


def _move_aside(path: Path, target: Path, rel: str) -> None:
    """Move a damaged file to ``damaged/`` as it is; in a protected folder, one found in
    clear (put there by hand) is sealed on the way, so no copy in ``damaged/`` is readable."""
    if sealer_for(path) is not None and path.is_file() and not path.is_symlink():
        raw = read_bytes(path, rel, raw=True)
        if not is_sealed(raw):
            write_atomic(target, raw, rel)  # sealed by the folder's sealer
            path.unlink()
            return
    os.replace(path, target)


def restore(data_dir: Path, rel: str, now: datetime) -> tuple[RestoreOffer, Tables]:
    """Move the damaged ``rel`` to ``damaged/`` and put its newest good backup in place."""
    found = newest_good(data_dir, rel)
    if found is None:
        raise StoreError(
            _(
                "There is no usable backup of {file}. The file has not been changed; "
                "contact the person who maintains peertui.",
                file=rel,
            )
        )
    good, tables = found
    path = data_dir / rel
    if path.exists() or path.is_symlink():
        aside = data_dir / DAMAGED_DIR / Path(rel).parent
        make_private_dir(aside)
        target = aside / f"{path.stem}.{now.strftime('%Y%m%dT%H%M%S%f')}.json"
        _move_aside(path, target, rel)
        fsync_dir(path.parent)
    write_atomic(path, dumps(tables), rel)
    return RestoreOffer(rel=rel, backup=good, group_name=_name(rel, tables)), tables
