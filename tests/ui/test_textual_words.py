"""Textual's own words (its keys in the help panel, a dropdown's footer, the command palette)
speak Danish: peertui/ui/textual_words.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import DataTable, Input, Select, TextArea

from peertui.i18n import _
from peertui.ui.dialogs.group_form import GroupForm
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.home import HomeScreen
from peertui.ui.textual_private import Palette
from peertui.ui.textual_words import TEXTUAL_WORDS
from tests.helpers import visible_text, wait_for_screen, wait_until
from tests.worksheets.helpers import open_sheet, seed

#: English words of Textual's that must not reach a Danish screen.
ENGLISH = (
    "Scroll",
    "Page",
    "Focus",
    "Copy",
    "Cut",
    "Paste",
    "Select",
    "First",
    "Last",
    "Dismiss",
    "Cursor",
    "Delete",
    "Toggle",
    "Move",
    "Submit",
    "Undo",
    "Redo",
    "Input",
    "Show menu",
    "No matches",
    "Search for",
    "Quit",
    "Top",
    "Bottom",
    "Go to",
)
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")


def english_in(app: Any) -> list[str]:
    """The English words on screen, in the help panel or in the keys the screen describes."""
    described = [
        f"{a.binding.description} {a.tooltip}" for a in app.screen.active_bindings.values()
    ]
    found = ENGLISH_RE.findall(visible_text(app) + "\n" + "\n".join(described))
    return sorted(set(found))


async def help_shows_danish(pilot: Any) -> None:
    app = pilot.app
    if not app.screen.query("HelpPanel"):
        app.action_toggle_help()
    await pilot.pause()
    await pilot.pause()
    assert app.screen.query("HelpPanel")
    assert english_in(app) == [], type(app.screen).__name__


def textual_classes() -> list[type[DOMNode]]:
    def walk(cls: type[DOMNode]) -> list[type[DOMNode]]:
        return [cls] + [c for sub in cls.__subclasses__() for c in walk(sub)]

    import textual.command  # noqa: F401  (the palette's keys too)
    import textual.widgets as widgets

    for name in widgets.__all__:
        getattr(widgets, name)  # Textual loads its widgets lazily
    return [c for c in walk(DOMNode) if c.__module__.startswith("textual.")]


def test_every_key_textual_describes_has_danish_words() -> None:
    """If this fails, a new Textual describes a key we have no words for: add its English
    to ``TEXTUAL_WORDS`` in textual_words.py, run make catalogs and translate it."""
    missing = set()
    for cls in textual_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            for english in (binding.description, binding.tooltip):
                if english and english not in TEXTUAL_WORDS:
                    missing.add(f"{english!r} ({cls.__name__})")
    assert not missing, sorted(missing)


async def test_help_dropdown_and_palette_speak_danish(tmp_path: Path) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(130, 45)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await help_shows_danish(pilot)  # the home screen's lists

        # the command palette: its placeholder, then a search that finds nothing
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, Palette))
        await pilot.pause()
        assert "Søg efter kommandoer" in visible_text(app)
        assert english_in(app) == []
        await pilot.press(*"zzqqxx")
        await wait_until(pilot, lambda: "Ingen kommandoer passer" in visible_text(app))
        assert english_in(app) == []
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)

        # a group: its tables
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        app.screen.query(DataTable).first().focus()
        await help_shows_danish(pilot)

        # the group form: a text field, then its dropdown opened
        app.action_new_group()
        await wait_for_screen(pilot, GroupForm)
        app.screen.query_one("#name", Input).focus()
        await help_shows_danish(pilot)
        app.screen.query_one(Select).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query_one(Select).expanded)
        await help_shows_danish(pilot)
        await pilot.press("escape", "escape")
        await wait_for_screen(pilot, GroupScreen)

        # a worksheet with text areas, and one with dropdowns (its footer shows their keys)
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        screen.query(TextArea).first().focus()
        await help_shows_danish(pilot)
        app.pop_screen()
        await pilot.pause()
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        select = screen.query(Select).first()
        select.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: select.expanded)
        await pilot.pause()
        assert "Luk listen" in visible_text(app)  # the footer: "esc Luk listen"
        await help_shows_danish(pilot)

        # ctrl+c outside a text field: how to quit, in Danish
        app.set_focus(None)
        app.action_help_quit()
        await pilot.pause()
        assert any("for at afslutte" in str(n.message) for n in app._notifications)
    store.close()


@pytest.mark.parametrize("english", ["Scroll Up", "Page Left", "Focus Next", "Dismiss menu"])
def test_the_words_are_looked_up_by_textual_s_english(english: str) -> None:
    assert english in TEXTUAL_WORDS
    assert _(english) != english
