"""A meeting file's body read on markdown-it tokens: the agenda's blocks, reveal points, notes.

The body (everything after the front matter) is Markdown. markdown-it-py finds its structure,
and what the meeting format adds to Markdown is parsed by markdown-it rules as well:

- ``## Title`` followed by ``+++`` TOML fences starts a block (the ``meta_fences`` rule);
- ``::: noter`` ... ``:::`` holds facilitator notes (mdit-py-plugins' container; any word after
  ``:::`` opens one, and :meth:`_Agenda.container` tells notes from unknown words);
- ``. . .`` is a reveal point (the ``reveal`` rule);
- ``:::`` with no container open is an error (the ``stray_close`` rule).

Problems are reported at ``token.map`` lines plus the body's offset in the file. The text that
goes into the model is never rendered from tokens: each step, the notes and the description are
the author's own lines, sliced out of the file by ``token.map``, exactly as before. The UI
shows them as plain text or with Textual's Markdown widget, whose parser has raw HTML turned
off (``safe_markdown_parser``); the parser here renders nothing.

Two things the format has always done that Markdown alone would not:

1. Indentation carries no structure in a meeting body. markdown-it is given every line stripped
   (:func:`_as_read`), so ``:::``, ``. . .`` and ``+++`` count at any indentation. Given the
   lines as written, markdown-it would read ``::: noter`` indented 4 spaces under a list item
   as part of the item's text, and the notes would reach the wall. Code fences count when
   indented up to 3 spaces, as in CommonMark. The two headings that structure the file,
   ``## Title`` and ``# Title``, must start at the left margin, as they always had to:
   :func:`_block_heading` and :func:`_is_h1` check the author's own line.
2. Notes end at a block heading, and not inside code. The container plugin ends a container at
   the first ``:::`` line, even one inside a code fence in the note (after which the rest of the
   file could become code on the wall), and it would hold a ``## Title`` after an unclosed
   ``::: noter``, and every block after it, as notes. So a body with code fences, or with a
   block heading inside a container, is read in two passes (:func:`_parse`): a parser without
   containers finds the code and the block headings, then each block is read on its own, with
   ``:::`` lines in code given as text. An unclosed note stops at the next block with one
   error, as before. Files without code fences and without that error take one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from functools import cache
from itertools import pairwise
from re import Match
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from peertui.content.model import BLOCK_KINDS, Block, Meeting
from peertui.content.source import (
    FENCE,
    H1_RE,
    H2_RE,
    REVEAL,
    Field,
    Sink,
    heading_title,
    key_line,
    parse_toml,
    validate,
)
from peertui.i18n import _

BLOCK_FIELDS = (
    Field("kind", True, "text"),
    Field("minutes", True, "int", 1, 600),
    Field("scenarios", False, "text_list"),
)
#: The words that open facilitator notes (``::: noter``), in any case.
NOTE_WORDS = frozenset({"noter", "note", "notes"})
#: Token types of the format's own rules.
META_FENCES = "meta_fences"
REVEAL_POINT = "reveal"
STRAY_CLOSE = "stray_close"
#: mdit-py-plugins names a container's tokens after it: ``container_<name>_open``.
CONTAINER_OPEN = "container_noter_open"
#: What opens a code fence.
CODE_FENCES = ("```", "~~~")


def parse_meeting_body(lines: list[str], start: int, meeting: Meeting, sink: Sink) -> int:
    """Read the body (file lines from index ``start``) into ``meeting``'s blocks and description.

    Returns how many blocks were left out because of an error (each reported where it is).
    """
    agenda = _Agenda(lines, meeting, sink)
    for first, end, tokens in _parse(lines, start):
        if not agenda.read(first, end, tokens):
            break  # unclosed +++ fences: the rest of the file is their TOML
    agenda.finish()
    meeting.description = "\n".join(agenda.description).strip()
    return agenda.dropped


# --------------------------------------------------------------------------- parsing


def _parse(lines: list[str], start: int) -> list[tuple[int, int, list[Token]]]:
    """The body as ``(first, end, tokens)`` chunks; each token's map counts from ``first``.

    Usually one chunk and one pass of markdown-it. A body with code fences, or with a block
    heading inside a ``:::`` container, is first read without containers (the "outline"), and
    then one chunk per block, knowing which lines are code. See the module doc, point 2.
    """
    end = len(lines)
    read = [_as_read(line) for line in lines[start:end]]
    source = "\n".join(read)
    if not any(mark in source for mark in CODE_FENCES):
        tokens = _parser(containers=True).parse(source, _env(lines, start))
        if not any(
            token.level and token.type == "heading_open" and _block_heading(lines, start, token)
            for token in tokens
        ):
            return [(start, end, tokens)]
    cuts = {start, end}
    code: set[int] = set()
    for token in _parser(containers=False).parse(source, _env(lines, start)):
        if token.map is None:
            continue
        here, after = start + token.map[0], start + token.map[1]
        if token.type == "fence":
            code.update(range(here + 1, after))
        elif token.type == "heading_open" and _block_heading(lines, start, token):
            cuts.add(here)
    # A ':::' line inside a code fence is given as text: a container ends at the first ':::'
    # line it finds, code or not, and a note must not end inside its own code.
    for n in code:
        if read[n - start].startswith(":::"):
            read[n - start] = "\\" + read[n - start]
    chunks = []
    for a, b in pairwise(sorted(cuts)):
        source = "\n".join(read[a - start : b - start])
        chunks.append((a, b, _parser(containers=True).parse(source, _env(lines, a))))
    return chunks


def _env(lines: list[str], first: int) -> MutableMapping[str, Any]:
    """What the rules need besides markdown-it's source: the author's lines (see the rules)."""
    return {"lines": lines, "first": first}


def _as_read(line: str) -> str:
    """A file line as markdown-it is given it: one source line for one file line.

    - Stripped: indentation carries no structure here (see the module doc), except that a code
      fence indented 4 or more is text, as in CommonMark (escaped, so it neither opens nor
      closes one).
    - A container marker is three colons and what follows is its word: ``::::`` is ``:::``
      with the word ``:`` (an unknown container, and never the end of one).
    - A carriage return inside a line becomes a space: markdown-it would end the line there,
      and line numbers are the editor's, where only a line feed ends a line.
    """
    text = line.strip().replace("\r", " ")
    if text.startswith(":::"):
        word = text[3:].strip()
        return f"::: {word}" if word else ":::"
    if text.startswith(CODE_FENCES) and len(line) - len(line.lstrip()) > 3:
        return "\\" + text
    return text


@cache
def _parser(*, containers: bool) -> MarkdownIt:
    """Block structure only: fences, headings, paragraphs and the format's own rules.

    No inline parsing, no HTML, no lists or quotes: nothing is rendered from these tokens, and
    what is not structure of the meeting format is text the wall renders itself.
    """
    md = MarkdownIt("zero").enable(["fence", "heading"])
    md.core.ruler.enableOnly(["normalize", "block"])
    md.block.ruler.before("table", META_FENCES, _meta_fences_rule)
    if containers:
        container_plugin(md, "noter", validate=_opens_container)
        md.block.ruler.before("paragraph", REVEAL_POINT, _reveal_rule, {"alt": ["paragraph"]})
        md.block.ruler.before("paragraph", STRAY_CLOSE, _stray_close_rule, {"alt": ["paragraph"]})
    return md


def _line(state: StateBlock, line: int) -> str:
    """A line as markdown-it reads it (see :func:`_as_read`)."""
    return state.src[state.bMarks[line] : state.eMarks[line]]


def _meta_fences_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``+++`` right after a block heading (blank lines between are fine) opens its TOML.

    The fences end at the next ``+++`` line, whatever lies between, as the front matter's do.
    Unclosed, they run to the end of the file.
    """
    tokens = state.tokens
    if state.level or len(tokens) < 3 or tokens[-1].type != "heading_close":
        return False
    if _line(state, start) != FENCE:
        return False
    if not _block_heading(state.env["lines"], state.env["first"], tokens[-3]):
        return False
    if silent:
        return True
    close = next((n for n in range(start + 1, end) if _line(state, n) == FENCE), None)
    token = state.push(META_FENCES, "", 0)
    token.map = [start, end if close is None else close + 1]
    token.meta = {"closed": close is not None}
    state.line = token.map[1]
    return True


