"""A meeting's body on markdown-it tokens: blocks, reveal points, notes, and what the format adds.

test_check.py pins the messages of broken files; this pins what the body becomes, in the corners
where the format and plain Markdown part ways (see peertui/content/agenda.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

from peertui.content import Block, Meeting, Problem
from peertui.content.loader import load_meeting

from .helpers import write

ROOT = Path(__file__).resolve().parents[2]
HEADER = '+++\nnumber = 1\ntitle = "Mødegang"\n+++\n\nTil facilitatorerne.\n\n'


def block(title: str = "Blok", minutes: int = 60) -> str:
    return f'## {title}\n+++\nkind = "tema"\nminutes = {minutes}\n+++\n\n'


def load(tmp_path: Path, body: str) -> tuple[Meeting, list[tuple[int, str]]]:
    path = write(tmp_path / "kursus" / "01-a.md", HEADER + body)
    found: list[Problem] = []
    meeting = load_meeting(path, 60, found)
    assert meeting is not None
    return meeting, [(p.line, p.message) for p in found]


def only_block(meeting: Meeting) -> Block:
    assert len(meeting.blocks) == 1, meeting.blocks
    return meeting.blocks[0]


def test_text_is_the_authors_own_lines(tmp_path: Path) -> None:
    body = block() + (
        "Første afsnit med **fed** og <b>html</b>.\n\n\n"
        "- punkt\n    fortsat, indrykket\n\n"
        "```\n## ikke en overskrift\n. . .\n```\n"
    )
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert meeting.description == "Til facilitatorerne."
    assert only_block(meeting).steps == [
        "Første afsnit med **fed** og <b>html</b>.\n\n\n"
        "- punkt\n    fortsat, indrykket\n\n"
        "```\n## ikke en overskrift\n. . .\n```"
    ]


def test_reveal_point_splits_a_paragraph_and_a_list(tmp_path: Path) -> None:
    body = block() + "Linje et\n. . .\nLinje to\n\n- a\n  . . .\n- b\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).steps == ["Linje et", "Linje to\n\n- a", "- b"]


def test_reveal_point_in_notes_or_description_is_text(tmp_path: Path) -> None:
    body = ". . .\n\n" + block() + "Tekst.\n\n::: noter\nFørst.\n. . .\nSå.\n:::\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert meeting.description == "Til facilitatorerne.\n\n. . ."
    assert only_block(meeting).steps == ["Tekst."]
    assert only_block(meeting).notes == "Først.\n. . .\nSå."


def test_notes_count_at_any_indentation(tmp_path: Path) -> None:
    # Markdown would read the indented lines as the list item's text; they are notes.
    body = block() + "- Punkt\n      ::: noter\n      Hemmelig.\n      :::\n- Næste\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).steps == ["- Punkt\n- Næste"]
    assert only_block(meeting).notes == "Hemmelig."


def test_note_word_in_any_case_and_without_a_space(tmp_path: Path) -> None:
    body = block() + ":::Noter\nA.\n:::\n\n::: NOTES\nB.\n:::\n\nTekst.\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).notes == "A.\nB."
    assert only_block(meeting).steps == ["Tekst."]


def test_four_colons_are_an_unknown_container_not_a_close(tmp_path: Path) -> None:
    body = block() + "::: noter\nA.\n::::\nB.\n:::\n\nTekst.\n"
    meeting, problems = load(tmp_path, body)
    assert problems == [(16, "ukendt ':::'-linje; brug '::: noter' og ':::'")]
    assert only_block(meeting).notes == "A.\nB."
    assert only_block(meeting).steps == ["Tekst."]


def test_a_code_fence_in_notes_keeps_its_colons(tmp_path: Path) -> None:
    body = (
        block("Et", 30)
        + "Tekst.\n\n::: noter\nSkriv sådan:\n```\n::: noter\nx\n:::\n```\n:::\n\n"
        + block("To", 30)
        + "Mere.\n"
    )
    meeting, problems = load(tmp_path, body)
    assert problems == []
    first, second = meeting.blocks
    assert first.steps == ["Tekst."]
    assert first.notes == "Skriv sådan:\n```\n::: noter\nx\n:::\n```"
    assert (second.title, second.steps) == ("To", ["Mere."])


def test_a_code_fence_indented_four_spaces_is_text(tmp_path: Path) -> None:
    body = block() + "Tekst\n    ```\n::: noter\nHemmelig.\n:::\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).notes == "Hemmelig."
    assert only_block(meeting).steps == ["Tekst\n    ```"]


def test_a_block_heading_ends_an_unclosed_note(tmp_path: Path) -> None:
    body = (
        block("Et", 30)
        + "Tekst.\n\n::: noter\nAldrig lukket.\n\n"
        + block("To", 30)
        + "Mere.\n\n::: noter\nLukket.\n:::\n"
    )
    meeting, problems = load(tmp_path, body)
    assert problems == [(16, "::: noter lukkes aldrig med :::")]
    first, second = meeting.blocks
    assert (first.steps, first.notes) == (["Tekst."], "Aldrig lukket.")
    assert (second.steps, second.notes) == (["Mere."], "Lukket.")


def test_headings_in_notes(tmp_path: Path) -> None:
    body = block() + "Tekst.\n\n::: noter\n# Stor\n### Lille\n  ## Indrykket\nNote.\n:::\n"
    meeting, problems = load(tmp_path, body)
    assert problems == [(17, "brug ikke # overskrifter i en mødegang; titlen står i front matter")]
    assert only_block(meeting).notes == "### Lille\n  ## Indrykket\nNote."


def test_only_headings_at_the_margin_structure_the_file(tmp_path: Path) -> None:
    body = block() + "  ## Indrykket\n+++\n  # Også\n#\nTekst.\n"
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).steps == ["## Indrykket\n+++\n  # Også\n#\nTekst."]


def test_toml_fences_hide_what_looks_like_markdown(tmp_path: Path) -> None:
    body = (
        '## Blok\n\n+++\n# en kommentar\nkind = "tema"\n## også en\nminutes = 60\n+++\n\nTekst.\n'
    )
    meeting, problems = load(tmp_path, body)
    assert problems == []
    assert only_block(meeting).steps == ["Tekst."]


def test_carriage_returns_inside_a_line_keep_line_numbers(tmp_path: Path) -> None:
    body = block() + "Et\rto\n\n::: hemmeligt\nx\n:::\n"
    meeting, problems = load(tmp_path, body)
    assert problems == [(16, "ukendt ':::'-linje; brug '::: noter' og ':::'")]
    assert only_block(meeting).steps == ["Et\rto"]


# --------------------------------------------------------------------------- the modules


def _content_modules() -> dict[str, ast.Module]:
    folder = ROOT / "peertui" / "content"
    return {
        f"peertui.content.{path.stem}": ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.py"))
        if path.stem != "__init__"
    }


def test_content_modules_import_each_other_without_a_cycle() -> None:
    modules = _content_modules()
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        graph[name] = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module in modules
        }
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        if name in done:
            return
        for imported in graph[name]:
            visit(imported, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_content_modules_import_at_the_top() -> None:
    for name, tree in _content_modules().items():
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [
                    node
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
                assert not inner, f"{name}.{function.name} imports inside a function"
