"""The data model: what peertui stores, as plain frozen dataclasses.

Each class converts to and from the JSON document it is stored as (``to_doc`` /
``from_doc``). The same documents make up the export format (see docs/data.md), so one parser
checks data files on load and import files before anything is written. The parser names the
place of a problem (``groups[0].participants[2].alias``), never the value found there.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from peertui.store.errors import CprNumberRefused, InvalidInput
from peertui.store.paths import ID_RE
from peertui.strings import t

# --- vocabularies -------------------------------------------------------------------------

PURPOSES = ("taking_part", "store_statement", "printing", "digital_copy")
ATTENDANCE = ("present", "absent", "excused")
WORKSHEET_KINDS = ("goals", "safety_plan", "network_map")
CHECKLIST_ITEMS = (
    "plan_followed",
    "everyone_heard",
    "agreements_kept",
    "shared_as_equals",
    "own_words_and_hope",
    "ended_on_time",
)
AUDIENCES = ("colleagues", "citizens")
SECTORS = ("family", "friends", "work_school", "leisure", "professionals", "online")
RINGS = (1, 2, 3)  # 1 = closest
PROMPTS = 4  # a personal statement answers four prompts
MAX_MEETING = 99  # 0 is the introduction meeting

NAME_MAX = 80
TEXT_MAX = 10_000
LIST_MAX = 200

# --- CPR numbers --------------------------------------------------------------------------

_CPR_RE = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})(-| ?)([0-9]{4})(?![0-9])")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def looks_like_cpr(text: str) -> bool:
    """True if ``text`` holds something shaped like a Danish CPR number.

    ``ddmmyy-xxxx`` always counts; ``ddmmyyxxxx`` and ``ddmmyy xxxx`` count when ``ddmmyy``
    is a plausible date, so that other ten-digit numbers are not refused for nothing.
    """
    for match in _CPR_RE.finditer(text):
        day, month, _year, sep, _serial = match.groups()
        if sep == "-":
            return True
        d, m = int(day), int(month)
        if 1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]:
            return True
    return False


# --- parsing helpers ----------------------------------------------------------------------


class ShapeError(Exception):
    """A document that does not have the expected shape. ``path`` says where; no values."""

    def __init__(self, path: str, problem: str, **values: object) -> None:
        self.path = path
        self.problem = problem
        self.values = values
        super().__init__(f"{path}: {problem}")

    def describe(self) -> str:
        return t(
            "shape.at", path=self.path or "/", problem=t(f"shape.{self.problem}", **self.values)
        )


_FIELD_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class Parser:
    """Reads documents strictly. ``check_cpr`` is on for imports, off for our own data files."""

    def __init__(self, *, check_cpr: bool) -> None:
        self.check_cpr = check_cpr

    def obj(
        self, value: Any, path: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ShapeError(path, "object")
        for key in required:
            if key not in value:
                raise ShapeError(path, "missing", key=key)
        if len(value) > len(required):
            known = set(required) | set(optional)
            for key in value:
                if key not in known:
                    # Name the key only if it looks like a field name, never stored text.
                    name = key if isinstance(key, str) and _FIELD_RE.match(key) else "?"
                    raise ShapeError(path, "unknown_key", key=name)
        return value

    def list(self, value: Any, path: str, limit: int = LIST_MAX * 50) -> list[Any]:
        if not isinstance(value, list):
            raise ShapeError(path, "list")
        if len(value) > limit:
            raise ShapeError(path, "too_many", limit=limit)
        return value

    def text(self, value: Any, path: str, *, limit: int = TEXT_MAX, empty: bool = True) -> str:
        if not isinstance(value, str):
            raise ShapeError(path, "text")
        if len(value) > limit:
            raise ShapeError(path, "too_long", limit=limit)
        if not empty and not value.strip():
            raise ShapeError(path, "empty")
        if self.check_cpr and looks_like_cpr(value):
            raise ShapeError(path, "cpr")
        return value

    def texts(self, value: Any, path: str, *, limit: int = TEXT_MAX) -> tuple[str, ...]:
        items = self.list(value, path, LIST_MAX)
        return tuple(self.text(v, f"{path}[{i}]", limit=limit) for i, v in enumerate(items))

    def ident(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not ID_RE.match(value):
            raise ShapeError(path, "id")
        return value

    def integer(self, value: Any, path: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ShapeError(path, "integer")
        if not low <= value <= high:
            raise ShapeError(path, "range", low=low, high=high)
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise ShapeError(path, "boolean")
        return value

    def choice(self, value: Any, path: str, allowed: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ShapeError(path, "choice", allowed=", ".join(allowed))
        return value

    def day(self, value: Any, path: str) -> date:
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise ShapeError(path, "date")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ShapeError(path, "date") from None

    def optional_day(self, value: Any, path: str) -> date | None:
        return None if value is None else self.day(value, path)

    def moment(self, value: Any, path: str) -> datetime:
        if not isinstance(value, str) or not _DATETIME_RE.match(value):
            raise ShapeError(path, "datetime")
        try:
            return datetime.fromisoformat(value)  # the shape is checked above; 3.11 reads "Z"
        except ValueError:
            raise ShapeError(path, "datetime") from None


LENIENT = Parser(check_cpr=False)


def fmt_day(value: date) -> str:
    return value.isoformat()


def fmt_moment(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_second(value: datetime) -> datetime:
    """A moment as stored: UTC, whole seconds."""
    return value.astimezone(UTC).replace(microsecond=0)


_last_ms = 0
_id_lock = threading.Lock()


def new_id() -> str:
    """A fresh id: creation time in milliseconds, then random bits. Never derived from names.

    Within a process the time part only grows, so ids sort in the order they were made."""
    global _last_ms
    with _id_lock:
        _last_ms = max(time.time_ns() // 1_000_000, _last_ms + 1)
        stamp = _last_ms
    return f"{stamp:012x}{secrets.token_hex(4)}"


# --- checking what a user typed -----------------------------------------------------------


def clean_text(
    value: object,
    field_key: str,
    *,
    limit: int = TEXT_MAX,
    required: bool = False,
    strip: bool = False,
) -> str:
    """Check one text a user typed. ``field_key`` names the field in strings.py (``field.*``)."""
    label = t(f"field.{field_key}")
    if not isinstance(value, str):
        raise InvalidInput(t("store.invalid.text", field=label), field_key)
    if required and not value.strip():
        raise InvalidInput(t("store.invalid.empty", field=label), field_key)
    if len(value) > limit:
        raise InvalidInput(t("store.invalid.too_long", field=label, limit=limit), field_key)
    if looks_like_cpr(value):
        raise CprNumberRefused(label)
    # Names are trimmed; a participant's own words are kept exactly as typed.
    return value.strip() if strip else value


def clean_texts(values: Iterable[str], field_key: str, *, limit: int = TEXT_MAX) -> tuple[str, ...]:
    items = tuple(values)
    if len(items) > LIST_MAX:
        raise InvalidInput(
            t("store.invalid.too_many", field=t(f"field.{field_key}"), limit=LIST_MAX), field_key
        )
    return tuple(clean_text(v, field_key, limit=limit) for v in items)


def check_choice(value: str, allowed: Sequence[str], field_key: str) -> str:
    if value not in allowed:
        raise InvalidInput(
            t("store.invalid.choice", field=t(f"field.{field_key}"), allowed=", ".join(allowed)),
            field_key,
        )
    return value


# --- groups and participants --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    course: str
    facilitators: tuple[str, ...]
    start: date
    retention: date  # the group's data is deleted after this day
    demo: bool = False

    KEYS: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "course",
        "facilitators",
        "start",
        "retention",
        "demo",
    )

    def past_retention(self, today: date) -> bool:
        return today > self.retention

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "course": self.course,
            "facilitators": list(self.facilitators),
            "start": fmt_day(self.start),
            "retention": fmt_day(self.retention),
            "demo": self.demo,
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str, extra: Sequence[str] = ()) -> Group:
        d = p.obj(doc, path, cls.KEYS, extra)
        return cls(
            id=p.ident(d["id"], f"{path}.id"),
            name=p.text(d["name"], f"{path}.name", limit=NAME_MAX, empty=False),
            course=p.text(d["course"], f"{path}.course", limit=NAME_MAX, empty=False),
            facilitators=p.texts(d["facilitators"], f"{path}.facilitators", limit=NAME_MAX),
            start=p.day(d["start"], f"{path}.start"),
            retention=p.day(d["retention"], f"{path}.retention"),
            demo=p.boolean(d["demo"], f"{path}.demo"),
        )


@dataclass(frozen=True, slots=True)
class Consent:
    given: date
    withdrawn: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn is None

    def to_doc(self) -> dict[str, Any]:
        return {
            "given": fmt_day(self.given),
            "withdrawn": fmt_day(self.withdrawn) if self.withdrawn else None,
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Consent:
        d = p.obj(doc, path, ("given", "withdrawn"))
        return cls(
            given=p.day(d["given"], f"{path}.given"),
            withdrawn=p.optional_day(d["withdrawn"], f"{path}.withdrawn"),
        )


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    alias: str  # a first name or an alias, never a full name
    added: date
    consents: Mapping[str, Consent] = field(default_factory=dict)  # purpose -> consent
    #: Set for a trainee of a training group (schema 4); None for everyone else.
    training: Training | None = None

    def consent(self, purpose: str) -> Consent | None:
        return self.consents.get(purpose)

    def has_consent(self, purpose: str) -> bool:
        consent = self.consents.get(purpose)
        return consent is not None and consent.active

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "alias": self.alias,
            "added": fmt_day(self.added),
            "consents": {k: self.consents[k].to_doc() for k in PURPOSES if k in self.consents},
        }
        if self.training is not None:
            doc["training"] = self.training.to_doc()
        return doc

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Participant:
        d = p.obj(doc, path, ("id", "alias", "added", "consents"), ("training",))
        raw = p.obj(d["consents"], f"{path}.consents", (), PURPOSES)
        return cls(
            id=p.ident(d["id"], f"{path}.id"),
            alias=p.text(d["alias"], f"{path}.alias", limit=NAME_MAX, empty=False),
            added=p.day(d["added"], f"{path}.added"),
            consents={
                k: Consent.from_doc(raw[k], p, f"{path}.consents.{k}") for k in PURPOSES if k in raw
            },
            training=(
                Training.from_doc(d["training"], p, f"{path}.training") if "training" in d else None
            ),
        )


@dataclass(frozen=True, slots=True)
class Attendance:
    meeting: int  # 0 = the introduction meeting
    participant: str
    status: str  # present | absent | excused

    def to_doc(self) -> dict[str, Any]:
        return {"meeting": self.meeting, "participant": self.participant, "status": self.status}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Attendance:
        d = p.obj(doc, path, ("meeting", "participant", "status"))
        return cls(
            meeting=p.integer(d["meeting"], f"{path}.meeting", 0, MAX_MEETING),
            participant=p.ident(d["participant"], f"{path}.participant"),
            status=p.choice(d["status"], f"{path}.status", ATTENDANCE),
        )


# --- personal statements ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementVersion:
    saved: datetime  # UTC, whole seconds
    answers: tuple[str, ...]  # one per prompt, in order

    def to_doc(self) -> dict[str, Any]:
        return {"saved": fmt_moment(self.saved), "answers": list(self.answers)}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> StatementVersion:
        d = p.obj(doc, path, ("saved", "answers"))
        answers = p.texts(d["answers"], f"{path}.answers")
        if len(answers) != PROMPTS:
            raise ShapeError(f"{path}.answers", "answers", count=PROMPTS)
        return cls(saved=p.moment(d["saved"], f"{path}.saved"), answers=answers)


@dataclass(frozen=True, slots=True)
class Statement:
    """A personal statement: four prompts in the participant's own words, with its versions."""

    id: str
    participant: str
    occasion: str  # e.g. the meeting it is for; may be empty
    versions: tuple[StatementVersion, ...]  # oldest first; never empty

    @property
    def current(self) -> StatementVersion:
        return self.versions[-1]

    @property
    def answers(self) -> tuple[str, ...]:
        return self.current.answers

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "participant": self.participant,
            "occasion": self.occasion,
            "versions": [v.to_doc() for v in self.versions],
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Statement:
        d = p.obj(doc, path, ("id", "participant", "occasion", "versions"))
        versions = p.list(d["versions"], f"{path}.versions", LIST_MAX)
        if not versions:
            raise ShapeError(f"{path}.versions", "empty_list")
        return cls(
            id=p.ident(d["id"], f"{path}.id"),
            participant=p.ident(d["participant"], f"{path}.participant"),
            occasion=p.text(d["occasion"], f"{path}.occasion", limit=NAME_MAX * 2),
            versions=tuple(
                StatementVersion.from_doc(v, p, f"{path}.versions[{i}]")
                for i, v in enumerate(versions)
            ),
        )


