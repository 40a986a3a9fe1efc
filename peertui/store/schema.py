"""The data model, declared once: every stored record, its limits, its word lists and its rules.

Each record is a frozen ``msgspec.Struct``. The same declarations check our own data files on
load, an import file before anything is written, and every value the app asks the store to
save; the export format is the same documents (docs/data.md). Nothing else restates a field,
a limit or a word list: the store, the exporter and the screens import them from here.

Errors name the place of a problem (``groups[0].participants[2].alias``) and what is wrong
with it, never the value found there (it may be a participant's words, or a CPR number).

Structs do not check themselves when built in code: ``validate`` does, at the store's door.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Literal, TypeGuard, TypeVar, get_args

import msgspec

from peertui.store.paths import ID_RE

# --- word lists -----------------------------------------------------------------------------

Purpose = Literal["taking_part", "store_statement", "printing", "digital_copy"]
Status = Literal["present", "absent", "excused"]
SheetKind = Literal["goals", "safety_plan", "network_map"]
ChecklistItem = Literal[
    "plan_followed",
    "everyone_heard",
    "agreements_kept",
    "shared_as_equals",
    "own_words_and_hope",
    "ended_on_time",
]
Audience = Literal["colleagues", "citizens"]
Role = Literal["peer", "staff"]
Sector = Literal["family", "friends", "work_school", "leisure", "professionals", "online"]
Ring = Literal[1, 2, 3]  # 1 = closest

#: Consent is recorded per purpose.
PURPOSES: tuple[str, ...] = get_args(Purpose)
ATTENDANCE: tuple[str, ...] = get_args(Status)
WORKSHEET_KINDS: tuple[str, ...] = get_args(SheetKind)
CHECKLIST_ITEMS: tuple[ChecklistItem, ...] = get_args(ChecklistItem)
AUDIENCES: tuple[str, ...] = get_args(Audience)
ROLES: tuple[str, ...] = get_args(Role)
SECTORS: tuple[str, ...] = get_args(Sector)
RINGS: tuple[int, ...] = get_args(Ring)


def is_purpose(value: str) -> TypeGuard[Purpose]:
    """Whether ``value`` is one of the ``PURPOSES`` (narrows a ``str`` to ``Purpose``)."""
    return value in PURPOSES


#: The safety plan's sections, in the order they are shown and printed (Stanley-Brown).
SAFETY_SECTIONS = (
    "warning_signs",  # signs that a crisis may be coming
    "own_strategies",  # what I can do on my own
    "distractions",  # people and places that take my mind off it
    "people_to_ask",  # people I can ask for help
    "professionals",  # professionals and crisis lines
    "safer_surroundings",  # making my surroundings safer
)
#: A personal statement answers four prompts (their words: ``statement.prompt.1`` .. ``4``).
PROMPTS = 4
#: The goal's fields, in the order they are asked.
GOAL_FIELDS = ("text", "why", "first_step", "help_from", "when")

# --- limits ---------------------------------------------------------------------------------

NAME_MAX = 80  # a group name, an alias, an organisation, a person on the network map
OCCASION_MAX = NAME_MAX * 2  # what a statement is for; a block title in a meeting log
NOTE_MAX = NAME_MAX * 5  # a note on a teaching
TEXT_MAX = 10_000  # one answer, one goal field, one line of a safety plan, a log's notes
#: The most one statement answer may hold where it is typed (the console's editor, a phone). A
#: sheet has room for far less; this only stops a runaway paste. The store itself allows TEXT_MAX.
ANSWER_MAX = 3000
LIST_MAX = 200  # items in one list
MAX_MEETING = 99  # 0 is the introduction meeting
COUNT_MAX = 100  # people taught in one teaching
MINUTES_MAX = 600  # a block's planned or actual minutes
#: A worksheet keeps at most this many versions; saving one more drops the oldest.
WORKSHEET_VERSIONS_MAX = 50
#: A group holds at most this many records of one kind (participants, statements, ...).
RECORDS_MAX = LIST_MAX * 50

ID_PATTERN = ID_RE.pattern  # generated ids: hex only, so an id is always a safe file name

Id = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
Name = Annotated[str, msgspec.Meta(max_length=NAME_MAX, pattern=r"\S")]  # not blank
Text = Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
Moment = Annotated[datetime, msgspec.Meta(tz=True)]  # UTC, whole seconds when we write it
Lines = Annotated[tuple[Text, ...], msgspec.Meta(max_length=LIST_MAX)]

_CONFIG: dict[str, Any] = {"frozen": True, "forbid_unknown_fields": True}


class Record(msgspec.Struct, **_CONFIG):
    """Base of every stored record."""


# --- groups and participants ----------------------------------------------------------------


class Group(Record):
    id: Id
    name: Name
    course: Name
    facilitators: Annotated[tuple[Annotated[str, msgspec.Meta(max_length=NAME_MAX)], ...],
                            msgspec.Meta(max_length=LIST_MAX)]  # fmt: skip
    start: date
    retention: date  # the group's data is deleted after this day
    demo: bool = False

    def __post_init__(self) -> None:
        if self.retention < self.start:
            raise ValueError(_rule("retention", "retention_before_start"))

    def past_retention(self, today: date) -> bool:
        return today > self.retention


class Consent(Record):
    given: date
    withdrawn: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn is None


class Teaching(Record, omit_defaults=True):
    """One follow-up session a trainee taught after the course."""

    held: date
    audience: Audience
    count: Annotated[int, msgspec.Meta(ge=1, le=COUNT_MAX)]  # how many people were taught
    note: Annotated[str, msgspec.Meta(max_length=NOTE_MAX)] = ""
    id: Id = ""  # always set when stored (``Training`` checks); "" only in code that counts
    #: For colleagues: do they have contact with citizens? None: not known (and for citizens).
    citizen_contact: bool | None = None

    def __post_init__(self) -> None:
        if self.audience == "citizens" and self.citizen_contact is not None:
            raise ValueError(_rule("citizen_contact", "contact_for_citizens"))


class Training(Record):
    """What makes a participant of a training group a trainee."""

    organisation: Annotated[str, msgspec.Meta(max_length=NAME_MAX)]
    role: Role
    teachings: Annotated[tuple[Teaching, ...], msgspec.Meta(max_length=LIST_MAX)] = ()
    certified: date | None = None  # the day the first certificate was printed

    def __post_init__(self) -> None:
        ids = {x.id for x in self.teachings}
        if "" in ids or len(ids) != len(self.teachings):
            raise ValueError(_rule("teachings", "duplicate"))


class Participant(Record, omit_defaults=True):
    id: Id
    alias: Name  # a first name or an alias, never a full name
    added: date
    consents: dict[Purpose, Consent] = {}
    #: Set for a trainee of a training group; None for everyone else.
    training: Training | None = None

    def consent(self, purpose: str) -> Consent | None:
        return self.consents.get(purpose) if is_purpose(purpose) else None

    def has_consent(self, purpose: str) -> bool:
        consent = self.consent(purpose)
        return consent is not None and consent.active


class Attendance(Record):
    meeting: Annotated[int, msgspec.Meta(ge=0, le=MAX_MEETING)]  # 0 = the introduction meeting
    participant: Id
    status: Status


# --- personal statements --------------------------------------------------------------------


class StatementVersion(Record):
    saved: Moment
    answers: Annotated[tuple[Text, ...], msgspec.Meta(min_length=PROMPTS, max_length=PROMPTS)]


class Statement(Record):
    """A personal statement: four prompts in the participant's own words, with its versions."""

    id: Id
    participant: Id
    occasion: Annotated[str, msgspec.Meta(max_length=OCCASION_MAX)]  # what it is for; may be ""
    versions: Annotated[tuple[StatementVersion, ...], msgspec.Meta(min_length=1, max_length=LIST_MAX)]  # fmt: skip  # noqa: E501

    @property
    def current(self) -> StatementVersion:
        return self.versions[-1]

    @property
    def answers(self) -> tuple[str, ...]:
        return self.current.answers


