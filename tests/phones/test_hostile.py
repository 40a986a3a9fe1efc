"""The phone server against an attacker on the same Wi-Fi and a careless or hostile phone:
odd Host headers and request targets, every method on every route, path tricks, bodies of
every wrong shape, slow and many connections, replays and reflections, a participant who
leaves while a phone writes, a full disk, and what reaches the logs. Each way in gets nothing
(an empty answer with the usual headers) or a calm refusal. Every connection is to
127.0.0.1 (or another loopback address), few in number and bounded in time."""

from __future__ import annotations

import asyncio
import errno
import json
import logging
import os
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from nacl.public import Box, PublicKey
from nacl.utils import random as random_bytes

from peertui.phones import protocol, server
from peertui.phones.server import SECURITY_HEADERS, PhoneServer, authority
from peertui.store import files as storage
from peertui.store.schema import ANSWER_MAX
from peertui.store.text import clean

from .client import PhoneClient
from .conftest import Room
from .test_server import WORDS, statements

BOUND = 5.0  # seconds: no single exchange here may take longer


# ------------------------------------------------------------------ raw HTTP


async def raw(
    port: int, request: bytes, *, host: str = "127.0.0.1"
) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are, read the answer to the end: (status, headers, body)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), BOUND)
    finally:
        writer.close()
    head, _sep, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _colon, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def request(method: str, target: str, host: str | None, *extra: str, body: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += [*extra, "Connection: close"]
    if body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def has_our_headers(headers: dict[str, str]) -> bool:
    return all(headers.get(k.lower()) == v for k, v in SECURITY_HEADERS.items()) and (
        "set-cookie" not in headers
    )


def nothing(status: int, headers: dict[str, str], body: bytes, expected: int) -> None:
    assert status == expected, status
    assert body == b""
    assert has_our_headers(headers)
    assert not any(k.startswith("access-control-") for k in headers)


def sealed_raw(client: PhoneClient, plain: bytes) -> dict[str, str]:
    """A box the phone's key really sealed, around any plaintext at all."""
    box = Box(client.key, PublicKey(client.server_pk))
    nonce = random_bytes(protocol.NONCE_BYTES)
    cipher = box.encrypt(plain, nonce).ciphertext
    return {"id": client.id, "n": protocol.b64encode(nonce), "c": protocol.b64encode(cipher)}


def sealed(client: PhoneClient, message: dict[str, Any]) -> dict[str, str]:
    return sealed_raw(client, json.dumps(message).encode())


# ------------------------------------------------------------------ Host, target, Origin


async def test_host_header_variants_get_421_and_nothing(room: Room) -> None:
    port = room.server.port
    hosts = [
        f"127.0.0.1.:{port}",  # trailing dot
        f"user@127.0.0.1:{port}",  # userinfo
        f"127.0.0.1 :{port}",
        f"127.0.0.1:{port}.",
        f"127.0.0.1:0{port}",
        f"127.0.0.1:{port}:{port}",
        f"[::ffff:127.0.0.1]:{port}",  # IPv6 forms of the same address
        f"[::1]:{port}",
        f"LOCALHOST:{port}",
        f"127.1:{port}",
        f"2130706433:{port}",
        f"0x7f.0.0.1:{port}",
        f"evil.test:{port}",
        "127.0.0.1",
        "",
    ]
    commit = json.dumps({"commit": protocol.b64encode(bytes(64))}).encode()
    for host in hosts:
        nothing(*await raw(port, request("GET", "/", host)), 421)
        post = request("POST", "/pair", host, "Content-Type: application/json", body=commit)
        nothing(*await raw(port, post), 421)
    assert room.server.phones() == [] and room.server._pending() == 0


async def test_the_host_with_spaces_around_it_is_the_same_host(room: Room) -> None:
    """HTTP drops the blanks around a header's value: it is the announced Host itself."""
    port = room.server.port
    status, headers, body = await raw(port, request("GET", "/", f"127.0.0.1:{port}   "))
    assert status == 200 and has_our_headers(headers) and body.startswith(b"<!doctype html>")


async def test_missing_or_duplicate_host_gets_no_page(room: Room) -> None:
    port = room.server.port
    ours = f"127.0.0.1:{port}"
    # HTTP/1.0 may leave it out: refused by us. HTTP/1.1 must send it: refused by aiohttp.
    nothing(*await raw(port, b"GET / HTTP/1.0\r\n\r\n"), 421)
    status, _headers, body = await raw(port, b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert status == 400 and b"<html" not in body
    for pair in ((ours, "evil.test"), ("evil.test", ours), (ours, ours)):
        status, _headers, body = await raw(port, request("GET", "/", pair[0], f"Host: {pair[1]}"))
        assert status == 400 and b"<html" not in body and b"nacl" not in body


async def test_absolute_form_targets_get_421(room: Room) -> None:
    port = room.server.port
    ours = f"127.0.0.1:{port}"
    commit = json.dumps({"commit": protocol.b64encode(bytes(64))}).encode()
    for target in ("http://evil.test/pair", f"http://{ours}/pair", f"http://x@{ours}/pair"):
        post = request("POST", target, ours, "Content-Type: application/json", body=commit)
        nothing(*await raw(port, post), 421)
    nothing(*await raw(port, request("GET", "http://evil.test/", ours)), 421)
    status, _headers, body = await raw(port, request("CONNECT", ours, ours))
    assert status >= 400 and b"<html" not in body
    assert room.server._pending() == 0


async def test_foreign_origins_get_403(room: Room) -> None:
    port = room.server.port
    client = room.phone()
    commit = {"commit": protocol.b64encode(protocol.commitment(client.public))}
    for origin in (
        "null",
        f"http://127.0.0.1:{port + 1 if port < 65535 else port - 1}",
        f"https://127.0.0.1:{port}",
        f"http://127.0.0.1:{port}/",
        f"http://localhost:{port}",
        "http://evil.test",
    ):
        answer = await client.post("/pair", commit, headers={"Origin": origin})
        assert answer.status == 403 and answer.body == b"", origin
        assert has_our_headers({k.lower(): v for k, v in answer.headers.items()})
    assert room.server._pending() == 0


# ------------------------------------------------------------------ routes and methods


ROUTES_GET = ("/", "/nacl.js", "/phone.css", "/phone.js")
ROUTES_POST = ("/pair", "/reveal", "/msg")


async def test_every_other_method_on_every_route_gets_nothing(room: Room) -> None:
    port = room.server.port
    ours = f"127.0.0.1:{port}"
    preflight = (
        f"Origin: http://evil.test:{port}",
        "Access-Control-Request-Method: POST",
        "Access-Control-Request-Headers: content-type",
    )
    for path in ROUTES_GET + ROUTES_POST:
        wrong = ["OPTIONS", "PUT", "DELETE", "PATCH", "TRACE"]
        wrong += ["GET", "HEAD"] if path in ROUTES_POST else ["POST"]
        for method in wrong:
            status, headers, body = await raw(port, request(method, path, ours, *preflight))
            assert status in (403, 405), (method, path)  # a foreign Origin: 403 first
            assert body == b"" and has_our_headers(headers)
            assert not any(k.startswith("access-control-") for k in headers)
        # and a preflight from our own page is not answered either: the page never needs one
        status, headers, body = await raw(port, request("OPTIONS", path, ours))
        nothing(status, headers, body, 405)
    for path in ROUTES_GET:
        status, headers, body = await raw(port, request("HEAD", path, ours))
        assert status == 200 and body == b"" and has_our_headers(headers)


async def test_paths_outside_the_four_files_get_an_empty_404(room: Room) -> None:
    port = room.server.port
    ours = f"127.0.0.1:{port}"
    paths = [
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/phone.js/..%2fserver.py",
        "/../server.py",
        "/static/phone.js",
        "/static/../server.py",
        "/vendor/tweetnacl/nacl-fast.min.js",
        "/vendor/tweetnacl/LICENSE",
        "/index.html",
        "/server.py",
        "/phone.js%00.css",
        "/phone.js/",
        "//phone.js",
        "/nacl.js/../../etc/passwd",
        "/%5c..%5cserver.py",
        "/.git/config",
        "/favicon.ico",
        "/robots.txt",
        "/msg/x",
    ]
    for path in paths:
        status, headers, body = await raw(port, request("GET", path, ours))
        assert status in (404, 400), (path, status)
        assert body == b"" and has_our_headers(headers), path
    # A dot segment the URL parser removes leads back to a route of ours, never further.
    status, headers, body = await raw(port, request("GET", "/phone.js/..", ours))
    assert status in (200, 404) and b"root:" not in body and has_our_headers(headers)
    status, _h, body = await raw(port, request("GET", "/phone%2Ejs", ours))
    assert status == 200 and body == (server.STATIC / "phone.js").read_bytes()


# ------------------------------------------------------------------ bodies


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


JUNK_BODIES = [
    b"",
    b"not json",
    b"\xff\xfe\x00",
    b"[]",
    b"[1, 2, 3]",
    b"42",
    b'"text"',
    b"null",
    b"true",
    b"NaN",
    deep(10_000),
    b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    b'{"commit": ' + b"9" * 5_000 + b"}",  # beyond Python's int digits: refused while parsing
    b'{"commit": 1e400}',
    b'{"commit": NaN}',
    b'{"commit": null}',
    b'{"commit": ["AAAA"]}',
    b'{"commit": {"$ne": 1}}',
    b'{"id": ' + b"1" * 4000 + b', "phone_pk": true}',
    b'{"id": ["x"], "n": 1.5, "c": true}',
]


def b64_variants(size: int) -> list[str]:
    """Wrong encodings of ``size`` bytes (and right encodings of the wrong size)."""
    data = bytes(range(251, 256)) * (size // 5 + 1)
    good = protocol.b64encode(data[:size])
    last = good.rstrip("=")[-1]
    stray = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    other_bits = stray[stray.index(last) ^ 1]  # the same bytes, a different unused bit
    padded = good.endswith("=")  # only then does the last character have unused bits
    variants = [
        good.rstrip("=")[:-1] + other_bits + "=" * (len(good) - len(good.rstrip("=")))
        if padded
        else good,
        good[:10] + " " + good[10:],
        good[:10] + "\n" + good[10:],
        good + "\n",
        " " + good,
        good.replace("+", "-").replace("/", "_"),  # urlsafe
        good.rstrip("="),
        good + "==",
        good + "=",
        "=" + good,
        good[:-4] + "====",
        protocol.b64encode(data[: size - 1]),
        protocol.b64encode(data[: size + 1]),
        "",
        "é" * 8,
    ]
    return [v for v in variants if v != good]


async def test_junk_bodies_get_an_empty_400_or_403(room: Room) -> None:
    client = room.phone()
    for path in ROUTES_POST:
        for body in JUNK_BODIES:
            answer = await client.post(path, None, data=body)
            assert answer.status in (400, 403), (path, body[:40], answer.status)
            assert answer.body == b""
    for commit in b64_variants(protocol.COMMIT_BYTES):
        answer = await client.post("/pair", {"commit": commit})
        assert answer.status == 403 and answer.body == b"", commit
    assert room.server._pending() == 0
    await client.hello()
    for key in b64_variants(protocol.KEY_BYTES):
        answer = await client.post("/reveal", {"id": client.id, "phone_pk": key})
        assert answer.status == 403 and answer.body == b""
        break  # the first wrong reveal ends this pairing: the rest would be unknown ids
    assert room.server.phones() == []


async def test_junk_inside_a_real_box_gets_403_and_the_phone_goes_on(room: Room) -> None:
    """Sealed with the phone's own key (so the crypto passes): wrong JSON, wrong seq, wrong
    'to', nesting too deep. Each gets an empty 403; the phone still works afterwards."""
    client = await room.assigned(room.maja)
    assert client.channel is not None
    n = client.channel.sent
    plains = [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[1]",
        deep(10_000),
        b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
        json.dumps({"type": "poll", "to": "console"}).encode(),  # no seq
        json.dumps({"type": "poll", "to": "phone", "seq": n + 1}).encode(),  # for the phone
        json.dumps({"type": "poll", "seq": n + 1}).encode(),  # no "to"
        b'{"type": "poll", "to": "console", "seq": NaN}',
        b'{"type": "poll", "to": "console", "seq": Infinity}',
        b'{"type": "poll", "to": "console", "seq": ' + b"9" * 5000 + b"}",
    ]
    for seq in (float(n + 1), True, str(n + 1), -1, 0, protocol.SEQ_MAX + 1, 2**64, [n + 1]):
        plains.append(json.dumps({"type": "poll", "to": "console", "seq": seq}).encode())
    for plain in plains:
        answer = await client.raw(sealed_raw(client, plain))
        assert answer.status == 403 and answer.body == b"", plain[:60]
    # wrong shapes of a save, with a good seq: refused, nothing stored
    seq = n
    for answers in (None, "text", ["a"] * 3, ["a"] * 5, [1, 2, 3, 4], [["a"], "", "", ""]):
        seq += 1
        box = sealed(client, {"type": "save", "answers": answers, "to": "console", "seq": seq})
        answer = await client.raw(box)
        assert answer.status == 403 and answer.body == b""
    seq += 1
    box = sealed(client, {"type": "hack", "to": "console", "seq": seq})
    assert (await client.raw(box)).status == 403
    assert statements(room, room.maja) == []
    client.channel.sent = seq  # the phone goes on from the highest seq it used
    assert (await client.save(WORDS))["saved"] is True
    assert statements(room, room.maja) == [tuple(WORDS)]


async def test_broken_nonces_and_ciphertexts_get_403(room: Room) -> None:
    client = await room.assigned(room.maja)
    box = client.seal({"type": "poll"})
    for nonce in b64_variants(protocol.NONCE_BYTES):
        answer = await client.raw({**box, "n": nonce})
        assert answer.status == 403 and answer.body == b""
    for cipher in ("", protocol.b64encode(bytes(15)), protocol.b64encode(bytes(16)), "!!!!"):
        answer = await client.raw({**box, "c": cipher})
        assert answer.status == 403 and answer.body == b""
    for extra in ({"n": None}, {"c": None}, {"n": 5}, {"c": ["x"]}, {"id": None}):
        assert (await client.raw({**box, **extra})).status in (400, 403)
    answer = await client.raw(box)  # the real one was never spent: it still works
    assert answer.status == 200


async def test_a_body_that_arrives_slowly_gets_408_in_time(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "BODY_SECONDS", 0.5)
    port = room.server.port
    head = request("POST", "/pair", f"127.0.0.1:{port}", "Content-Type: application/json")
    head = head.replace(b"Content-Length: 0", b"Content-Length: 200")
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    try:
        writer.write(head + b'{"commit": "')  # and then nothing more
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), BOUND)
    finally:
        writer.close()
    assert time.monotonic() - started < 3
    assert data.startswith(b"HTTP/1.1 408") and data.endswith(b"\r\n\r\n")
    assert room.server._pending() == 0


async def test_the_largest_body_chunked_without_length_is_refused(room: Room) -> None:
    client = room.phone()

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"commit": "'
        for _ in range(server.BODY_MAX // 8192 + 2):
            yield b"A" * 8192

    answer = await client.post("/pair", None, data=chunks())
    assert answer.status == 413 and answer.body == b""


# ------------------------------------------------------------------ connections


@asynccontextmanager
async def another_server(room: Room) -> AsyncIterator[PhoneServer]:
    """A second server of the room's group, started after the test's own settings."""
    other = PhoneServer(room.store, room.group_id, host="127.0.0.1", clock=room.clock)
    await other.start()
    try:
        yield other
    finally:
        await other.stop()


async def test_a_connection_that_never_finishes_its_request_is_closed(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "KEEPALIVE_SECONDS", 0.5)
    async with another_server(room) as quick:
        reader, writer = await asyncio.open_connection("127.0.0.1", quick.port)
        started = time.monotonic()
        try:
            writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")  # half a header, then silence
            await writer.drain()
            data = await asyncio.wait_for(reader.read(), BOUND)
        finally:
            writer.close()
    assert data == b"" and time.monotonic() - started < 3


async def test_many_connections_at_once_are_bounded(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond CONNECTIONS_MAX a connection is closed at once; when the flood goes, a phone
    pairs as before."""
    monkeypatch.setattr(server, "CONNECTIONS_MAX", 8)
    async with another_server(room) as quick:
        await flood(quick)


async def flood(quick: PhoneServer) -> None:
    port = quick.port
    opened = [await asyncio.open_connection("127.0.0.1", port) for _ in range(12)]
    try:
        await asyncio.sleep(0.1)
        closed = 0
        for reader, _writer in opened:
            try:
                data = await asyncio.wait_for(reader.read(1), 0.2)
            except TimeoutError:
                continue  # still open, waiting for a request
            except ConnectionError:
                data = b""
            closed += data == b""
        assert closed == len(opened) - server.CONNECTIONS_MAX
    finally:
        for _reader, writer in opened:
            writer.close()
    await asyncio.sleep(0.1)
    async with aiohttp.ClientSession() as session:
        phone = PhoneClient(session, quick.url)
        await asyncio.wait_for(phone.pair(), BOUND)


async def test_twenty_phones_at_once_are_all_answered(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "PAIR_PER_ADDRESS", 100)
    phones = [room.phone() for _ in range(20)]
    codes = await asyncio.wait_for(asyncio.gather(*(p.pair() for p in phones)), BOUND * 2)
    assert len(room.server.phones()) == 20 and all(codes)
    replies = await asyncio.gather(*(p.poll() for p in phones))
    assert all(r["state"] == "waiting" for r in replies)


async def test_stop_is_quick_with_a_request_half_sent(room: Room) -> None:
    port = room.server.port
    head = request("POST", "/msg", f"127.0.0.1:{port}", "Content-Type: application/json")
    _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head.replace(b"Content-Length: 0", b"Content-Length: 500") + b"{")
    await writer.drain()
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await asyncio.wait_for(room.server.stop(), BOUND)
    assert time.monotonic() - started < 3
    writer.close()


# ------------------------------------------------------------------ the protocol


async def test_a_reply_sent_back_to_the_console_gets_403(room: Room) -> None:
    """The box is the same key both ways; the 'to' inside tells them apart."""
    client = await room.assigned(room.maja)
    answer = await client.raw(client.seal({"type": "poll", "version": client.version}))
    reply = answer.json()
    reflected = await client.raw({"id": client.id, "n": reply["n"], "c": reply["c"]})
    assert reflected.status == 403 and reflected.body == b""


async def test_seq_may_skip_ahead_but_never_go_back(room: Room) -> None:
    client = await room.assigned(room.maja)
    assert client.channel is not None
    client.channel.sent = 1000  # skipping ahead: fine
    assert (await client.poll())["state"] == "assigned"
    for seq in (1000, 999, 1, 0):
        box = sealed(client, {"type": "poll", "to": "console", "seq": seq})
        assert (await client.raw(box)).status == 403
    client.channel.sent = protocol.SEQ_MAX - 1  # the last number there is
    assert (await client.poll())["state"] == "assigned"
    box = sealed(client, {"type": "poll", "to": "console", "seq": protocol.SEQ_MAX + 1})
    assert (await client.raw(box)).status == 403  # beyond it: nothing (a new pairing is needed)


async def test_a_message_of_phone_a_under_phone_bs_id_gets_403(room: Room) -> None:
    maja = await room.assigned(room.maja)
    ali = await room.assigned(room.ali)
    box = maja.seal({"type": "save", "answers": WORDS, "version": None})
    assert (await maja.raw({**box, "id": ali.id})).status == 403
    assert statements(room, room.ali)[-1][0] == "Jeg hedder Ali."
    # neither phone was harmed: Ali goes on, and Maja's box (never spent) still saves hers
    assert (await ali.poll())["state"] == "assigned"
    assert (await maja.raw(box)).status == 200
    assert statements(room, room.maja) == [tuple(WORDS)]


async def test_a_second_reveal_cannot_end_or_rekey_a_waiting_phone(room: Room) -> None:
    """Ids travel in the clear: someone who saw one cannot end the pairing or swap the key."""
    client = room.phone()
    await client.pair()
    stranger = room.phone()
    for key in (stranger.public, client.public, bytes(32)):
        answer = await stranger.post(
            "/reveal", {"id": client.id, "phone_pk": protocol.b64encode(key)}
        )
        assert answer.status == 403 and answer.body == b""
    (view,) = room.server.phones()
    assert view.state == "waiting" and view.code == client.code
    assert (await client.poll())["state"] == "waiting"


async def test_a_wrong_reveal_is_the_end_of_that_pairing(room: Room) -> None:
    client = room.phone()
    await client.hello()
    stranger = room.phone()
    answer = await stranger.post(
        "/reveal", {"id": client.id, "phone_pk": protocol.b64encode(stranger.public)}
    )
    assert answer.status == 403
    assert (await client.reveal()).status == 403
    assert (
        await client.raw(sealed(client, {"type": "poll", "to": "console", "seq": 1}))
    ).status == 403
    assert room.server.phones() == [] and room.server._pending() == 0


async def test_forwarded_headers_do_not_escape_the_rate_limit(room: Room) -> None:
    statuses = []
    for i in range(12):
        spoof = {
            "X-Forwarded-For": f"10.0.0.{i}",
            "Forwarded": f"for=10.0.1.{i}",
            "X-Real-IP": f"10.0.2.{i}",
            "Client-IP": f"10.0.3.{i}",
        }
        client = room.phone()
        commit = protocol.b64encode(protocol.commitment(client.public))
        statuses.append((await client.post("/pair", {"commit": commit}, headers=spoof)).status)
    assert statuses.count(200) == server.PAIR_PER_ADDRESS
    assert set(statuses[server.PAIR_PER_ADDRESS :]) == {429}


async def test_pairing_from_many_addresses_meets_the_total_limit(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eleven loopback addresses, six tries each: sixty pair, and the rest wait a minute."""
    monkeypatch.setattr(server, "PENDING_MAX", 1000)
    statuses: list[int] = []
    for last in range(2, 13):
        connector = aiohttp.TCPConnector(local_addr=(f"127.0.0.{last}", 0))
        async with aiohttp.ClientSession(connector=connector) as session:
            for _ in range(server.PAIR_PER_ADDRESS):
                statuses.append((await PhoneClient(session, room.server.url).hello()).status)
    assert statuses.count(200) == server.PAIR_IN_TOTAL
    assert statuses[server.PAIR_IN_TOTAL :] == [429] * (len(statuses) - server.PAIR_IN_TOTAL)
    assert {p.remote for p in room.server._phones.values()} == {
        f"127.0.0.{n}" for n in range(2, 12)
    }


async def test_guessed_ids_get_403(room: Room) -> None:
    real = await room.assigned(room.maja)
    guesser = room.phone()
    await guesser.pair()
    assert guesser.channel is not None
    ids = {real.id, guesser.id}
    assert all(len(i) >= 24 for i in ids)  # 18 random bytes: 144 bits
    for _ in range(30):
        guess = secrets.token_urlsafe(18)
        box = {"id": guess, **guesser.channel.seal({"type": "poll"})}
        assert (await guesser.raw(box)).status == 403
    for near in (real.id[:-1], real.id + "A", real.id.upper(), real.id.lower(), f" {real.id}"):
        if near != real.id:
            box = {"id": near, **guesser.channel.seal({"type": "poll"})}
            assert (await guesser.raw(box)).status == 403


# ------------------------------------------------------------------ the domain


async def _ended_on_next_save(room: Room, client: PhoneClient) -> None:
    reply = await client.save(["efter", "", "", ""])
    assert reply == {"to": "phone", "seq": reply["seq"], "state": "ended", "saved": False}
    view = [v for v in room.server.phones() if v.id == client.id]
    assert [v.state for v in view] == ["ended"]
    assert (await client.raw(client.seal({"type": "poll"}))).status == 403


async def test_consent_withdrawn_while_writing_ends_the_phone_and_stores_nothing(
    room: Room,
) -> None:
    client = await room.assigned(room.maja)
    await client.save(WORDS)
    room.store.withdraw_consent(room.group_id, room.maja, "store_statement")
    assert room.store.statements(room.group_id, room.maja) == []  # erased by the store
    await _ended_on_next_save(room, client)
    assert statements(room, room.maja) == []
    assert room.server.counts() == (0, 0)


async def test_consent_withdrawn_ends_the_phone_on_its_next_poll(room: Room) -> None:
    client = await room.assigned(room.ali)
    room.store.withdraw_consent(room.group_id, room.ali, "store_statement")
    changes = len(room.changes)
    reply = await client.poll()
    assert reply["state"] == "ended" and "answers" not in reply and "prompts" not in reply
    assert len(room.changes) > changes  # the console hears of it
    # Consent given again later is not this phone's: it stays ended.
    room.store.give_consent(room.group_id, room.ali, "store_statement")
    assert (await client.raw(client.seal({"type": "save", "answers": WORDS}))).status == 403
    assert statements(room, room.ali) == []


async def test_participant_forgotten_while_writing_ends_the_phone(room: Room) -> None:
    client = await room.assigned(room.maja)
    await client.save(WORDS)
    room.store.forget_participant(room.group_id, room.maja)
    await _ended_on_next_save(room, client)
    assert room.store.statements(room.group_id) == [
        s for s in room.store.statements(room.group_id) if s.participant != room.maja
    ]
    assert all(s.participant != room.maja for s in room.store.statements(room.group_id))


async def test_group_deleted_while_writing_ends_the_phone(room: Room) -> None:
    client = await room.assigned(room.maja)
    room.store.delete_group(room.group_id)
    await _ended_on_next_save(room, client)
    assert [g.id for g in room.store.groups()] == []


async def test_statement_deleted_on_the_console_while_writing(room: Room) -> None:
    """The phone is not stuck on a statement that is gone: it is told the current words
    (none), and its next save makes a new statement."""
    client = await room.assigned(room.ali)
    (statement,) = room.store.statements(room.group_id, room.ali)
    room.store.delete_statement(room.group_id, statement.id)
    reply = await client.poll()
    assert reply["state"] == "assigned" and reply["answers"] == ["", "", "", ""]
    assert "problem" not in reply
    assert (await client.save(WORDS))["saved"] is True
    assert statements(room, room.ali) == [tuple(WORDS)]


async def test_a_full_disk_is_not_saved_and_the_phone_may_send_again(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = await room.assigned(room.maja)
    await client.save(["første", "", "", ""])
    before = (room.store.data_dir / "groups" / f"{room.group_id}.json").read_bytes()

    def full(fd: int, payload: bytes) -> None:
        os.write(fd, payload[: len(payload) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "_write_all", full)
    reply = await client.save(WORDS)
    assert reply["saved"] is False and reply["retry"] is True and reply["state"] == "assigned"
    assert reply["why"] and room.group_id not in reply["why"] and ".json" not in reply["why"]
    assert not any(word in reply["why"] for word in WORDS)
    assert (room.store.data_dir / "groups" / f"{room.group_id}.json").read_bytes() == before
    # The console is told, in the store's own sentence (for the facilitator), never the words.
    (view,) = [v for v in room.server.phones() if v.participant_id == room.maja]
    assert view.problem and not any(word in view.problem for word in WORDS)
    monkeypatch.undo()
    again = await client.save(WORDS)  # the same words, sent again
    assert again["saved"] is True
    assert [v.problem for v in room.server.phones()] == [""]
    assert statements(room, room.maja)[-1] == tuple(WORDS)


async def test_the_stores_own_rules_hold_for_phones(room: Room) -> None:
    client = await room.assigned(room.maja)
    for cpr in ("0101901234", "010190 1234", "010190-\u200b1234", "0101 90-1234"):
        reply = await client.save([f"nummer {cpr}", "", "", ""])
        assert reply["saved"] is False and reply["why"] and "1234" not in reply["why"], cpr
    # One field over the limit: nothing of the other three is stored either.
    reply = await client.save(["god", "god", "god", "x" * (ANSWER_MAX + 1)])
    assert reply["saved"] is False and str(ANSWER_MAX) in reply["why"]
    assert statements(room, room.maja) == []
    # Control characters: cleaned by the store, as any text is; none reaches the file.
    dirty = "a\x00b\x1b[31mc\x07d\x7f\u009be\ud800f"  # a lone surrogate, too
    assert client.channel is not None
    client.channel.sent += 1
    save = {"type": "save", "answers": [dirty, "ok", "", ""], "version": client.version}
    answer = await client.raw(sealed(client, {**save, "to": "console", "seq": client.channel.sent}))
    reply = client.channel.open(answer.json()["n"], answer.json()["c"])
    assert reply["saved"] is True
    assert statements(room, room.maja) == [(clean(dirty), "ok", "", "")]
    assert clean(dirty) == "ab[31mcdef"


async def test_no_reply_ever_names_anyone_or_holds_others_words(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every shape of reply a phone can get, checked for every alias, every participant's,
    group's and statement's id, and everybody else's words."""
    ali = await room.assigned(room.ali)
    ali_words = ["Alis ord om noget", "Alis håb for året", "Alis mål i livet", "Alis hobby"]
    await ali.save(ali_words)
    client = room.phone()
    await client.pair()
    replies = [await client.poll(typing=True), await client.save(WORDS)]  # waiting
    room.server.assign(room.waiting(client), room.maja)
    replies += [await client.poll(), await client.poll(typing=True), await client.save(WORDS)]
    replies.append(await client.save(["Mit cpr er 010190-1234", "", "", ""]))
    replies.append(await client.save(["x" * (ANSWER_MAX + 1), "", "", ""]))
    monkeypatch.setattr(storage, "_write_all", lambda fd, payload: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "full")))  # fmt: skip
    replies.append(await client.save(["skrevet", "", "", ""]))
    monkeypatch.undo()
    replies.append(await client.save(WORDS, kind="bye"))
    room.store.withdraw_consent(room.group_id, room.maja, "store_statement")
    replies.append(await client.poll())
    ids = [room.group_id, room.maja, room.ali, room.sofie, ali.id]
    ids += [s.id for s in room.store.statements(room.group_id)]
    text = json.dumps(replies, ensure_ascii=False)
    for secret in ("Maja", "Ali", "Sofie", *ali_words, *ids):
        assert secret not in text.replace("Jeg hedder Maja.", ""), secret
    keys = {"to", "seq", "state", "prompts", "answers", "version", "at", "saved", "why",
            "retry", "problem"}  # fmt: skip
    assert all(set(r) <= keys for r in replies)
    assert replies[-1]["state"] == "ended"


# ------------------------------------------------------------------ logs and errors


async def test_a_hostile_session_leaves_nothing_in_the_logs(
    room: Room, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG)
    port = room.server.port
    ours = f"127.0.0.1:{port}"
    client = await room.assigned(room.maja)
    await client.poll(typing=True)
    await client.save(WORDS)
    await client.save(["Mit cpr er 010190-1234", "", "", ""])
    await client.raw(dict(client.last_sent))  # a replay
    await client.raw(sealed_raw(client, deep(10_000)))
    for body in JUNK_BODIES:
        await client.post("/msg", None, data=body)
    # malformed HTTP, which aiohttp itself refuses (and logs)
    for bad in (
        b"GARBAGE\r\n\r\n",
        request("GET", "/", ours, f"Host: {client.id}"),
        f"GET /{client.id} HTTP/9.9\r\n\r\n".encode(),
        request("POST", "/msg", ours, "Content-Length: 5", "Transfer-Encoding: chunked"),
    ):
        await raw(port, bad)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"failed with {WORDS[0]} for {client.id}")

    monkeypatch.setattr(room.server, "_write", broken)
    answer = await client.raw(client.seal({"type": "save", "answers": WORDS, "version": None}))
    assert answer.status == 500 and answer.body == b""  # no traceback reaches the phone
    monkeypatch.undo()

    secrets_ = [*WORDS, "010190", "Maja", client.id, client.code, client.code.replace(" ", "")]
    secrets_ += [protocol.b64encode(k) for k in (client.public, client.server_pk)]
    secrets_ += [client.public.hex(), client.server_pk.hex()]
    assert client.channel is not None
    shared = client.channel._box.shared_key()
    secrets_ += [shared.hex(), protocol.b64encode(shared)]
    formatter = logging.Formatter()
    logged = "\n".join(formatter.format(r) for r in caplog.records)
    assert caplog.records  # the refusals were logged, by type only
    for secret in secrets_:
        assert secret not in logged, secret
    assert "Traceback" not in logged and "GARBAGE" not in logged


async def test_authority_brackets_an_ipv6_address() -> None:
    assert authority("192.168.1.20", 51234) == "192.168.1.20:51234"
    assert authority("fe80::1", 51234) == "[fe80::1]:51234"
    assert PhoneServer.__dict__["url"] is not None