def _reveal_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line holding only ``. . .``: a reveal point, also in the middle of a paragraph."""
    return _single_line(state, start, silent, REVEAL, REVEAL_POINT)


def _stray_close_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A ``:::`` line outside any container (inside one, the container ends there)."""
    return _single_line(state, start, silent, ":::", STRAY_CLOSE)


def _single_line(state: StateBlock, start: int, silent: bool, text: str, kind: str) -> bool:
    # Most lines are longer: no need to copy them out of the source to know.
    if state.eMarks[start] - state.bMarks[start] != len(text) or _line(state, start) != text:
        return False
    if not silent:
        state.push(kind, "", 0).map = [start, start + 1]
        state.line = start + 1
    return True


def _container_word(line: str) -> str:
    """The word after ``:::`` on a container line, in lower case (``""`` for a bare ``:::``)."""
    return line.strip()[3:].strip().casefold()


def _opens_container(params: str, markup: str) -> bool:
    """Every ``:::`` line with a word opens a container; which word is checked when reading."""
    return bool(_container_word(markup + params))


def _block_heading(lines: list[str], first: int, heading: Token) -> Match[str] | None:
    """The author's line of a level-2 heading token, if it starts a block: ``##`` at column 0."""
    if heading.tag != "h2" or not heading.map:
        return None
    return H2_RE.match(lines[first + heading.map[0]])


