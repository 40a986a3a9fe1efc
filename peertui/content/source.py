"""What every content file shares: reading it, its ``+++`` TOML front matter, its problems.

Used by the meeting, guide-page and scenario loaders alike (loader.py, agenda.py,
scenarios.py), so none of them imports another for its helpers. Never raises on bad content:
every problem goes to a :class:`Sink` as a :class:`Problem` with a path and a line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peertui.content.model import Problem
from peertui.content.toml_errors import explain_toml_error
from peertui.i18n import _
from peertui.weblinks import link_problem

MAX_FILE_BYTES = 1_000_000
FENCE = "+++"
REVEAL = ". . ."
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GUIDE_LINK_RE = re.compile(r"\]\(\s*<?(guide:[^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


class Sink:
    """Collects problems for one file."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def error(self, line: int, message: str, column: int | None = None) -> None:
        self.problems.append(Problem(self.path, max(line, 1), message, "error", column))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, max(line, 1), message, "warning"))


def read_text(path: Path, sink: Sink) -> str | None:
    """The file's text, or None (with a problem recorded) if it is not usable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            sink.error(
                1,
                _(
                    "the file is too big ({size} bytes, at most {limit})",
                    size=size,
                    limit=MAX_FILE_BYTES,
                ),
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        sink.error(
            1, _("the file cannot be read ({reason})", reason=exc.strerror or type(exc).__name__)
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        sink.error(
            line,
            _(
                "the line has a character the text editor did not save as UTF-8 (about "
                "{column} characters in); save the file again as UTF-8 (usually under "
                "'Save as', 'Encoding')",
                column=exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1,
            ),
        )
        return None
    if not text.strip():
        sink.error(1, _("the file is empty"))
        return None
    return text


def split_lines(text: str) -> list[str]:
    """Lines as an editor counts them: only LF ends a line (CR before it is dropped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def parse_toml(lines: list[str], first_line: int, sink: Sink) -> dict[str, Any] | None:
    """Parse TOML text whose first line is file line ``first_line``."""
    try:
        return tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError as exc:
        # tomllib's words are English and for programmers: say it again in plain Danish.
        found = explain_toml_error(str(exc), lines)
        sink.error(first_line + found.index, found.message, found.column)
        return None
    except (ValueError, RecursionError):  # pragma: no cover - defensive
        sink.error(
            first_line,
            _(
                "the line cannot be read; it must have the form name = value, and text "
                'must be in quotation marks, e.g. title = "My title"'
            ),
        )
        return None


def key_line(lines: list[str], first_line: int, key: str) -> int:
    """The file line where ``key`` is set in a TOML section, or the section's first line."""
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for offset, line in enumerate(lines):
        if pattern.match(line):
            return first_line + offset
    return first_line


#: A language code in front matter: ISO 639-1 (``da``, ``en``).
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    required: bool
    kind: str  # "text", "int", "text_list", "url", "id", "language"
    low: int | None = None
    high: int | None = None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate(
    data: dict[str, Any],
    fields: Sequence[Field],
    lines: list[str],
    first_line: int,
    sink: Sink,
    *,
    missing_line: int,
) -> dict[str, Any]:
    """Check ``data`` against ``fields``; returns only the values that are valid."""
    known = {f.key for f in fields}
    for key in data:
        if key not in known:
            sink.error(
                key_line(lines, first_line, key),
                _(
                    "unknown key '{key}' (known: {known})",
                    key=key,
                    known=", ".join(f.key for f in fields),
                ),
            )
    valid: dict[str, Any] = {}
    for f in fields:
        if f.key not in data:
            if f.required:
                sink.error(missing_line, _("'{key}' is missing", key=f.key))
            elif f.kind == "language":  # so the app can say when content and screen differ
                sink.warning(
                    missing_line,
                    _(
                        "'{key}' is missing: add {key} = \"da\" (the language the text is "
                        "written in; da is Danish, en is English)",
                        key=f.key,
                    ),
                )
            continue
        value = data[f.key]
        line = key_line(lines, first_line, f.key)
        if f.kind in ("text", "url", "id", "language"):
            if not isinstance(value, str):
                sink.error(line, _("'{key}' must be {expected}", key=f.key, expected=_("a text")))
                continue
            if not value.strip():
                sink.error(line, _("'{key}' must not be empty", key=f.key))
                continue
            if f.kind == "url" and not re.match(r"^https?://[^\s/]+\S*$", value):
                sink.error(
                    line,
                    _("'{key}' must be an address that starts with https:// or http://", key=f.key),
                )
                continue
            if f.kind == "url" and (problem := link_problem(value)) is not None:
                # A placeholder or plain-http link would reach a printed QR code: say so.
                sink.warning(line, _(problem, link=value.strip()))
            if f.kind == "language" and not LANGUAGE_RE.match(value.strip()):
                sink.error(
                    line,
                    _(
                        "'{key}' must be a language code of two letters, such as da or en",
                        key=f.key,
                    ),
                )
                continue
            if f.kind == "id" and not ID_RE.match(value):
                sink.error(
                    line,
                    _("'{key}' may only contain lowercase letters a-z, digits and -", key=f.key),
                )
                continue
            valid[f.key] = value.strip()
        elif f.kind == "int":
            if not _is_int(value):
                sink.error(
                    line, _("'{key}' must be {expected}", key=f.key, expected=_("a whole number"))
                )
                continue
            if (f.low is not None and value < f.low) or (f.high is not None and value > f.high):
                sink.error(
                    line,
                    _(
                        "'{key}' must be between {low} and {high}",
                        key=f.key,
                        low=f.low,
                        high=f.high,
                    ),
                )
                continue
            valid[f.key] = value
        elif f.kind == "text_list":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                sink.error(
                    line, _("'{key}' must be {expected}", key=f.key, expected=_("a list of texts"))
                )
                continue
            valid[f.key] = [v.strip() for v in value if v.strip()]
        elif f.kind == "bool":
            if not isinstance(value, bool):
                sink.error(
                    line, _("'{key}' must be {expected}", key=f.key, expected=_("true or false"))
                )
                continue
            valid[f.key] = value
    return valid


@dataclass(slots=True)
class FrontMatter:
    data: dict[str, Any] | None
    lines: list[str]
    first_line: int  # file line of the first TOML line
    body_start: int  # index into the file's lines where the body starts


def front_matter(lines: list[str], sink: Sink) -> FrontMatter | None:
    """Reads ``+++`` fenced TOML at the top of a Markdown file."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != FENCE:
        sink.error(
            start + 1 if start < len(lines) else 1,
            _(
                "the file must start with a line with +++, then lines with name = "
                "value, and then a line with +++"
            ),
        )
        return None
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == FENCE:
            toml_lines = lines[start + 1 : end]
            data = parse_toml(toml_lines, start + 2, sink)
            return FrontMatter(data, toml_lines, start + 2, end + 1)
    sink.error(start + 1, _("+++ is opened here but never closed with a line with +++"))
    return None


def guide_links(lines: Iterable[str], first_line: int) -> list[tuple[str, int]]:
    """``(href, line)`` for every ``guide:`` link in Markdown lines."""
    found: list[tuple[str, int]] = []
    for offset, line in enumerate(lines):
        for match in GUIDE_LINK_RE.finditer(line):
            found.append((match.group(1), first_line + offset))
    return found


#: A level-2 heading at the start of a line: a meeting's block or a scenario's scene.
H2_RE = re.compile(r"^##(?:[ \t]+(.*?))?[ \t]*$")
#: A level-1 heading at the start of a line: not used in meetings and scenarios.
H1_RE = re.compile(r"^#(?!#)\s")


def heading_title(match: re.Match[str]) -> str:
    """The title of an :data:`H2_RE` match, without a closing ``##`` sequence."""
    return re.sub(r"[ \t]+#+$", "", match.group(1) or "").strip()
