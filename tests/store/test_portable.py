"""Export and import: a byte-identical round trip, and all or nothing on bad input."""

from __future__ import annotations

import copy
import errno
import json
import os
from datetime import date
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store import demo
from peertui.store import files as storage
from peertui.store.errors import ImportInvalid, StoreError
from peertui.store.portable import FORMAT_VERSION, export_bytes, parse_export
from peertui.store.schema import MeetingLog, NetworkMap, NetworkPerson
from peertui.store.store import Store, open_store
from tests.store.helpers import all_bytes

TODAY = date(2025, 3, 25)


def _fill(store: Store) -> None:
    """Demo data plus one of everything the demo lacks."""
    demo.fill(store, TODAY)
    group, _training = store.groups()
    store.give_consent(group.id, store.find_participant(group.id, "Henrik").id, "store_statement")
    other = store.create_group(
        "Torsdagsgruppen", "vejen-til-hverdagslivet", ["Anne"], date(2025, 4, 1), date(2026, 1, 1)
    )
    bo = store.add_participant(other.id, "Bo", consents=["taking_part", "store_statement"])
    store.save_worksheet(other.id, bo.id, NetworkMap(people=(NetworkPerson("Æsel", 3, "online"),)))
    store.save_meeting_log(other.id, MeetingLog(meeting=0, notes='Citat: "hej" \\ æøå 🙂'))
    kim = store.add_trainee(other.id, "Kim", "Regionen", "staff")  # any group takes trainees
    store.record_teaching(
        other.id, kim.id, held=date(2025, 4, 2), audience="colleagues", count=4,
        citizen_contact=None, note="Godt",
    )  # fmt: skip
    store.set_certified(other.id, kim.id, date(2025, 5, 1))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    data = tmp_path / "source"
    with open_store(data) as store:
        _fill(store)
    return data


