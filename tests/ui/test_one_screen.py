"""One screen or two: with no wall attached the console may be mirrored to the projector, so
anything private asks first ("Nej" focused); with a wall attached it opens at once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Button, OptionList

from peertui.content import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.meeting import MeetingScreen
from peertui.ui.screens.participant import ParticipantScreen
from peertui.ui.screens.statement import StatementScreen
from peertui.wall import WallClient, WallServer
from tests.helpers import notified, say_yes, wait_until
from tests.worksheets.helpers import seed

pytestmark = pytest.mark.ui

LIBRARY = load_library()
COURSE = "vejen-til-hverdagslivet"


async def open_meeting(app: PeerTUI, pilot) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.action_open_meeting(COURSE, 1)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def test_notes_ask_first_without_a_wall_and_no_keeps_them_hidden() -> None:
    app = PeerTUI(LIBRARY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "gruppen kan måske se" in dialog.question
        assert dialog.focused is dialog.query_one("#no", Button)  # "Nej" has the focus
        await pilot.press("enter")  # a stray Enter says no
        await pilot.pause()
        assert app.screen is screen and not screen.show_notes
        await pilot.press("n")
        await pilot.press("escape")  # Esc says no too
        await pilot.pause()
        assert app.screen is screen and not screen.show_notes
        await pilot.press("n")
        await say_yes(pilot)
        assert screen.show_notes
        await pilot.press("n")  # hiding never asks
        await pilot.pause()
        assert app.screen is screen and not screen.show_notes


async def test_a_statement_asks_first_without_a_wall(tmp_path: Path) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(ParticipantScreen(seeded.group, seeded.maja))
        await pilot.pause()
        page = app.screen
        page.query_one("#tools", OptionList).highlighted = 0  # the statement
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Nej
        await pilot.pause()
        assert app.screen is page
        await pilot.press("enter")
        await say_yes(pilot)
        assert isinstance(app.screen, StatementScreen)
    store.close()


async def test_with_a_wall_attached_private_things_open_at_once(tmp_path: Path) -> None:
    """A real wall on the console's socket: the console counts it, says so, and the notes open
    without a question (the room looks at the wall)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    app = PeerTUI(LIBRARY, data_dir=data, serve_wall=True)
    seen: list[bool] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.wall_server is not None)
        client = WallClient(data, lambda state: None, seen.append, retry_seconds=0.02)
        task = asyncio.get_running_loop().create_task(client.run())
        try:
            await wait_until(pilot, lambda: app.wall_attached)
            assert app.walls == 1
            assert notified(app, "Væggen er tilsluttet")
            screen = await open_meeting(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            assert app.screen is screen and screen.show_notes
        finally:
            task.cancel()
        await wait_until(pilot, lambda: not app.wall_attached)
        assert notified(app, "ikke længere tilsluttet")


async def test_the_server_counts_walls_as_they_come_and_go(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    counts: list[int] = []
    server = WallServer(data, counts.append)
    await server.start()
    try:
        clients = [WallClient(data, lambda s: None, lambda c: None, retry_seconds=0.02)]
        clients.append(WallClient(data, lambda s: None, lambda c: None, retry_seconds=0.02))
        tasks = [asyncio.get_running_loop().create_task(c.run()) for c in clients]
        for _ in range(200):
            await asyncio.sleep(0.01)
            if server.walls == 2:
                break
        tasks[0].cancel()
        for _ in range(200):
            await asyncio.sleep(0.01)
            if server.walls == 1:
                break
        tasks[1].cancel()
        for _ in range(200):
            await asyncio.sleep(0.01)
            if server.walls == 0:
                break
        assert counts == [1, 2, 1, 0]
    finally:
        await server.stop()


async def test_the_runner_says_whether_a_wall_is_attached(tmp_path: Path) -> None:
    from peertui.ui.screens.runner import RunnerScreen
    from tests.helpers import visible_text

    course = LIBRARY.course(COURSE)
    assert course is not None
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    app = PeerTUI(LIBRARY, data_dir=data, serve_wall=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.wall_server is not None)
        app.push_screen(RunnerScreen(course, course.meetings[1]))
        await pilot.pause()
        assert "Ingen væg" in visible_text(app)
        client = WallClient(data, lambda state: None, lambda c: None, retry_seconds=0.02)
        task = asyncio.get_running_loop().create_task(client.run())
        try:
            await wait_until(pilot, lambda: "Væg tilsluttet" in visible_text(app))
        finally:
            task.cancel()
        await wait_until(pilot, lambda: "Ingen væg" in visible_text(app))
        assert "Ingen væg" in visible_text(app)
