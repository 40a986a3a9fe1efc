"""Textual's own words in the user's language, in one place.

Textual 8 keeps its words in English in code: the descriptions of its widgets' keys (the
``?`` help panel, a footer such as a dropdown's "esc Dismiss menu"), the command palette's
placeholder and "No matches found", the theme picker and the ctrl+c hint. This module turns
them into peertui's words, with Textual's public API:

- ``DanishBindings``: a screen's ``active_bindings`` (what the help panel, the footer and
  the palette read) with each description and tooltip translated through the catalog, whose
  msgid is Textual's own English (``TEXTUAL_WORDS`` below marks them for ``pybabel``).
  Mixed into every screen and dialog of the app (and the wall) and into the palette.
- ``TextualWords``: the app's command palette and theme picker open ``Palette`` with a
  Danish placeholder (the picker names peertui's own themes in the user's language,
  ``themes.ThemeNames``); ctrl+c outside a text field says how to quit in Danish; the help
  panel's group title for a text field is Danish. The console and the wall are both one.

"No matches found" is written by a private method of the palette: that one part is in
``textual_private.Palette``. tests/ui/test_textual_words.py walks the screens and fails on
any English word; tests/ui/test_languages.py walks every screen in Danish and in English and
fails on any word of the other language; tests/ui/test_base.py fails when Textual changes
the private part.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.widgets import Input

from peertui.i18n import N_, _, language

#: Textual's own English words that peertui shows (binding descriptions and tooltips of its
#: widgets, as Textual writes them), so the catalog carries them.
TEXTUAL_WORDS = frozenset(
    (
        N_("Bottom"),
        N_("Copy"),
        N_("Copy selected text"),
        N_("Cursor Down"),
        N_("Cursor Up"),
        N_("Cursor down"),
        N_("Cursor down select"),
        N_("Cursor left"),
        N_("Cursor left select"),
        N_("Cursor left word select"),
        N_("Cursor line end"),
        N_("Cursor line end select"),
        N_("Cursor line start"),
        N_("Cursor line start select"),
        N_("Cursor page down"),
        N_("Cursor page up"),
        N_("Cursor right"),
        N_("Cursor right select"),
        N_("Cursor right word select"),
        N_("Cursor to next ancestor"),
        N_("Cursor to next sibling"),
        N_("Cursor to parent"),
        N_("Cursor to previous sibling"),
        N_("Cursor up"),
        N_("Cursor up select"),
        N_("Cursor word left"),
        N_("Cursor word right"),
        N_("Cut"),
        N_("Cut selected text"),
        N_("Delete all to the left"),
        N_("Delete all to the right"),
        N_("Delete character left"),
        N_("Delete character right"),
        N_("Delete left to start of word"),
        N_("Delete line"),
        N_("Delete right to start of word"),
        N_("Delete to line end"),
        N_("Delete to line start"),
        N_("Dismiss menu"),
        N_("Down"),
        N_("End"),
        N_("Exit the command palette"),
        N_("Expand or collapse all"),
        N_("First"),
        N_("Focus Next"),
        N_("Focus Previous"),
        N_("Go to bottom"),
        N_("Go to end"),
        N_("Go to start"),
        N_("Go to top"),
        N_("Home"),
        N_("Last"),
        N_("Move cursor left"),
        N_("Move cursor left a word"),
        N_("Move cursor left a word and select"),
        N_("Move cursor left and select"),
        N_("Move cursor right"),
        N_("Move cursor right a word"),
        N_("Move cursor right a word and select"),
        N_("Move cursor right and select"),
        N_("Move cursor right or accept the completion suggestion"),
        N_("Next command"),
        N_("Next option"),
        N_("Next page"),
        N_("Next tab"),
        N_("Open link"),
        N_("Open the command palette"),
        N_("Page Down"),
        N_("Page Left"),
        N_("Page Right"),
        N_("Page Up"),
        N_("Page down"),
        N_("Page up"),
        N_("Paste"),
        N_("Paste text from the clipboard"),
        N_("Press button"),
        N_("Previous command"),
        N_("Previous option"),
        N_("Previous page"),
        N_("Previous tab"),
        N_("Quit"),
        N_("Quit the app and return to the command prompt."),
        N_("Redo"),
        N_("Scroll Down"),
        N_("Scroll End"),
        N_("Scroll Home"),
        N_("Scroll Left"),
        N_("Scroll Right"),
        N_("Scroll Up"),
        N_("Select"),
        N_("Select all"),
        N_("Select line"),
        N_("Select line end"),
        N_("Select line start"),
        N_("Show menu"),
        N_("Submit"),
        N_("Toggle"),
        N_("Toggle collapsible"),
        N_("Toggle option"),
        N_("Top"),
        N_("Undo"),
        N_("Up"),
        N_("palette"),
    )
)


def words(english: str) -> str:
    """A key's description in the user's language: Textual's own English (``TEXTUAL_WORDS``)
    and peertui's (marked ``N_`` in each screen's ``BINDINGS``) alike, looked up when shown,
    so it follows the language at the time (unchanged when the catalog lacks it: the test that
    walks the screens names it)."""
    return _(english) if english else english


@lru_cache(maxsize=512)
def translated(binding: Binding, language: str) -> Binding:
    """``binding`` with its description and tooltip in the user's language."""
    description, tooltip = words(binding.description), words(binding.tooltip)
    if (description, tooltip) == (binding.description, binding.tooltip):
        return binding
    return dataclasses.replace(binding, description=description, tooltip=tooltip)


class DanishBindings:
    """A screen whose keys are described in the user's language: mixed in before Textual's
    ``Screen`` or ``ModalScreen``. (Not a ``Screen`` itself: Textual inherits CSS along the
    first base that is one, and a modal screen would lose its own.)"""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        current = language()
        return {
            key: ActiveBinding(a.node, translated(a.binding, current), a.enabled, words(a.tooltip))
            for key, a in active.items()
        }


class TextualWords(App[Any]):
    """An app whose palette, theme picker and ctrl+c hint speak the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The help panel's heading over a text field's keys (a public class attribute).
        Input.BINDING_GROUP_TITLE = _("Input")

    def action_command_palette(self) -> None:
        from peertui.ui.textual_private import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(
                Palette(id="--command-palette", placeholder=_("Search for commands …"))
            )

    def search_themes(self) -> None:
        from peertui.ui.textual_private import Palette
        from peertui.ui.themes import ThemeNames

        self.push_screen(
            Palette(providers=[ThemeNames], placeholder=_("Search for colour themes …"))
        )

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: how to quit (Textual says it in English)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = active.binding.key_display or self.get_key_display(active.binding)
                self.notify(_("Press {key} to quit peertui.", key=shown or key), markup=False)
                return
