"""Helpers shared by the store tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path


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
