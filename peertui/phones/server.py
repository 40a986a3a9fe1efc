"""The phone server: a small web server in the app's own asyncio loop that serves the phone
page, pairs phones, and lets each assigned phone read and write its own participant's
personal statement, end-to-end encrypted (``peertui.phones.protocol``; docs/phones.md).

The console imports this module only when the facilitator turns phones on; aiohttp itself is
imported only in ``start``. Nothing here logs or raises with a participant's words.

Defences, in the order a request meets them: at most ``CONNECTIONS_MAX`` connections at once,
an idle one closed after ``KEEPALIVE_SECONDS``; only the announced ``Host`` (``ip:port``) is
accepted, and no absolute-form request target (421; no DNS rebinding), and an ``Origin`` must be
ours; bodies are limited in size (413) and in time (408); pairing is rate-limited per address
and in total (429); unknown, unpaired and ended phones, forged and replayed messages get an
empty 403; a phone reads and writes only the statement of the participant it was assigned to,
and only while that participant is in the group and agrees to have it stored. Every answer
carries a strict Content-Security-Policy, ``no-store``, ``no-referrer`` and ``nosniff``, and
never a cookie. aiohttp's own records of a malformed request keep only the exception's type.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import secrets
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from peertui import labels
from peertui.formats import time_of_day
from peertui.i18n import _, language
from peertui.phones import protocol
from peertui.phones.protocol import Channel, ProtocolError
from peertui.store.errors import NotFound, SaveFailed, StoreError, StoreReadOnly
from peertui.store.files import utc_now
from peertui.store.schema import ANSWER_MAX, PROMPTS
from peertui.store.text import clean

if TYPE_CHECKING:
    from aiohttp import web
    from nacl.public import PrivateKey

    from peertui.store.schema import Participant, Statement
    from peertui.store.store import Store

log = logging.getLogger(__name__)

PhoneState = Literal["pairing", "waiting", "assigned", "ended"]

STATIC = Path(__file__).resolve().parent / "static"
#: tweetnacl 1.0.3 (npm, Unlicense), copied here with its licence by ``make setup`` from
#: node_modules (package-lock.json pins it by its integrity hash). Not in git.
NACL_DIR = STATIC / "vendor" / "tweetnacl"
NACL_FILE = NACL_DIR / "nacl-fast.min.js"
NACL_LICENSE = NACL_DIR / "LICENSE"
#: SHA-256 of tweetnacl 1.0.3's nacl-fast.min.js: phones do not start with any other file.
NACL_SHA256 = "3ec535c004aeeb225785d8e93fb33bf99f52e399bd7dfc01969b5629baea5131"

#: The largest plaintext a phone sends: four answers at their limit, every character escaped
#: by JSON at its worst (``\\u0001``: 6 bytes), plus the JSON around them.
PLAINTEXT_MAX = PROMPTS * ANSWER_MAX * 6 + 2048
#: The largest request body: that plaintext sealed (MAC) and in base64, plus the JSON around it
#: and a margin. About 100 KB.
BODY_MAX = math.ceil((PLAINTEXT_MAX + protocol.MAC_BYTES) / 3) * 4 + 1024

#: At most this many phones pairing or waiting at once.
PENDING_MAX = 30
#: At most this many phones in all during one session (ended ones included).
PHONES_MAX = 200
#: Pairing attempts (``/pair``) allowed per minute from one address, and from all together.
PAIR_PER_ADDRESS = 6
PAIR_IN_TOTAL = 60
RATE_WINDOW = timedelta(minutes=1)
#: A phone that said hello but never revealed its key is forgotten after this long.
PAIRING_TIMEOUT = timedelta(minutes=2)
#: A waiting phone that has not asked for so long has gone (its page was closed).
WAITING_TIMEOUT = timedelta(minutes=10)
#: "writing" on the console: the phone reported typing (or saved) within this long.
WRITING_FOR = timedelta(seconds=20)
#: A connection with no request under way (none begun, or between two) is closed after this
#: many seconds. Phones poll every few seconds; aiohttp's own default is an hour.
KEEPALIVE_SECONDS = 15.0
#: A request's body must have arrived within this many seconds (else an empty 408).
BODY_SECONDS = 10.0
#: After an answer, the rest of a body not read is waited for this long, then the connection
#: is closed (aiohttp's own default is ten seconds).
LINGER_SECONDS = 1.0
#: At most this many connections at once; more are closed at once. Thirty phones pairing and
#: a room of writers use far fewer; it keeps a flood from using up the app's open files.
CONNECTIONS_MAX = 200
#: What a phone needs: the participant's agreement to have statements stored.
CONSENT = "store_statement"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Server": "peertui",
}

FILES = {
    "/phone.css": ("phone.css", "text/css"),
    "/phone.js": ("phone.js", "text/javascript"),
}


class PhoneError(Exception):
    """``str(error)`` is one calm sentence in the user's language."""


