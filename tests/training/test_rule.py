"""The road to the certificate: at least 4 people within 2 months of the course day."""

from __future__ import annotations

from datetime import date

from peertui.store.schema import Teaching, Training
from peertui.training import NEEDED, deadline, explain, progress, status

DAY = date(2026, 11, 2)  # a course day; the deadline is 02.01.2027


def teach(
    held: date, count: int, audience: str = "citizens", contact: bool | None = None, n: int = 0
) -> Teaching:
    return Teaching(held, audience, count, id=f"{n:012x}abcd0000", citizen_contact=contact)


def training(*teachings: Teaching) -> Training:
    return Training("Regionen", "peer", teachings=teachings)


def test_the_deadline_is_two_calendar_months_later_clamped_to_the_month() -> None:
    assert deadline(DAY) == date(2027, 1, 2)
    assert deadline(date(2026, 12, 31)) == date(2027, 2, 28)
    assert deadline(date(2027, 12, 31)) == date(2028, 2, 29)  # a leap year
    assert deadline(date(2026, 8, 31)) == date(2026, 10, 31)
    assert deadline(date(2026, 10, 31)) == date(2026, 12, 31)


def test_exactly_four_is_enough() -> None:
    result = progress(training(teach(date(2026, 11, 20), 4, "colleagues", True)), DAY)
    assert (result.met, result.counted, result.missing, result.met_on) == (
        True,
        4,
        0,
        date(2026, 11, 20),
    )
    assert explain(result, date(2026, 11, 22))[-1] == "Klar til bevis: nået 20.11.2026."


def test_three_are_not_enough() -> None:
    result = progress(training(teach(date(2026, 11, 20), 3)), DAY)
    assert not result.met and result.missing == 1
    lines = explain(result, date(2026, 11, 22))
    assert "3 af 4 personer undervist, som tæller." in lines
    assert "Mangler 1 person senest 02.01.2027." in lines
    assert status(result, date(2026, 11, 22)) == "3 af 4"


def test_four_but_one_after_the_two_months() -> None:
    result = progress(
        training(teach(date(2026, 12, 1), 3, n=1), teach(date(2027, 1, 3), 1, n=2)), DAY
    )
    assert not result.met and result.counted == 3
    assert [e.reason for e in result.entries] == ["ok", "after_deadline"]
    lines = explain(result, date(2027, 1, 10))
    assert "Undervisningen 03.01.2027 (1 person) tæller ikke: den ligger efter fristen." in lines
    assert any(line.startswith("Fristen 02.01.2027 er overskredet") for line in lines)
    assert status(result, date(2027, 1, 10)) == "frist overskredet"
    # On the deadline itself it still counts.
    on_the_day = progress(
        training(teach(date(2026, 12, 1), 3, n=1), teach(date(2027, 1, 2), 1, n=2)), DAY
    )
    assert on_the_day.met and on_the_day.met_on == date(2027, 1, 2)


def test_colleagues_without_citizen_contact_do_not_count() -> None:
    result = progress(
        training(
            teach(date(2026, 11, 10), 5, "colleagues", False, n=1),
            teach(date(2026, 11, 11), 2, "colleagues", None, n=2),
            teach(date(2026, 11, 12), 3, "colleagues", True, n=3),
        ),
        DAY,
    )
    assert not result.met and result.counted == 3
    assert [e.reason for e in result.entries] == ["no_citizen_contact", "contact_unknown", "ok"]
    lines = explain(result, DAY)
    assert any("kollegerne har ikke borgerkontakt" in line for line in lines)
    assert any("ikke udfyldt, om kollegerne har borgerkontakt" in line for line in lines)


def test_several_teachings_on_one_day_all_count() -> None:
    result = progress(
        training(
            teach(date(2026, 11, 15), 1, n=1),
            teach(date(2026, 11, 15), 1, "colleagues", True, n=2),
            teach(date(2026, 11, 15), 2, n=3),
        ),
        DAY,
    )
    assert result.met and result.counted == NEEDED and result.met_on == date(2026, 11, 15)


def test_teaching_before_the_course_day_does_not_count() -> None:
    result = progress(training(teach(date(2026, 11, 1), 4)), DAY)
    assert not result.met and result.entries[0].reason == "before_course"
    # The course day itself counts.
    assert progress(training(teach(DAY, 4)), DAY).met


def test_met_on_is_the_day_the_fourth_person_was_reached() -> None:
    result = progress(
        training(
            teach(date(2026, 12, 20), 5, n=3),
            teach(date(2026, 11, 10), 3, n=1),
            teach(date(2026, 11, 30), 1, n=2),
        ),
        DAY,
    )
    assert result.counted == 9 and result.met_on == date(2026, 11, 30)
    assert [e.teaching.held for e in result.entries] == sorted(
        e.teaching.held for e in result.entries
    )


def test_nothing_yet() -> None:
    result = progress(training(), DAY)
    assert (result.counted, result.missing, result.met, result.met_on) == (0, 4, False, None)


def test_three_and_one_on_two_days_meet_the_rule_on_the_second() -> None:
    result = progress(
        training(
            teach(date(2026, 11, 5), 3, n=1), teach(date(2026, 12, 1), 1, "colleagues", True, n=2)
        ),
        DAY,
    )
    assert (result.counted, result.missing, result.met, result.met_on) == (
        4,
        0,
        True,
        date(2026, 12, 1),
    )
    # Met in time stays met after the deadline has passed.
    later = date(2027, 3, 1)
    assert status(result, later) == "klar til bevis"
    assert explain(result, later)[-1] == "Klar til bevis: nået 01.12.2026."
    assert not any("overskredet" in line for line in explain(result, later))
