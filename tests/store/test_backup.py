"""Rolling backups: the last N versions, plus one per day for a week; pinned ones stay."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from peertui.store import backup
from peertui.store.backup import Backup, list_backups, to_remove
from peertui.store.store import open_store
from tests.store.helpers import Clock

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def _backups(times: list[datetime], pinned: frozenset[int] = frozenset()) -> list[Backup]:
    found = [
        Backup(path=Path(f"/b/{i}.json"), taken=when, pinned=i in pinned)
        for i, when in enumerate(times)
    ]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def test_keeps_the_newest_n() -> None:
    times = [NOW - timedelta(minutes=m) for m in range(30)]
    removed = to_remove(_backups(times), NOW, keep_last=20, keep_days=0)
    assert sorted(b.taken for b in removed) == sorted(times[20:])


def test_keeps_one_per_day_for_a_week() -> None:
    # Ten backups a day for twelve days, the newest at NOW.
    times = [NOW - timedelta(days=d, hours=h) for d in range(12) for h in range(10)]
    kept = {b.taken for b in _backups(times)} - {
        b.taken for b in to_remove(_backups(times), NOW, 5, 7)
    }
    newest_five = sorted(times, reverse=True)[:5]
    days = {NOW.astimezone().date() - timedelta(days=d) for d in range(7)}
    per_day = {
        max(t for t in times if t.astimezone().date() == day) for day in days
    }  # the newest of each of the last seven days
    assert kept == set(newest_five) | per_day
    assert all(t.astimezone().date() >= min(days) for t in kept)


def test_pinned_backups_are_never_rotated() -> None:
    times = [NOW - timedelta(days=100 + d) for d in range(5)]
    removed = to_remove(_backups(times, pinned=frozenset({3})), NOW, keep_last=1, keep_days=7)
    assert len(removed) == 3 and all(not b.pinned for b in removed)


def test_names_parse_back() -> None:
    folder = Path("/x")
    name = backup._free_name(folder, NOW)
    parsed = backup.parse_name(name)
    assert parsed is not None and parsed.taken == NOW and not parsed.pinned
    assert backup.parse_name(folder / "20251399T000000.000000Z.json") is None
    assert backup.parse_name(folder / "notes.txt") is None


def test_saves_rotate_backups_on_disk(tmp_path: Path) -> None:
    clock = Clock(NOW)
    data = tmp_path / "data"
    with open_store(data, clock=clock) as store:
        group = store.create_group("G", "c", [], date(2025, 1, 1), date(2025, 12, 31))
        for day in range(10):
            for n in range(25):
                store.add_participant(group.id, f"P{day}-{n}")
            clock.advance(days=1)
    found = list_backups(data / "backups" / "groups" / group.id)
    assert len(found) <= backup.KEEP_LAST + backup.KEEP_DAYS
    assert len(found) >= backup.KEEP_LAST
    days = {b.taken.astimezone().date() for b in found}
    assert len(days) == backup.KEEP_DAYS  # one (at least) for each of the last seven days
