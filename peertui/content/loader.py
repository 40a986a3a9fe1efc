"""Reads courses (``sessions/``), guide pages and scenarios (``content/``) from plain files.

Never raises on bad content: every problem becomes a :class:`Problem` with a path and a
line, and whatever can still be loaded is loaded. Knows nothing of Textual.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peertui.content.model import (
    BLOCK_KINDS,
    Block,
    Course,
    GuidePage,
    Library,
    Meeting,
    Problem,
)
from peertui.strings import t

if TYPE_CHECKING:
    from peertui.content.scenarios import ScenarioSource

MAX_FILE_BYTES = 1_000_000
#: ``.md`` files inside a folder of this name are meeting scenarios, not guide pages.
SCENARIO_FOLDER = "scenarios"
#: A page with more Markdown blocks than this takes more than ~0.5 s to paint (Textual
#: mounts a widget per paragraph, heading, list item and table row: ~9 ms each here).
MAX_PAGE_BLOCKS = 26
FENCE = "+++"
REVEAL = ". . ."
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GUIDE_LINK_RE = re.compile(r"\]\(\s*<?(guide:[^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
TOML_POS_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")


# --------------------------------------------------------------------------- helpers


class _Sink:
    """Collects problems for one file."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, max(line, 1), message, "error"))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, max(line, 1), message, "warning"))