# --- worksheets -----------------------------------------------------------------------------


class Goal(Record):
    text: Text  # what I want
    first_step: Text = ""  # a first small step
    help_from: Text = ""  # who can help
    when: Text = ""  # when to look at it again
    why: Text = ""  # why it matters to me


class PersonalGoals(Record):
    goals: Annotated[tuple[Goal, ...], msgspec.Meta(max_length=LIST_MAX)] = ()
    kind: ClassVar[str] = "goals"


class SafetyPlan(Record):
    warning_signs: Lines = ()
    own_strategies: Lines = ()
    distractions: Lines = ()
    people_to_ask: Lines = ()
    professionals: Lines = ()
    safer_surroundings: Lines = ()
    most_important: Text = ""  # what matters most to me, worth holding on to
    kind: ClassVar[str] = "safety_plan"


class NetworkPerson(Record):
    name: Name
    ring: Ring
    sector: Sector
    note: Text = ""


class NetworkMap(Record):
    people: Annotated[tuple[NetworkPerson, ...], msgspec.Meta(max_length=LIST_MAX)] = ()
    kind: ClassVar[str] = "network_map"


WorksheetContent = PersonalGoals | SafetyPlan | NetworkMap


class WorksheetVersion(Record):
    saved: Moment
    content: WorksheetContent


