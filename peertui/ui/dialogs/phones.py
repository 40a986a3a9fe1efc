"""Phones (issue #19) on the console: the address they use, and the phones panel.

The panel lists the phones with their six-digit codes (waiting ones first), whom each phone
that has access writes for, whether it is writing now and when it last saved; never the
words. From it the facilitator gives a waiting phone to one participant (only those who
consented to storing statements), ends a phone's access at once, shows the join code on the
wall or here, and turns phones off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from peertui.formats import time_of_day
from peertui.i18n import N_, _
from peertui.ui.base import ConfirmDialog, PeerDialog
from peertui.ui.dialogs.participant_picker import ParticipantPicker
from peertui.ui.messages import PhonesChanged
from peertui.ui.phones import unreached_text
from peertui.ui.widgets.qr import QrCode
from peertui.ui.widgets.quiet import show

if TYPE_CHECKING:
    from peertui.phones.addresses import Address
    from peertui.phones.server import PhoneView
    from peertui.ui.phones import Phones


def address_label(address: Address) -> Content:
    """``192.168.1.20  ·  wlan0  ·  proposed``."""
    parts = [address.ip, address.interface]
    if address.likely:
        parts.append(_("proposed"))
    if address.ip.startswith("127."):
        parts.append(_("only this computer"))
    return Content("  ·  ".join(parts))


class AddressDialog(PeerDialog[str | None]):
    """Which of this computer's addresses the phones use (returns the IP, or None). The likely
    one is proposed and highlighted; loopback comes last."""

    BINDINGS = [Binding("escape", "close", N_("Cancel"))]

    def __init__(self, addresses: Sequence[Address]) -> None:
        super().__init__()
        self.addresses = list(addresses)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="phones-address-dialog"):
            yield Static(
                Content(_("Turn phones on: which network do the phones use?")),
                classes="panel-title",
            )
            yield Static(
                Content(
                    _(
                        "Choose the address of the Wi-Fi the participants' phones are on. "
                        "Phones are off again when the meeting ends, when you quit, and after "
                        "30 minutes without use."
                    )
                ),
                classes="dim",
            )
            yield OptionList(
                *(Option(address_label(a), id=a.ip) for a in self.addresses),
                id="phones-addresses",
            )

    def on_mount(self) -> None:
        options = self.query_one("#phones-addresses", OptionList)
        likely = next((i for i, a in enumerate(self.addresses) if a.likely), 0)
        options.highlighted = likely
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_close(self) -> None:
        self.dismiss(None)


def state_text(phone: PhoneView) -> str:
    if phone.state == "waiting":
        return _("waiting")
    if phone.state == "ended":
        return _("ended")
    return _("writing now") if phone.writing else _("connected")


class PhonesPanel(PeerDialog[None]):
    """The phones of this meeting, for the facilitator only (never on the wall)."""

    BINDINGS = [
        Binding("a", "assign", N_("Give access")),
        Binding("x", "end_phone", N_("End access")),
        Binding("v", "toggle_wall", N_("Code on the wall")),
        Binding("k", "toggle_code", N_("Code here")),
        Binding("s", "turn_off", N_("Turn phones off")),
        Binding("escape,t", "close", N_("Close")),
    ]

    def __init__(self, phones: Phones) -> None:
        super().__init__()
        self.phones = phones
        #: Whether the join code is shown here, instead of the list.
        self.code_shown = False
        #: The phones as listed (row order), for the highlighted one.
        self.listed: list[PhoneView] = []
        self.closing = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="phones-dialog"):
            yield Static(
                Content(_("Phones  ·  {group}", group=self.phones.group_name)),
                classes="panel-title",
                id="phones-title",
            )
            yield Static(id="phones-counts")
            yield Static(id="phones-where", classes="dim")
            with Vertical(id="phones-list-view"):
                yield DataTable(id="phones-list", cursor_type="row", zebra_stripes=True)
                yield Static(id="phones-empty", classes="dim")
            with Vertical(id="phones-code-view"):
                with Center():
                    yield QrCode(id="phones-qr")
                yield Static(id="phones-url")
            yield Static(id="phones-hint", classes="notice")
            yield Static(
                Content(
                    _(
                        "Turn phones off with s. They also go off when the meeting ends, "
                        "when you quit, and after 30 minutes without use."
                    )
                ),
                id="phones-off-help",
                classes="dim",
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#phones-list", DataTable)
        for key, label in (
            ("code", N_("Code")),
            ("state", N_("Status")),
            ("who", N_("Writes for")),
            ("saved", N_("Saved")),
        ):
            table.add_column(_(label), key=key)
        self.refresh_panel()
        table.focus()

    def on_phones_changed(self, message: PhonesChanged) -> None:
        self.refresh_panel()

    def on_screen_resume(self) -> None:
        self.refresh_panel()

    # ------------------------------------------------------------------ drawing

    def refresh_panel(self) -> None:
        phones = self.phones
        if not phones.on:
            # Turned off (by a key, the meeting's end, or unused too long): nothing to show.
            if not self.closing and self.is_current:
                self.closing = True
                self.dismiss(None)
            return
        show(self.query_one("#phones-counts", Static), Content(phones.counts_line()))
        app = self.peertui
        if not app.wall_attached:
            where = _("No wall is connected: k shows the code here.")
        elif phones.join_on_wall:
            where = _("The code is on the wall: v takes it off.")
        else:
            where = _("The code is not on the wall: v shows it.")
        show(self.query_one("#phones-where", Static), Content(where))
        hint = self.query_one("#phones-hint", Static)
        unreached = phones.unreached()
        hint.display = unreached and not self.code_shown
        show(hint, Content(unreached_text() if unreached else ""))
        # The code alone, with its address, so that it is whole on a small screen too.
        for part in ("#phones-title", "#phones-counts", "#phones-where", "#phones-off-help"):
            self.query_one(part).display = not self.code_shown
        self.query_one("#phones-list-view").display = not self.code_shown
        self.query_one("#phones-code-view").display = self.code_shown
        self.set_class(self.code_shown, "-code")
        self.query_one("#phones-qr", QrCode).show_data(phones.url if self.code_shown else "")
        show(
            self.query_one("#phones-url", Static),
            Content(_("Open {url} on the phone, or point its camera at the code.", url=phones.url)),
        )
        self.fill_list()

    def fill_list(self) -> None:
        table = self.query_one("#phones-list", DataTable)
        highlighted = self.highlighted()
        self.listed = self.phones.phones()
        aliases = {p.id: p.alias for p in self.store.participants(self.phones.group_id or "")}
        table.clear()
        for phone in self.listed:
            saved = ""
            if phone.last_saved is not None:
                saved = _("Saved at {time}", time=time_of_day(phone.last_saved.astimezone()))
            who = aliases.get(phone.participant_id or "", "")
            style = "dim" if phone.state == "ended" else ""
            if phone.problem and phone.state == "assigned":
                saved, saved_style = _("Not saved"), "bold red"
            else:
                saved_style = style
            table.add_row(
                Text(phone.code, style=style),
                Text(state_text(phone), style=style),
                Text(who, style=style),
                Text(saved, style=saved_style),
                key=phone.id,
            )
        if highlighted is not None:
            rows = [phone.id for phone in self.listed]
            if highlighted.id in rows:
                table.move_cursor(row=rows.index(highlighted.id))
        empty = self.query_one("#phones-empty", Static)
        empty.display = not self.listed
        show(
            empty,
            Content(
                _(
                    "No phones yet. When a phone opens the address, it shows a six-digit "
                    "code, and the same code appears here."
                )
            ),
        )

    def highlighted(self) -> PhoneView | None:
        table = self.query_one("#phones-list", DataTable)
        if not self.listed or not table.row_count:
            return None
        row = table.cursor_row
        return self.listed[row] if 0 <= row < len(self.listed) else None

    # ------------------------------------------------------------------ actions

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        phone = self.highlighted()
        if phone is not None and phone.state == "waiting":
            self.action_assign()

    def action_assign(self) -> None:
        """Give the highlighted waiting phone to one participant who consented to storing
        statements (the list is private: with no wall, it asks first)."""
        phone = self.highlighted()
        if phone is None or phone.state != "waiting":
            self.notify(_("Choose a waiting phone first (its code is on the phone)."))
            return
        offered = self.phones.writers()
        if not offered:
            self.notify(
                _(
                    "No one else has agreed to having their statement stored. Consent is "
                    "given on the participant's page."
                ),
                severity="warning",
            )
            return
        code = phone.code

        def chosen(participant_id: str | None) -> None:
            if participant_id:
                problem = self.phones.assign(phone.id, participant_id)
                if problem:
                    self.notify(problem, severity="warning", markup=False)
                self.refresh_panel()

        self.show_private(
            _("the list of participants"),
            lambda: self.app.push_screen(
                ParticipantPicker(
                    offered, _("Who writes on the phone with the code {code}?", code=code)
                ),
                chosen,
            ),
        )

    def action_end_phone(self) -> None:
        """The highlighted phone gets nothing from now on."""
        phone = self.highlighted()
        if phone is None or phone.state == "ended":
            return
        self.phones.end(phone.id)
        self.notify(_("The phone with the code {code} has no access any more.", code=phone.code))
        self.refresh_panel()

    def action_toggle_wall(self) -> None:
        if not self.peertui.wall_attached:
            self.notify(_("No wall is connected. Press k to show the code on this screen."))
            return
        self.phones.show_join(not self.phones.join_on_wall)
        self.refresh_panel()

    def action_toggle_code(self) -> None:
        self.code_shown = not self.code_shown
        self.refresh_panel()

    def action_turn_off(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.phones.turn_off(_("The phones are off."))

        self.app.push_screen(
            ConfirmDialog(
                _("Turn the phones off now? A phone that is writing can no longer save.")
            ),
            answered,
        )

    def action_close(self) -> None:
        if not self.closing:
            self.closing = True
            self.dismiss(None)
