"""File names that stay inside the folder, atomic writes, no silent overwrites, and calm
Danish errors for folders we cannot write to."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import pytest

from peertui.export import (
    GroupSummary,
    OutputExists,
    OutputFolderMissing,
    OutputNotWritable,
    StatementSheet,
    export_sheets,
    files,
    target_names,
)
from peertui.i18n import N_, _
from tests.export.conftest import DAY, folder, pdf_text

ANSWERS = ("a", "b", "c", "d")


def _sheet(alias: str) -> StatementSheet:
    return StatementSheet(alias, DAY, ANSWERS, None)


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Søren", "soeren"),
        ("Åse Ærø", "aase-aeroe"),
        ("José", "jose"),
        ("../../x", "x"),
        ("..\\..\\Windows\\x", "windows-x"),
        ("/etc/passwd", "etc-passwd"),
        ("CON", "deltager"),
        ("nul", "deltager"),
        ("COM1", "deltager"),
        ("NUL.txt", "nul-txt"),
        ("😊🌞", "deltager"),
        ("...", "deltager"),
        ("a\x00b:c*d?e", "a-b-c-d-e"),
        ("x" * 200, "x" * 40),
        ("Ｋｉｍ", "kim"),  # full-width letters
    ],
)
def test_safe_part(alias: str, expected: str) -> None:
    assert files.safe_part(alias, "deltager") == expected


def test_names_are_anonymous_by_default() -> None:
    names = target_names([_sheet("Søren"), _sheet("Kim")], one_file=False, anonymous_names=True)
    assert names == [
        "personligt-statement-2025-03-04-01.pdf",
        "personligt-statement-2025-03-04-02.pdf",
    ]


def test_names_with_aliases_are_sanitised_and_unique() -> None:
    sheets = [_sheet("Kim"), _sheet("kim"), _sheet("../../x"), _sheet("CON"), _sheet("😊")]
    names = target_names(sheets, one_file=False, anonymous_names=False)
    assert names == [
        "personligt-statement-kim-2025-03-04.pdf",
        "personligt-statement-kim-2025-03-04-2.pdf",
        "personligt-statement-x-2025-03-04.pdf",
        "personligt-statement-deltager-2025-03-04.pdf",
        "personligt-statement-deltager-2025-03-04-2.pdf",
    ]


def test_group_summary_is_never_named_after_anyone() -> None:
    summary = GroupSummary("Tirsdag", "Kursus", DAY, 3, ())
    (name,) = target_names([summary], one_file=False, anonymous_names=False)
    assert name == "gruppeoversigt-2025-03-04-01.pdf"


def test_hostile_aliases_stay_inside_the_folder(tmp_path: Path) -> None:
    out = folder(tmp_path, "out")
    aliases = ["../../x", "CON", "NUL.txt", "😊😊", "/etc/passwd", "..", "a/../../b"]
    result = export_sheets([_sheet(a) for a in aliases], out, anonymous_names=False)
    assert len(result.paths) == len(aliases)
    for path in result.paths:
        assert path.parent == out.resolve()
        assert path.suffix == ".pdf"
        assert re.fullmatch(r"[a-z0-9-]+", path.stem)  # a plain ASCII slug
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.paths)
    assert not (tmp_path / "x.pdf").exists()


def test_files_are_private_and_no_temp_file_is_left(tmp_path: Path) -> None:
    result = export_sheets([_sheet("Kim")], tmp_path)
    (path,) = result.paths
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert path.read_bytes().startswith(b"%PDF-")


def test_existing_files_are_not_overwritten_without_force(tmp_path: Path) -> None:
    first = export_sheets([_sheet("Kim")], tmp_path, anonymous_names=False)
    (path,) = first.paths
    path.write_bytes(b"the facilitator's own file")
    with pytest.raises(OutputExists) as caught:
        export_sheets([_sheet("Kim")], tmp_path, anonymous_names=False)
    assert path.read_bytes() == b"the facilitator's own file"
    assert caught.value.paths == (path,)
    assert str(caught.value) == _(
        "{count} of the files already exist in {dir}. Nothing has been "
        "overwritten. Choose another folder, or choose to overwrite.",
        count=1,
        dir=tmp_path.resolve(),
    )
    assert "Kim" not in str(caught.value) and "kim" not in str(caught.value)
    export_sheets(
        [StatementSheet("Kim", DAY, ("Nyt", "b", "c", "d"), None)],
        tmp_path,
        anonymous_names=False,
        force=True,
    )
    assert "Nyt" in pdf_text(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_existing_file_appearing_during_the_export_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    with pytest.raises(OutputExists):
        files.write_atomic(target, b"%PDF-new", force=False)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_without_hard_links_it_still_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and exFAT USB sticks have no hard links: fall back to check-then-replace."""

    def no_link(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "x.pdf"
    files.write_atomic(target, b"%PDF-1", force=False)
    assert target.read_bytes() == b"%PDF-1"
    with pytest.raises(OutputExists):
        files.write_atomic(target, b"%PDF-2", force=False)
    files.write_atomic(target, b"%PDF-3", force=True)
    assert target.read_bytes() == b"%PDF-3"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputFolderMissing) as caught:
        export_sheets([_sheet("Kim")], tmp_path / "nope")
    assert str(caught.value) == _(
        "The folder {dir} does not exist. Choose a folder that exists.", dir=tmp_path / "nope"
    )


def test_unwritable_folder_is_a_calm_danish_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, where chmod does not stop writes: pretend instead.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path else real_access(p, mode)
    )
    with pytest.raises(OutputNotWritable) as caught:
        export_sheets([_sheet("Kim")], tmp_path)
    assert str(caught.value) == _(
        "peertui is not allowed to write in the folder {dir}. Choose another folder.", dir=tmp_path
    )
    assert "Traceback" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_really_read_only_folder(tmp_path: Path) -> None:  # pragma: no cover - not as root
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputNotWritable):
            export_sheets([_sheet("Kim")], tmp_path)
    finally:
        tmp_path.chmod(0o700)


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (
            errno.ENOSPC,
            N_(
                "There is no space on the disk for {dir}. The file that was being "
                "written has not been saved. Free up space and try again."
            ),
        ),
        (
            errno.EACCES,
            N_("peertui is not allowed to write in the folder {dir}. Choose another folder."),
        ),
        (
            errno.EIO,
            N_(
                "Could not save in the folder {dir} (error {code}). The file that was "
                "being written has not been saved. Try again, or choose another folder."
            ),
        ),
    ],
)
def test_write_errors_leave_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, key: str
) -> None:
    real_write = os.write

    def failing_write(fd: int, data: bytes) -> int:
        if len(data) > 100:  # the PDF, not something else
            raise (PermissionError if code == errno.EACCES else OSError)(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", failing_write)
    with pytest.raises(OutputNotWritable) as caught:
        export_sheets([_sheet("Kim")], tmp_path)
    expected = _(key, dir=tmp_path.resolve(), code=errno.errorcode[code])
    assert str(caught.value) == expected
    assert list(tmp_path.iterdir()) == []


def test_inside_refuses_anything_but_a_plain_name(tmp_path: Path) -> None:
    for bad in ("", ".", "..", "a/b", "a\\b", "a\0b", "../x.pdf"):
        with pytest.raises(ValueError):
            files.inside(tmp_path, bad)
    assert files.inside(tmp_path, "x.pdf") == tmp_path / "x.pdf"
