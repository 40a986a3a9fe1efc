"""Rolling backups, one folder per data file.

Before a data file is replaced by a save, its current version is hard-linked into the file's
backup folder (``backups/groups/<id>/20250304T101500.123456Z.json``). A hard link copies no
data, so a backup costs almost nothing; after the replace the backup is the only name of the
old version, so damage to the new file cannot reach it. Where hard links are not possible
(some USB sticks), the file is copied instead.

Kept: the newest ``keep_last`` versions, plus the newest version of each of the last
``keep_days`` days. Backups written before a schema migration (``...-schema1.json``) are
pinned: rotation never removes them; ``forget`` scrubs them and ``purge`` deletes them.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from peertui.store.paths import FILE_MODE, make_private_dir

log = logging.getLogger(__name__)

KEEP_LAST = 20
KEEP_DAYS = 7

_NAME_RE = re.compile(r"^(\d{8}T\d{6}\.\d{6}Z)(?:-(\d+))?(?:-(schema\d+))?\.json$")
_STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    pinned: bool

    @property
    def name(self) -> str:
        return self.path.name


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime(_STAMP_FORMAT)


def parse_name(path: Path) -> Backup | None:
    match = _NAME_RE.match(path.name)
    if match is None:
        return None
    s = match.group(1)  # 20250304T101500.123456Z; strptime is ten times slower than this
    try:
        taken = datetime(
            int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
            int(s[16:22]), tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return None
    return Backup(path=path, taken=taken, pinned=match.group(3) is not None)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    found = [b for e in entries if (b := parse_name(Path(e.path))) is not None]
    found.sort(key=lambda b: (b.taken, b.name), reverse=True)
    return found


def _free_name(folder: Path, now: datetime, label: str = "") -> Path:
    base = _stamp(now)
    suffix = f"-{label}" if label else ""
    candidate = folder / f"{base}{suffix}.json"
    n = 1
    while candidate.exists():
        candidate = folder / f"{base}-{n}{suffix}.json"
        n += 1
    return candidate


def keep_version(source: Path, folder: Path, now: datetime) -> Path | None:
    """Keep the current version of ``source`` as a backup in ``folder``. Never raises."""
    try:
        if not source.exists():
            return None  # nothing to keep yet: a new file
        if not folder.is_dir():
            make_private_dir(folder)
        target = _free_name(folder, now)
        try:
            os.link(source, target)
        except FileNotFoundError:
            return None  # nothing to keep yet: a new file
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
                raise
            shutil.copyfile(source, target)
            os.chmod(target, FILE_MODE)
        return target
    except OSError as exc:
        # The save itself matters more than its backup; a full disk shows up in the save.
        log.warning("backup of %s not made (%s)", source.name, errno.errorcode.get(exc.errno or 0))
        return None


def pin_copy(source: Path, folder: Path, label: str, now: datetime) -> Path:
    """A pinned copy of ``source`` (before a migration). Raises OSError on failure."""
    make_private_dir(folder)
    target = _free_name(folder, now, label)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(source, tmp)
    os.chmod(tmp, FILE_MODE)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


def to_remove(
    backups: list[Backup],
    now: datetime,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
) -> list[Backup]:
    """Which of ``backups`` (newest first) rotation removes."""
    keep: set[Path] = {b.path for b in backups if b.pinned}
    regular = [b for b in backups if not b.pinned]
    keep.update(b.path for b in regular[:keep_last])
    today = now.astimezone().date()
    first_day = today - timedelta(days=keep_days - 1)
    seen_days: set[date] = set()
    for b in regular:  # newest first: the first one seen on a day is that day's newest
        day = b.taken.astimezone().date()
        if first_day <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    return [b for b in regular if b.path not in keep]


def rotate(
    folder: Path,
    now: datetime,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
) -> int:
    """Remove the backups rotation no longer keeps. Never raises; returns how many went."""
    removed = 0
    for backup in to_remove(list_backups(folder), now, keep_last, keep_days):
        try:
            backup.path.unlink()
            removed += 1
        except OSError:
            log.warning("old backup %s not removed", backup.name)
    return removed
