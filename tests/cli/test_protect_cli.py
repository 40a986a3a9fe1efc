"""The protected data folder on the command line (issue 18, items 2 and 3): ``data protect``,
``data unprotect``, ``data passphrase``, and every command asking for the passphrase of a
protected folder (on a terminal, or ``--passphrase-file``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peertui.cli import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK, main
from peertui.i18n import _
from peertui.store import demo, protection
from peertui.store.passphrase import WrongPassphrase
from peertui.store.store import open_store
from tests.store.helpers import without_lock
from tests.store.protected import PASSPHRASE, fast_kdf, holding, opened, unsealed

TODAY = date(2025, 3, 25)
MARKER = "Hyldebærmarkør-K4"


@pytest.fixture(autouse=True)
def _fast() -> Iterator[None]:
    with fast_kdf():
        yield


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[str], list[str]]]:
    """A terminal where the user types ``answers`` (getpass and input); ``prompts`` records
    what was asked."""
    import builtins
    import getpass

    answers: list[str] = []
    prompts: list[str] = []

    def fake(prompt: str = "", stream: object = None) -> str:
        prompts.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", fake)
    monkeypatch.setattr(builtins, "input", fake)
    yield answers, prompts


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        group = demo.fill(store, TODAY).group
        maja = store.find_participant(group.id, "Maja")
        store.create_statement(group.id, maja.id, (MARKER, "", "", ""), occasion="Jobcenter")
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    return _file(tmp_path, "kode.txt", PASSPHRASE)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _protect(data: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Protect ``data`` on the command line; return the recovery key it printed."""
    sheet = data.parent / f"ark-{len(list(data.parent.glob('ark-*')))}.pdf"
    code, out, err = _run(
        capsys, "data", "protect", "--data-dir", str(data), "--passphrase-file", str(secret),
        "--yes", "--print-recovery-key", "--recovery-sheet", str(sheet),
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, ""), out + err
    line = next(x for x in out.splitlines() if "AGE-SECRET-KEY-1" in x)
    return line.strip()


def test_protect_warns_and_encrypts_everything(
    data: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys, "data", "protect", "--data-dir", str(data), "--passphrase-file", str(secret),
        "--yes", "--print-recovery-key", "--recovery-sheet", str(data.parent / "ark.pdf"),
    )  # fmt: skip
    assert code == EXIT_OK and err == ""
    warning = _(
        "Protection encrypts every file in the data folder {dir}, backups included. "
        "Opening peertui will then need the passphrase. Without the passphrase or the "
        "recovery key, nobody can read the data: not you, not your organisation, and "
        "not the developers of peertui.",
        dir=str(data),
    )
    assert warning in out
    assert out.count("AGE-SECRET-KEY-1") == 1  # said once
    assert unsealed(data) == []
    everything = without_lock(data)
    assert holding(everything, MARKER.encode(), b"Tirsdagsgruppen") == []
    key = next(x for x in out.splitlines() if "AGE-SECRET-KEY-1" in x).strip()
    identity = protection.parse_recovery_key(key, data)
    assert holding(opened(data, identity), MARKER.encode())


