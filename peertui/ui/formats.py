"""Small presentation helpers several screens and dialogs share (no widgets here). Dates,
times, numbers and counts are written by ``peertui.formats``, for the UI and the sheets alike."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from peertui.i18n import _
from peertui.ui.textual_private import crash_summary

if TYPE_CHECKING:
    from peertui.store import Store


def store_today(store: Store) -> date:
    """Today by the store's clock (the day a teaching or a certificate is dated)."""
    return store.clock().astimezone().date()


def describe_error(error: BaseException | None) -> str:
    """One calm sentence: an ``ExportError``'s own, or the unexpected-error line (its type
    and place only, never its message, which could hold a participant's words)."""
    from peertui.export.errors import ExportError  # the exporter loads only when printing

    if isinstance(error, ExportError):
        return str(error)
    return _(
        "An unexpected error happened ({kind}). Nothing has been deleted. "
        "Start peertui again; if that does not help, contact the person who "
        "maintains peertui.",
        kind=crash_summary(error),
    )
