"""Schema versions: older files are migrated after a backup; newer files are refused untouched."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store.backup import list_backups
from peertui.store.errors import StoreTooNew
from peertui.store.migrate import SCHEMA
from peertui.store.repo import open_store
from tests.store.helpers import all_bytes

FIXTURES = Path(__file__).parent / "fixtures"
GROUP = "0195a1b2c3d4e5f6a0b1"


def _copy(name: str, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / name, data)
    return data


def test_schema_1_is_migrated_after_a_backup(tmp_path: Path) -> None:
    data = _copy("schema1", tmp_path)
    original = {rel: content for rel, content in all_bytes(data).items()}

    with open_store(data) as store:
        assert sorted(store.migrated) == [(f"groups/{GROUP}.json", 1), ("store.json", 1)]
        maja_statement = store.statement(GROUP, "0195a1b2c3d4e5f6c001")
        (version,) = maja_statement.versions
        assert version.answers == (
            "Jeg hedder Maja.",
            "se min søster.",
            "at finde et arbejde.",
            "mærke, at jeg bidrager.",
        )
        assert version.saved == datetime(2025, 1, 13, 10, 15, tzinfo=UTC)
        assert maja_statement.occasion == "Møde med kommunen"
        assert [p.alias for p in store.participants(GROUP)] == ["Maja", "Ali"]
        assert store.meeting_log(GROUP, 1).carry_over == "Husk navneskilte."  # type: ignore[union-attr]
        assert [x.name for x in store.trainee_records()] == ["Kim"]
        # The migrated store works as any other.
        store.new_statement_version(GROUP, maja_statement.id, ["Jeg hedder Maja.", "", "", ""])

    # The files now record the current schema ...
    for rel in (f"groups/{GROUP}.json", "store.json"):
        raw = json.loads((data / rel).read_bytes())
        assert raw["meta"]["1"]["schema"] == SCHEMA
    # ... and the exact old files are kept as pinned backups, which rotation never removes.
    for rel, folder in ((f"groups/{GROUP}.json", f"groups/{GROUP}"), ("store.json", "store")):
        pinned = [b for b in list_backups(data / "backups" / folder) if b.pinned]
        assert len(pinned) == 1 and pinned[0].name.endswith("-schema1.json")
        assert pinned[0].path.read_bytes() == original[rel]
        assert pinned[0].path.stat().st_mode & 0o777 == 0o600

    # Opening again migrates nothing.
    with open_store(data) as store:
        assert store.migrated == []


def test_read_only_open_migrates_in_memory_only(tmp_path: Path) -> None:
    data = _copy("schema1", tmp_path)
    before = all_bytes(data)
    with open_store(data, read_only=True) as store:
        assert store.statement(GROUP, "0195a1b2c3d4e5f6c002").answers[0] == "Jeg er Ali."
    assert all_bytes(data) == before


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    data = _copy("schema99", tmp_path)
    before = all_bytes(data)
    with pytest.raises(StoreTooNew) as caught:
        open_store(data)
    error = caught.value
    assert (error.file, error.found, error.supported) == (
        "groups/0195a1b2c3d4e5f6a0b9.json",
        99,
        SCHEMA,
    )
    assert "nyere" in str(error) and "groups/0195a1b2c3d4e5f6a0b9.json" in str(error)
    with pytest.raises(StoreTooNew):
        open_store(data, read_only=True)
    # The lock was given back: a second try says the same, not "locked".
    with pytest.raises(StoreTooNew):
        open_store(data)
    after = all_bytes(data)
    after.pop("peertui.lock", None)
    assert after == before


def test_cli_says_too_new_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy("schema99", tmp_path)
    assert main(["--data-dir", str(data), "data", "export", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert "nyere" in err and err.count("\n") == 1
    assert not (tmp_path / "out.json").exists()


def test_schema_2_worksheets_get_a_history_and_goals_a_why(tmp_path: Path) -> None:
    from peertui.store.model import Goal, NetworkPerson

    group, maja = "0195a1b2c3d4e5f6a0b2", "0195a1b2c3d4e5f6b011"
    data = _copy("schema2", tmp_path)
    original = all_bytes(data)[f"groups/{group}.json"]

    with open_store(data) as store:
        assert sorted(store.migrated) == [(f"groups/{group}.json", 2), ("store.json", 2)]
        (goals,) = store.worksheet_history(group, maja, "goals")
        assert goals.saved == datetime(2025, 1, 15, 10, 20, tzinfo=UTC)
        assert goals.content.goals == (  # type: ignore[union-attr]
            Goal("Gå en tur hver dag", "Finde skoene frem", "Min søster", "Om en uge", why=""),
            Goal("Tegne igen"),
        )
        (plan,) = store.worksheet_history(group, maja, "safety_plan")
        assert plan.content.professionals == ("Livslinien 70 201 201",)  # type: ignore[union-attr]
        assert plan.content.most_important == "Min kat"  # type: ignore[union-attr]
        sheet = store.worksheet(group, maja, "network_map")
        assert sheet is not None and sheet.updated == datetime(2025, 1, 15, 10, 40, tzinfo=UTC)
        assert sheet.content.people == (  # type: ignore[union-attr]
            NetworkPerson("Søster", 1, "family", "Hver søndag"),
        )
        # The statement (schema 2 already) is as it was.
        assert store.statements(group, maja)[0].answers[0] == "Jeg hedder Maja."
        # The migrated worksheet goes on from its first version.
        store.save_worksheet(group, maja, sheet.content, new_version=True)
        assert len(store.worksheet_history(group, maja, "network_map")) == 2

    raw = json.loads((data / f"groups/{group}.json").read_bytes())
    assert raw["meta"]["1"]["schema"] == SCHEMA
    assert all("versions" in doc and "content" not in doc for doc in raw["worksheets"].values())
    pinned = [b for b in list_backups(data / "backups" / "groups" / group) if b.pinned]
    assert len(pinned) == 1 and pinned[0].name.endswith("-schema2.json")
    assert pinned[0].path.read_bytes() == original


def test_a_newer_file_stops_the_migration_of_older_ones(tmp_path: Path) -> None:
    """An old store.json beside a group file from a newer peertui: nothing is written."""
    data = _copy("schema99", tmp_path)
    (data / "store.json").write_text(
        '{"meta": {"1": {"kind": "store", "schema": 1}}, "trainees": {}}', encoding="utf-8"
    )
    before = all_bytes(data)
    with pytest.raises(StoreTooNew):
        open_store(data)
    after = all_bytes(data)
    after.pop("peertui.lock", None)
    assert after == before
