"""Phones on the console (issue #19), through Pilot, with a real PhoneServer on 127.0.0.1 and a
Python phone that pairs, writes and is ended: off until asked, the panel, the status line, and
off at the meeting's end, on quit and after 30 minutes without use."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from textual.widgets import DataTable, OptionList

from peertui.content import load_library
from peertui.i18n import _
from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.dialogs.participant_picker import ParticipantPicker
from peertui.ui.dialogs.phones import AddressDialog, PhonesPanel
from peertui.ui.phones import Phones, phones_for, unreached_text
from peertui.ui.screens.checkin import CheckInScreen
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.runner import RunnerScreen
from peertui.ui.widgets.qr import QrCode
from tests.helpers import flat, notified, say_yes, visible_text, wait_for_screen, wait_until
from tests.phones.client import PhoneClient
from tests.wall.test_wall_join import decode, rasterise, screen_cells

from ..runner.fakes import FakeClock

LIBRARY = load_library()
COURSE = LIBRARY.course("vejen-til-hverdagslivet")
assert COURSE is not None
WORDS = "Jeg hedder Maja og kan lide at gå i skoven"


class DateClock:
    """The phone server's clock (aware datetimes), moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 9, 1, 17, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@asynccontextmanager
async def a_phone(url: str) -> AsyncIterator[PhoneClient]:
    """A phone in Python (the domain tests' client: the page's protocol, over real HTTP)."""
    async with aiohttp.ClientSession() as session:
        yield PhoneClient(session, url)


def listening(port: int) -> bool:
    """Whether anything accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def seed(data_dir: Path) -> str:
    with open_store(data_dir) as store:
        group = store.create_group(
            "Tirsdagsgruppen", COURSE.id, ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        store.add_participant(group.id, "Maja", consents=["taking_part", "store_statement"])
        store.add_participant(group.id, "Ali", consents=["taking_part"])  # no statements
        store.add_participant(group.id, "Sofie", consents=["taking_part", "store_statement"])
        return group.id


@pytest.fixture
def phones_app(data_dir: Path) -> Iterator[tuple[PeerTUI, str]]:
    group_id = seed(data_dir)
    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store, clock=FakeClock())
    yield app, group_id
    store.close()


async def choose_loopback(pilot: Any) -> None:
    """In the address dialog: the last option (loopback, offered last)."""
    await wait_for_screen(pilot, AddressDialog)
    options = pilot.app.screen.query_one("#phones-addresses", OptionList)
    assert options.get_option_at_index(options.option_count - 1).id == "127.0.0.1"
    options.highlighted = options.option_count - 1
    await pilot.press("enter")


async def turn_on(pilot: Any, app: PeerTUI, group_id: str) -> Phones:
    """From the group's page: `t`, loopback, and the panel opens."""
    if not isinstance(app.screen, GroupScreen):
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
    await pilot.press("t")
    await choose_loopback(pilot)
    await wait_for_screen(pilot, PhonesPanel)
    phones = phones_for(app)
    assert phones.on and phones.server is not None
    assert phones.server.host == "127.0.0.1"
    return phones


def row_texts(app: PeerTUI) -> list[list[str]]:
    table = app.screen.query_one("#phones-list", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_from_the_group_page_a_phone_pairs_writes_and_is_ended(
    phones_app: tuple[PeerTUI, str],
) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        port = phones.server.port  # type: ignore[union-attr]
        assert listening(port)
        async with a_phone(phones.url) as phone:
            code = await phone.pair()
            await wait_until(pilot, lambda: code in visible_text(app))
            assert phones.counts() == (1, 0)
            assert flat(phones.counts_line()) in flat(visible_text(app))

            # Until the facilitator says yes, the phone gets nothing but "wait".
            assert (await phone.poll())["state"] == "waiting"

            # Give it access: no wall, so the list of participants asks first; no is no.
            await pilot.press("a")
            await wait_for_screen(pilot, ConfirmDialog)
            await pilot.press("escape")
            await wait_for_screen(pilot, PhonesPanel)
            assert phones.counts() == (1, 0)
            await pilot.press("a")
            await wait_for_screen(pilot, ConfirmDialog)
            await say_yes(pilot)
            await wait_for_screen(pilot, ParticipantPicker)
            picker = app.screen.query_one("#picker", OptionList)
            offered = [
                str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)
            ]
            assert offered == ["Maja", "Sofie"]  # Ali has not agreed to storing statements
            assert code in flat(visible_text(app))  # the question names the phone's code
            await pilot.press("enter")  # Maja
            await wait_for_screen(pilot, PhonesPanel)
            await wait_until(pilot, lambda: phones.counts() == (0, 1))
            await wait_until(pilot, lambda: any("Maja" in row for row in row_texts(app)))

            # The phone writes; the console shows that it saved, never the words.
            assert (await phone.poll())["state"] == "assigned"
            assert (await phone.save([WORDS, "", "", ""]))["saved"] is True
            await wait_until(pilot, lambda: any(row[3] for row in row_texts(app)))
            assert row_texts(app)[0][1] == _("writing now")  # it typed a moment ago
            assert WORDS not in visible_text(app)
            assert "Maja" in visible_text(app)
            with open_store(app.store.data_dir, read_only=True) as reader:  # type: ignore[union-attr]
                maja = next(p for p in reader.participants(group_id) if p.alias == "Maja")
                assert reader.statements(group_id, maja.id)[-1].answers[0] == WORDS

            # End its access at once: it gets nothing from now on.
            await pilot.press("x")
            await wait_until(pilot, lambda: phones.counts() == (0, 0))
            ended = await phone.raw(phone.seal({"type": "poll"}))
            assert ended.status != 200 and not ended.body

            # Off, asked first; the panel closes and the socket is gone.
            await pilot.press("s")
            await wait_for_screen(pilot, ConfirmDialog)
            await say_yes(pilot)
            await wait_for_screen(pilot, GroupScreen)
            await wait_until(pilot, lambda: not phones.on)
            assert not listening(port)
            assert not app.screen.query_one("#phones-status").display