def test_export_import_export_is_byte_identical(source: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["--data-dir", str(source), "data", "export", str(first), "--unencrypted"]) == 0
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "data", "import", str(first)]) == 0
    assert main(["data", "export", str(second), "--unencrypted", "--data-dir", str(target)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_mode & 0o777 == 0o600

    doc = json.loads(first.read_bytes())
    assert doc["format"] == "peertui-export" and doc["format_version"] == FORMAT_VERSION == 5
    assert len(doc["groups"]) == 3 and "trainees" not in doc
    demo_group = next(g for g in doc["groups"] if g["demo"])
    training = next(g for g in doc["groups"] if g["course"] == "bliv-inddragelsesfacilitator")
    assert all("training" in p for p in training["participants"])
    assert len(demo_group["participants"]) == 8
    assert "æøå 🙂" in first.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_import_into_the_same_store_changes_nothing(source: Path, tmp_path: Path) -> None:
    with open_store(source) as store:
        raw = export_bytes(store.export_bundle())
        report = store.import_bundle(parse_export(raw))
        assert (report.added, report.replaced) == (0, 3)
        assert export_bytes(store.export_bundle()) == raw


def test_replace_makes_the_store_exactly_the_file(source: Path, tmp_path: Path) -> None:
    with open_store(source, read_only=True) as store:
        raw = export_bytes(store.export_bundle())
    target = tmp_path / "target"
    with open_store(target) as store:
        stray = store.create_group("Væk", "c", [], date(2025, 1, 1), date(2025, 2, 1))
        report = store.import_bundle(parse_export(raw), replace_all=True)
        assert (report.added, report.removed) == (3, 1)
        assert stray.id not in {g.id for g in store.groups()}
        assert export_bytes(store.export_bundle()) == raw
    with open_store(target, read_only=True) as store:
        assert export_bytes(store.export_bundle()) == raw


def _demo(doc: dict) -> dict:
    return next(g for g in doc["groups"] if g["demo"])


def _mutations() -> list[tuple[str, object]]:
    return [
        ("format", lambda d: d.update(format="something-else")),
        ("newer format", lambda d: d.update(format_version=FORMAT_VERSION + 1)),
        ("unknown key", lambda d: d.update(extra=1)),
        ("text as key", lambda d: _demo(d)["participants"][0]["consents"].update({"Maja": {}})),
        ("groups not a list", lambda d: d.update(groups={})),
        ("missing alias", lambda d: _demo(d)["participants"][0].pop("alias")),
        ("alias a number", lambda d: _demo(d)["participants"][0].update(alias=7)),
        ("bad date", lambda d: _demo(d).update(start="1/3/2025")),
        ("bad id", lambda d: _demo(d).update(id="../../etc/passwd")),
        ("three answers", lambda d: _demo(d)["statements"][0]["versions"][0]["answers"].pop()),
        ("dangling", lambda d: _demo(d)["attendance"][0].update(participant="ab" * 8)),
        ("duplicate group", lambda d: d["groups"].append(copy.deepcopy(_demo(d)))),
        ("old trainees in format 4", lambda d: d.update(trainees=[])),
        ("a format from a test version", lambda d: d.update(format_version=3)),
        ("cpr", lambda d: _demo(d)["meeting_logs"][0].update(notes="cpr 010203-1234")),
        ("bad status", lambda d: _demo(d)["attendance"][0].update(status="here")),
        (
            "goals not a list",
            lambda d: _demo(d)["worksheets"][0]["versions"][0]["content"].update(goals=5),
        ),
        ("no versions", lambda d: _demo(d)["worksheets"][0].update(versions=[])),
    ]


@pytest.mark.parametrize(("name", "mutate"), _mutations(), ids=[m[0] for m in _mutations()])
def test_invalid_import_leaves_the_store_untouched(
    source: Path, tmp_path: Path, name: str, mutate: object, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(source, read_only=True) as store:
        doc = json.loads(export_bytes(store.export_bundle()))
    assert callable(mutate)
    mutate(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "target"
    with open_store(target) as store:
        store.create_group("Min gruppe", "c", [], date(2025, 1, 1), date(2025, 2, 1))
    before = all_bytes(target)

    assert main(["--data-dir", str(target), "data", "import", str(bad), "--replace", "--yes"]) == 2
    err = capsys.readouterr().err
    assert "Intet er ændret" in err and err.count("\n") == 1 and "Traceback" not in err
    assert "010203" not in err and "Maja" not in err
    after = all_bytes(target)
    assert after == before


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[1, 2]", b"\xff\xfe", b'{"format": "peertui-export"', b"null", b"[" * 50_000],
)
def test_not_json_is_refused(content: bytes) -> None:
    with pytest.raises(ImportInvalid) as caught:
        parse_export(content)
    assert "Intet er ændret" in str(caught.value)


def test_merge_conflict_imports_nothing(source: Path, tmp_path: Path) -> None:
    with open_store(source, read_only=True) as store:
        doc = json.loads(export_bytes(store.export_bundle()))
    target = tmp_path / "target"
    with open_store(target) as store:
        store.import_bundle(parse_export(json.dumps(doc).encode()))
    doc["groups"][0]["name"] = "Et andet navn"
    doc["groups"].append(
        {
            "id": "0123456789abcdef",
            "name": "Ny",
            "course": "c",
            "facilitators": [],
            "start": "2025-01-01",
            "retention": "2025-02-01",
            "demo": False,
        }
    )
    before = all_bytes(target)
    with open_store(target) as store, pytest.raises(ImportInvalid) as caught:
        store.import_bundle(parse_export(json.dumps(doc).encode()))
    assert "--replace" in str(caught.value)
    after = all_bytes(target)
    assert after == before


def test_full_disk_during_import_changes_nothing(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(source, read_only=True) as store:
        bundle = parse_export(export_bytes(store.export_bundle()))
    target = tmp_path / "target"
    with open_store(target) as store:
        store.create_group("Min gruppe", "c", [], date(2025, 1, 1), date(2025, 2, 1))
    before = all_bytes(target)
    written = []

    def fill_up(fd: int, payload: bytes) -> None:
        if written:  # the first file fits, the second does not
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(len(payload))
        os.write(fd, payload)

    with open_store(target) as store:
        monkeypatch.setattr(storage, "_write_all", fill_up)
        with pytest.raises(StoreError) as caught:
            store.import_bundle(bundle, replace_all=True)
        assert "Intet er importeret: disken er fuld" in str(caught.value)
        monkeypatch.undo()
        assert [g.name for g in store.groups()] == ["Min gruppe"]
    after = all_bytes(target)
    after.pop("peertui.lock")
    before.pop("peertui.lock")
    assert after == before


def test_export_refuses_to_overwrite(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("mine", encoding="utf-8")
    plain = ["--data-dir", str(source), "data", "export", str(out), "--unencrypted"]
    assert main(plain) == 2
    assert out.read_text(encoding="utf-8") == "mine"
    assert main([*plain, "--force"]) == 0
    assert json.loads(out.read_bytes())["format"] == "peertui-export"


def test_import_of_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "data", "import", str(tmp_path / "no")]) == 2
    assert "findes ikke" in capsys.readouterr().err