# --- worksheets ---------------------------------------------------------------------------


GOAL_FIELDS = ("text", "why", "first_step", "help_from", "when")


@dataclass(frozen=True, slots=True)
class Goal:
    text: str  # what I want
    first_step: str = ""  # a first small step
    help_from: str = ""  # who can help
    when: str = ""  # when to look at it again
    why: str = ""  # why it matters to me (schema 3; last, so positional use stays as it was)

    def to_doc(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in GOAL_FIELDS}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Goal:
        d = p.obj(doc, path, GOAL_FIELDS)
        return cls(**{k: p.text(d[k], f"{path}.{k}") for k in GOAL_FIELDS})


@dataclass(frozen=True, slots=True)
class PersonalGoals:
    goals: tuple[Goal, ...] = ()
    kind: ClassVar[str] = "goals"

    def texts(self) -> Iterable[tuple[str, str]]:
        for g in self.goals:
            yield from (
                ("goal", g.text),
                ("goal", g.why),
                ("goal", g.first_step),
                ("goal", g.help_from),
                ("goal", g.when),
            )

    def to_doc(self) -> dict[str, Any]:
        return {"goals": [g.to_doc() for g in self.goals]}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> PersonalGoals:
        d = p.obj(doc, path, ("goals",))
        items = p.list(d["goals"], f"{path}.goals", LIST_MAX)
        return cls(
            goals=tuple(Goal.from_doc(g, p, f"{path}.goals[{i}]") for i, g in enumerate(items))
        )