V = TypeVar("V")
#: A worksheet's versions of one content kind, oldest first, never empty.
_Versions = Annotated[tuple[V, ...], msgspec.Meta(min_length=1, max_length=LIST_MAX)]


class _Sheet(Record, tag_field="kind"):
    """A participant's goals, safety plan or network map (one of each kind), with versions,
    oldest first (never empty). Stored as ``{"kind", "participant", "versions": [{"saved",
    "content"}]}``; ``Worksheet`` is the union of the three kinds."""

    participant: Id

    versions: tuple[Any, ...]  # each subclass narrows it (the version's content kind)

    @property
    def current(self) -> WorksheetVersion:
        # The kind's own version record: WorksheetVersion's fields, its content narrowed.
        return self.versions[-1]  # type: ignore[no-any-return]

    @property
    def content(self) -> WorksheetContent:
        return self.current.content

    @property
    def updated(self) -> datetime:
        return self.current.saved

    @property
    def kind(self) -> str:
        return self.content.kind


class _GoalsVersion(Record):
    saved: Moment
    content: PersonalGoals


class _SafetyPlanVersion(Record):
    saved: Moment
    content: SafetyPlan


class _NetworkMapVersion(Record):
    saved: Moment
    content: NetworkMap


class GoalsSheet(_Sheet, tag="goals"):
    versions: _Versions[_GoalsVersion]


class SafetyPlanSheet(_Sheet, tag="safety_plan"):
    versions: _Versions[_SafetyPlanVersion]


class NetworkMapSheet(_Sheet, tag="network_map"):
    versions: _Versions[_NetworkMapVersion]


Worksheet = GoalsSheet | SafetyPlanSheet | NetworkMapSheet
_SHEETS: dict[str, tuple[type[_Sheet], type[Record]]] = {
    "goals": (GoalsSheet, _GoalsVersion),
    "safety_plan": (SafetyPlanSheet, _SafetyPlanVersion),
    "network_map": (NetworkMapSheet, _NetworkMapVersion),
}


def worksheet(participant: str, versions: Iterable[WorksheetVersion]) -> Worksheet:
    """A worksheet of the kind its versions' content has (all of one kind)."""
    items = tuple(versions)
    sheet_type, version_type = _SHEETS[items[-1].content.kind]
    typed = tuple(version_type(saved=v.saved, content=v.content) for v in items)
    # ``_SHEETS`` picks one of Worksheet's kinds at run time; mypy sees their base class.
    return sheet_type(participant=participant, versions=typed)  # type: ignore[return-value]


def single_worksheet(participant: str, updated: datetime, content: WorksheetContent) -> Worksheet:
    """A worksheet with one version."""
    return worksheet(participant, (WorksheetVersion(saved=updated, content=content),))


def sheet_versions(sheet: Worksheet) -> list[WorksheetVersion]:
    """A worksheet's versions as plain ``WorksheetVersion``s, oldest first."""
    return [WorksheetVersion(saved=v.saved, content=v.content) for v in sheet.versions]


# --- meeting logs ---------------------------------------------------------------------------


class BlockLog(Record):
    title: Annotated[str, msgspec.Meta(max_length=OCCASION_MAX)]
    planned: Annotated[int, msgspec.Meta(ge=0, le=MINUTES_MAX)]  # minutes
    actual: Annotated[int, msgspec.Meta(ge=0, le=MINUTES_MAX)] | None = None  # None: not known


