"""``peertui export`` from start to finish, in subprocesses: ``peertui demo``, then the export,
then the PDFs read back (text with pypdf, QR codes with pypdfium2 + zxing-cpp)."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pypdf
import pytest

from peertui.export import digital_copy_text
from peertui.store import open_store
from peertui.store.schema import GroupData, Organisation
from tests.export.conftest import image_count, logo_png, pdf_text, qr_codes, squash

from .conftest import DEMO_REF, PAGE_KIND, Run, assert_calm, demo_data, footer_code, peertui

NO_PRINTING = ("Jonas", "Henrik", "Mads")


def newest_answers(data: GroupData, alias: str) -> tuple[str, ...]:
    pid = next(p.id for p in data.participants if p.alias == alias)
    own = [s for s in data.statements if s.participant == pid]
    return max(own, key=lambda s: s.current.saved).answers


def owner(text: str, aliases: list[str]) -> str:
    """Whose sheet a PDF is: the alias in its header (and footer)."""
    found = [a for a in aliases if squash(a) in text]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def everything(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp("all")
    # --data-dir after the command, as with the other commands.
    run = peertui("export", "--data-dir", str(demo_dir), "--group", DEMO_REF, "--out", str(out),
                  "--what", "all")  # fmt: skip
    return run, out


def test_all_writes_every_sheet_and_prints_each_path(everything: tuple[Run, Path]) -> None:
    run, out = everything
    assert run.code == 0, run.err
    assert sorted(run.paths) == sorted(out.iterdir())
    assert len(run.paths) == 5 + 3 + 2 + 2 + 1  # statements, goals, safety, network, summary
    for path in run.paths:
        assert path.is_absolute() and path.parent == out.resolve()
        assert path.stat().st_mode & 0o777 == 0o600
    # File names say what and when, never who.
    for path in run.paths:
        for alias in ("maja", "ali", "sofie", "fatima", "laerke", "lrke"):
            assert alias not in path.name.casefold()
    # Consent: counted on stderr, never named.
    assert "uden samtykke til udskrift er ikke med: 3" in run.err
    for alias in NO_PRINTING:
        assert alias not in run.err
    assert str(out.resolve()) in run.err.splitlines()[-1]


def test_statements_read_back_with_their_words_and_link(
    everything: tuple[Run, Path], demo_dir: Path
) -> None:
    run, _ = everything
    data = demo_data(demo_dir)
    aliases = [p.alias for p in data.participants]
    statements = [p for p in run.paths if p.name.startswith("personligt-statement-")]
    assert len(statements) == 5
    seen = set()
    for path in statements:
        text = pdf_text(path)
        alias = owner(text, aliases)
        seen.add(alias)
        for answer in newest_answers(data, alias):
            assert squash(answer) in text
        # Only the link to the guide page: no digital copy without --digital-copy.
        assert qr_codes(path) == [[footer_code("personligt-statement")]]
    assert seen == {"Ali", "Fatima", "Lærke", "Maja", "Sofie"}


def test_worksheets_and_summary_read_back(everything: tuple[Run, Path]) -> None:
    run, _ = everything
    by_kind: dict[str, list[Path]] = {}
    for path in run.paths:
        by_kind.setdefault(path.name.rsplit("-", 4)[0], []).append(path)
    assert {k: len(v) for k, v in by_kind.items()} == {
        "personligt-statement": 5,
        "personlige-maal": 3,
        "tryghedsplan": 2,
        "netvaerkskort": 2,
        "gruppeoversigt": 1,
    }
    (safety,) = [p for p in by_kind["tryghedsplan"] if "Maja" in pdf_text(p)]
    assert squash("Min kat og min søster") in pdf_text(safety)
    assert qr_codes(safety)[0] == [footer_code("tryghedsplan")]
    (summary,) = by_kind["gruppeoversigt"]
    text = pdf_text(summary)
    assert squash("Tirsdagsgruppen (demo)") in text
    assert squash("Vejen til hverdagslivet") in text
    for alias in ("Maja", "Ali", "Sofie", "Jonas", "Fatima", "Henrik", "Lærke", "Mads"):
        assert alias not in text
    assert squash("stemning") not in text  # the facilitators' notes stay out too
    assert qr_codes(summary) == [[]]


def test_no_placeholder_address_anywhere_in_the_default_output(
    everything: tuple[Run, Path],
) -> None:
    """The built-in content has no real links and no organisation is set: every code on every
    page explains its sheet, and "example." is in no code and no text."""
    run, _ = everything
    explained = {footer_code(page) for page in PAGE_KIND}
    for path in run.paths:
        assert "example." not in pdf_text(path)
        for page in qr_codes(path):
            for code in page:
                assert "example." not in code
                assert code in explained, code[:40]


def test_one_file_is_titled_by_the_group(demo_dir: Path, tmp_path: Path) -> None:
    run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF, "--one-file",
                  "--out", str(tmp_path))  # fmt: skip
    assert run.code == 0, run.err
    (path,) = run.paths
    metadata = pypdf.PdfReader(path).metadata
    assert metadata is not None and metadata.title == DEMO_REF
    assert metadata.author is None  # no organisation set


def test_the_organisation_is_on_every_printed_sheet(demo_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_dir, data_dir)
    with open_store(data_dir) as store:
        store.set_organisation(
            Organisation(
                name="Foreningen Sind Midt",
                line="Peer-støtte og recovery",
                contact="Tlf. 12 34 56 78",
                website="https://peer-forening.dk/arkene",
                logo=base64.b64encode(logo_png()).decode("ascii"),
            )
        )
    out = tmp_path / "out"
    run = peertui("--data-dir", str(data_dir), "export", "--group", DEMO_REF, "--what", "all",
                  "--out", str(out))  # fmt: skip
    assert run.code == 0, run.err
    assert len(run.paths) == 13
    for path in run.paths:
        text = pdf_text(path)
        for needle in ("Foreningen Sind Midt", "Peer-støtte og recovery", "Tlf. 12 34 56 78"):
            assert squash(needle) in text
        assert image_count(path) == 1
        metadata = pypdf.PdfReader(path).metadata
        assert metadata is not None and metadata.author == "Foreningen Sind Midt"
        codes = qr_codes(path)
        if path.name.startswith("gruppeoversigt"):
            assert all(page == [] for page in codes)
        else:
            assert codes[0] == ["https://peer-forening.dk/arkene"]


def test_no_sheet_for_anyone_without_printing_consent(everything: tuple[Run, Path]) -> None:
    run, _ = everything
    for path in run.paths:
        text = pdf_text(path)
        for alias in NO_PRINTING:
            assert alias not in text


def test_digital_copy_only_with_the_flag_and_the_consent(demo_dir: Path, tmp_path: Path) -> None:
    data = demo_data(demo_dir)
    aliases = [p.alias for p in data.participants]
    # The app holds the data folder while the command runs: it reads without the lock.
    with open_store(demo_dir):
        run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                      "--out", str(tmp_path), "--digital-copy")  # fmt: skip
    assert run.code == 0, run.err
    assert len(run.paths) == 5
    copies = {}
    for path in run.paths:
        alias = owner(pdf_text(path), aliases)
        (codes,) = qr_codes(path)
        copies[alias] = [c for c in codes if c != footer_code("personligt-statement")]
        assert footer_code("personligt-statement") in codes
    assert copies == {
        "Maja": [digital_copy_text(newest_answers(data, "Maja"))],
        "Fatima": [digital_copy_text(newest_answers(data, "Fatima"))],
        "Ali": [],
        "Sofie": [],
        "Lærke": [],
    }
    assert "samtykke til den: 3" in run.err


def test_one_participant_one_file_and_link_override(demo_dir: Path, tmp_path: Path) -> None:
    run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                  "--participant", "maja", "--what", "all", "--one-file",
                  "--link", "https://peer-forening.dk/ark", "--out", str(tmp_path))  # fmt: skip
    assert run.code == 0, run.err
    (path,) = run.paths
    assert path.name.startswith("peertui-ark-")
    codes = qr_codes(path)
    assert len(codes) >= 4  # statement, goals, safety plan, network map (maybe more pages)
    assert all(c == ["https://peer-forening.dk/ark"] for c in codes)


def test_existing_files_are_kept_unless_force(demo_dir: Path, tmp_path: Path) -> None:
    args = ("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
            "--participant", "Ali", "--out", str(tmp_path))  # fmt: skip
    first = peertui(*args)
    assert first.code == 0, first.err
    (path,) = first.paths
    path.write_bytes(b"not the sheet")
    again = peertui(*args)
    assert_calm(again)
    assert "findes allerede" in again.err
    assert path.read_bytes() == b"not the sheet"
    forced = peertui(*args, "--force")
    assert forced.code == 0, forced.err
    assert forced.paths == [path]
    assert path.read_bytes().startswith(b"%PDF")


def test_missing_out_folder_is_one_calm_line(demo_dir: Path, tmp_path: Path) -> None:
    run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                  "--out", str(tmp_path / "nope" / "deeper"))  # fmt: skip
    # The consent notice comes first; then the error, one line.
    lines = run.err.strip().splitlines()
    assert run.code == 2 and "Traceback" not in run.err
    assert "findes ikke" in lines[-1]
    assert len(lines) == 2
    assert not (tmp_path / "nope").exists()


def test_a_new_out_folder_is_made_private(demo_dir: Path, tmp_path: Path) -> None:
    run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                  "--what", "summary", "--out", str(tmp_path / "x"))  # fmt: skip
    assert run.code == 0, run.err
    assert (tmp_path / "x").stat().st_mode & 0o777 == 0o700
    assert [p.parent for p in run.paths] == [tmp_path / "x"]
    assert "er oprettet" in run.err


def test_unwritable_out_folder_is_one_calm_line(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from peertui.cli import main
    from peertui.export import files

    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.geteuid() == 0:  # root may write anywhere: make the check say no, as for others
        real_access = os.access
        monkeypatch.setattr(
            files.os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode)
        )
    code = main(["--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                 "--participant", "Ali", "--out", str(locked)])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        f"peertui må ikke skrive i mappen {locked}. Vælg en anden mappe."
    ]
    assert list(locked.iterdir()) == []


def test_calm_lines_for_unknown_group_and_no_consent(demo_dir: Path, tmp_path: Path) -> None:
    unknown = peertui("--data-dir", str(demo_dir), "export", "--group", "Ingen",
                      "--out", str(tmp_path))  # fmt: skip
    assert_calm(unknown)
    jonas = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                    "--participant", "Jonas", "--out", str(tmp_path))  # fmt: skip
    assert jonas.code == 2 and "Traceback" not in jonas.err
    assert jonas.err.strip().splitlines() == [
        "Deltagere uden samtykke til udskrift er ikke med: 1.",
        "Der er ingen ark at udskrive.",
    ]
    assert list(tmp_path.iterdir()) == []


def test_default_folder_in_the_working_directory(demo_dir: Path, tmp_path: Path) -> None:
    run = peertui("--data-dir", str(demo_dir), "export", "--group", DEMO_REF,
                  "--what", "summary", cwd=tmp_path)  # fmt: skip
    assert run.code == 0, run.err
    folder = tmp_path / "peertui-udskrifter"
    assert folder.stat().st_mode & 0o777 == 0o700
    (path,) = run.paths
    assert path.parent == folder
    assert str(folder) in run.err
