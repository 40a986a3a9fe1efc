"""The errors the store raises. Every message comes from the catalogs (``peertui.i18n``) and
never holds participant text: no alias, no statement, no CPR number. File names in messages
are the data folder's own names (``groups/<id>.json``), which hold no participant text either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from peertui import labels
from peertui.formats import moment
from peertui.i18n import N_, _

SaveReason = Literal["disk_full", "read_only", "other"]


class StoreError(Exception):
    """Base class. ``str(error)`` is one calm, user-facing line (Danish first)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int | None
    started: datetime | None


class StoreLocked(StoreError):
    """Another process holds the data folder's lock; this one may only read."""

    def __init__(self, data_dir: str, holder: LockHolder) -> None:
        if holder.pid is not None and holder.started is not None:
            when = moment(holder.started)
            message = _(
                "The data folder {dir} is already in use by another peertui (process "
                "{pid}, started {started}). Close that one first, or open read-only.",
                dir=data_dir,
                pid=holder.pid,
                started=when,
            )
        elif holder.pid is not None:
            message = _(
                "The data folder {dir} is already in use by another peertui (process "
                "{pid}). Close that one first, or open read-only.",
                dir=data_dir,
                pid=holder.pid,
            )
        else:
            message = _(
                "The data folder {dir} is already in use by another peertui. Close "
                "that one first, or open read-only.",
                dir=data_dir,
            )
        super().__init__(message)
        self.data_dir = data_dir
        self.holder = holder


class StoreReadOnly(StoreError):
    """A write was asked of a store opened read-only."""

    def __init__(self) -> None:
        super().__init__(_("peertui has been opened read-only, so nothing can be saved here."))


class StoreDamaged(StoreError):
    """A data file cannot be read. It is left exactly as it is until ``peertui data restore``."""

    def __init__(self, file: str, *, missing: bool = False) -> None:
        key = (
            N_(
                "The data file {file} is missing. Run 'peertui data restore' to get "
                "the newest good backup."
            )
            if missing
            else N_(
                "The data file {file} is damaged and cannot be read. It will not be "
                "changed. Run 'peertui data restore' to get the newest good backup."
            )
        )
        super().__init__(_(key, file=file))
        self.file = file
        self.missing = missing


class StoreTooNew(StoreError):
    """A data file was written by a newer peertui (higher schema version)."""

    def __init__(self, file: str, found: int, supported: int) -> None:
        super().__init__(
            _(
                "The data file {file} was saved by a newer version of peertui (version "
                "{found} of the data format; this version knows up to {supported}). "
                "Update peertui. Nothing has been changed.",
                file=file,
                found=found,
                supported=supported,
            )
        )
        self.file = file
        self.found = found
        self.supported = supported


class StoreTooOld(StoreDamaged):
    """A data file from a test version of peertui (a schema this one no longer reads). It is
    handled like a damaged file: named, left as it is, its group not shown."""

    def __init__(self, file: str, found: int, oldest: int) -> None:
        super().__init__(file)
        self.message = _(
            "The data file {file} was saved by an early test version of peertui "
            "(schema {found}). This version reads schema {oldest} and newer, and "
            "the file has not been changed.",
            file=file,
            found=found,
            oldest=oldest,
        )
        self.args = (self.message,)
        self.found = found


class ErasureUnfinished(StoreError):
    """An erasure was begun and could not be finished now (a full disk, a read-only folder).
    It is recorded, and is finished the next time peertui opens the data folder to write."""

    def __init__(self, reason: SaveReason) -> None:
        super().__init__(_(labels.STORE_ERASURE_UNFINISHED[reason]))
        self.reason: SaveReason = reason


class ImportUnfinished(StoreError):
    """An import was committed but not every file is in place yet: it is finished the next
    time peertui opens the data folder to write."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The import is not quite in place yet. It will be finished the next "
                "time peertui opens the data folder; nothing has been mixed up."
            )
        )


class SaveFailed(StoreError):
    """A save did not happen. The file on disk is the one from the last successful save."""

    def __init__(self, file: str, reason: SaveReason, errno_name: str = "") -> None:
        super().__init__(_(labels.STORE_SAVE_FAILED[reason], file=file, code=errno_name or "?"))
        self.file = file
        self.reason: SaveReason = reason
        self.errno_name = errno_name


class UnsafeDataDir(StoreError):
    """The folder given as data folder holds other things; peertui will not write into it."""

    def __init__(self, data_dir: str) -> None:
        super().__init__(
            _(
                "The folder {dir} contains files that are not peertui's. Choose an "
                "empty folder or a peertui data folder; peertui does not write in "
                "other folders.",
                dir=data_dir,
            )
        )
        self.data_dir = data_dir


class NotFound(StoreError, LookupError):
    """A group, participant, statement, ... that does not exist (or no longer exists)."""

    def __init__(self, what: str, ref: str) -> None:
        # ``ref`` is an id or what the user typed on the command line, never stored text.
        super().__init__(_(labels.STORE_NOT_FOUND[what], ref=ref))
        self.what = what
        self.ref = ref


class InvalidInput(StoreError, ValueError):
    """A value the store refuses. ``field`` names the field, never its content."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class CprNumberRefused(InvalidInput):
    """The text looks like a Danish CPR number. peertui never stores one."""

    def __init__(self, field: str) -> None:
        super().__init__(
            _(
                "There is something that looks like a CPR number in '{field}'. peertui "
                "never saves CPR numbers, so it has not been saved. Use a first name "
                "or nickname, and remove the number.",
                field=field,
            ),
            field,
        )


class ConsentMissing(StoreError):
    """The participant has not given (or has withdrawn) the consent this needs."""

    def __init__(self, purpose: str) -> None:
        super().__init__(
            _(
                "The participant has not given consent to: {purpose}. Nothing has been saved.",
                purpose=_(labels.CONSENT[purpose]),
            )
        )
        self.purpose = purpose


class ImportInvalid(StoreError):
    """An import file that is not valid. The store has not been touched."""

    def __init__(self, message: str) -> None:
        detail = message if message.rstrip().endswith((".", "!", "?")) else f"{message}."
        super().__init__(
            _("The file cannot be imported: {detail} Nothing has been changed.", detail=detail)
        )


class UnsafeLockFile(StoreError):
    """``peertui.lock`` in the data folder is not a plain file of this user (a symlink, folder,
    FIFO, socket, hard link, or another user's file). peertui neither follows nor changes it."""

    def __init__(self, data_dir: str, *, other_owner: bool = False) -> None:
        key = (
            N_(
                "The lock file peertui.lock in the data folder {dir} belongs to "
                "another user, so peertui will not touch it: move it away and start "
                "peertui again."
            )
            if other_owner
            else N_(
                "The lock file peertui.lock in the data folder {dir} is not an "
                "ordinary file, so peertui will not touch it: move it away and start "
                "peertui again."
            )
        )
        super().__init__(_(key, dir=data_dir))
        self.data_dir = data_dir
        self.other_owner = other_owner
