"""The phone page's NaCl library: tweetnacl 1.0.3 from npm, pinned by package-lock.json's
integrity hash, copied beside the page with its licence by `make setup`, checked by its
SHA-256 before phones may start, and served as it is."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from peertui.phones import server as phone_server
from peertui.phones.server import NACL_FILE, NACL_LICENSE, NACL_SHA256, PhoneError, nacl_library

from .conftest import Room

ROOT = Path(__file__).resolve().parents[2]


def test_the_library_is_the_pinned_one_with_its_licence() -> None:
    assert NACL_FILE.exists(), "run `make setup` (npm ci) to install the phone page's library"
    assert hashlib.sha256(NACL_FILE.read_bytes()).hexdigest() == NACL_SHA256
    licence = NACL_LICENSE.read_text(encoding="utf-8")
    assert NACL_LICENSE.parent == NACL_FILE.parent
    assert "This is free and unencumbered software released into the public domain" in licence


def test_package_files_pin_tweetnacl_exactly() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"] == {"tweetnacl": "1.0.3"}
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/tweetnacl"]
    assert entry["version"] == "1.0.3" and entry["license"] == "Unlicense"
    assert entry["integrity"] == (
        "sha512-6rt+RN7aOi1nGMyC4Xa5DdYiukl2UWCbcJft7YhxReBGQD7OAM8Pbxw6YMo4r2diNEA8FEmu32YOn9rhaiE5yw=="
    )


def test_gitignore_keeps_the_copies_out_of_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "node_modules/" in ignored and "peertui/phones/static/vendor/" in ignored


def test_missing_or_changed_library_stops_phones_calmly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phone_server, "NACL_FILE", tmp_path / "nacl-fast.min.js")
    with pytest.raises(PhoneError) as missing:
        nacl_library()
    (tmp_path / "nacl-fast.min.js").write_bytes(NACL_FILE.read_bytes() + b"\n")
    with pytest.raises(PhoneError) as changed:
        nacl_library()
    for error in (missing, changed):
        assert str(error.value) and "\n" not in str(error.value)
        assert "Traceback" not in str(error.value)


async def test_a_server_refuses_to_start_without_it(
    room: Room, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peertui.phones.server import PhoneServer

    monkeypatch.setattr(phone_server, "NACL_FILE", tmp_path / "gone.js")
    other = PhoneServer(room.store, room.group_id, host="127.0.0.1")
    with pytest.raises(PhoneError):
        await other.start()
    assert not other.running


async def test_served_as_it_is(room: Room) -> None:
    async with room.session.get(room.server.url + "nacl.js") as response:
        assert response.status == 200
        assert response.content_type == "text/javascript"
        assert hashlib.sha256(await response.read()).hexdigest() == NACL_SHA256
