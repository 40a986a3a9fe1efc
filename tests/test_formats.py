"""One way to write a date, a time, a number and a count (peertui/formats.py), and to read a
date as a person types it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from peertui.formats import (
    NotADate,
    approx_words,
    day_month,
    long_date,
    moment,
    number,
    parse_date,
    short_date,
    time_of_day,
)
from peertui.i18n import ngettext

PACKAGE = Path(__file__).resolve().parents[1] / "peertui"


def test_danish_dates_times_and_numbers() -> None:
    day = date(2026, 11, 29)
    assert long_date(day) == "29. november 2026"
    assert day_month(day) == "29. november"
    assert short_date(day) == "29.11.2026"
    assert short_date(date(2026, 3, 9)) == "09.03.2026"
    assert time_of_day(time(23, 3)) == "23.03"
    assert moment(datetime(2026, 11, 29, 23, 3)) == "29.11.2026 kl. 23.03"
    assert moment(datetime(2026, 11, 29, 23, 3, tzinfo=UTC).astimezone()).endswith("23.03")
    assert number(1234) == "1.234"


@pytest.mark.parametrize(
    "typed", ["29.11.2026", "29.11.2026 ", "29-11-2026", "29/11/2026", "2026-11-29", "29 11 2026"]
)
def test_a_date_is_read_the_danish_way(typed: str) -> None:
    assert parse_date(typed) == date(2026, 11, 29)


def test_a_short_date_is_read_too() -> None:
    assert parse_date("9.3.2026") == date(2026, 3, 9)
    assert parse_date(short_date(date(2026, 3, 9))) == date(2026, 3, 9)


@pytest.mark.parametrize(("typed", "shaped"), [("31.02.2026", True), ("i morgen", False)])
def test_what_is_not_a_date_says_why(typed: str, shaped: bool) -> None:
    with pytest.raises(NotADate) as caught:
        parse_date(typed)
    assert caught.value.shaped is shaped


def test_one_and_other_by_the_plural_rule() -> None:
    assert ngettext("{count} meeting", "{count} meetings", 1) == "1 mødegang"
    assert ngettext("{count} meeting", "{count} meetings", 0) == "0 mødegange"
    assert ngettext("{count} meeting", "{count} meetings", 12) == "12 mødegange"
    assert ngettext("{count} person", "{count} people", 1) == "1 person"


def test_words_a_volunteer_understands() -> None:
    assert approx_words(1800) == 300
    assert approx_words(60) == 10
    assert approx_words(0) == 0
    assert approx_words(1, up=True) == 1
    assert approx_words(130, up=True) == 30


def test_babel_stays_off_the_start_up_path() -> None:
    code = "import sys, peertui.ui.app, peertui.formats; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