def test_protect_asks_first_and_twice_on_a_terminal(
    data: Path,
    typed: tuple[list[str], list[str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(data.parent)  # the recovery sheet goes here by default
    answers, prompts = typed
    before = without_lock(data)
    answers.extend(["nej"])
    code, out, _err = _run(capsys, "data", "protect", "--data-dir", str(data))
    assert code == EXIT_CANCELLED and without_lock(data) == before
    assert _("Cancelled. Nothing has been changed.") in out
    answers.extend(["ja", PASSPHRASE, "noget andet", PASSPHRASE, PASSPHRASE])
    code, out, err = _run(capsys, "data", "protect", "--data-dir", str(data))
    assert code == EXIT_OK, out + err
    assert _("The two passphrases are not the same. Try again.") in err
    assert prompts[-4:] == [_("New passphrase for the data folder: ")] * 1 + [
        _("The same passphrase again: "),
        _("New passphrase for the data folder: "),
        _("The same passphrase again: "),
    ]
    assert protection.is_protected(data) and unsealed(data) == []
    sheet = data.parent / _("peertui-recovery-sheet.pdf")
    assert sheet.is_file() and sheet.stat().st_mode & 0o777 == 0o600
    assert "AGE-SECRET-KEY" not in out  # only on the sheet, unless asked


def test_protect_without_a_terminal_needs_yes(
    data: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = without_lock(data)
    code, _out, err = _run(
        capsys, "data", "protect", "--data-dir", str(data), "--passphrase-file", str(secret),
        "--recovery-sheet", str(data.parent / "ark.pdf"),
    )  # fmt: skip
    assert code == EXIT_CANCELLED and "--yes" in err
    assert without_lock(data) == before


COMMANDS = [
    ("data", "info"),
    ("data", "restore"),
    ("data", "restore", "--list"),
    ("organisation", "show"),
    ("organisation", "set", "--name", "Foreningen"),
    ("forget", "--group", "Tirsdagsgruppen (demo)", "--participant", "Maja", "--yes"),
    ("purge", "--yes", "--today", "2099-01-01"),
    ("demo", "--force"),
    ("export", "--group", "Tirsdagsgruppen (demo)", "--out", "{tmp}/ud"),
    ("certificate", "--group", "Kursusdag (demo)", "--trainee", "Lene", "--out", "{tmp}/ud"),
    ("data", "unprotect", "--yes"),
    ("data", "passphrase", "--new-passphrase-file", "{tmp}/kode.txt"),
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_every_command_needs_the_passphrase(
    argv: tuple[str, ...],
    data: Path,
    secret: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _protect(data, secret, capsys)
    before = without_lock(data)
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    at = ["--data-dir", str(data)]
    # Without a terminal and without --passphrase-file: one calm line, nothing changed.
    code, out, err = _run(capsys, *args, *at)
    assert code == EXIT_ERROR, out + err
    assert err.strip() == _(
        "The data folder {dir} is protected with a passphrase. Give it with {option} "
        "FILE when peertui is not running in a terminal. Nothing has been changed.",
        dir=str(data),
        option="--passphrase-file",
    )
    # A wrong passphrase: one calm line, nothing changed.
    wrong = _file(tmp_path, "forkert.txt", "forkert")
    code, out, err = _run(capsys, *args, *at, "--passphrase-file", str(wrong))
    assert code == EXIT_ERROR and err.strip() == WrongPassphrase(str(data)).message
    assert "Tirsdagsgruppen" not in out + err
    assert without_lock(data) == before
    # The right one: the command works.
    code, out, err = _run(capsys, *args, *at, "--passphrase-file", str(secret))
    assert code in (EXIT_OK, 1), out + err  # a certificate not yet earned is 1
    if args[:2] != ["data", "unprotect"]:
        assert unsealed(data) == []


def test_a_command_asks_on_a_terminal(
    data: Path,
    secret: Path,
    typed: tuple[list[str], list[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _protect(data, secret, capsys)
    answers, prompts = typed
    answers.append(PASSPHRASE)
    code, out, _err = _run(capsys, "data", "info", "--data-dir", str(data))
    assert code == EXIT_OK and "Tirsdagsgruppen (demo)" in out
    assert prompts == [_("Passphrase for the data folder: ")]
    # Ctrl+D at the question: cancelled
    code, out, err = _run(capsys, "data", "info", "--data-dir", str(data))
    assert code == EXIT_CANCELLED and err.strip() == _("Cancelled. Nothing has been changed.")


def test_data_export_and_import_take_the_folders_passphrase_apart(
    data: Path, secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _protect(data, secret, capsys)
    other = _file(tmp_path, "fil-kode.txt", "filens egen kode")
    target = tmp_path / "alt.age"
    code, out, err = _run(
        capsys, "data", "export", str(target), "--data-dir", str(data),
        "--passphrase-file", str(other), "--data-passphrase-file", str(secret),
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    import pyrage

    assert MARKER.encode() in pyrage.passphrase.decrypt(target.read_bytes(), "filens egen kode")
    # into a second protected folder
    fresh = tmp_path / "fresh"
    with open_store(fresh) as store:
        store.protect(PASSPHRASE, protection.new_identity())
    code, out, err = _run(
        capsys, "data", "import", str(target), "--data-dir", str(fresh),
        "--passphrase-file", str(other),
    )  # fmt: skip
    assert code == EXIT_ERROR and "--data-passphrase-file" in err
    code, out, err = _run(
        capsys, "data", "import", str(target), "--data-dir", str(fresh),
        "--passphrase-file", str(other), "--data-passphrase-file", str(secret),
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert unsealed(fresh) == [] and holding(without_lock(fresh), MARKER.encode()) == []


def test_change_the_passphrase_and_use_the_recovery_key(
    data: Path, secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recovery = _protect(data, secret, capsys)
    new = _file(tmp_path, "ny.txt", "en helt ny kode")
    at = ["--data-dir", str(data)]
    code, out, err = _run(
        capsys, "data", "passphrase", *at, "--passphrase-file", str(secret),
        "--new-passphrase-file", str(new),
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    code, _out, err = _run(capsys, "data", "info", *at, "--passphrase-file", str(secret))
    assert code == EXIT_ERROR and err.strip() == WrongPassphrase(str(data)).message
    assert _run(capsys, "data", "info", *at, "--passphrase-file", str(new))[0] == EXIT_OK
    # Forgotten: the recovery key (from a file, as typed from the sheet) sets a new one.
    key_file = _file(tmp_path, "gendannelse.txt", recovery.lower())
    third = _file(tmp_path, "tredje.txt", "tredje kode")
    code, out, err = _run(
        capsys, "data", "passphrase", *at, "--recovery-key-file", str(key_file),
        "--new-passphrase-file", str(third),
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert _run(capsys, "data", "info", *at, "--passphrase-file", str(third))[0] == EXIT_OK
    # A wrong recovery key: one calm line, nothing changed.
    before = without_lock(data)
    bad = _file(tmp_path, "forkert.txt", protection.recovery_key(protection.new_identity()))
    code, out, err = _run(
        capsys, "data", "passphrase", *at, "--recovery-key-file", str(bad),
        "--new-passphrase-file", str(new),
    )  # fmt: skip
    assert code == EXIT_ERROR
    assert err.strip() == protection.WrongRecoveryKey(str(data)).message
    assert without_lock(data) == before


def test_the_recovery_key_asked_on_a_terminal(
    data: Path,
    secret: Path,
    typed: tuple[list[str], list[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    recovery = _protect(data, secret, capsys)
    answers, prompts = typed
    answers.extend([recovery, "ny kode", "ny kode"])
    code, out, err = _run(capsys, "data", "passphrase", "--recovery-key", "--data-dir", str(data))
    assert code == EXIT_OK, out + err
    assert prompts[0] == _("Recovery key (from the recovery sheet): ")
    with open_store(data, passphrase="ny kode", read_only=True) as store:
        assert store.protected


def test_unprotect_gives_back_plain_files(
    data: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = without_lock(data)
    _protect(data, secret, capsys)
    code, out, err = _run(
        capsys, "data", "unprotect", "--data-dir", str(data), "--passphrase-file", str(secret),
        "--yes",
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert without_lock(data) == before
    assert _run(capsys, "data", "info", "--data-dir", str(data))[0] == EXIT_OK


def test_forget_and_purge_on_a_protected_folder(
    data: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recovery = _protect(data, secret, capsys)
    identity = protection.parse_recovery_key(recovery, data)
    at = ["--data-dir", str(data), "--passphrase-file", str(secret)]
    assert holding(opened(data, identity), MARKER.encode())
    code, out, err = _run(
        capsys, "forget", "--group", "Tirsdagsgruppen (demo)", "--participant", "Maja", "--yes",
        *at,
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert holding(opened(data, identity), MARKER.encode(), b'"Maja"') == []
    code, out, err = _run(capsys, "purge", "--yes", "--today", "2099-01-01", *at)
    assert code == EXIT_OK, out + err
    assert holding(opened(data, identity), b"Tirsdagsgruppen", b"Kursusdag") == []
    assert unsealed(data) == []


def test_the_wall_needs_no_passphrase() -> None:
    """The wall reads nothing from the data folder: it never imports the store."""
    import ast

    root = Path(__file__).resolve().parents[2] / "peertui"
    for module in (root / "ui" / "wall.py", root / "wall.py", root / "cli" / "wall.py"):
        tree = ast.parse(module.read_text("utf-8"))
        imported = {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        } | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not [m for m in imported if m.startswith("peertui.store")], module
