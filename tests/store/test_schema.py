"""The schema: CPR numbers are refused everywhere, and inputs are checked before saving."""

from __future__ import annotations

from datetime import date

import pytest

from peertui.i18n import _
from peertui.store.errors import ConsentMissing, CprNumberRefused, InvalidInput, NotFound
from peertui.store.schema import (
    PROMPTS,
    BlockLog,
    Goal,
    MeetingLog,
    NetworkMap,
    NetworkPerson,
    PersonalGoals,
    SafetyPlan,
)
from peertui.training import progress
from tests.store.conftest import Filled


def test_cpr_is_refused_in_every_kind_of_field(filled: Filled) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    cpr = "010203-1234"
    attempts = [
        lambda: store.add_participant(gid, cpr),
        lambda: store.rename_participant(gid, maja, f"Maja {cpr}"),
        lambda: store.create_group(cpr, "x", [], date(2025, 1, 1), date(2025, 2, 1)),
        lambda: store.update_group(gid, facilitators=["Karim", cpr]),
        lambda: store.create_statement(gid, maja, ["a", "b", f"mit cpr {cpr}", "d"]),
        lambda: store.create_statement(gid, maja, occasion=cpr),
        lambda: store.save_worksheet(gid, maja, PersonalGoals(goals=(Goal(text="x", when=cpr),))),
        lambda: store.save_worksheet(gid, maja, SafetyPlan(people_to_ask=("Mor", cpr))),
        lambda: store.save_worksheet(
            gid, maja, NetworkMap(people=(NetworkPerson(cpr, 1, "family"),))
        ),
        lambda: store.save_meeting_log(gid, MeetingLog(meeting=1, notes=cpr)),
        lambda: store.save_meeting_log(gid, MeetingLog(meeting=1, blocks=(BlockLog(cpr, 10),))),
        lambda: store.add_trainee(gid, cpr, "Regionen", "peer"),
        lambda: store.add_trainee(gid, "Kim", f"Region {cpr}", "peer"),
    ]
    before = store.group_data(gid)
    for attempt in attempts:
        with pytest.raises(CprNumberRefused) as caught:
            attempt()
        assert isinstance(caught.value, ValueError)
        message = str(caught.value)
        assert "1234" not in message and "010203" not in message
        assert "CPR" in message
    assert store.group_data(gid) == before
    assert store.trainees(gid) == []


def test_cpr_message_names_the_field(filled: Filled) -> None:
    with pytest.raises(CprNumberRefused) as caught:
        filled.store.save_worksheet(
            filled.group.id, filled.maja.id, SafetyPlan(people_to_ask=("0102031234",))
        )
    assert _("People I can ask for help") in str(caught.value)


def test_statement_needs_consent_to_store(filled: Filled) -> None:
    store, gid = filled.store, filled.group.id
    henrik = store.add_participant(gid, "Henrik", consents=["taking_part"])
    with pytest.raises(ConsentMissing):
        store.create_statement(gid, henrik.id, ["a", "b", "c", "d"])
    with pytest.raises(ConsentMissing):
        store.save_worksheet(gid, henrik.id, PersonalGoals())
    store.give_consent(gid, henrik.id, "store_statement")
    statement = store.create_statement(gid, henrik.id, ["a", "b", "c", "d"])
    assert store.statement(gid, statement.id).answers == ("a", "b", "c", "d")


def test_inputs_are_checked(filled: Filled) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    with pytest.raises(InvalidInput):
        store.add_participant(gid, "  ")
    with pytest.raises(InvalidInput):
        store.add_participant(gid, "maja")  # aliases are unique in a group, ignoring case
    with pytest.raises(InvalidInput):
        store.create_statement(gid, maja, ["only", "three", "answers"])
    with pytest.raises(InvalidInput):
        store.set_attendance(gid, 1, maja, "maybe")
    with pytest.raises(InvalidInput):
        store.set_attendance(gid, 100, maja, "present")
    with pytest.raises(InvalidInput):
        store.give_consent(gid, maja, "marketing")
    with pytest.raises(InvalidInput):
        store.update_group(gid, retention=date(2024, 1, 1))
    with pytest.raises(InvalidInput):
        store.save_worksheet(gid, maja, NetworkMap(people=(NetworkPerson("Mor", 7, "family"),)))
    with pytest.raises(InvalidInput):
        store.save_worksheet(gid, maja, NetworkMap(people=(NetworkPerson("Mor", 1, "aliens"),)))
    with pytest.raises(NotFound):
        store.create_statement(gid, "0123456789abcdef", ["a", "b", "c", "d"])
    with pytest.raises(NotFound):
        store.participants("0123456789abcdef")


