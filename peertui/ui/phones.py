"""Phones on the console (issue #19): off until the facilitator asks, for one group at a time.

The app holds one :class:`Phones` (``app.phones``, made on first use). Its ``PhoneServer``
(aiohttp and PyNaCl, from ``peertui.phones.server``) is imported only when the facilitator
turns phones on, runs in the app's own asyncio loop, and stops at the meeting's end, on quit
and after 30 minutes without use. Whenever a phone comes, is given access, writes, saves or is
ended, the current screen gets a :class:`~peertui.ui.messages.PhonesChanged` and draws anew.

`t` on a group's page and in the runner (:func:`phones_key`): with phones off, the address
dialog and then the server; with phones on, the phones panel.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

from peertui.i18n import _
from peertui.ui.messages import PhonesChanged
from peertui.wall import WallState, wall_state_for_join

if TYPE_CHECKING:
    from textual.timer import Timer

    from peertui.phones.server import PhoneServer, PhoneView
    from peertui.store.schema import Participant
    from peertui.ui.app import PeerTUI
    from peertui.ui.base import AppAccess

#: How often the console looks whether phones have been unused too long (seconds).
CHECK_SECONDS = 15.0


class Phones:
    """The app's phones: at most one server, for one group, while the facilitator wants it."""

    def __init__(self, app: PeerTUI) -> None:
        self.app = app
        self.server: PhoneServer | None = None
        self.group_id: str | None = None
        self.group_name = ""
        #: The server's clock (aware datetimes); tests pass a fake one. None: the real time.
        self.clock: Callable[[], datetime] | None = None
        #: What the wall shows to let phones join, while phones are on.
        self.join_state: WallState | None = None
        #: Whether the console has said that no phone reached it (said once).
        self.hinted = False
        #: Each phone's last refused save, as told to the facilitator (told once).
        self.problems: dict[str, str] = {}
        self._timer: Timer | None = None

    # ------------------------------------------------------------------ state

    @property
    def on(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    def phones(self) -> list[PhoneView]:
        return self.server.phones() if self.on and self.server is not None else []

    def counts(self) -> tuple[int, int]:
        """(waiting, connected); (0, 0) while off."""
        return self.server.counts() if self.on and self.server is not None else (0, 0)

    def counts_line(self) -> str:
        waiting, connected = self.counts()
        return _(
            "Phones: {waiting} waiting · {connected} connected",
            waiting=waiting,
            connected=connected,
        )

    def status_line(self) -> str:
        """The runner's and the group page's line while phones are on ("" while off)."""
        if not self.on:
            return ""
        waiting, connected = self.counts()
        return _(
            "Phones: {waiting} waiting · {connected} connected · t: phones",
            waiting=waiting,
            connected=connected,
        )

    def unreached(self) -> bool:
        """No phone has reached the console a while after it started (guest Wi-Fi)."""
        return self.on and self.server is not None and self.server.unreached_hint()

    # ------------------------------------------------------------------ on and off

    async def start(self, group_id: str, group_name: str, host: str) -> None:
        """Serve phones for ``group_id`` on ``host`` (a random port). Raises ``PhoneError``
        (one calm sentence) when it cannot."""
        store = self.app.store
        if store is None or self.on:
            return
        # aiohttp and PyNaCl load here, when the facilitator turns phones on.
        from peertui.phones.server import PhoneServer

        options: dict[str, Any] = {"host": host, "on_change": self.changed}
        if self.clock is not None:
            options["clock"] = self.clock
        server = PhoneServer(store, group_id, **options)
        await server.start()
        self.server = server
        self.group_id = group_id
        self.group_name = group_name
        self.hinted = False
        self.join_state = wall_state_for_join(server.url, group_name)
        self._timer = self.app.set_interval(CHECK_SECONDS, self.check, name="phones")
        self.changed()

    async def stop(self, notice: str = "") -> None:
        """Turn phones off: the socket closes and every phone's access ends. Idempotent."""
        server, self.server = self.server, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.join_on_wall:
            self.app.stop_sharing()
        self.join_state = None
        self.group_id = None
        if server is None:
            return
        await server.stop()
        if notice:
            self.app.notify(notice)
        self.changed()

    def turn_off(self, notice: str = "") -> None:
        """Turn phones off from code that cannot wait (a key, the meeting's end)."""
        if self.server is not None:
            self.app.run_worker(self.stop(notice), group="phones")

    def check(self) -> None:
        """Every little while: off after 30 minutes without use; once, the hint that phones
        may not reach this computer on a guest Wi-Fi."""
        server = self.server
        if server is None:
            return
        if server.expired():
            self.turn_off(
                _(
                    "The phones have been turned off after 30 minutes without use. "
                    "Press t to turn them on again."
                )
            )
            return
        if not self.hinted and server.unreached_hint():
            self.hinted = True
            self.app.notify(unreached_text(), timeout=20)
            self.changed()

    def changed(self) -> None:
        """The server's ``on_change`` (in the app's loop): the current screen draws anew, and
        a phone whose words could not be saved (a full disk) is told to the facilitator once,
        in the store's own sentence, whichever screen is open."""
        if not (self.app.is_running and self.app.screen_stack):  # (none left while quitting)
            return
        problems = {p.id: p.problem for p in self.phones() if p.problem}
        for phone_id, why in problems.items():
            if self.problems.get(phone_id) != why:
                self.app.notify(why, severity="error", timeout=15, markup=False)
        self.problems = problems
        self.app.screen.post_message(PhonesChanged())

    # ------------------------------------------------------------------ one phone

    def writers(self) -> list[Participant]:
        """Who a waiting phone may be given to (none while off)."""
        return self.server.writers() if self.on and self.server is not None else []

    def assign(self, phone_id: str, participant_id: str) -> str:
        """Give a waiting phone to one participant: "" when done, else why not (one calm
        sentence: the phone has gone, the participant has no consent, ...)."""
        server = self.server
        if server is None:
            return _("The phones are off.")
        from peertui.phones.server import PhoneError  # loaded with the server already

        try:
            server.assign(phone_id, participant_id)
        except PhoneError as exc:
            return str(exc)
        self.changed()
        return ""

    def end(self, phone_id: str) -> None:
        """The phone gets nothing from now on (one that has gone already is left alone)."""
        server = self.server
        if server is None:
            return
        from peertui.phones.server import PhoneError  # loaded with the server already

        with suppress(PhoneError):  # it went away by itself: nothing left to end
            server.end(phone_id)
        self.changed()

    # ------------------------------------------------------------------ the join code

    @property
    def join_on_wall(self) -> bool:
        shared = self.app.wall_shared
        return shared is not None and shared is self.join_state

    def show_join(self, shown: bool) -> None:
        """Show the join code on the wall (held there until hidden), or take it off."""
        if shown and self.join_state is not None and not self.join_on_wall:
            self.app.share_on_wall(self.join_state)
        elif not shown and self.join_on_wall:
            self.app.stop_sharing()


def unreached_text() -> str:
    return _(
        "No phone has reached this computer yet. Many guest Wi-Fi networks keep phones "
        "from reaching each other and the computer. The way round: turn on the hotspot "
        "of one phone, and let this computer and the participants' phones join it "
        "(see docs/phones.md)."
    )


def phones_for(app: PeerTUI) -> Phones:
    """The app's phones (made on first use: nothing of it runs at start-up)."""
    if app.phones is None:
        app.phones = Phones(app)
    return app.phones


def open_phones(screen: AppAccess, group_id: str | None, group_name: str) -> None:
    """`t`: with phones on, their panel; with phones off, choose an address and turn them on
    for ``group_id``. A read-only store refuses calmly (a phone could not save)."""
    app = screen.peertui
    phones = phones_for(app)
    # Loaded when opened: the runner's module is also the wall's, which starts fast without.
    from peertui.ui.dialogs.phones import AddressDialog, PhonesPanel

    if phones.on:
        app.push_screen(PhonesPanel(phones))
        return
    store = app.store
    if store is None or group_id is None:
        return
    if store.read_only:
        app.notify(
            _("peertui is open read-only: phones could not save, so they stay off."),
            severity="warning",
        )
        return
    from peertui.phones.addresses import addresses  # reads the interfaces; opens no socket

    choices = addresses()
    if not choices:
        app.notify(_("This computer has no network address to offer phones."), severity="warning")
        return

    async def chosen(host: str | None) -> None:
        if not host:
            return
        from peertui.phones.server import PhoneError

        try:
            await phones.start(group_id, group_name, host)
        except PhoneError as exc:
            app.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        except OSError:  # the server says this itself; never the system's English words
            why = _(
                "Phones could not start at {address}. Choose another address, or try again.",
                address=host,
            )
            app.notify(why, severity="error", timeout=10, markup=False)
            return
        if app.wall_attached:
            phones.show_join(True)
        app.push_screen(PhonesPanel(phones))

    app.push_screen(AddressDialog(choices), chosen)


def meeting_ended(app: PeerTUI, group_id: str | None) -> None:
    """The meeting of ``group_id`` ended: its phones go off."""
    phones = app.phones
    if phones is not None and phones.on and group_id is not None and phones.group_id == group_id:
        phones.turn_off(_("The phones are off: the meeting has ended."))
