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

from peertui.i18n import _, ngettext
from peertui.store.errors import StoreLocked
from peertui.store.files import utc_now
from peertui.store.paths import resolve_data_dir
from peertui.store.store import Store, open_store
from peertui.store.text import clean_line


@dataclass(frozen=True, slots=True)
class AppStore:
    store: Store
    notices: tuple[str, ...]
    locked_by: StoreLocked | None = None  # set when opened read-only because of another peertui

    @property
    def read_only(self) -> bool:
        return self.store.read_only


def status_lines(store: Store, today: date | None = None) -> list[str]:
    """What the facilitator should know about the folder: damaged files, an erasure or an
    import that was interrupted (finished now, or still waiting), groups past their deletion
    date (on ``today``)."""
    lines = [clean_line(problem) for problem in store.damaged]
    if store.finished_erasures:
        lines.append(_("An interrupted deletion has now been finished."))
    if store.pending_erasures or store.unreadable_erasures:
        count = len(store.pending_erasures) + store.unreadable_erasures
        lines.append(
            ngettext(
                "{count} deletion has not been finished. It will be finished the next "
                "time peertui opens the data folder with write access.",
                "{count} deletions have not been finished. They will be finished the "
                "next time peertui opens the data folder with write access.",
                count,
            )
        )
    lines.extend(_protection_lines(store))
    if store.import_finished:
        lines.append(_("An interrupted import has now been finished."))
    elif store.import_finished is None:
        lines.append(
            _(
                "An import was interrupted. It will be finished the next time peertui "
                "opens the data folder with write access. Until then, the data is "
                "shown as it is after the import."
            )
        )
    past = store.groups_past_retention(today)
    if past:
        lines.append(
            ngettext(
                "{count} group is past its deletion date: {names}. Run 'peertui purge' "
                "to delete it.",
                "{count} groups are past their deletion date: {names}. Run 'peertui "
                "purge' to delete them.",
                len(past),
                names=", ".join(g.name for g in past),
            )
        )
    return lines


def _protection_lines(store: Store) -> list[str]:
    finished = store.protection_finished
    if finished == "protected":
        return [_("Turning on protection was interrupted and has now been finished.")]
    if finished == "plain":
        return [_("Turning off protection was interrupted and has now been finished.")]
    if finished == "undone":
        return [_("Turning on protection was interrupted before it began: nothing was changed.")]
    if store.protection_pending == "protected":
        return [
            _(
                "Turning on protection was interrupted. It will be finished the next time "
                "peertui opens the data folder with write access."
            )
        ]
    if store.protection_pending == "plain":
        return [
            _(
                "Turning off protection was interrupted. It will be finished the next time "
                "peertui opens the data folder with write access."
            )
        ]
    return []


def open_for_app(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    today: date | None = None,
    clock: Callable[[], datetime] = utc_now,
    passphrase: str | None = None,
) -> AppStore:
    """``passphrase``: a protected folder's (``PassphraseNeeded`` without it,
    ``WrongPassphrase`` if it does not open the folder: nothing has been changed)."""
    notices: list[str] = []
    locked: StoreLocked | None = None
    key = None
    if passphrase is not None:
        from peertui.store.protection import unlock  # PyNaCl loads only for a protected folder

        # Stretched once, whether the folder then opens writable or read-only.
        key = unlock(resolve_data_dir(data_dir), passphrase=passphrase)
    try:
        store = open_store(data_dir, clock=clock, key=key)
    except StoreLocked as exc:
        locked = exc
        store = open_store(data_dir, read_only=True, clock=clock, key=key)
        notices.append(
            _("{reason} peertui has been opened read-only: nothing will be saved.", reason=str(exc))
        )
    notices.extend(status_lines(store, today))
    return AppStore(store=store, notices=tuple(notices), locked_by=locked)
