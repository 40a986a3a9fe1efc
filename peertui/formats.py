"""One way to write a date, a time, a number and a count, in the user's language (Babel's
CLDR data), for the screens, the sheets and the command line alike; and one way to read a
date a person types.

    long_date(d)      29. november 2026     sheets, certificate
    short_date(d)     29.11.2026            screens, forms, the command line
    time_of_day(t)    23.03                 "Gemt kl. {time}"
    moment(dt)        29.11.2026 kl. 23.03  a saved version, a lock's holder
    number(n)         1.234
    approx_words(b)   300                   "plads til ca. 300 ord mere", not bytes

Counts ("1 mødegang" / "3 mødegange") are ``peertui.i18n.ngettext``: the catalog holds each
language's forms and its plural rule.

Babel is imported inside the functions: it stays off the start-up path.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING

from peertui.i18n import _, language

if TYPE_CHECKING:
    from babel import Locale

#: The Babel locale of each language peertui speaks.
_LOCALES = {"da": "da_DK", "en": "en_GB"}


@lru_cache(maxsize=4)
def _locale(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse(_LOCALES.get(lang, "da_DK"))


def locale() -> Locale:
    """The Babel locale of the user's language."""
    return _locale(language())


def language_name(code: str) -> str:
    """``"da"`` -> ``dansk`` in Danish, ``Danish`` in English (the code itself if unknown)."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(locale())
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def long_date(day: date) -> str:
    """``29. november 2026``."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=locale())


def day_month(day: date) -> str:
    """``29. november`` (a period's first day, when the year follows once)."""
    from babel.dates import format_skeleton

    return format_skeleton("dMMMM", day, locale=locale())


def short_date(day: date) -> str:
    """``29.11.2026``: how a date is shown on screen and typed in a form."""
    from babel.dates import format_date

    return format_date(day, format="short", locale=locale()).replace("/", ".")


def time_of_day(moment: datetime | time) -> str:
    """``23.03`` in local time (the words around it say "kl.")."""
    from babel.dates import format_time

    if isinstance(moment, datetime):
        moment = moment.astimezone().time() if moment.tzinfo else moment.time()
    return format_time(moment, format="short", locale=locale())


def moment(value: datetime) -> str:
    """``29.11.2026 kl. 23.03``, in local time."""
    local = value.astimezone() if value.tzinfo else value
    return _("{day} at {time}", day=short_date(local.date()), time=time_of_day(local))


def number(value: float) -> str:
    """``1.234`` (``1.234,5``)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale())


#: ``29.11.2026``, ``9.11.2026``, ``9-11-2026``, ``9/11/2026``, ``9 11 2026``; and ISO's
#: ``2026-11-29``.
_DANISH = re.compile(r"(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class NotADate(ValueError):
    """What was typed is not a date. ``shaped``: it is written like one, but the day does
    not exist (31.02.2026)."""

    def __init__(self, text: str, *, shaped: bool) -> None:
        super().__init__(text)
        self.shaped = shaped


def parse_date(text: str) -> date:
    """A date as a person types it: day first, the Danish way (29.11.2026, 9.11.2026), or
    2026-11-29. ``NotADate`` otherwise."""
    text = text.strip()
    if found := _ISO.fullmatch(text):
        year, month, day = (int(x) for x in found.groups())
    elif found := _DANISH.fullmatch(text):
        day, month, year = (int(x) for x in found.groups())
    else:
        raise NotADate(text, shaped=False)
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(text, shaped=True) from None


#: Roughly how many bytes a word takes in a digital copy (a Danish word and its space).
BYTES_PER_WORD = 6


def approx_words(nbytes: int, *, up: bool = False) -> int:
    """About how many words ``nbytes`` bytes of text hold, as a person would say it: exact
    under 20, then in tens, then in fifties from 100 (rounded down, or ``up`` for how much
    too long a text is)."""
    words = max(0, nbytes) / BYTES_PER_WORD
    step = 1 if words < 20 else 10 if words < 100 else 50
    steps = -(-words // step) if up else words // step
    return max(1 if up and nbytes > 0 else 0, int(steps * step))