class MeetingLog(Record):
    """What happened at one meeting, written by the facilitators afterwards."""

    meeting: Annotated[int, msgspec.Meta(ge=0, le=MAX_MEETING)]
    held: date | None = None
    blocks: Annotated[tuple[BlockLog, ...], msgspec.Meta(max_length=LIST_MAX)] = ()
    notes: Text = ""
    checklist: dict[ChecklistItem, bool] = {}
    reflection: Text = ""
    carry_over: Text = ""  # a note for next time


# --- the organisation behind the sheets -----------------------------------------------------

#: Where a sheet's QR code can point (the guide page of the sheet's tool, or the course).
LinkKind = Literal["statement", "goals", "safety_plan", "network_map", "certificate"]
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
WEBSITE_MAX = 200  # a link QR code on a sheet holds at most 213 bytes
#: A logo is stored re-encoded as PNG, at most this many bytes (base64 in the file).
LOGO_MAX = 200_000
SIGNERS_MAX = 3
Url = Annotated[str, msgspec.Meta(max_length=WEBSITE_MAX, pattern=r"^(https://[^\s<>\"'`]+)?$")]


class Organisation(Record, omit_defaults=True):
    """Who issues the sheets and certificates: printed on each of them (all may be empty)."""

    name: Annotated[str, msgspec.Meta(max_length=NAME_MAX)] = ""
    line: Annotated[str, msgspec.Meta(max_length=OCCASION_MAX)] = ""  # one descriptive line
    website: Url = ""  # https only; empty: QR codes explain the sheet instead of linking
    contact: Annotated[str, msgspec.Meta(max_length=OCCASION_MAX)] = ""  # a contact line
    #: The roles that sign a certificate ("Kursusleder", "Koordinator").
    signers: Annotated[
        tuple[Annotated[str, msgspec.Meta(max_length=NAME_MAX)], ...],
        msgspec.Meta(max_length=SIGNERS_MAX),
    ] = ()
    logo: Annotated[str, msgspec.Meta(max_length=LOGO_MAX * 4 // 3 + 4)] = ""  # base64 PNG
    #: Where each kind of sheet's QR code points, when not the website.
    links: dict[LinkKind, Url] = {}

    def link(self, kind: str) -> str:
        """Where a sheet of ``kind`` points: its own link, else the website, else ""."""
        own = self.links.get(kind) if kind in LINK_KINDS else None
        return own or self.website


# --- a whole group, as one bundle -----------------------------------------------------------

GROUP_TABLES = ("participants", "attendance", "statements", "worksheets", "meeting_logs")


class GroupEntry(Group):
    """One group in an export file: the group's fields, then everything it holds."""

    participants: Annotated[tuple[Participant, ...], msgspec.Meta(max_length=RECORDS_MAX)] = ()
    attendance: Annotated[tuple[Attendance, ...], msgspec.Meta(max_length=RECORDS_MAX)] = ()
    statements: Annotated[tuple[Statement, ...], msgspec.Meta(max_length=RECORDS_MAX)] = ()
    worksheets: Annotated[tuple[Worksheet, ...], msgspec.Meta(max_length=RECORDS_MAX)] = ()
    meeting_logs: Annotated[tuple[MeetingLog, ...], msgspec.Meta(max_length=RECORDS_MAX)] = ()


class GroupData(msgspec.Struct, frozen=True):
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

    def entry(self) -> GroupEntry:
        data = self.sorted()
        fields = {f: getattr(data.group, f) for f in data.group.__struct_fields__}
        lists = {k: getattr(data, k) for k in GROUP_TABLES}
        return GroupEntry(**fields, **lists)


# --- ids and moments ------------------------------------------------------------------------

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


def to_second(value: datetime) -> datetime:
    """A moment as stored: UTC, whole seconds."""
    return value.astimezone(UTC).replace(microsecond=0)


# --- plain values ---------------------------------------------------------------------------

RULE_SEP = "\x1f"  # a rule's message: field, separator, problem key (never user text)


def _rule(field: str, problem: str) -> str:
    return f"{field}{RULE_SEP}{problem}"


def to_doc(obj: Any) -> Any:
    """A record as plain JSON values (what a data file and an export hold)."""
    return msgspec.to_builtins(obj)


def to_struct_fields(obj: msgspec.Struct) -> dict[str, Any]:
    """A record's fields by name (shallow), for building a changed copy."""
    return {f: getattr(obj, f) for f in obj.__struct_fields__}
