"""What the content files describe: courses, meetings, agenda blocks, guide pages, scenarios.

Plain dataclasses; nothing here knows about files or about Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BLOCK_KINDS: tuple[str, ...] = ("tjek-ind", "tema", "øvelse", "pause", "runde", "tjek-ud", "fri")

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a content file, at a line (1-based)."""

    path: Path
    line: int
    message: str
    severity: Severity = "error"
    #: Where on the line (1-based), when that helps: a TOML mistake's position.
    column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(slots=True)
class Block:
    """One item of a meeting's agenda."""

    title: str
    kind: str
    minutes: int
    line: int
    #: Participant-facing Markdown, split at reveal points. Never holds notes.
    steps: list[str] = field(default_factory=list)
    #: Facilitator notes (Markdown). Never shown on the wall.
    notes: str = ""
    #: Ids of meeting scenarios the block uses (``scenarios`` in its front matter).
    scenarios: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All participant-facing text, every step revealed."""
        return "\n\n".join(step for step in self.steps if step)


@dataclass(slots=True)
class Meeting:
    number: int
    title: str
    minutes: int
    path: Path
    description: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def planned_total(self) -> int:
        return sum(block.minutes for block in self.blocks)


@dataclass(slots=True)
class Course:
    id: str
    title: str
    description: str
    meeting_minutes: int
    path: Path
    link: str | None = None
    language: str = "da"
    #: Sort order in lists (lower first); courses without one come last, by folder name.
    order: int | None = None
    #: A course for trainees (``training = true``): its groups hold trainees with a
    #: teaching log toward a certificate.
    training: bool = False
    meetings: list[Meeting] = field(default_factory=list)

    def meeting(self, number: int) -> Meeting | None:
        return next((m for m in self.meetings if m.number == number), None)


@dataclass(slots=True)
class GuidePage:
    id: str
    title: str
    body: str
    path: Path
    tags: list[str] = field(default_factory=list)
    link: str | None = None
    order: int | None = None
    #: The language the page is written in (``language`` in its front matter).
    language: str = "da"

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.order if self.order is not None else 10_000, self.title.casefold())


# --------------------------------------------------------------------------- scenarios

#: The kinds of meeting a scenario can show.
MEETING_KINDS: tuple[str, ...] = ("myndighedsmøde", "behandlingsmøde", "jobcenter")
#: A scenario shows a meeting without or with the citizen's personal statement on the table.
VARIANTS: tuple[str, ...] = ("uden-statement", "med-statement")

LineKind = Literal["narration", "speech", "thought"]


@dataclass(frozen=True, slots=True)
class Line:
    """One step of a scene: narration, a spoken line, or the citizen's unspoken thought."""

    kind: LineKind
    text: str
    #: File line (1-based) where it starts.
    line: int
    #: Who speaks (for ``speech``) or thinks (for ``thought``); None for narration.
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class PausePoint:
    """Where the trainer stops the scenario and asks the room.

    The questions are for the facilitator console; the wall shows a calm "Pause" and, only if
    the trainer chooses, one question.
    """

    questions: tuple[str, ...]
    line: int


Beat = Line | PausePoint


@dataclass(slots=True)
class Scene:
    title: str
    line: int
    who: list[str]
    where: str | None = None
    #: Narration, lines, thoughts and pause points in the order they are stepped through.
    beats: list[Beat] = field(default_factory=list)
    #: Facilitator notes (Markdown). Never shown on the wall.
    notes: str = ""

    @property
    def lines(self) -> list[Line]:
        return [b for b in self.beats if isinstance(b, Line)]

    @property
    def pause_points(self) -> list[PausePoint]:
        return [b for b in self.beats if isinstance(b, PausePoint)]


@dataclass(slots=True)
class Scenario:
    id: str
    title: str
    meeting: str
    variant: str
    minutes: int
    citizen: str
    path: Path
    #: The id of the same meeting's other variant.
    pair: str | None = None
    #: The language the scenario is written in (``language`` in its front matter).
    language: str = "da"
    #: Text before the first scene: for the facilitators, never on the wall.
    description: str = ""
    scenes: list[Scene] = field(default_factory=list)

    @property
    def pause_points(self) -> list[PausePoint]:
        return [p for scene in self.scenes for p in scene.pause_points]

    def steps(self) -> list[tuple[Scene, Beat]]:
        """Every beat with its scene, in order: what "next" steps through on the wall."""
        return [(scene, beat) for scene in self.scenes for beat in scene.beats]


@dataclass(slots=True)
class Library:
    """Everything loaded from a set of content folders, and what was wrong with it."""

    courses: list[Course] = field(default_factory=list)
    pages: dict[str, GuidePage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Meeting scenarios (``scenarios/`` folders inside a content folder), by id.
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    #: Known but broken: guide pages and scenarios whose files could not be loaded, by the id
    #: they declare (else the file's name), with the file. Their own file's problem says why;
    #: a link to one is not reported again as a link to something missing.
    broken_pages: dict[str, Path] = field(default_factory=dict)
    broken_scenarios: dict[str, Path] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def course(self, course_id: str) -> Course | None:
        return next((c for c in self.courses if c.id == course_id), None)

    def page(self, page_id: str) -> GuidePage | None:
        return self.pages.get(page_id)

    def languages(self) -> set[str]:
        """The languages the courses, guide pages and scenarios are written in."""
        return (
            {course.language for course in self.courses}
            | {page.language for page in self.pages.values()}
            | {scenario.language for scenario in self.scenarios.values()}
        )

    def sorted_pages(self) -> list[GuidePage]:
        return sorted(self.pages.values(), key=lambda p: p.sort_key)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return self.scenarios.get(scenario_id)
