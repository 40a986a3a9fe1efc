"""One writer per data folder.

The writing process holds an exclusive ``flock`` on ``<data>/peertui.lock`` for its whole life
and writes its PID and start time into the file, so a second peertui can say who holds it.
The kernel drops a ``flock`` when its process dies, however it dies: a lock file left by a dead
process is not locked, and the next peertui simply takes it over and writes its own details.

The lock file is only ever used if it is a plain file of our own: it is opened without
following a symlink and without waiting on a FIFO, and refused (``UnsafeLockFile``) if it is
anything else: a symlink, a folder, a FIFO, a socket, a device, a file with more than one name
(a hard link), or a file that belongs to another user. Nothing is truncated or written before
that check, so a planted ``peertui.lock`` cannot make peertui overwrite another file.

Linux and macOS. (On network file systems ``flock`` may not be reliable: keep the data folder
on the laptop's own disk.)
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from peertui.store.errors import LockHolder, StoreLocked, UnsafeLockFile
from peertui.store.paths import FILE_MODE, LOCK_NAME

# How much of the lock file is read to learn its holder: it holds ~60 bytes of JSON.
MAX_HOLDER_BYTES = 4096

# O_NOFOLLOW: a symlink is refused (ELOOP), never followed. O_NONBLOCK: a FIFO is opened (or
# refused) at once instead of waiting for a writer or reader; the fd is then checked by fstat.
_OPEN_FLAGS = os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK

# What ``open`` says when the name is not a plain file: a symlink (ELOOP; EMLINK on FreeBSD),
# a folder (EISDIR), a socket (ENXIO; EOPNOTSUPP on macOS), a FIFO or device that would block.
_NOT_A_FILE_ERRNOS = frozenset(
    code
    for code in (
        errno.ELOOP,
        errno.EMLINK,
        errno.EISDIR,
        errno.ENXIO,
        errno.EOPNOTSUPP,
        getattr(errno, "ENOTSUP", errno.EOPNOTSUPP),
        errno.EAGAIN,
        errno.EWOULDBLOCK,
        getattr(errno, "EFTYPE", None),
    )
    if code is not None
)


def _parse_holder(raw: bytes) -> LockHolder:
    """The holder in the lock file's bytes; ``LockHolder(None, None)`` for anything odd."""
    unknown = LockHolder(pid=None, started=None)
    try:
        info = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return unknown
    if not isinstance(info, dict):
        return unknown
    pid = info.get("pid")
    # Only a plain positive int that fits a pid_t: no bool, float, string or 4000-digit number.
    if type(pid) is not int or not 0 < pid < 2**31:
        return unknown
    started = info.get("started")
    if not isinstance(started, str) or len(started) > 64:
        return LockHolder(pid=pid, started=None)
    try:
        moment = datetime.fromisoformat(started)  # a lone surrogate is a ValueError here
        # Only an aware time in a sane range: shown later with .astimezone(), which would
        # overflow for year 1 or 9999 in some time zones.
        if moment.tzinfo is None or not 2000 <= moment.year <= 9000:
            return LockHolder(pid=pid, started=None)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return LockHolder(pid=pid, started=None)
    return LockHolder(pid=pid, started=moment)


def _is_plain_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_nlink <= 1


def _read_fd(fd: int) -> bytes:
    try:
        return os.pread(fd, MAX_HOLDER_BYTES, 0)
    except OSError:
        return b""


def read_holder(lock_path: Path) -> LockHolder:
    """What the lock file says about its holder (it may be mid-update: then less is known).

    Never follows a symlink, never waits on a FIFO, reads at most ``MAX_HOLDER_BYTES``; on any
    problem the holder is unknown, ``LockHolder(None, None)``."""
    try:
        fd = os.open(lock_path, os.O_RDONLY | _OPEN_FLAGS)
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
        return LockHolder(pid=None, started=None)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return LockHolder(pid=None, started=None)
        return _parse_holder(_read_fd(fd))
    except OSError:
        return LockHolder(pid=None, started=None)
    finally:
        os.close(fd)


class DataLock:
    """An exclusive lock on a data folder. ``acquire`` raises ``StoreLocked`` if taken, and
    ``UnsafeLockFile`` if ``peertui.lock`` is not a plain file of the current user."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None
        self.took_over: LockHolder | None = None  # a stale holder whose lock we took over

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _unsafe(self, *, other_owner: bool = False) -> UnsafeLockFile:
        return UnsafeLockFile(str(self.data_dir), other_owner=other_owner)

    def _refusal(self, exc: OSError) -> UnsafeLockFile | None:
        """Why ``open`` failed, if the reason is what sits at the lock file's name."""
        try:
            info = os.lstat(self.path)
        except OSError:
            return self._unsafe() if exc.errno in _NOT_A_FILE_ERRNOS else None
        if not stat.S_ISREG(info.st_mode):  # a symlink, folder, FIFO, socket or device
            return self._unsafe()
        if info.st_uid != os.getuid():  # EACCES: another user's (a ``sudo peertui`` once)
            return self._unsafe(other_owner=True)
        if exc.errno in _NOT_A_FILE_ERRNOS - {errno.EAGAIN, errno.EWOULDBLOCK}:
            return self._unsafe()  # it changed while we looked
        return None

    def _open(self) -> int:
        """The lock file, opened read-write (created 0600 if missing), checked to be a plain
        file of ours. Nothing has been written yet."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _OPEN_FLAGS, FILE_MODE)
        except OSError as exc:
            problem = self._refusal(exc)
            if problem is None:
                raise
            raise problem from None
        try:
            info = os.fstat(fd)
            if not _is_plain_file(info):
                raise self._unsafe()
            if info.st_uid != os.getuid():
                raise self._unsafe(other_owner=True)
            # A plain file: blocking mode again (it changes nothing for files, but is tidy).
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = self._open()
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                # Read through the fd we checked, not the name (which could change meanwhile).
                raise StoreLocked(str(self.data_dir), _parse_holder(_read_fd(fd))) from None
            os.fchmod(fd, FILE_MODE)
            previous = _parse_holder(_read_fd(fd))
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
