"""A protected data folder (issue 18, items 2, 4 and 5): every data file encrypted to the
folder's data key, the key locked with a passphrase; nothing in clear anywhere in the folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyrage
import pytest

from peertui.store import erasure, files, journal, protection
from peertui.store.app import open_for_app, status_lines
from peertui.store.errors import StoreDamaged, StoreError
from peertui.store.passphrase import WrongPassphrase
from peertui.store.portable import ExportBundle
from peertui.store.schema import Goal, MeetingLog, PersonalGoals, SafetyPlan, new_id
from peertui.store.store import Store, open_store
from tests.store.helpers import Clock, without_lock
from tests.store.protected import (
    PASSPHRASE,
    fast_kdf,
    holding,
    links,
    opened,
    sealed,
    unsealed,
)

#: Typed into a statement: after protection it is in no file of the folder.
MARKER = "Blåbærmarkør-Q7Z"
MARKER_BYTES = MARKER.encode("utf-8")
SECOND = "Anden-markør-X9"
MAJA_WORDS = (b"Majakattens", b"havnefronten", "Søster-Solvej".encode())


@pytest.fixture(autouse=True)
def _fast() -> Iterator[None]:
    with fast_kdf():
        yield


@dataclass
class Folder:
    path: Path
    group: str
    maja: str
    ali: str
    statement: str


def _fill(data: Path) -> Folder:
    """One group: Maja's statement (the marker, many versions: many backups), worksheets,
    a meeting log naming her, a meeting in progress, and a damaged copy of the group file."""
    clock = Clock(datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    with open_store(data, clock=clock) as store:
        group = store.create_group("Tirsdag", "c", ["Anne"], date(2025, 1, 1), date(2099, 12, 31))
        gid = group.id
        maja = store.add_participant(gid, "Maja", consents=["taking_part", "store_statement"])
        ali = store.add_participant(gid, "Ali", consents=["taking_part", "store_statement"])
        mine = store.create_statement(gid, maja.id, [MARKER, "Majakattens", "", ""])
        store.save_worksheet(gid, maja.id, SafetyPlan(people_to_ask=("Søster-Solvej",)))
        store.save_worksheet(gid, maja.id, PersonalGoals(goals=(Goal("havnefronten"),)))
        store.create_statement(gid, ali.id, ["Jeg er Ali", "lave mad", "", ""])
        store.save_meeting_log(gid, MeetingLog(meeting=1, notes="Maja og Ali delte."))
        for n in range(4):
            store.update_statement(gid, mine.id, [f"{MARKER} {n}", "Majakattens", "", ""])
        store.save_run_state(gid, {"meeting": 1, "block": 2})
    aside = data / "damaged" / "groups"
    aside.mkdir(parents=True)
    (aside / f"{gid}.20250101T000000.json").write_text(f'{{"x": "{MARKER}', "utf-8")
    return Folder(data, gid, maja.id, ali.id, mine.id)


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    return _fill(tmp_path / "data")


def _protect(data: Path) -> object:
    identity = protection.new_identity()
    with open_store(data) as store:
        store.protect(PASSPHRASE, identity)
        assert store.protected
    return identity


def test_after_protect_the_marker_is_in_no_file(folder: Folder) -> None:
    data = folder.path
    before = without_lock(data)
    assert len(holding(before, MARKER_BYTES)) >= 5  # the group file, backups, damaged copy
    identity = _protect(data)
    everything = {p: (data / p).read_bytes() for p in without_lock(data)}
    assert holding(everything, MARKER_BYTES, b"Majakattens", b"Tirsdag") == []
    assert unsealed(data) == []
    # What is sealed is the same data: decrypted, every file is byte for byte what it was.
    after = opened(data, identity)
    assert {k: v for k, v in after.items() if k != "key.json"} == before
    assert sorted(p.name for p in data.iterdir()) == [
        "backups", "damaged", "groups", "key.json", "peertui.lock", "runs", "store.json"
    ]  # fmt: skip
    # key.json holds no participant data, and not the data key in clear
    key_file = (data / "key.json").read_bytes()
    assert str(identity).encode() not in key_file and b"AGE-SECRET-KEY" not in key_file


def test_new_saves_stay_encrypted(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert store.protected
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"
        store.update_statement(folder.group, folder.statement, [SECOND, "", "", ""])
        store.add_participant(folder.group, "Bodil-Zyx", consents=["taking_part"])
        store.save_run_state(folder.group, {"meeting": 2, "block": 0})
        store.create_group("Onsdag", "c", [], date(2025, 1, 1), date(2025, 12, 31))
        store.set_organisation(store.organisation())
        # a temp file, as a save writes it before putting it in place
        tmp = files.stage(data / "groups" / f"{folder.group}.json", SECOND.encode(), "x")
        assert tmp.read_bytes().startswith(files.AGE_HEADER)
        tmp.unlink()
    everything = {p: (data / p).read_bytes() for p in without_lock(data)}
    assert holding(everything, SECOND.encode(), b"Onsdag", b"Bodil-Zyx") == []
    assert unsealed(data) == []
    assert holding(opened(data, identity), SECOND.encode(), b"Onsdag")  # really saved
    with open_store(data, passphrase=PASSPHRASE, read_only=True) as store:
        assert store.statement(folder.group, folder.statement).answers[0] == SECOND
        assert sorted(g.name for g in store.groups()) == ["Onsdag", "Tirsdag"]
        assert store.run_state(folder.group) == {"meeting": 2, "block": 0}


def test_erasure_records_and_an_import_on_its_way_are_sealed(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = folder.path
    identity = _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        # An erasure written down (it names Maja) and not carried out yet.
        pending = erasure.Pending(
            id=new_id(), what="participant", group=folder.group, participant=folder.maja,
            aliases=("Maja",),
        )  # fmt: skip
        erasure.begin(data, pending)
        record = next((data / "erasures").iterdir()).read_bytes()
        assert record.startswith(files.AGE_HEADER) and b'"Maja"' not in record
        assert erasure.pending_erasures(data) == ([pending], 0)  # and it reads back
        # An import that stops after its journal was committed: staged files and journal.
        bundle = ExportBundle(groups=(store.group_data(folder.group),))
        monkeypatch.setattr(journal, "roll_forward", lambda *args: None)
        store.import_bundle(bundle, replace_all=True)
        monkeypatch.undo()
        incoming = sorted(p for p in (data / "incoming").rglob("*") if p.is_file())
        assert len(incoming) == 2  # the group file and the journal
        for path in incoming:
            assert path.read_bytes().startswith(files.AGE_HEADER), path
            assert MARKER_BYTES not in path.read_bytes()
        assert journal.read(data) is not None
    assert unsealed(data) == []
    # The next open finishes both: the import, then the erasure; all still sealed.
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert store.import_finished and len(store.finished_erasures) == 1
        assert [p.alias for p in store.participants(folder.group)] == ["Ali"]
    assert unsealed(data) == []
    assert holding(opened(data, identity), *MAJA_WORDS, MARKER_BYTES, b"Maja") == []


def test_unprotect_gives_back_the_same_plain_files(folder: Folder) -> None:
    data = folder.path
    live = data / "groups" / f"{folder.group}.json"
    twin = data / "backups" / "groups" / folder.group / "20240101T000000.000000Z.json"
    os.link(live, twin)  # as the journal leaves a file and its backup for a moment
    before = without_lock(data)
    linked = links(data)
    assert linked == [sorted([f"groups/{folder.group}.json", str(twin.relative_to(data))])]
    _protect(data)
    assert links(data) == linked  # hard links are kept while encrypting
    with open_store(data, passphrase=PASSPHRASE) as store:
        store.unprotect()
        assert not store.protected
        store.add_participant(folder.group, "Bo", consents=["taking_part"])  # saved plain
    assert sealed(data) == []
    after = without_lock(data)
    assert b'"alias":"Bo"' in after[f"groups/{folder.group}.json"]
    for name, raw in before.items():
        if name != f"groups/{folder.group}.json" and name != str(twin.relative_to(data)):
            assert after[name] == raw, name
    with open_store(data) as store:  # no passphrase needed any more
        assert not store.protected
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"


def test_unprotect_then_the_bytes_are_exactly_as_before(folder: Folder) -> None:
    data = folder.path
    before = without_lock(data)
    _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        store.unprotect()
    assert without_lock(data) == before


def test_a_protected_folder_needs_its_passphrase(folder: Folder) -> None:
    data = folder.path
    _protect(data)
    before = without_lock(data)
    for read_only in (False, True):
        with pytest.raises(protection.PassphraseNeeded):
            open_store(data, read_only=read_only)
        with pytest.raises(WrongPassphrase) as wrong:
            open_store(data, read_only=read_only, passphrase="rød hest på taget 43")
        assert str(wrong.value) == WrongPassphrase(str(data)).message
        assert "Maja" not in str(wrong.value)
    with pytest.raises(WrongPassphrase):
        open_for_app(data, passphrase="")
    assert without_lock(data) == before  # nothing changed
    with open_store(data, passphrase=PASSPHRASE) as store:  # and the lock was let go
        assert [p.alias for p in store.participants(folder.group)] == ["Maja", "Ali"]


def test_the_passphrase_is_the_same_composed_or_decomposed(tmp_path: Path) -> None:
    import unicodedata

    data = _fill(tmp_path / "data").path
    _protect(data)
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    with open_store(data, passphrase=decomposed, read_only=True) as store:
        assert store.protected


def test_change_the_passphrase(folder: Folder) -> None:
    data = folder.path
    _protect(data)
    before = without_lock(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        store.change_passphrase("ny adgangskode")
    after = without_lock(data)
    assert after.pop("key.json") != before.pop("key.json")
    assert after == before  # only the key file was rewritten
    assert not (data / "backups" / "key").exists()  # and no copy of the old one kept
    with pytest.raises(WrongPassphrase):
        open_store(data, passphrase=PASSPHRASE)
    with open_store(data, passphrase="ny adgangskode") as store:
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"


def test_the_recovery_key_opens_the_folder_and_sets_a_new_passphrase(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    key = protection.recovery_key(identity)
    assert key.startswith("AGE-SECRET-KEY-1 ") and " " in key[17:]
    # as typed from the sheet: lower case, line breaks, extra spaces
    typed = key.lower().replace(" ", "  \n", 3)
    with open_store(data, recovery=typed) as store:
        assert store.protected
        store.change_passphrase("efter glemsel")
    with open_store(data, passphrase="efter glemsel", read_only=True) as store:
        assert len(store.groups()) == 1
    # a mistyped letter: the checksum catches it
    wrong_letter = key[:-1] + ("Q" if key[-1] != "Q" else "P")
    with pytest.raises(protection.WrongRecoveryKey):
        open_store(data, recovery=wrong_letter)
    # another folder's key
    with pytest.raises(protection.WrongRecoveryKey):
        open_store(data, recovery=protection.recovery_key(protection.new_identity()))
    # the age tool's way: the recovery key is the age identity of every data file
    raw = (data / "groups" / f"{folder.group}.json").read_bytes()
    assert MARKER_BYTES in pyrage.decrypt(raw, [pyrage.x25519.Identity.from_str(str(identity))])


def test_a_lost_key_file_is_replaced_with_the_recovery_key(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    (data / "key.json").write_bytes(b"{ damaged")
    with pytest.raises(protection.KeyDamaged):
        open_store(data, passphrase=PASSPHRASE)
    with pytest.raises(protection.WrongRecoveryKey):  # checked against a sealed file
        open_store(data, recovery=protection.recovery_key(protection.new_identity()))
    with open_store(data, recovery=protection.recovery_key(identity)) as store:
        store.change_passphrase("ny")
    with open_store(data, passphrase="ny", read_only=True) as store:
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"


def test_a_deleted_key_file_is_replaced_with_the_recovery_key(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    (data / "key.json").unlink()
    assert protection.is_protected(data)  # its store.json is sealed
    with pytest.raises(protection.KeyDamaged):
        open_store(data, passphrase=PASSPHRASE)
    with open_store(data, recovery=protection.recovery_key(identity)) as store:
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"
        store.change_passphrase("ny")
    with open_store(data, passphrase="ny", read_only=True) as store:
        assert store.protected


def test_forget_and_purge_leave_no_trace_in_any_file(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    assert len(holding(opened(data, identity), *MAJA_WORDS)) >= 5
    with open_store(data, passphrase=PASSPHRASE) as store:
        done = store.forget_participant(folder.group, folder.maja)
        assert done.rewritten >= 5
    contents = opened(data, identity)
    assert holding(contents, *MAJA_WORDS, MARKER_BYTES, b"Maja") == []
    assert b"[slettet] og Ali delte." in contents[f"groups/{folder.group}.json"]
    assert unsealed(data) == []
    with open_store(data, passphrase=PASSPHRASE) as store:
        purged = store.purge(date(2100, 6, 1))
        assert [g.name for g, _unused in purged] == ["Tirsdag"]
    assert holding(opened(data, identity), b"Jeg er Ali", b"Tirsdag", folder.group.encode()) == []
    assert not (data / "backups" / "groups" / folder.group).exists()


def test_withdrawn_consent_scrubs_the_encrypted_backups(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        store.withdraw_consent(folder.group, folder.maja, "store_statement")
    assert holding(opened(data, identity), *MAJA_WORDS, MARKER_BYTES) == []
    assert unsealed(data) == []


def test_restore_a_damaged_protected_file(folder: Folder) -> None:
    data = folder.path
    identity = _protect(data)
    live = data / "groups" / f"{folder.group}.json"
    live.write_bytes(live.read_bytes()[:-20])  # cut short: the age file does not open
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert [p.file for p in store.damaged] == [f"groups/{folder.group}.json"]
        assert isinstance(store.damaged[0], StoreDamaged)
        store.restore(f"groups/{folder.group}.json")
        assert store.participants(folder.group)
    assert unsealed(data) == []
    (aside,) = [
        p for p in (data / "damaged" / "groups").iterdir() if "20250101T000000" not in p.name
    ]
    assert aside.read_bytes().startswith(files.AGE_HEADER)  # the damaged file, still sealed
    restored = pyrage.decrypt(live.read_bytes(), [identity])
    assert MARKER_BYTES in restored


def test_a_plain_damaged_file_is_sealed_when_moved_aside(folder: Folder) -> None:
    data = folder.path
    _protect(data)
    live = data / "groups" / f"{folder.group}.json"
    live.write_text(f'{{"written by hand": "{MARKER}', "utf-8")  # in clear, and damaged
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert [p.file for p in store.damaged] == [f"groups/{folder.group}.json"]
        store.restore(f"groups/{folder.group}.json")
    everything = {p: (data / p).read_bytes() for p in without_lock(data)}
    assert holding(everything, MARKER_BYTES) == [] and unsealed(data) == []


def test_status_and_info_say_the_folder_is_protected(folder: Folder, capsys) -> None:
    from peertui.cli import main
    from peertui.i18n import _

    data = folder.path
    _protect(data)
    secret = data.parent / "kode.txt"
    secret.write_text(PASSPHRASE + "\n", "utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "data", "info", "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert _("The data folder is protected with a passphrase.") in out
    with open_store(data, passphrase=PASSPHRASE, read_only=True) as store:
        assert status_lines(store) == []


def test_protect_twice_or_unprotect_a_plain_folder_is_refused(folder: Folder) -> None:
    data = folder.path
    with open_store(data) as store, pytest.raises(StoreError):
        store.unprotect()
    _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store, pytest.raises(StoreError):
        store.protect(PASSPHRASE, protection.new_identity())


def test_a_full_disk_while_turning_protection_on(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key cannot be written: nothing changed. A file cannot be converted: the change
    is written down and the next open finishes it."""
    from tests.store.helpers import fail_from

    data = folder.path
    before = without_lock(data)
    with open_store(data) as store:
        fail_from(monkeypatch, 2)  # the record is written, the key file is not
        with pytest.raises(StoreError) as caught:
            store.protect(PASSPHRASE, protection.new_identity())
        monkeypatch.undo()
        assert not isinstance(caught.value, protection.ProtectionUnfinished)
    assert without_lock(data) == before
    identity = protection.new_identity()
    with open_store(data) as store:
        fail_from(monkeypatch, 5)  # record, key, two files, then the disk is full
        with pytest.raises(protection.ProtectionUnfinished):
            store.protect(PASSPHRASE, identity)
        monkeypatch.undo()
    assert (data / "protection.json").exists() and unsealed(data)
    with open_store(data, passphrase=PASSPHRASE, read_only=True) as store:  # reads the mix
        assert store.statement(folder.group, folder.statement).answers[0] == f"{MARKER} 3"
        assert store.protection_pending == "protected"
    with open_store(data, passphrase=PASSPHRASE) as store:
        assert store.protection_finished == "protected"
        lines = status_lines(store)
    assert lines == [protection_finished_line()]
    assert unsealed(data) == [] and not (data / "protection.json").exists()
    assert {k: v for k, v in opened(data, identity).items() if k != "key.json"} == before