SAFETY_SECTIONS = (
    "warning_signs",  # signs that a crisis may be coming
    "own_strategies",  # what I can do on my own
    "distractions",  # people and places that take my mind off it
    "people_to_ask",  # people I can ask for help
    "professionals",  # professionals and crisis lines
    "safer_surroundings",  # making my surroundings safer
)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    warning_signs: tuple[str, ...] = ()
    own_strategies: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    people_to_ask: tuple[str, ...] = ()
    professionals: tuple[str, ...] = ()
    safer_surroundings: tuple[str, ...] = ()
    most_important: str = ""  # what matters most to me, worth holding on to
    kind: ClassVar[str] = "safety_plan"

    def texts(self) -> Iterable[tuple[str, str]]:
        for section in SAFETY_SECTIONS:
            for text in getattr(self, section):
                yield ("safety_plan", text)
        yield ("safety_plan", self.most_important)

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {s: list(getattr(self, s)) for s in SAFETY_SECTIONS}
        doc["most_important"] = self.most_important
        return doc

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> SafetyPlan:
        d = p.obj(doc, path, (*SAFETY_SECTIONS, "most_important"))
        values: dict[str, Any] = {s: p.texts(d[s], f"{path}.{s}") for s in SAFETY_SECTIONS}
        return cls(**values, most_important=p.text(d["most_important"], f"{path}.most_important"))