async def test_the_status_line_and_t_again_opens_the_panel(
    phones_app: tuple[PeerTUI, str],
) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        async with a_phone(phones.url) as phone:
            await phone.pair()
            await pilot.press("escape")  # the panel closes; the phones stay on
            await wait_for_screen(pilot, GroupScreen)
            status = app.screen.query_one("#phones-status")
            await wait_until(pilot, lambda: status.display)
            assert flat(phones.status_line()) in flat(visible_text(app))
            await pilot.press("t")
            await wait_for_screen(pilot, PhonesPanel)
            await pilot.press("t")  # the same key closes it again
            await wait_for_screen(pilot, GroupScreen)


async def test_quit_stops_the_server(phones_app: tuple[PeerTUI, str]) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        port = phones.server.port  # type: ignore[union-attr]
        assert listening(port)
        await pilot.press("q")
        await pilot.pause()
    assert not phones.on
    assert not listening(port)


async def test_the_meetings_end_stops_it(phones_app: tuple[PeerTUI, str]) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        port = phones.server.port  # type: ignore[union-attr]
        await pilot.press("escape")
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        # The runner says so while phones are on, and `t` opens their panel there too.
        status = app.screen.query_one("#phones-status")
        assert status.display
        assert flat(phones.status_line()) in flat(visible_text(app))
        await pilot.press("t")
        await wait_for_screen(pilot, PhonesPanel)
        await pilot.press("escape")
        await wait_for_screen(pilot, RunnerScreen)
        await pilot.press("e")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await wait_until(pilot, lambda: not phones.on)
        assert not listening(port)
        assert notified(app, _("The phones are off: the meeting has ended."))


async def test_off_after_30_minutes_without_use(phones_app: tuple[PeerTUI, str]) -> None:
    app, group_id = phones_app
    clock = DateClock()
    phones_for(app).clock = clock
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        port = phones.server.port  # type: ignore[union-attr]
        clock.advance(29)
        phones.check()
        await pilot.pause()
        assert phones.on
        clock.advance(2)
        phones.check()
        await wait_until(pilot, lambda: not phones.on)
        assert not listening(port)
        await wait_for_screen(pilot, GroupScreen)  # the panel closed with them
        assert notified(
            app,
            _(
                "The phones have been turned off after 30 minutes without use. "
                "Press t to turn them on again."
            ),
        )


async def test_when_no_phone_reaches_the_computer_the_panel_says_why_once(
    phones_app: tuple[PeerTUI, str],
) -> None:
    app, group_id = phones_app
    clock = DateClock()
    phones_for(app).clock = clock
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        hint = app.screen.query_one("#phones-hint")
        assert not hint.display
        clock.advance(4)
        phones.check()
        await wait_until(pilot, lambda: hint.display)
        assert flat(unreached_text())[:40] in flat(visible_text(app))
        assert phones.hinted
        toasts = len(app._notifications)
        phones.check()
        await pilot.pause()
        assert len(app._notifications) == toasts  # said once
        # A phone that reaches it: the hint goes.
        async with a_phone(phones.url) as phone:
            await phone.pair()
            await wait_until(pilot, lambda: not hint.display)