def _is_h1(lines: list[str], first: int, heading: Token) -> bool:
    """A level-1 heading written at column 0 (``# Title``): not used in meeting files."""
    if heading.tag != "h1" or not heading.map:
        return False
    return H1_RE.match(lines[first + heading.map[0]]) is not None


def _groups(tokens: list[Token]) -> Iterator[tuple[Token, list[Token]]]:
    """Each top-level token with the tokens nested inside it (between it and its close)."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after = index + 1
        if token.nesting == 1:
            depth = 1
            while depth:
                depth += tokens[after].nesting
                after += 1
            yield token, tokens[index + 1 : after - 1]
        else:
            yield token, []
        index = after


# --------------------------------------------------------------------------- the model


class _BlockBuilder:
    def __init__(self, title: str, line: int) -> None:
        self.title = title
        self.line = line
        self.kind: str | None = None
        self.minutes: int | None = None
        self.valid = True
        self.steps: list[list[str]] = [[]]
        self.notes: list[str] = []
        self.scenarios: list[str] = []

    def build(self) -> Block | None:
        if not self.valid or self.kind is None or self.minutes is None:
            return None
        steps = ["\n".join(s).strip() for s in self.steps]
        # Drop empty steps (two reveal points in a row, or one at the very end).
        steps = [s for s in steps if s]
        return Block(
            title=self.title,
            kind=self.kind,
            minutes=self.minutes,
            line=self.line,
            steps=steps,
            notes="\n".join(self.notes).strip(),
            scenarios=self.scenarios,
        )


class _Agenda:
    """The meeting's description and blocks, built from the top-level tokens in file order.

    Line numbers here are indexes into the file's lines (0-based); problems are reported 1-based.
    """

    def __init__(self, lines: list[str], meeting: Meeting, sink: Sink) -> None:
        self.lines = lines
        self.meeting = meeting
        self.sink = sink
        #: Before the first block: the facilitators' description (notes there count as
        #: description too; neither is ever shown on the wall).
        self.description: list[str] = []
        self.block: _BlockBuilder | None = None
        #: Blocks left out because of an error (reported where it is).
        self.dropped = 0

    def read(self, first: int, end: int, tokens: list[Token]) -> bool:
        """Read one chunk; False once the rest of the file is known to be unusable."""
        groups = list(_groups(tokens))
        pos = first  # the first line not yet placed
        index = 0
        while index < len(groups):
            token, inner = groups[index]
            assert token.map is not None  # every top-level block token has one
            here, after = first + token.map[0], first + token.map[1]
            self.text(pos, here)  # blank lines between Markdown blocks
            if token.type == "heading_open" and (match := _block_heading(self.lines, first, token)):
                fences = None
                if index + 1 < len(groups) and groups[index + 1][0].type == META_FENCES:
                    index += 1
                    fences = groups[index][0]
                resume = self.heading(here, heading_title(match), first, fences)
                if resume is None:
                    return False
                after = resume
            elif token.type == "heading_open" and _is_h1(self.lines, first, token):
                self.sink.error(
                    here + 1,
                    _("do not use # headings in a meeting; the title goes in the front matter"),
                )
            elif token.type == CONTAINER_OPEN:
                after = self.container(first, end, token, inner)
            elif token.type == REVEAL_POINT and self.block is not None:
                self.block.steps.append([])
            elif token.type == STRAY_CLOSE:
                self.sink.error(here + 1, _("::: closes notes, but no notes have been opened"))
            else:
                self.text(here, after)
            pos = after
            index += 1
        self.text(pos, end)
        return True

    def text(self, start: int, end: int) -> None:
        """File lines ``start`` to ``end`` belong to the current step (or the description)."""
        target = self.description if self.block is None else self.block.steps[-1]
        target.extend(self.lines[start:end])

    def heading(self, line: int, title: str, first: int, fences: Token | None) -> int | None:
        """A block starts at ``line``; returns the line to go on from (None: nowhere)."""
        self.finish()
        lineno = line + 1
        if not title:
            self.sink.error(lineno, _("the item is missing a title after ##"))
            title = "?"
        block = self.block = _BlockBuilder(title, lineno)
        if fences is None or fences.map is None:
            self.sink.error(
                lineno,
                _(
                    "the item '{title}' must be followed directly by +++ with kind and minutes",
                    title=title,
                ),
            )
            block.valid = False
            return line + 1
        opening = first + fences.map[0]
        if not fences.meta["closed"]:
            self.sink.error(
                opening + 1, _("+++ is opened here but never closed with a line with +++")
            )
            block.valid = False
            return None
        closing = first + fences.map[1] - 1
        toml_lines = self.lines[opening + 1 : closing]
        data = parse_toml(toml_lines, opening + 2, self.sink)
        if data is None:
            block.valid = False
            return closing + 1
        values = validate(
            data, BLOCK_FIELDS, toml_lines, opening + 2, self.sink, missing_line=opening + 1
        )
        kind = values.get("kind")
        if kind is not None and kind not in BLOCK_KINDS:
            self.sink.error(
                key_line(toml_lines, opening + 2, "kind"),
                _(
                    "unknown kind '{kind}' (use one of: {known})",
                    kind=kind,
                    known=", ".join(BLOCK_KINDS),
                ),
            )
            kind = None
        if kind is None or "minutes" not in values:
            block.valid = False
            return closing + 1
        block.kind = kind
        block.minutes = values["minutes"]
        block.scenarios = list(dict.fromkeys(values.get("scenarios", [])))
        return closing + 1

    def container(self, first: int, end: int, token: Token, inner: list[Token]) -> int:
        """A top-level ``:::`` container: notes, never on the wall. Returns the line after it.

        Its ``:::`` lines, and those of containers inside it (an error: notes do not nest), are
        left out of the notes, as are level-1 headings (an error too).
        """
        assert token.map is not None
        opening, stop = first + token.map[0], first + token.map[1]
        if _container_word(self.lines[opening]) not in NOTE_WORDS:
            self.sink.error(opening + 1, _("unknown ':::' line; use '::: noter' and ':::'"))
        left_out: set[int] = set()
        for nested in inner:
            if nested.map is None:
                continue
            line = first + nested.map[0]
            if nested.type == CONTAINER_OPEN:
                inside = _container_word(self.lines[line]) in NOTE_WORDS
                self.sink.error(
                    line + 1,
                    _("::: noter inside notes; close the first notes with ::: first")
                    if inside
                    else _("unknown ':::' line; use '::: noter' and ':::'"),
                )
                left_out.add(line)
            elif nested.type == "heading_open" and _is_h1(self.lines, first, nested):
                self.sink.error(
                    line + 1,
                    _("do not use # headings in a meeting; the title goes in the front matter"),
                )
                left_out.add(line)
        notes = [self.lines[n] for n in range(opening + 1, stop) if n not in left_out]
        if self.block is None:
            self.description.extend(notes)
        else:
            self.block.notes.extend(notes)
        # It ends before the chunk does only at its closing ':::' (a trailing empty line of the
        # chunk is the one exception markdown-it makes).
        if stop < end and self.lines[stop].strip().startswith(":::"):
            return stop + 1
        self.sink.error(opening + 1, _("::: noter is never closed with :::"))
        return stop

    def finish(self) -> None:
        """The current block is complete."""
        block = self.block
        if block is not None:
            built = block.build()
            if built is None:
                self.dropped += 1
            else:
                if not built.steps and not built.notes:
                    self.sink.warning(
                        block.line,
                        _("the item '{title}' has neither text nor notes", title=built.title),
                    )
                self.meeting.blocks.append(built)
        self.block = None
