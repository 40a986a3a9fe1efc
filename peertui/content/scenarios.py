"""Meeting scenarios: a short meeting told as scenes, to watch "from the sideline".

A scenario file lives in a ``scenarios/`` folder inside a content folder. It is Markdown with
``+++`` TOML front matter; each scene is a ``## Heading`` followed by its own ``+++`` fences
(``who``, optional ``where``). In a scene, ``**Name:** text`` is a spoken line, ``::: tanker``
holds what the citizen thinks but does not say, ``::: pause`` holds the reflection questions
for the room, ``::: noter`` holds facilitator notes, and any other paragraph is narration.
See docs/authoring.md.

Like the rest of the loader this never raises on bad content: every problem becomes a
:class:`Problem` with a path and a line. Knows nothing of Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from peertui.content.model import (
    MEETING_KINDS,
    VARIANTS,
    Beat,
    Line,
    LineKind,
    PausePoint,
    Problem,
    Scenario,
    Scene,
)
from peertui.content.source import (
    FENCE,
    H1_RE,
    H2_RE,
    REVEAL,
    Field,
    Sink,
    front_matter,
    guide_links,
    heading_title,
    key_line,
    parse_toml,
    read_text,
    split_lines,
    validate,
)
from peertui.i18n import _

__all__ = [
    "MEETING_KINDS",
    "VARIANTS",
    "Beat",
    "Line",
    "LineKind",
    "PausePoint",
    "Scenario",
    "ScenarioSource",
    "Scene",
    "load_scenario",
    "load_scenario_source",
]


# --------------------------------------------------------------------------- loading

SCENARIO_FIELDS = (
    Field("id", True, "id"),
    Field("title", True, "text"),
    Field("meeting", True, "text"),
    Field("variant", True, "text"),
    Field("pair", False, "id"),
    Field("minutes", True, "int", 1, 120),
    Field("citizen", True, "text"),
    Field("language", False, "language"),
)
SCENE_FIELDS = (
    Field("who", True, "text_list"),
    Field("where", False, "text"),
)

_SPEECH_RE = re.compile(
    r"^\*\*(?P<a>[^*]+?)\s*:\s*\*\*\s*(?P<at>.*)$|^\*\*(?P<b>[^*]+?)\*\*\s*:\s*(?P<bt>.*)$"
)
_LIST_ITEM_RE = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_CONTAINERS = {
    "tanker": "tanker",
    "tanke": "tanker",
    "pause": "pause",
    "noter": "noter",
    "note": "noter",
    "notes": "noter",
}


@dataclass(slots=True)
class ScenarioSource:
    """A loaded scenario and the file lines the library's cross-checks point at."""

    scenario: Scenario
    id_line: int
    pair_line: int
    links: list[tuple[str, int]]


def load_scenario(path: Path, problems: list[Problem]) -> Scenario | None:
    """Load one scenario file; problems go to ``problems``. None if nothing usable."""
    source = load_scenario_source(path, problems)
    return source.scenario if source is not None else None


def load_scenario_source(path: Path, problems: list[Problem]) -> ScenarioSource | None:
    sink = Sink(path, problems)
    text = read_text(path, sink)
    if text is None:
        return None
    lines = split_lines(text)
    fm = front_matter(lines, sink)
    if fm is None or fm.data is None:
        return None
    header_line = fm.first_line - 1
    values = validate(
        fm.data, SCENARIO_FIELDS, fm.lines, fm.first_line, sink, missing_line=header_line
    )
    for key, known in (("meeting", MEETING_KINDS), ("variant", VARIANTS)):
        if key in values and values[key] not in known:
            sink.error(
                key_line(fm.lines, fm.first_line, key),
                _(
                    "'{key}' is '{value}'; use one of: {known}",
                    key=key,
                    value=values[key],
                    known=", ".join(known),
                ),
            )
            del values[key]
    scenario = Scenario(
        id=values.get("id", ""),
        title=values.get("title", values.get("id", "")),
        meeting=values.get("meeting", ""),
        variant=values.get("variant", ""),
        minutes=values.get("minutes", 5),
        citizen=values.get("citizen", ""),
        path=path,
        pair=values.get("pair"),
        language=values.get("language", "da"),
    )
    # The body is read even when the front matter is broken, so all its problems show at once.
    # A scene left out has its own error: "no scenes" or "no pause points" would only echo it.
    dropped = _parse_body(lines, fm.body_start, scenario, sink)
    if not scenario.scenes and not dropped:
        sink.error(header_line, _("the scenario has no scenes (## Heading with +++ and who)"))
    elif scenario.scenes and not dropped and not scenario.pause_points:
        sink.warning(header_line, _("the scenario has no pause points (::: pause with questions)"))
    if not {"id", "meeting", "variant", "citizen"} <= values.keys():
        return None
    return ScenarioSource(
        scenario,
        id_line=key_line(fm.lines, fm.first_line, "id"),
        pair_line=key_line(fm.lines, fm.first_line, "pair"),
        links=guide_links(lines[fm.body_start :], fm.body_start + 1),
    )


