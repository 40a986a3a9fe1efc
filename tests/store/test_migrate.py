"""Schema versions: older files are migrated after a backup; newer files are refused untouched."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store.app import open_for_app
from peertui.store.backup import list_backups
from peertui.store.errors import StoreTooNew
from peertui.store.migrate import SCHEMA
from peertui.store.repo import open_store
from peertui.training import progress
from tests.store.helpers import all_bytes, old_store_json, old_trainee

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
        # The old trainee record is a trainee of a training group now.
        (training,) = store.moved_trainees
        assert [(p.id, p.alias) for p in store.trainees(training.id)] == [
            ("0195a1b2c3d4e5f60001", "Kim")
        ]
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


# --- schema 3 -> 4: the old trainee records become trainees of training groups -------------

ANNA, BO, BO2, CARL = (f"0195a1b2c3d4e5f6000{n}" for n in range(1, 5))
OLD_GROUP = "0195a1b2c3d4e5f6a0b3"


def _schema_3(data: Path) -> dict[str, bytes]:
    """A data folder as a schema-3 peertui left it: three trainees on 1 February 2025 (two of
    them called Bo), one on 31 December 2025, and an ordinary group."""
    data.mkdir(mode=0o700)
    (data / "groups").mkdir(mode=0o700)
    (data / "store.json").write_bytes(
        old_store_json(
            old_trainee(
                ANNA, "Anna", "2025-02-01",
                [
                    ("2025-02-20", "colleagues", 3, "Personalemøde"),
                    ("2025-02-20", "citizens", 1, ""),
                    ("2025-01-15", "citizens", 2, "Før kurset"),
                ],
                certified="2025-03-01",
            ),
            old_trainee(BO, "Bo", "2025-02-01", [("2025-03-03", "citizens", 4, "")]),
            old_trainee(CARL, "Carl", "2025-12-31"),
            old_trainee(BO2, "bo", "2025-02-01"),
        )
    )  # fmt: skip
    group = {
        "meta": {"1": {"kind": "group", "schema": 3}},
        "group": {"1": {
            "id": OLD_GROUP, "name": "Onsdagsgruppen", "course": "vejen-til-hverdagslivet",
            "facilitators": ["Birgitte"], "start": "2025-01-08", "retention": "2025-12-31",
            "demo": False,
        }},
        "participants": {"1": {
            "id": "0195a1b2c3d4e5f6b011", "alias": "Maja", "added": "2025-01-01",
            "consents": {"taking_part": {"given": "2025-01-01", "withdrawn": None}},
        }},
    }  # fmt: skip
    (data / "groups" / f"{OLD_GROUP}.json").write_text(json.dumps(group), encoding="utf-8")
    return all_bytes(data)


def _people(store) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return sorted((g.name, p.id, p.alias) for g in store.groups() for p in store.trainees(g.id))


def test_schema_3_trainees_open_as_trainees_of_training_groups(tmp_path: Path) -> None:
    data = tmp_path / "data"
    original = _schema_3(data)

    with open_store(data) as store:
        assert sorted(store.migrated) == [(f"groups/{OLD_GROUP}.json", 3), ("store.json", 3)]
        feb, dec = store.moved_trainees
        assert [g.id for g in store.groups()] == [OLD_GROUP, feb.id, dec.id]
        assert (feb.name, dec.name) == ("Kursusdag 01.02.2025", "Kursusdag 31.12.2025")
        for group, day in ((feb, date(2025, 2, 1)), (dec, date(2025, 12, 31))):
            assert group.course == "bliv-inddragelsesfacilitator" and not group.demo
            assert (group.start, group.retention) == (day, day + timedelta(days=365))
            assert group.facilitators == ()
        # The same people, by the same ids; two called Bo on one day are told apart.
        assert _people(store) == [
            ("Kursusdag 01.02.2025", ANNA, "Anna"),
            ("Kursusdag 01.02.2025", BO, "Bo"),
            ("Kursusdag 01.02.2025", BO2, "bo (2)"),
            ("Kursusdag 31.12.2025", CARL, "Carl"),
        ]
        anna = store.participant(feb.id, ANNA)
        assert anna.added == date(2025, 2, 1)
        assert anna.has_consent("taking_part") and not anna.has_consent("store_statement")
        training = anna.training
        assert training is not None
        assert (training.organisation, training.role) == ("", "peer")
        assert training.certified == date(2025, 3, 1)
        # The same teachings, by date, each with an id now, citizen contact not known.
        assert [(x.held, x.audience, x.count, x.note) for x in training.teachings] == [
            (date(2025, 1, 15), "citizens", 2, "Før kurset"),
            (date(2025, 2, 20), "colleagues", 3, "Personalemøde"),
            (date(2025, 2, 20), "citizens", 1, ""),
        ]
        assert all(x.citizen_contact is None for x in training.teachings)
        assert len({x.id for x in training.teachings}) == 3 and all(
            x.id for x in training.teachings
        )
        # Under today's rule: the colleagues' contact is to be filled in; before the course
        # day does not count.
        result = progress(training, feb.start)
        assert result.counted == 1
        assert sorted(e.reason for e in result.entries) == [
            "before_course",
            "contact_unknown",
            "ok",
        ]
        (bo,) = [p for p in store.trainees(feb.id) if p.id == BO]
        assert progress(bo.training, feb.start).met  # type: ignore[arg-type]
        # They are trainees like any other: the log can be filled in.
        colleagues = next(x for x in training.teachings if x.audience == "colleagues")
        store.update_teaching(
            feb.id,
            ANNA,
            colleagues.id,
            held=colleagues.held,
            audience="colleagues",
            count=3,
            citizen_contact=True,
            note=colleagues.note,
        )
        assert progress(store.participant(feb.id, ANNA).training, feb.start).met  # type: ignore[arg-type]
        # The ordinary group is migrated as any other.
        assert [p.alias for p in store.participants(OLD_GROUP)] == ["Maja"]

    raw = json.loads((data / "store.json").read_bytes())
    assert raw == {"meta": {"1": {"kind": "store", "schema": SCHEMA}}}
    # The exact old store.json is kept as a pinned backup.
    pinned = [b for b in list_backups(data / "backups" / "store") if b.pinned]
    assert len(pinned) == 1 and pinned[0].name.endswith("-schema3.json")
    assert pinned[0].path.read_bytes() == original["store.json"]
    for path in data.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path

    # Opening again moves nothing and makes no more groups.
    with open_store(data) as store:
        assert store.migrated == [] and store.moved_trainees == []
        assert len(store.groups()) == 3


def test_the_app_says_where_the_trainees_went(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _schema_3(data)
    opened = open_for_app(data)
    try:
        (notice,) = [n for n in opened.notices if "Kursister" in n]
        assert "Kursusdag 01.02.2025, Kursusdag 31.12.2025" in notice
    finally:
        opened.store.close()


def test_read_only_shows_the_trainees_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    before = _schema_3(data)
    with open_store(data, read_only=True) as store:
        assert len(store.moved_trainees) == 2
        assert [alias for _g, _id, alias in _people(store)] == ["Anna", "Bo", "bo (2)", "Carl"]
    assert all_bytes(data) == before


def test_a_move_cut_short_is_finished_without_doubles(tmp_path: Path) -> None:
    """peertui stopped after writing the new group files, before store.json lost the old
    records: the next start moves only what is not moved yet."""
    done, data = tmp_path / "done", tmp_path / "data"
    _schema_3(done)
    with open_store(done) as store:
        feb, _dec = store.moved_trainees
    _schema_3(data)
    shutil.copy2(done / "groups" / f"{feb.id}.json", data / "groups" / f"{feb.id}.json")
    with open_store(data) as store:
        (dec,) = store.moved_trainees
        assert dec.name == "Kursusdag 31.12.2025"
        assert [alias for _g, _id, alias in _people(store)] == ["Anna", "Bo", "bo (2)", "Carl"]


def test_a_schema_4_store_that_still_holds_trainees_is_moved_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    record = old_trainee(ANNA, "Anna", "2025-02-01", [("2025-02-20", "colleagues", 3, "")])
    record["teachings"][0].update(id="0195a1b2c3d4e5f6e001", citizen_contact=True)
    (data / "store.json").write_bytes(old_store_json(record, schema=4))
    with open_store(data) as store:
        (group,) = store.moved_trainees
        (anna,) = store.trainees(group.id)
        (teaching,) = anna.training.teachings  # type: ignore[union-attr]
        assert (teaching.id, teaching.citizen_contact) == ("0195a1b2c3d4e5f6e001", True)
    assert "trainees" not in json.loads((data / "store.json").read_bytes())
    assert len(list_backups(data / "backups" / "store")) == 1  # the old version is kept


def test_the_move_waits_while_a_group_file_is_damaged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _schema_3(data)
    (data / "groups" / f"{OLD_GROUP}.json").write_bytes(b"{")
    with open_store(data) as store:
        assert store.moved_trainees == [] and store.groups() == []
    assert "trainees" in json.loads((data / "store.json").read_bytes())
    (data / "groups" / f"{OLD_GROUP}.json").unlink()
    with open_store(data) as store:
        assert len(store.moved_trainees) == 2


def test_long_names_told_apart_stay_within_the_alias_limit() -> None:
    from peertui.store.legacy import OldTrainee, training_groups
    from peertui.store.model import NAME_MAX

    name = "K" * NAME_MAX
    records = [OldTrainee(f"0195a1b2c3d4e5f6001{n}", name, date(2025, 2, 1)) for n in range(3)]
    (made,) = training_groups(records, taken={"0195a1b2c3d4e5f60010"})
    aliases = [p.alias for p in made.participants]
    assert aliases == [name, "K" * (NAME_MAX - 4) + " (2)"]
    assert all(len(a) <= NAME_MAX for a in aliases)
    made.check_references("")  # unique ids and aliases, as a group file needs
