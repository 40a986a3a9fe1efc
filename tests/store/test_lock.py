"""One writer per data folder: a second peertui is told who holds it and never writes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peertui.i18n import _
from peertui.store.app import open_for_app
from peertui.store.errors import LockHolder, StoreLocked, StoreReadOnly, UnsafeLockFile
from peertui.store.lock import DataLock, read_holder
from peertui.store.store import open_store
from tests.store.helpers import all_bytes

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from peertui.store.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()   # hold the lock until told (or killed)
store.close()
"""


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group("G", "c", ["A"], date(2025, 1, 1), date(2025, 12, 31))
        store.add_participant(group.id, "Maja")
    return data


@pytest.fixture
def holder(seeded: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(seeded)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_second_writer_is_refused_and_told_who(seeded: Path, holder: subprocess.Popen[str]) -> None:
    before = all_bytes(seeded)
    with pytest.raises(StoreLocked) as caught:
        open_store(seeded)
    assert caught.value.holder.pid == holder.pid
    assert str(holder.pid) in str(caught.value)
    assert str(seeded) in str(caught.value)
    assert all_bytes(seeded) == before


def test_second_peertui_opens_read_only_and_never_writes(
    seeded: Path, holder: subprocess.Popen[str]
) -> None:
    before = all_bytes(seeded)
    opened = open_for_app(seeded)
    store = opened.store
    assert opened.read_only and opened.locked_by is not None
    assert str(holder.pid) in opened.notices[0]
    (group,) = store.groups()
    assert [p.alias for p in store.participants(group.id)] == ["Maja"]
    with pytest.raises(StoreReadOnly):
        store.add_participant(group.id, "Ali")
    with pytest.raises(StoreReadOnly):
        store.create_group("H", "c", [], date(2025, 1, 1), date(2025, 2, 1))
    with pytest.raises(StoreReadOnly):
        store.forget_participant(group.id, store.participants(group.id)[0].id)
    store.close()
    assert all_bytes(seeded) == before


def test_cli_write_command_exits_with_one_calm_line(
    seeded: Path, holder: subprocess.Popen[str]
) -> None:
    script = Path(sys.executable).with_name("peertui")
    result = subprocess.run(
        [str(script), "--data-dir", str(seeded), "purge", "--yes"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert str(holder.pid) in result.stderr


def test_lock_of_a_killed_process_is_taken_over(
    seeded: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(StoreLocked):
        open_store(seeded)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with open_store(seeded) as store:
        assert store.took_over_stale_lock
        (group,) = store.groups()
        store.add_participant(group.id, "Ali")
        info = json.loads((seeded / "peertui.lock").read_text(encoding="utf-8"))
        assert info["pid"] == os.getpid()


def test_stale_lock_file_with_dead_pid_is_taken_over(seeded: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)
    (seeded / "peertui.lock").write_text(
        json.dumps({"pid": pid, "started": "2025-03-04T09:00:00+00:00"}), encoding="utf-8"
    )
    with open_store(seeded) as store:
        assert store.took_over_stale_lock
    # Closed cleanly: the next one finds nothing stale.
    with open_store(seeded) as store:
        assert not store.took_over_stale_lock


def test_lock_is_released_on_close_and_file_is_private(seeded: Path) -> None:
    store = open_store(seeded)
    with pytest.raises(StoreLocked):
        open_store(seeded)  # also within one process
    store.close()
    with open_store(seeded):
        pass
    assert (seeded / "peertui.lock").stat().st_mode & 0o777 == 0o600


# --- a peertui.lock that is not a plain file: refused at once, never followed or changed ------

SECRET = b"someone else's file: must never be truncated or written\n"


def _outside(tmp_path: Path) -> Path:
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(SECRET)
    return target


def _unix_socket(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
    except OSError as exc:  # e.g. a tmp path longer than a socket name may be
        sock.close()
        pytest.skip(f"cannot bind a unix socket here: {exc}")
    return sock


# Each plants something at <data>/peertui.lock; the ones that need it also put a file outside.
PLANTS: dict[str, Callable[[Path, Path], None]] = {
    "symlink": lambda lock, tmp: lock.symlink_to(_outside(tmp)),
    "dangling_symlink": lambda lock, tmp: lock.symlink_to(tmp / "not-there"),
    "hard_link": lambda lock, tmp: os.link(_outside(tmp), lock),
    "fifo": lambda lock, tmp: os.mkfifo(lock),
    "folder": lambda lock, tmp: lock.mkdir(),
}


def _plant(kind: str, seeded: Path, tmp_path: Path) -> Path:
    lock = seeded / "peertui.lock"
    lock.unlink(missing_ok=True)
    PLANTS[kind](lock, tmp_path)
    return lock


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python: a call that hangs (a FIFO) fails the test at the
    timeout instead of hanging the test run."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        cwd=REPO,
    )


@pytest.mark.parametrize("kind", ["symlink", "dangling_symlink", "hard_link", "folder"])
def test_lock_that_is_not_a_plain_file_is_refused(kind: str, seeded: Path, tmp_path: Path) -> None:
    lock = _plant(kind, seeded, tmp_path)
    before = os.lstat(lock)
    with pytest.raises(UnsafeLockFile) as caught:
        open_store(seeded)
    message = str(caught.value)
    assert message == _(
        "The lock file peertui.lock in the data folder {dir} is not an "
        "ordinary file, so peertui will not touch it: move it away and start "
        "peertui again.",
        dir=str(seeded),
    )
    assert str(seeded) in message and "Låsefilen peertui.lock" in message
    assert not caught.value.other_owner
    # The planted thing is exactly as it was; nothing was created or written through it.
    after = os.lstat(lock)
    assert (after.st_ino, after.st_mode, after.st_size) == (
        before.st_ino,
        before.st_mode,
        before.st_size,
    )
    outside = tmp_path / "elsewhere.txt"
    if outside.exists():
        assert outside.read_bytes() == SECRET
    assert not (tmp_path / "not-there").exists()
    if kind in ("symlink", "dangling_symlink"):
        assert lock.is_symlink()


def test_symlinked_lock_leaves_its_target_alone(seeded: Path, tmp_path: Path) -> None:
    target = _outside(tmp_path)
    (seeded / "peertui.lock").unlink(missing_ok=True)
    (seeded / "peertui.lock").symlink_to(target)
    mode = target.stat().st_mode
    for _round in range(2):
        with pytest.raises(UnsafeLockFile):
            DataLock(seeded).acquire()
    assert target.read_bytes() == SECRET
    assert target.stat().st_mode == mode  # not chmod-ed to 0600 either
    assert os.readlink(seeded / "peertui.lock") == str(target)


def test_dangling_symlink_creates_nothing_at_its_target(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "made-by-peertui"
    (seeded / "peertui.lock").unlink(missing_ok=True)
    (seeded / "peertui.lock").symlink_to(target)
    with pytest.raises(UnsafeLockFile):
        open_store(seeded)
    assert not target.exists()


FIFO_CODE = """
import sys, time
from pathlib import Path
from peertui.store.errors import UnsafeLockFile
from peertui.store.lock import read_holder
from peertui.store.store import open_store
folder = Path(sys.argv[1])
start = time.monotonic()
try:
    open_store(folder).close()
except UnsafeLockFile as exc:
    print("refused", exc.data_dir == str(folder))
print("took", time.monotonic() - start)
start = time.monotonic()
print("holder", read_holder(folder / "peertui.lock"))
print("took", time.monotonic() - start)
with open_store(folder, read_only=True) as store:
    print("read-only groups", len(store.groups()))
"""


def test_fifo_lock_is_refused_at_once(seeded: Path, tmp_path: Path) -> None:
    _plant("fifo", seeded, tmp_path)
    result = _python(FIFO_CODE, str(seeded))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "refused True"
    assert lines[2] == "holder LockHolder(pid=None, started=None)"
    assert lines[4] == "read-only groups 1"
    for took in (lines[1], lines[3]):
        assert float(took.split()[1]) < 1.0


def test_socket_lock_is_refused(seeded: Path, tmp_path: Path) -> None:
    lock = seeded / "peertui.lock"
    lock.unlink(missing_ok=True)
    with contextlib.closing(_unix_socket(lock)):
        with pytest.raises(UnsafeLockFile):
            open_store(seeded)
        assert read_holder(lock) == LockHolder(None, None)


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another user")
def test_lock_of_another_user_is_refused(seeded: Path) -> None:
    lock = seeded / "peertui.lock"
    lock.write_bytes(b"")
    os.chown(lock, 65534, 65534)
    with pytest.raises(UnsafeLockFile) as caught:
        open_store(seeded)
    assert caught.value.other_owner
    assert str(caught.value) == _(
        "The lock file peertui.lock in the data folder {dir} belongs to "
        "another user, so peertui will not touch it: move it away and start "
        "peertui again.",
        dir=str(seeded),
    )
    assert lock.read_bytes() == b""
    assert lock.stat().st_uid == 65534


@pytest.mark.parametrize("kind", ["symlink", "dangling_symlink", "folder"])
def test_read_only_open_ignores_an_odd_lock(kind: str, seeded: Path, tmp_path: Path) -> None:
    _plant(kind, seeded, tmp_path)
    with open_store(seeded, read_only=True) as store:
        assert [g.name for g in store.groups()] == ["G"]
    assert not (tmp_path / "not-there").exists()


def test_read_holder_does_not_follow_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.lock"
    real.write_text(json.dumps({"pid": 4242, "started": "2025-03-04T09:00:00+00:00"}))
    assert read_holder(real).pid == 4242
    link = tmp_path / "peertui.lock"
    link.symlink_to(real)
    assert read_holder(link) == LockHolder(None, None)
    assert read_holder(tmp_path) == LockHolder(None, None)  # a folder
    assert read_holder(tmp_path / "missing") == LockHolder(None, None)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not utf-8",
        b"null",
        b"[1, 2]",
        b'"pid"',
        b"12345",
        b'{"pid": "123", "started": "2025-03-04T09:00:00+00:00"}',
        b'{"pid": true, "started": "2025-03-04T09:00:00+00:00"}',
        b'{"pid": 12.5}',
        b'{"pid": 1e999}',
        b'{"pid": NaN}',
        b'{"pid": Infinity}',
        b'{"pid": -1}',
        b'{"pid": 0}',
        b'{"pid": ' + b"9" * 4000 + b"}",
        b'{"pid": 99999999999999999999}',
        b"[" * 4000 + b"]" * 4000,
        b'{"pid": {"nested": 1}}',
        b'{"pid": 12, "pid": "x"}',
        b'{"pid": 12' + b" " * 5000 + b"}",  # valid JSON, but longer than what is read
    ],
    ids=lambda content: repr(content[:20]),
)
def test_read_holder_survives_garbage(content: bytes, tmp_path: Path) -> None:
    lock = tmp_path / "peertui.lock"
    lock.write_bytes(content)
    assert read_holder(lock) == LockHolder(None, None)


@pytest.mark.parametrize(
    "started",
    [
        None,
        17,
        ["2025"],
        "yesterday",
        "\ud800",  # a lone surrogate
        "2025-03-04T09:00:00",  # no time zone
        "0001-01-01T00:00:00+14:00",  # would overflow when shown in local time
        "9999-12-31T23:59:59-14:00",
        "2025-03-04T09:00:00+00:00" + " " * 100,
    ],
    ids=lambda started: repr(started)[:30],
)
def test_read_holder_keeps_the_pid_of_an_odd_start_time(started: object, tmp_path: Path) -> None:
    lock = tmp_path / "peertui.lock"
    lock.write_text(json.dumps({"pid": 4242, "started": started}), encoding="utf-8")
    holder = read_holder(lock)
    assert holder == LockHolder(4242, None)
    assert str(4242) in str(StoreLocked(str(tmp_path), holder))


def test_read_holder_reads_a_good_lock(tmp_path: Path) -> None:
    lock = tmp_path / "peertui.lock"
    lock.write_text(json.dumps({"pid": 4242, "started": "2025-03-04T10:00:00+01:00"}))
    assert read_holder(lock) == LockHolder(4242, datetime(2025, 3, 4, 9, 0, tzinfo=UTC))


def test_garbage_in_a_held_lock_still_gives_a_calm_message(seeded: Path) -> None:
    store = open_store(seeded)
    try:
        with open(seeded / "peertui.lock", "r+b") as f:  # the holder's details, overwritten
            f.write(b'{"pid": "\\ud800", "started": [' + b"[" * 3000)
        with pytest.raises(StoreLocked) as caught:
            open_store(seeded)
        assert caught.value.holder == LockHolder(None, None)
        assert str(caught.value) == _(
            "The data folder {dir} is already in use by another peertui. Close "
            "that one first, or open read-only.",
            dir=str(seeded),
        )
    finally:
        store.close()


# --- the command line, with such a lock: one calm Danish line, exit status 2 -----------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peertui", *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        cwd=REPO,
    )


@pytest.fixture
def export_file(seeded: Path, tmp_path: Path) -> Path:
    out = tmp_path / "export.json"
    result = _cli("data", "export", str(out), "--unencrypted", "--data-dir", str(seeded))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("kind", ["symlink", "dangling_symlink", "fifo", "folder"])
@pytest.mark.parametrize("command", ["import", "demo"])
def test_cli_with_an_odd_lock_exits_with_one_calm_line(
    kind: str, command: str, seeded: Path, tmp_path: Path, export_file: Path
) -> None:
    _plant(kind, seeded, tmp_path)
    if command == "import":
        result = _cli("data", "import", str(export_file), "--data-dir", str(seeded))
    else:
        result = _cli("demo", "--data-dir", str(seeded))
    assert result.returncode == 2
    assert (
        result.stderr
        == _(
            "The lock file peertui.lock in the data folder {dir} is not an "
            "ordinary file, so peertui will not touch it: move it away and start "
            "peertui again.",
            dir=str(seeded),
        )
        + "\n"
    )
    assert "Traceback" not in result.stderr
    assert "uventet fejl" not in result.stderr
    outside = tmp_path / "elsewhere.txt"
    if outside.exists():
        assert outside.read_bytes() == SECRET
    assert not (tmp_path / "not-there").exists()


@pytest.mark.parametrize("kind", ["symlink", "dangling_symlink", "fifo", "folder"])
def test_cli_data_info_reads_past_an_odd_lock(kind: str, seeded: Path, tmp_path: Path) -> None:
    _plant(kind, seeded, tmp_path)
    result = _cli("data", "info", "--data-dir", str(seeded))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(seeded) in result.stdout
