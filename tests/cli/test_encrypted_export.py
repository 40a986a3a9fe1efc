"""Encrypted exports (issue 18, item 1): ``data export`` writes an ``age`` file locked with a
passphrase, ``data import`` opens it, ``--unencrypted`` writes the plain JSON as before.

A passphrase takes a second or two to stretch (scrypt, by design), so one encrypted export is
made per module and shared; the tests that only check refusals never encrypt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyrage
import pytest

from peertui.cli import EXIT_CANCELLED, EXIT_OK, EXIT_USAGE, main
from peertui.i18n import _
from peertui.store import demo, portable
from peertui.store.files import AGE_HEADER as HEADER
from peertui.store.passphrase import read_passphrase_file
from peertui.store.store import open_store
from tests.store.helpers import all_bytes

TODAY = date(2025, 3, 25)
PASSPHRASE = "korrekt hest batteri hæfteklamme"
#: Typed into a statement: it must be in the plain export and nowhere in the encrypted one.
MARKER = "Blåbærsyltetøj-markør-7Q"


@dataclass(frozen=True)
class Exported:
    source: Path  # the data folder
    encrypted: Path
    plain: Path  # the same data, --unencrypted
    passphrase_file: Path


def _passphrase_file(folder: Path, text: str) -> Path:
    path = folder / "passphrase.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    folder = tmp_path_factory.mktemp("encrypted")
    source = folder / "data"
    with open_store(source) as store:
        group = demo.fill(store, TODAY).group
        maja = store.find_participant(group.id, "Maja")
        store.create_statement(group.id, maja.id, (MARKER, "", "", ""), occasion="Jobcenter")
    secret = _passphrase_file(folder, PASSPHRASE + "\n")
    encrypted, plain = folder / "alt.age", folder / "alt.json"
    at = ["--data-dir", str(source), "data", "export"]
    assert main([*at, str(encrypted), "--passphrase-file", str(secret)]) == EXIT_OK
    assert main([*at, str(plain), "--unencrypted"]) == EXIT_OK
    return Exported(source, encrypted, plain, secret)


class _Terminal:
    """stdin as a terminal: ``isatty()`` is true (getpass itself is replaced)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[str], list[str]]]:
    """A terminal where the user types the strings put in ``answers``; ``prompts`` records
    what getpass asked."""
    import getpass
    import sys

    answers: list[str] = []
    prompts: list[str] = []

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    yield answers, prompts


def _seeded(folder: Path) -> Path:
    """A data folder with one group of its own, to see that an import changes nothing."""
    with open_store(folder) as store:
        store.create_group(
            "Onsdagsgruppen", "vejen-til-hverdagslivet", ["Anne"], TODAY, date(2026, 1, 1)
        )
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    found = all_bytes(folder)
    found.pop("peertui.lock", None)
    return found


def test_the_export_is_an_age_file_with_no_participant_text(exported: Exported) -> None:
    raw = exported.encrypted.read_bytes()
    assert raw.startswith(HEADER) and raw.startswith(b"age-encryption.org/v1\n")
    assert MARKER.encode("utf-8") in exported.plain.read_bytes()  # the marker is exported
    assert MARKER.encode("utf-8") not in raw
    assert b"Maja" not in raw and b"peertui-export" not in raw
    # written like today's export: private, and no temp file left beside it
    assert exported.encrypted.stat().st_mode & 0o777 == 0o600
    assert exported.plain.stat().st_mode & 0o777 == 0o600
    assert not [p for p in exported.encrypted.parent.iterdir() if p.name.startswith(".")]


def test_the_age_reader_decrypts_it_to_the_plain_export(exported: Exported) -> None:
    opened = pyrage.passphrase.decrypt(exported.encrypted.read_bytes(), PASSPHRASE)
    assert opened == exported.plain.read_bytes()  # byte for byte what --unencrypted writes
    with open_store(exported.source, read_only=True) as store:
        assert opened == portable.export_bytes(store.export_bundle())


