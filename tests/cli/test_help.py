"""Every command's ``--help`` and every usage error in Danish, and the exit statuses the README
documents (peertui/cli/exits.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from peertui.cli import EXIT_BROKEN_PIPE, EXIT_NOT_YET, EXIT_OK, EXIT_USAGE, build, main

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = (
    "Usage", "usage", "Options", "options:", "Commands", "Arguments", "Show this message",
    "Show the version", "Error", "required]", "default:", "[OPTIONS]", "COMMAND", "ARGS",
    "positional", "help message", "Try '",
)  # fmt: skip


def command_paths(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from command_paths(sub, (*path, name))


ALL = sorted(command_paths(build()))


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    assert done.value.code == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    for word in ENGLISH:
        assert word not in captured.err, (word, captured.err)
    return " ".join(captured.err.split())


def test_every_command_is_listed() -> None:
    names = {" ".join(p) for p in ALL}
    assert {"check", "wall", "export", "certificate", "demo", "forget", "purge"} <= names
    assert {"data export", "data import", "data restore", "data info"} <= names
    assert {"organisation show", "organisation set"} <= names


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "peertui")
def test_help_is_danish(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith(f"Brug: {' '.join(('peertui', *path))} [TILVALG]")
    assert "Tilvalg:" in text and "-h, --help  " in text and "Vis denne hjælp og afslut." in text
    for word in ENGLISH:
        assert word not in text, (word, text)


def test_groups_list_their_commands_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["-h"])
    text = capsys.readouterr().out
    assert "KOMMANDO [ARGUMENTER]..." in text and "Kommandoer:" in text
    assert "Vis versionen og afslut." in text


def test_a_wrong_option_is_a_danish_error(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "export", "--grup", "x")
    assert "Brug: peertui export [TILVALG]" in err
    assert "Skriv 'peertui export --help' for at få hjælp." in err
    assert "Fejl: Tilvalget '--grup' findes ikke. Mente du '--group'?" in err


def test_missing_and_invalid_values_are_danish(capsys: pytest.CaptureFixture[str]) -> None:
    assert "Fejl: Mangler tilvalget '--group'." in usage_error(capsys, "export")
    err = usage_error(capsys, "export", "--group", "g", "--what", "alt")
    assert "Fejl: Ugyldig værdi for '--what': 'alt' er ikke en af 'statement'," in err
    err = usage_error(capsys, "purge", "--today", "4. marts")
    assert "Ugyldig værdi for '--today': '4. marts' er ikke en dato som 2025-03-04" in err
    assert "Kommandoen 'udskriv' findes ikke." in usage_error(capsys, "udskriv")
    assert "Tilvalget '--group' skal have en værdi." in usage_error(capsys, "export", "--group")
    assert "Fejl: Et argument for meget (x)" in usage_error(capsys, "data", "info", "x")


def test_a_group_without_its_action_shows_its_help_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["data"])
    assert done.value.code == EXIT_USAGE
    assert "HANDLING [ARGUMENTER]..." in capsys.readouterr().err


def test_english_when_peertui_speaks_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Click's words follow peertui's language: with no catalog, click's own English."""
    monkeypatch.setenv("PEERTUI_LANG", "en")
    with pytest.raises(SystemExit):
        main(["export", "--nope"])
    assert "Error: No such option '--nope'." in capsys.readouterr().err


def test_no_command_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """... with gettext and LANGUAGE as the process had them: click's words are click's."""
    import gettext
    import os

    import peertui.ui.app

    monkeypatch.setenv("LANGUAGE", "fr")
    domain = gettext.textdomain()
    opened: list[tuple[object, ...]] = []

    def run_app(content_paths: list[str] | None = None, data_dir: str | None = None) -> int:
        opened.append((content_paths, data_dir, os.environ["LANGUAGE"], gettext.textdomain()))
        return 0

    monkeypatch.setattr(peertui.ui.app, "run_app", run_app)
    assert main([]) == 0
    assert main(["--data-dir", "D", "--content", "a", "--content", "b"]) == 0
    assert opened == [(None, None, "fr", domain), (["a", "b"], "D", "fr", domain)]


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data)]) == EXIT_OK
    # "not yet": check found errors; a question that cannot be asked without --yes
    assert main(["check", str(tmp_path / "findes-ikke")]) == EXIT_NOT_YET
    forget = ["forget", "--group", "Tirsdagsgruppen (demo)", "--participant", "Maja"]
    assert main([*forget, "--data-dir", str(data)]) == EXIT_NOT_YET
    # bad input: a group that is not there, a file that exists, forget without a participant
    assert main(["export", "--group", "Ingen", "--data-dir", str(data)]) == EXIT_USAGE
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    exists = ["data", "export", str(tmp_path / "x.json"), "--unencrypted"]
    assert main([*exists, "--data-dir", str(data)]) == 2
    assert main(["forget", "--group", "Tirsdagsgruppen (demo)", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err


def test_the_readme_lists_every_exit_status() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \|", readme, flags=re.MULTILINE)
    assert rows == [str(s) for s in (EXIT_OK, EXIT_NOT_YET, EXIT_USAGE, EXIT_BROKEN_PIPE)]


def _danish_phrases() -> list[str]:
    """Every Danish text of the catalog that differs from its English and has two words or
    more (placeholders cut out): none may be in an English ``--help``."""
    from babel.messages.pofile import read_po

    from peertui.i18n import LOCALE_DIR

    with (LOCALE_DIR / "da" / "LC_MESSAGES" / "peertui.po").open("rb") as f:
        catalog = read_po(f, locale="da")
    phrases = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in texts:
            if text in ids:
                continue
            for part in re.split(r"\{[^{}]*\}", text):
                part = " ".join(part.split()).strip(" .,:;()")
                if len(part.split()) >= 2:
                    phrases.append(part)
    return phrases


@pytest.mark.parametrize("how", ["--lang", "PEERTUI_LANG"])
@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "peertui")
def test_help_is_english_when_asked(
    path: tuple[str, ...],
    how: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    before = os.environ.get("PEERTUI_LANG")
    argv = [*path, "--help"]
    if how == "--lang":
        argv = ["--lang", "en", *argv]
    else:
        monkeypatch.setenv("PEERTUI_LANG", "en")
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == EXIT_OK
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith(f"Usage: {' '.join(('peertui', *path))} [OPTIONS]")
    assert "Show this message and exit." in text
    for danish in ("Brug:", "Tilvalg", "Kommandoer", "æ", "ø", "å"):
        assert danish not in text, (danish, text)
    found = [p for p in _danish_phrases() if p in text]
    assert found == [], found
    if how == "--lang":  # --lang is for this run only: the environment is as it was
        assert os.environ.get("PEERTUI_LANG") == before


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "--lang", "sv", "check")
    assert "'sv' er ikke en af 'da', 'en'" in err
