"""Every use of Textual's private API, in one place (Textual is pinned exactly; a test,
tests/ui/test_base.py, fails with a clear message if a new Textual changes these).

- ``CalmCrashes``: Textual's crash report prints local variables, and participants' words
  could be among them, on a projector. It is replaced by one calm line that holds no data
  (``App._handle_exception``, ``App._fatal_error``, ``App._exit_renderables``,
  ``App._close_messages_no_wait``).
- ``registered_themes``: the app registers its projector themes while Textual builds the
  stylesheet inside ``App.__init__`` (``App._registered_themes``), which saves parsing all CSS
  twice at start-up.
- ``Palette``: the command palette writes "No matches found" in a private method
  (``CommandPalette._start_no_matches_countdown``); this one writes it in the user's language.
  The rest of Textual's words are changed with public API in ``textual_words.py``.
- ``Footer``: Textual's Footer is recomposed after every change to the screen's bindings,
  and each of its keys (``FooterKey``, ``textual.widgets._footer``) is born compact and then
  made not compact: restyled twice. This one recomposes only when its keys change (it reads
  ``Footer._bindings_ready``), and its keys are born as they end (docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from peertui.i18n import _
from peertui.ui.textual_words import DanishBindings

#: What this module relies on, checked by the test.
PRIVATE_APP_METHODS = ("_handle_exception", "_fatal_error", "_close_messages_no_wait")
PRIVATE_APP_ATTRIBUTES = ("_exit_renderables", "_registered_themes")
#: The class of the keys ``Footer`` makes; the one key not bound to the Footer's ``compact``;
#: the Footer's flag for "the screen's bindings are known".
PRIVATE_FOOTER_NAMES = ("FooterKey", "-command-palette", "_bindings_ready")
PRIVATE_PALETTE_NAMES = (
    "_start_no_matches_countdown",
    "_stop_no_matches_countdown",
    "_no_matches_timer",
    "_NO_MATCHES",
    "_NO_MATCHES_COUNTDOWN",
    "_list_visible",
)


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
            Text(
                _(
                    "An unexpected error happened ({kind}). Nothing has been deleted. "
                    "Start peertui again; if that does not help, contact the person who "
                    "maintains peertui.",
                    kind=crash_summary(self._last_error),
                )
            )
        )
        self._close_messages_no_wait()


def registered_themes(app: App[Any]) -> set[str] | None:
    """The names of the themes registered so far, or None while ``App.__init__`` has not
    made the registry yet."""
    themes = getattr(app, "_registered_themes", None)
    return None if themes is None else set(themes)


class Palette(DanishBindings, CommandPalette):
    """The command palette, "No matches found" in the user's language (the same method as
    Textual's, with the words from the catalog)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matching commands"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class Footer(TextualFooter):
    """Textual's Footer, its keys composed only when they change and styled once.

    - Textual recomposes its Footer after every change to the screen's bindings (each focus
      change, each widget mounted that has bindings: eleven times while a long guide page
      opens), most times with the same keys. This one recomposes only when the keys it would
      show differ from those it shows.
    - Each key is given, before it is mounted, the ``compact`` it ends with in Textual, and
      the class that goes with it: Textual's keys are born compact (the ``-compact`` class
      added: a restyle) and are then bound to the Footer's ``compact``, False (the class
      removed: another restyle); the command palette's key is not bound and stays compact.

    It looks the same (tests/ui/test_stylesheets.py)."""

    _shown: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """Everything of the screen's bindings that ``compose`` shows."""
        return (
            self._bindings_ready,  # False: Textual's compose shows nothing yet
            self.compact,
            self.show_command_palette,
            self.combine_groups,
            tuple(
                (key, binding, self.app.get_key_display(binding), enabled, tooltip)
                for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            ),
        )

    async def recompose(self) -> None:
        if self.is_attached:
            keys = self._keys()
            if keys == self._shown:
                return
            self._shown = keys
        await super().recompose()

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # True: FooterKey.compact's default, which the palette's key keeps.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
