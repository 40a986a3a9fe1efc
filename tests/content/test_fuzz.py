"""Whatever a content file holds, the loader and `peertui check` never raise."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peertui.check import run_check
from peertui.content import load_library

from .helpers import COURSE_TOML, MEETING, PAGE, make_tree

LINE_RE = re.compile(r"^[^\n]+:\d+: [^\n]+$")

# Pieces that steer random text into the interesting corners of the format.
FRAGMENTS = st.sampled_from(
    [
        "+++",
        "## ",
        "# ",
        "::: noter",
        ":::",
        ":::x",
        ". . .",
        "```",
        "~~~",
        'kind = "tema"',
        "minutes = 5",
        "minutes = -1",
        "number = 1",
        'id = "a"',
        'title = "t"',
        "[x](guide:)",
        "[x](guide:Æ)",
        "[x](guide:side-a)",
        "\r",
        "\x00",
        "\ufeff",
        "= =",
        "[[x]]",
        '"""',
        "\t",
        "æøå 🙂",
    ]
)
LINES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=40).map("\n".join)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_check_output(paths: list[Path]) -> None:
    out = io.StringIO()
    code = run_check([str(p) for p in paths], out=out)
    assert code in (0, 1)
    lines = out.getvalue().splitlines()
    assert lines
    problem_lines = lines[:-2] if code == 0 and len(lines) > 1 else lines[:-1]
    for line in problem_lines:
        assert LINE_RE.match(line), line


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes_as_every_kind_of_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        (sessions / "testforloeb" / "01-a.md").write_bytes(data)
        (sessions / "testforloeb" / "course.toml").write_bytes(data[::-1])
        (content / "side-a.md").write_bytes(data)
        load_library([sessions, content])
        _assert_check_output([sessions, content])


@SETTINGS
@given(meeting=LINES, page=LINES, course=LINES)
def test_random_structured_text(meeting: str, page: str, course: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        (sessions / "testforloeb" / "01-a.md").write_text(
            meeting, encoding="utf-8", errors="surrogatepass"
        )
        (sessions / "testforloeb" / "course.toml").write_text(
            course, encoding="utf-8", errors="surrogatepass"
        )
        (content / "side-a.md").write_text(page, encoding="utf-8", errors="surrogatepass")
        library = load_library([sessions, content])
        # Notes never end up in wall text, however broken the file.
        for c in library.courses:
            for m in c.meetings:
                for b in m.blocks:
                    assert "::: noter" not in b.text
        _assert_check_output([sessions, content])


@SETTINGS
@given(
    which=st.sampled_from(["meeting", "page", "course"]),
    position=st.integers(min_value=0, max_value=2000),
    insert=st.one_of(FRAGMENTS, st.text(max_size=20)),
)
def test_valid_files_with_one_edit(which: str, position: int, insert: str) -> None:
    originals = {
        "meeting": MEETING.format(number=1),
        "page": PAGE.format(id="side-a", other="side-b"),
        "course": COURSE_TOML,
    }
    text = originals[which]
    position %= len(text) + 1
    edited = text[:position] + insert + text[position:]
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        target = {
            "meeting": sessions / "testforloeb" / "01-a.md",
            "page": content / "side-a.md",
            "course": sessions / "testforloeb" / "course.toml",
        }[which]
        target.write_text(edited, encoding="utf-8", errors="surrogatepass")
        _assert_check_output([sessions, content])
