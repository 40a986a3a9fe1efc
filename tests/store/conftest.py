"""Fixtures for the store tests: a data folder, a controllable clock, a group with people."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peertui.store.schema import Group, Participant
from peertui.store.store import Store, open_store
from tests.store.helpers import Clock


@dataclass
class Filled:
    store: Store
    group: Group
    maja: Participant
    ali: Participant


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 4, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(data_dir: Path, clock: Clock) -> Iterator[Store]:
    opened = open_store(data_dir, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def filled(store: Store) -> Filled:
    group = store.create_group(
        "Tirsdagsgruppen",
        "vejen-til-hverdagslivet",
        ["Birgitte", "Karim"],
        date(2025, 3, 4),
        date(2025, 12, 31),
    )
    maja = store.add_participant(
        group.id, "Maja", consents=["taking_part", "store_statement", "printing"]
    )
    ali = store.add_participant(group.id, "Ali", consents=["taking_part", "store_statement"])
    return Filled(store=store, group=group, maja=maja, ali=ali)
