"""Damaged data files: named clearly, never overwritten, restored from the newest good backup."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store.app import open_for_app
from peertui.store.backup import list_backups
from peertui.store.errors import StoreDamaged
from peertui.store.files import read_json
from peertui.store.store import open_store
from tests.store.helpers import Clock, all_bytes


@pytest.fixture
def two_groups(tmp_path: Path, clock: Clock) -> tuple[Path, str, str]:
    """A data folder with two groups; the first has had several saves (so backups)."""
    data = tmp_path / "data"
    with open_store(data, clock=clock) as store:
        g1 = store.create_group("Tirsdag", "c", ["A"], date(2025, 1, 1), date(2025, 12, 31))
        g2 = store.create_group("Torsdag", "c", ["B"], date(2025, 1, 1), date(2025, 12, 31))
        for alias in ("Maja", "Ali", "Sofie"):
            store.add_participant(g1.id, alias)
        store.add_participant(g2.id, "Jonas")
    return data, g1.id, g2.id


def _damage(path: Path) -> bytes:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # a torn file, as a crash of an in-place write leaves
    return path.read_bytes()


def test_damaged_file_is_named_and_left_alone(two_groups: tuple[Path, str, str]) -> None:
    data, g1, g2 = two_groups
    damaged = _damage(data / "groups" / f"{g1}.json")

    with open_store(data) as store:
        (problem,) = store.damaged
        assert problem.file == f"groups/{g1}.json"
        assert f"groups/{g1}.json" in str(problem) and "peertui data restore" in str(problem)
        # The rest of the store works; the damaged group is unavailable, not guessed at.
        assert [g.id for g in store.groups()] == [g2]
        store.add_participant(g2, "Fatima")
        with pytest.raises(StoreDamaged):
            store.participants(g1)
        with pytest.raises(StoreDamaged):
            store.export_bundle()
    assert (data / "groups" / f"{g1}.json").read_bytes() == damaged

    opened = open_for_app(data)
    assert any(f"groups/{g1}.json" in n for n in opened.notices)
    opened.store.close()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"[]",
        b'{"meta": {"1": {"kind": "group"}}}',
        b'{"meta": {"1": {"kind": "group", "schema": 2}}, "group": {"1": {"id": 5}}}',
        b"\xff\xfe not utf-8",
        b"{" * 100_000,
    ],
)
def test_any_kind_of_damage_is_detected(two_groups: tuple[Path, str, str], content: bytes) -> None:
    data, g1, _ = two_groups
    (data / "groups" / f"{g1}.json").write_bytes(content)
    with open_store(data) as store:
        assert [p.file for p in store.damaged] == [f"groups/{g1}.json"]
    assert (data / "groups" / f"{g1}.json").read_bytes() == content


def test_restore_uses_the_newest_good_backup(two_groups: tuple[Path, str, str]) -> None:
    data, g1, _ = two_groups
    backups = list_backups(data / "backups" / "groups" / g1)
    assert len(backups) >= 3
    newest, good = backups[0], backups[1]
    _damage(newest.path)  # the newest backup is damaged too: it must be skipped
    damaged = _damage(data / "groups" / f"{g1}.json")

    with open_store(data) as store:
        (offer,) = store.restore_offers()
        assert offer.backup is not None and offer.backup.path == good.path
        assert offer.group_name == "Tirsdag"
        store.restore(offer.rel)
        assert store.damaged == []
        # The newest backup holds the version before the last save (Maja, Ali); it is
        # damaged, so the one before that is restored.
        assert [p.alias for p in store.participants(g1)] == ["Maja"]
        store.add_participant(g1, "Sofie")  # and it is writable again

    (aside,) = (data / "damaged" / "groups").iterdir()
    assert aside.name.startswith(f"{g1}.") and aside.read_bytes() == damaged
    assert aside.stat().st_mode & 0o777 == 0o600


def test_cli_restore_asks_and_restores(
    two_groups: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, g1, _ = two_groups
    damaged = _damage(data / "groups" / f"{g1}.json")

    # Not a terminal and no --yes: nothing happens.
    assert main(["--data-dir", str(data), "data", "restore"]) == 1
    assert (data / "groups" / f"{g1}.json").read_bytes() == damaged

    assert main(["data", "restore", "--yes", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"groups/{g1}.json" in out and "Tirsdag" in out
    assert isinstance(read_json(data / "groups" / f"{g1}.json", "x"), dict)
    assert next(iter((data / "damaged" / "groups").iterdir())).read_bytes() == damaged

    assert main(["--data-dir", str(data), "data", "restore"]) == 0
    assert "intet at gendanne" in capsys.readouterr().out


def test_no_good_backup_leaves_everything(
    two_groups: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, g2 = two_groups
    for backup in list_backups(data / "backups" / "groups" / g2):
        _damage(backup.path)
    damaged = _damage(data / "groups" / f"{g2}.json")
    before = all_bytes(data)
    assert main(["--data-dir", str(data), "data", "restore", "--yes"]) == 2
    err = capsys.readouterr().err
    assert "ingen brugbar sikkerhedskopi" in err and "Traceback" not in err
    assert all_bytes(data) == before
    assert (data / "groups" / f"{g2}.json").read_bytes() == damaged


def test_damaged_or_missing_store_file(two_groups: tuple[Path, str, str]) -> None:
    data, g1, _ = two_groups
    with open_store(data) as store:
        store.add_participant(g1, "Bo")  # store.json has a backup now? It is written once.
    _damage(data / "store.json")
    with open_store(data) as store:
        assert [p.file for p in store.damaged] == ["store.json"]
        assert len(store.groups()) == 2  # the groups are fine

    (data / "store.json").unlink()
    with open_store(data) as store:
        # store.json has no backup (it is written once): a missing one is made anew.
        assert store.damaged == [] and len(store.groups()) == 2


def test_backups_are_whole_files(two_groups: tuple[Path, str, str]) -> None:
    data, g1, _ = two_groups
    for backup in list_backups(data / "backups" / "groups" / g1):
        assert json.loads(backup.path.read_bytes())["meta"]["1"]["kind"] == "group"
        assert backup.path.stat().st_mode & 0o777 == 0o600