def read_text(path: Path, sink: _Sink) -> str | None:
    """The file's text, or None (with a problem recorded) if it is not usable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            sink.error(1, t("check.too_big", size=size, limit=MAX_FILE_BYTES))
            return None
        data = path.read_bytes()
    except OSError as exc:
        sink.error(1, t("check.unreadable", reason=exc.strerror or type(exc).__name__))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        sink.error(line, t("check.not_utf8", byte=data[exc.start]))
        return None
    if not text.strip():
        sink.error(1, t("check.empty"))
        return None
    return text


def split_lines(text: str) -> list[str]:
    """Lines as an editor counts them: only LF ends a line (CR before it is dropped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def parse_toml(lines: list[str], first_line: int, sink: _Sink) -> dict[str, Any] | None:
    """Parse TOML text whose first line is file line ``first_line``."""
    try:
        return tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        line = first_line
        match = TOML_POS_RE.search(detail)
        if match:
            if match.group(1):
                line = first_line + int(match.group(1)) - 1
            else:
                line = first_line + max(len(lines) - 1, 0)
            detail = detail[: match.start()]
        sink.error(line, t("check.bad_toml", detail=detail))
        return None
    except (ValueError, RecursionError) as exc:  # pragma: no cover - defensive
        sink.error(first_line, t("check.bad_toml", detail=type(exc).__name__))
        return None


def key_line(lines: list[str], first_line: int, key: str) -> int:
    """The file line where ``key`` is set in a TOML section, or the section's first line."""
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for offset, line in enumerate(lines):
        if pattern.match(line):
            return first_line + offset
    return first_line


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    required: bool
    kind: str  # "text", "int", "text_list", "url", "id"
    low: int | None = None
    high: int | None = None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate(
    data: dict[str, Any],
    fields: Sequence[Field],
    lines: list[str],
    first_line: int,
    sink: _Sink,
    *,
    missing_line: int,
) -> dict[str, Any]:
    """Check ``data`` against ``fields``; returns only the values that are valid."""
    known = {f.key for f in fields}
    for key in data:
        if key not in known:
            sink.error(
                key_line(lines, first_line, key),
                t("check.unknown_key", key=key, known=", ".join(f.key for f in fields)),
            )
    valid: dict[str, Any] = {}
    for f in fields:
        if f.key not in data:
            if f.required:
                sink.error(missing_line, t("check.missing_key", key=f.key))
            continue
        value = data[f.key]
        line = key_line(lines, first_line, f.key)
        if f.kind in ("text", "url", "id"):
            if not isinstance(value, str):
                sink.error(line, t("check.wrong_type", key=f.key, expected=t("check.type_text")))
                continue
            if not value.strip():
                sink.error(line, t("check.empty_text", key=f.key))
                continue
            if f.kind == "url" and not re.match(r"^https?://[^\s/]+\S*$", value):
                sink.error(line, t("check.bad_url", key=f.key))
                continue
            if f.kind == "id" and not ID_RE.match(value):
                sink.error(line, t("check.bad_id", key=f.key))
                continue
            valid[f.key] = value.strip()
        elif f.kind == "int":
            if not _is_int(value):
                sink.error(line, t("check.wrong_type", key=f.key, expected=t("check.type_int")))
                continue
            if (f.low is not None and value < f.low) or (f.high is not None and value > f.high):
                sink.error(line, t("check.out_of_range", key=f.key, low=f.low, high=f.high))
                continue
            valid[f.key] = value
        elif f.kind == "text_list":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                sink.error(
                    line, t("check.wrong_type", key=f.key, expected=t("check.type_text_list"))
                )
                continue
            valid[f.key] = [v.strip() for v in value if v.strip()]
        elif f.kind == "bool":
            if not isinstance(value, bool):
                sink.error(line, t("check.wrong_type", key=f.key, expected=t("check.type_bool")))
                continue
            valid[f.key] = value
    return valid


@dataclass(slots=True)
class FrontMatter:
    data: dict[str, Any] | None
    lines: list[str]
    first_line: int  # file line of the first TOML line
    body_start: int  # index into the file's lines where the body starts


def front_matter(lines: list[str], sink: _Sink) -> FrontMatter | None:
    """Reads ``+++`` fenced TOML at the top of a Markdown file."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != FENCE:
        sink.error(start + 1 if start < len(lines) else 1, t("check.no_front_matter"))
        return None
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == FENCE:
            toml_lines = lines[start + 1 : end]
            data = parse_toml(toml_lines, start + 2, sink)
            return FrontMatter(data, toml_lines, start + 2, end + 1)
    sink.error(start + 1, t("check.unclosed_front_matter"))
    return None


def guide_links(lines: Iterable[str], first_line: int) -> list[tuple[str, int]]:
    """``(href, line)`` for every ``guide:`` link in Markdown lines."""
    found: list[tuple[str, int]] = []
    for offset, line in enumerate(lines):
        for match in GUIDE_LINK_RE.finditer(line):
            found.append((match.group(1), first_line + offset))
    return found


LABELLED_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?guide:([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def labelled_links(markdown: str) -> list[tuple[str, str]]:
    """``(link text, page id)`` for each well-formed ``guide:`` link, in order, once each."""
    found: dict[str, str] = {}
    for match in LABELLED_LINK_RE.finditer(markdown):
        target = link_target("guide:" + match.group(2))
        if target is not None and target not in found:
            found[target] = " ".join(match.group(1).replace("*", "").split()) or target
    return [(label, target) for target, label in found.items()]


def link_target(href: str) -> str | None:
    """The page id of a ``guide:`` link, or None if it is malformed."""
    target = href.removeprefix("guide:").strip().strip("/")
    return target if ID_RE.match(target) else None


# --------------------------------------------------------------------------- courses

COURSE_FIELDS = (
    Field("title", True, "text"),
    Field("description", True, "text"),
    Field("meeting_minutes", True, "int", 1, 600),
    Field("link", False, "url"),
    Field("language", False, "text"),
    Field("order", False, "int", -100_000, 100_000),
    Field("training", False, "bool"),
)
MEETING_FIELDS = (
    Field("number", True, "int", 0, 99),
    Field("title", True, "text"),
    Field("minutes", False, "int", 1, 600),
)
BLOCK_FIELDS = (
    Field("kind", True, "text"),
    Field("minutes", True, "int", 1, 600),
    Field("scenarios", False, "text_list"),
)


def load_course(folder: Path, problems: list[Problem]) -> Course | None:
    toml_path = folder / "course.toml"
    sink = _Sink(toml_path, problems)
    text = read_text(toml_path, sink)
    if text is None:
        return None
    lines = split_lines(text)
    data = parse_toml(lines, 1, sink)
    if data is None:
        return None
    values = validate(data, COURSE_FIELDS, lines, 1, sink, missing_line=1)
    course_id = folder.name
    if not ID_RE.match(course_id):
        sink.error(1, t("check.bad_course_id", id=course_id))
    course = Course(
        id=course_id,
        title=values.get("title", course_id),
        description=values.get("description", ""),
        meeting_minutes=values.get("meeting_minutes", 120),
        path=folder,
        link=values.get("link"),
        language=values.get("language", "da"),
        order=values.get("order"),
        training=values.get("training", False),
    )
    seen: dict[int, Path] = {}
    meeting_files = sorted(p for p in folder.glob("*.md") if _visible(p))
    for path in meeting_files:
        meeting = load_meeting(path, course.meeting_minutes, problems)
        if meeting is None:
            continue
        if meeting.number in seen:
            _Sink(path, problems).error(
                _number_line(path),
                t(
                    "check.duplicate_number",
                    number=meeting.number,
                    other=_show(seen[meeting.number]),
                ),
            )
            continue
        seen[meeting.number] = path
        course.meetings.append(meeting)
    if not meeting_files:
        sink.warning(1, t("check.no_meetings"))
    course.meetings.sort(key=lambda m: m.number)
    return course


def _number_line(path: Path) -> int:
    try:
        lines = split_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return 1
    return key_line(lines, 1, "number")


def load_meeting(path: Path, default_minutes: int, problems: list[Problem]) -> Meeting | None:
    sink = _Sink(path, problems)
    text = read_text(path, sink)
    if text is None:
        return None
    lines = split_lines(text)
    fm = front_matter(lines, sink)
    if fm is None or fm.data is None:
        return None
    values = validate(
        fm.data, MEETING_FIELDS, fm.lines, fm.first_line, sink, missing_line=fm.first_line - 1
    )
    if "number" not in values:
        return None
    meeting = Meeting(
        number=values["number"],
        title=values.get("title", f"{values['number']}"),
        minutes=values.get("minutes", default_minutes),
        path=path,
    )
    _parse_meeting_body(lines, fm.body_start, meeting, sink)
    if not meeting.blocks:
        sink.error(fm.first_line - 1, t("check.no_blocks"))
    elif meeting.planned_total != meeting.minutes:
        sink.warning(
            fm.first_line - 1,
            t("check.minutes_mismatch", total=meeting.planned_total, planned=meeting.minutes),
        )
    return meeting


_H2_RE = re.compile(r"^##(?:[ \t]+(.*?))?[ \t]*$")
_H1_RE = re.compile(r"^#(?!#)\s")
_CODE_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


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


def _parse_meeting_body(lines: list[str], start: int, meeting: Meeting, sink: _Sink) -> None:
    description: list[str] = []
    block: _BlockBuilder | None = None
    notes_open_at: int | None = None  # file line of an open '::: noter'
    code_fence: str | None = None
    i = start

    def finish() -> None:
        nonlocal block, notes_open_at
        if notes_open_at is not None:
            sink.error(notes_open_at, t("check.notes_unclosed"))
            notes_open_at = None
        if block is not None:
            built = block.build()
            if built is not None:
                if not built.steps and not built.notes:
                    sink.warning(block.line, t("check.empty_block", title=built.title))
                meeting.blocks.append(built)
        block = None

    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        stripped = line.strip()
        i += 1
        in_notes = notes_open_at is not None

        if code_fence is not None:
            if stripped.startswith(code_fence):
                code_fence = None
            _append(block, description, line, in_notes)
            continue
        fence = _CODE_FENCE_RE.match(line)
        if fence:
            code_fence = fence.group(1)[0] * 3
            _append(block, description, line, in_notes)
            continue

        heading = _H2_RE.match(line)
        if heading:
            finish()
            title = re.sub(r"[ \t]+#+$", "", heading.group(1) or "").strip()
            if not title:
                sink.error(lineno, t("check.empty_block_title"))
                title = "?"
            block = _BlockBuilder(title, lineno)
            # Its +++ fences must follow (blank lines allowed).
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j >= len(lines) or lines[j].strip() != FENCE:
                sink.error(lineno, t("check.block_without_fences", title=title))
                block.valid = False
                continue
            end = next((k for k in range(j + 1, len(lines)) if lines[k].strip() == FENCE), None)
            if end is None:
                sink.error(j + 1, t("check.unclosed_front_matter"))
                block.valid = False
                i = len(lines)
                continue
            toml_lines = lines[j + 1 : end]
            data = parse_toml(toml_lines, j + 2, sink)
            i = end + 1
            if data is None:
                block.valid = False
                continue
            values = validate(data, BLOCK_FIELDS, toml_lines, j + 2, sink, missing_line=j + 1)
            kind = values.get("kind")
            if kind is not None and kind not in BLOCK_KINDS:
                sink.error(
                    key_line(toml_lines, j + 2, "kind"),
                    t("check.bad_kind", kind=kind, known=", ".join(BLOCK_KINDS)),
                )
                kind = None
            if kind is None or "minutes" not in values:
                block.valid = False
                continue
            block.kind = kind
            block.minutes = values["minutes"]
            block.scenarios = list(dict.fromkeys(values.get("scenarios", [])))
            continue

        if _H1_RE.match(line):
            sink.error(lineno, t("check.h1_in_meeting"))
            continue

        if stripped.startswith(":::"):
            word = stripped[3:].strip().casefold()
            if word in ("noter", "note", "notes"):
                if in_notes:
                    sink.error(lineno, t("check.notes_nested"))
                else:
                    notes_open_at = lineno
            elif word == "":
                if in_notes:
                    notes_open_at = None
                else:
                    sink.error(lineno, t("check.notes_close_without_open"))
            else:
                sink.error(lineno, t("check.unknown_container"))
                # Treat what follows as notes until ':::' so nothing leaks to the wall.
                if not in_notes:
                    notes_open_at = lineno
            continue

        if stripped == REVEAL and not in_notes and block is not None:
            block.steps.append([])
            continue

        _append(block, description, line, in_notes)

    finish()
    meeting.description = "\n".join(description).strip()


def _append(block: _BlockBuilder | None, description: list[str], line: str, in_notes: bool) -> None:
    if block is None:
        # Before the first block: facilitators' description (notes count as description too;
        # neither is ever shown on the wall).
        description.append(line)
    elif in_notes:
        block.notes.append(line)
    else:
        block.steps[-1].append(line)


# --------------------------------------------------------------------------- guide pages

PAGE_FIELDS = (
    Field("id", True, "id"),
    Field("title", True, "text"),
    Field("tags", False, "text_list"),
    Field("link", False, "url"),
    Field("order", False, "int", -100_000, 100_000),
)


@dataclass(slots=True)
class _PageSource:
    page: GuidePage
    links: list[tuple[str, int]]
    id_line: int


def load_page(path: Path, problems: list[Problem], *, measure: bool = False) -> _PageSource | None:
    sink = _Sink(path, problems)
    text = read_text(path, sink)
    if text is None:
        return None
    lines = split_lines(text)
    fm = front_matter(lines, sink)
    if fm is None or fm.data is None:
        return None
    if "number" in fm.data and "id" not in fm.data:
        sink.error(fm.first_line - 1, t("check.meeting_outside_course"))
        return None
    if "variant" in fm.data or "citizen" in fm.data:
        sink.error(fm.first_line - 1, t("check.scenario_outside_folder"))
        return None
    values = validate(
        fm.data, PAGE_FIELDS, fm.lines, fm.first_line, sink, missing_line=fm.first_line - 1
    )
    if "id" not in values:
        return None
    body_lines = lines[fm.body_start :]
    body = "\n".join(body_lines).strip("\n")
    if measure:  # only for `peertui check`: the parser costs start-up time
        blocks = count_blocks(body)
        if blocks > MAX_PAGE_BLOCKS:
            sink.warning(1, t("check.page_too_long", blocks=blocks, limit=MAX_PAGE_BLOCKS))
    page = GuidePage(
        id=values["id"],
        title=values.get("title", values["id"]),
        body=body,
        path=path,
        tags=values.get("tags", []),
        link=values.get("link"),
        order=values.get("order"),
    )
    return _PageSource(
        page, guide_links(body_lines, fm.body_start + 1), key_line(fm.lines, fm.first_line, "id")
    )


def count_blocks(markdown: str) -> int:
    """Roughly what Textual's Markdown widget mounts: paragraphs, headings, items, rows."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    counted = {"paragraph_open", "heading_open", "list_item_open", "tr_open", "fence", "hr"}
    return sum(1 for tok in tokens if tok.type in counted)


# --------------------------------------------------------------------------- the library


def _visible(path: Path) -> bool:
    return not path.name.startswith((".", "_"))


def _show(path: Path) -> str:
    return display_path(path)


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def builtin_paths() -> list[Path]:
    """The built-in ``sessions/`` and ``content/`` folders, wheel-installed or in a checkout."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_builtin"
    if (bundled / "sessions").is_dir():
        return [bundled / "sessions", bundled / "content"]
    checkout = package.parent
    return [checkout / "sessions", checkout / "content"]


def _discover(
    paths: Sequence[Path], problems: list[Problem]
) -> tuple[list[Path], list[Path], list[Path]]:
    """Course folders, guide-page files and scenario files under ``paths``.

    ``.md`` files inside a folder named ``scenarios`` (at any depth) are scenarios.
    """
    courses: list[Path] = []
    pages: list[Path] = []
    scenarios: list[Path] = []

    def walk(folder: Path, depth: int = 0, in_scenarios: bool = False) -> None:
        if depth > 8:
            return
        if (folder / "course.toml").is_file():
            courses.append(folder)
            return
        in_scenarios = in_scenarios or folder.name == SCENARIO_FOLDER
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            problems.append(
                Problem(folder, 1, t("check.unreadable", reason=exc.strerror or "OSError"))
            )
            return
        for entry in entries:
            if not _visible(entry):
                continue
            if entry.is_dir():
                walk(entry, depth + 1, in_scenarios)
            elif entry.suffix == ".md" and entry.is_file():
                (scenarios if in_scenarios else pages).append(entry)

    for path in paths:
        if not path.exists():
            problems.append(Problem(path, 1, t("check.no_such_path")))
        elif path.is_dir():
            walk(path)
        elif path.name == "course.toml" or (path.parent / "course.toml").is_file():
            courses.append(path.parent)
        elif path.suffix == ".md":
            in_scenarios = path.resolve().parent.name == SCENARIO_FOLDER
            (scenarios if in_scenarios else pages).append(path)
        else:
            problems.append(Problem(path, 1, t("check.nothing_found")))

    # Keep order, drop duplicates (a course named twice, a file inside a named folder).
    def unique(found: list[Path]) -> list[Path]:
        return list(dict.fromkeys(p.resolve() for p in found))

    return unique(courses), unique(pages), unique(scenarios)


def load_library(
    paths: Sequence[Path] | None = None,
    *,
    resolve_links_in: Callable[[], Library] | None = None,
    measure_pages: bool = False,
) -> Library:
    """Load every course, guide page and scenario under ``paths`` (default: the built-in content).

    Links to guide pages are checked against the pages found; when ``paths`` holds no guide
    pages at all (say, only a course folder), against ``resolve_links_in()`` instead. The same
    goes for the scenarios a meeting's blocks name.
    ``measure_pages`` also warns about pages too long to show quickly (slower to load).
    """
    # Imported here: the scenario parser builds on this module's helpers.
    from peertui.content.scenarios import load_scenario_source

    paths = [Path(p) for p in (paths if paths else builtin_paths())]
    library = Library()
    problems = library.problems
    course_dirs, page_files, scenario_files = _discover(paths, problems)

    course_seen: dict[str, Path] = {}
    for folder in course_dirs:
        course = load_course(folder, problems)
        if course is None:
            continue
        if course.id in course_seen:
            problems.append(
                Problem(
                    folder / "course.toml",
                    1,
                    t("check.duplicate_course", id=course.id, other=_show(course_seen[course.id])),
                )
            )
            continue
        course_seen[course.id] = folder
        library.courses.append(course)

    sources: list[_PageSource] = []
    for path in page_files:
        source = load_page(path, problems, measure=measure_pages)
        if source is None:
            continue
        existing = library.pages.get(source.page.id)
        if existing is not None:
            problems.append(
                Problem(
                    path,
                    source.id_line,
                    t("check.duplicate_page", id=source.page.id, other=_show(existing.path)),
                )
            )
            continue
        library.pages[source.page.id] = source.page
        sources.append(source)

    scenario_sources: list[ScenarioSource] = []
    for path in scenario_files:
        scenario_source = load_scenario_source(path, problems)
        if scenario_source is None:
            continue
        scenario = scenario_source.scenario
        other_scenario = library.scenarios.get(scenario.id)
        if other_scenario is not None:
            problems.append(
                Problem(
                    path,
                    scenario_source.id_line,
                    t("check.duplicate_scenario", id=scenario.id, other=_show(other_scenario.path)),
                )
            )
            continue
        library.scenarios[scenario.id] = scenario
        scenario_sources.append(scenario_source)
    for scenario_source in scenario_sources:
        _check_pair(scenario_source, library, problems)

    fallback: list[Library] = []

    def elsewhere() -> Library | None:
        if resolve_links_in is None:
            return None
        if not fallback:
            fallback.append(resolve_links_in())
        return fallback[0]

    known_ids: set[str] = set(library.pages)
    if not page_files and (other_library := elsewhere()) is not None:
        known_ids |= set(other_library.pages)
    known_scenarios: set[str] = set(library.scenarios)
    if not scenario_files and (other_library := elsewhere()) is not None:
        known_scenarios |= set(other_library.scenarios)

    def check_links(path: Path, links: list[tuple[str, int]]) -> None:
        for href, line in links:
            target = link_target(href)
            if target is None:
                problems.append(Problem(path, line, t("check.bad_guide_link", href=href)))
            elif target not in known_ids:
                problems.append(Problem(path, line, t("check.unknown_page", id=target)))

    for source in sources:
        check_links(source.page.path, source.links)
    for scenario_source in scenario_sources:
        check_links(scenario_source.scenario.path, scenario_source.links)
    for course in library.courses:
        for meeting in course.meetings:
            check_links(meeting.path, _meeting_links(meeting.path))
            for block in meeting.blocks:
                for scenario_id in block.scenarios:
                    if scenario_id not in known_scenarios:
                        problems.append(
                            Problem(
                                meeting.path,
                                _scenarios_key_line(meeting.path, block.line),
                                t("check.unknown_scenario", id=scenario_id),
                            )
                        )

    # Courses with an `order` first, lowest first; the rest by folder name, as found.
    library.courses.sort(key=lambda c: (c.order is None, c.order or 0))
    problems.sort(key=lambda p: (str(p.path), p.line))
    return library


def _check_pair(source: ScenarioSource, library: Library, problems: list[Problem]) -> None:
    """A scenario's ``pair`` names the same meeting's other variant, which names it back."""
    scenario = source.scenario
    if scenario.pair is None:
        return
    path, line = scenario.path, source.pair_line
    if scenario.pair == scenario.id:
        problems.append(Problem(path, line, t("check.pair_self")))
        return
    other = library.scenarios.get(scenario.pair)
    if other is None:
        problems.append(Problem(path, line, t("check.unknown_pair", id=scenario.pair)))
        return
    if other.meeting != scenario.meeting:
        problems.append(
            Problem(
                path,
                line,
                t("check.pair_other_meeting", id=other.id, meeting=other.meeting),
                "warning",
            )
        )
    if other.variant == scenario.variant:
        problems.append(Problem(path, line, t("check.pair_same_variant", id=other.id), "warning"))
    if other.pair != scenario.id:
        problems.append(Problem(path, line, t("check.pair_not_mutual", id=other.id), "warning"))


_SCENARIOS_KEY_RE = re.compile(r"^\s*[\"']?scenarios[\"']?\s*=")


def _scenarios_key_line(path: Path, block_line: int) -> int:
    """The line of ``scenarios = ...`` in the fences of the block headed at ``block_line``."""
    try:
        lines = split_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return block_line
    for index in range(block_line, len(lines)):
        if _SCENARIOS_KEY_RE.match(lines[index]):
            return index + 1
    return block_line


def _meeting_links(path: Path) -> list[tuple[str, int]]:
    try:
        return guide_links(split_lines(path.read_text(encoding="utf-8-sig")), 1)
    except (OSError, UnicodeDecodeError):
        return []
