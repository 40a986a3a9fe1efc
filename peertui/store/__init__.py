"""The local store: participants' words kept safe on the facilitator's machine.

    from peertui.store import open_store, StoreError
    with open_store(data_dir) as store:
        for group in store.groups(): ...

Names are loaded lazily, so ``import peertui.store`` (and the CLI parser) stays fast; TinyDB is
imported only when a store is opened. No Textual here: the UI calls this package, never the
other way round.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "open_store": "peertui.store.repo",
    "open_for_app": "peertui.store.app",
    "AppStore": "peertui.store.app",
    "Store": "peertui.store.repo",
    "Erasure": "peertui.store.repo",
    "ExportBundle": "peertui.store.repo",
    "RestoreOffer": "peertui.store.repo",
    "resolve_data_dir": "peertui.store.paths",
    "StoreError": "peertui.store.errors",
    "StoreLocked": "peertui.store.errors",
    "StoreReadOnly": "peertui.store.errors",
    "StoreDamaged": "peertui.store.errors",
    "StoreTooNew": "peertui.store.errors",
    "SaveFailed": "peertui.store.errors",
    "InvalidInput": "peertui.store.errors",
    "CprNumberRefused": "peertui.store.errors",
    "ConsentMissing": "peertui.store.errors",
    "NotFound": "peertui.store.errors",
    "ImportInvalid": "peertui.store.errors",
    "UnsafeDataDir": "peertui.store.errors",
}

__all__ = [
    "AppStore",
    "ConsentMissing",
    "CprNumberRefused",
    "Erasure",
    "ExportBundle",
    "ImportInvalid",
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
    from peertui.store.errors import (
        ConsentMissing,
        CprNumberRefused,
        ImportInvalid,
        InvalidInput,
        NotFound,
        SaveFailed,
        StoreDamaged,
        StoreError,
        StoreLocked,
        StoreReadOnly,
        StoreTooNew,
        UnsafeDataDir,
    )
    from peertui.store.paths import resolve_data_dir
    from peertui.store.repo import Erasure, ExportBundle, RestoreOffer, Store, open_store
