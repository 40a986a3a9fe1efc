"""What the exporter prints: small, plain dataclasses with no link to the store.

The later wiring maps the store's objects onto these, so the exporter can be tested (and
benchmarked) on its own. Every ``str`` field that a participant or facilitator typed is treated
as untrusted text: it is HTML-escaped and printed literally, never interpreted as markup.

``link`` is the address of the guide page about the tool (the ``link`` in the guide page's front
matter, or an override). Where the footer's QR code leads is decided when the sheet is built
(``links.qr_target``): a real https page link, else the issuer's link for the kind, else a QR
code with a short text that explains the sheet; never a placeholder address.

``issuer`` is the organisation that hands out the sheet (its name, descriptive line, contact
line and logo are printed at the top of every sheet); ``Issuer()`` prints none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

# The word lists are the store's: the schema defines each once.
from peertui.store.schema import PROMPTS, RINGS, SECTORS


@dataclass(frozen=True, slots=True)
class Issuer:
    """The organisation behind the sheets and certificates, as the exporter prints it.

    Made from the store's ``Organisation`` by ``from_store.issuer_from``, so the exporter can
    be used (and tested) without a store. Every text is the facilitator's, printed literally.
    ``logo`` is the PNG the store keeps (re-encoded when it was set), or None."""

    name: str = ""
    line: str = ""  # one descriptive line ("Peer-støtte i Region Midt")
    contact: str = ""  # a contact line ("Tlf. 12 34 56 78 · hej@forening.dk")
    logo: bytes | None = None
    signers: tuple[str, ...] = ()  # the roles that sign a certificate ("Kursusleder")
    website: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (kind, address): a kind's own QR link

    def link(self, kind: str) -> str:
        """Where a sheet of ``kind`` points: its own link, else the website, else ""."""
        own = dict(self.links).get(kind, "")
        return own or self.website

    @property
    def shown(self) -> bool:
        """True if anything of the organisation is printed on a sheet."""
        return bool(self.name.strip() or self.line.strip() or self.contact.strip() or self.logo)


#: No organisation: the sheets print as they did before there was one.
NO_ISSUER = Issuer()


@dataclass(frozen=True, slots=True)
class StatementSheet:
    """A personal statement: the four prompts with the participant's own words.

    ``digital_copy=True`` adds a QR code that carries the text itself; the caller checks that
    the participant consented to a digital copy before asking for one.
    """

    alias: str
    date: date
    answers: tuple[str, str, str, str]
    link: str | None = None
    digital_copy: bool = False
    occasion: str = ""  # e.g. "Møde med kommunen"; printed under the date when given
    issuer: Issuer = NO_ISSUER

    kind: ClassVar[str] = "statement"

    def __post_init__(self) -> None:
        if len(self.answers) != PROMPTS:
            raise ValueError(f"a statement has {PROMPTS} answers, not {len(self.answers)}")


@dataclass(frozen=True, slots=True)
class Goal:
    text: str
    first_step: str = ""
    help_from: str = ""
    when: str = ""
    why: str = ""  # why it matters


@dataclass(frozen=True, slots=True)
class GoalsSheet:
    """Personal goals: each goal with its first step, who can help, and when."""

    alias: str
    date: date
    goals: tuple[Goal, ...]
    link: str | None = None
    issuer: Issuer = NO_ISSUER

    kind: ClassVar[str] = "goals"


@dataclass(frozen=True, slots=True)
class SafetySheet:
    """A safety plan: six sections of short lines, and what matters most."""

    alias: str
    date: date
    warning_signs: tuple[str, ...] = ()
    own_strategies: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    people_to_ask: tuple[str, ...] = ()
    professionals: tuple[str, ...] = ()
    safer_surroundings: tuple[str, ...] = ()
    most_important: str = ""
    link: str | None = None
    issuer: Issuer = NO_ISSUER

    kind: ClassVar[str] = "safety_plan"


@dataclass(frozen=True, slots=True)
class NetworkPerson:
    alias: str  # a first name, an alias or a role ("min søster")
    ring: int  # 1 (closest) .. 3
    sector: str  # one of SECTORS
    note: str = ""

    def __post_init__(self) -> None:
        # The messages name the values we expect, never the person.
        if self.ring not in RINGS:
            raise ValueError(f"ring must be one of {RINGS}")
        if self.sector not in SECTORS:
            raise ValueError(f"sector must be one of {SECTORS}")


@dataclass(frozen=True, slots=True)
class NetworkSheet:
    """A network map: the participant in the centre, people in three rings and six sectors."""

    alias: str
    date: date
    people: tuple[NetworkPerson, ...]
    link: str | None = None
    issuer: Issuer = NO_ISSUER

    kind: ClassVar[str] = "network_map"


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One meeting in the group summary: counts and minutes only, no participant text."""

    number: int  # 0 = the introduction meeting
    title: str  # the meeting's title from the course plan
    held: date | None = None
    planned_minutes: int = 0
    actual_minutes: int | None = None  # None until known
    present: int = 0
    absent: int = 0
    excused: int = 0


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """For the facilitators: attendance and planned vs actual time per meeting.

    By design it has no field for anything a participant wrote, and no participant names.
    """

    group_name: str
    course: str
    date: date  # the day the summary is printed
    participants: int
    meetings: tuple[MeetingSummary, ...]
    issuer: Issuer = NO_ISSUER

    kind: ClassVar[str] = "group_summary"


Sheet = StatementSheet | GoalsSheet | SafetySheet | NetworkSheet | GroupSummary