def test_import_into_a_fresh_folder_round_trips(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fresh"
    beside = sorted(p.name for p in exported.encrypted.parent.iterdir())
    argv = ["data", "import", str(exported.encrypted), "--data-dir", str(target)]
    assert main([*argv, "--passphrase-file", str(exported.passphrase_file)]) == EXIT_OK
    imported = _(
        "Imported: {added} new groups, {kept} unchanged, {trainees} new trainees.",
        added=2,
        kept=0,
        trainees=5,
    )
    assert imported in capsys.readouterr().out
    # decrypted in memory: nothing new beside the file, nothing in clear outside the folder
    assert sorted(p.name for p in exported.encrypted.parent.iterdir()) == beside
    again = tmp_path / "again.json"
    assert main(["data", "export", str(again), "--unencrypted", "--data-dir", str(target)]) == 0
    assert again.read_bytes() == exported.plain.read_bytes()


def test_a_wrong_passphrase_imports_nothing(
    exported: Exported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    answers, prompts = typed
    target = _seeded(tmp_path / "target")
    before = _files(target)
    answers.append("forkert")
    argv = ["data", "import", str(exported.encrypted), "--replace", "--yes"]
    assert main([*argv, "--data-dir", str(target)]) == EXIT_USAGE
    assert len(prompts) == 1 and str(exported.encrypted) in prompts[0]
    err = capsys.readouterr().err
    expected = _(
        "The passphrase does not open {file}. Nothing has been changed.",
        file=str(exported.encrypted),
    )
    assert err == expected + "\n"
    assert _files(target) == before


def test_import_without_a_terminal_needs_the_passphrase_file(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _seeded(tmp_path / "target")
    before = _files(target)
    argv = ["data", "import", str(exported.encrypted), "--data-dir", str(target)]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--passphrase-file" in err and err.count("\n") == 1
    assert _files(target) == before


def test_a_damaged_encrypted_file_is_refused(
    exported: Exported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    answers, _prompts = typed
    answers.append(PASSPHRASE)
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(exported.encrypted.read_bytes()[:40])  # the header, cut short
    assert main(["data", "import", str(damaged), "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert _("it is encrypted, but damaged or not locked with a passphrase.") in err
    assert not (tmp_path / "d").exists()


def test_the_size_limit_applies_to_the_encrypted_file(
    exported: Exported,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    _answers, prompts = typed
    monkeypatch.setattr(portable, "MAX_BYTES", 1000)
    argv = ["data", "import", str(exported.encrypted), "--data-dir", str(tmp_path / "d")]
    assert main(argv) == 2
    assert prompts == []  # refused before anyone is asked
    assert _("it is larger than {limit} MB.", limit=0) in capsys.readouterr().err


def test_export_asks_twice_and_again_when_the_two_differ(
    exported: Exported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    answers, prompts = typed
    answers.extend(["første", "forste", "", PASSPHRASE, PASSPHRASE])
    out = tmp_path / "alt.age"
    assert main(["data", "export", str(out), "--data-dir", str(exported.source)]) == EXIT_OK
    assert len(prompts) == 5
    assert prompts[0] == _("Passphrase for the file: ")
    assert prompts[1] == _("The same passphrase again: ")
    captured = capsys.readouterr()
    assert _("The two passphrases are not the same. Try again.") in captured.err
    assert _("The passphrase cannot be empty.") in captured.err
    assert "Traceback" not in captured.err
    assert str(out) in captured.out
    assert PASSPHRASE not in captured.out + captured.err + "".join(prompts)
    opened = pyrage.passphrase.decrypt(out.read_bytes(), PASSPHRASE)
    assert opened == exported.plain.read_bytes()


def test_three_differing_entries_write_nothing(
    exported: Exported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    answers, prompts = typed
    answers.extend(["a1", "b1", "a2", "b2", "a3", "b3", PASSPHRASE, PASSPHRASE])
    out = tmp_path / "alt.age"
    assert main(["data", "export", str(out), "--data-dir", str(exported.source)]) == EXIT_CANCELLED
    assert len(prompts) == 6
    err = capsys.readouterr().err
    assert err.count(_("The two passphrases are not the same. Try again.")) == 2
    assert _("No passphrase was set, so nothing has been written.") in err
    assert not out.exists()


def test_export_refuses_an_empty_or_odd_passphrase_file(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alt.age"
    argv = ["data", "export", str(out), "--data-dir", str(exported.source), "--passphrase-file"]
    for text in ("", "\n", "\r\nhemmelig\n"):
        secret = _passphrase_file(tmp_path, text)
        assert main([*argv, str(secret)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert (
            err
            == _(
                "The passphrase file {file} is empty: write the passphrase on its first line.",
                file=str(secret),
            )
            + "\n"
        )
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for odd in (fifo, tmp_path, tmp_path / "missing"):
        assert main([*argv, str(odd)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert str(odd) in err and err.count("\n") == 1
    assert not out.exists()


def test_the_passphrase_is_the_first_line_of_the_file(tmp_path: Path) -> None:
    assert read_passphrase_file(_passphrase_file(tmp_path, "hemmelig\n")) == "hemmelig"
    assert read_passphrase_file(_passphrase_file(tmp_path, "hemmelig\r\nmere\n")) == "hemmelig"
    assert read_passphrase_file(_passphrase_file(tmp_path, " med mellemrum ")) == " med mellemrum "


def test_without_a_terminal_export_says_how(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alt.age"
    argv = ["data", "export", str(out), "--data-dir", str(exported.source)]
    for extra in ([], ["--unencrypted", "--passphrase-file", str(out)]):
        with pytest.raises(SystemExit) as done:
            main([*argv, *extra])
        assert done.value.code == EXIT_USAGE
        err = capsys.readouterr().err
        assert "--passphrase-file" in err and "--unencrypted" in err
        assert "Traceback" not in err
    assert not out.exists()


def test_unencrypted_says_what_it_means_and_writes_plain_json(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alt.json"
    argv = ["data", "export", str(out), "--unencrypted", "--data-dir", str(exported.source)]
    assert main(argv) == EXIT_OK
    said = capsys.readouterr().out
    assert (
        _("The file will not be encrypted: anyone who gets it can read every participant's words.")
        in said
    )
    assert out.read_bytes() == exported.plain.read_bytes()
    # and a plain file imports as before, without a passphrase
    target = tmp_path / "target"
    assert main(["data", "import", str(out), "--data-dir", str(target)]) == EXIT_OK


def test_no_answer_at_the_import_question_cancels(
    exported: Exported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    typed: tuple[list[str], list[str]],
) -> None:
    _answers, prompts = typed  # nothing typed: the input ends (Ctrl+D)
    argv = ["data", "import", str(exported.encrypted), "--data-dir", str(tmp_path / "d")]
    assert main(argv) == EXIT_CANCELLED
    assert len(prompts) == 1
    assert _("Cancelled. Nothing has been changed.") in capsys.readouterr().out
    assert not (tmp_path / "d").exists()