def test_statement_versions(filled: Filled) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    s = store.create_statement(gid, maja, ["Jeg er Maja", "", "", ""], occasion="Jobcentret")
    store.update_statement(gid, s.id, ["Jeg er Maja, 34", "se min søster", "", ""])
    store.new_statement_version(gid, s.id, ["Jeg er Maja, 34 år", "se min søster", "arbejde", ""])
    got = store.statement(gid, s.id)
    assert [v.answers[0] for v in got.versions] == ["Jeg er Maja, 34", "Jeg er Maja, 34 år"]
    assert got.answers == ("Jeg er Maja, 34 år", "se min søster", "arbejde", "")
    assert got.versions[0].saved < got.versions[1].saved
    assert got.occasion == "Jobcentret"
    assert len(got.answers) == PROMPTS


def test_everything_reads_back(filled: Filled) -> None:
    store, gid, maja, ali = filled.store, filled.group.id, filled.maja.id, filled.ali.id
    store.set_attendance(gid, 1, maja, "present")
    store.set_attendance(gid, 1, ali, "excused")
    store.set_attendance(gid, 1, ali, "present")
    goals = PersonalGoals(goals=(Goal("Gå en tur", "I morgen", "Min søster", "Hver dag"),))
    store.save_worksheet(gid, maja, goals)
    plan = SafetyPlan(warning_signs=("Sover dårligt",), most_important="Min kat")
    store.save_worksheet(gid, maja, plan)
    log = MeetingLog(
        meeting=1,
        held=date(2025, 3, 4),
        blocks=(BlockLog("Tjek-ind", 20, 25), BlockLog("Tema", 20)),
        notes="God stemning",
        checklist={"plan_followed": True, "ended_on_time": False},
        reflection="Vi delte begge",
        carry_over="Tag aftalerne med",
    )
    store.save_meeting_log(gid, log)
    store.withdraw_consent(gid, maja, "printing", on=date(2025, 3, 5))
    kim = store.add_trainee(gid, "Kim", "Regionen", "staff")
    for held, audience, count, contact in (
        (date(2025, 3, 20), "colleagues", 3, True),
        (date(2025, 4, 2), "citizens", 2, None),
    ):
        store.record_teaching(
            gid, kim.id, held=held, audience=audience, count=count, citizen_contact=contact
        )
    store.close()

    from peertui.store.store import open_store

    with open_store(store.data_dir, read_only=True) as again:
        assert [(a.participant, a.status) for a in again.attendance(gid, 1)] == sorted(
            [(maja, "present"), (ali, "present")]
        )
        assert again.worksheet(gid, maja, "goals").content == goals  # type: ignore[union-attr]
        assert again.worksheet(gid, maja, "safety_plan").content == plan  # type: ignore[union-attr]
        assert again.worksheet(gid, maja, "network_map") is None
        assert again.meeting_log(gid, 1) == log
        assert again.carry_over(gid, 2) == "Tag aftalerne med"
        assert again.carry_over(gid, 1) == ""
        p = again.participant(gid, maja)
        assert not p.has_consent("printing") and p.has_consent("store_statement")
        assert p.consent("printing").withdrawn == date(2025, 3, 5)  # type: ignore[union-attr]
        (trainee,) = again.trainees(gid)
        assert trainee.training is not None
        assert progress(trainee.training, date(2025, 3, 4)).counted == 5


def test_every_value_of_a_word_list_has_its_words() -> None:
    from peertui import labels
    from peertui.store import schema as model

    assert set(labels.CONSENT) == set(model.PURPOSES)
    assert set(labels.ATTENDANCE) == set(model.ATTENDANCE)
    assert set(labels.WORKSHEET) == set(model.WORKSHEET_KINDS)
    assert set(labels.CHECKLIST) == set(model.CHECKLIST_ITEMS)
    assert set(labels.SECTOR) == set(model.SECTORS)
    assert set(labels.TRAINING_AUDIENCE) == set(model.AUDIENCES)
    assert set(labels.TRAINING_ROLE) == set(model.ROLES)
    assert set(labels.STATEMENT_PROMPT) == set(range(1, model.PROMPTS + 1))
    assert set(labels.SAFETY_SECTION) >= set(model.SAFETY_SECTIONS)
    assert set(labels.GOALS_FIELD) == set(model.GOAL_FIELDS)
    assert {"disk_full", "read_only", "other"} <= set(labels.STORE_SAVE_FAILED)
    assert {"group", "participant", "statement", "trainee", "damaged_file"} <= set(
        labels.STORE_NOT_FOUND
    )
    problems = {
        "object", "list", "missing", "unknown_key", "too_many", "text", "too_long", "empty",
        "cpr", "id", "integer", "at_least", "at_most", "invalid", "boolean", "choice", "date",
        "datetime", "answers", "empty_list", "duplicate", "dangling", "retention_before_start",
        "contact_for_citizens",
    }  # fmt: skip
    assert problems <= set(labels.SHAPE)


def test_ids_sort_in_creation_order(filled: Filled) -> None:
    store, gid = filled.store, filled.group.id
    with store.batch(gid):  # no disk in between: many ids within one millisecond
        made = [store.add_participant(gid, f"P{i}").id for i in range(50)]
    listed = [p.id for p in store.participants(gid)]
    assert listed[2:] == made and listed[:2] == [filled.maja.id, filled.ali.id]
