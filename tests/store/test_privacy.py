"""No participant text in log lines, error messages or file names; private file modes."""

from __future__ import annotations

import errno
import logging
import os
from datetime import date
from pathlib import Path

import pytest

from peertui.store import files as storage
from peertui.store.errors import StoreError
from peertui.store.schema import MeetingLog
from peertui.store.store import open_store

ALIAS = "Zenobia"
WORDS = "Hemmeligheden om Zenobias bror"


def test_no_participant_text_in_logs_errors_or_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    errors: list[str] = []

    def attempt(action: object) -> None:
        assert callable(action)
        try:
            action()
        except StoreError as exc:
            errors.append(str(exc))

    with open_store(data) as store:
        group = store.create_group("G", "c", [], date(2025, 1, 1), date(2025, 12, 31))
        gid = group.id
        p = store.add_participant(gid, ALIAS, consents=["store_statement"])
        s = store.create_statement(gid, p.id, [WORDS, "", "", ""])
        store.save_meeting_log(gid, MeetingLog(meeting=1, notes=WORDS))
        attempt(lambda: store.add_participant(gid, ALIAS))  # taken
        attempt(lambda: store.find_participant(gid, ALIAS + "x"))  # not found
        attempt(lambda: store.update_statement(gid, s.id, [WORDS + " 010203-1234", "", "", ""]))

        def full(fd: int, payload: bytes) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(storage, "_write_all", full)
        attempt(lambda: store.update_statement(gid, s.id, [WORDS + "!", "", "", ""]))
        monkeypatch.undo()
        henrik = store.add_participant(gid, "Henrik")
        attempt(lambda: store.create_statement(gid, henrik.id, [WORDS, "", "", ""]))
    (data / "groups" / f"{gid}.json").write_text(WORDS, encoding="utf-8")  # damage it
    with open_store(data) as store:
        errors.extend(str(p) for p in store.damaged)
        attempt(lambda: store.participants(gid))

    assert len(errors) == 7
    for text in (ALIAS, "Zenobias", "Hemmelig", "010203"):
        assert all(text not in e for e in errors), text
        assert text not in caplog.text
        assert all(text not in p.name for p in data.rglob("*"))


def test_modes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        data = tmp_path / "data"
        with open_store(data) as store:
            group = store.create_group("G", "c", [], date(2025, 1, 1), date(2025, 12, 31))
            for alias in ("A", "B", "C"):
                store.add_participant(group.id, alias)
    finally:
        os.umask(old)
    for path in [data, *data.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path