@dataclass(frozen=True, slots=True)
class NetworkPerson:
    name: str
    ring: int  # 1 closest .. 3
    sector: str
    note: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {"name": self.name, "ring": self.ring, "sector": self.sector, "note": self.note}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> NetworkPerson:
        d = p.obj(doc, path, ("name", "ring", "sector", "note"))
        return cls(
            name=p.text(d["name"], f"{path}.name", limit=NAME_MAX, empty=False),
            ring=p.integer(d["ring"], f"{path}.ring", RINGS[0], RINGS[-1]),
            sector=p.choice(d["sector"], f"{path}.sector", SECTORS),
            note=p.text(d["note"], f"{path}.note"),
        )


@dataclass(frozen=True, slots=True)
class NetworkMap:
    people: tuple[NetworkPerson, ...] = ()
    kind: ClassVar[str] = "network_map"

    def texts(self) -> Iterable[tuple[str, str]]:
        for person in self.people:
            yield ("network_name", person.name)
            yield ("network_map", person.note)

    def to_doc(self) -> dict[str, Any]:
        return {"people": [x.to_doc() for x in self.people]}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> NetworkMap:
        d = p.obj(doc, path, ("people",))
        items = p.list(d["people"], f"{path}.people", LIST_MAX)
        return cls(
            people=tuple(
                NetworkPerson.from_doc(x, p, f"{path}.people[{i}]") for i, x in enumerate(items)
            )
        )


