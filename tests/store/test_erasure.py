"""Erasure: a participant forgotten everywhere, backups included; groups purged on time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.store.app import open_for_app
from peertui.store.backup import list_backups
from peertui.store.schema import Goal, MeetingLog, PersonalGoals, SafetyPlan
from peertui.store.store import open_store
from tests.store.helpers import Clock, all_bytes

# Words that only Maja's data holds; none may survive her erasure anywhere in the folder.
MAJA_WORDS = ("Majakattens", "havnefronten", "Søster-Solvej")


@pytest.fixture
def folder(tmp_path: Path, clock: Clock) -> tuple[Path, str]:
    data = tmp_path / "data"
    with open_store(data, clock=clock) as store:
        group = store.create_group("Tirsdag", "c", ["Anne"], date(2025, 1, 1), date(2025, 12, 31))
        gid = group.id
        maja = store.add_participant(gid, "Maja", consents=["taking_part", "store_statement"])
        ali = store.add_participant(gid, "Ali", consents=["taking_part", "store_statement"])
        s = store.create_statement(gid, maja.id, ["Jeg har Majakattens navn", "", "", ""])
        store.new_statement_version(gid, s.id, ["Jeg bor ved havnefronten", "", "", ""])
        store.save_worksheet(gid, maja.id, SafetyPlan(people_to_ask=("Søster-Solvej",)))
        store.save_worksheet(gid, maja.id, PersonalGoals(goals=(Goal("Majakattens mad"),)))
        store.create_statement(gid, ali.id, ["Jeg er Ali", "lave mad", "", ""])
        for meeting in (1, 2):
            store.set_attendance(gid, meeting, maja.id, "present")
            store.set_attendance(gid, meeting, ali.id, "present")
        store.save_meeting_log(
            gid, MeetingLog(meeting=1, notes="Maja og Ali delte. Majas tur var god.")
        )
        store.update_statement(gid, s.id, ["Jeg bor ved havnefronten stadig", "", "", ""])
        # A damaged copy of the group file, kept aside by an earlier restore.
        aside = data / "damaged" / "groups"
        aside.mkdir(parents=True)
        (aside / f"{gid}.20250101T000000.json").write_text('{"Maja": "Majakattens', "utf-8")
    return data, gid


def _files_with(data: Path, words: tuple[str, ...]) -> list[str]:
    return [
        rel for rel, content in all_bytes(data).items() if any(w.encode() in content for w in words)
    ]


def test_forget_removes_the_participant_everywhere(folder: tuple[Path, str]) -> None:
    data, gid = folder
    assert len(_files_with(data, MAJA_WORDS)) > 5  # her words are in many backups

    with open_store(data) as store:
        maja = store.find_participant(gid, "maja")
        ali = store.find_participant(gid, "Ali")
        erasure = store.forget_participant(gid, maja.id)
        assert erasure.rewritten > 5 and erasure.deleted == 1
        assert [p.alias for p in store.participants(gid)] == ["Ali"]
        assert {a.participant for a in store.attendance(gid)} == {ali.id}
        assert [s.participant for s in store.statements(gid)] == [ali.id]
        assert store.worksheets(gid) == []
        notes = store.meeting_log(gid, 1).notes  # type: ignore[union-attr]
        assert notes == "[slettet] og Ali delte. [slettet]s tur var god."

    assert _files_with(data, MAJA_WORDS) == []
    assert _files_with(data, ("Maja", maja.id)) == []
    assert _files_with(data, ("Jeg er Ali",)) != []  # Ali is still there, backups too
    for backup in list_backups(data / "backups" / "groups" / gid):
        assert backup.path.stat().st_mode & 0o777 == 0o600


def test_forget_from_the_command_line(
    folder: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _gid = folder
    argv = ["--data-dir", str(data), "forget", "--group", "Tirsdag", "--participant", "Maja"]
    assert main(argv) == 1  # not a terminal: needs --yes
    assert _files_with(data, MAJA_WORDS) != []
    assert main([*argv, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Maja" not in out
    assert _files_with(data, (*MAJA_WORDS, "Maja")) == []

    assert main([*argv, "--yes"]) == 2
    assert "findes ikke" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "forget", "--group", "Nope", "--participant", "x"]) == 2
    assert main(["--data-dir", str(data), "forget", "--participant", "Ali"]) == 2


def test_withdrawing_consent_to_store_erases_the_words(folder: tuple[Path, str]) -> None:
    data, gid = folder
    with open_store(data) as store:
        maja = store.find_participant(gid, "Maja")
        participant, erasure = store.withdraw_consent(gid, maja.id, "store_statement")
        assert erasure.rewritten > 5
        assert not participant.has_consent("store_statement")
        assert store.statements(gid, maja.id) == [] and store.worksheets(gid, maja.id) == []
        assert [p.alias for p in store.participants(gid)] == ["Maja", "Ali"]  # still takes part
    # Her statement and worksheets are gone from every file except the damaged copy, which
    # only forget deletes (it cannot be edited safely).
    assert _files_with(data, ("havnefronten", "Søster-Solvej")) == []


def test_forget_trainee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A trainee is a participant of a training group: forgotten as one, log and all."""
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Kursusdag", "bliv-inddragelsesfacilitator", ["Hanne"], date(2025, 3, 1),
            date(2026, 3, 1),
        )  # fmt: skip
        kim = store.add_trainee(group.id, "Kimberly", "Kimberlys arbejdssted", "peer")
        store.add_trainee(group.id, "Jo", "Region", "staff")
        store.record_teaching(
            group.id, kim.id, held=date(2025, 3, 10), audience="citizens", count=4,
            citizen_contact=None, note="Kimberlys note",
        )  # fmt: skip
        store.set_certified(group.id, kim.id, date(2025, 5, 1))
    assert len(_files_with(data, ("Kimberly",))) > 2  # the file and its backups
    argv = ["--data-dir", str(data), "forget", "--group", "Kursusdag", "--participant", "kimberly"]
    assert main([*argv, "--yes"]) == 0
    assert _files_with(data, ("Kimberly", kim.id)) == []
    with open_store(data) as store:
        assert [p.alias for p in store.trainees(group.id)] == ["Jo"]
    # The old way to name a trainee is gone; click says so, and nothing changes.
    before = all_bytes(data)
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data), "forget", "--trainee", "Jo", "--yes"])
    assert "--trainee" in capsys.readouterr().err
    assert all_bytes(data) == before


