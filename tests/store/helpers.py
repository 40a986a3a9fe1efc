"""Helpers shared by the store tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any


class Clock:
    """A clock the test moves by hand; every call moves it one second on, like real saves."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def all_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> content), hidden files included."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def fail_from(monkeypatch: Any, first_failing: int) -> list[int]:
    """Writes 1 .. first_failing-1 succeed; from then on the disk is full (half a write
    lands, then ENOSPC), as it does when it fills up. Returns the sizes that got through."""
    import errno
    import os

    from peertui.store import files

    done: list[int] = []
    real = files._write_all

    def writing(fd: int, payload: bytes) -> None:
        if len(done) + 1 >= first_failing:
            os.write(fd, payload[: len(payload) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, payload)
        done.append(len(payload))

    monkeypatch.setattr(files, "_write_all", writing)
    return done


def without_lock(folder: Path) -> dict[str, bytes]:
    """``all_bytes`` without the lock file (which holds the opener's pid)."""
    found = all_bytes(folder)
    found.pop("peertui.lock", None)
    return found


def info_output(folder: Path, capsys: Any) -> str:
    """What ``peertui data info`` prints (and that it prints nothing on stderr)."""
    from peertui.cli import main

    capsys.readouterr()
    assert main(["--data-dir", str(folder), "data", "info"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return str(out)
