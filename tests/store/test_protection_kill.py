"""Turning protection on or off is all or nothing, also if the process is killed half-way.

A child forked from this test process opens a copy of a prepared data folder and protects it
(or, from a protected copy, unprotects it); it is SIGKILLed at a random moment spread over the
whole change. Then the test opens the folder again as a user would (with the passphrase if it
has a key file): that open finishes a change written down, or undoes one that had not really
begun. Afterwards the folder is either entirely plain, byte for byte as before, or entirely
protected, each file decrypting to exactly the bytes it had: never a mix, never a record left.

``PEERTUI_PROTECT_KILL_ROUNDS`` sets the rounds (default 25), ``PEERTUI_KILL_SEED`` the seed.
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peertui.store import protection
from peertui.store.schema import Goal, MeetingLog, PersonalGoals, SafetyPlan
from peertui.store.store import Store, open_store
from tests.store.helpers import Clock, without_lock
from tests.store.killing import duration, kill_during
from tests.store.protected import PASSPHRASE, fast_kdf, opened, sealed, unsealed

ROUNDS = int(os.environ.get("PEERTUI_PROTECT_KILL_ROUNDS", "25"))
SPREAD = 1.3
MARKER = "Markør-i-kill-testen-5521"


@pytest.fixture(scope="module", autouse=True)
def _fast() -> Iterator[None]:
    with fast_kdf():
        yield


@dataclass(frozen=True)
class Template:
    plain: Path  # the folder before protection
    protected: Path  # the same folder, protected with ``identity``
    identity: object
    before: dict[str, bytes]  # every file of the plain folder (the lock left out)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, _fast: None) -> Template:
    root = tmp_path_factory.mktemp("protect-template")
    plain = root / "plain"
    clock = Clock(datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    with open_store(plain, clock=clock) as store:
        for name in ("Tirsdag", "Onsdag", "Torsdag"):
            gid = store.create_group(name, "c", ["Anne"], date(2025, 1, 1), date(2099, 1, 1)).id
            maja = store.add_participant(gid, "Maja", consents=["taking_part", "store_statement"])
            mine = store.create_statement(gid, maja.id, [MARKER, "", "", ""])
            store.save_worksheet(gid, maja.id, SafetyPlan(people_to_ask=("Kattemor",)))
            store.save_worksheet(gid, maja.id, PersonalGoals(goals=(Goal("Fyrtårnet"),)))
            store.save_meeting_log(gid, MeetingLog(meeting=1, notes="Maja delte."))
            for n in range(6):
                store.update_statement(gid, mine.id, [f"{MARKER} {n}", "", "", ""])
    before = without_lock(plain)
    assert len(before) >= 30
    protected = root / "protected"
    shutil.copytree(plain, protected)
    identity = protection.new_identity()
    with open_store(protected) as store:
        store.protect(PASSPHRASE, identity)
    return Template(plain, protected, identity, before)


def _copy(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def _state(data: Path) -> str:
    """Where the kill landed: "before" the change was written down, while it was "pending",
    or after it was "complete"."""
    if (data / "protection.json").exists():
        return "pending"
    return "protected" if (data / "key.json").exists() else "plain"


def _open_again(data: Path) -> str:
    """What a user does next: open the folder (with the passphrase if it asks for one).
    Returns how the open left it."""
    passphrase = PASSPHRASE if protection.is_protected(data) else None
    with open_store(data, passphrase=passphrase) as store:
        assert store.damaged == [] and store.protection_pending is None
        assert store.statements(store.groups()[0].id)[0].answers[0] == f"{MARKER} 5"
        return "protected" if store.protected else "plain"


def _all_or_nothing(data: Path, tpl: Template, where: str) -> str:
    assert not (data / "protection.json").exists(), where
    if (data / "key.json").exists():
        assert unsealed(data) == [], where
        contents = opened(data, tpl.identity)
        contents.pop("key.json")
        assert contents == tpl.before, where
        return "protected"
    assert sealed(data) == [], where
    assert without_lock(data) == tpl.before, where
    return "plain"


Work = Callable[[Store], object]


def _kill_rounds(
    tpl: Template, source: Path, work: Work, opener: Callable[[Path], Store], folder: Path
) -> Counter[str]:
    seed = int(os.environ.get("PEERTUI_KILL_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    times = [
        duration(kill_during(_copy(source, folder / "data"), work, None, False, opener))
        for _round in range(3)
    ]
    spread = first = SPREAD * sorted(times)[1]
    seen: Counter[str] = Counter()
    ended: Counter[str] = Counter()
    for round_no in range(ROUNDS):
        where = f"round {round_no}, seed {seed} (PEERTUI_KILL_SEED)"
        if round_no and round_no % 8 == 0 and not seen["pending"]:
            spread = spread * 2 if seen["start"] >= seen["done"] else spread / 2
        data = _copy(source, folder / "data")
        early = rng.random() < 0.05
        said = kill_during(data, work, rng.random() * spread, early, opener)
        state = _state(data)
        start = "protected" if protection.is_protected(source) else "plain"
        seen["pending" if state == "pending" else "start" if state == start else "done"] += 1
        finished = any(line.startswith("done ") for line in said.splitlines())
        assert not finished or state not in ("pending", start), where
        try:
            after_open = _open_again(data)
        except Exception as exc:  # pragma: no cover - the message says where
            raise AssertionError(f"{where}, killed {state}: the next open raised {exc!r}") from exc
        end = _all_or_nothing(data, tpl, f"{where}, killed {state}")
        assert end == after_open, where
        ended[end] += 1
    print(f"{dict(seen)} -> {dict(ended)}, spread {first * 1000:.1f} -> {spread * 1000:.1f} ms")
    assert seen["pending"] >= 1, f"{dict(seen)}, seed {seed}"
    return seen


def test_killed_protect_is_all_or_nothing(template: Template, tmp_path: Path) -> None:
    identity = template.identity

    def protect(store: Store) -> object:
        return store.protect(PASSPHRASE, identity)

    _kill_rounds(template, template.plain, protect, open_store, tmp_path)


def test_killed_unprotect_is_all_or_nothing(template: Template, tmp_path: Path) -> None:
    def unprotect(store: Store) -> object:
        return store.unprotect()

    def opener(data: Path) -> Store:
        return open_store(data, passphrase=PASSPHRASE)

    _kill_rounds(template, template.protected, unprotect, opener, tmp_path)
