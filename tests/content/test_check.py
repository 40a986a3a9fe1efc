"""`peertui check` on broken content: every problem as `path:line: message`, exit 1."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from peertui.check import run_check
from peertui.content import load_library

from .helpers import COURSE_TOML, MEETING, PAGE, make_tree, write

LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+)(?::\d+)?: (?P<message>.+)$")


def check(paths: list[Path]) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_check([str(p) for p in paths], out=out)
    return code, out.getvalue().splitlines()


def problems(lines: list[str]) -> list[tuple[str, int, str]]:
    found = []
    for line in lines:
        match = LINE_RE.match(line)
        if match:
            found.append((Path(match["path"]).name, int(match["line"]), match["message"]))
    return found


Mutation = Callable[[Path, Path], None]


def meeting_path(sessions: Path) -> Path:
    return sessions / "testforloeb" / "01-a.md"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (name, mutation, file name, line, message fragment, is_error)
CASES: list[tuple[str, Mutation, str, int, str, bool]] = [
    (
        "bad toml in course",
        lambda s, c: write(s / "testforloeb" / "course.toml", COURSE_TOML + "link = https://x\n"),
        "course.toml",
        6,
        "tekst skal stå i anførselstegn",
        True,
    ),
    (
        "missing key in course",
        lambda s, c: replace_in(s / "testforloeb" / "course.toml", 'title = "Testforløb"\n', ""),
        "course.toml",
        1,
        "mangler 'title'",
        True,
    ),
    (
        "unknown key in course",
        lambda s, c: write(s / "testforloeb" / "course.toml", COURSE_TOML + 'colour = "rød"\n'),
        "course.toml",
        6,
        "ukendt nøgle 'colour'",
        True,
    ),
    (
        "training is not true or false",
        lambda s, c: write(s / "testforloeb" / "course.toml", COURSE_TOML + 'training = "ja"\n'),
        "course.toml",
        6,
        "'training' skal være true eller false",
        True,
    ),
    (
        "wrong type",
        lambda s, c: replace_in(
            s / "testforloeb" / "course.toml", "meeting_minutes = 60", 'meeting_minutes = "60"'
        ),
        "course.toml",
        3,
        "'meeting_minutes' skal være et helt tal",
        True,
    ),
    (
        "bad toml in meeting front matter",
        lambda s, c: replace_in(meeting_path(s), "number = 1", "number = = 1"),
        "01-a.md",
        2,
        "værdien efter = kan ikke læses",
        True,
    ),
    (
        "duplicate meeting number",
        lambda s, c: replace_in(s / "testforloeb" / "02-b.md", "number = 2", "number = 1"),
        "02-b.md",
        2,
        "mødegang nummer 1 findes også",
        True,
    ),
    (
        "duplicate page id",
        lambda s, c: write(c / "kopi.md", PAGE.format(id="side-a", other="side-b")),
        "side-a.md",  # files are read in name order: kopi.md came first
        2,
        "side-id 'side-a' findes også",
        True,
    ),
    (
        "link to a missing page",
        lambda s, c: replace_in(c / "side-a.md", "guide:side-b", "guide:findes-ikke"),
        "side-a.md",
        9,
        "'findes-ikke', som ikke findes",
        True,
    ),
    (
        "link to a missing page from a meeting",
        lambda s, c: replace_in(meeting_path(s), "guide:side-a", "guide:mangler"),
        "01-a.md",
        30,
        "'mangler', som ikke findes",
        True,
    ),
    (
        "minutes do not add up",
        lambda s, c: replace_in(meeting_path(s), "minutes = 40", "minutes = 45"),
        "01-a.md",
        1,
        "advarsel: punkternes minutter giver 65",
        False,
    ),
    (
        "not utf-8",
        lambda s, c: write(c / "latin1.md", '+++\nid = "x"\ntitle = "Sø"\n+++\n'.encode("latin-1")),
        "latin1.md",
        3,
        "ikke har gemt som UTF-8",
        True,
    ),
    (
        "empty file",
        lambda s, c: write(c / "tom.md", ""),
        "tom.md",
        1,
        "filen er tom",
        True,
    ),
    (
        "unknown block kind",
        lambda s, c: replace_in(meeting_path(s), 'kind = "tema"', 'kind = "foredrag"'),
        "01-a.md",
        26,
        "ukendt kind 'foredrag'",
        True,
    ),
    (
        "block without fences",
        lambda s, c: replace_in(
            meeting_path(s), '## Tema\n+++\nkind = "tema"\nminutes = 40\n+++\n', "## Tema\n"
        ),
        "01-a.md",
        24,
        "skal følges direkte af +++",
        True,
    ),
    (
        "unclosed notes",
        lambda s, c: replace_in(meeting_path(s), "Hemmelig note 1.\n:::\n", "Hemmelig note 1.\n"),
        "01-a.md",
        20,
        "::: noter lukkes aldrig",
        True,
    ),
    (
        "no front matter",
        lambda s, c: write(c / "uden.md", "Bare tekst\n"),
        "uden.md",
        1,
        "skal starte med en linje med +++",
        True,
    ),
    (
        "bad id",
        lambda s, c: write(c / "id.md", PAGE.format(id="Store Bogstaver", other="side-a")),
        "id.md",
        2,
        "'id' må kun indeholde",
        True,
    ),
    (
        "bad link url",
        lambda s, c: replace_in(c / "side-a.md", "https://indhold.invalid/side-a", "example.org"),
        "side-a.md",
        5,
        "'link' skal være en adresse",
        True,
    ),
    (
        "meeting file outside a course",
        lambda s, c: write(c / "moede.md", MEETING.format(number=3)),
        "moede.md",
        1,
        "skal ligge i en forløbsmappe",
        True,
    ),
    (
        "level-1 heading in a meeting",
        lambda s, c: replace_in(
            meeting_path(s), "Beskrivelse til", "# Overskrift\n\nBeskrivelse til"
        ),
        "01-a.md",
        6,
        "brug ikke # overskrifter",
        True,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "file", "line", "fragment", "is_error"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_check_reports_problem(
    tmp_path: Path, mutate: Mutation, file: str, line: int, fragment: str, is_error: bool
) -> None:
    sessions, content = make_tree(tmp_path)
    assert check([sessions, content])[0] == 0
    mutate(sessions, content)
    code, lines = check([sessions, content])
    found = problems(lines)
    assert any(
        name == file and lineno == line and fragment in message for name, lineno, message in found
    ), lines
    assert code == (1 if is_error else 0), lines


def test_clean_tree_exits_zero(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    code, lines = check([sessions, content])
    assert code == 0
    assert lines == ["Alt i orden: 1 forløb, 2 mødegange, 2 guidesider, 0 scenarier."]


def test_unclosed_notes_do_not_leak_into_wall_text(tmp_path: Path) -> None:
    from peertui.content import load_library

    sessions, content = make_tree(tmp_path)
    replace_in(meeting_path(sessions), "Hemmelig note 1.\n:::\n", "Hemmelig note 1.\n")
    library = load_library([sessions, content])
    for block in library.courses[0].meetings[0].blocks:
        assert "Hemmelig" not in block.text


def test_missing_path(tmp_path: Path) -> None:
    code, lines = check([tmp_path / "findes-ikke"])
    assert code == 1
    assert problems(lines)[0][1:] == (1, "findes ikke")


def test_checking_a_course_alone_resolves_links_against_builtin_pages(tmp_path: Path) -> None:
    sessions, _content = make_tree(tmp_path)
    replace_in(meeting_path(sessions), "guide:side-a", "guide:tryghedsplan")
    replace_in(sessions / "testforloeb" / "02-b.md", "guide:side-a", "guide:tryghedsplan")
    assert check([sessions])[0] == 0


def test_cli_check_builtin_content_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peertui", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alt i orden" in result.stdout
    assert result.stderr == ""


def test_cli_check_broken_content_exits_one(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(content / "side-a.md", "guide:side-b", "guide:mangler")
    result = subprocess.run(
        [sys.executable, "-m", "peertui", "check", str(sessions), str(content)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.returncode == 1
    assert "content/side-a.md:9: linket peger på siden 'mangler'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_long_page_gets_a_warning_not_an_error(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    items = "\n".join(f"- punkt {i}" for i in range(40))
    write(content / "lang.md", PAGE.format(id="lang", other="side-a") + "\n" + items + "\n")
    code, lines = check([sessions, content])
    assert code == 0
    assert any("lang.md:1: advarsel: siden har 81 blokke" in line for line in lines), lines
    assert "0 fejl, 1 advarsel." in lines, lines


def test_builtin_content_has_no_errors_and_no_warnings() -> None:
    code, lines = check([])
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("Alt i orden: 2 forløb,"), lines
    assert lines[0].endswith(", 6 scenarier."), lines


def test_the_training_course_is_marked_as_one() -> None:
    from peertui.content import load_library

    library = load_library()
    marked = {c.id: c.training for c in library.courses}
    assert marked == {"vejen-til-hverdagslivet": False, "bliv-inddragelsesfacilitator": True}


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("https://example.org/side", "er et eksempel"),
        ("https://www.example.com/x", "er et eksempel"),
        ("https://localhost/x", "er et eksempel"),
        ("http://foreningen-nord.dk/side", "skal være en https-adresse"),
    ],
)
def test_a_placeholder_or_plain_http_link_is_warned_about(
    link: str, words: str, tmp_path: Path
) -> None:
    """Such a link would reach a printed QR code: peertui check says so, with the line."""
    sessions, content = make_tree(tmp_path)
    replace_in(content / "side-a.md", "https://indhold.invalid/side-a", link)
    library = load_library([sessions, content])
    (problem,) = [p for p in library.problems if words in p.message]
    assert not problem.is_error and problem.line == 5 and problem.path.name == "side-a.md"


def test_the_builtin_content_has_no_placeholder_links() -> None:
    library = load_library()
    assert not [p for p in library.problems if "eksempel" in p.message or "https" in p.message]
