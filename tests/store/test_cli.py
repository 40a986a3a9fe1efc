"""The store's commands from the outside: data folder resolution, demo, and a fresh start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store.paths import ENV_VAR, resolve_data_dir
from peertui.store.store import open_store

PEERTUI = str(Path(sys.executable).with_name("peertui"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PEERTUI, *args], capture_output=True, text=True, check=False, env=env or os.environ.copy()
    )


def test_data_dir_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert resolve_data_dir(None) == tmp_path / "xdg" / "peertui"


def test_data_dir_flag_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "A", tmp_path / "B"

    def folder_shown(*argv: str) -> str:
        assert main(list(argv)) == 0
        return capsys.readouterr().out.splitlines()[0]

    assert str(a) in folder_shown("--data-dir", str(a), "data", "info")
    assert str(b) in folder_shown("data", "info", "--data-dir", str(b))
    both = folder_shown("--data-dir", str(a), "data", "info", "--data-dir", str(b))
    assert str(b) in both and str(a) not in both  # the later, closer one wins


def test_demo_fills_a_folder_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    with open_store(folder, read_only=True) as store:
        group, training = store.groups()
        assert group.demo and group.course == "vejen-til-hverdagslivet"
        assert training.demo and training.course == "bliv-inddragelsesfacilitator"
        trainees = store.trainees(training.id)
        assert len(trainees) == 5 and all(p.has_consent("store_statement") for p in trainees)
        participants = store.participants(group.id)
        assert len(participants) == 8
        assert {"Maja", "Ali", "Sofie"} <= {p.alias for p in participants}
        assert len(store.statements(group.id)) >= 4
        assert any(len(s.versions) > 1 for s in store.statements(group.id))
        kinds = {w.kind for w in store.worksheets(group.id)}
        assert kinds == {"goals", "safety_plan", "network_map"}
        assert 2 <= len(store.meeting_logs(group.id)) <= 3
        assert {a.meeting for a in store.attendance(group.id)} >= {1, 2, 3}
        # Every statement belongs to someone who consented to storing it.
        consenting = {p.id for p in participants if p.has_consent("store_statement")}
        assert {s.participant for s in store.statements(group.id)} <= consenting

    # Again on the same folder: refused; with --force: made afresh (only demo data there).
    assert main(["demo", "--data-dir", str(folder)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["demo", "--data-dir", str(folder), "--force"]) == 0

    # Once real data is there, --force is refused too, and nothing changes.
    with open_store(folder) as store:
        store.create_group("Rigtig gruppe", "c", [], date(2025, 1, 1), date(2025, 12, 31))
    assert main(["demo", "--data-dir", str(folder), "--force"]) == 2
    assert "overskriver aldrig" in capsys.readouterr().err
    with open_store(folder, read_only=True) as store:
        assert len(store.groups()) == 3


def test_a_folder_with_other_files_is_not_used(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "letter.txt").write_text("private", encoding="utf-8")
    result = run("demo", "--data-dir", str(home))
    assert result.returncode == 2 and "andre filer" in result.stderr
    assert sorted(p.name for p in home.iterdir()) == ["letter.txt"]
    assert home.stat().st_mode & 0o777 != 0o700 or os.geteuid() == 0

    finder = tmp_path / "new-folder"
    finder.mkdir()
    (finder / ".DS_Store").write_bytes(b"\0")
    assert run("demo", "--data-dir", str(finder)).returncode == 0


def test_fresh_start_from_the_command_line(tmp_path: Path) -> None:
    """What a fresh clone does: demo, info, export, import elsewhere, restore, purge."""
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env["HOME"] = str(tmp_path / "home")
    demo = tmp_path / "parent" / "demo"

    result = run("demo", "--data-dir", str(demo), env=env)
    assert result.returncode == 0, result.stderr
    assert demo.stat().st_mode & 0o777 == 0o700
    assert (demo.parent).stat().st_mode & 0o777 == 0o700  # created by us, so private too
    for path in demo.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path

    info = run("--data-dir", str(demo), "data", "info", env=env)
    assert info.returncode == 0 and "Tirsdagsgruppen (demo)" in info.stdout
    assert "Grupper: 2. Kursister: 5." in info.stdout  # the demo training group's trainees

    out = tmp_path / "export.json"
    plain = ("data", "export", str(out), "--unencrypted")
    assert run("--data-dir", str(demo), *plain, env=env).returncode == 0
    env[ENV_VAR] = str(tmp_path / "via-env")
    assert run("data", "import", str(out), env=env).returncode == 0
    again = tmp_path / "again.json"
    assert run("data", "export", str(again), "--unencrypted", env=env).returncode == 0
    assert out.read_bytes() == again.read_bytes()

    restore = run("data", "restore", env=env)
    assert restore.returncode == 0 and "intet at gendanne" in restore.stdout
    listing = run("data", "restore", "--list", env=env)
    assert listing.returncode == 0 and "store.json" in listing.stdout
    purge = run("purge", "--yes", env=env)
    assert purge.returncode == 0
    for result in (info, restore, listing, purge):
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "xdg").exists()  # the flag and the variable were honoured


def test_default_folder_is_the_platform_one(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    result = run("data", "info", env=env)
    assert result.returncode == 0
    assert str(tmp_path / "xdg" / "peertui") in result.stdout or sys.platform == "darwin"


def test_cli_module_does_not_import_the_store() -> None:
    code = (
        "import sys; from peertui.cli import main\n"
        "try: main(['demo', '--help'])\nexcept SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'tinydb'"
        " or m in ('peertui.store.store', 'peertui.store.files')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"  # after demo's help


def test_unexpected_errors_are_one_calm_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peertui.store import store as repo

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret participant words")

    monkeypatch.setattr(repo.Store, "groups", broken)
    assert main(["--data-dir", str(tmp_path / "d"), "data", "info"]) == 2
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "secret" not in err and err.count("\n") == 1


def test_export_is_valid_json_with_documented_keys(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    out = tmp_path / "x.json"
    assert main(["--data-dir", str(folder), "data", "export", str(out), "--unencrypted"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    group, training = doc["groups"]
    assert list(group) == list(training)
    assert list(training["participants"][0]) == ["id", "alias", "added", "consents", "training"]
    assert list(group) == [
        "id", "name", "course", "facilitators", "start", "retention", "demo",
        "participants", "attendance", "statements", "worksheets", "meeting_logs",
    ]  # fmt: skip
    docs = Path(__file__).resolve().parents[2] / "docs" / "data.md"
    text = docs.read_text(encoding="utf-8")
    for key in group:
        assert f'"{key}"' in text, key
