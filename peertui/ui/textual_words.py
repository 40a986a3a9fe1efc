"""Textual's own words in the user's language, in one place.

Textual 8 keeps its words in English in code: the descriptions of its widgets' keys (the
``?`` help panel, a footer such as a dropdown's "esc Dismiss menu"), the command palette's
placeholder and "No matches found", the theme picker and the ctrl+c hint. This module turns
them into peertui's words, with Textual's public API:

- ``DanishBindings``: a screen's ``active_bindings`` (what the help panel, the footer and
  the palette read) with each description and tooltip looked up in ``strings.py`` under
  ``textual.<the English words as a key>`` ("Scroll Up" -> ``textual.scroll_up``). Mixed
  into every screen and dialog of the app and into the palette.
- ``TextualWords``: the app's command palette and theme picker open ``Palette`` with a
  Danish placeholder; ctrl+c outside a text field says how to quit in Danish; the help
  panel's group title for a text field is Danish.

"No matches found" is written by a private method of the palette: that one part is in
``textual_private.Palette``. tests/ui/test_textual_words.py walks the screens and fails on
any English word; tests/ui/test_base.py fails when Textual changes the private part.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.widgets import Input

from peertui.strings import DA, t


def key_for(english: str) -> str:
    """The ``strings.py`` key of one of Textual's English descriptions."""
    return "textual." + re.sub(r"[^a-z0-9]+", "_", english.lower()).strip("_")


def words(english: str) -> str:
    """Textual's ``english`` words in the user's language (unchanged when unknown: the test
    that walks the screens names them)."""
    key = key_for(english)
    return t(key) if english and key in DA else english


@lru_cache(maxsize=512)
def translated(binding: Binding) -> Binding:
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
        return {
            key: ActiveBinding(a.node, translated(a.binding), a.enabled, words(a.tooltip))
            for key, a in active.items()
        }


class TextualWords(App[Any]):
    """An app whose palette, theme picker and ctrl+c hint speak the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The help panel's heading over a text field's keys (a public class attribute).
        Input.BINDING_GROUP_TITLE = t("textual.group.input")

    def action_command_palette(self) -> None:
        from peertui.ui.textual_private import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette", placeholder=t("palette.placeholder")))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from peertui.ui.textual_private import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=t("palette.themes")))

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: how to quit (Textual says it in English)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = active.binding.key_display or self.get_key_display(active.binding)
                self.notify(t("palette.how_to_quit", key=shown or key), markup=False)
                return
