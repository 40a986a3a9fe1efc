"""The protocol on its own: the commitment, the short code, sealing and opening, replays; and
that the page's JavaScript (phone.js with tweetnacl, run in Node) agrees with the Python side
byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import pytest
from nacl.public import PrivateKey

from peertui.phones import protocol
from peertui.phones.protocol import Channel, ProtocolError
from peertui.phones.server import NACL_FILE, STATIC


def pair() -> tuple[Channel, Channel]:
    console, phone = PrivateKey.generate(), PrivateKey.generate()
    return (
        Channel(console, bytes(phone.public_key), "console"),
        Channel(phone, bytes(console.public_key), "phone"),
    )


def test_short_code_is_the_documented_derivation() -> None:
    server_pk, phone_pk = bytes(range(32)), bytes(range(32, 64))
    digest = hashlib.sha512(b"peertui-phone-code" + server_pk + phone_pk).digest()
    number = int.from_bytes(digest[:4], "big") % 1_000_000
    assert (
        protocol.short_code(server_pk, phone_pk) == f"{number:06d}"[:3] + " " + f"{number:06d}"[3:]
    )
    # order matters: the two keys are not interchangeable
    assert protocol.short_code(phone_pk, server_pk) != protocol.short_code(server_pk, phone_pk)


def test_commitment_binds_the_key() -> None:
    key = bytes(PrivateKey.generate().public_key)
    commit = protocol.commitment(key)
    assert len(commit) == protocol.COMMIT_BYTES
    assert protocol.commitment_matches(commit, key)
    assert not protocol.commitment_matches(commit, bytes(PrivateKey.generate().public_key))


def test_both_ways_with_growing_numbers() -> None:
    console, phone = pair()
    for i in range(1, 4):
        message = phone.open(
            **dict(zip(("nonce_b64", "cipher_b64"), console.seal({"i": i}).values(), strict=True))
        )
        assert message == {"i": i, "to": "phone", "seq": i}
        back = phone.seal({"i": -i})
        assert console.open(back["n"], back["c"])["seq"] == i


def test_replay_wrong_direction_and_forgery_are_refused() -> None:
    console, phone = pair()
    first = phone.seal({"type": "poll"})
    console.open(first["n"], first["c"])
    with pytest.raises(ProtocolError):
        console.open(first["n"], first["c"])  # the same again
    mine = console.seal({"x": 1})
    with pytest.raises(ProtocolError):
        console.open(mine["n"], mine["c"])  # its own message, sent back to it
    later = phone.seal({"type": "poll"})
    cipher = bytearray(protocol.b64decode(later["c"]))
    cipher[0] ^= 0x80
    bad = [
        (later["n"], protocol.b64encode(bytes(cipher))),
        ("AAAA", later["c"]),
        (later["n"], "not base64!"),
        (None, later["c"]),
        (later["n"], ""),
    ]
    for nonce, body in bad:
        with pytest.raises(ProtocolError):
            console.open(nonce, body)
    assert console.open(later["n"], later["c"])["seq"] == 2  # the real one still opens


def test_older_message_after_a_newer_one_is_refused() -> None:
    console, phone = pair()
    older, newer = phone.seal({"n": 1}), phone.seal({"n": 2})
    console.open(newer["n"], newer["c"])
    with pytest.raises(ProtocolError):
        console.open(older["n"], older["c"])


NODE_CHECK = r"""
const nacl = require(process.argv[1]);
const P = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
const phone = nacl.box.keyPair.fromSecretKey(hex(input.phone_sk));
const serverPk = hex(input.server_pk);
const channel = new P.Channel(nacl, phone.secretKey, serverPk);
const opened = channel.open(input.reply);
let replayed = false;
try { channel.open(input.reply); } catch (e) { replayed = true; }
const sealed = channel.seal({type: "save", answers: ["æøå 🙂", "", "", ""]});
process.stdout.write(JSON.stringify({
  code: P.shortCode(nacl, serverPk, phone.publicKey),
  commit: Buffer.from(P.commitment(nacl, phone.publicKey)).toString("hex"),
  opened: opened, replayed: replayed, sealed: sealed,
}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_phone_js_agrees_with_python() -> None:
    if not NACL_FILE.exists():
        pytest.fail("the phone page's library is missing: run `make setup`")
    server, phone = PrivateKey.generate(), PrivateKey.generate()
    console = Channel(server, bytes(phone.public_key), "console")
    reply = console.seal({"state": "assigned", "answers": ["Jeg hedder Maja 🙂", "", "", ""]})
    result = subprocess.run(
        ["node", "-e", NODE_CHECK, str(NACL_FILE), str(STATIC / "phone.js")],
        input=json.dumps(
            {"phone_sk": bytes(phone).hex(), "server_pk": bytes(server.public_key).hex(),
             "reply": reply}
        ),
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    out = json.loads(result.stdout)
    assert out["code"] == protocol.short_code(bytes(server.public_key), bytes(phone.public_key))
    assert out["commit"] == protocol.commitment(bytes(phone.public_key)).hex()
    assert out["opened"]["answers"][0] == "Jeg hedder Maja 🙂" and out["replayed"]
    message = console.open(out["sealed"]["n"], out["sealed"]["c"])
    assert message == {"type": "save", "answers": ["æøå 🙂", "", "", ""], "to": "console", "seq": 1}
