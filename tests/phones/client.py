"""A phone in Python: the same protocol as peertui/phones/static/phone.js, with PyNaCl, over
real HTTP. Tests use it to pair, poll and save, and to try every way in that must fail."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from nacl.public import PrivateKey

from peertui.phones import protocol
from peertui.phones.protocol import Channel


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body)


class PhoneClient:
    """One phone. ``pair`` does the three steps; ``send`` seals, posts and opens."""

    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self.session = session
        self.base = base.rstrip("/")
        self.key = PrivateKey.generate()
        self.public = bytes(self.key.public_key)
        self.id = ""
        self.server_pk = b""
        self.code = ""
        self.channel: Channel | None = None
        self.version: str | None = None
        self.last_sent: dict[str, Any] = {}

    async def post(self, path: str, payload: object, **kwargs: Any) -> Answer:
        headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
        data = kwargs.pop("data", None)
        body = data if data is not None else json.dumps(payload).encode()
        async with self.session.post(
            self.base + path, data=body, headers=headers, **kwargs
        ) as response:
            return Answer(response.status, await response.read(), dict(response.headers))

    async def hello(self) -> Answer:
        """Step 1: the commitment; keeps the id and the console's key."""
        answer = await self.post(
            "/pair", {"commit": protocol.b64encode(protocol.commitment(self.public))}
        )
        if answer.status == 200:
            reply = answer.json()
            self.id = reply["id"]
            self.server_pk = protocol.b64decode(reply["server_pk"], 32)
        return answer

    async def reveal(self) -> Answer:
        answer = await self.post(
            "/reveal", {"id": self.id, "phone_pk": protocol.b64encode(self.public)}
        )
        if answer.status == 200:
            self.channel = Channel(self.key, self.server_pk, "phone")
            self.code = protocol.short_code(self.server_pk, self.public)
        return answer

    async def pair(self) -> str:
        assert (await self.hello()).status == 200
        assert (await self.reveal()).status == 200
        return self.code

    def seal(self, payload: dict[str, Any]) -> dict[str, str]:
        assert self.channel is not None
        box = {"id": self.id, **self.channel.seal(payload)}
        self.last_sent = box
        return box

    async def raw(self, box: dict[str, Any]) -> Answer:
        return await self.post("/msg", box)

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Seal, post, open; fails the test on anything but 200."""
        answer = await self.raw(self.seal(payload))
        assert answer.status == 200, answer.status
        assert self.channel is not None
        return self.channel.open(*(answer.json()[k] for k in ("n", "c")))

    async def poll(self, *, typing: bool = False) -> dict[str, Any]:
        reply = await self.send({"type": "poll", "typing": typing, "version": self.version})
        if "version" in reply:
            self.version = reply["version"]
        return reply

    async def save(self, answers: list[str], *, kind: str = "save") -> dict[str, Any]:
        reply = await self.send({"type": kind, "answers": answers, "version": self.version})
        if reply.get("saved"):
            self.version = reply["version"]
        return reply
