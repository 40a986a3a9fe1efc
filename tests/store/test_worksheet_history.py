"""Worksheets keep their versions: one per editing visit, autosaves replace it, capped."""

from __future__ import annotations

import copy
import json

import pytest

from peertui.store.errors import ConsentMissing, InvalidInput
from peertui.store.portable import export_bytes, parse_export
from peertui.store.schema import (
    GOAL_FIELDS,
    WORKSHEET_VERSIONS_MAX,
    Goal,
    NetworkMap,
    NetworkPerson,
    PersonalGoals,
    SafetyPlan,
)
from tests.store.conftest import Filled
from tests.store.helpers import Clock


def _goals(*texts: str) -> PersonalGoals:
    return PersonalGoals(goals=tuple(Goal(t, why=f"fordi {t}") for t in texts))


def test_new_version_and_replace(filled: Filled, clock: Clock) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    assert store.worksheet_history(gid, maja, "goals") == []
    first = store.save_worksheet(gid, maja, _goals("a"), new_version=False)  # first save: made
    assert len(first.versions) == 1
    clock.advance(minutes=1)
    store.save_worksheet(gid, maja, _goals("ab"), new_version=False)  # same visit: replaced
    clock.advance(minutes=1)
    store.save_worksheet(gid, maja, _goals("abc"), new_version=True)  # the next visit
    history = store.worksheet_history(gid, maja, "goals")
    assert [v.content.goals[0].text for v in history] == ["ab", "abc"]  # type: ignore[union-attr]
    assert history[0].saved < history[1].saved
    assert history[1].content.goals[0].why == "fordi abc"  # type: ignore[union-attr]
    sheet = store.worksheet(gid, maja, "goals")
    assert sheet is not None and sheet.content == _goals("abc")
    assert sheet.updated == history[1].saved
    # Other kinds and other participants are separate.
    assert store.worksheet_history(gid, maja, "safety_plan") == []
    assert store.worksheet_history(gid, filled.ali.id, "goals") == []


def test_history_is_capped(filled: Filled) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    for i in range(WORKSHEET_VERSIONS_MAX + 5):
        store.save_worksheet(gid, maja, SafetyPlan(most_important=str(i)), new_version=True)
    history = store.worksheet_history(gid, maja, "safety_plan")
    assert len(history) == WORKSHEET_VERSIONS_MAX
    assert history[0].content.most_important == "5"  # type: ignore[union-attr]
    assert history[-1].content.most_important == str(WORKSHEET_VERSIONS_MAX + 4)  # type: ignore[union-attr]


def test_needs_consent_and_a_known_kind(filled: Filled) -> None:
    store, gid = filled.store, filled.group.id
    henrik = store.add_participant(gid, "Henrik", consents=["taking_part"])
    with pytest.raises(ConsentMissing):
        store.save_worksheet(gid, henrik.id, NetworkMap(), new_version=True)
    assert store.worksheet_history(gid, henrik.id, "network_map") == []
    with pytest.raises(InvalidInput):
        store.worksheet_history(gid, henrik.id, "diary")


def test_withdrawing_consent_erases_every_version(filled: Filled) -> None:
    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    for name in ("Mor", "Far"):
        people = (NetworkPerson(name, 1, "family"),)
        store.save_worksheet(gid, maja, NetworkMap(people=people), new_version=True)
    store.withdraw_consent(gid, maja, "store_statement")
    assert store.worksheet_history(gid, maja, "network_map") == []
    raw = (store.data_dir / f"groups/{gid}.json").read_text(encoding="utf-8")
    assert "Mor" not in raw and "Far" not in raw


def test_export_keeps_versions_and_refuses_format_1_calmly(filled: Filled) -> None:
    from peertui.store.errors import ImportInvalid

    store, gid, maja = filled.store, filled.group.id, filled.maja.id
    store.save_worksheet(gid, maja, _goals("første"), new_version=True)
    store.save_worksheet(gid, maja, _goals("anden"), new_version=True)
    doc = json.loads(export_bytes(store.export_bundle()))
    (sheet,) = doc["groups"][0]["worksheets"]
    assert [v["content"]["goals"][0]["text"] for v in sheet["versions"]] == ["første", "anden"]
    assert set(sheet["versions"][0]["content"]["goals"][0]) == set(GOAL_FIELDS)

    # An export from a test version before worksheets had versions (format 1) is refused.
    old = copy.deepcopy(doc)
    old["format_version"] = 1
    with pytest.raises(ImportInvalid) as caught:
        parse_export(json.dumps(old).encode("utf-8"))
    assert "prøveudgave" in str(caught.value) and "Traceback" not in str(caught.value)
