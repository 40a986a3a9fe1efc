"""Every use of Textual's private API, in one place (Textual is pinned exactly; a test,
tests/ui/test_base.py, fails with a clear message if a new Textual changes these).

- ``CalmCrashes``: Textual's crash report prints local variables, and participants' words
  could be among them, on a projector. It is replaced by one calm line that holds no data
  (``App._handle_exception``, ``App._fatal_error``, ``App._exit_renderables``,
  ``App._close_messages_no_wait``).
- ``registered_themes``: the app registers its projector themes while Textual builds the
  stylesheet inside ``App.__init__`` (``App._registered_themes``), which saves parsing all CSS
  twice at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App

from peertui.strings import t

#: What this module relies on, checked by the test.
PRIVATE_APP_METHODS = ("_handle_exception", "_fatal_error", "_close_messages_no_wait")
PRIVATE_APP_ATTRIBUTES = ("_exit_renderables", "_registered_themes")


def crash_summary(error: BaseException | None) -> str:
    """The error's type and where it happened in peertui: never its message or values."""
    if error is None:
        return "?"
    where = ""
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if "peertui" in Path(filename).parts:
            where = f" {Path(filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return f"{type(error).__name__}{where}"


class CalmCrashes(App[Any]):
    """An app whose crash report is one calm line without data."""

    _last_error: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        self._last_error = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self._exit_renderables.append(
            Text(t("error.unexpected", kind=crash_summary(self._last_error)))
        )
        self._close_messages_no_wait()


def registered_themes(app: App[Any]) -> set[str] | None:
    """The names of the themes registered so far, or None while ``App.__init__`` has not
    made the registry yet."""
    themes = getattr(app, "_registered_themes", None)
    return None if themes is None else set(themes)
