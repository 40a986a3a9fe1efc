"""Start-up and page speed without a change on screen (docs/performance.md): the console's
stylesheet is split in two (console.tcss for the first screens, console-screens.tcss read
when another screen opens), and peertui's Footer styles its keys once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from peertui.content import Library
from peertui.ui import base
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog, PeerDialog, PeerScreen
from peertui.ui.messages import GroupsChanged
from peertui.ui.screens.guide import GuideScreen
from peertui.ui.screens.home import HomeScreen
from peertui.ui.textual_private import Footer

UI = Path(base.__file__).parent
SCREENS_CSS = str(UI / "console-screens.tcss")


def test_the_first_screens_leave_the_other_screens_stylesheet_for_later() -> None:
    assert [Path(p).name for p in PeerTUI.CSS_PATH] == ["common.tcss", "console.tcss"]
    assert PeerScreen.CSS_PATH == PeerDialog.CSS_PATH == [UI / "console-screens.tcss"]
    assert HomeScreen.CSS_PATH is None
    assert GuideScreen.CSS_PATH is None


async def test_the_other_screens_stylesheet_is_read_when_the_first_of_them_opens() -> None:
    app = PeerTUI(Library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.stylesheet.has_source(SCREENS_CSS)
        app.push_screen(ConfirmDialog("?"))
        await pilot.pause()
        assert app.stylesheet.has_source(SCREENS_CSS)
        # Its rules apply to the dialog opened: ".dialog" is styled there only.
        dialog = app.screen.query_one(".dialog")
        assert dialog.styles.border.top[0] != ""


async def test_the_home_screen_reads_it_once_the_courses_are_shown() -> None:
    app = PeerTUI(Library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.stylesheet.has_source(SCREENS_CSS)
        assert not any(".dialog" in str(rule.selector_set) for rule in app.stylesheet.rules)
        app.screen.post_message(GroupsChanged())  # as the app does once the content is read
        await pilot.pause()
        await pilot.pause()
        assert app.stylesheet.has_source(SCREENS_CSS)
        assert any(".dialog" in str(rule.selector_set) for rule in app.stylesheet.rules)


class Keys(App[None]):
    BINDINGS = [
        Binding("a", "alpha", "Alpha"),
        Binding("b", "beta", "Beta"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self, footer: type[TextualFooter]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield self.footer()

    def action_alpha(self) -> None:
        self.bell()

    def action_beta(self) -> None:
        self.bell()


async def _keys(footer: type[TextualFooter], monkeypatch: Any) -> tuple[list[Any], int]:
    compact_added = 0
    add_class = FooterKey.add_class

    def counting(self: FooterKey, *names: str, update: bool = True) -> FooterKey:
        nonlocal compact_added
        if update and "-compact" in names and not self.has_class("-compact"):  # a restyle
            compact_added += 1
        return add_class(self, *names, update=update)

    monkeypatch.setattr(FooterKey, "add_class", counting)
    app = Keys(footer)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        keys = [(key.key, sorted(key.classes), key.compact) for key in app.query(FooterKey)]
    monkeypatch.undo()
    return keys, compact_added


async def test_the_footer_looks_as_textuals_and_styles_its_keys_once(monkeypatch: Any) -> None:
    ours, ours_compacted = await _keys(Footer, monkeypatch)
    textuals, textuals_compacted = await _keys(TextualFooter, monkeypatch)
    assert ours == textuals
    assert [key for key, _classes, _compact in ours] == ["a", "b", "ctrl+p"]
    # Textual's keys are made compact once mounted (a restyle each; the two bound to the
    # Footer's compact are then made not compact: another); ours are born as they end.
    assert textuals_compacted == 3
    assert ours_compacted == 0


class Toggle(App[None]):
    """A key shown only while ``shown`` is True (a dynamic action, as the runner's "m")."""

    BINDINGS = [Binding("a", "alpha", "Alpha"), Binding("b", "beta", "Beta")]
    shown = True

    def compose(self) -> ComposeResult:
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "beta" or self.shown

    def action_alpha(self) -> None:
        self.bell()

    def action_beta(self) -> None:
        self.bell()


async def test_the_footer_is_recomposed_only_when_its_keys_change(monkeypatch: Any) -> None:
    recomposed = 0
    compose = TextualFooter.compose

    def counting(self: TextualFooter) -> ComposeResult:
        nonlocal recomposed
        recomposed += 1
        return compose(self)

    monkeypatch.setattr(TextualFooter, "compose", counting)
    app = Toggle()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert [key.key for key in app.query(FooterKey)] == ["a", "b", "ctrl+p"]
        before = recomposed
        for _ in range(5):  # what a focus change or a mounted widget does
            app.screen.refresh_bindings()
            await pilot.pause()
        assert recomposed == before
        app.shown = False
        app.screen.refresh_bindings()
        await pilot.pause()
        assert [key.key for key in app.query(FooterKey)] == ["a", "ctrl+p"]
        assert recomposed == before + 1


def test_the_footer_relies_on_what_textual_still_has() -> None:
    """If this fails, Textual changed what peertui/ui/textual_private.py's Footer relies on."""
    from peertui.ui import textual_private

    key_class, palette_class, ready = textual_private.PRIVATE_FOOTER_NAMES
    assert key_class == FooterKey.__name__
    assert palette_class == "-command-palette"
    assert hasattr(TextualFooter, ready)
    assert FooterKey.compact._default is True  # what the palette's key keeps
