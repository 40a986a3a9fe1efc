"""Autosave for editors of a participant's words: saved within a second, and on leaving.

An editor calls :meth:`Autosaver.changed` on every edit and :meth:`Autosaver.flush` when the
user leaves. The save function raises ``StoreError`` on failure (full disk, read-only
folder, CPR-like text): the text stays in the editor, the state says "not saved" with the
reason, and the next edit (or flush) tries again. The state is shown by a
:class:`SaveState` widget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from peertui.formats import time_of_day
from peertui.i18n import _
from peertui.store import StoreError
from peertui.store.text import clean
from peertui.ui.widgets.quiet import show

State = Literal["saved", "pending", "failed", "off"]

#: Save this long after the last keystroke.
AUTOSAVE_DELAY = 0.8


def clean_typed_text(text: str, limit: int) -> tuple[str, list[str]]:
    """What may be stored of ``text``: cleaned by the store's one cleaner (control characters
    other than newline and tab, lone surrogates), and cut to ``limit`` characters. Returns
    the text and the notices (Danish) that the user should see."""
    notices: list[str] = []
    cleaned = clean(text)
    if cleaned != text:
        notices.append(_("Invisible control characters in the text have been removed."))
    if len(cleaned) > limit:
        cleaned = cleaned[:limit]
        notices.append(
            _("The text was too long and has been cut to {limit} characters.", limit=limit)
        )
    return cleaned, notices


class SaveState(Static):
    """ "Gemt kl. 19:42" / "Gemmer …" / "Ikke gemt: <reason>" (never any of the words)."""

    DEFAULT_CSS = """
    SaveState.-failed {
        color: $text-error;
        text-style: bold;
    }
    SaveState.-pending {
        color: $text-muted;
    }
    """

    def show(self, state: State, detail: str = "") -> None:
        for name in ("saved", "pending", "failed", "off"):
            self.set_class(name == state, f"-{name}")
        if state == "saved":
            text = (
                _("Saved {when}", when=detail)
                if detail
                else _("Saved at {time}", time=time_of_day(datetime.now()))
            )
        elif state == "pending":
            text = _("Saving …")
        elif state == "failed":
            text = _(
                "NOT SAVED: {reason} The text is still here; peertui will try again.", reason=detail
            )
        else:
            text = detail
        # Every keystroke says "Saving …" again: only a change is drawn (each update would lay
        # out the whole screen, its tall text fields too: docs/performance.md).
        show(self, Content(text))


class Autosaver:
    def __init__(
        self,
        owner: Widget,
        save: Callable[[], None],
        on_state: Callable[[State, str], None],
        delay: float = AUTOSAVE_DELAY,
    ) -> None:
        self.owner = owner
        self._save = save
        self._on_state = on_state
        self.delay = delay
        self.dirty = False
        self.state: State = "saved"
        self._timer: Timer | None = None

    def changed(self) -> None:
        """An edit: save after a short quiet moment."""
        self.dirty = True
        self._set("pending")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(self.delay, self.flush)

    def flush(self) -> bool:
        """Save now if anything is unsaved. True when everything is saved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty:
            return self.state != "failed"
        try:
            self._save()
        except StoreError as exc:
            self._set("failed", str(exc))
            return False
        self.dirty = False
        self._set("saved")
        return True

    def _set(self, state: State, detail: str = "") -> None:
        self.state = state
        self._on_state(state, detail)
