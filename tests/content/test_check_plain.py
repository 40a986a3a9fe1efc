"""`peertui check` for a volunteer coordinator: plain Danish, one mistake one message, one file."""

from __future__ import annotations

import io
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from peertui.check import check_command, run_check
from peertui.content.toml_errors import explain_toml_error

from .helpers import COURSE_TOML, PAGE, make_tree, write
from .test_check import check, meeting_path, problems, replace_in
from .test_scenarios import make_scenarios

#: tomllib's own words: none may reach the user.
ENGLISH = re.compile(
    r"\b(expected|invalid|value|key|cannot|unclosed|unterminated|unescaped|illegal|string|"
    r"character|array|statement|document|declare|overwrite|line|column|after|pair|toml)\b",
    re.IGNORECASE,
)
Mutation = Callable[[Path, Path], None]


def course_toml(sessions: Path) -> Path:
    return sessions / "testforloeb" / "course.toml"


# (name, mutation, file, line, column or None, what the message says)
BROKEN_TOML: list[tuple[str, Mutation, str, int, int | None, str]] = [
    (
        "missing =",
        lambda s, c: replace_in(course_toml(s), "meeting_minutes = 60", "meeting_minutes 60"),
        "course.toml",
        3,
        17,
        "der mangler et = efter navnet",
    ),
    (
        "text without quotes",
        lambda s, c: replace_in(course_toml(s), '"Testforløb"', "Testforløb"),
        "course.toml",
        1,
        9,
        "tekst skal stå i anførselstegn",
    ),
    (
        "unclosed quote",
        lambda s, c: replace_in(course_toml(s), '"Testforløb"', '"Testforløb'),
        "course.toml",
        1,
        None,
        'mangler sit afsluttende anførselstegn (")',
    ),
    (
        "unclosed single quote, reported where it opens (tomllib says: at the end)",
        lambda s, c: replace_in(course_toml(s), '"Testforløb"', "'Testforløb"),
        "course.toml",
        1,
        None,
        "mangler sit afsluttende anførselstegn (')",
    ),
    (
        "a key twice, at the second (tomllib says: at the end)",
        lambda s, c: write(course_toml(s), COURSE_TOML.replace("link", 'title = "Igen"\nlink')),
        "course.toml",
        4,
        None,
        "'title' står der mere end én gang",
    ),
    (
        "quotes inside the text",
        lambda s, c: replace_in(course_toml(s), '"Testforløb"', '"Det "gode" forløb"'),
        "course.toml",
        1,
        15,
        "den selv indeholder et anførselstegn",
    ),
    (
        "unclosed list in a page, at the line that opens it",
        lambda s, c: replace_in(c / "side-a.md", 'tags = ["test"]', 'tags = ["test"'),
        "side-a.md",
        4,
        None,
        "listen mangler sit afsluttende ]",
    ),
    (
        "a word after the number in a block's fences",
        lambda s, c: replace_in(meeting_path(s), "minutes = 40", "minutes = 40 min"),
        "01-a.md",
        27,
        14,
        "der står noget efter værdien",
    ),
    (
        "a letter the key may not have",
        lambda s, c: replace_in(meeting_path(s), "title =", "titel-på-møde ø ="),
        "01-a.md",
        3,
        None,
        "navnet før = må kun bestå af",
    ),
    (
        "nothing after =",
        lambda s, c: replace_in(c / "side-a.md", 'title = "Side side-a"', "title ="),
        "side-a.md",
        3,
        8,
        "der mangler en værdi efter =",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "file", "line", "column", "says"),
    [case[1:] for case in BROKEN_TOML],
    ids=[case[0] for case in BROKEN_TOML],
)
def test_broken_toml_is_one_plain_danish_message_at_its_line(
    tmp_path: Path, mutate: Mutation, file: str, line: int, column: int | None, says: str
) -> None:
    sessions, content = make_tree(tmp_path)
    mutate(sessions, content)
    code, lines = check([sessions, content])
    assert code == 1
    assert lines[-1] == "1 fejl, 0 advarsler.", lines
    (only,) = lines[:-1]
    where = f":{line}:" if column is None else f":{line}:{column}:"
    assert f"{file}{where} " in only, only
    message = only.split(f"{where} ", 1)[1]
    assert says in message, only
    assert not ENGLISH.search(message), message


@pytest.mark.parametrize(
    "text",
    [
        'a = """x',
        "a = '''x",
        'a = "x\\d"',
        "a = 2026-13-01",
        "a = {b = 1",
        "[a\n",
        "[a]\n[a]",
        'a = "x\x01"',
        "- punkt",
        "a = True",
        "a = 01",
        'a = "x" "y"',
        "a.b = 1\na = 2",
        "x = {a = 1, a = 2}",
        "= 1",
    ],
)
def test_every_tomllib_error_is_told_in_danish(text: str) -> None:
    lines = text.split("\n")
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    explained = explain_toml_error(str(raised.value), lines)
    assert 0 <= explained.index < len(lines)
    assert explained.message and not ENGLISH.search(explained.message), explained


def test_an_unknown_tomllib_message_still_gets_danish() -> None:
    explained = explain_toml_error("Something new went wrong (at line 2, column 3)", ["a", "b"])
    assert (explained.index, explained.column) == (1, 3)
    assert "linjen kan ikke læses" in explained.message
    assert not ENGLISH.search(explained.message)


# --------------------------------------------------------------------------- one mistake