@dataclass(frozen=True)
class PhoneView:
    """What the console may show of a phone: never any of the words."""

    id: str  # opaque, random
    code: str  # six digits as "482 913", derived from the key exchange
    state: PhoneState
    participant_id: str | None
    joined: datetime
    last_seen: datetime
    last_saved: datetime | None
    writing: bool  # the phone reported typing within the last 20 seconds
    #: Why its last save was refused (the store's own sentence, for the facilitator: a full
    #: disk, a CPR-like number); "" when the last save went through.
    problem: str = ""


@dataclass
class _Phone:
    id: str
    remote: str
    commit: bytes
    secret: PrivateKey | None
    joined: datetime
    last_seen: datetime
    state: PhoneState = "pairing"
    code: str = ""
    channel: Channel | None = None
    participant_id: str | None = None
    occasion: str = ""
    statement_id: str | None = None
    version_made: bool = False  # this assignment's first save made a new version
    last_saved: datetime | None = None
    problem: str = ""
    typed: datetime | None = None
    quiet_timer: asyncio.TimerHandle | None = None  # tells the console when "writing" ends

    def view(self, now: datetime) -> PhoneView:
        writing = (
            self.state == "assigned" and self.typed is not None and now - self.typed < WRITING_FOR
        )
        return PhoneView(
            id=self.id, code=self.code, state=self.state, participant_id=self.participant_id,
            joined=self.joined, last_seen=self.last_seen, last_saved=self.last_saved,
            writing=writing, problem=self.problem,
        )  # fmt: skip


@dataclass
class _Limiter:
    """Sliding one-window counts of pairing attempts, per address and in total."""

    per_address: dict[str, deque[datetime]] = field(default_factory=dict)
    total: deque[datetime] = field(default_factory=deque)

    def allow(self, remote: str, now: datetime) -> bool:
        since = now - RATE_WINDOW
        for queue in (self.total, *self.per_address.values()):
            while queue and queue[0] <= since:
                queue.popleft()
        self.per_address = {k: v for k, v in self.per_address.items() if v}
        mine = self.per_address.setdefault(remote, deque())
        if len(mine) >= PAIR_PER_ADDRESS or len(self.total) >= PAIR_IN_TOTAL:
            return False
        mine.append(now)
        self.total.append(now)
        return True


class _OnlyTheType(logging.Filter):
    """aiohttp's records of a malformed request hold the request's own bytes and a traceback:
    keep only that it happened and the exception's type (docs/phones.md: nothing logged)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        record.msg = "phones: the web server refused a request (%s)"
        record.args = (type(exc).__name__ if exc is not None else "-",)
        record.exc_info = record.exc_text = record.stack_info = None
        return True


def http_log() -> logging.Logger:
    """The logger given to aiohttp's request handlers (under ``peertui``, filtered)."""
    logger = logging.getLogger("peertui.phones.http")
    if not any(isinstance(f, _OnlyTheType) for f in logger.filters):
        logger.addFilter(_OnlyTheType())
    return logger


