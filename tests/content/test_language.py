"""Content says which language it is written in (``language`` in course.toml and in every
page's and scenario's front matter): ``peertui check`` warns once when it is missing and
refuses a code that is not one; the app says when content and screens differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from peertui.content.loader import load_library

from .helpers import make_tree
from .test_check import check, problems, replace_in
from .test_scenarios import make_scenarios

LANGUAGE_LINE = 'language = "da"\n'


@pytest.mark.parametrize(
    ("file", "line"),
    [
        ("sessions/testforloeb/course.toml", 1),
        ("content/side-a.md", 1),
        ("content/scenarios/uden.md", 1),
    ],
)
def test_a_missing_language_is_one_warning_that_says_what_to_write(
    tmp_path: Path, file: str, line: int
) -> None:
    sessions, content = make_tree(tmp_path)
    make_scenarios(content)
    replace_in(tmp_path / file, LANGUAGE_LINE, "")
    code, lines = check([sessions, content])
    assert code == 0, lines  # a warning, not an error: the content still works
    assert problems(lines) == [
        (
            Path(file).name,
            line,
            "advarsel: 'language' mangler: skriv language = \"da\" (det sprog, teksten er "
            "skrevet på; da er dansk, en er engelsk)",
        )
    ], lines


@pytest.mark.parametrize("value", ['"dansk"', '"DA"', '""', "1"])
def test_a_language_that_is_not_a_code_is_an_error_at_its_line(tmp_path: Path, value: str) -> None:
    sessions, content = make_tree(tmp_path)
    replace_in(content / "side-a.md", LANGUAGE_LINE, f"language = {value}\n")
    code, lines = check([sessions, content])
    assert code == 1, lines
    ((name, line, message),) = problems(lines)
    assert (name, line) == ("side-a.md", 6)
    assert message.startswith("'language' ")


def test_the_library_knows_its_languages(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    make_scenarios(content)
    replace_in(content / "side-b.md", LANGUAGE_LINE, 'language = "en"\n')
    library = load_library([sessions, content])
    assert library.languages() == {"da", "en"}
    page = library.page("side-b")
    assert page is not None and page.language == "en"


def test_the_built_in_content_declares_danish() -> None:
    library = load_library()
    assert library.problems == []
    assert library.languages() == {"da"}


def test_check_counts_in_english_with_its_plural(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from peertui.check import run_check

    monkeypatch.setenv("PEERTUI_LANG", "en")
    out = io.StringIO()
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "content-en"
    assert run_check([str(fixture)], out=out) == 0
    assert out.getvalue().strip() == ("All fine: 2 courses, 3 meetings, 2 guide pages, 1 scenario.")
