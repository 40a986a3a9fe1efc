"""Opening the store for the app: one call that the UI makes on start.

    opened = open_for_app(data_dir)
    opened.store        # writable, or read-only when another peertui holds the folder
    opened.notices      # calm messages for the home screen (read-only, damage, retention)

``StoreTooNew`` and ``UnsafeDataDir`` are raised: the app cannot work on such a folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from peertui.store.errors import StoreLocked
from peertui.store.repo import Store, open_store
from peertui.store.storage import utc_now
from peertui.strings import t


@dataclass(frozen=True, slots=True)
class AppStore:
    store: Store
    notices: tuple[str, ...]
    locked_by: StoreLocked | None = None  # set when opened read-only because of another peertui

    @property
    def read_only(self) -> bool:
        return self.store.read_only


def open_for_app(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    today: date | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> AppStore:
    notices: list[str] = []
    locked: StoreLocked | None = None
    try:
        store = open_store(data_dir, clock=clock)
    except StoreLocked as exc:
        locked = exc
        store = open_store(data_dir, read_only=True, clock=clock)
        notices.append(t("store.opened_read_only", reason=str(exc)))
    notices.extend(str(problem) for problem in store.damaged)
    if store.moved_trainees:
        names = ", ".join(g.name for g in store.moved_trainees)
        notices.append(t("store.moved_trainees", names=names))
    past = store.groups_past_retention(today)
    if past:
        names = ", ".join(g.name for g in past)
        notices.append(t("store.retention_reminder", count=len(past), names=names))
    return AppStore(store=store, notices=tuple(notices), locked_by=locked)
