"""The store's facade: the one API the screens and the commands use.

    store = open_store(data_dir)            # takes the data folder's lock, or StoreLocked
    store = open_store(data_dir, read_only=True)
    group = store.create_group("Tirsdagsgruppen", "vejen-til-hverdagslivet", ...)

Every method that changes something has saved it durably when it returns, or raised
``SaveFailed`` and left the file as it was. Methods return the frozen records of
``peertui.store.schema``; nothing outside this package sees TinyDB. The work itself is done
by plain functions, one module per kind of thing (``groups``, ``people``, ``words``,
``trainees``, ``erasure``, ``portable``, ``recovery``); this class holds the lock, the open
files and the clock, and makes each change one write.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from peertui.i18n import _
from peertui.store import erasure, groups, organisation, people, trainees, words
from peertui.store.erasure import Erasure, Pending
from peertui.store.errors import (
    ImportInvalid,
    InvalidInput,
    NotFound,
)
from peertui.store.files import dumps, utc_now, write_atomic
from peertui.store.folder import DataFolder
from peertui.store.layout import group_to_tables
from peertui.store.paths import (
    ID_RE,
    ORGANISATION_NAME,
    group_rel,
    resolve_data_dir,
)
from peertui.store.portable import ExportBundle
from peertui.store.recovery import RestoreOffer
from peertui.store.schema import (
    PROMPTS,
    Attendance,
    Group,
    GroupData,
    MeetingLog,
    Organisation,
    Participant,
    Statement,
    Teaching,
    Worksheet,
    WorksheetContent,
    WorksheetVersion,
    new_id,
)

if TYPE_CHECKING:
    from peertui.store.protection import Identity

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

__all__ = ["Erasure", "ExportBundle", "ImportReport", "RestoreOffer", "Store", "open_store"]


def _synchronized(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        assert isinstance(store, Store)
        with store._mutex:
            return method(*args, **kwargs)

    return wrapper


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int  # groups added
    replaced: int  # groups replaced (replace mode) or unchanged (merge mode, identical)
    removed: int  # groups removed (replace mode)
    trainees: int  # trainees in the groups written
    cleaned: tuple[str, ...] = ()  # where texts lost control characters


def count_trainees(data: Iterable[GroupData]) -> int:
    """How many trainees (participants with ``training``) the groups hold."""
    return sum(1 for g in data for p in g.participants if p.training is not None)


def open_store(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    clock: Callable[[], datetime] = utc_now,
    passphrase: str | None = None,
    recovery: str | None = None,
    key: Identity | None = None,
) -> Store:
    """Open the data folder (``None``: ``PEERTUI_DATA_DIR`` or the platform default).

    A protected folder (``peertui.store.protection``) opens with its ``passphrase``, its
    ``recovery`` key, or a ``key`` unlocked before (``store.key``, so the passphrase is
    stretched once per start); without one, ``PassphraseNeeded``; a wrong one,
    ``WrongPassphrase`` or ``WrongRecoveryKey``: nothing has been read or changed.

    Writable: takes the folder's lock (``StoreLocked`` if another peertui holds it), creates
    the folder if needed, finishes an interrupted import and any unfinished erasure, migrates
    older files (after a backup). Read-only: takes no lock and writes nothing; a missing
    folder is an empty store. ``StoreTooNew`` if any file is from a newer peertui. Damaged
    files do not stop the store from opening: they are listed in ``store.damaged`` and their
    groups are unavailable until ``restore``.
    """
    store = Store(
        resolve_data_dir(data_dir),
        read_only=read_only,
        clock=clock,
        passphrase=passphrase,
        recovery=recovery,
        key=key,
    )
    try:
        store._open()
    except BaseException:
        store.close()
        raise
    return store


class Store(DataFolder):
    """An open data folder. Use ``open_store``; close it (or use ``with``) when done."""

    # -- groups

    @_synchronized
    def groups(self) -> list[Group]:
        """All readable groups, by start date then name."""
        found = [f.group() for f in self._groups.values()]
        return sorted(found, key=lambda g: (g.start, g.name, g.id))

    @_synchronized
    def group(self, group_id: str) -> Group:
        return self._file(group_id).group()

    @_synchronized
    def find_group(self, ref: str) -> Group:
        """A group by id, or by its exact name if that is unambiguous."""
        if ref in self._groups:
            return self.group(ref)
        matches = [g for g in self.groups() if g.name == ref]
        if len(matches) > 1:
            ids = ", ".join(g.id for g in matches)
            raise InvalidInput(
                _("Several groups are called '{ref}'. Use the group's id: {ids}", ref=ref, ids=ids),
                "group",
            )
        if not matches:
            if ID_RE.match(ref):
                self._file(ref)  # raises StoreDamaged if that group's file is damaged
            raise NotFound("group", ref)
        return matches[0]

    @_synchronized
    def create_group(
        self,
        name: str,
        course: str,
        facilitators: Sequence[str],
        start: date,
        retention: date,
        *,
        demo: bool = False,
    ) -> Group:
        self._writable()
        group = groups.new_group(name, course, facilitators, start, retention, demo=demo)
        rel = group_rel(group.id)
        tables = group_to_tables(GroupData(group=group))
        write_atomic(self.data_dir / rel, dumps(tables), rel)
        self._add_group_file(rel, tables)
        return group

    @_synchronized
    def update_group(
        self,
        group_id: str,
        *,
        name: str | None = None,
        course: str | None = None,
        facilitators: Sequence[str] | None = None,
        start: date | None = None,
        retention: date | None = None,
    ) -> Group:
        return groups.update_group(
            self._write(group_id), name=name, course=course, start=start, retention=retention,
            facilitators=tuple(facilitators) if facilitators is not None else None,
        )  # fmt: skip

    @_synchronized
    def groups_past_retention(self, today: date | None = None) -> list[Group]:
        """Groups whose retention date has passed: the app reminds the facilitator of these."""
        day = today or self._today()
        return [g for g in self.groups() if g.past_retention(day)]

    @_synchronized
    def group_data(self, group_id: str) -> GroupData:
        """Everything about one group, in one object (used by export)."""
        return self._file(group_id).data()

    @_synchronized
    def delete_group(self, group_id: str) -> Erasure:
        """Delete the group's file, all its backups and any damaged copies."""
        self._write(group_id)
        pending = Pending(id=new_id(), what="group", group=group_id)
        erasure.begin(self.data_dir, pending)
        del self._groups[group_id]
        done = self._carry_out(pending)
        self.damaged = [p for p in self.damaged if p.file != group_rel(group_id)]
        return done

    @_synchronized
    def purge(self, today: date | None = None) -> list[tuple[Group, Erasure]]:
        """Delete every group past its retention date, backups included."""
        self._writable()
        return [(g, self.delete_group(g.id)) for g in self.groups_past_retention(today)]

    # -- a meeting in progress (the runner's position and clocks; no participant text)

    @_synchronized
    def run_state(self, group_id: str) -> dict[str, Any] | None:
        self._file(group_id)
        return groups.run_state(self.data_dir, group_id)

    @_synchronized
    def save_run_state(self, group_id: str, state: dict[str, Any]) -> None:
        """Keep where a running meeting is, so a restart can resume it. ``SaveFailed``."""
        self._write(group_id)
        groups.save_run_state(self.data_dir, group_id, state)

    @_synchronized
    def ended_run(self, group_id: str) -> dict[str, Any] | None:
        """The state of a meeting of this group ended today (to reopen it), or None."""
        self._file(group_id)
        return groups.ended_run(self.data_dir, group_id, self._today())

    @_synchronized
    def end_run_state(self, group_id: str, meeting: int) -> None:
        """The meeting has ended: it can be reopened today, and is not resumed at start-up."""
        self._write(group_id)
        groups.end_run_state(self.data_dir, group_id, meeting, self._today())

    @_synchronized
    def clear_run_state(self, group_id: str) -> None:
        self._writable()
        groups.clear_run_state(self.data_dir, group_id)

    # -- participants and attendance

    @_synchronized
    def participants(self, group_id: str) -> list[Participant]:
        return people.participants(self._file(group_id))

    @_synchronized
    def participant(self, group_id: str, participant_id: str) -> Participant:
        return people.participant(self._file(group_id), participant_id)

    @_synchronized
    def find_participant(self, group_id: str, ref: str) -> Participant:
        return people.find_participant(self._file(group_id), ref)

    @_synchronized
    def add_participant(
        self, group_id: str, alias: str, *, consents: Iterable[str] = (), on: date | None = None
    ) -> Participant:
        """Add a participant by first name or alias, with the consents given (on ``on``)."""
        return people.add_participant(self._write(group_id), alias, consents, on or self._today())

    @_synchronized
    def rename_participant(self, group_id: str, participant_id: str, alias: str) -> Participant:
        return people.rename_participant(self._write(group_id), participant_id, alias)

    @_synchronized
    def give_consent(
        self, group_id: str, participant_id: str, purpose: str, on: date | None = None
    ) -> Participant:
        """Record consent for ``purpose`` (given again after a withdrawal: a new date)."""
        data_file = self._write(group_id)
        return people.give_consent(data_file, participant_id, purpose, on or self._today())

    @_synchronized
    def withdraw_consent(
        self, group_id: str, participant_id: str, purpose: str, on: date | None = None
    ) -> tuple[Participant, Erasure]:
        """Record that consent for ``purpose`` is withdrawn.

        Withdrawing ``store_statement`` also erases the participant's statements and
        worksheets, from the group file and from every backup of it (``erasure``): the UI
        must ask first. ``ErasureUnfinished`` if that could not be finished now.
        """
        data_file = self._write(group_id)
        day = on or self._today()
        old = people.participant(data_file, participant_id)
        if purpose != "store_statement" or not old.has_consent(purpose):
            return people.withdraw_consent(data_file, participant_id, purpose, day), Erasure()
        pending = Pending(
            id=new_id(), what="words", group=group_id, participant=participant_id, withdrawn=day
        )
        erasure.begin(self.data_dir, pending)
        done = self._carry_out(pending)
        return people.participant(data_file, participant_id), done

    @_synchronized
    def forget_participant(self, group_id: str, participant_id: str) -> Erasure:
        """Remove the participant everywhere: the group file, every backup of it (their alias
        replaced in the meeting logs' notes), and any damaged copy of it (deleted).
        ``ErasureUnfinished`` if that could not be finished now (it is written down and
        finished on the next writable open)."""
        data_file = self._write(group_id)
        alias = people.participant(data_file, participant_id).alias
        pending = Pending(
            id=new_id(), what="participant", group=group_id, participant=participant_id,
            aliases=(alias,),
        )  # fmt: skip
        erasure.begin(self.data_dir, pending)
        return self._carry_out(pending)

    @_synchronized
    def attendance(self, group_id: str, meeting: int | None = None) -> list[Attendance]:
        return people.attendance(self._file(group_id), meeting)

    @_synchronized
    def set_attendance(
        self, group_id: str, meeting: int, participant_id: str, status: str
    ) -> Attendance:
        """Record a participant as present, absent or excused at meeting ``meeting``."""
        return people.set_attendance(self._write(group_id), meeting, participant_id, status)

    # -- statements, worksheets, meeting logs

    @_synchronized
    def statements(self, group_id: str, participant_id: str | None = None) -> list[Statement]:
        return words.statements(self._file(group_id), participant_id)

    @_synchronized
    def statement(self, group_id: str, statement_id: str) -> Statement:
        return words.statement(self._file(group_id), statement_id)

    @_synchronized
    def create_statement(
        self,
        group_id: str,
        participant_id: str,
        answers: Sequence[str] = ("",) * PROMPTS,
        *,
        occasion: str = "",
    ) -> Statement:
        """A new personal statement. Needs the participant's consent to store it."""
        return words.create_statement(
            self._write(group_id), participant_id, answers, occasion, self._now()
        )

    @_synchronized
    def update_statement(
        self,
        group_id: str,
        statement_id: str,
        answers: Sequence[str],
        *,
        occasion: str | None = None,
    ) -> Statement:
        """Save an edit: the current version's answers are replaced (no new version)."""
        return words.save_statement(
            self._write(group_id), statement_id, answers, occasion, self._now(), new_version=False
        )

    @_synchronized
    def new_statement_version(
        self, group_id: str, statement_id: str, answers: Sequence[str]
    ) -> Statement:
        """Save the answers as a new version; the earlier versions stay in the history."""
        return words.save_statement(
            self._write(group_id), statement_id, answers, None, self._now(), new_version=True
        )

    @_synchronized
    def delete_statement(self, group_id: str, statement_id: str) -> None:
        """Delete one statement from the group file (its backups age out; forget or the
        withdrawal of consent erase a participant's words from the backups at once)."""
        words.delete_statement(self._write(group_id), statement_id)

    @_synchronized
    def worksheets(self, group_id: str, participant_id: str | None = None) -> list[Worksheet]:
        return words.worksheets(self._file(group_id), participant_id)

    @_synchronized
    def worksheet(self, group_id: str, participant_id: str, kind: str) -> Worksheet | None:
        return words.worksheet(self._file(group_id), participant_id, kind)

    @_synchronized
    def save_worksheet(
        self,
        group_id: str,
        participant_id: str,
        content: WorksheetContent,
        *,
        new_version: bool = True,
    ) -> Worksheet:
        """Save a participant's goals, safety plan or network map (see ``words``)."""
        return words.save_worksheet(
            self._write(group_id), participant_id, content, self._now(), new_version=new_version
        )

    @_synchronized
    def worksheet_history(
        self, group_id: str, participant_id: str, kind: str
    ) -> list[WorksheetVersion]:
        return words.worksheet_history(self._file(group_id), participant_id, kind)

    @_synchronized
    def meeting_logs(self, group_id: str) -> list[MeetingLog]:
        return words.meeting_logs(self._file(group_id))

    @_synchronized
    def meeting_log(self, group_id: str, meeting: int) -> MeetingLog | None:
        return words.meeting_log(self._file(group_id), meeting)

    @_synchronized
    def save_meeting_log(self, group_id: str, entry: MeetingLog) -> MeetingLog:
        return words.save_meeting_log(self._write(group_id), entry)

    @_synchronized
    def carry_over(self, group_id: str, meeting: int) -> str:
        return words.carry_over(self._file(group_id), meeting)

    # -- trainees of a training group: participants with ``training``

    @_synchronized
    def trainees(self, group_id: str) -> list[Participant]:
        return trainees.trainees(self._file(group_id))

    @_synchronized
    def add_trainee(
        self,
        group_id: str,
        alias: str,
        organisation: str,
        role: str,
        *,
        consents: Iterable[str] = ("taking_part",),
    ) -> Participant:
        """A trainee: a participant of ``group_id`` with a training record (one save)."""
        training = trainees.new_training(organisation, role)
        with self.batch(group_id):
            added = self.add_participant(group_id, alias, consents=consents)
            return trainees.set_training(self._file(group_id), added.id, training)

    @_synchronized
    def update_training(
        self, group_id: str, participant_id: str, *, organisation: str, role: str
    ) -> Participant:
        return trainees.update_training(self._write(group_id), participant_id, organisation, role)

    @_synchronized
    def record_teaching(
        self, group_id: str, participant_id: str, *, held: date, audience: str, count: int,
        citizen_contact: bool | None, note: str = "",
    ) -> Teaching:  # fmt: skip
        """Add one follow-up teaching to a trainee's log."""
        data_file = self._write(group_id)
        new = trainees.teaching(new_id(), held, audience, count, citizen_contact, note)
        return trainees.record_teaching(data_file, participant_id, new)

    @_synchronized
    def update_teaching(
        self, group_id: str, participant_id: str, teaching_id: str, *, held: date,
        audience: str, count: int, citizen_contact: bool | None, note: str = "",
    ) -> Teaching:  # fmt: skip
        data_file = self._write(group_id)
        new = trainees.teaching(teaching_id, held, audience, count, citizen_contact, note)
        return trainees.update_teaching(data_file, participant_id, new)

    @_synchronized
    def remove_teaching(self, group_id: str, participant_id: str, teaching_id: str) -> None:
        trainees.remove_teaching(self._write(group_id), participant_id, teaching_id)

    @_synchronized
    def set_certified(self, group_id: str, participant_id: str, on: date) -> Participant:
        """Record the day the first certificate was printed (a reprint keeps the first day)."""
        return trainees.set_certified(self._write(group_id), participant_id, on)

    # -- the organisation behind the sheets

    @_synchronized
    def organisation(self) -> Organisation:
        """The organisation's profile (empty until one is set)."""
        return organisation.read(self.data_dir)

    @_synchronized
    def set_organisation(self, profile: Organisation) -> Organisation:
        self._writable()
        return organisation.write(self.data_dir, profile, self.clock())

    # -- export and import

    @_synchronized
    def export_bundle(self) -> ExportBundle:
        """Everything, for ``peertui data export``. ``StoreDamaged`` if a file is damaged."""
        if self.damaged:
            raise self.damaged[0]
        groups = tuple(self.group_data(g).sorted() for g in sorted(self._groups))
        return ExportBundle(groups=groups, organisation=self.organisation())

    @_synchronized
    def import_bundle(self, bundle: ExportBundle, *, replace_all: bool = False) -> ImportReport:
        """Bring in a checked export, all or nothing, also if the process is killed half-way
        (``peertui.store.journal``).

        Merge (default): groups not in the store are added; ones already here with the same
        content are left alone; one already here with different content is a conflict and
        nothing is imported. ``replace_all``: the store becomes exactly the bundle (groups not
        in it are removed; their last version stays in the backups).
        """
        self._writable()
        if self.damaged:
            raise self.damaged[0]
        current = {gid: self.group_data(gid).sorted() for gid in self._groups}
        written: list[GroupData] = []
        added = kept = 0
        for data in bundle.groups:
            gid = data.group.id
            if gid in current and not replace_all:
                if current[gid] != data.sorted():
                    raise ImportInvalid(
                        _(
                            "the group {name} ({id}) already exists with different content. Use "
                            "--replace to replace everything, or import into an empty data folder.",
                            id=gid,
                            name=data.group.name,
                        )
                    )
                kept += 1
                continue
            kept += gid in current
            added += gid not in current
            written.append(data.sorted())
        incoming = {d.group.id for d in bundle.groups}
        removed = [gid for gid in current if replace_all and gid not in incoming]
        files = [(group_rel(d.group.id), group_to_tables(d)) for d in written]
        ours, theirs = self.organisation(), bundle.organisation
        take = theirs is not None and theirs != ours and (replace_all or ours == Organisation())
        extra = [(ORGANISATION_NAME, organisation.payload(theirs))] if take and theirs else []
        self._install(files, removed, extra)
        return ImportReport(
            added=added,
            replaced=kept,
            removed=len(removed),
            trainees=count_trainees(written),
            cleaned=bundle.cleaned,
        )
