"""Erasures that are killed half-way or hit a full disk still end with the words gone everywhere.

A child forked from this test process opens a copy of a prepared data folder and forgets Maja
(or withdraws her consent to keep her words); it is SIGKILLed at a random moment spread over
the whole erasure. Then the test does what a user would: it opens the folder again (which
finishes an erasure that was written down) and, if Maja is still there because the kill came
before that, erases again. Afterwards her words are in no file of the folder: not in the group
file, not in a backup, a damaged copy, an erasure record, ``incoming/`` or a temp file.

``PEERTUI_ERASURE_KILL_ROUNDS`` sets the rounds (default 100), ``PEERTUI_KILL_SEED`` the seed.
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peertui.cli import main
from peertui.i18n import _, ngettext
from peertui.store.backup import list_backups
from peertui.store.errors import ErasureUnfinished, StoreError
from peertui.store.schema import Goal, MeetingLog, PersonalGoals, SafetyPlan
from peertui.store.store import Store, open_store
from tests.store.helpers import Clock, all_bytes, fail_from, info_output, without_lock
from tests.store.killing import duration, kill_during

ROUNDS = int(os.environ.get("PEERTUI_ERASURE_KILL_ROUNDS", "100"))
CLI_ROUNDS = min(ROUNDS, 20)
SPREAD = 1.3  # kills are spread over this many times the duration of one erasure

SECRET = "Majas hemmelige ord 4711"
# Words only Maja's statements and worksheets hold (ASCII: the same bytes in any encoding).
MAJA_WORDS = (b"hemmelige ord 4711", b"Fyrtaarnsvej", b"Kattemor-Oline")
ALI_WORDS = "Alis egne ord 0815"
NOTES = "Maja og Ali delte. Majas tur var god."
BACKUPS_WITH_MAJA = 6


@dataclass(frozen=True)
class Template:
    path: Path
    group: str
    maja: str
    ali: str


def _seed() -> int:
    return int(os.environ.get("PEERTUI_KILL_SEED", str(random.randrange(1 << 30))))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One group: Maja (a statement saved in many versions, two worksheets) and Ali; a meeting
    log whose notes name Maja; many backups holding her words; a damaged copy of the file."""
    data = tmp_path_factory.mktemp("erasure-template") / "data"
    clock = Clock(datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    with open_store(data, clock=clock) as store:
        group = store.create_group("Tirsdag", "c", ["Anne"], date(2025, 1, 1), date(2025, 12, 31))
        gid = group.id
        maja = store.add_participant(gid, "Maja", consents=["taking_part", "store_statement"])
        ali = store.add_participant(gid, "Ali", consents=["taking_part", "store_statement"])
        mine = store.create_statement(gid, maja.id, [SECRET, "", "", ""])
        store.save_worksheet(gid, maja.id, SafetyPlan(people_to_ask=("Kattemor-Oline",)))
        store.save_worksheet(gid, maja.id, PersonalGoals(goals=(Goal("Fyrtaarnsvej hver dag"),)))
        store.create_statement(gid, ali.id, [ALI_WORDS, "lave mad", "", ""])
        for meeting in (1, 2):
            store.set_attendance(gid, meeting, maja.id, "present")
            store.set_attendance(gid, meeting, ali.id, "present")
        store.save_meeting_log(gid, MeetingLog(meeting=1, notes=NOTES))
        for n in range(BACKUPS_WITH_MAJA):
            store.update_statement(gid, mine.id, [f"{SECRET} ({n})", "", "", ""])
    aside = data / "damaged" / "groups"
    aside.mkdir(parents=True)
    (aside / f"{gid}.20250101T000000.json").write_text(f'{{"x": "{SECRET}', "utf-8")
    with_words = [
        b
        for b in list_backups(data / "backups" / "groups" / gid)
        if MAJA_WORDS[0] in b.path.read_bytes()
    ]
    assert len(with_words) >= 5
    return Template(path=data, group=gid, maja=maja.id, ali=ali.id)


def _copy(template: Template, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template.path, target)
    return target


# --- what every finished erasure must leave ------------------------------------------------


def _files_with(data: Path, needles: tuple[bytes, ...]) -> list[str]:
    return [rel for rel, content in all_bytes(data).items() if any(n in content for n in needles)]


def _records(data: Path) -> list[Path]:
    return sorted((data / "erasures").glob("*.json"))


def _check_forgotten(data: Path, tpl: Template, where: str) -> None:
    needles = (*MAJA_WORDS, b"Maja", tpl.maja.encode())  # "Maja" also inside "Majas"
    assert _files_with(data, needles) == [], where
    assert _records(data) == [], where
    live = (data / "groups" / f"{tpl.group}.json").read_bytes()
    assert ALI_WORDS.encode() in live and b"[slettet] og Ali delte" in live, where
    with open_store(data, read_only=True) as store:
        assert store.damaged == [] and store.pending_erasures == [], where
        assert [p.alias for p in store.participants(tpl.group)] == ["Ali"], where
        assert [s.answers[0] for s in store.statements(tpl.group)] == [ALI_WORDS], where
        assert {a.participant for a in store.attendance(tpl.group)} == {tpl.ali}, where
        notes = store.meeting_log(tpl.group, 1).notes  # type: ignore[union-attr]
        assert notes == "[slettet] og Ali delte. [slettet]s tur var god.", where


def _check_words_dropped(data: Path, tpl: Template, where: str) -> None:
    assert _files_with(data, MAJA_WORDS) == [], where
    assert _records(data) == [], where
    with open_store(data, read_only=True) as store:
        assert store.damaged == [] and store.pending_erasures == [], where
        maja = store.participant(tpl.group, tpl.maja)  # she still takes part
        assert maja.has_consent("taking_part") and not maja.has_consent("store_statement"), where
        assert store.statements(tpl.group, tpl.maja) == [], where
        assert store.worksheets(tpl.group, tpl.maja) == [], where
        assert [s.answers[0] for s in store.statements(tpl.group, tpl.ali)] == [ALI_WORDS], where
        assert store.meeting_log(tpl.group, 1).notes == NOTES, where  # type: ignore[union-attr]


# --- the child and the kill ----------------------------------------------------------------

Action = Callable[[Store, Template], object]


def _forget(store: Store, tpl: Template) -> object:
    return store.forget_participant(tpl.group, tpl.maja)


def _withdraw(store: Store, tpl: Template) -> object:
    return store.withdraw_consent(tpl.group, tpl.maja, "store_statement")


def _duration(tpl: Template, folder: Path, action: Action) -> float:
    """How long one erasure takes in a child like the ones killed (median of three), so
    that the kills can be spread over all of it."""
    times = []
    for _round in range(3):
        said = kill_during(
            _copy(tpl, folder / "data"), lambda store: action(store, tpl), None, False
        )
        times.append(duration(said))
    return sorted(times)[1]


def _state(data: Path, tpl: Template) -> str:
    """Where the kill landed, as the folder shows it before the re-run: "before" the erasure
    was written down, while it was "pending", or after it was "complete" (record removed)."""
    if _records(data):
        return "pending"
    live = (data / "groups" / f"{tpl.group}.json").read_bytes()
    return "before" if MAJA_WORDS[0] in live else "complete"


def _rerun(
    data: Path, tpl: Template, state: str, action: Action, still_there: Callable[[Store], bool]
) -> None:
    """What a user does after the crash: open the folder (which finishes a written-down
    erasure) and erase again if Maja's data is still there. Must not raise."""
    with open_store(data) as store:
        assert store.damaged == [] and store.unreadable_erasures == 0
        assert store.pending_erasures == []
        assert len(store.finished_erasures) == (state == "pending")
        if still_there(store):
            assert state == "before", "an erasure written down was not finished on opening"
            action(store, tpl)
        else:
            assert state != "before"


def _kill_rounds(
    tpl: Template,
    folder: Path,
    action: Action,
    rounds: int,
    rerun: Callable[[Path, str], None],
    check: Callable[[Path, Template, str], None],
) -> Counter[str]:
    seed = _seed()
    rng = random.Random(seed)
    spread = first_spread = SPREAD * _duration(tpl, folder, action)
    seen: Counter[str] = Counter()
    for round_no in range(rounds):
        where = f"round {round_no}, seed {seed} (PEERTUI_KILL_SEED)"
        if round_no and round_no % 10 == 0 and not seen["pending"]:
            # The disk's speed varies: no kill landed while the erasure was under way yet,
            # so spread the next ones wider (all before it) or narrower (all after it).
            spread = spread * 2 if seen["before"] >= seen["complete"] else spread / 2
        data = _copy(tpl, folder / "data")
        early = rng.random() < 0.05
        said = kill_during(data, lambda store: action(store, tpl), rng.random() * spread, early)
        finished = any(line.startswith("done ") for line in said.splitlines())
        state = _state(data, tpl)
        assert not finished or state == "complete", where
        seen[state] += 1
        try:
            rerun(data, state)
        except AssertionError as exc:
            raise AssertionError(f"{where}, killed {state}: {exc}") from exc
        except StoreError as exc:
            raise AssertionError(f"{where}, killed {state}: the re-run raised {exc!r}") from exc
        check(data, tpl, f"{where}, killed {state}")
    print(
        f"{action.__name__}: {dict(seen)}, "
        f"spread {first_spread * 1000:.1f} -> {spread * 1000:.1f} ms, seed {seed}"
    )
    # The kills really landed while the erasure was written down and not finished.
    assert seen["pending"] >= 1, f"{dict(seen)}, seed {seed}"
    return seen


def test_killed_forget_is_finished_by_the_next_open(template: Template, tmp_path: Path) -> None:
    def participant_still_there(store: Store) -> bool:
        return "Maja" in [p.alias for p in store.participants(template.group)]

    def rerun(data: Path, state: str) -> None:
        _rerun(data, template, state, _forget, participant_still_there)

    _kill_rounds(template, tmp_path, _forget, ROUNDS, rerun, _check_forgotten)


def test_killed_withdrawal_is_finished_by_the_next_open(template: Template, tmp_path: Path) -> None:
    def words_still_there(store: Store) -> bool:
        return store.participant(template.group, template.maja).has_consent("store_statement")

    def rerun(data: Path, state: str) -> None:
        _rerun(data, template, state, _withdraw, words_still_there)

    _kill_rounds(template, tmp_path, _withdraw, ROUNDS, rerun, _check_words_dropped)


def test_killed_forget_then_the_command_again(
    template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The user runs ``peertui forget`` again after the crash: it says the erasure is done
    (or that an interrupted one is now finished), never that Maja does not exist, unless the
    killed run had got all the way through (then she simply is not there any more)."""
    capsys.readouterr()
    not_found = _(
        "The participant does not exist in the group."
    )  # "Deltageren findes ikke i gruppen."

    def rerun(data: Path, state: str) -> None:
        argv = ["--data-dir", str(data), "forget", "--group", template.group]
        code = main([*argv, "--participant", "Maja", "--yes"])
        out, err = capsys.readouterr()
        if state == "complete":
            # The child got all the way through (its record was removed) before the kill:
            # for this run there is nothing to finish, and Maja is simply not there.
            assert code == 2 and not_found in err, (code, out, err)
            return
        assert code == 0, (out, err)
        assert not_found not in out + err and err == ""
        expected = (
            _(
                "An interrupted deletion of the participant has now been completed: "
                "the participant is no longer in the group or in the backups. Remember "
                "exports and printouts outside peertui."
            )
            if state == "pending"
            else "Slettet."
        )
        assert expected in out, out

    _kill_rounds(template, tmp_path, _forget, CLI_ROUNDS, rerun, _check_forgotten)


# --- a full disk during the erasure --------------------------------------------------------


def test_full_disk_before_the_erasure_is_written_down(
    template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _copy(template, tmp_path / "data")
    before = without_lock(data)
    with open_store(data) as store:
        fail_from(monkeypatch, 1)
        with pytest.raises(StoreError) as caught:
            store.forget_participant(template.group, template.maja)
        monkeypatch.undo()
        assert not isinstance(caught.value, ErasureUnfinished)
        message = str(caught.value)
        assert message == (
            "Intet er slettet: sletningen kunne ikke skrives ned (disken er fuld). Prøv igen."
        )
        assert "Maja" not in message
        assert [p.alias for p in store.participants(template.group)] == ["Maja", "Ali"]
    # True: nothing was erased. The group file, every backup, the damaged copy: as before.
    assert without_lock(data) == before
    assert _records(data) == []


def _writes_of_one_forget(template: Template, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    data = _copy(template, folder / "count")
    with open_store(data) as store:
        done = fail_from(monkeypatch, 10_000)
        store.forget_participant(template.group, template.maja)
        monkeypatch.undo()
    return len(done)


def test_full_disk_while_scrubbing(
    template: Template,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The record is written, then the disk fills up somewhere among the backups or at the
    group file. No backup keeps Maja's words (one that could not be rewritten is deleted);
    the record stays; the next open, with room again, finishes the erasure."""
    writes = _writes_of_one_forget(template, tmp_path, monkeypatch)
    backups_dir = template.path / "backups" / "groups" / template.group
    backups_before = {b.name for b in list_backups(backups_dir)}
    # The record, each backup holding her data, and the group file itself.
    assert writes >= 2 + 5
    for first_failing in range(2, writes + 1):
        where = f"disk full from write {first_failing} of {writes}"
        data = _copy(template, tmp_path / "data")
        with open_store(data) as store:
            done = fail_from(monkeypatch, first_failing)
            with pytest.raises(ErasureUnfinished) as caught:
                store.forget_participant(template.group, template.maja)
            assert len(done) == first_failing - 1, where
            message = str(caught.value)
            assert message.startswith("Sletningen er ikke gjort færdig, fordi disken er fuld")
            assert "gøres færdig, næste gang peertui åbner datamappen" in message
            # Still full: the erasure waits, the store opens anyway (read-only would too).
            store.close()
            with open_store(data) as again:
                assert len(again.pending_erasures) == 1 and again.finished_erasures == []
            monkeypatch.undo()

        # Every backup left was rewritten without her; the others were deleted, not kept.
        folder = data / "backups" / "groups" / template.group
        left = {b.name for b in list_backups(folder)}
        assert left <= backups_before, where
        # Rewritten before the disk filled up, or unchanged (no words of hers to remove).
        assert len(left) == len(backups_before) - (writes - 2) + (first_failing - 2), where
        for name in ("backups", "damaged"):
            assert _files_with(data / name, MAJA_WORDS) == [], where
        assert len(_records(data)) == 1, where
        assert MAJA_WORDS[0] in (data / "groups" / f"{template.group}.json").read_bytes()

        out = info_output(data, capsys)
        assert (
            ngettext(
                "{count} deletion has not been finished. It will be finished the next "
                "time peertui opens the data folder with write access.",
                "{count} deletions have not been finished. They will be finished the "
                "next time peertui opens the data folder with write access.",
                1,
            )
            in out
        ), where
        assert "1 sletning er ikke gjort færdig" in out

        with open_store(data) as store:
            assert len(store.finished_erasures) == 1 and store.pending_erasures == [], where
        _check_forgotten(data, template, where)
        assert ngettext(
            "{count} deletion has not been finished. It will be finished the next "
            "time peertui opens the data folder with write access.",
            "{count} deletions have not been finished. They will be finished the "
            "next time peertui opens the data folder with write access.",
            1,
        ) not in info_output(data, capsys)