class _SceneBuilder:
    def __init__(self, title: str, line: int) -> None:
        self.title = title
        self.line = line
        self.who: list[str] = []
        self.where: str | None = None
        self.valid = True
        self.beats: list[Beat] = []
        self.notes: list[str] = []


class _Paragraph:
    """Narration or a spoken line being read, until a blank line or the next speaker."""

    def __init__(self, kind: LineKind, line: int, speaker: str | None, first: str) -> None:
        self.kind: LineKind = kind
        self.line = line
        self.speaker = speaker
        self.parts = [first] if first.strip() else []


class _Container:
    """An open ``::: tanker``, ``::: pause`` or ``::: noter`` block."""

    def __init__(self, word: str, line: int, *, known: bool = True) -> None:
        self.word = word
        self.line = line
        self.known = known
        self.parts: list[str] = []


def _parse_body(lines: list[str], start: int, scenario: Scenario, sink: Sink) -> int:
    """Read the scenes into ``scenario``; returns how many were left out because of an error."""
    description: list[str] = []
    dropped = 0
    scene: _SceneBuilder | None = None
    paragraph: _Paragraph | None = None
    container: _Container | None = None

    def flush_paragraph() -> None:
        nonlocal paragraph
        if paragraph is None or scene is None or not scene.valid:
            paragraph = None  # a scene without valid fences was already reported
            return
        text = _reflow(paragraph.parts)
        if paragraph.kind == "speech":
            name = paragraph.speaker or ""
            if name not in scene.who:
                sink.error(
                    paragraph.line,
                    _(
                        "'{name}' speaks but is not in the scene's who ({who})",
                        name=name,
                        who=", ".join(scene.who) or "-",
                    ),
                )
            if not text:
                sink.error(paragraph.line, _("the line from '{name}' is empty", name=name))
            else:
                scene.beats.append(Line("speech", text, paragraph.line, name))
        elif text:
            scene.beats.append(Line("narration", text, paragraph.line))
        paragraph = None

    def close_container() -> None:
        nonlocal container
        if container is None:
            return
        box, container = container, None
        if scene is None:
            # Before the first scene: only notes are allowed, and they are description.
            description.extend(box.parts)
            return
        if not box.known or box.word == "noter":
            scene.notes.extend(box.parts)
        elif not scene.valid:
            return  # already reported at the scene's heading
        elif box.word == "tanker":
            text = _reflow(box.parts)
            if scenario.citizen and scenario.citizen not in scene.who:
                sink.error(
                    box.line,
                    _(
                        "the thoughts are the citizen's ({citizen}), but {citizen} is not in "
                        "the scene's who",
                        citizen=scenario.citizen,
                    ),
                )
            if not text:
                sink.warning(box.line, _("::: tanker is empty"))
            else:
                scene.beats.append(Line("thought", text, box.line, scenario.citizen))
        else:  # pause
            questions = _questions(box.parts)
            if not questions:
                sink.error(
                    box.line,
                    _("the pause has no questions; write them as list items: - What do you think?"),
                )
            else:
                scene.beats.append(PausePoint(tuple(questions), box.line))

    def finish_scene() -> None:
        nonlocal scene, container, dropped
        flush_paragraph()
        if container is not None:
            sink.error(
                container.line, _("::: {word} is never closed with :::", word=container.word)
            )
            close_container()
        if scene is not None and not scene.valid:
            dropped += 1  # reported at its heading or in its fences
        elif scene is not None:
            if not scene.beats:
                sink.error(
                    scene.line,
                    _(
                        "the scene '{title}' has no text, lines, thoughts or pauses",
                        title=scene.title,
                    ),
                )
                dropped += 1
            else:
                scenario.scenes.append(
                    Scene(
                        title=scene.title,
                        line=scene.line,
                        who=scene.who,
                        where=scene.where,
                        beats=scene.beats,
                        notes="\n".join(scene.notes).strip(),
                    )
                )
        scene = None

    i = start
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        stripped = line.strip()
        i += 1

        heading = H2_RE.match(line)
        if heading:
            finish_scene()
            title = heading_title(heading)
            if not title:
                sink.error(lineno, _("the scene is missing a title after ##"))
                title = "?"
            scene = _SceneBuilder(title, lineno)
            i = _scene_fences(lines, i, scene, sink)
            continue

        if H1_RE.match(line):
            sink.error(
                lineno, _("do not use # headings in a scenario; the title goes in the front matter")
            )
            continue

        if stripped.startswith(":::"):
            flush_paragraph()
            word = stripped[3:].strip().casefold()
            if word == "":
                if container is None:
                    sink.error(lineno, _("::: closes a block, but no block has been opened"))
                close_container()
                continue
            if container is not None:
                sink.error(
                    lineno,
                    _(
                        "a new ':::' block inside ::: {word}; close the first one with ::: first",
                        word=container.word,
                    ),
                )
                continue
            kind = _CONTAINERS.get(word)
            if kind is None:
                sink.error(
                    lineno,
                    _("unknown ':::' line; use '::: tanker', '::: pause', '::: noter' and ':::'"),
                )
                # Hidden like notes until ':::' so nothing unknown reaches the wall.
                container = _Container(word, lineno, known=False)
            else:
                if kind != "noter" and scene is None:
                    sink.error(
                        lineno, _("::: {word} belongs in a scene (after a ## heading)", word=kind)
                    )
                container = _Container(kind, lineno)
            continue

        if container is not None:
            container.parts.append(line)
            continue

        if scene is None:
            description.append(line)
            continue

        if stripped == REVEAL:
            flush_paragraph()
            sink.warning(lineno, _("'. . .' is not used in scenarios; each line is already a step"))
            continue

        if not stripped:
            flush_paragraph()
            continue

        speech = _SPEECH_RE.match(stripped)
        if speech:
            flush_paragraph()
            name = (speech.group("a") or speech.group("b") or "").strip()
            said = speech.group("at") if speech.group("a") is not None else speech.group("bt")
            paragraph = _Paragraph("speech", lineno, name, said or "")
            continue

        if paragraph is None:
            paragraph = _Paragraph("narration", lineno, None, line)
        else:
            paragraph.parts.append(line)

    finish_scene()
    if container is not None:  # only possible before the first scene
        sink.error(container.line, _("::: {word} is never closed with :::", word=container.word))
        close_container()
    scenario.description = "\n".join(description).strip()
    return dropped


