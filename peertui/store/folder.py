"""One open data folder: the lock, the data files in memory, damage, interrupted work.

``DataFolder`` opens a folder (writable: takes the lock, unlocks a protected folder's data key,
removes temp files left by a kill, finishes protection being turned on or off, an interrupted
import and any unfinished erasure, migrates older files; read-only: takes no lock and writes
nothing), keeps one ``DataFile`` per readable group, lists the
damaged ones, carries out erasures, restores damaged files, and turns protection on and off
(``peertui.store.protection``). The ``Store`` facade
(``peertui.store.store``) builds on it; nothing else uses it directly.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from peertui import labels
from peertui.i18n import _
from peertui.store import erasure, journal, migrate, protection, recovery
from peertui.store.erasure import Erasure, Pending
from peertui.store.errors import (
    ErasureUnfinished,
    ImportUnfinished,
    NotFound,
    SaveFailed,
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    UnsafeDataDir,
)
from peertui.store.files import (
    classify,
    dumps,
    fsync_dir,
    register_sealer,
    remove_temp_files,
    unregister_sealer,
    write_atomic,
)
from peertui.store.layout import DataFile, Tables, load_tables, store_to_tables
from peertui.store.lock import DataLock
from peertui.store.paths import (
    GROUPS_DIR,
    ID_RE,
    INCOMING_DIR,
    STORE_NAME,
    group_rel,
    is_peertui_dir,
    make_private_dir,
)
from peertui.store.recovery import RestoreOffer
from peertui.store.schema import to_second

if TYPE_CHECKING:
    from peertui.store.protection import AgeSealer, Direction, Identity

log = logging.getLogger(__name__)


class DataFolder:
    """An open data folder (see the module docstring). Not thread-safe on its own: the
    ``Store`` facade serialises every call."""

    def __init__(
        self,
        data_dir: Path,
        *,
        read_only: bool,
        clock: Callable[[], datetime],
        passphrase: str | None = None,
        recovery: str | None = None,
        key: Identity | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self.clock = clock
        self.damaged: list[StoreDamaged] = []
        self.migrated: list[tuple[str, int]] = []  # (file, schema it had)
        #: Erasures begun earlier and finished on this open; those still pending (read-only,
        #: or not possible yet); erasure records that could not be read.
        self.finished_erasures: list[Pending] = []
        self.pending_erasures: list[Pending] = []
        self.unreadable_erasures = 0
        #: An import found half-done: finished on this open (True), or still pending (None).
        self.import_finished: bool | None = False
        self._mutex = threading.RLock()
        self._lock = DataLock(data_dir)
        self._closed = False
        self._store_file: DataFile | None = None
        self._groups: dict[str, DataFile] = {}
        #: A protected folder: how to unlock it (used once, on opening, then forgotten), and
        #: its data key and sealer once unlocked.
        self._secrets: tuple[str | None, str | None, Identity | None] = (passphrase, recovery, key)
        self._identity: Identity | None = None
        self._sealer: AgeSealer | None = None
        #: Protection being turned on or off, found on opening: finished now ("protected",
        #: "plain"), undone because it had not really begun ("undone"), or still waiting
        #: (``protection_pending``: the direction).
        self.protection_finished: str | None = None
        self.protection_pending: Direction | None = None

    # -- opening and closing

    def _open(self) -> None:
        overrides: dict[str, Path] = {}
        removed: set[str] = set()
        if not self.read_only:
            if not is_peertui_dir(self.data_dir):
                raise UnsafeDataDir(str(self.data_dir))
            make_private_dir(self.data_dir)
            self._lock.acquire()
            change = self._unlock()  # before anything is read or changed
            make_private_dir(self.data_dir / GROUPS_DIR)
            remove_temp_files(self.data_dir)
            if change is not None:
                self._finish_change(change)
            self.import_finished = journal.recover(self.data_dir, self.clock()) or False
        else:
            change = self._unlock()
            self.protection_pending = change.to if change is not None else None
            pending = journal.read(self.data_dir)
            if pending is not None:
                self.import_finished = None
                removed = set(pending.remove)
                for rel in pending.install:
                    staged = journal.incoming_path(self.data_dir, rel)
                    if staged.exists():
                        overrides[rel] = staged
        to_migrate: list[tuple[str, int, Tables]] = []
        self._store_file = self._open_file(STORE_NAME, "store", None, to_migrate, overrides)
        groups_dir = self.data_dir / GROUPS_DIR
        names = set(os.listdir(groups_dir)) if groups_dir.is_dir() else set()
        names |= {Path(r).name for r in overrides if r.startswith(f"{GROUPS_DIR}/")}
        # The journal's removals count whenever a journal is pending, not only while staged
        # files are left: once every file was moved (no override) a removed group still
        # showed next to the new ones to a read-only open (a mix of old and new).
        for name in sorted(names):
            stem, dot, ext = name.rpartition(".")
            if dot and ext == "json" and ID_RE.match(stem) and group_rel(stem) not in removed:
                data_file = self._open_file(group_rel(stem), "group", stem, to_migrate, overrides)
                if data_file is not None:
                    self._groups[stem] = data_file
        # Only now that no file is from a newer peertui (StoreTooNew) is anything migrated.
        for rel, found, tables in to_migrate:
            recovery.migrate_file(self.data_dir, rel, found, tables, self.clock())
        self._finish_erasures()

    # -- protection

    def _unlock(self) -> protection.Change | None:
        """Unlock a protected folder's data key (``PassphraseNeeded``, ``WrongPassphrase``,
        ``WrongRecoveryKey``: nothing has been read or changed) and seal its files from now
        on; return the change under way, if any."""
        passphrase, recovery, key = self._secrets
        self._secrets = (None, None, None)
        change = protection.read_change(self.data_dir)
        if key is not None and protection.is_protected(self.data_dir):
            identity: Identity | None = protection.check_key(self.data_dir, key)
        else:
            identity = protection.unlock(self.data_dir, passphrase=passphrase, recovery=recovery)
        if identity is not None:
            self._identity = identity
            self._seal(sealing=change is None or change.to == "protected")
        return change

    def _seal(self, *, sealing: bool) -> None:
        """Write through a sealer from now on (``sealing``: new files encrypted)."""
        assert self._identity is not None
        self._drop_sealer()
        self._sealer = protection.AgeSealer(self._identity, sealing=sealing)
        register_sealer(self.data_dir, self._sealer)

    def _drop_sealer(self) -> None:
        if self._sealer is not None:
            unregister_sealer(self.data_dir, self._sealer)
            self._sealer = None

    def _finish_change(self, change: protection.Change) -> None:
        try:
            self.protection_finished = protection.finish(self.data_dir, change, self._identity)
        except (SaveFailed, OSError):
            log.warning("protection change to %s not finished", change.to)
            self.protection_pending = change.to
            return
        if self.protection_finished == "plain":
            self._identity = None
            self._drop_sealer()

    @property
    def protected(self) -> bool:
        """Is the folder protected (its files encrypted, opened with the passphrase)?"""
        return self._identity is not None

    @property
    def key(self) -> Identity | None:
        """The unlocked data key of a protected folder (to open it again without stretching
        the passphrase again)."""
        return self._identity

    def protect(self, passphrase: str, identity: Identity) -> protection.Converted:
        """Turn protection on: ``identity`` becomes the data key, locked with ``passphrase``;
        every data file is encrypted, all or nothing (see ``peertui.store.protection``).
        ``StoreError`` if nothing changed; ``ProtectionUnfinished`` if it is written down
        and the next open finishes it."""
        with self._mutex:
            self._writable()
            if protection.is_protected(self.data_dir):
                raise StoreError(_("The data folder is already protected with a passphrase."))
            protection.begin(self.data_dir, "protected")
            try:
                protection.write_key(self.data_dir, identity, passphrase)
            except (SaveFailed, OSError) as exc:
                with contextlib.suppress(OSError):
                    protection.end(self.data_dir)
                raise StoreError(
                    _(
                        "Protection has not been turned on: {reason}. The data folder is as "
                        "before.",
                        reason=protection.reason_of(exc),
                    )
                ) from None
            self._identity = identity
            self._seal(sealing=True)
            try:
                done = protection.convert(self.data_dir, identity, "protected")
                protection.end(self.data_dir)
            except (SaveFailed, OSError) as exc:
                self.protection_pending = "protected"
                raise protection.ProtectionUnfinished(
                    "protected", protection.reason_of(exc)
                ) from None
            return done

    def unprotect(self) -> protection.Converted:
        """Turn protection off: every data file decrypted, the key file removed, all or
        nothing. The folder must have been opened with its passphrase."""
        with self._mutex:
            self._writable()
            identity = self._identity
            if identity is None:
                raise StoreError(_("The data folder is not protected with a passphrase."))
            protection.begin(self.data_dir, "plain")
            self._seal(sealing=False)
            try:
                done = protection.convert(self.data_dir, identity, "plain")
                protection.remove_key(self.data_dir)
                protection.end(self.data_dir)
            except (SaveFailed, OSError) as exc:
                self.protection_pending = "plain"
                raise protection.ProtectionUnfinished("plain", protection.reason_of(exc)) from None
            self._identity = None
            self._drop_sealer()
            return done

    def change_passphrase(self, passphrase: str) -> None:
        """Lock the data key with a new passphrase (only ``key.json`` is rewritten, in one
        step). The folder must have been opened with the old passphrase or the recovery key."""
        with self._mutex:
            self._writable()
            if self._identity is None:
                raise StoreError(_("The data folder is not protected with a passphrase."))
            protection.write_key(self.data_dir, self._identity, passphrase)

    def _open_file(
        self,
        rel: str,
        kind: str,
        group_id: str | None,
        to_migrate: list[tuple[str, int, Tables]],
        overrides: dict[str, Path],
    ) -> DataFile | None:
        path = overrides.get(rel, self.data_dir / rel)
        try:
            tables, found = load_tables(path, rel, kind, group_id)
        except FileNotFoundError:
            if kind == "group":
                return None
            if recovery.has_backups(self.data_dir, rel):
                self.damaged.append(StoreDamaged(rel, missing=True))
                return None
            tables, found = store_to_tables(), migrate.SCHEMA
            if not self.read_only:
                write_atomic(self.data_dir / rel, dumps(tables), rel)
        except StoreDamaged as exc:
            log.warning("damaged data file %s", rel)
            self.damaged.append(exc)
            return None
        if found != migrate.SCHEMA:
            self.migrated.append((rel, found))
            if not self.read_only:
                to_migrate.append((rel, found, tables))
        if not self.read_only:
            recovery.private_mode(self.data_dir / rel)
        return DataFile(
            self.data_dir, rel, kind, tables, read_only=self.read_only, clock=self.clock
        )

    def _finish_erasures(self) -> None:
        found, self.unreadable_erasures = erasure.pending_erasures(self.data_dir)
        if self.read_only:
            self.pending_erasures = found
            return
        for pending in found:
            try:
                self._carry_out(pending)
            # ErasureUnfinished too: _carry_out turns SaveFailed into it, so a full disk
            # made this open raise instead of leaving the erasure pending.
            except (SaveFailed, ErasureUnfinished, OSError):
                self.pending_erasures.append(pending)
                continue
            if erasure.is_pending(self.data_dir, pending):
                self.pending_erasures.append(pending)  # the group file is damaged: waits
            else:
                self.finished_erasures.append(pending)

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self._drop_sealer()
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def took_over_stale_lock(self) -> bool:
        """True if a dead peertui's lock was taken over on opening."""
        return self._lock.took_over is not None

    def _writable(self) -> None:
        if self._closed:
            raise StoreError(_("The data folder is closed. Start peertui again."))
        if self.read_only:
            raise StoreReadOnly()

    def _today(self) -> date:
        return self.clock().astimezone().date()

    def _now(self) -> datetime:
        return to_second(self.clock())

    # -- files

    def _file(self, group_id: str) -> DataFile:
        data_file = self._groups.get(group_id)
        if data_file is None:
            rel = group_rel(group_id) if ID_RE.match(group_id) else ""
            for problem in self.damaged:
                if problem.file == rel:
                    raise problem
            raise NotFound("group", group_id)
        return data_file

    def _write(self, group_id: str) -> DataFile:
        """The group's file, for a change (which is saved when the call returns)."""
        self._writable()
        return self._file(group_id)

    @contextlib.contextmanager
    def batch(self, group_id: str) -> Iterator[None]:
        """Several changes to one group saved as one write when the block ends. If the block
        raises, none of them is saved."""
        data_file = self._write(group_id)
        with self._mutex, data_file.storage.batch():
            yield

    def _carry_out(self, pending: Pending) -> Erasure:
        def live(transform: Callable[[Tables], Tables]) -> bool:
            data_file = self._groups.get(pending.group)
            if data_file is None:
                return False
            data_file.replace(transform(copy.deepcopy(data_file.tables())), backup=False)
            return True

        try:
            return erasure.finish(self.data_dir, pending, live)
        except (SaveFailed, OSError) as exc:
            if pending.what != "group" and pending.group in self._groups:
                with contextlib.suppress(StoreError):
                    self._groups[pending.group].storage.read()  # back to what is on the disk
            reason = exc.reason if isinstance(exc, SaveFailed) else classify(exc)
            raise ErasureUnfinished(reason) from None

    # -- damage and recovery

    def restore_offers(self) -> list[RestoreOffer]:
        """For each damaged file, the newest backup that reads correctly (or None)."""
        with self._mutex:
            return [recovery.offer(self.data_dir, p.file) for p in self.damaged]

    def restore(self, rel: str) -> RestoreOffer:
        """Restore the damaged file ``rel`` from its newest good backup. The damaged file is
        moved to ``damaged/`` (never overwritten, never deleted except by forget/purge)."""
        with self._mutex:
            return self._restore(rel)

    def _restore(self, rel: str) -> RestoreOffer:
        self._writable()
        if not any(p.file == rel for p in self.damaged):
            raise NotFound("damaged_file", rel)
        offer, tables = recovery.restore(self.data_dir, rel, self.clock())
        kind = "store" if rel == STORE_NAME else "group"
        data_file = DataFile(self.data_dir, rel, kind, tables, read_only=False, clock=self.clock)
        if kind == "store":
            self._store_file = data_file
        else:
            self._groups[Path(rel).stem] = data_file
        self.damaged = [p for p in self.damaged if p.file != rel]
        self._finish_erasures()  # an erasure that waited for this file
        return offer

    # -- new files

    def _add_group_file(self, rel: str, tables: Tables) -> None:
        self._groups[Path(rel).stem] = DataFile(
            self.data_dir, rel, "group", tables, read_only=False, clock=self.clock
        )

    def _install(
        self, files: list[tuple[str, Tables]], removed: list[str], extra: list[tuple[str, bytes]]
    ) -> None:
        """Put group files in place and remove others, all at once (``journal``).
        ``StoreError`` ("Intet er importeret") if nothing changed; ``ImportUnfinished`` if
        the change is committed and finishes on the next open."""
        try:
            journal.commit(
                self.data_dir,
                [(rel, dumps(tables)) for rel, tables in files] + extra,
                [group_rel(gid) for gid in removed],
                self.clock(),
            )
        except SaveFailed as exc:
            if (self.data_dir / INCOMING_DIR).exists():
                raise ImportUnfinished() from None
            raise StoreError(
                _(
                    "Nothing has been imported: {reason}. The data folder is as before.",
                    reason=_(labels.REASON[exc.reason]),
                )
            ) from None
        except OSError:
            raise ImportUnfinished() from None
        for gid in removed:
            del self._groups[gid]
        for rel, tables in files:
            self._add_group_file(rel, tables)
        fsync_dir(self.data_dir / GROUPS_DIR)
