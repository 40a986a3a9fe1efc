"""The road to the certificate: at least 4 people taught within 2 months of the course day.

The rule, as peertui counts it (docs/training.md):

- the window runs from the course day to the same date two calendar months later, both
  included; a date the later month lacks becomes its last day (31 December -> 28/29 February);
- citizens count; colleagues count only when they have contact with citizens (the point is
  that statements reach citizens); colleagues whose contact is not filled in do not count yet;
- teaching before the course day or after the deadline does not count;
- several teachings on one day all count: the count is the sum of the people taught.

Knows nothing of Textual; the trainee page and the certificate both use it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from peertui import labels
from peertui.formats import short_date
from peertui.i18n import _, ngettext
from peertui.store.schema import Teaching, Training

#: People to teach ...
NEEDED = 4
#: ... within this many calendar months of the course day.
MONTHS = 2


def deadline(course_day: date) -> date:
    """The last day that counts: the same date ``MONTHS`` months later, clamped."""
    month = course_day.month - 1 + MONTHS
    year = course_day.year + month // 12
    month = month % 12 + 1
    day = min(course_day.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def people(count: int) -> str:
    """ "1 person", "3 personer"."""
    return ngettext("{count} person", "{count} people", count)


def day(value: date) -> str:
    """A date as the screens show it: 15.01.2027."""
    return short_date(value)


@dataclass(frozen=True, slots=True)
class Entry:
    """One teaching and whether it counts toward the certificate."""

    teaching: Teaching
    counts: bool
    #: ok | before_course | after_deadline | no_citizen_contact | contact_unknown
    reason: str


@dataclass(frozen=True, slots=True)
class Progress:
    course_day: date
    deadline: date
    needed: int
    counted: int  # people who count
    missing: int  # people still to teach
    met: bool
    met_on: date | None  # the day the count first reached ``needed``
    entries: tuple[Entry, ...]  # every teaching, by date


def _reason(teaching: Teaching, course_day: date, last: date) -> str:
    if teaching.held < course_day:
        return "before_course"
    if teaching.held > last:
        return "after_deadline"
    if teaching.audience == "colleagues":
        if teaching.citizen_contact is None:
            return "contact_unknown"
        if not teaching.citizen_contact:
            return "no_citizen_contact"
    return "ok"


def progress(training: Training, course_day: date) -> Progress:
    last = deadline(course_day)
    entries = []
    counted = 0
    met_on: date | None = None
    for teaching in sorted(training.teachings, key=lambda x: (x.held, x.id)):
        reason = _reason(teaching, course_day, last)
        entries.append(Entry(teaching, reason == "ok", reason))
        if reason == "ok":
            counted += teaching.count
            if met_on is None and counted >= NEEDED:
                met_on = teaching.held
    return Progress(
        course_day=course_day,
        deadline=last,
        needed=NEEDED,
        counted=counted,
        missing=max(0, NEEDED - counted),
        met=counted >= NEEDED,
        met_on=met_on,
        entries=tuple(entries),
    )


def status(result: Progress, today: date) -> str:
    """One short word for lists: "3 af 4", "klar til bevis", "frist overskredet"."""
    if result.met:
        return _("ready for certificate")
    if today > result.deadline:
        return _("deadline passed")
    return _("{counted} of {needed}", counted=result.counted, needed=result.needed)


def explain(result: Progress, today: date) -> list[str]:
    """What is done and what is missing, with dates, in calm plain lines."""
    lines = [
        _(
            "Course day {course_day}. Teaching counts up to and including {deadline}.",
            course_day=day(result.course_day),
            deadline=day(result.deadline),
        ),
        _(
            "{counted} of {needed} people taught who count.",
            counted=result.counted,
            needed=result.needed,
        ),
    ]
    if result.met:
        assert result.met_on is not None
        lines.append(_("Ready for certificate: reached {met_on}.", met_on=day(result.met_on)))
    elif today > result.deadline:
        lines.append(
            _(
                "The deadline {deadline} has passed, with {missing} still to go. Talk "
                "with the trainer about what to do now.",
                missing=people(result.missing),
                deadline=day(result.deadline),
            )
        )
    else:
        lines.append(
            _(
                "{missing} still needed by {deadline}.",
                missing=people(result.missing),
                deadline=day(result.deadline),
            )
        )
    for entry in result.entries:
        if not entry.counts:
            lines.append(
                _(
                    "The teaching on {held} ({count}) does not count: {reason}",
                    held=day(entry.teaching.held),
                    count=people(entry.teaching.count),
                    reason=_(labels.TRAINING_REASON[entry.reason]),
                )
            )
    return lines
