"""Which sheets are printed for whom: consent, digital copies, the newest statement, and a
group summary with no participant text. In-process, on the demo group; nothing is rendered."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from pathlib import Path

import pytest

from peertui.export import GoalsSheet, GroupSummary, NetworkSheet, SafetySheet, StatementSheet
from peertui.export.from_store import (
    WHAT_CHOICES,
    guide_links,
    kinds_for,
    make_private_folder,
    plan_export,
)
from peertui.export.model import NO_ISSUER
from peertui.store import NotFound, open_store
from peertui.store.demo import fill
from peertui.store.schema import Organisation

from .conftest import DEMO_REF, LIBRARY, page_link

DAY = date(2025, 3, 4)
PRINTING = {"Ali", "Fatima", "Lærke", "Maja", "Sofie"}  # Jonas withdrew; Henrik, Mads never gave
DIGITAL = {"Maja", "Fatima"}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plan") / "data"
    with open_store(folder) as store:
        fill(store, DAY)
    return folder


def plan(store_dir: Path, **kwargs):  # type: ignore[no-untyped-def]
    with open_store(store_dir, read_only=True) as store:
        group = store.find_group(DEMO_REF)
        if "participant" in kwargs:
            kwargs["participant_id"] = store.find_participant(
                group.id, kwargs.pop("participant")
            ).id
        return plan_export(
            store,
            group.id,
            links=guide_links(LIBRARY),
            course=LIBRARY.course(group.course),
            today=DAY,
            **kwargs,
        )


def test_statements_only_with_printing_consent(store_dir: Path) -> None:
    result = plan(store_dir)
    assert {s.alias for s in result.sheets} == PRINTING
    assert all(isinstance(s, StatementSheet) for s in result.sheets)
    assert result.no_printing_consent == 3
    assert not any(s.digital_copy for s in result.sheets)  # type: ignore[union-attr]
    # The notices give counts, never who.
    text = " ".join(result.notices())
    assert "3" in text
    for alias in ("Jonas", "Henrik", "Mads", *PRINTING):
        assert alias not in text


def test_withdrawn_printing_consent_counts_as_none(store_dir: Path) -> None:
    result = plan(store_dir, participant="Jonas")
    assert result.sheets == ()
    assert result.no_printing_consent == 1


def test_newest_statement_and_its_occasion(store_dir: Path) -> None:
    (sheet,) = plan(store_dir, participant="Maja").sheets
    assert isinstance(sheet, StatementSheet)
    assert sheet.answers[0].startswith("Jeg hedder Maja. Jeg er 34 år, jeg tegner")  # version 2
    assert sheet.occasion
    assert sheet.link == page_link("personligt-statement")
    assert sheet.date == DAY


def test_digital_copy_needs_the_choice_and_the_consent(store_dir: Path) -> None:
    result = plan(store_dir, digital_copy=True)
    with_copy = {s.alias for s in result.sheets if s.digital_copy}  # type: ignore[union-attr]
    assert with_copy == DIGITAL
    assert result.copies == 2
    assert result.copy_without_consent == 3
    assert any("3" in line for line in result.notices())
    # Without the choice, nobody gets one, consent or not.
    assert not any(s.digital_copy for s in plan(store_dir).sheets)  # type: ignore[union-attr]


def test_all_is_every_sheet_per_participant_then_the_summary(store_dir: Path) -> None:
    result = plan(store_dir, what="all")
    kinds = [type(s) for s in result.sheets]
    assert kinds[-1] is GroupSummary and result.owners[-1] is None
    assert kinds.count(StatementSheet) == 5
    assert kinds.count(GoalsSheet) == 3  # Maja, Sofie, Ali
    assert kinds.count(SafetySheet) == 2  # Maja, Fatima
    assert kinds.count(NetworkSheet) == 2  # Maja, Lærke
    assert result.missing == {"goals": 2, "safety": 3, "network": 3}
    links = {type(s): s.link for s in result.sheets if not isinstance(s, GroupSummary)}
    assert links[GoalsSheet] == page_link("personlige-maal")
    assert links[SafetySheet] == page_link("tryghedsplan")
    assert links[NetworkSheet] == page_link("netvaerkskort")
    # Sheets of one participant come together, by alias.
    owners = [o for o in result.owners if o is not None]
    assert len([key for key, _ in itertools.groupby(owners)]) == len(set(owners)) == 5
    # For one participant "all" is that participant's sheets, without the group summary.
    one = plan(store_dir, what="all", participant="Maja")
    assert [type(s) for s in one.sheets] == [StatementSheet, GoalsSheet, SafetySheet, NetworkSheet]


def test_link_override_replaces_every_link(store_dir: Path) -> None:
    result = plan(store_dir, what="all", link_override="https://example.com/x")
    assert {s.link for s in result.sheets if not isinstance(s, GroupSummary)} == {
        "https://example.com/x"
    }


def test_group_summary_holds_counts_and_minutes_only(store_dir: Path) -> None:
    (summary,) = plan(store_dir, what="summary").sheets
    assert isinstance(summary, GroupSummary)
    assert summary.participants == 8
    by_number = {m.number: m for m in summary.meetings}
    assert len(by_number) == 11  # the introduction and ten meetings of the plan
    intro, first, second, third = (by_number[n] for n in range(4))
    assert (intro.present, intro.absent, intro.excused) == (8, 0, 0)
    assert (first.present, first.absent, first.excused) == (7, 1, 0)
    assert (third.present, third.absent, third.excused) == (6, 1, 1)
    assert first.planned_minutes == 120 and first.actual_minutes == 120
    assert second.held is not None and by_number[5].held is None
    assert by_number[5].actual_minutes is None
    # Nothing a participant wrote, no alias, nor the facilitators' notes, anywhere in it.
    values = repr(dataclasses.asdict(summary))
    for alias in ("Maja", "Ali", "Sofie", "Jonas", "Fatima", "Henrik", "Lærke", "Mads"):
        assert alias not in values
    assert "stemning" not in values and "værdikort" not in values.casefold()


def test_unknown_participant_is_a_store_error(store_dir: Path) -> None:
    with pytest.raises(NotFound):
        plan(store_dir, participant="Nobody")


def test_what_choices() -> None:
    import click

    from peertui.cli.export import build

    (what,) = [p for p in build().params if p.name == "what"]
    assert what.default == "statement"
    assert isinstance(what.type, click.Choice)
    assert tuple(what.type.choices) == WHAT_CHOICES
    for what in WHAT_CHOICES:
        kinds_for(what, one_participant=False)


def test_default_folder_is_private(tmp_path: Path) -> None:
    folder = make_private_folder(tmp_path / "ud")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert make_private_folder(folder) == folder  # an existing folder is used as it is


def test_every_sheet_carries_the_organisation_and_the_plan_the_group(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        fill(store, DAY)
        store.set_organisation(
            Organisation(
                name="Foreningen Sind Midt",
                line="Peer-støtte",
                contact="Tlf. 12 34 56 78",
                website="https://peer-forening.dk",
                links={"safety_plan": "https://peer-forening.dk/tryghedsplan"},
            )
        )
    result = plan(folder, what="all")
    assert result.title == "Tirsdagsgruppen (demo)"
    assert result.issuer.name == "Foreningen Sind Midt"
    assert all(sheet.issuer == result.issuer for sheet in result.sheets)
    assert result.issuer.link("safety_plan") == "https://peer-forening.dk/tryghedsplan"
    assert result.issuer.link("goals") == "https://peer-forening.dk"
    assert result.issuer.logo is None


def test_without_an_organisation_the_sheets_carry_none(store_dir: Path) -> None:
    result = plan(store_dir, what="all")
    assert result.issuer == NO_ISSUER
    assert all(sheet.issuer == NO_ISSUER for sheet in result.sheets)
