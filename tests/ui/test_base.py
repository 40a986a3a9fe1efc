"""The shared pieces of the UI: a new dialog is one small class; the one confirmation dialog;
the messages; the only private Textual API, checked against the installed Textual."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from peertui.content import Library
from peertui.ui import textual_private
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog, FormDialog
from peertui.ui.messages import WallShared
from peertui.wall import WallState


class NameDialog(FormDialog[str | None]):
    """What a new dialog looks like: its fields and its save, nothing else."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Input(id="name")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Gem", id="save")
                yield Button("Annuller", id="cancel")

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value
        if not name:
            self.show_error("Skriv et navn.")
            return
        self.dismiss(name)


async def test_a_new_dialog_needs_only_its_fields_and_its_save() -> None:
    app = PeerTUI(Library())
    answers: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(NameDialog(), answers.append)
        await pilot.pause()
        await pilot.press("enter")  # Enter in the field saves: refused, with a reason
        await pilot.pause()
        assert "Skriv et navn." in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("K", "i", "m", "enter")
        await pilot.pause()
        app.push_screen(NameDialog(), answers.append)
        await pilot.pause()
        dialog = app.screen
        assert dialog.styles.align_horizontal == "center"  # centred by the base
        await pilot.press("escape")  # Esc cancels
        await pilot.pause()
    assert answers == ["Kim", None]


async def test_the_confirmation_has_no_focused_and_esc_means_no() -> None:
    app = PeerTUI(Library())
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmDialog("Slette?", danger=True), answers.append)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(ConfirmDialog("Vise?"), answers.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(ConfirmDialog("Vise?"), answers.append)
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Ja", chosen on purpose
        await pilot.pause()
    assert answers == [False, False, True]


async def test_sharing_on_the_wall_goes_through_a_message() -> None:
    app = PeerTUI(Library())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        state = WallState(mode="shared", title="Statement", text="ord")
        app.post_message(WallShared(state))
        await pilot.pause()
        assert app.wall_shared == state
        app.post_message(WallShared(None))
        await pilot.pause()
        assert app.wall_shared is None


def test_the_private_textual_api_we_use_is_still_there() -> None:
    """If this fails, Textual changed what peertui/ui/textual_private.py relies on: adapt that
    module (and only that one) before upgrading Textual."""
    for name in textual_private.PRIVATE_APP_METHODS:
        assert callable(getattr(App, name, None)), f"textual.app.App.{name} is gone"
    app = App[None]()
    for name in textual_private.PRIVATE_APP_ATTRIBUTES:
        assert hasattr(app, name), f"textual.app.App().{name} is gone"
    assert textual_private.registered_themes(app) is not None
    # The palette's "No matches found": our copy of the method must still be the one Textual
    # calls, and Textual's own must still be where the English words are.
    import inspect

    from textual.command import CommandPalette

    palette = CommandPalette()
    for name in textual_private.PRIVATE_PALETTE_NAMES:
        assert hasattr(palette, name), f"textual.command.CommandPalette().{name} is gone"
    source = inspect.getsource(CommandPalette)
    assert "self._start_no_matches_countdown(" in source, "the palette no longer calls it"
    method = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert '"No matches found"' in method, "the palette's 'No matches found' moved"


def test_no_message_of_ours_bubbles_back_to_be_sent_again() -> None:
    """The app forwards GroupsChanged to the current screen; one that bubbled back up to the
    app would be forwarded again, for ever (it once was: 100,000 messages in one test)."""
    from peertui.ui import messages

    for kind in (messages.WallChanged, messages.WallShared, messages.GroupsChanged):
        assert kind.bubble is False, kind.__name__