async def test_t_in_the_runner_with_phones_off_opens_no_socket(
    phones_app: tuple[PeerTUI, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        assert not app.screen.query_one("#phones-status").display
        opened: list[object] = []
        real_socket = socket.socket

        def recording(*args: Any, **kwargs: Any) -> socket.socket:
            opened.append(args)
            return real_socket(*args, **kwargs)

        monkeypatch.setattr(socket, "socket", recording)
        await pilot.press("t")
        await wait_for_screen(pilot, AddressDialog)
        options = app.screen.query_one("#phones-addresses", OptionList)
        assert options.highlighted == 0  # the likely one (or the only one) is proposed
        await pilot.press("escape")
        await wait_for_screen(pilot, RunnerScreen)
        await pilot.pause()
        monkeypatch.undo()
        assert opened == []
        assert not phones_for(app).on
        assert not app.screen.query_one("#phones-status").display


async def test_an_address_that_cannot_be_used_says_so_and_stays_off(
    phones_app: tuple[PeerTUI, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from peertui.phones import addresses as module

    gone = module.Address(ip="192.0.2.7", interface="wlan9", likely=True)  # not this machine's
    loopback = module.Address(ip="127.0.0.1", interface="lo", likely=False)
    monkeypatch.setattr(module, "addresses", lambda: [loopback, gone][::-1])
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(group_id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("t")
        await wait_for_screen(pilot, AddressDialog)
        options = app.screen.query_one("#phones-addresses", OptionList)
        assert options.highlighted == 0  # the likely one, proposed
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
        await wait_until(pilot, lambda: bool(app._notifications))
        assert notified(app, "192.0.2.7")  # the server's own sentence names the address
        assert not phones_for(app).on
        assert not app.screen.query_one("#phones-status").display


async def test_a_runner_without_a_group_has_no_phones() -> None:
    meeting = COURSE.meeting(1)
    assert meeting is not None
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(RunnerScreen(COURSE, meeting, clock=FakeClock()))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)
        assert app.phones is None


async def test_a_read_only_store_refuses_calmly(data_dir: Path) -> None:
    group_id = seed(data_dir)
    writer = open_store(data_dir)
    reader = open_store(data_dir, read_only=True)
    app = PeerTUI(LIBRARY, store=reader, clock=FakeClock())
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            app.action_open_group(group_id)
            await wait_for_screen(pilot, GroupScreen)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, GroupScreen)
            assert not phones_for(app).on
            assert notified(
                app, _("peertui is open read-only: phones could not save, so they stay off.")
            )
    finally:
        reader.close()
        writer.close()


async def test_with_a_wall_the_code_goes_on_it_and_the_list_asks_nothing(
    phones_app: tuple[PeerTUI, str],
) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        app.walls = 1  # a wall is attached: the room reads the wall, not this screen
        phones = await turn_on(pilot, app, group_id)
        assert app.wall_shared is not None and app.wall_shared.mode == "join"
        assert app.wall_shared.extra == {"url": phones.url}
        await pilot.press("v")  # off the wall
        assert app.wall_shared is None
        await pilot.press("v")
        assert app.wall_shared is not None and app.wall_shared.mode == "join"
        async with a_phone(phones.url) as phone:
            code = await phone.pair()
            await wait_until(pilot, lambda: code in visible_text(app))
            await pilot.press("a")
            await wait_for_screen(pilot, ParticipantPicker)  # no question first
            await pilot.press("escape")
            await wait_for_screen(pilot, PhonesPanel)
        # Off: the wall goes back to what it showed.
        await pilot.press("s")
        await wait_for_screen(pilot, ConfirmDialog)
        await say_yes(pilot)
        await wait_until(pilot, lambda: not phones.on)
        assert app.wall_shared is None


async def test_without_a_wall_the_panel_shows_the_code_itself(
    phones_app: tuple[PeerTUI, str],
) -> None:
    app, group_id = phones_app
    async with app.run_test(size=(60, 20)) as pilot:  # a small console: the code is whole
        phones = await turn_on(pilot, app, group_id)
        assert app.wall_shared is None  # nothing goes to a wall that is not there
        qr = app.screen.query_one("#phones-qr", QrCode)
        assert qr.data == ""
        await pilot.press("k")
        await pilot.pause()
        assert qr.data == phones.url
        assert qr.region.bottom <= 20
        assert decode(rasterise(screen_cells(app, qr))) == [phones.url]
        await pilot.press("k")
        await pilot.pause()
        assert qr.data == ""


async def test_a_phone_whose_words_cannot_be_saved_is_told_to_the_facilitator(
    phones_app: tuple[PeerTUI, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while a phone writes: the panel says "Ikke gemt" on its row, and the
    facilitator gets the store's own sentence once, whatever screen is open; never the words."""
    import errno
    import os

    from peertui.store import files as storage

    app, group_id = phones_app
    async with app.run_test(size=(120, 40)) as pilot:
        phones = await turn_on(pilot, app, group_id)
        async with a_phone(phones.url) as phone:
            await phone.pair()
            await wait_until(pilot, lambda: bool(phones.phones()))
            maja = next(p for p in app.store.participants(group_id) if p.alias == "Maja")  # type: ignore[union-attr]
            assert phones.assign(phones.phones()[0].id, maja.id) == ""
            await phone.poll()

            def full(fd: int, payload: bytes) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(storage, "_write_all", full)
            assert (await phone.save([WORDS, "", "", ""]))["saved"] is False
            await wait_until(pilot, lambda: any(row[3] == _("Not saved") for row in row_texts(app)))
            (problem,) = [p.problem for p in phones.phones()]
            assert notified(app, problem)
            toasts = [n for n in app._notifications if str(n.message) == problem]
            assert WORDS not in visible_text(app)
            assert (await phone.save([WORDS, "", "", ""]))["saved"] is False  # told once
            await pilot.pause()
            assert [n for n in app._notifications if str(n.message) == problem] == toasts
            monkeypatch.undo()
            assert (await phone.save([WORDS, "", "", ""]))["saved"] is True
            await wait_until(pilot, lambda: all(row[3] != _("Not saved") for row in row_texts(app)))
