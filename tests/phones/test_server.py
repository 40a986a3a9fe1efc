"""The phone server end to end: a Python phone (the page's protocol, with PyNaCl) against a
real PhoneServer on 127.0.0.1 and a real store in a temporary folder. What a phone may do, and
every way in that must give nothing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest

from peertui.phones import protocol
from peertui.phones.server import BODY_MAX, PENDING_MAX, PhoneError, PhoneServer
from peertui.store import open_store
from peertui.store.schema import ANSWER_MAX

from .client import PhoneClient
from .conftest import Room

WORDS = ["Jeg hedder Maja.", "at have ro om morgenen", "at komme i gang med arbejde", "tegne igen"]


def statements(room: Room, participant_id: str) -> list[tuple[str, ...]]:
    """Every version's answers of the participant's statements, read back from the files."""
    with open_store(room.store.data_dir, read_only=True) as store:
        return [
            v.answers for s in store.statements(room.group_id, participant_id) for v in s.versions
        ]


# ------------------------------------------------------------------ what works


async def test_pair_assign_write_and_the_words_are_in_the_store(room: Room) -> None:
    client = room.phone()
    code = await client.pair()
    (view,) = room.server.phones()
    assert view.code == code  # the same six digits on both sides
    assert len(code) == 7 and code[3] == " " and code.replace(" ", "").isdigit()
    assert view.state == "waiting" and view.participant_id is None
    assert room.server.counts() == (1, 0)
    assert (await client.poll())["state"] == "waiting"

    room.server.assign(view.id, room.maja)
    assert room.server.counts() == (0, 1)
    reply = await client.poll()
    assert reply["state"] == "assigned"
    assert reply["answers"] == ["", "", "", ""]
    assert len(reply["prompts"]) == 4 and all(
        p["title"] and p["guidance"] for p in reply["prompts"]
    )

    saved = await client.save(WORDS)
    assert saved["saved"] is True and saved["at"]
    assert statements(room, room.maja) == [tuple(WORDS)]
    (view,) = room.server.phones()
    assert view.last_saved == room.clock.now and view.writing


async def test_a_phone_is_never_told_anyone_else(room: Room) -> None:
    """Waiting or writing, a phone gets its own state: no list, no alias, no other words."""
    other = room.phone()
    await other.pair()
    room.server.assign(room.waiting(other), room.ali)
    client = room.phone()
    await client.pair()
    replies = [await client.poll()]
    room.server.assign(room.waiting(client), room.maja)
    replies += [await client.poll(), await client.save(WORDS)]
    replies.append(await other.poll())
    # Maja's phone: none of the aliases (her own words name her, and only those).
    text = json.dumps(replies[:-1], ensure_ascii=False).replace("Jeg hedder Maja.", "")
    assert not any(alias in text for alias in ("Maja", "Ali", "Sofie"))
    # Ali's phone: his own words, nobody else's name or words.
    text = json.dumps(replies[-1], ensure_ascii=False).replace("Jeg hedder Ali.", "")
    assert not any(word in text for word in ("Maja", "Ali", "Sofie", *WORDS))
    assert "Jeg hedder Ali." in json.dumps(replies[-1], ensure_ascii=False)  # Ali's own words
    assert "Jeg hedder Ali." not in json.dumps(replies[:-1], ensure_ascii=False)
    for reply in replies:
        assert set(reply) <= {"to", "seq", "state", "prompts", "answers", "version", "at",
                              "saved", "why"}  # fmt: skip


async def test_versions_first_save_new_later_update_no_change_nothing(room: Room) -> None:
    client = await room.assigned(room.ali)
    assert client.version and (await client.poll()).keys() >= {"state"}
    assert "answers" not in await client.poll()  # nothing new since: no words sent again
    before = statements(room, room.ali)
    await client.save(["Jeg hedder Ali.", "ro", "at sove bedre", "tegne"])
    assert len(statements(room, room.ali)) == len(before) + 1  # the first save: a new version
    await client.save(["Jeg hedder Ali.", "ro", "at sove bedre", "tegne hver dag"])
    after = statements(room, room.ali)
    assert len(after) == len(before) + 1  # later saves update it
    assert after[-1][3] == "tegne hver dag"
    changes = len(room.changes)
    reply = await client.save(list(after[-1]))
    assert reply["saved"] is True
    assert statements(room, room.ali) == after  # no change: nothing made
    assert len(room.changes) >= changes


async def test_words_saved_elsewhere_meanwhile_are_kept_as_a_version(room: Room) -> None:
    client = await room.assigned(room.ali)
    await client.save(["a", "b", "c", "d"])
    (statement,) = room.store.statements(room.group_id, room.ali)
    room.store.update_statement(room.group_id, statement.id, ["console", "b", "c", "d"])
    await client.save(["a", "b", "c", "phone"])  # from the version it loaded: not the current
    history = statements(room, room.ali)
    assert history[-2][0] == "console" and history[-1][3] == "phone"


async def test_last_words_ride_along_with_bye(room: Room) -> None:
    client = await room.assigned(room.maja)
    reply = await client.save(WORDS, kind="bye")
    assert reply["saved"] is True
    assert statements(room, room.maja) == [tuple(WORDS)]


async def test_store_refusal_comes_back_as_its_sentence(room: Room) -> None:
    client = await room.assigned(room.maja)
    reply = await client.save(["Mit cpr er 010190-1234", "", "", ""])
    assert reply["saved"] is False and reply["why"]
    assert "010190" not in reply["why"]
    assert statements(room, room.maja) == []
    too_long = await client.save(["x" * (ANSWER_MAX + 1), "", "", ""])
    assert too_long["saved"] is False and str(ANSWER_MAX) in too_long["why"]


async def test_writing_goes_quiet_after_twenty_seconds(room: Room) -> None:
    client = await room.assigned(room.maja)
    await client.poll(typing=True)
    assert room.server.phones()[0].writing
    room.clock.advance(seconds=21)
    assert not room.server.phones()[0].writing


# ------------------------------------------------------------------ the console's refusals


async def test_participant_without_consent_cannot_be_assigned(room: Room) -> None:
    client = room.phone()
    await client.pair()
    with pytest.raises(PhoneError) as refused:
        room.server.assign(room.waiting(client), room.sofie)
    assert "Sofie" not in str(refused.value)
    assert (await client.poll())["state"] == "waiting"


async def test_one_phone_per_participant(room: Room) -> None:
    await room.assigned(room.maja)
    second = room.phone()
    await second.pair()
    with pytest.raises(PhoneError):
        room.server.assign(room.waiting(second), room.maja)


async def test_read_only_store_cannot_take_a_phone(room: Room) -> None:
    with open_store(room.store.data_dir, read_only=True) as reader:
        server = PhoneServer(reader, room.group_id, host="127.0.0.1")
        await server.start()
        try:
            async with aiohttp.ClientSession() as session:
                client = PhoneClient(session, server.url)
                await client.pair()
                (view,) = server.phones()
                with pytest.raises(PhoneError):
                    server.assign(view.id, room.maja)
        finally:
            await server.stop()


async def test_port_taken_is_a_calm_error(room: Room) -> None:
    other = PhoneServer(room.store, room.group_id, host="127.0.0.1", port=room.server.port)
    with pytest.raises(PhoneError):
        await other.start()
    assert not other.running


# ------------------------------------------------------------------ every defence: nothing


async def test_wrong_host_gets_421_and_nothing(room: Room) -> None:
    for host in ("evil.example.test", f"localhost:{room.server.port}", "127.0.0.1", ""):
        async with room.session.get(room.server.url, headers={"Host": host}) as response:
            assert response.status == 421
            assert await response.read() == b""
    client = room.phone()
    answer = await client.post("/pair", {"commit": "x"}, headers={"Host": "rebound.test"})
    assert answer.status == 421 and answer.body == b""
    assert room.server.phones() == []


async def test_foreign_origin_gets_nothing(room: Room) -> None:
    client = room.phone()
    commit = protocol.b64encode(protocol.commitment(client.public))
    answer = await client.post(
        "/pair", {"commit": commit}, headers={"Origin": "http://attacker.test"}
    )
    assert answer.status == 403 and answer.body == b""


async def test_oversized_body_gets_413_and_nothing(room: Room) -> None:
    client = await room.assigned(room.maja)
    box = client.seal({"type": "save", "answers": ["x" * BODY_MAX] * 4, "version": None})
    answer = await client.raw(box)
    assert answer.status == 413 and answer.body == b""

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit holds while reading
        for _ in range(BODY_MAX // 10_000 + 2):
            yield b" " * 10_000

    answer = await client.post("/msg", None, data=chunks())
    assert answer.status == 413 and answer.body == b""
    assert statements(room, room.maja) == []


async def test_the_largest_real_save_fits(room: Room) -> None:
    """Four answers at the limit, each character the worst JSON can make of it."""
    client = await room.assigned(room.maja)
    box = client.seal({"type": "save", "answers": ["\x01" * ANSWER_MAX] * 4, "version": None})
    assert len(json.dumps(box)) > ANSWER_MAX * 4 * 6  # as large as a real save gets
    answer = await client.raw(box)
    assert answer.status == 200  # read and answered (the store cleans control characters)


async def test_unpaired_and_unknown_clients_get_403_and_nothing(room: Room) -> None:
    client = room.phone()
    await client.hello()  # said hello but never revealed its key
    channel = protocol.Channel(client.key, client.server_pk, "phone")
    box = {"id": client.id, **channel.seal({"type": "poll"})}
    answer = await client.raw(box)
    assert answer.status == 403 and answer.body == b""
    answer = await client.raw({**box, "id": "not-a-phone"})
    assert answer.status == 403 and answer.body == b""
    for junk in (b"{}", b"[]", b"not json", b'{"id": 5, "n": [], "c": null}'):
        answer = await client.post("/msg", None, data=junk)
        assert answer.status in (400, 403) and answer.body == b""
    answer = await client.post("/msg", None, data=json.dumps(box).encode(),
                               headers={"Content-Type": "text/plain"})  # fmt: skip
    assert answer.status == 415 and answer.body == b""


async def test_a_wrong_reveal_ends_the_pairing(room: Room) -> None:
    client = room.phone()
    await client.hello()
    impostor = protocol.b64encode(bytes(32))
    answer = await client.post("/reveal", {"id": client.id, "phone_pk": impostor})
    assert answer.status == 403 and answer.body == b""
    assert (await client.reveal()).status == 403  # and the right key is too late now
    assert room.server.phones() == []


async def test_a_reveal_cannot_be_made_twice(room: Room) -> None:
    client = room.phone()
    await client.pair()
    assert (await client.reveal()).status == 403


async def test_replayed_message_gets_403_and_nothing(room: Room) -> None:
    client = await room.assigned(room.maja)
    await client.save(WORDS)
    replayed = dict(client.last_sent)
    await client.save(["später", "", "", ""])
    answer = await client.raw(replayed)
    assert answer.status == 403 and answer.body == b""
    assert statements(room, room.maja)[-1][0] == "später"


async def test_forged_message_gets_403(room: Room) -> None:
    client = await room.assigned(room.maja)
    box = client.seal({"type": "poll"})
    cipher = bytearray(protocol.b64decode(box["c"]))
    cipher[-1] ^= 1
    answer = await client.raw({**box, "c": protocol.b64encode(bytes(cipher))})
    assert answer.status == 403 and answer.body == b""
    # a message sealed for the phone, sent back to the console: refused
    other = await room.assigned(room.ali)
    assert other.channel is not None
    other.channel.side, other.channel.peer = "console", "phone"
    answer = await other.raw(other.seal({"type": "poll"}))
    assert answer.status == 403


async def test_a_reply_cannot_be_replayed_to_the_phone(room: Room) -> None:
    client = await room.assigned(room.maja)
    answer = await client.raw(client.seal({"type": "poll", "version": client.version}))
    reply = answer.json()
    assert client.channel is not None
    client.channel.open(reply["n"], reply["c"])
    with pytest.raises(protocol.ProtocolError):
        client.channel.open(reply["n"], reply["c"])


async def test_ended_phone_gets_403_and_nothing(room: Room) -> None:
    client = await room.assigned(room.maja)
    view = room.server.phones()[0]
    room.server.end(view.id)
    answer = await client.raw(client.seal({"type": "save", "answers": WORDS, "version": None}))
    assert answer.status == 403 and answer.body == b""
    assert statements(room, room.maja) == []
    (ended,) = room.server.phones()
    assert ended.state == "ended" and room.server.counts() == (0, 0)
    with pytest.raises(PhoneError):
        room.server.assign(view.id, room.maja)


async def test_a_phone_reads_only_its_own_participant(room: Room) -> None:
    maja = await room.assigned(room.maja)
    ali = await room.assigned(room.ali)
    # Ids are random and long; the participant is chosen by the console, never by the phone.
    assert len({maja.id, ali.id}) == 2 and min(len(maja.id), len(ali.id)) >= 22
    reply = await maja.send({"type": "poll", "participant": room.ali, "statement": "x"})
    assert reply["answers"] == ["", "", "", ""]
    await maja.save(WORDS)
    assert statements(room, room.maja) == [tuple(WORDS)]
    assert statements(room, room.ali)[-1][0] == "Jeg hedder Ali."
    # Maja's key cannot speak for Ali's phone.
    assert maja.channel is not None
    answer = await maja.raw({"id": ali.id, **maja.channel.seal({"type": "poll"})})
    assert answer.status == 403


async def test_pairing_flood_is_rate_limited(room: Room) -> None:
    statuses = [(await room.phone().hello()).status for _ in range(20)]
    assert statuses.count(200) <= 6 and statuses[-1] == 429
    room.clock.advance(minutes=2)
    assert (await room.phone().hello()).status == 200  # a minute later, one more may try


async def test_at_most_thirty_phones_wait(room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("peertui.phones.server.PAIR_PER_ADDRESS", 1000)
    monkeypatch.setattr("peertui.phones.server.PAIR_IN_TOTAL", 1000)
    statuses = [(await room.phone().hello()).status for _ in range(PENDING_MAX + 5)]
    assert statuses.count(200) == PENDING_MAX and statuses[-1] == 429
    room.clock.advance(minutes=3)  # those that never revealed are forgotten
    assert (await room.phone().hello()).status == 200


# ------------------------------------------------------------------ time


async def test_idle_expiry_with_the_injected_clock(room: Room) -> None:
    assert not room.server.expired()
    room.clock.advance(minutes=29)
    client = room.phone()
    await client.pair()  # a phone pairing is use
    room.clock.advance(minutes=29)
    assert not room.server.expired()
    assert room.server.idle_since() == room.clock.now - timedelta(minutes=29)
    await client.poll()  # a page only left open is not
    room.clock.advance(minutes=1)
    assert room.server.expired()
    room.server.assign(room.waiting(client), room.maja)  # the console's action is
    assert not room.server.expired()
    room.clock.advance(minutes=20)
    await client.poll(typing=True)  # typing is
    room.clock.advance(minutes=20)
    await client.save(["ord", "", "", ""])  # and saving
    room.clock.advance(minutes=29)
    assert not room.server.expired()
    room.clock.advance(minutes=1)
    assert room.server.expired()


async def test_reached_and_the_unreached_hint(room: Room) -> None:
    assert not room.server.reached() and not room.server.unreached_hint()
    room.clock.advance(minutes=3, seconds=1)
    assert room.server.unreached_hint()
    async with room.session.get(room.server.url) as response:
        assert response.status == 200
    assert room.server.reached() and not room.server.unreached_hint()


async def test_stop_ends_every_phone_and_is_idempotent(room: Room) -> None:
    client = await room.assigned(room.maja)
    url = room.server.url
    await room.server.stop()
    await room.server.stop()
    assert not room.server.running
    assert all(v.state == "ended" for v in room.server.phones())
    with pytest.raises(aiohttp.ClientError):
        await client.session.get(url)
