"""A save that cannot be written (full disk, read-only folder) fails clearly and loses nothing."""

from __future__ import annotations

import errno
import os
import resource
import signal
from datetime import date
from pathlib import Path

import pytest

from peertui.store import files as storage
from peertui.store.errors import SaveFailed
from peertui.store.files import read_json
from peertui.store.store import open_store
from tests.store.conftest import Filled


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")]


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, half: bool = True) -> None:
    """Make every write put down half its bytes, then fail with ENOSPC, like a filling disk."""

    def failing(fd: int, payload: bytes) -> None:
        if half:
            os.write(fd, payload[: len(payload) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "_write_all", failing)


def test_full_disk_keeps_the_last_saved_version(
    filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    statement = store.create_statement(gid, maja, ["Jeg er Maja", "", "", ""])
    path = store.data_dir / "groups" / f"{gid}.json"
    saved_bytes = path.read_bytes()

    _full_disk_after(monkeypatch)
    with pytest.raises(SaveFailed) as caught:
        store.update_statement(gid, statement.id, ["Jeg er Maja og jeg tegner", "", "", ""])
    error = caught.value
    assert error.reason == "disk_full"
    assert error.file == f"groups/{gid}.json"
    assert "disken er fuld" in str(error)
    assert "tegner" not in str(error) and "Maja" not in str(error)

    # The file on disk is exactly the last good save, no temp file is left, and the store
    # shows what is on disk (the UI keeps the unsaved text and marks it "not saved").
    assert path.read_bytes() == saved_bytes
    assert _temp_files(store.data_dir) == []
    assert store.statement(gid, statement.id).answers[0] == "Jeg er Maja"

    # Other saves fail the same way while the disk is full...
    with pytest.raises(SaveFailed):
        store.set_attendance(gid, 1, maja, "present")
    assert store.attendance(gid) == []

    # ... and succeed once there is room again.
    monkeypatch.undo()
    store.update_statement(gid, statement.id, ["Jeg er Maja og jeg tegner", "", "", ""])
    store.set_attendance(gid, 1, maja, "present")
    store.close()
    with open_store(store.data_dir, read_only=True) as again:
        assert again.statement(gid, statement.id).answers[0] == "Jeg er Maja og jeg tegner"
        assert len(again.attendance(gid)) == 1


def test_fsync_failure_is_a_failed_save(filled: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    store, gid = filled.store, filled.group.id
    before = (store.data_dir / "groups" / f"{gid}.json").read_bytes()

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(storage.os, "fsync", fsync)
    with pytest.raises(SaveFailed) as caught:
        store.add_participant(gid, "Sofie")
    assert caught.value.reason == "other"
    assert "EIO" in str(caught.value)
    monkeypatch.undo()
    assert (store.data_dir / "groups" / f"{gid}.json").read_bytes() == before
    assert [p.alias for p in store.participants(gid)] == ["Maja", "Ali"]


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_folder_is_a_failed_save(
    filled: Filled, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    store, gid = filled.store, filled.group.id
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(storage.os, "open", refusing_open)
    with pytest.raises(SaveFailed) as caught:
        store.add_participant(gid, "Sofie")
    assert caught.value.reason == "read_only"
    monkeypatch.undo()
    store.add_participant(gid, "Sofie")
    assert len(store.participants(gid)) == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a 0500 folder")
def test_real_read_only_folder(filled: Filled) -> None:
    store, gid = filled.store, filled.group.id
    groups = store.data_dir / "groups"
    groups.chmod(0o500)
    try:
        with pytest.raises(SaveFailed) as caught:
            store.add_participant(gid, "Sofie")
        assert caught.value.reason == "read_only"
    finally:
        groups.chmod(0o700)
    store.add_participant(gid, "Sofie")


def test_real_write_limit_in_a_child_process(tmp_path: Path) -> None:
    """A real kernel write failure, no injection: a child process whose file-size limit is
    smaller than the file it saves (EFBIG, treated as a full disk)."""
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group("G", "c", [], date(2025, 1, 1), date(2025, 12, 31))
        maja = store.add_participant(group.id, "Maja", consents=["store_statement"])
        statement = store.create_statement(group.id, maja.id, ["kort", "", "", ""])
    path = data / "groups" / f"{group.id}.json"
    before = path.read_bytes()

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            limit = len(before) + 1024
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            with open_store(data) as child:
                try:
                    child.update_statement(group.id, statement.id, ["x" * 5000, "", "", ""])
                    os.write(write_end, b"saved")
                except SaveFailed as exc:
                    os.write(write_end, exc.reason.encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert result == "disk_full"
    assert path.read_bytes() == before
    assert _temp_files(data) == []
    assert read_json(path, "x")["statements"]