def test_a_broken_page_is_one_message_not_also_the_links_to_it(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    # side-b is linked from side-a; meetings link to side-a: break both pages' targets.
    replace_in(content / "side-b.md", 'title = "Side side-b"', "title = Side side-b")
    write(content / "tredje.md", PAGE.format(id="tredje", other="side-b"))
    code, lines = check([sessions, content])
    assert code == 1
    found = problems(lines)
    assert [(name, line) for name, line, _ in found] == [("side-b.md", 3)], lines


def test_a_page_that_fails_before_its_id_is_known_by_its_file_name(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    write(content / "side-b.md", "Ingen front matter her.\n")
    _code, lines = check([sessions, content])
    assert [(name, line) for name, line, _ in problems(lines)] == [("side-b.md", 1)], lines


def test_a_link_to_a_page_that_does_not_exist_is_still_reported(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(content / "side-b.md", 'title = "Side side-b"', "title = Side side-b")
    replace_in(content / "side-a.md", "guide:side-b", "guide:findes-ikke")
    found = problems(check([sessions, content])[1])
    assert {name for name, _, _ in found} == {"side-a.md", "side-b.md"}


def test_a_broken_scenario_is_one_message_not_also_its_pair_and_blocks(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    _uden, med = make_scenarios(content)
    replace_in(med, "minutes = 5", "minutes = = 5")
    replace_in(meeting_path(sessions), 'kind = "tema"', 'kind = "tema"\nscenarios = ["med"]')
    code, lines = check([sessions, content])
    assert code == 1
    assert [name for name, _, _ in problems(lines)] == ["med.md"], lines


@pytest.mark.parametrize(
    ("old", "new", "line", "says"),
    [
        ("minutes = 40", "minutes = 0", 27, "'minutes' skal være mellem 1 og 600"),
        ("minutes = 40", 'minutes = "40"', 27, "'minutes' skal være et helt tal"),
        ("minutes = 40", "minutes = 40 min", 27, "der står noget efter værdien"),
        ('kind = "tema"', 'kind = "foredrag"', 26, "ukendt kind 'foredrag'"),
    ],
)
def test_a_block_left_out_is_one_message_not_also_the_sum(
    tmp_path: Path, old: str, new: str, line: int, says: str
) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(meeting_path(sessions), "minutes = 20", "minutes = 30")  # the sum is off too
    replace_in(meeting_path(sessions), old, new)
    code, lines = check([sessions, content])
    assert code == 1
    found = problems(lines)
    assert [(name, lineno) for name, lineno, _ in found] == [("01-a.md", line)], lines
    assert says in found[0][2]


def test_the_sum_is_still_checked_when_every_block_is_fine(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(meeting_path(sessions), "minutes = 20", "minutes = 30")
    found = problems(check([sessions, content])[1])
    assert [(name, line) for name, line, _ in found] == [("01-a.md", 1)]
    assert "punkternes minutter giver 70" in found[0][2]


def test_bad_meeting_minutes_are_one_message_in_the_course_not_a_sum_in_every_meeting(
    tmp_path: Path,
) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(course_toml(sessions), "meeting_minutes = 60", 'meeting_minutes = "en time"')
    found = problems(check([sessions, content])[1])
    assert [(name, line) for name, line, _ in found] == [("course.toml", 3)]


def test_bad_minutes_in_a_meeting_are_one_message(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(meeting_path(sessions), "number = 1\n", 'number = 1\nminutes = "tres"\n')
    found = problems(check([sessions, content])[1])
    assert [(name, line) for name, line, _ in found] == [("01-a.md", 3)]


# --------------------------------------------------------------------------- one file


def break_everything_but_side_a(sessions: Path, content: Path) -> None:
    replace_in(content / "side-b.md", "guide:side-a", "guide:findes-ikke")
    replace_in(sessions / "testforloeb" / "02-b.md", 'kind = "tema"', 'kind = "foredrag"')
    write(content / "tom.md", "")


def test_checking_a_file_lists_only_its_own_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "broken"
    sessions, content = make_tree(root)
    break_everything_but_side_a(sessions, content)
    assert check([root])[0] == 1  # the folder has problems
    monkeypatch.chdir(tmp_path)
    # side-a links to side-b, which is found: the folder around the file is read.
    assert check([Path("broken/content/side-a.md")]) == (
        0,
        ["Alt i orden i broken/content/side-a.md."],
    )
    # The meeting links to side-a, in another folder of the same content.
    assert check([Path("broken/sessions/testforloeb/01-a.md")])[0] == 0
    replace_in(content / "side-a.md", "guide:side-b", "guide:mangler")
    code, lines = check([Path("broken/content/side-a.md")])
    assert code == 1
    assert [(name, line) for name, line, _ in problems(lines)] == [("side-a.md", 9)], lines


def test_checking_a_meeting_lists_only_that_meeting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sessions, content = make_tree(Path("indhold"))
    break_everything_but_side_a(sessions, content)
    replace_in(meeting_path(sessions), "minutes = 40", "minutes = 45")
    code, lines = check([meeting_path(sessions)])
    assert code == 0
    assert [(name, line) for name, line, _ in problems(lines)] == [("01-a.md", 1)], lines


def test_a_file_is_checked_within_the_content_it_is_named_with(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    break_everything_but_side_a(sessions, content)
    out = io.StringIO()
    code = run_check([str(meeting_path(sessions))], out, within=[str(sessions), str(content)])
    assert (code, out.getvalue()) == (0, f"Alt i orden i {meeting_path(sessions)}.\n")


def test_checking_a_folder_still_lists_everything(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    break_everything_but_side_a(sessions, content)
    found = problems(check([sessions, content])[1])
    assert {name for name, _, _ in found} == {"side-b.md", "02-b.md", "tom.md"}


# --------------------------------------------------------------------------- the app's hint


def test_the_command_names_the_folders() -> None:
    assert check_command(None) == "peertui check"
    assert check_command([Path("broken")]) == "peertui check broken"
    assert check_command([Path("mit indhold"), Path("b")]) == "peertui check 'mit indhold' b"
