"""Hostile input: crafted import files and data files, CPR numbers in disguise, odd files.

Nothing a file holds may reach the terminal as a control sequence, no CPR number gets in,
and every refusal is one calm Danish line that never repeats the number.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peertui.cli import main
from peertui.store.errors import CprNumberRefused, ImportInvalid
from peertui.store.portable import export_bytes, parse_export
from peertui.store.store import open_store
from peertui.store.text import REMOVED_RE
from tests.store.helpers import all_bytes

ESCAPES = ("\x1b]0;owned\x07", "\x1b[2J", "\x9b2J", "\x1bP+q\x1b\\", "\ud800")

#: One CPR number, written every way that used to get past the check.
CPR_DISGUISES = (
    "010290–1234",  # en dash
    "010290—1234",  # em dash
    "010290\u22121234",  # minus sign
    "０１０２９０－１２３４",  # full-width
    "01.02.90-1234",  # dots
    "01.02.90 1234",
    "0102\u200b90-1234",  # a zero-width space between the digits
    "01\u00a002\u00a090\u00a01234",  # no-break spaces
    "٠١٠٢٩٠-١٢٣٤",  # Arabic-Indic digits
)


def _export(tmp_path: Path) -> dict[str, Any]:
    folder = tmp_path / "source"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    with open_store(folder, read_only=True) as store:
        return json.loads(export_bytes(store.export_bundle()))


def _run(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "peertui", *argv], capture_output=True, timeout=60, check=False
    )


def _no_controls(raw: bytes) -> None:
    text = raw.decode("utf-8")
    assert not REMOVED_RE.search(text.replace("\n", "")), repr(text)


def test_control_sequences_in_an_import_are_removed_and_reported(tmp_path: Path) -> None:
    doc = _export(tmp_path)
    group = doc["groups"][0]
    group["name"] = "Tirsdag" + "".join(ESCAPES)
    group["participants"][0]["alias"] = "Ma\x1b[31mja"
    group["statements"][0]["versions"][-1]["answers"][0] = "Jeg er\x00 her\r\n og 😀 ok\t!"
    source = tmp_path / "evil.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "target"

    result = _run("--data-dir", str(target), "data", "import", str(source))
    assert result.returncode == 0, result.stderr
    _no_controls(result.stdout + result.stderr)
    assert (
        b"groups[0].name" in result.stdout and b"groups[0].participants[0].alias" in result.stdout
    )
    with open_store(target, read_only=True) as store:
        stored = store.group(group["id"])
        assert not REMOVED_RE.search(stored.name) and stored.name.startswith("Tirsdag")
        maja = store.participant(group["id"], group["participants"][0]["id"])
        assert maja.alias == "Ma[31mja"
        answer = store.statement(group["id"], group["statements"][0]["id"]).answers[0]
        assert answer == "Jeg er her\n og 😀 ok\t!"  # emoji, newline and tab stay exactly
    for raw in all_bytes(target).values():
        assert b"\\u001b" not in raw and b"\x1b" not in raw
    info = _run("--data-dir", str(target), "data", "info")
    _no_controls(info.stdout + info.stderr)


def test_a_refused_import_never_prints_a_control_sequence(tmp_path: Path) -> None:
    doc = _export(tmp_path)
    target = tmp_path / "target"
    assert main(["demo", "--data-dir", str(target)]) == 0
    doc["groups"][0]["name"] = "Andet navn \x1b]0;owned\x07\x1b[2J"  # a conflict: same id
    source = tmp_path / "conflict \x1b[2J.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    before = all_bytes(target)
    result = _run("--data-dir", str(target), "data", "import", str(source))
    assert result.returncode == 2
    assert "Intet er ændret" in result.stderr.decode()
    _no_controls(result.stdout + result.stderr)
    after = all_bytes(target)
    after.pop("peertui.lock")
    before.pop("peertui.lock")
    assert after == before
    missing = _run("--data-dir", str(target), "data", "import", str(tmp_path / "x\x1b[2J.json"))
    assert missing.returncode == 2
    _no_controls(missing.stdout + missing.stderr)


def test_a_crafted_data_file_is_cleaned_on_the_way_out(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group("Mandag", "c", ["Bo"], date(2025, 1, 6), date(2099, 1, 1))
    path = data / "groups" / f"{group.id}.json"
    tables = json.loads(path.read_bytes())
    tables["group"]["1"]["name"] = "Mandag\x1b]0;owned\x07\x9b2J"
    path.write_text(json.dumps(tables), encoding="utf-8")
    with open_store(data) as store:
        assert store.group(group.id).name == "Mandag]0;owned2J"
    result = _run("--data-dir", str(data), "data", "info")
    assert result.returncode == 0
    _no_controls(result.stdout + result.stderr)


@pytest.mark.parametrize("disguise", CPR_DISGUISES)
def test_a_disguised_cpr_number_is_refused_on_import(disguise: str, tmp_path: Path) -> None:
    doc = _export(tmp_path)
    doc["groups"][0]["statements"][0]["versions"][0]["answers"][2] = f"mit nummer {disguise}"
    with pytest.raises(ImportInvalid) as caught:
        parse_export(json.dumps(doc).encode("utf-8"))
    message = str(caught.value)
    assert "CPR" in message and "groups[0].statements[0].versions[0].answers[2]" in message
    assert "1234" not in message and "١٢٣٤" not in message


@pytest.mark.parametrize("disguise", CPR_DISGUISES)
def test_a_disguised_cpr_number_is_refused_by_the_store(disguise: str, tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        group = store.create_group("Mandag", "c", [], date(2025, 1, 6), date(2099, 1, 1))
        maja = store.add_participant(group.id, "Maja", consents=["store_statement"])
        before = store.group_data(group.id)
        with pytest.raises(CprNumberRefused):
            store.add_participant(group.id, f"Kim {disguise}")
        with pytest.raises(CprNumberRefused) as caught:
            store.create_statement(group.id, maja.id, ["", f"nr. {disguise}", "", ""])
        assert "1234" not in str(caught.value)
        assert store.group_data(group.id) == before


def test_other_numbers_still_pass(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        group = store.create_group("Mandag", "c", [], date(2025, 1, 6), date(2099, 1, 1))
        maja = store.add_participant(group.id, "Maja", consents=["store_statement"])
        text = "Ring 70 201 201 eller 112 · mødet er 12.03.2025 kl. 10.30 · tlf. +45 70 20 12 01"
        store.create_statement(group.id, maja.id, [text, "", "", ""])


def _quick(*argv: str) -> subprocess.CompletedProcess[bytes]:
    started = time.monotonic()
    result = _run(*argv)
    assert time.monotonic() - started < 30
    return result


def test_odd_files_to_import_get_one_calm_line(tmp_path: Path) -> None:
    target = str(tmp_path / "target")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    huge_number = tmp_path / "number.json"
    huge_number.write_text('{"format": "peertui-export", "x": 1' + "0" * 5000 + "}")
    surrogate = tmp_path / "surrogate.json"
    doc = _export(tmp_path)
    doc["groups"][0]["name"] = "Tirsdag"
    surrogate.write_text(json.dumps(doc).replace('"Tirsdag"', '"Tirsdag\\udc00"'))
    for source, expected in (
        ("/dev/zero", "ikke en almindelig fil"),
        (str(fifo), "ikke en almindelig fil"),
        (str(tmp_path), "er en mappe"),
        (str(huge_number), "alt for mange cifre"),
    ):
        result = _quick("--data-dir", target, "data", "import", source)
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert expected in err and err.count("\n") == 1, err
        assert "uventet" not in err and "Traceback" not in err
    result = _quick("--data-dir", target, "data", "import", str(surrogate))
    assert result.returncode == 0, result.stderr
    _no_controls(result.stdout + result.stderr)
    with open_store(target, read_only=True) as store:
        assert store.group(doc["groups"][0]["id"]).name == "Tirsdag"


def test_an_import_larger_than_the_limit_is_refused_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peertui.store import portable

    monkeypatch.setattr(portable, "MAX_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5000)
    with pytest.raises(ImportInvalid) as caught:
        portable.read_export(big)
    assert "større end" in str(caught.value)


def test_a_lone_surrogate_in_a_saved_text_is_cleaned_not_a_crash(tmp_path: Path) -> None:
    """Any way in (a phone, a paste) may hand the store a lone surrogate, which UTF-8 cannot
    encode: it is removed like a control character, and the rest is saved."""
    with open_store(tmp_path / "data") as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        maja = store.add_participant(group.id, "Maja", consents=["taking_part", "store_statement"])
        statement = store.create_statement(group.id, maja.id, ["ro\ud800 og fred", "", "", ""])
        assert statement.answers[0] == "ro og fred"
        store.update_statement(group.id, statement.id, ["\udfffstille", "", "", ""])
        assert store.statement(group.id, statement.id).answers[0] == "stille"
