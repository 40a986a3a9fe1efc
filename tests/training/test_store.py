"""Trainees in the store: participants of a training group with a teaching log, on disk."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from peertui.store import open_store
from peertui.store.errors import CprNumberRefused, InvalidInput, NotFound, StoreReadOnly
from peertui.store.portable import export_bytes, parse_export


def _group(store):  # type: ignore[no-untyped-def]
    return store.create_group(
        "Kursusdag november",
        "bliv-inddragelsesfacilitator",
        ["Hanne"],
        date(2026, 11, 2),
        date(2027, 11, 2),
    )


def test_a_trainee_and_the_teaching_log_survive_a_reopen(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = _group(store)
        kim = store.add_trainee(group.id, "Kim", "Region Øst", "staff")
        store.add_participant(group.id, "Ikke kursist")
        first = store.record_teaching(
            group.id, kim.id, held=date(2026, 11, 20), audience="colleagues", count=3,
            citizen_contact=True, note="Personalemøde",
        )  # fmt: skip
        second = store.record_teaching(
            group.id, kim.id, held=date(2026, 11, 10), audience="citizens", count=1,
            citizen_contact=None,  # nothing to say for citizens
        )  # fmt: skip
        assert second.citizen_contact is None
        store.update_teaching(
            group.id, kim.id, first.id, held=date(2026, 11, 21), audience="colleagues", count=4,
            citizen_contact=False, note="Rettet",
        )  # fmt: skip
    with open_store(data) as store:
        (trainee,) = store.trainees(group.id)
        assert trainee.alias == "Kim" and trainee.training is not None
        assert trainee.training.organisation == "Region Øst" and trainee.training.role == "staff"
        held = [(x.held, x.count, x.citizen_contact, x.note) for x in trainee.training.teachings]
        assert held == [
            (date(2026, 11, 10), 1, None, ""),
            (date(2026, 11, 21), 4, False, "Rettet"),
        ]
        store.remove_teaching(group.id, kim.id, second.id)
        store.set_certified(group.id, kim.id, date(2026, 12, 1))
        store.set_certified(group.id, kim.id, date(2026, 12, 5))  # a reprint keeps the first
        store.update_training(group.id, kim.id, organisation="Kommunen", role="peer")
    with open_store(data, read_only=True) as store:
        training = store.participant(group.id, kim.id).training
        assert training is not None
        assert [x.id for x in training.teachings] == [first.id]
        assert training.certified == date(2026, 12, 1)
        assert (training.organisation, training.role) == ("Kommunen", "peer")
        with pytest.raises(StoreReadOnly):
            store.remove_teaching(group.id, kim.id, first.id)


def test_bad_input_is_refused_with_a_reason_and_nothing_is_saved(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        group = _group(store)
        kim = store.add_trainee(group.id, "Kim", "", "peer")
        plain = store.add_participant(group.id, "Bo")
        with pytest.raises(InvalidInput):
            store.add_trainee(group.id, "Ny", "Sted", "chef")
        for count in (0, 101, True):
            with pytest.raises(InvalidInput):
                store.record_teaching(
                    group.id, kim.id, held=date(2026, 11, 3), audience="citizens",
                    count=count, citizen_contact=None,
                )  # fmt: skip
        with pytest.raises(InvalidInput):
            store.record_teaching(
                group.id, kim.id, held=date(2026, 11, 3), audience="naboer", count=2,
                citizen_contact=None,
            )  # fmt: skip
        with pytest.raises(CprNumberRefused):
            store.record_teaching(
                group.id, kim.id, held=date(2026, 11, 3), audience="citizens", count=2,
                citizen_contact=None, note="010203-1234",
            )  # fmt: skip
        with pytest.raises(NotFound):
            store.record_teaching(
                group.id, plain.id, held=date(2026, 11, 3), audience="citizens", count=2,
                citizen_contact=None,
            )  # fmt: skip
        with pytest.raises(NotFound):
            store.remove_teaching(group.id, kim.id, "0123456789abcdef0123")
        # Citizen contact: yes/no/not known for colleagues; nothing for citizens.
        for audience, contact in (("citizens", True), ("citizens", False), ("colleagues", "ja")):
            with pytest.raises(InvalidInput) as caught:
                store.record_teaching(
                    group.id, kim.id, held=date(2026, 11, 3), audience=audience, count=2,
                    citizen_contact=contact,  # type: ignore[arg-type]
                )  # fmt: skip
            assert caught.value.field == "citizen_contact"
        for held in ("2026-11-03", datetime(2026, 11, 3, 12, 0)):
            with pytest.raises(InvalidInput):
                store.record_teaching(
                    group.id, kim.id, held=held, audience="citizens", count=2,  # type: ignore[arg-type]
                    citizen_contact=None,
                )  # fmt: skip
        with pytest.raises(CprNumberRefused):
            store.add_trainee(group.id, "Ny", "Sted 010203-1234", "peer")
        with pytest.raises(CprNumberRefused):
            store.update_training(group.id, kim.id, organisation="010203-1234", role="peer")
        with pytest.raises(InvalidInput):
            store.update_training(group.id, kim.id, organisation="Sted", role="chef")
        assert store.participant(group.id, kim.id).training.teachings == ()  # type: ignore[union-attr]
        assert [p.alias for p in store.trainees(group.id)] == ["Kim"]


def test_trainees_travel_in_an_export(tmp_path: Path) -> None:
    with open_store(tmp_path / "a") as store:
        group = _group(store)
        kim = store.add_trainee(group.id, "Kim", "<b>Region</b> & [bold]", "staff")
        store.record_teaching(
            group.id, kim.id, held=date(2026, 11, 20), audience="colleagues", count=4,
            citizen_contact=True,
        )  # fmt: skip
        raw = export_bytes(store.export_bundle())
    with open_store(tmp_path / "b") as other:
        other.import_bundle(parse_export(raw))
        (again,) = other.trainees(group.id)
        assert again == store_participant(tmp_path / "a", group.id, kim.id)
        assert export_bytes(other.export_bundle()) == raw


def store_participant(data: Path, group_id: str, pid: str):  # type: ignore[no-untyped-def]
    with open_store(data, read_only=True) as store:
        return store.participant(group_id, pid)


def test_adding_a_trainee_is_one_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The participant and their training are written together: a failed save leaves neither."""
    import errno
    import os

    from peertui.store import files as storage
    from peertui.store.errors import SaveFailed

    data = tmp_path / "data"
    with open_store(data) as store:
        group = _group(store)
        saves: list[int] = []
        real = storage._write_all

        def counting(fd: int, payload: bytes) -> None:
            saves.append(len(payload))
            real(fd, payload)

        monkeypatch.setattr(storage, "_write_all", counting)
        store.add_trainee(group.id, "Kim", "Region", "peer")
        assert len(saves) == 1

        def full(fd: int, payload: bytes) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(storage, "_write_all", full)
        with pytest.raises(SaveFailed):
            store.add_trainee(group.id, "Bo", "Region", "staff")
        monkeypatch.undo()
        assert [p.alias for p in store.participants(group.id)] == ["Kim"]
    with open_store(data, read_only=True) as store:
        assert [p.alias for p in store.trainees(group.id)] == ["Kim"]
