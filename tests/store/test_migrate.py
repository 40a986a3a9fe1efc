"""Schema versions: a newer file is refused and left untouched; a file from a test version of
peertui before its first release (schemas 1-3) is named and left untouched; a future
migration step runs after a pinned backup of the old file."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store import migrate
from peertui.store.backup import list_backups
from peertui.store.errors import StoreTooNew, StoreTooOld
from peertui.store.store import open_store
from tests.store.helpers import all_bytes

FIXTURES = Path(__file__).parent / "fixtures"
GROUP = "0195a1b2c3d4e5f6a0b1"


def _copy(name: str, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / name, data)
    return data


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    data = _copy("schema99", tmp_path)
    before = all_bytes(data)
    with pytest.raises(StoreTooNew) as caught:
        open_store(data)
    error = caught.value
    assert (error.file, error.found, error.supported) == (
        "groups/0195a1b2c3d4e5f6a0b9.json",
        99,
        migrate.SCHEMA,
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
    out = str(tmp_path / "out.json")
    assert main(["--data-dir", str(data), "data", "export", out, "--unencrypted"]) == 2
    err = capsys.readouterr().err
    assert "nyere" in err and err.count("\n") == 1
    assert not (tmp_path / "out.json").exists()


def test_files_from_test_versions_are_named_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _copy("schema1", tmp_path)
    before = all_bytes(data)
    with open_store(data) as store:
        problems = {p.file: p for p in store.damaged}
        assert set(problems) == {"store.json", f"groups/{GROUP}.json"}
        assert all(isinstance(p, StoreTooOld) for p in problems.values())
        assert "prøveudgave" in str(problems[f"groups/{GROUP}.json"])
        assert store.groups() == []
    after = all_bytes(data)
    after.pop("peertui.lock", None)
    assert after == before
    assert main(["--data-dir", str(data), "data", "info"]) == 0
    out = capsys.readouterr().out
    assert out.count("prøveudgave") == 2 and "Traceback" not in out


def test_a_migration_step_runs_after_a_pinned_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group("Mandag", "c", ["Bo"], date(2025, 1, 6), date(2025, 6, 1))
    rel = f"groups/{group.id}.json"
    original = (data / rel).read_bytes()

    def step(tables: dict, kind: str) -> dict:  # type: ignore[type-arg]
        if kind == "group":
            tables["group"]["1"]["name"] += " (5)"
        return tables

    monkeypatch.setattr(migrate, "SCHEMA", migrate.SCHEMA + 1)
    monkeypatch.setattr(migrate, "STEPS", {migrate.SCHEMA - 1: step})
    with open_store(data, read_only=True) as store:  # read-only: in memory only
        assert store.group(group.id).name == "Mandag (5)"
    assert (data / rel).read_bytes() == original
    with open_store(data) as store:
        assert sorted(store.migrated) == [(rel, 4), ("store.json", 4)]
        assert store.group(group.id).name == "Mandag (5)"
    assert json.loads((data / rel).read_bytes())["meta"]["1"]["schema"] == 5
    pinned = [b for b in list_backups(data / "backups" / "groups" / group.id) if b.pinned]
    assert len(pinned) == 1 and pinned[0].name.endswith("-schema4.json")
    assert pinned[0].path.read_bytes() == original
    with open_store(data) as store:
        assert store.migrated == []
