"""Helpers shared by the store tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
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


def old_trainee(
    trainee_id: str,
    name: str,
    course_date: str,
    teachings: Sequence[tuple[str, str, int, str]] = (),
    certified: str | None = None,
) -> dict[str, Any]:
    """A trainee record as schema 3 (and format 3) held them: teachings (held, audience,
    count, note), without ids or citizen contact."""
    return {
        "id": trainee_id,
        "name": name,
        "course_date": course_date,
        "teachings": [
            {"held": held, "audience": audience, "count": count, "note": note}
            for held, audience, count, note in teachings
        ],
        "certified": certified,
    }


def old_store_json(*records: dict[str, Any], schema: int = 3) -> bytes:
    """A ``store.json`` of ``schema`` holding old trainee records, as peertui wrote it."""
    doc = {
        "meta": {"1": {"kind": "store", "schema": schema}},
        "trainees": {str(i): r for i, r in enumerate(records, start=1)},
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
