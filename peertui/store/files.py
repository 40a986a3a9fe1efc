"""Atomic JSON files, and the TinyDB storage built on them.

A save writes a temp file in the same folder, flushes and fsyncs it, keeps the old version as a
backup (a hard link), ``os.replace``s the temp file over the data file and fsyncs the folder.
A process killed at any moment leaves the old file or the new one, never a mix; at worst a
``.<name>.<random>.tmp`` file, which the next writer removes.

TinyDB's own ``JSONStorage`` rewrites the file in place, which a kill can leave half-written.
``AtomicJSONStorage`` replaces it. It keeps the parsed data in memory: the data folder's lock
guarantees no other process writes the file, so reading it back on every operation (as TinyDB
otherwise would) buys nothing. Every write still goes to disk before the call returns; this is
not TinyDB's ``CachingMiddleware``. Only inside an explicit ``batch()`` are several table
operations collected into one write, which happens when the batch ends.

Sealing (a protected data folder, ``peertui.store.protection``) happens here and nowhere else:
``stage`` (and so ``write_atomic``) passes what it writes through the sealer registered for the
file's data folder, and ``read_bytes`` (and so ``read_json``) opens every file that starts
with the ``age`` header. A file is recognised by its own first line, so a folder half-way
through being protected or unprotected reads correctly. Without a sealer registered nothing
is sealed, and an ``age`` file is damage (it is not this folder's).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import msgspec
from tinydb.storages import Storage

from peertui.i18n import _
from peertui.store import backup
from peertui.store.errors import SaveFailed, SaveReason, StoreDamaged, StoreError, StoreReadOnly
from peertui.store.paths import FILE_MODE, TMP_SUFFIX, is_temp_name

log = logging.getLogger(__name__)

Tables = dict[str, dict[str, Any]]

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def utc_now() -> datetime:
    return datetime.now(UTC)


# --- sealing -----------------------------------------------------------------------------------

#: The first line of every binary ``age`` file: how a sealed data file is recognised.
AGE_HEADER = b"age-encryption.org/v1\n"


class Sealer(Protocol):
    """What a protected data folder does to its files' bytes (``protection.AgeSealer``)."""

    def seal(self, payload: bytes) -> bytes:
        """The bytes to write for ``payload`` (encrypted, or as they are)."""
        ...

    def open(self, raw: bytes, rel: str) -> bytes:
        """The plain bytes of a sealed file. ``StoreDamaged(rel)`` if they do not open."""
        ...


#: data folder -> the sealers registered for it (the newest counts; one per open store).
_sealers: dict[Path, list[Sealer]] = {}


def register_sealer(data_dir: Path, sealer: Sealer) -> None:
    """From now on, files under ``data_dir`` are written through ``sealer``."""
    _sealers.setdefault(data_dir, []).append(sealer)


def unregister_sealer(data_dir: Path, sealer: Sealer) -> None:
    found = _sealers.get(data_dir)
    if found is None:
        return
    with contextlib.suppress(ValueError):
        found.remove(sealer)
    if not found:
        del _sealers[data_dir]


def sealer_for(path: Path) -> Sealer | None:
    """The sealer of the data folder that holds ``path`` (None: not a protected folder)."""
    if not _sealers:
        return None
    for parent in path.parents:
        found = _sealers.get(parent)
        if found:
            return found[-1]
    return None


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(AGE_HEADER)


def unseal(path: Path, raw: bytes, rel: str) -> bytes:
    """The plain bytes of a file read from ``path``: a sealed one opened by its folder's
    sealer (``StoreDamaged`` without one), any other as it is."""
    if not is_sealed(raw):
        return raw
    sealer = sealer_for(path)
    if sealer is None:
        raise StoreDamaged(rel)
    return sealer.open(raw, rel)


_encoder = msgspec.json.Encoder()


def dumps(data: Any) -> bytes:
    """How data files are written: compact JSON, UTF-8, keys in the order given."""
    return _encoder.encode(data)


def classify(exc: OSError) -> SaveReason:
    if exc.errno in _DISK_FULL:
        return "disk_full"
    if exc.errno in _READ_ONLY:
        return "read_only"
    return "other"


def _code(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, str(exc.errno))


