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

from peertui.formats import plural
from peertui.store.errors import StoreLocked
from peertui.store.files import utc_now
from peertui.store.store import Store, open_store
from peertui.store.text import clean_line
from peertui.strings import t


@dataclass(frozen=True, slots=True)
class AppStore:
    store: Store
    notices: tuple[str, ...]
    locked_by: StoreLocked | None = None  # set when opened read-only because of another peertui

    @property
    def read_only(self) -> bool:
        return self.store.read_only


def status_lines(store: Store) -> list[str]:
    """What the facilitator should know about the folder: damaged files, an erasure or an
    import that was interrupted (finished now, or still waiting)."""
    lines = [clean_line(problem) for problem in store.damaged]
    if store.finished_erasures:
        lines.append(t("store.erasures_finished"))
    if store.pending_erasures or store.unreadable_erasures:
        count = len(store.pending_erasures) + store.unreadable_erasures
        lines.append(plural("store.erasures_pending", count))
    if store.import_finished:
        lines.append(t("store.import_finished"))
    elif store.import_finished is None:
        lines.append(t("store.import_pending"))
    return lines


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
    notices.extend(status_lines(store))
    past = store.groups_past_retention(today)
    if past:
        names = ", ".join(g.name for g in past)
        notices.append(plural("store.retention_reminder", len(past), names=names))
    return AppStore(store=store, notices=tuple(notices), locked_by=locked)