class _Refused(asyncio.Protocol):
    """A connection beyond ``CONNECTIONS_MAX``: closed at once, nothing read or written."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if isinstance(transport, asyncio.Transport):
            transport.abort()
        else:
            transport.close()


def authority(host: str, port: int) -> str:
    """``host:port`` as a ``Host`` header and a URL carry it (an IPv6 address in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def nacl_library() -> bytes:
    """The phone page's NaCl library, checked against its pinned SHA-256, or ``PhoneError``."""
    try:
        data = NACL_FILE.read_bytes()
    except OSError:
        raise PhoneError(
            _(
                "Phones cannot be turned on: the encryption library for the phone page is "
                "missing from this installation."
            )
        ) from None
    if hashlib.sha256(data).hexdigest() != NACL_SHA256:
        raise PhoneError(
            _(
                "Phones cannot be turned on: the encryption library for the phone page is "
                "not the version peertui was checked with."
            )
        )
    return data


def answers_token(statement: Statement | None) -> str:
    """The version token a phone starts from: changes whenever the saved words change."""
    if statement is None:
        return ""
    digest = hashlib.sha256(statement.id.encode())
    digest.update(str(len(statement.versions)).encode())
    for answer in statement.answers:
        digest.update(b"\0" + answer.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


class PhoneServer:
    """The phones of one group during one meeting. See the module's docstring."""

    IDLE_LIMIT = timedelta(minutes=30)
    UNREACHED_HINT_AFTER = timedelta(minutes=3)

    def __init__(
        self,
        store: Store,
        group_id: str,
        *,
        host: str,
        port: int = 0,
        clock: Callable[[], datetime] = utc_now,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.group_id = group_id
        self._host = host
        self._port = port
        self._clock = clock
        self._on_change = on_change
        self._phones: dict[str, _Phone] = {}
        self._limiter = _Limiter()
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.AbstractServer | None = None
        self._nacl = b""
        self._started = clock()
        self._idle_since = self._started
        self._reached = False

    # ------------------------------------------------------------------ life

    async def start(self) -> None:
        """Bind ``host:port`` (0: a random free port) and serve. ``PhoneError`` if it cannot."""
        if self._runner is not None:
            return
        self._nacl = nacl_library()
        try:
            from aiohttp import web
        except ImportError:
            raise PhoneError(
                _("Phones cannot be turned on: a part peertui needs (aiohttp) is not installed.")
            ) from None

        @web.middleware
        async def guard(
            request: web.Request,
            handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
        ) -> web.StreamResponse:
            return await self._guard(request, handler)

        app = web.Application(client_max_size=BODY_MAX, middlewares=[guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/nacl.js", self._library)
        for path in FILES:
            app.router.add_get(path, self._file)
        app.router.add_post("/pair", self._pair)
        app.router.add_post("/reveal", self._reveal)
        app.router.add_post("/msg", self._message)
        runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0,
            keepalive_timeout=KEEPALIVE_SECONDS, lingering_time=LINGER_SECONDS,
            logger=http_log(),
        )  # fmt: skip
        await runner.setup()
        handlers = runner.server
        assert handlers is not None

        def connection() -> asyncio.BaseProtocol:
            """aiohttp's handler for a new connection, or one that closes it at once."""
            if len(handlers.connections) >= CONNECTIONS_MAX:
                return _Refused()
            return handlers()

        loop = asyncio.get_running_loop()
        try:
            listener = await loop.create_server(
                connection, self._host, self._port, reuse_address=False
            )
        except OSError:
            await runner.cleanup()
            raise PhoneError(
                _(
                    "Phones could not start at {address}. Choose another address, or try again.",
                    address=self._host,
                )
            ) from None
        self._port = int(listener.sockets[0].getsockname()[1])
        self._listener = listener
        self._runner = runner
        self._started = self._idle_since = self._clock()
        self._reached = False

    async def stop(self) -> None:
        """Close the socket and end every phone. Safe to call twice."""
        runner, self._runner = self._runner, None
        listener, self._listener = self._listener, None
        for phone in list(self._phones.values()):
            self._end(phone)
        if listener is not None:
            listener.close()  # no new connections; cleanup closes the open ones
        if runner is not None:
            await runner.cleanup()
            self._changed()

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://{authority(self._host, self._port)}/"

    # ------------------------------------------------------------------ the console's side

    def phones(self) -> list[PhoneView]:
        """Waiting first, then assigned, then ended (each oldest first); never "pairing"."""
        now = self._clock()
        self._prune(now)
        order = {"waiting": 0, "assigned": 1, "ended": 2}
        listed = [p for p in self._phones.values() if p.state in order]
        listed.sort(key=lambda p: (order[p.state], p.joined, p.id))
        return [p.view(now) for p in listed]

    def counts(self) -> tuple[int, int]:
        """(waiting, connected), where connected means assigned."""
        views = self.phones()
        waiting = sum(1 for v in views if v.state == "waiting")
        return waiting, sum(1 for v in views if v.state == "assigned")

    def assign(self, phone_id: str, participant_id: str, *, occasion: str = "") -> None:
        """Let a waiting phone write for this participant (who must have agreed to have
        statements stored, and have no other phone). ``PhoneError`` says why not."""
        self._idle_since = self._clock()
        phone = self._phones.get(phone_id)
        if phone is None or phone.state in ("pairing", "ended"):
            raise PhoneError(_("That phone is no longer connected."))
        if phone.state != "waiting":
            raise PhoneError(_("That phone is already writing for someone."))
        if self.store.read_only:
            raise PhoneError(str(StoreReadOnly()))
        try:
            participant = self.store.participant(self.group_id, participant_id)
            statements = self.store.statements(self.group_id, participant_id)
        except StoreError as exc:
            raise PhoneError(str(exc)) from None
        if not participant.has_consent(CONSENT):
            raise PhoneError(
                _(
                    "This participant has not agreed to have their statement stored, so a "
                    "phone cannot write it."
                )
            )
        if participant_id in self._holders():
            raise PhoneError(_("This participant already has a phone. End that one first."))
        phone.state = "assigned"
        phone.participant_id = participant_id
        phone.occasion = occasion
        phone.statement_id = statements[-1].id if statements else None
        phone.version_made = False
        self._changed()

    def writers(self) -> list[Participant]:
        """Who a waiting phone may be given to: the group's participants who agreed to have
        their statement stored and have no phone yet (what ``assign`` accepts)."""
        holders = self._holders()
        return [
            p
            for p in self.store.participants(self.group_id)
            if p.has_consent(CONSENT) and p.id not in holders
        ]

    def _holders(self) -> set[str]:
        return {
            p.participant_id
            for p in self._phones.values()
            if p.state == "assigned" and p.participant_id is not None
        }

    def end(self, phone_id: str) -> None:
        """End a phone's access at once: it gets nothing from now on."""
        self._idle_since = self._clock()
        phone = self._phones.get(phone_id)
        if phone is None:
            raise PhoneError(_("That phone is no longer connected."))
        if phone.state == "ended":
            return
        self._end(phone)
        self._changed()

    def idle_since(self) -> datetime:
        """The last use: the page opened, a phone pairing, typing or saving, or the console's
        assign or end. A page that is only left open (its polls) is not use: it would keep
        phones on for ever."""
        return self._idle_since

    def expired(self) -> bool:
        return self._clock() - self._idle_since >= self.IDLE_LIMIT

    def reached(self) -> bool:
        """Has any request at all reached the server since it started?"""
        return self._reached

    def unreached_hint(self) -> bool:
        """Time to say that phones may not reach this computer (guest Wi-Fi isolation)."""
        return (
            self.running
            and not self._reached
            and self._clock() - self._started > self.UNREACHED_HINT_AFTER
        )

    # ------------------------------------------------------------------ bookkeeping

    def _changed(self) -> None:
        if self._on_change is not None:
            try:
                self._on_change()
            except Exception as exc:  # the console's redraw must never break a phone's request
                log.error("phones: on_change failed (%s)", type(exc).__name__)

    def _end(self, phone: _Phone) -> None:
        if phone.state == "pairing":
            del self._phones[phone.id]
            return
        phone.state = "ended"
        phone.secret = None
        phone.channel = None
        if phone.quiet_timer is not None:
            phone.quiet_timer.cancel()
            phone.quiet_timer = None

    def _prune(self, now: datetime) -> None:
        gone = [
            p.id
            for p in self._phones.values()
            if (p.state == "pairing" and now - p.joined >= PAIRING_TIMEOUT)
            or (p.state == "waiting" and now - p.last_seen >= WAITING_TIMEOUT)
        ]
        for phone_id in gone:
            del self._phones[phone_id]
        if gone:
            self._changed()

    def _pending(self) -> int:
        return sum(1 for p in self._phones.values() if p.state in ("pairing", "waiting"))

    def _typing(self, phone: _Phone, now: datetime) -> None:
        was = phone.view(now).writing
        phone.typed = now
        if not was:
            self._changed()
        # Tell the console again when "writing" has run out.
        if phone.quiet_timer is not None:
            phone.quiet_timer.cancel()
        loop = asyncio.get_running_loop()
        phone.quiet_timer = loop.call_later(WRITING_FOR.total_seconds() + 0.5, self._changed)

    # ------------------------------------------------------------------ HTTP

    def _empty(self, status: int) -> web.Response:
        from aiohttp import web

        return web.Response(status=status, body=b"")

    def _json(self, payload: dict[str, Any]) -> web.Response:
        from aiohttp import web

        return web.Response(
            body=json.dumps(payload, separators=(",", ":")).encode("utf-8"),
            content_type="application/json",
        )

    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Every request: the Host, the Origin, the body's size; every answer: the headers.
        An error answer never has a body (nothing for a stranger to read)."""
        from aiohttp import web

        self._reached = True
        announced = authority(self._host, self._port)
        response: web.StreamResponse
        if request.headers.get("Host") != announced or request.host != announced:
            # ``request.host`` is the host an absolute-form target names (``POST
            # http://name/msg``, sent to proxies, never by a phone's browser to us).
            response = self._empty(421)
        elif request.headers.get("Origin", f"http://{announced}") != f"http://{announced}":
            response = self._empty(403)
        elif request.content_length is not None and request.content_length > BODY_MAX:
            response = self._empty(413)
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = self._empty(exc.status)
            except ProtocolError:
                response = self._empty(403)
            except Exception as exc:  # never a traceback or a message: they may hold words
                log.error("phones: a request failed (%s)", type(exc).__name__)
                response = self._empty(500)
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        if response.status >= 400:
            # Closed after the answer: no waiting for the rest of a body that is slow, too
            # large or not read, and a stranger keeps no connection open.
            response.force_close()
        return response

    async def _body(self, request: web.Request) -> dict[str, Any]:
        """The request's JSON object, or an empty 400 (a 413 if it is too large)."""
        from aiohttp import web

        if request.content_type != "application/json":
            raise web.HTTPUnsupportedMediaType
        try:
            async with asyncio.timeout(BODY_SECONDS):
                raw = await request.read()  # HTTPRequestEntityTooLarge beyond client_max_size
        except TimeoutError:
            raise web.HTTPRequestTimeout from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise web.HTTPBadRequest from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest
        return data

    async def _page(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        self._idle_since = self._clock()
        return web.Response(body=render_page().encode("utf-8"), content_type="text/html")

    async def _library(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        return web.Response(body=self._nacl, content_type="text/javascript")

    async def _file(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        name, kind = FILES[request.path]
        return web.Response(body=(STATIC / name).read_bytes(), content_type=kind)

    async def _pair(self, request: web.Request) -> web.StreamResponse:
        """Step 1: the phone's commitment in, a fresh key for this phone out."""
        from aiohttp import web

        data = await self._body(request)
        commit = protocol.b64decode(data.get("commit"), protocol.COMMIT_BYTES)
        now = self._idle_since = self._clock()
        self._prune(now)
        remote = request.remote or ""
        if (
            self._pending() >= PENDING_MAX
            or len(self._phones) >= PHONES_MAX
            or not self._limiter.allow(remote, now)
        ):
            raise web.HTTPTooManyRequests
        secret, public = protocol.new_key_pair()
        phone_id = secrets.token_urlsafe(18)
        self._phones[phone_id] = _Phone(
            id=phone_id, remote=remote, commit=commit, secret=secret, joined=now, last_seen=now
        )
        return self._json({"id": phone_id, "server_pk": protocol.b64encode(public)})

    async def _reveal(self, request: web.Request) -> web.StreamResponse:
        """Step 3: the phone's key, checked against its commitment; the phone now waits."""
        data = await self._body(request)
        phone_id = data.get("id")
        phone = self._phones.get(phone_id) if isinstance(phone_id, str) else None
        if phone is None or phone.state != "pairing" or phone.secret is None:
            raise ProtocolError
        phone_pk = protocol.b64decode(data.get("phone_pk"), protocol.KEY_BYTES)
        if not protocol.commitment_matches(phone.commit, phone_pk):
            del self._phones[phone.id]  # a wrong reveal ends this pairing for good
            raise ProtocolError
        try:
            phone.channel = Channel(phone.secret, phone_pk, "console")
        except Exception:  # a key PyNaCl refuses
            del self._phones[phone.id]
            raise ProtocolError from None
        phone.code = protocol.short_code(bytes(phone.secret.public_key), phone_pk)
        phone.state = "waiting"
        phone.last_seen = self._idle_since = self._clock()
        self._changed()
        return self._json({"ok": True})

    async def _message(self, request: web.Request) -> web.StreamResponse:
        """Every message after pairing: opened, answered, the answer sealed."""
        data = await self._body(request)
        phone_id = data.get("id")
        phone = self._phones.get(phone_id) if isinstance(phone_id, str) else None
        if phone is None or phone.channel is None or phone.state not in ("waiting", "assigned"):
            raise ProtocolError
        channel = phone.channel
        message = channel.open(data.get("n"), data.get("c"))
        now = self._clock()
        phone.last_seen = now
        kind = message.get("type")
        if phone.state == "assigned" and not self._may_write(phone):
            # Gone from the group, or no longer agrees to have the statement stored: this
            # phone's access is over, and nothing it sends is stored.
            self._end(phone)
            self._changed()
            return self._json(channel.seal({"state": "ended", "saved": False}))
        if kind == "poll":
            reply = self._state(phone, message.get("version"))
            if message.get("typing") is True and phone.state == "assigned":
                self._idle_since = now
                self._typing(phone, now)
        elif kind in ("save", "bye"):
            self._idle_since = now
            reply = self._save(phone, message, now)
        else:
            raise ProtocolError
        return self._json(channel.seal(reply))

    # ------------------------------------------------------------------ what a phone gets

    def _may_write(self, phone: _Phone) -> bool:
        """Is the phone's participant still in the group (and the group still here), and
        agreeing to have statements stored? A store that cannot be read just now is not a
        no: the save then says why."""
        if phone.participant_id is None:
            return False
        try:
            participant = self.store.participant(self.group_id, phone.participant_id)
        except NotFound:
            return False
        except StoreError:
            return True
        return participant.has_consent(CONSENT)

    def _statement(self, phone: _Phone) -> Statement | None:
        """The statement the phone writes: the one it started from, or, if that was deleted
        on the console meanwhile (or there was none), the participant's latest."""
        if phone.statement_id is not None:
            try:
                return self.store.statement(self.group_id, phone.statement_id)
            except NotFound as exc:
                if exc.what != "statement":
                    raise
                phone.statement_id, phone.version_made = None, False
        assert phone.participant_id is not None
        existing = self.store.statements(self.group_id, phone.participant_id)
        phone.statement_id = existing[-1].id if existing else None
        return existing[-1] if existing else None

    def _state(self, phone: _Phone, known: object = None) -> dict[str, Any]:
        """The phone's state. An assigned phone gets the prompts, and the saved answers when
        its version token is not the current one. Never anyone's name, never a list."""
        if phone.state != "assigned":
            return {"state": "waiting"}
        try:
            statement = self._statement(phone)
        except StoreError as exc:
            return {"state": "assigned", "prompts": prompts(), "problem": str(exc)}
        reply: dict[str, Any] = {"state": "assigned", "prompts": prompts()}
        token = answers_token(statement)
        if known != token:
            reply["version"] = token
            reply["answers"] = list(statement.answers if statement else ("",) * PROMPTS)
        if phone.last_saved is not None:
            reply["at"] = time_of_day(phone.last_saved)
        return reply

    def _save(self, phone: _Phone, message: dict[str, Any], now: datetime) -> dict[str, Any]:
        if phone.state != "assigned" or phone.participant_id is None:
            return {"state": "waiting", "saved": False,
                    "why": _("Wait until the facilitator has said yes")}  # fmt: skip
        answers = message.get("answers")
        if message.get("type") == "bye" and answers is None:
            return {"state": "assigned", "saved": False}
        if (
            not isinstance(answers, list)
            or len(answers) != PROMPTS
            or not all(isinstance(a, str) for a in answers)
        ):
            raise ProtocolError
        # What the store would clean away anyway, and a lone surrogate (which JSON can carry
        # and UTF-8 cannot), goes first: the store's door is for text it can write.
        answers = [clean(a) for a in answers]
        if any(len(a) > ANSWER_MAX for a in answers):
            why = _("At most {limit} characters per field.", limit=ANSWER_MAX)
            return {"state": "assigned", "saved": False, "why": why}
        self._typing(phone, now)
        try:
            token = self._write(phone, tuple(answers), message.get("version"))
        except SaveFailed as exc:  # the disk: the same words may be saved in a moment
            # The store's sentence (a file name, advice for the computer) is for the console.
            self._refused(phone, str(exc))
            why = _(
                "The facilitator's computer could not save just now. Your words are still "
                "here, and are sent again in a moment."
            )
            return {"state": "assigned", "saved": False, "why": why, "retry": True}
        except StoreError as exc:
            self._refused(phone, str(exc))
            return {"state": "assigned", "saved": False, "why": str(exc)}
        phone.last_saved = now
        phone.problem = ""
        self._changed()
        return {"state": "assigned", "saved": True, "at": time_of_day(now), "version": token}

    def _refused(self, phone: _Phone, why: str) -> None:
        """The console shows that this phone's words are not saved (and why), never them."""
        if phone.problem != why:
            phone.problem = why
            self._changed()

    def _write(self, phone: _Phone, answers: tuple[str, ...], known: object) -> str:
        """Save through the store, as the console's editor does: the first save of this
        assignment makes a new version, later ones update it, no change makes nothing. Words
        saved from elsewhere since the phone loaded (the token differs) are kept as a version
        of their own. Returns the new version token."""
        assert phone.participant_id is not None
        store, group = self.store, self.group_id
        statement = self._statement(phone)  # the console may have made one since
        if statement is None:
            if answers == ("",) * PROMPTS:
                return answers_token(None)
            statement = store.create_statement(
                group, phone.participant_id, answers, occasion=phone.occasion
            )
            phone.statement_id, phone.version_made = statement.id, True
        elif answers == statement.answers:
            pass
        elif not phone.version_made or known != answers_token(statement):
            statement = store.new_statement_version(group, statement.id, answers)
            phone.version_made = True
        else:
            statement = store.update_statement(group, statement.id, answers)
        return answers_token(statement)


def prompts() -> list[dict[str, str]]:
    """The four prompts and their guidance, in the user's language."""
    return [
        {"title": _(labels.STATEMENT_PROMPT[i]), "guidance": _(labels.STATEMENT_GUIDANCE[i])}
        for i in range(1, PROMPTS + 1)
    ]


def page_words() -> dict[str, str]:
    """Every word the page shows, from the catalogs; ``{time}`` and ``{why}`` are filled in
    by the page."""
    return {
        "title": _("Your personal statement"),
        "connecting": _("Connecting …"),
        "code": _("Your code"),
        "wait": _("Wait until the facilitator has said yes"),
        "show": _("Show the facilitator this code."),
        "private": _(
            "Only the facilitator's computer receives what you write. Nothing is kept on "
            "this phone."
        ),
        "saving": _("Saving …"),
        "saved": _("Saved at {time}", time="{time}"),
        "not_saved": _("Not saved — try again"),
        "not_saved_why": _("Not saved — {why}", why="{why}"),
        "ended": _("The facilitator has ended the access. You can close the page."),
        "gone": _("The connection is gone. Trying again …"),
        "over": _(
            "The connection to the facilitator's computer has ended. What you wrote is saved "
            "there. You can close the page."
        ),
        "busy": _("Many phones are joining now. Trying again in a moment …"),
    }


def render_page() -> str:
    """index.html with the words filled in (Jinja2, autoescaped; the words the script needs
    as a JSON data block, which the Content-Security-Policy lets through: it is not run)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(STATIC), autoescape=True, undefined=StrictUndefined)
    words = page_words()
    return env.get_template("index.html").render(
        lang=language(), words=words, answer_max=ANSWER_MAX
    )
