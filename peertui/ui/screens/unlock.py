"""The first screen on a protected data folder: the passphrase, before anything else.

It shows nothing of the data (no group, no name, not even how many groups there are) and
reads nothing but the key file until the passphrase is right. The passphrase is stretched in a
worker thread (about half a second), so the screen stays calm meanwhile. Three wrong tries end
the app with one calm line; nothing has been changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Input, Static

from peertui.i18n import N_, _, ngettext
from peertui.ui.base import PeerScreen

if TYPE_CHECKING:
    from pathlib import Path

    from peertui.store import AppStore  # noqa: F401 (named in the base class, as a string)

#: How many wrong passphrases end the app.
TRIES = 3


class UnlockScreen(PeerScreen["AppStore"]):
    """Asks for the data folder's passphrase; returns the opened store."""

    BINDINGS = [Binding("ctrl+q", "app.quit", N_("Quit"), priority=True)]

    DEFAULT_CSS = """
    UnlockScreen #unlock {
        width: 64;
        max-width: 100%;
        height: auto;
        margin-top: 3;
        padding: 1 2;
        border: round $primary;
    }
    UnlockScreen #unlock-help, UnlockScreen #passphrase {
        margin-bottom: 1;
    }
    UnlockScreen #unlock-error {
        color: $warning;
        height: auto;
    }
    """

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.wrong = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="unlock"):
            yield Static(Content(_("The data folder is protected")), classes="panel-title")
            yield Static(
                Content(_("Type the passphrase to open it. The letters are not shown.")),
                id="unlock-help",
            )
            yield Input(
                password=True,
                placeholder=_("Passphrase"),
                id="passphrase",
            )
            yield Static(id="unlock-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input
        if not field.value:
            return
        field.disabled = True
        self.query_one("#unlock-error", Static).update(Content(_("Opening …")))
        self.open_with(field.value)

    @work(thread=True, exclusive=True, group="unlock")
    def open_with(self, passphrase: str) -> None:
        """Stretch the passphrase and open the store (off the screen's loop)."""
        # The store and PyNaCl load here, once a passphrase has been typed.
        from peertui.store import StoreError, open_for_app
        from peertui.store.passphrase import WrongPassphrase

        try:
            opened = open_for_app(self.data_dir, passphrase=passphrase)
        except WrongPassphrase:
            self.app.call_from_thread(self.wrong_passphrase)
        except StoreError as exc:
            self.app.call_from_thread(self.cannot_open, str(exc))
        else:
            self.app.call_from_thread(self.dismiss, opened)

    def wrong_passphrase(self) -> None:
        self.wrong += 1
        left = TRIES - self.wrong
        if left <= 0:
            self.peertui.exit(
                return_code=2,
                message="peertui: "
                + _(
                    "The passphrase was not right {count} times, so peertui has stopped. "
                    "Nothing has been changed.",
                    count=TRIES,
                ),
            )
            return
        self.query_one("#unlock-error", Static).update(
            Content(
                ngettext(
                    "That passphrase does not open the data folder. {count} try left.",
                    "That passphrase does not open the data folder. {count} tries left.",
                    left,
                )
            )
        )
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()

    def cannot_open(self, message: str) -> None:
        from peertui.store.text import clean_line  # as everything the app shows

        self.peertui.exit(return_code=2, message=f"peertui: {clean_line(message)}")
