"""Build small content trees in a temporary folder."""

from __future__ import annotations

from pathlib import Path

COURSE_TOML = """\
title = "Testforløb"
description = "Et forløb til test."
meeting_minutes = 60
link = "https://indhold.invalid/test"
language = "da"
"""

MEETING = """\
+++
number = {number}
title = "Mødegang {number}"
+++

Beskrivelse til facilitatorerne.

## Tjek-ind
+++
kind = "tjek-ind"
minutes = 20
+++

Hvordan har du det i dag?

. . .

Og hvad har du med?

::: noter
Hemmelig note {number}.
:::

## Tema
+++
kind = "tema"
minutes = 40
+++

Dagens tema. Se [siden](guide:side-a).
"""

PAGE = """\
+++
id = "{id}"
title = "Side {id}"
tags = ["test"]
link = "https://indhold.invalid/{id}"
language = "da"
+++

Tekst på siden. [Den anden side](guide:{other}).
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_tree(root: Path) -> tuple[Path, Path]:
    """A valid tree: one course with two meetings, two guide pages linking to each other."""
    sessions = root / "sessions"
    content = root / "content"
    course = sessions / "testforloeb"
    write(course / "course.toml", COURSE_TOML)
    write(course / "01-a.md", MEETING.format(number=1))
    write(course / "02-b.md", MEETING.format(number=2))
    write(content / "side-a.md", PAGE.format(id="side-a", other="side-b"))
    write(content / "side-b.md", PAGE.format(id="side-b", other="side-a"))
    return sessions, content
