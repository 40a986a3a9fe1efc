"""An import is all or nothing, also when the process is killed or the disk fills up half-way.

OLD is a data folder with three groups; NEW is an export of another folder with four groups,
one of them with the id of an OLD group and other content. A child forked from this test
process opens a copy of OLD and imports NEW replacing everything; it is SIGKILLed at a random
moment spread over the import. Whatever the moment, the folder then shows exactly OLD or
exactly NEW: to a read-only open first (which changes nothing), and then to a writable open
(which finishes or removes what the import left). Never a mix.

``PEERTUI_IMPORT_KILL_ROUNDS`` sets the rounds (default 100), ``PEERTUI_KILL_SEED`` the seed.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peertui.i18n import _
from peertui.store import journal
from peertui.store.errors import ImportUnfinished, StoreError
from peertui.store.portable import ExportBundle, export_bytes, parse_export
from peertui.store.schema import MeetingLog
from peertui.store.store import Store, open_store
from tests.store.helpers import Clock, all_bytes, fail_from, info_output, without_lock
from tests.store.killing import duration, kill_during

ROUNDS = int(os.environ.get("PEERTUI_IMPORT_KILL_ROUNDS", "100"))
SPREAD = 1.3  # kills are spread over this many times the duration of one import


@dataclass(frozen=True)
class Stores:
    old: Path  # the template folder, copied for every round
    old_export: bytes
    new_export: bytes  # the import file
    shared: str  # the id of the group in both, with different content


def _seed() -> int:
    return int(os.environ.get("PEERTUI_KILL_SEED", str(random.randrange(1 << 30))))


def _group(store: Store, name: str, start: date, people: tuple[str, ...]) -> str:
    group = store.create_group(name, "c", ["Anne"], start, date(2099, 12, 31))
    for alias in people:
        person = store.add_participant(group.id, alias, consents=["taking_part", "store_statement"])
        store.create_statement(
            group.id, person.id, [f"{alias} i {name}: " + "ord " * 200, "", "", ""]
        )
        store.set_attendance(group.id, 1, person.id, "present")
    store.save_meeting_log(group.id, MeetingLog(meeting=1, notes=f"Noter fra {name}"))
    return group.id


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Stores:
    root = tmp_path_factory.mktemp("import-template")
    clock = Clock(datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    old = root / "old"
    with open_store(old, clock=clock) as store:
        shared = _group(store, "Mandag", date(2025, 1, 6), ("Maja", "Ali"))
        _group(store, "Tirsdag", date(2025, 1, 7), ("Sofie", "Jonas", "Emil"))
        _group(store, "Onsdag", date(2025, 1, 8), ("Ida",))
        old_export = export_bytes(store.export_bundle())
        first = store.group_data(shared)
    new = root / "new"
    with open_store(new, clock=clock) as store:
        store.import_bundle(ExportBundle(groups=(first,)))  # the same group, then changed
        store.update_group(shared, name="Mandag (ny)")
        bo = store.add_participant(shared, "Bo", consents=["taking_part", "store_statement"])
        store.create_statement(shared, bo.id, ["Bo er ny", "", "", ""])
        _group(store, "Torsdag", date(2025, 2, 6), ("Karl", "Lone"))
        _group(store, "Fredag", date(2025, 2, 7), ("Mads",))
        _group(store, "Lørdag", date(2025, 2, 8), ("Nina", "Omar", "Per"))
        new_export = export_bytes(store.export_bundle())
    assert len(parse_export(old_export).groups) == 3
    assert len(parse_export(new_export).groups) == 4
    assert old_export != new_export and shared.encode() in new_export
    return Stores(old=old, old_export=old_export, new_export=new_export, shared=shared)


def _copy(stores: Stores, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(stores.old, target)
    return target


def _shown(data: Path, *, read_only: bool) -> bytes:
    with open_store(data, read_only=read_only) as store:
        assert store.damaged == []
        return export_bytes(store.export_bundle())


def _which(stores: Stores, shown: bytes) -> str:
    if shown == stores.old_export:
        return "old"
    if shown == stores.new_export:
        return "new"
    return "a mix"


# --- the kill -------------------------------------------------------------------------------


def _importing(bundle: ExportBundle) -> Callable[[Store], object]:
    return lambda store: store.import_bundle(bundle, replace_all=True)


def _duration(stores: Stores, folder: Path, bundle: ExportBundle) -> float:
    """How long one import takes in a child like the ones killed (median of three)."""
    times = []
    for _round in range(3):
        data = _copy(stores, folder / "data")
        said = kill_during(data, _importing(bundle), None, False)
        times.append(duration(said))
        assert _shown(data, read_only=True) == stores.new_export
    return sorted(times)[1]


def test_killed_import_is_old_or_new_never_a_mix(stores: Stores, tmp_path: Path) -> None:
    seed = _seed()
    rng = random.Random(seed)
    bundle = parse_export(stores.new_export)
    spread = SPREAD * _duration(stores, tmp_path, bundle)
    first_spread = spread
    seen: Counter[str] = Counter()
    pending = 0  # rounds that left a committed journal for the next open to finish
    for round_no in range(ROUNDS):
        where = f"round {round_no}, seed {seed} (PEERTUI_KILL_SEED)"
        if round_no and round_no % 10 == 0:
            # The disk's speed varies: if every kill so far fell on one side of the commit
            # point, spread the next ones wider (all old) or narrower (all new).
            if not seen["new"]:
                spread *= 2
            elif not seen["old"]:
                spread /= 2
        data = _copy(stores, tmp_path / "data")
        early = rng.random() < 0.05
        said = kill_during(data, _importing(bundle), rng.random() * spread, early)
        finished = any(line.startswith("done ") for line in said.splitlines())
        committed = journal.read(data) is not None
        pending += committed

        # A read-only open changes nothing and already shows one or the other.
        before = all_bytes(data)
        seen_read_only = _which(stores, _shown(data, read_only=True))
        assert all_bytes(data) == before, where
        assert seen_read_only != "a mix", where
        assert seen_read_only == "new" or not committed, where
        assert seen_read_only == "new" or not finished, where

        # The writable open finishes a committed import or removes an uncommitted one.
        with open_store(data) as store:
            assert store.damaged == [], where
            assert store.import_finished is (committed or False), where
            seen_writable = _which(stores, export_bytes(store.export_bundle()))
        assert seen_writable == seen_read_only, where
        assert not (data / "incoming").exists(), where
        assert not list(data.rglob("*.tmp")), where
        seen[seen_writable] += 1
    print(
        f"import: {dict(seen)}, {pending} left a committed journal, "
        f"spread {first_spread * 1000:.1f} -> {spread * 1000:.1f} ms, seed {seed}"
    )
    # The kills fell on both sides of the commit point.
    assert seen["old"] >= 1 and seen["new"] >= 1, f"{dict(seen)}, seed {seed}"


# --- a full disk during the import ----------------------------------------------------------


def test_full_disk_during_import_changes_nothing(
    stores: Stores,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = parse_export(stores.new_export)
    data = _copy(stores, tmp_path / "count")
    with open_store(data) as store:
        counted = fail_from(monkeypatch, 10_000)
        store.import_bundle(bundle, replace_all=True)
        monkeypatch.undo()
    writes = len(counted)
    assert writes == 4 + 1  # the four group files staged, then the journal

    for first_failing in range(1, writes + 2):
        where = f"disk full from write {first_failing} of {writes}"
        data = _copy(stores, tmp_path / "data")
        before = without_lock(data)
        with open_store(data) as store:
            fail_from(monkeypatch, first_failing)
            try:
                store.import_bundle(bundle, replace_all=True)
            except StoreError as exc:
                error: StoreError | None = exc
            else:
                error = None
            committed = journal.read(data) is not None
            monkeypatch.undo()
            shown = export_bytes(store.export_bundle())
        if first_failing > writes:  # everything fitted
            assert error is None and shown == stores.new_export, where
            continue
        assert error is not None, where
        # The journal is the last thing written: a disk that fills up never lets it commit.
        assert not committed and not (data / "incoming").exists(), where
        assert not isinstance(error, ImportUnfinished), where
        assert str(error) == "Intet er importeret: disken er fuld. Datamappen er som før.", where
        assert shown == stores.old_export, where
        assert without_lock(data) == before, where
        out = info_output(data, capsys)
        assert "afbrudt" not in out and "sletning" not in out, where
        assert _("Groups: {groups}. Trainees: {trainees}.", groups=3, trainees=0) in out, where


# --- a committed import that was not finished ----------------------------------------------


@pytest.mark.parametrize("moved", [0, 2, 4], ids=["none-moved", "two-moved", "all-moved"])
def test_info_shows_an_interrupted_import_and_the_next_open_finishes_it(
    stores: Stores,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    moved: int,
) -> None:
    """The journal is written, then the process stops after ``moved`` of the four files were
    put in place (and before the removed groups went): the import is committed, not done."""
    bundle = parse_export(stores.new_export)
    data = _copy(stores, tmp_path / "data")

    def stopped(data_dir: Path, pending: journal.Journal, now: datetime) -> None:
        for rel in pending.install[:moved]:
            os.replace(journal.incoming_path(data_dir, rel), data_dir / rel)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with open_store(data) as store:
        monkeypatch.setattr(journal, "roll_forward", stopped)
        with pytest.raises(ImportUnfinished) as caught:
            store.import_bundle(bundle, replace_all=True)
        monkeypatch.undo()
        assert "ikke helt på plads" in str(caught.value)
    assert journal.read(data) is not None

    before = all_bytes(data)
    out = info_output(data, capsys)
    assert all_bytes(data) == before  # data info only reads
    assert "En import blev afbrudt." in out
    assert (
        _(
            "An import was interrupted. It will be finished the next time peertui "
            "opens the data folder with write access. Until then, the data is "
            "shown as it is after the import."
        )
        in out
    )
    # What a read-only open shows meanwhile is the import, whole (never a mix).
    assert _("Groups: {groups}. Trainees: {trainees}.", groups=4, trainees=0) in out
    assert _shown(data, read_only=True) == stores.new_export

    with open_store(data) as store:
        assert store.import_finished is True
        assert export_bytes(store.export_bundle()) == stores.new_export
    assert not (data / "incoming").exists()
    out = info_output(data, capsys)
    assert "afbrudt" not in out
    assert _shown(data, read_only=True) == stores.new_export
