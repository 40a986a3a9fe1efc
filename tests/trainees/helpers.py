"""Shared pieces of the trainee screen tests: a real store with a training group in a tmp
folder, on a fixed "today" (the store's clock), and an app on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from peertui.content import load_library
from peertui.store import open_store
from peertui.store.store import Store
from peertui.ui.app import PeerTUI
from tests.helpers import visible_text, wait_for_screen, wait_until

LIBRARY = load_library()
COURSE = "bliv-inddragelsesfacilitator"
#: The course day, and "today" two weeks later (noon UTC: the same date in every time zone
#: the tests run in).
COURSE_DAY = date(2026, 10, 1)
TODAY = date(2026, 10, 15)
MOMENT = datetime(2026, 10, 15, 12, 0, tzinfo=UTC)

__all__ = [
    "COURSE",
    "COURSE_DAY",
    "LIBRARY",
    "TODAY",
    "Seeded",
    "seed",
    "visible_text",
    "wait_for_screen",
    "wait_until",
]


def fixed_clock() -> datetime:
    return MOMENT


@dataclass
class Seeded:
    data: Path
    group: str
    trainee: str | None  # Lene, a trainee with the consent to store her statement

    def store(self, *, read_only: bool = False) -> Store:
        return open_store(self.data, clock=fixed_clock, read_only=read_only)

    def app(self, store: Store) -> PeerTUI:
        return PeerTUI(LIBRARY, store=store)


#: (day of the month (October 2026 unless told), audience, people, citizen contact)
Taught = tuple[int, str, int, bool | None]


def seed(
    tmp_path: Path,
    *,
    trainee: bool = True,
    taught: Iterable[Taught] = (),
    organisation: str = "Recovery-skolen Aarby",
    course_day: date = COURSE_DAY,
    month: int = 10,
) -> Seeded:
    data = tmp_path / "data"
    with open_store(data, clock=fixed_clock) as store:
        group = store.create_group(
            "Kursus oktober", COURSE, ["Hanne", "Omar"], course_day, date(2027, 10, 1)
        )
        pid = None
        if trainee:
            lene = store.add_trainee(
                group.id,
                "Lene",
                organisation,
                "peer",
                consents=("taking_part", "store_statement"),
            )
            pid = lene.id
            for day, audience, count, contact in taught:
                store.record_teaching(
                    group.id,
                    pid,
                    held=date(2026, month, day),
                    audience=audience,
                    count=count,
                    citizen_contact=contact,
                )
    return Seeded(data=data, group=group.id, trainee=pid)
