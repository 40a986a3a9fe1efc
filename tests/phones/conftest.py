from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from peertui.phones.server import PhoneServer
from peertui.store import open_store
from peertui.store.store import Store

from .client import PhoneClient

START = datetime(2026, 11, 30, 18, 30, tzinfo=UTC)


class Clock:
    """An aware UTC clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Room:
    store: Store
    group_id: str
    maja: str  # agreed to have statements stored, has none yet
    ali: str  # agreed, has a statement already
    sofie: str  # did not agree
    server: PhoneServer
    clock: Clock
    changes: list[int]
    session: aiohttp.ClientSession

    def phone(self) -> PhoneClient:
        return PhoneClient(self.session, self.server.url)

    def waiting(self, client: PhoneClient) -> str:
        """The console's id of this phone, found by its code (as the facilitator does)."""
        (view,) = [v for v in self.server.phones() if v.code == client.code]
        return view.id

    async def assigned(self, participant_id: str) -> PhoneClient:
        client = self.phone()
        await client.pair()
        self.server.assign(self.waiting(client), participant_id)
        reply = await client.poll()
        assert reply["state"] == "assigned"
        return client


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
async def room(store: Store) -> AsyncIterator[Room]:
    group = store.create_group(
        "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
    )
    agreed = ["taking_part", "store_statement"]
    maja = store.add_participant(group.id, "Maja", consents=agreed).id
    ali = store.add_participant(group.id, "Ali", consents=agreed).id
    sofie = store.add_participant(group.id, "Sofie", consents=["taking_part"]).id
    store.create_statement(group.id, ali, ["Jeg hedder Ali.", "ro", "at sove", "tegne"])
    clock = Clock()
    changes: list[int] = []
    server = PhoneServer(
        store, group.id, host="127.0.0.1", clock=clock, on_change=lambda: changes.append(1)
    )
    await server.start()
    async with aiohttp.ClientSession() as session:
        try:
            yield Room(store, group.id, maja, ali, sofie, server, clock, changes, session)
        finally:
            await server.stop()