def test_purge_deletes_groups_past_retention(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        old = store.create_group("Gammel", "c", [], date(2024, 1, 1), date(2024, 12, 31))
        current = store.create_group("Aktuel", "c", [], date(2025, 1, 1), date(2025, 12, 31))
        for gid in (old.id, current.id):
            store.add_participant(gid, "Sofie")
            store.add_participant(gid, "Jonas")
        assert [g.id for g in store.groups_past_retention(date(2024, 12, 31))] == []
        assert [g.id for g in store.groups_past_retention(date(2025, 1, 1))] == [old.id]

    opened = open_for_app(data, today=date(2025, 1, 2))
    assert any("Gammel" in n and "peertui purge" in n for n in opened.notices)
    opened.store.close()

    argv = ["--data-dir", str(data), "purge", "--today", "2025-01-02"]
    assert main(argv) == 1  # needs --yes when not in a terminal
    assert (data / "groups" / f"{old.id}.json").exists()
    assert main([*argv, "--yes"]) == 0
    assert not (data / "groups" / f"{old.id}.json").exists()
    assert not (data / "backups" / "groups" / old.id).exists()
    assert (data / "backups" / "groups" / current.id).is_dir()
    assert not any(old.id in rel for rel in all_bytes(data))
    with open_store(data) as store:
        assert [g.name for g in store.groups()] == ["Aktuel"]
        assert store.groups_past_retention(date(2025, 1, 2)) == []
    assert main([*argv, "--yes"]) == 0  # nothing left to purge