def _scene_fences(lines: list[str], i: int, scene: _SceneBuilder, sink: Sink) -> int:
    """Read the ``+++`` fences after a scene heading; returns the index to go on from."""
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or lines[j].strip() != FENCE:
        sink.error(
            scene.line,
            _("the scene '{title}' must be followed directly by +++ with who", title=scene.title),
        )
        scene.valid = False
        return i
    end = next((k for k in range(j + 1, len(lines)) if lines[k].strip() == FENCE), None)
    if end is None:
        sink.error(j + 1, _("+++ is opened here but never closed with a line with +++"))
        scene.valid = False
        return len(lines)
    toml_lines = lines[j + 1 : end]
    data = parse_toml(toml_lines, j + 2, sink)
    if data is None:
        scene.valid = False
        return end + 1
    values = validate(data, SCENE_FIELDS, toml_lines, j + 2, sink, missing_line=j + 1)
    if "who" not in values:
        scene.valid = False
    elif not values["who"]:
        sink.error(key_line(toml_lines, j + 2, "who"), _("'who' must name at least one person"))
        scene.valid = False
    else:
        scene.who = list(dict.fromkeys(values["who"]))
    scene.where = values.get("where")
    return end + 1


def _reflow(parts: list[str]) -> str:
    """Paragraphs joined by a blank line; line breaks inside a paragraph become spaces.

    The wall wraps text to its own width, so where the author broke a line does not matter.
    """
    paragraphs: list[list[str]] = [[]]
    for raw in parts:
        text = raw.strip()
        if text:
            paragraphs[-1].append(text)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(words) for words in paragraphs if words)


def _questions(parts: list[str]) -> list[str]:
    """Reflection questions: one per list item; other lines continue the one before."""
    questions: list[list[str]] = []
    for raw in parts:
        text = raw.strip()
        if not text:
            continue
        item = _LIST_ITEM_RE.match(text)
        if item:
            questions.append([text[item.end() :].strip()])
        elif questions:
            questions[-1].append(text)
        else:
            questions.append([text])
    return [q for q in (" ".join(words).strip() for words in questions) if q]
