"""The phone protocol: pairing with a hash commitment, a short code both sides show, and
authenticated, encrypted messages with replay protection. Pure functions and one class over
PyNaCl; the page's ``phone.js`` does exactly the same with tweetnacl (docs/phones.md).

Pairing (X25519, NaCl ``box``):

1. The phone makes a key pair and POSTs ``/pair`` with ``{"commit": b64(SHA-512(phone_pk))}``.
2. The console makes a fresh key pair for this phone and answers ``{"id", "server_pk"}``.
3. The phone POSTs ``/reveal`` with ``{"id", "phone_pk"}``; the console checks the commitment.
4. Both show ``short_code(server_pk, phone_pk)``; the facilitator compares and says yes.

After that every message, both ways, is ``{"n": b64(24-byte nonce), "c": b64(box)}`` (the
phone's requests also carry ``"id"``) of UTF-8 JSON that holds ``"to"`` (``"console"`` or
``"phone"``) and ``"seq"``, a number that only grows: a message whose ``seq`` is not greater
than the last one accepted from the other side is a replay and is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any, Literal

from nacl.exceptions import CryptoError
from nacl.public import Box, PrivateKey, PublicKey
from nacl.utils import random as random_bytes

Side = Literal["console", "phone"]

#: Domain separation for the short code: SHA-512(CODE_CONTEXT || server_pk || phone_pk).
CODE_CONTEXT = b"peertui-phone-code"
KEY_BYTES = PublicKey.SIZE  # 32
NONCE_BYTES = Box.NONCE_SIZE  # 24
MAC_BYTES = 16  # Poly1305, in front of every ciphertext
COMMIT_BYTES = 64  # SHA-512
#: The largest sequence number either side accepts (JavaScript's safe integers).
SEQ_MAX = 2**53 - 1


class ProtocolError(Exception):
    """A message that is malformed, forged, replayed or not for us. It carries no words: the
    server answers it with an empty 403 (or 400) and the phone with a retry."""


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: object, size: int | None = None) -> bytes:
    """Standard base64 with padding, exactly as ``b64encode`` (and the page's ``btoa``)
    writes it: no blanks, no extra or missing ``=``, no stray bits in the last character, so
    each value has one spelling. ``size`` if given must match exactly."""
    if not isinstance(text, str):
        raise ProtocolError
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ProtocolError from None
    if b64encode(data) != text or (size is not None and len(data) != size):
        raise ProtocolError
    return data


def commitment(phone_pk: bytes) -> bytes:
    """What the phone sends before it reveals its key: SHA-512 of the key's 32 bytes."""
    return hashlib.sha512(phone_pk).digest()


def commitment_matches(commit: bytes, phone_pk: bytes) -> bool:
    return hmac.compare_digest(commit, commitment(phone_pk))


def short_code(server_pk: bytes, phone_pk: bytes) -> str:
    """Six digits as ``"482 913"``: the first four bytes of
    SHA-512("peertui-phone-code" || server_pk || phone_pk) as a big-endian unsigned number,
    modulo 1,000,000, zero-padded, a space after the third digit."""
    digest = hashlib.sha512(CODE_CONTEXT + server_pk + phone_pk).digest()
    number = int.from_bytes(digest[:4], "big") % 1_000_000
    digits = f"{number:06d}"
    return f"{digits[:3]} {digits[3:]}"


def new_key_pair() -> tuple[PrivateKey, bytes]:
    key = PrivateKey.generate()
    return key, bytes(key.public_key)


class Channel:
    """One side's end of a paired channel: ``seal`` what it sends, ``open`` what it receives.

    ``Box(own_secret, peer_public)`` is NaCl's ``box.before`` (the shared key, computed
    once); each message is ``box.after`` with a fresh random nonce. The sequence numbers of
    each direction are checked here, so a replayed or reordered message is refused.
    """

    def __init__(self, own: PrivateKey, peer_pk: bytes, side: Side) -> None:
        self._box = Box(own, PublicKey(peer_pk))
        self.side: Side = side
        self.peer: Side = "phone" if side == "console" else "console"
        self.sent = 0  # the last seq this side sent
        self.received = 0  # the last seq accepted from the other side

    def seal(self, payload: dict[str, Any]) -> dict[str, str]:
        self.sent += 1
        message = {**payload, "to": self.peer, "seq": self.sent}
        plain = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        nonce = random_bytes(NONCE_BYTES)
        sealed = self._box.encrypt(plain, nonce)
        return {"n": b64encode(nonce), "c": b64encode(sealed.ciphertext)}

    def open(self, nonce_b64: object, cipher_b64: object) -> dict[str, Any]:
        """The payload, or ``ProtocolError`` if forged, not for this side, or a replay."""
        nonce = b64decode(nonce_b64, NONCE_BYTES)
        cipher = b64decode(cipher_b64)
        if len(cipher) < MAC_BYTES:
            raise ProtocolError
        try:
            plain = self._box.decrypt(cipher, nonce)
        except CryptoError:
            raise ProtocolError from None
        try:
            message = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # nested too deep, too
            raise ProtocolError from None
        if not isinstance(message, dict) or message.get("to") != self.side:
            raise ProtocolError
        seq = message.get("seq")
        if type(seq) is not int or not self.received < seq <= SEQ_MAX:
            raise ProtocolError
        self.received = seq
        return message
