"""Trainees of a training group: participants with a ``training`` record (organisation,
role, the teaching log, the certificate day). Plain functions over one group file; the
certificate rule itself is ``peertui.training``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from msgspec.structs import replace

from peertui.i18n import _
from peertui.store import checks, people, schema
from peertui.store.errors import InvalidInput, NotFound
from peertui.store.layout import DataFile
from peertui.store.schema import Participant, Teaching, Training


def trainees(data_file: DataFile) -> list[Participant]:
    """The group's trainees, in the order added."""
    found = [p for p in people.participants(data_file) if p.training is not None]
    return sorted(found, key=lambda p: (p.added, p.id))


def training_of(data_file: DataFile, participant_id: str) -> Training:
    training = people.participant(data_file, participant_id).training
    if training is None:
        raise NotFound("trainee", participant_id)
    return training


def new_training(organisation: str, role: str) -> Training:
    return checks.accept_new(
        Training,
        organisation=organisation.strip() if isinstance(organisation, str) else organisation,
        role=role,
    )


def set_training(data_file: DataFile, participant_id: str, training: Training) -> Participant:
    old = people.participant(data_file, participant_id)
    new = checks.accept(replace(old, training=training))
    doc = data_file.find(people.PARTICIPANTS, id=participant_id)
    assert doc is not None
    data_file.table(people.PARTICIPANTS).update(schema.to_doc(new), doc_ids=[doc.doc_id])
    return new


def update_training(
    data_file: DataFile, participant_id: str, organisation: str, role: str
) -> Participant:
    training = training_of(data_file, participant_id)
    fresh = new_training(organisation, role)
    changed = replace(training, organisation=fresh.organisation, role=fresh.role)
    return set_training(data_file, participant_id, changed)


def _day(value: object, field_key: str) -> date:
    """A calendar day (not a moment, not a text). ``InvalidInput`` otherwise."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(_("The date is not a valid date."), field_key)
    return value


def teaching(
    teaching_id: str,
    held: date,
    audience: str,
    count: int,
    citizen_contact: bool | None,
    note: str,
) -> Teaching:
    """One teaching, checked (the schema holds the limits and the rule on citizen contact)."""
    if citizen_contact is not None and not isinstance(citizen_contact, bool):
        raise InvalidInput(
            _("Contact with citizens must be yes, no or not filled in."), "citizen_contact"
        )
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidInput(_("Number of people must be a whole number from 1 to 100."), "count")
    return checks.accept_new(
        Teaching,
        held=_day(held, "held"),
        audience=audience,
        count=count,
        note=note,
        id=teaching_id,
        citizen_contact=citizen_contact,
    )


def _sorted(items: Iterable[Teaching]) -> tuple[Teaching, ...]:
    return tuple(sorted(items, key=lambda x: (x.held, x.id)))


def record_teaching(data_file: DataFile, participant_id: str, new: Teaching) -> Teaching:
    training = training_of(data_file, participant_id)
    teachings = _sorted((*training.teachings, new))
    set_training(data_file, participant_id, replace(training, teachings=teachings))
    return new


def update_teaching(data_file: DataFile, participant_id: str, new: Teaching) -> Teaching:
    training = training_of(data_file, participant_id)
    if new.id not in {x.id for x in training.teachings}:
        raise NotFound("teaching", new.id)
    teachings = _sorted(new if x.id == new.id else x for x in training.teachings)
    set_training(data_file, participant_id, replace(training, teachings=teachings))
    return new


def remove_teaching(data_file: DataFile, participant_id: str, teaching_id: str) -> None:
    training = training_of(data_file, participant_id)
    if teaching_id not in {x.id for x in training.teachings}:
        raise NotFound("teaching", teaching_id)
    teachings = tuple(x for x in training.teachings if x.id != teaching_id)
    set_training(data_file, participant_id, replace(training, teachings=teachings))


def set_certified(data_file: DataFile, participant_id: str, on: date) -> Participant:
    """Record the day the first certificate was printed (a reprint keeps the first day)."""
    _day(on, "certified")
    training = training_of(data_file, participant_id)
    if training.certified is not None:
        return people.participant(data_file, participant_id)
    return set_training(data_file, participant_id, replace(training, certified=on))
