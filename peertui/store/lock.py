"""One writer per data folder.

The writing process holds an exclusive ``flock`` on ``<data>/peertui.lock`` for its whole life
and writes its PID and start time into the file, so a second peertui can say who holds it.
The kernel drops a ``flock`` when its process dies, however it dies: a lock file left by a dead
process is not locked, and the next peertui simply takes it over and writes its own details.

Linux and macOS. (On network file systems ``flock`` may not be reliable: keep the data folder
on the laptop's own disk.)
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from peertui.store.errors import LockHolder, StoreLocked
from peertui.store.paths import FILE_MODE, LOCK_NAME


def read_holder(lock_path: Path) -> LockHolder:
    """What the lock file says about its holder (it may be mid-update: then less is known)."""
    try:
        info = json.loads(lock_path.read_text(encoding="utf-8"))
        pid = int(info["pid"])
        started = datetime.fromisoformat(info["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return LockHolder(pid=None, started=None)
    return LockHolder(pid=pid, started=started)


class DataLock:
    """An exclusive lock on a data folder. ``acquire`` raises ``StoreLocked`` if taken."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None
        self.took_over: LockHolder | None = None  # a stale holder whose lock we took over

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreLocked(str(self.data_dir), read_holder(self.path)) from None
            os.fchmod(fd, FILE_MODE)
            previous = read_holder(self.path)
            if previous.pid is not None:
                # Nobody holds the flock, so whoever wrote this is gone (or closed the store).
                self.took_over = previous
            info = {"pid": os.getpid(), "started": datetime.now(UTC).isoformat(timespec="seconds")}
            payload = json.dumps(info).encode("utf-8")
            os.ftruncate(fd, 0)
            os.pwrite(fd, payload, 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no stale details for the next one to read
        os.close(fd)  # closing drops the flock
