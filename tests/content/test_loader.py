from __future__ import annotations

from pathlib import Path

from peertui.content import BLOCK_KINDS, load_library
from peertui.content.loader import builtin_paths

from .helpers import make_tree


def test_valid_tree_loads_without_problems(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    library = load_library([sessions, content])
    assert library.problems == []
    course = library.course("testforloeb")
    assert course is not None
    assert course.title == "Testforløb"
    assert course.meeting_minutes == 60
    assert [m.number for m in course.meetings] == [1, 2]
    meeting = course.meetings[0]
    assert meeting.minutes == 60  # from the course
    assert meeting.description == "Beskrivelse til facilitatorerne."
    assert [(b.title, b.kind, b.minutes) for b in meeting.blocks] == [
        ("Tjek-ind", "tjek-ind", 20),
        ("Tema", "tema", 40),
    ]
    assert set(library.pages) == {"side-a", "side-b"}


def test_reveal_points_split_steps(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    block = load_library([sessions, content]).courses[0].meetings[0].blocks[0]
    assert block.steps == ["Hvordan har du det i dag?", "Og hvad har du med?"]


def test_notes_never_in_participant_text(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    block = load_library([sessions, content]).courses[0].meetings[0].blocks[0]
    assert block.notes == "Hemmelig note 1."
    assert "Hemmelig" not in block.text
    assert all("Hemmelig" not in step for step in block.steps)


def test_meetings_ordered_by_number_not_file_name(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    course = sessions / "testforloeb"
    (course / "01-a.md").rename(course / "zz.md")
    library = load_library([sessions, content])
    assert [m.number for m in library.courses[0].meetings] == [1, 2]


def test_builtin_content_is_clean_and_complete() -> None:
    library = load_library(builtin_paths())
    assert library.problems == [], library.problems
    course = library.course("vejen-til-hverdagslivet")
    assert course is not None
    # An introduction meeting and the 10 published meetings, each 120 minutes.
    assert [m.number for m in course.meetings] == list(range(11))
    for meeting in course.meetings:
        assert meeting.minutes == 120
        assert meeting.planned_total == 120, meeting.path
        kinds = {b.kind for b in meeting.blocks}
        assert kinds <= set(BLOCK_KINDS)
        assert {"tjek-ind", "tjek-ud"} <= kinds, meeting.path
        for block in meeting.blocks:
            assert block.steps, (meeting.path, block.title)
            for step in block.steps:
                assert ":::" not in step
    required = {
        "personligt-statement",
        "tryghedsplan",
        "personlige-maal",
        "netvaerkskort",
        "peer-stoette",
        "gruppeaftaler",
        "hjaelp-i-krise",
    }
    assert required <= set(library.pages)
    statement = library.pages["personligt-statement"].body
    for prompt in (
        "Sådan vil jeg introducere mig selv",
        "Det er vigtigt for mig at",
        "Jeg vil gerne have hjælp til",
        "Så jeg kan",
    ):
        assert prompt in statement
    assert "70 201 201" in library.pages["hjaelp-i-krise"].body
    assert "112" in library.pages["hjaelp-i-krise"].body


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    page = content / "side-a.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    library = load_library([sessions, content])
    assert library.problems == []
    assert library.pages["side-a"].title == "Side side-a"


def test_labelled_links_in_order_once_each() -> None:
    from peertui.content.loader import labelled_links

    body = (
        "Se [**tryghedsplan**](guide:tryghedsplan) og [mål](guide:personlige-maal).\n"
        "Igen [planen](guide:tryghedsplan), en [web](https://example.org) og [dårlig](guide:Æ)."
    )
    assert labelled_links(body) == [
        ("tryghedsplan", "tryghedsplan"),
        ("mål", "personlige-maal"),
    ]