WorksheetContent = PersonalGoals | SafetyPlan | NetworkMap
_CONTENT_TYPES: dict[str, type[PersonalGoals] | type[SafetyPlan] | type[NetworkMap]] = {
    "goals": PersonalGoals,
    "safety_plan": SafetyPlan,
    "network_map": NetworkMap,
}


#: A worksheet keeps at most this many versions; saving one more drops the oldest.
WORKSHEET_VERSIONS_MAX = 50


@dataclass(frozen=True, slots=True)
class WorksheetVersion:
    saved: datetime  # UTC, whole seconds
    content: WorksheetContent

    def to_doc(self) -> dict[str, Any]:
        return {"saved": fmt_moment(self.saved), "content": self.content.to_doc()}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str, kind: str) -> WorksheetVersion:
        d = p.obj(doc, path, ("saved", "content"))
        return cls(
            saved=p.moment(d["saved"], f"{path}.saved"),
            content=_CONTENT_TYPES[kind].from_doc(d["content"], p, f"{path}.content"),
        )


@dataclass(frozen=True, slots=True)
class Worksheet:
    """A participant's goals, safety plan or network map (one of each kind), with versions."""

    participant: str
    versions: tuple[WorksheetVersion, ...]  # oldest first; never empty; all of one kind

    @classmethod
    def single(cls, participant: str, updated: datetime, content: WorksheetContent) -> Worksheet:
        """A worksheet with one version."""
        return cls(participant, (WorksheetVersion(saved=updated, content=content),))

    @property
    def current(self) -> WorksheetVersion:
        return self.versions[-1]

    @property
    def content(self) -> WorksheetContent:
        return self.versions[-1].content

    @property
    def updated(self) -> datetime:
        return self.versions[-1].saved

    @property
    def kind(self) -> str:
        return self.versions[-1].content.kind

    def to_doc(self) -> dict[str, Any]:
        return {
            "participant": self.participant,
            "kind": self.kind,
            "versions": [v.to_doc() for v in self.versions],
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Worksheet:
        d = p.obj(doc, path, ("participant", "kind", "versions"))
        kind = p.choice(d["kind"], f"{path}.kind", WORKSHEET_KINDS)
        versions = p.list(d["versions"], f"{path}.versions", LIST_MAX)
        if not versions:
            raise ShapeError(f"{path}.versions", "empty_list")
        return cls(
            participant=p.ident(d["participant"], f"{path}.participant"),
            versions=tuple(
                WorksheetVersion.from_doc(v, p, f"{path}.versions[{i}]", kind)
                for i, v in enumerate(versions)
            ),
        )


# --- meeting logs -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BlockLog:
    title: str
    planned: int  # minutes
    actual: int | None = None  # minutes; None until known

    def to_doc(self) -> dict[str, Any]:
        return {"title": self.title, "planned": self.planned, "actual": self.actual}

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> BlockLog:
        d = p.obj(doc, path, ("title", "planned", "actual"))
        actual = d["actual"]
        return cls(
            title=p.text(d["title"], f"{path}.title", limit=NAME_MAX * 2),
            planned=p.integer(d["planned"], f"{path}.planned", 0, 600),
            actual=None if actual is None else p.integer(actual, f"{path}.actual", 0, 600),
        )


@dataclass(frozen=True, slots=True)
class MeetingLog:
    """What happened at one meeting, written by the facilitators afterwards."""

    meeting: int
    held: date | None = None
    blocks: tuple[BlockLog, ...] = ()
    notes: str = ""
    checklist: Mapping[str, bool] = field(default_factory=dict)  # CHECKLIST_ITEMS -> done
    reflection: str = ""
    carry_over: str = ""  # a note for next time

    def texts(self) -> Iterable[tuple[str, str]]:
        for b in self.blocks:
            yield ("block_title", b.title)
        yield ("notes", self.notes)
        yield ("reflection", self.reflection)
        yield ("carry_over", self.carry_over)

    def to_doc(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "held": fmt_day(self.held) if self.held else None,
            "blocks": [b.to_doc() for b in self.blocks],
            "notes": self.notes,
            "checklist": {k: self.checklist[k] for k in CHECKLIST_ITEMS if k in self.checklist},
            "reflection": self.reflection,
            "carry_over": self.carry_over,
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> MeetingLog:
        keys = ("meeting", "held", "blocks", "notes", "checklist", "reflection", "carry_over")
        d = p.obj(doc, path, keys)
        checklist = p.obj(d["checklist"], f"{path}.checklist", (), CHECKLIST_ITEMS)
        blocks = p.list(d["blocks"], f"{path}.blocks", LIST_MAX)
        return cls(
            meeting=p.integer(d["meeting"], f"{path}.meeting", 0, MAX_MEETING),
            held=p.optional_day(d["held"], f"{path}.held"),
            blocks=tuple(
                BlockLog.from_doc(b, p, f"{path}.blocks[{i}]") for i, b in enumerate(blocks)
            ),
            notes=p.text(d["notes"], f"{path}.notes"),
            checklist={
                k: p.boolean(checklist[k], f"{path}.checklist.{k}")
                for k in CHECKLIST_ITEMS
                if k in checklist
            },
            reflection=p.text(d["reflection"], f"{path}.reflection"),
            carry_over=p.text(d["carry_over"], f"{path}.carry_over"),
        )


# --- trainees (training mode) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Teaching:
    """One follow-up session a trainee taught after the course."""

    held: date
    audience: str  # colleagues | citizens
    count: int  # how many people were taught
    note: str = ""
    #: Its id (schema 4), so that one teaching can be edited or removed; "" only in trainee
    #: records of schema 3 and older (peertui/store/legacy.py), which get one when moved.
    id: str = ""
    #: For colleagues: do they have contact with citizens? None: not known (and for citizens).
    citizen_contact: bool | None = None

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "held": fmt_day(self.held),
            "audience": self.audience,
            "count": self.count,
            "note": self.note,
        }
        if self.id:
            doc["id"] = self.id
        if self.citizen_contact is not None:
            doc["citizen_contact"] = self.citizen_contact
        return doc

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Teaching:
        d = p.obj(doc, path, ("held", "audience", "count", "note"), ("id", "citizen_contact"))
        audience = p.choice(d["audience"], f"{path}.audience", AUDIENCES)
        contact = d.get("citizen_contact")
        if contact is not None:
            contact = p.boolean(contact, f"{path}.citizen_contact")
            if audience == "citizens":
                raise ShapeError(f"{path}.citizen_contact", "unknown_key", key="citizen_contact")
        return cls(
            held=p.day(d["held"], f"{path}.held"),
            audience=audience,
            count=p.integer(d["count"], f"{path}.count", 1, 100),
            note=p.text(d["note"], f"{path}.note"),
            id=p.ident(d["id"], f"{path}.id") if "id" in d else "",
            citizen_contact=contact,
        )


ROLES = ("peer", "staff")


@dataclass(frozen=True, slots=True)
class Training:
    """What makes a participant of a training group a trainee (schema 4)."""

    organisation: str
    role: str  # peer | staff
    teachings: tuple[Teaching, ...] = ()
    certified: date | None = None  # the day the first certificate was printed

    def to_doc(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "role": self.role,
            "teachings": [x.to_doc() for x in self.teachings],
            "certified": fmt_day(self.certified) if self.certified else None,
        }

    @classmethod
    def from_doc(cls, doc: Any, p: Parser, path: str) -> Training:
        d = p.obj(doc, path, ("organisation", "role", "teachings", "certified"))
        teachings = p.list(d["teachings"], f"{path}.teachings", LIST_MAX)
        found = tuple(
            Teaching.from_doc(x, p, f"{path}.teachings[{i}]") for i, x in enumerate(teachings)
        )
        if any(not x.id for x in found) or len({x.id for x in found}) != len(found):
            raise ShapeError(f"{path}.teachings", "duplicate")
        return cls(
            organisation=p.text(d["organisation"], f"{path}.organisation", limit=NAME_MAX),
            role=p.choice(d["role"], f"{path}.role", ROLES),
            teachings=found,
            certified=p.optional_day(d["certified"], f"{path}.certified"),
        )


# --- a whole group, as one bundle ---------------------------------------------------------

GROUP_TABLES = ("participants", "attendance", "statements", "worksheets", "meeting_logs")


@dataclass(frozen=True, slots=True)
class GroupData:
    """Everything about one group: what one group file holds, and one entry of an export."""

    group: Group
    participants: tuple[Participant, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    statements: tuple[Statement, ...] = ()
    worksheets: tuple[Worksheet, ...] = ()
    meeting_logs: tuple[MeetingLog, ...] = ()

    def sorted(self) -> GroupData:
        """The canonical order (exports are byte-identical for the same data)."""
        return GroupData(
            group=self.group,
            participants=tuple(sorted(self.participants, key=lambda x: x.id)),
            attendance=tuple(sorted(self.attendance, key=lambda x: (x.meeting, x.participant))),
            statements=tuple(sorted(self.statements, key=lambda x: x.id)),
            worksheets=tuple(sorted(self.worksheets, key=lambda x: (x.participant, x.kind))),
            meeting_logs=tuple(sorted(self.meeting_logs, key=lambda x: x.meeting)),
        )

    def to_export(self) -> dict[str, Any]:
        data = self.sorted()
        doc = data.group.to_doc()
        doc["participants"] = [x.to_doc() for x in data.participants]
        doc["attendance"] = [x.to_doc() for x in data.attendance]
        doc["statements"] = [x.to_doc() for x in data.statements]
        doc["worksheets"] = [x.to_doc() for x in data.worksheets]
        doc["meeting_logs"] = [x.to_doc() for x in data.meeting_logs]
        return doc

    @classmethod
    def from_export(cls, doc: Any, p: Parser, path: str) -> GroupData:
        group = Group.from_doc(doc, p, path, GROUP_TABLES)
        lists = {k: p.list(doc.get(k, []), f"{path}.{k}") for k in GROUP_TABLES}
        data = cls(
            group=group,
            participants=tuple(
                Participant.from_doc(x, p, f"{path}.participants[{i}]")
                for i, x in enumerate(lists["participants"])
            ),
            attendance=tuple(
                Attendance.from_doc(x, p, f"{path}.attendance[{i}]")
                for i, x in enumerate(lists["attendance"])
            ),
            statements=tuple(
                Statement.from_doc(x, p, f"{path}.statements[{i}]")
                for i, x in enumerate(lists["statements"])
            ),
            worksheets=tuple(
                Worksheet.from_doc(x, p, f"{path}.worksheets[{i}]")
                for i, x in enumerate(lists["worksheets"])
            ),
            meeting_logs=tuple(
                MeetingLog.from_doc(x, p, f"{path}.meeting_logs[{i}]")
                for i, x in enumerate(lists["meeting_logs"])
            ),
        )
        data.check_references(path)
        return data

    def check_references(self, path: str) -> None:
        """Ids unique, every reference to a participant points at one in this group."""
        ids: set[str] = set()
        aliases: set[str] = set()
        for i, x in enumerate(self.participants):
            if x.id in ids:
                raise ShapeError(f"{path}.participants[{i}].id", "duplicate")
            if x.alias.casefold() in aliases:
                raise ShapeError(f"{path}.participants[{i}].alias", "duplicate")
            ids.add(x.id)
            aliases.add(x.alias.casefold())
        keys: set[object] = set()
        for i, a in enumerate(self.attendance):
            if a.participant not in ids:
                raise ShapeError(f"{path}.attendance[{i}].participant", "dangling")
            if (a.meeting, a.participant) in keys:
                raise ShapeError(f"{path}.attendance[{i}]", "duplicate")
            keys.add((a.meeting, a.participant))
        statement_ids: set[str] = set()
        for i, s in enumerate(self.statements):
            if s.participant not in ids:
                raise ShapeError(f"{path}.statements[{i}].participant", "dangling")
            if s.id in statement_ids:
                raise ShapeError(f"{path}.statements[{i}].id", "duplicate")
            statement_ids.add(s.id)
        for i, w in enumerate(self.worksheets):
            if w.participant not in ids:
                raise ShapeError(f"{path}.worksheets[{i}].participant", "dangling")
            if (w.participant, w.kind) in keys:
                raise ShapeError(f"{path}.worksheets[{i}]", "duplicate")
            keys.add((w.participant, w.kind))
        meetings: set[int] = set()
        for i, m in enumerate(self.meeting_logs):
            if m.meeting in meetings:
                raise ShapeError(f"{path}.meeting_logs[{i}].meeting", "duplicate")
            meetings.add(m.meeting)
