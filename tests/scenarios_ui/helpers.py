"""Shared bits for the meeting-training tests: the shipped scenarios and a tmp content root."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from peertui.content import Library, load_library

from ..content.helpers import make_tree, write

LIBRARY = load_library()
#: Four scenes, three pause points, notes in the third scene: the richest shipped scenario.
SCENARIO_ID = "myndighedsmoede-uden-statement"

#: Markup in every place a scenario's text can reach the screen or the wall.
MARKUP_SCENARIO = """\
+++
id = "markup-moede"
title = "Møde [bold]med[/bold] opmærkning"
meeting = "jobcenter"
variant = "uden-statement"
minutes = 3
citizen = "Ida"
language = "da"
+++

Beskrivelse [@click=app.quit]klik[/] til træneren.

## Scene [b]et[/b]
+++
who = ["Ida", "Konsulent"]
where = "Rum [i]1[/i]"
+++

**Konsulent:** Hej [bold]Ida[/bold], tryk [@click=app.quit]her[/].

Fortælling med [reverse]markup[/reverse].

::: tanker
Jeg tænker [@click=app.quit]lukke[/] og [bold]fed[/bold].
:::

::: pause
- Hvad så [@click=app.quit]nu[/]?
- Og [bold]så[/bold]?
:::

::: noter
Hemmelig note [bold]kun[/bold] til træneren.
:::
"""


def markup_library(root: Path) -> Library:
    """The test content tree plus one scenario full of markup."""
    sessions, content = make_tree(root)
    write(content / "scenarios" / "markup-moede.md", MARKUP_SCENARIO)
    library = load_library([sessions, content])
    assert library.scenario("markup-moede") is not None, library.problems
    return library


def rendered(widget: Widget) -> str:
    """What a widget draws, as plain text (markup would be gone; literal text stays)."""
    return str(widget.render())
