"""The wall channel: what crosses, what does not, and how a wall copes with a bad peer."""

from __future__ import annotations

import asyncio
import os
import socket
import stat
from pathlib import Path

import pytest
from textual.widgets import Digits

from peertui.content import load_library
from peertui.runner import MeetingRun
from peertui.ui.wall import WallApp
from peertui.wall import WallServer, WallState, socket_path, wall_state_for_run

from ..runner.fakes import FakeClock

MEETING = load_library().course("vejen-til-hverdagslivet").meeting(8)  # type: ignore[union-attr]


def test_round_trip() -> None:
    state = WallState(mode="block", group="Tirsdag", title="Tema", text="æøå 🙂", paused=True)
    assert WallState.from_line(state.to_line()) == state


@pytest.mark.parametrize(
    "line",
    [
        b"not json\n",
        b"[]\n",
        b'{"v": 2, "mode": "block"}\n',
        b'{"v": 1, "mode": "explode"}\n',
        b'{"v": 1, "phase": "purple"}\n',
        b'{"v": 1, "title": 5}\n',
        b'{"v": 1, "paused": "yes"}\n',
        b'{"v": 1, "extra": {"a": 1}}\n',
        b"\xff\xfe\n",
    ],
)
def test_malformed_lines_are_ignored(line: bytes) -> None:
    assert WallState.from_line(line) is None


def test_only_participant_text_crosses() -> None:
    assert MEETING is not None
    run = MeetingRun(MEETING, FakeClock())
    for index, block in enumerate(MEETING.blocks):
        run.go_to(index)
        while True:
            line = wall_state_for_run(run, "Gruppen", blanked=False).to_line().decode()
            for note_line in block.notes.splitlines():
                if len(note_line.strip()) > 20:
                    assert note_line.strip()[:20] not in line
            if not run.reveal_next():
                break
    blank = wall_state_for_run(run, "Gruppen", blanked=True)
    assert blank == WallState(mode="blank", group="Gruppen")


async def test_socket_is_private_and_a_stale_one_is_replaced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(socket_path(data)))
    stale.close()  # a socket file left by a console that died
    server = WallServer(data)
    await server.start()
    try:
        mode = stat.S_IMODE(os.stat(socket_path(data)).st_mode)
        assert mode == 0o600
        reader, writer = await asyncio.open_unix_connection(str(socket_path(data)))
        first = await asyncio.wait_for(reader.readline(), 5)
        assert WallState.from_line(first) == WallState()
        server.publish(WallState(mode="blank", group="G"))
        second = await asyncio.wait_for(reader.readline(), 5)
        assert WallState.from_line(second) == WallState(mode="blank", group="G")
        writer.close()
    finally:
        await server.stop()
    assert not socket_path(data).exists()


async def test_timer_colours_reach_the_wall(tmp_path: Path) -> None:
    """A real socket, a real WallApp: each phase of the countdown shows as its colour."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    server = WallServer(data)
    await server.start()
    app = WallApp(data)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):
                await pilot.pause(0.02)
                if app.connected:
                    break
            assert app.connected
            for phase in ("normal", "warn", "urgent", "over"):
                server.publish(
                    WallState(mode="block", title="Tema", countdown="01:00", phase=phase)
                )
                for _ in range(200):
                    await pilot.pause(0.02)
                    if app.state.phase == phase:
                        break
                digits = app.query_one("#wall-countdown", Digits)
                assert f"-{phase}" in digits.classes
                assert digits.value == "01:00"
            server.publish(WallState(mode="break", countdown="14:59"))
            for _ in range(200):
                await pilot.pause(0.02)
                if app.state.mode == "break":
                    break
            assert app.shown_mode == "break"
            assert app.query_one("#wall-break-countdown", Digits).value == "14:59"
    finally:
        await server.stop()


async def test_shared_words_show_literally_on_the_wall(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    server = WallServer(data)
    await server.start()
    app = WallApp(data)
    words = "[bold]fed[/bold] [@click=app.quit]x[/] # ikke overskrift **ikke fed**"
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):
                await pilot.pause(0.02)
                if app.connected:
                    break
            server.publish(WallState(mode="shared", title="Personligt statement", text=words))
            for _ in range(200):
                await pilot.pause(0.02)
                if app.state.mode == "shared":
                    break
            await pilot.pause()
            shown = str(app.query_one("#wall-shared-text").render())
            assert words in shown
            assert app.is_running
    finally:
        await server.stop()
