"""Where the wall's socket lives: any data folder's path works, and the socket stays private.

A Unix socket's path is at most about 107 bytes. A long data folder's socket lives in a short
private folder (0700, ours, never a symlink), named by a hash of the data folder.
"""

from __future__ import annotations

import asyncio
import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import peertui.wall
from peertui.wall import (
    MAX_SOCKET_PATH,
    SOCKET_NAME,
    WallClient,
    WallServer,
    WallState,
    private_folder,
    socket_path,
    socket_paths,
)

IS_ROOT = os.getuid() == 0


def long_data_dir(base: Path, length: int = 150) -> Path:
    """A data folder whose path is ``length`` characters long (made, 0700)."""
    name = "d" * max(1, length - len(str(base)) - 1)
    folder = base / name
    assert len(str(folder)) == length
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def short_root() -> Iterator[Path]:
    """A short private folder standing in for $XDG_RUNTIME_DIR and the temporary folder."""
    root = Path(tempfile.mkdtemp(prefix="pt"))
    yield root
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    root.rmdir()


@pytest.fixture
def folders(short_root: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    candidates = [short_root / "first", short_root / "second"]
    monkeypatch.setattr(peertui.wall, "socket_folders", lambda: list(candidates))
    return candidates


async def attach(data_dir: Path) -> tuple[WallServer, list[WallState], asyncio.Task[None]]:
    server = WallServer(data_dir)
    await server.start()
    states: list[WallState] = []
    client = WallClient(data_dir, states.append, lambda connected: None, retry_seconds=0.02)
    task = asyncio.create_task(client.run())
    server.publish(WallState(mode="idle", group="Lang sti"))
    for _ in range(250):
        if states and states[-1].group == "Lang sti":
            break
        await asyncio.sleep(0.02)
    return server, states, task


def test_a_short_data_folder_keeps_its_socket_inside() -> None:
    data = Path("/srv/peertui")
    assert socket_paths(data) == [data / SOCKET_NAME]
    assert socket_path(data) == data / SOCKET_NAME


def test_a_long_data_folder_gets_a_short_name_that_both_sides_compute(
    tmp_path: Path, folders: list[Path]
) -> None:
    data = long_data_dir(tmp_path)
    paths = socket_paths(data)
    assert [path.parent for path in paths] == folders
    assert all(len(os.fsencode(str(path))) <= MAX_SOCKET_PATH for path in paths)
    assert socket_paths(data) == paths  # the same every time (console and wall agree)
    assert socket_paths(Path(str(data) + "/../" + data.name)) == paths  # resolved first
    other = tmp_path / "other"
    other.mkdir()
    assert socket_paths(long_data_dir(other)) != paths  # another data folder, another name


async def test_a_150_character_data_folder_attaches_privately(
    tmp_path: Path, folders: list[Path]
) -> None:
    data = long_data_dir(tmp_path)
    server, states, task = await attach(data)
    try:
        assert states and states[-1] == WallState(mode="idle", group="Lang sti")
        assert server.path.parent == folders[0]
        assert stat.S_IMODE(os.lstat(folders[0]).st_mode) == 0o700
        assert stat.S_IMODE(os.lstat(server.path).st_mode) == 0o600
    finally:
        task.cancel()
        await server.stop()
    assert not server.path.exists()
    assert folders[0].is_dir()  # the folder stays; only our socket goes


async def test_a_planted_symlink_is_never_followed(tmp_path: Path, folders: list[Path]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folders[0].symlink_to(elsewhere)
    data = long_data_dir(tmp_path)
    assert not private_folder(folders[0], create=True)
    server, states, task = await attach(data)
    try:
        assert server.path.parent == folders[1]
        assert states and states[-1].group == "Lang sti"
        assert list(elsewhere.iterdir()) == []
    finally:
        task.cancel()
        await server.stop()


async def test_an_open_folder_of_ours_is_closed_first(tmp_path: Path, folders: list[Path]) -> None:
    folders[0].mkdir(mode=0o700)
    os.chmod(folders[0], 0o777)
    assert not private_folder(folders[0], create=False)  # the wall does not use it as it is
    assert private_folder(folders[0], create=True)  # the console makes it private
    assert stat.S_IMODE(os.lstat(folders[0]).st_mode) == 0o700


async def test_only_our_stale_socket_is_replaced_never_a_file(
    tmp_path: Path, folders: list[Path]
) -> None:
    data = long_data_dir(tmp_path)
    path = socket_paths(data)[0]
    folders[0].mkdir(mode=0o700)
    path.write_text("not a socket")
    server = WallServer(data)
    with pytest.raises(OSError):
        await server.start()
    assert path.read_text() == "not a socket"
    path.unlink()
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()  # left by a console that died
    server, states, task = await attach(data)
    try:
        assert states and states[-1].group == "Lang sti"
    finally:
        task.cancel()
        await server.stop()


async def test_stop_leaves_a_socket_it_did_not_make(tmp_path: Path, folders: list[Path]) -> None:
    data = long_data_dir(tmp_path)
    server = WallServer(data)
    await server.start()
    os.unlink(server.path)
    other = socket.socket(socket.AF_UNIX)
    other.bind(str(server.path))  # another console's, in its place
    try:
        await server.stop()
        assert stat.S_ISSOCK(os.lstat(server.path).st_mode)
    finally:
        other.close()


@pytest.mark.skipif(not IS_ROOT, reason="needs another user's folder (root can chown)")
async def test_another_users_folder_is_never_used(tmp_path: Path, folders: list[Path]) -> None:
    for folder in folders:
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
    data = long_data_dir(tmp_path)
    with pytest.raises(OSError):
        await WallServer(data).start()
    told: list[bool] = []
    client = WallClient(
        data,
        lambda state: None,
        lambda connected: None,
        0.01,
        on_unreachable=lambda: told.append(True),
    )
    task = asyncio.create_task(client.run())
    for _ in range(100):
        await asyncio.sleep(0.01)
    task.cancel()
    assert told == [True]  # said once, not on every retry


async def test_a_wall_says_so_when_no_folder_can_hold_the_socket(
    tmp_path: Path, folders: list[Path]
) -> None:
    for folder in folders:
        folder.write_text("a file, not a folder")
    data = long_data_dir(tmp_path)
    with pytest.raises(OSError):
        await WallServer(data).start()
    told: list[bool] = []
    client = WallClient(
        data,
        lambda state: None,
        lambda connected: None,
        0.01,
        on_unreachable=lambda: told.append(True),
    )
    task = asyncio.create_task(client.run())
    for _ in range(50):
        await asyncio.sleep(0.01)
    task.cancel()
    assert told == [True]
    assert all(folder.read_text() == "a file, not a folder" for folder in folders)


async def test_a_wall_waits_calmly_while_the_folder_is_not_made_yet(
    tmp_path: Path, folders: list[Path]
) -> None:
    data = long_data_dir(tmp_path)
    told: list[bool] = []
    client = WallClient(
        data,
        lambda state: None,
        lambda connected: None,
        0.01,
        on_unreachable=lambda: told.append(True),
    )
    task = asyncio.create_task(client.run())
    for _ in range(20):
        await asyncio.sleep(0.01)
    task.cancel()
    assert told == []
