"""One writer per data folder: a second peertui is told who holds it and never writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peertui.store.app import open_for_app
from peertui.store.errors import StoreLocked, StoreReadOnly
from peertui.store.repo import open_store
from tests.store.helpers import all_bytes

HOLDER = """
import sys
from peertui.store.repo import open_store
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
