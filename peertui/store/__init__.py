"""The local store: participants' words kept safe on the facilitator's machine.

    from peertui.store import open_store, StoreError
    with open_store(data_dir) as store:
        for group in store.groups(): ...

The package, by what each module owns:

    schema     every stored record, once: fields, limits, word lists, rules (msgspec)
    text       the one cleaner for text that enters or is printed; the CPR-number check
    files      atomic, durable writes; bounded reads that follow no link; the TinyDB storage
    backup     rolling backups per data file
    layout     the data files' tables <-> records; one open data file
    lock       the one-writer lock
    migrate    schema versions
    journal    all-or-nothing changes to several files (imports)
    erasure    erasures that finish (forget, consent withdrawn, a group deleted)
    recovery   damaged files, restore, migration of one file
    protection a protected folder: the data key, the passphrase, turning it on and off
    passphrase files locked with a passphrase (encrypted exports)
    groups, people, words, trainees
               plain functions over one group's file
    portable   export and import files
    store      the facade the screens and the commands call
    app, cli, demo, paths, errors

Names are loaded lazily, so ``import peertui.store`` (and the CLI parser) stays fast; TinyDB and
msgspec load only when a store is opened. No Textual here: the UI calls this package, never
the other way round.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "open_store": "peertui.store.store",
    "open_for_app": "peertui.store.app",
    "AppStore": "peertui.store.app",
    "Store": "peertui.store.store",
    "ImportReport": "peertui.store.store",
    "Erasure": "peertui.store.erasure",
    "ExportBundle": "peertui.store.portable",
    "RestoreOffer": "peertui.store.recovery",
    "resolve_data_dir": "peertui.store.paths",
    "StoreError": "peertui.store.errors",
    "StoreLocked": "peertui.store.errors",
    "StoreReadOnly": "peertui.store.errors",
    "StoreDamaged": "peertui.store.errors",
    "StoreTooNew": "peertui.store.errors",
    "StoreTooOld": "peertui.store.errors",
    "SaveFailed": "peertui.store.errors",
    "InvalidInput": "peertui.store.errors",
    "CprNumberRefused": "peertui.store.errors",
    "ConsentMissing": "peertui.store.errors",
    "NotFound": "peertui.store.errors",
    "ImportInvalid": "peertui.store.errors",
    "UnsafeDataDir": "peertui.store.errors",
    "ErasureUnfinished": "peertui.store.errors",
    "ImportUnfinished": "peertui.store.errors",
}

__all__ = [
    "AppStore",
    "ConsentMissing",
    "CprNumberRefused",
    "Erasure",
    "ErasureUnfinished",
    "ExportBundle",
    "ImportInvalid",
    "ImportReport",
    "ImportUnfinished",
    "InvalidInput",
    "NotFound",
    "RestoreOffer",
    "SaveFailed",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreReadOnly",
    "StoreTooNew",
    "StoreTooOld",
    "UnsafeDataDir",
    "open_for_app",
    "open_store",
    "resolve_data_dir",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'peertui.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:
    from peertui.store.app import AppStore, open_for_app
    from peertui.store.erasure import Erasure
    from peertui.store.errors import (
        ConsentMissing,
        CprNumberRefused,
        ErasureUnfinished,
        ImportInvalid,
        ImportUnfinished,
        InvalidInput,
        NotFound,
        SaveFailed,
        StoreDamaged,
        StoreError,
        StoreLocked,
        StoreReadOnly,
        StoreTooNew,
        StoreTooOld,
        UnsafeDataDir,
    )
    from peertui.store.paths import resolve_data_dir
    from peertui.store.portable import ExportBundle
    from peertui.store.recovery import RestoreOffer
    from peertui.store.store import ImportReport, Store, open_store
