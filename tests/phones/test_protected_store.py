"""Phones on a protected data folder (#18 + #19): what a phone writes is sealed on disk like
every other save; no file of the folder holds the words in the clear."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import aiohttp

from peertui.phones.server import PhoneServer
from peertui.store import open_store
from peertui.store.protection import new_identity

from .client import PhoneClient

PASSPHRASE = "Lange dage ved havet 2026"
WORDS = ["Jeg hedder Maja og elsker Hvalpsund-færgen.", "Roen ved Limfjorden.", "", ""]


def holding(folder: Path, needle: bytes) -> list[str]:
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if needle in path.read_bytes():
                found.append(str(path))
    return found


async def test_a_phones_words_are_sealed_in_a_protected_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        maja = store.add_participant(group.id, "Maja", consents=["taking_part", "store_statement"])
        store.protect(PASSPHRASE, new_identity())
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert store.protected
        server = PhoneServer(store, group.id, host="127.0.0.1")
        await server.start()
        try:
            async with aiohttp.ClientSession() as session:
                phone = PhoneClient(session, server.url)
                code = await phone.pair()
                (view,) = [v for v in server.phones() if v.code == code]
                server.assign(view.id, maja.id)
                await phone.poll()
                assert (await phone.save(WORDS))["saved"] is True
        finally:
            await server.stop()
        (statement,) = store.statements(group.id, maja.id)
        assert list(statement.answers) == WORDS
    for needle in (b"Hvalpsund", "Hvalpsund-færgen".encode(), b"Limfjorden"):
        assert holding(data, needle) == []