def _write_all(fd: int, payload: bytes) -> None:
    """Write all of ``payload`` to ``fd``. (Tests replace this to inject a full disk.)"""
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def stage(path: Path, payload: bytes, rel: str, *, seal: bool = True) -> Path:
    """Write ``payload`` to a fsynced 0600 temp file next to ``path``; return the temp file.
    ``seal``: through the sealer of ``path``'s data folder, if it has one (``False``: the
    bytes as they are, for what must stay readable without the key, or is sealed already)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    sealer = sealer_for(path) if seal else None
    if sealer is not None:
        payload = sealer.seal(payload)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise SaveFailed(rel, classify(exc), _code(exc)) from exc
    return tmp


def commit(
    tmp: Path,
    path: Path,
    rel: str,
    *,
    backup_folder: Path | None = None,
    now: datetime | None = None,
) -> None:
    """Put the staged ``tmp`` in place of ``path``, keeping the old version as a backup."""
    when = now or utc_now()
    try:
        if backup_folder is not None:
            backup.keep_version(path, backup_folder, when)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise SaveFailed(rel, classify(exc), _code(exc)) from exc
    if backup_folder is not None:
        backup.rotate(backup_folder, when)


def write_atomic(
    path: Path,
    payload: bytes,
    rel: str,
    *,
    backup_folder: Path | None = None,
    now: datetime | None = None,
    seal: bool = True,
) -> None:
    """Replace ``path`` with ``payload`` atomically and durably. Raises ``SaveFailed``.
    ``seal``: see ``stage``."""
    tmp = stage(path, payload, rel, seal=seal)
    commit(tmp, path, rel, backup_folder=backup_folder, now=now)


def read_bytes(path: Path, rel: str, limit: int | None = None, *, raw: bool = False) -> bytes:
    """The bytes of a regular file, read without following a symbolic link and without
    blocking (a FIFO or a device in its place is damage, not a hang). ``limit``: read at most
    that many bytes and one more, whatever ``stat`` says (``/dev/zero`` says 0).
    ``FileNotFoundError`` passes; a link or another kind of file is ``StoreDamaged``.
    A sealed file is opened (``unseal``) unless ``raw``."""
    found = _read_raw(path, rel, limit)
    return found if raw else unseal(path, found, rel)


def _read_raw(path: Path, rel: str, limit: int | None) -> bytes:
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise StoreDamaged(rel) from None
        raise StoreError(
            _(
                "The data file {file} cannot be read ({code}). Check the folder's permissions.",
                file=rel,
                code=_code(exc),
            )
        ) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreDamaged(rel)
        chunks: list[bytes] = []
        size = 0
        while limit is None or size <= limit:
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise StoreError(
            _(
                "The data file {file} cannot be read ({code}). Check the folder's permissions.",
                file=rel,
                code=_code(exc),
            )
        ) from exc
    finally:
        os.close(fd)


def read_json(path: Path, rel: str) -> Any:
    """Parse a data file. ``StoreDamaged`` if it is not JSON; ``FileNotFoundError`` passes."""
    raw = read_bytes(path, rel)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: not JSON, or a number too long to read (more than 4,300 digits)
        raise StoreDamaged(rel) from None


def remove_temp_files(folder: Path) -> None:
    """Temp files left by a process killed mid-save. Only the lock holder does this."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if is_temp_name(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and durably (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        *,
        rel: str,
        data: Tables,
        read_only: bool = False,
        backup_folder: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        loader: Callable[[], Tables] | None = None,
    ) -> None:
        self.path = path
        self.rel = rel
        self.read_only = read_only
        self.backup_folder = backup_folder
        self._clock = clock
        self._loader = loader
        self._data: Tables | None = data
        self._batch_depth = 0
        self._dirty = False

    # -- TinyDB's interface

    def read(self) -> Tables | None:
        if self._data is None:
            # Only after a failed save: go back to what is on disk.
            self._data = self._loader() if self._loader else read_json(self.path, self.rel)
        return self._data

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise StoreReadOnly()
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def close(self) -> None:
        pass

    # -- ours

    def _flush(self, *, backup: bool = True) -> None:
        assert self._data is not None
        try:
            write_atomic(
                self.path,
                dumps(self._data),
                self.rel,
                backup_folder=self.backup_folder if backup else None,
                now=self._clock(),
            )
        except BaseException:
            self._data = None  # what is in memory was not saved: forget it
            raise
        finally:
            self._dirty = False

    def replace_data(self, data: Tables, *, backup: bool = True) -> None:
        """Write ``data`` as the whole file (erasure, restore). Raises like ``write``.

        ``backup=False``: the old version is not kept (erasure must not leave a copy behind).
        """
        if self.read_only:
            raise StoreReadOnly()
        if self._batch_depth:
            raise RuntimeError("replace_data inside a batch")
        self._data = data
        self._flush(backup=backup)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes inside into one. If the block raises, nothing is written."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._dirty = False
                self._data = None  # drop the half-done changes; re-read from disk
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._flush()
