"""Reads courses (``sessions/``), guide pages and scenarios (``content/``) from plain files.

Never raises on bad content: every problem becomes a :class:`Problem` with a path and a
line, and whatever can still be loaded is loaded. Knows nothing of Textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from peertui.content.agenda import parse_meeting_body
from peertui.content.model import Course, GuidePage, Library, Meeting, Problem
from peertui.content.scenarios import ScenarioSource, load_scenario_source
from peertui.content.source import (
    ID_RE,
    Field,
    Sink,
    front_matter,
    guide_links,
    key_line,
    parse_toml,
    read_text,
    split_lines,
    validate,
)
from peertui.i18n import _

#: ``.md`` files inside a folder of this name are meeting scenarios, not guide pages.
SCENARIO_FOLDER = "scenarios"
#: A page with more Markdown blocks than this takes more than ~0.5 s to paint (Textual
#: mounts a widget per paragraph, heading, list item and table row: ~9 ms each here).
MAX_PAGE_BLOCKS = 26


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
    Field("language", False, "language"),
    Field("order", False, "int", -100_000, 100_000),
    Field("training", False, "bool"),
)
MEETING_FIELDS = (
    Field("number", True, "int", 0, 99),
    Field("title", True, "text"),
    Field("minutes", False, "int", 1, 600),
)


def load_course(folder: Path, problems: list[Problem]) -> Course | None:
    toml_path = folder / "course.toml"
    sink = Sink(toml_path, problems)
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
        sink.error(
            1,
            _(
                "the folder name '{id}' is the course's id and may only contain a-z, digits and -",
                id=course_id,
            ),
        )
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
        # A bad meeting_minutes is reported once, here, not as a wrong sum in every meeting.
        default = course.meeting_minutes if "meeting_minutes" in values else None
        meeting = load_meeting(path, default, problems)
        if meeting is None:
            continue
        if meeting.number in seen:
            Sink(path, problems).error(
                _number_line(path),
                _(
                    "meeting number {number} also exists in {other}",
                    number=meeting.number,
                    other=_show(seen[meeting.number]),
                ),
            )
            continue
        seen[meeting.number] = path
        course.meetings.append(meeting)
    if not meeting_files:
        sink.warning(1, _("the course has no meetings (.md files)"))
    course.meetings.sort(key=lambda m: m.number)
    return course


def _number_line(path: Path) -> int:
    try:
        lines = split_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return 1
    return key_line(lines, 1, "number")


def load_meeting(
    path: Path, default_minutes: int | None, problems: list[Problem]
) -> Meeting | None:
    """A meeting file; ``default_minutes`` is the course's (None: not known, it has an error)."""
    sink = Sink(path, problems)
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
    # The meeting's own minutes, else the course's; None when that value has an error.
    planned = values.get("minutes") if "minutes" in fm.data else default_minutes
    meeting = Meeting(
        number=values["number"],
        title=values.get("title", f"{values['number']}"),
        minutes=planned if planned is not None else (default_minutes or 120),
        path=path,
    )
    # A block left out has its own error: a sum (or "no blocks") would only echo it.
    dropped = parse_meeting_body(lines, fm.body_start, meeting, sink)
    if not meeting.blocks and not dropped:
        sink.error(
            fm.first_line - 1, _("the meeting has no items (## Heading with +++ kind and minutes)")
        )
    elif meeting.blocks and not dropped and planned not in (None, meeting.planned_total):
        sink.warning(
            fm.first_line - 1,
            _(
                "the items' minutes add up to {total}, but the meeting is planned for "
                "{planned} minutes",
                total=meeting.planned_total,
                planned=meeting.minutes,
            ),
        )
    return meeting


# --------------------------------------------------------------------------- guide pages

PAGE_FIELDS = (
    Field("id", True, "id"),
    Field("title", True, "text"),
    Field("tags", False, "text_list"),
    Field("link", False, "url"),
    Field("order", False, "int", -100_000, 100_000),
    Field("language", False, "language"),
)


@dataclass(slots=True)
class _PageSource:
    page: GuidePage
    links: list[tuple[str, int]]
    id_line: int


def load_page(path: Path, problems: list[Problem], *, measure: bool = False) -> _PageSource | None:
    sink = Sink(path, problems)
    text = read_text(path, sink)
    if text is None:
        return None
    lines = split_lines(text)
    fm = front_matter(lines, sink)
    if fm is None or fm.data is None:
        return None
    if "number" in fm.data and "id" not in fm.data:
        sink.error(fm.first_line - 1, _("a meeting must be in a course folder with a course.toml"))
        return None
    if "variant" in fm.data or "citizen" in fm.data:
        sink.error(
            fm.first_line - 1,
            _("a scenario must be in a folder called scenarios, inside a content folder"),
        )
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
            sink.warning(
                1,
                _(
                    "the page has {blocks} blocks (paragraphs, headings, list items) and "
                    "will be slow to show; split it into two pages (at most {limit})",
                    blocks=blocks,
                    limit=MAX_PAGE_BLOCKS,
                ),
            )
    page = GuidePage(
        id=values["id"],
        title=values.get("title", values["id"]),
        body=body,
        path=path,
        tags=values.get("tags", []),
        link=values.get("link"),
        order=values.get("order"),
        language=values.get("language", "da"),
    )
    return _PageSource(
        page, guide_links(body_lines, fm.body_start + 1), key_line(fm.lines, fm.first_line, "id")
    )