def protection_finished_line() -> str:
    from peertui.i18n import _

    return _("Turning on protection was interrupted and has now been finished.")


def test_a_file_sealed_to_another_key_is_damage_not_a_crash(folder: Folder) -> None:
    data = folder.path
    _protect(data)
    other = pyrage.encrypt(b'{"meta": {}}', [protection.new_identity().to_public()])
    (data / "groups" / "0123456789abcdef0123.json").write_bytes(other)
    with open_store(data, passphrase=PASSPHRASE, read_only=True) as store:
        assert [p.file for p in store.damaged] == ["groups/0123456789abcdef0123.json"]


def test_a_plain_folder_treats_a_sealed_file_as_damage(folder: Folder) -> None:
    data = folder.path
    other = pyrage.encrypt(b'{"meta": {}}', [protection.new_identity().to_public()])
    (data / "groups" / "0123456789abcdef0123.json").write_bytes(other)
    with open_store(data, read_only=True) as store:
        assert [p.file for p in store.damaged] == ["groups/0123456789abcdef0123.json"]


def _store_group_names(store: Store) -> list[str]:
    return [g.name for g in store.groups()]


def test_an_export_written_inside_a_protected_folder_is_not_sealed(folder: Folder) -> None:
    from peertui.store.portable import read_export, write_export

    data = folder.path
    _protect(data)
    with open_store(data, passphrase=PASSPHRASE) as store:
        target = data / "eksport.json"
        write_export(store.export_bundle(), target)
        assert not target.read_bytes().startswith(files.AGE_HEADER)
        assert read_export(target).groups[0].group.name == "Tirsdag"
        target.unlink()
        assert _store_group_names(store) == ["Tirsdag"]