def count_blocks(markdown: str) -> int:
    """Roughly what Textual's Markdown widget mounts: paragraphs, headings, items, rows."""
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
                Problem(
                    folder,
                    1,
                    _("the file cannot be read ({reason})", reason=exc.strerror or "OSError"),
                )
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
            problems.append(Problem(path, 1, _("does not exist")))
        elif path.is_dir():
            walk(path)
        elif path.name == "course.toml" or (path.parent / "course.toml").is_file():
            courses.append(path.parent)
        elif path.suffix == ".md":
            in_scenarios = path.resolve().parent.name == SCENARIO_FOLDER
            (scenarios if in_scenarios else pages).append(path)
        else:
            problems.append(
                Problem(path, 1, _("no courses (course.toml) or guide pages (.md) here"))
            )

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
                    _(
                        "course id '{id}' also exists in {other}",
                        id=course.id,
                        other=_show(course_seen[course.id]),
                    ),
                )
            )
            continue
        course_seen[course.id] = folder
        library.courses.append(course)

    sources: list[_PageSource] = []
    for path in page_files:
        source = load_page(path, problems, measure=measure_pages)
        if source is None:
            _remember_broken(path, library.broken_pages)
            continue
        existing = library.pages.get(source.page.id)
        if existing is not None:
            problems.append(
                Problem(
                    path,
                    source.id_line,
                    _(
                        "page id '{id}' also exists in {other}",
                        id=source.page.id,
                        other=_show(existing.path),
                    ),
                )
            )
            continue
        library.pages[source.page.id] = source.page
        sources.append(source)

    scenario_sources: list[ScenarioSource] = []
    for path in scenario_files:
        scenario_source = load_scenario_source(path, problems)
        if scenario_source is None:
            _remember_broken(path, library.broken_scenarios)
            continue
        scenario = scenario_source.scenario
        other_scenario = library.scenarios.get(scenario.id)
        if other_scenario is not None:
            problems.append(
                Problem(
                    path,
                    scenario_source.id_line,
                    _(
                        "scenario id '{id}' also exists in {other}",
                        id=scenario.id,
                        other=_show(other_scenario.path),
                    ),
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
                problems.append(
                    Problem(
                        path,
                        line,
                        _("the link '{href}' must have the form guide:page-id", href=href),
                    )
                )
            elif target not in known_ids and target not in library.broken_pages:
                problems.append(
                    Problem(
                        path,
                        line,
                        _("the link points to the page '{id}', which does not exist", id=target),
                    )
                )

    for source in sources:
        check_links(source.page.path, source.links)
    for scenario_source in scenario_sources:
        check_links(scenario_source.scenario.path, scenario_source.links)
    for course in library.courses:
        for meeting in course.meetings:
            check_links(meeting.path, _meeting_links(meeting.path))
            for block in meeting.blocks:
                for scenario_id in block.scenarios:
                    if scenario_id in library.broken_scenarios:
                        continue  # its own file says what is wrong with it
                    if scenario_id not in known_scenarios:
                        problems.append(
                            Problem(
                                meeting.path,
                                _scenarios_key_line(meeting.path, block.line),
                                _(
                                    "the item uses the scenario '{id}', which does not exist",
                                    id=scenario_id,
                                ),
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
        problems.append(
            Problem(
                path,
                line,
                _("'pair' points to the scenario itself; it must point to the other variant"),
            )
        )
        return
    other = library.scenarios.get(scenario.pair)
    if other is None and scenario.pair in library.broken_scenarios:
        return  # known but broken: its own file says why
    if other is None:
        problems.append(
            Problem(
                path,
                line,
                _("'pair' points to the scenario '{id}', which does not exist", id=scenario.pair),
            )
        )
        return
    if other.meeting != scenario.meeting:
        problems.append(
            Problem(
                path,
                line,
                _(
                    "the scenario '{id}' in 'pair' is about a different meeting ({meeting})",
                    id=other.id,
                    meeting=other.meeting,
                ),
                "warning",
            )
        )
    if other.variant == scenario.variant:
        problems.append(
            Problem(
                path,
                line,
                _(
                    "the scenario '{id}' in 'pair' has the same variant; a pair is one "
                    "without and one with a statement",
                    id=other.id,
                ),
                "warning",
            )
        )
    if other.pair != scenario.id:
        problems.append(
            Problem(
                path,
                line,
                _("the scenario '{id}' in 'pair' does not point back to this one", id=other.id),
                "warning",
            )
        )


_DECLARED_ID_RE = re.compile(r"""^\s*["']?id["']?\s*=\s*["']([^"'\n]*)["']""")


def _remember_broken(path: Path, broken: dict[str, Path]) -> None:
    """A file that could not be loaded is known but broken, under the id it means to have.

    That is the ``id`` its front matter sets, read line by line (the TOML itself may be what
    is broken), or else the file's name.
    """
    try:
        lines = split_lines(path.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        lines = []
    declared = (m.group(1).strip() for line in lines[:60] if (m := _DECLARED_ID_RE.match(line)))
    found = next(declared, None)
    page_id = found if found is not None else path.stem
    if ID_RE.match(page_id):
        broken.setdefault(page_id, path)


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
