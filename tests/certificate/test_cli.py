"""``peertui certificate`` end to end: subprocesses as a trainer would run it, and
``main(argv)`` in-process for the wiring in peertui/cli/."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from peertui import training
from peertui.cli import main
from peertui.cli.certificate import find_trainee
from peertui.store import open_store
from peertui.store.errors import InvalidInput
from peertui.store.schema import Participant, Training
from tests.export.conftest import pdf_text, qr_codes, squash

from .conftest import (
    GROUP_NAME,
    NOT_READY,
    Run,
    Setup,
    certified_on,
    default_code,
    local_today,
    make_store,
    peertui,
)


def course_day() -> date:
    # 40 days ago: both teachings (after 6 and 28 days) are held and inside the 2 months.
    return local_today() - timedelta(days=40)


@pytest.fixture
def ready(tmp_path: Path) -> Setup:
    return make_store(tmp_path / "data", course_day=course_day())


def certificate(setup: Setup, *extra: str, cwd: Path | None = None) -> Run:
    return peertui("certificate", "--data-dir", str(setup.data_dir), *extra, cwd=cwd)


def assert_calm(run: Run, code: int = 2) -> None:
    assert run.code == code, run.err
    assert "Traceback" not in run.err
    assert run.out == ""
    assert len(run.err.strip().splitlines()) == 1, run.err


def test_prints_the_path_records_the_day_and_a_reprint_keeps_it(
    ready: Setup, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run = certificate(ready, "--group", GROUP_NAME, "--trainee", "maja", "--out", str(out))

    assert run.code == 0, run.err
    (line,) = run.out.splitlines()
    path = Path(line)
    assert path.parent == out.resolve() and path.is_file()
    assert path.name.startswith("bevis-") and ready.trainee_id in path.name
    assert stat.S_IMODE(out.stat().st_mode) == 0o700  # created for the trainer only
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    today = local_today()
    assert certified_on(ready) == today
    assert "registreret som udstedt" in run.err
    assert "Maja" not in run.out + run.err  # no alias in the output, only the id in the path
    assert qr_codes(path) == [[default_code()]]
    assert squash("og har derefter undervist 5 kolleger og borgere") in pdf_text(path)

    again = certificate(
        ready, "--group", ready.group_id, "--trainee", ready.trainee_id, "--out", str(out)
    )
    assert again.code == 0, again.err
    (second,) = again.out.splitlines()
    assert Path(second) != path and path.exists()
    assert "første gang udstedt" in again.err
    assert certified_on(ready) == today


def test_without_out_the_file_goes_to_the_default_folder(ready: Setup, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    run = certificate(ready, "--group", GROUP_NAME, "--trainee", "Maja", cwd=work)

    assert run.code == 0, run.err
    assert Path(run.out.strip()).parent == (work / "peertui-udskrifter").resolve()


def test_not_ready_prints_what_is_missing_and_exits_1(tmp_path: Path) -> None:
    setup = make_store(tmp_path / "data", course_day=course_day(), teachings=NOT_READY)
    out = tmp_path / "new-folder"
    run = certificate(setup, "--group", GROUP_NAME, "--trainee", "Maja", "--out", str(out))

    assert run.code == 1
    assert run.out == ""
    assert "Traceback" not in run.err
    with open_store(setup.data_dir, read_only=True) as store:
        record = store.participant(setup.group_id, setup.trainee_id).training
    assert record is not None
    lines = training.explain(training.progress(record, setup.course_day), local_today())
    assert run.err.splitlines() == ["Beviset kan ikke udskrives endnu.", *lines]
    assert not out.exists()  # nothing made, not even the folder
    assert certified_on(setup) is None


def test_unknown_trainee_unknown_group_and_a_plain_participant_are_one_calm_line(
    ready: Setup,
) -> None:
    unknown = certificate(ready, "--group", GROUP_NAME, "--trainee", "Nobody")
    assert_calm(unknown)
    assert unknown.err.strip() == "Deltageren findes ikke i gruppen."

    no_group = certificate(ready, "--group", "Ingen gruppe", "--trainee", "Maja")
    assert_calm(no_group)
    assert "Ingen gruppe" in no_group.err

    plain = certificate(ready, "--group", GROUP_NAME, "--trainee", "Ali")
    assert_calm(plain)
    assert "ikke kursist" in plain.err


def test_two_groups_with_the_same_name_ask_for_the_id(tmp_path: Path) -> None:
    first = make_store(tmp_path / "data", course_day=course_day())
    with open_store(first.data_dir) as store:
        store.create_group(GROUP_NAME, "bliv-inddragelsesfacilitator", [], date(2026, 1, 1),
                           date(2027, 1, 1))  # fmt: skip
    run = certificate(first, "--group", GROUP_NAME, "--trainee", "Maja")

    assert_calm(run)
    assert first.group_id in run.err


def test_while_the_app_holds_the_lock_it_prints_without_recording(
    ready: Setup, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with open_store(ready.data_dir):  # a running peertui on the same data folder
        run = certificate(ready, "--group", GROUP_NAME, "--trainee", "Maja", "--out", str(out))

    assert run.code == 0, run.err
    assert Path(run.out.strip()).is_file()
    assert "peertui kører på samme datamappe" in run.err
    assert "ikke gemt" in run.err
    assert certified_on(ready) is None


def test_main_runs_the_command_in_process(
    ready: Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    argv = ["--data-dir", str(ready.data_dir), "certificate", "--group", GROUP_NAME]
    code = main([*argv, "--trainee", "MAJA", "--out", str(out)])

    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert Path(captured.out.strip()).parent == out.resolve()
    assert certified_on(ready) == local_today()


def test_help_is_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["certificate", "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "--trainee KURSIST" in text
    assert "mindst 4 kolleger eller borgere" in " ".join(text.split())


class _Two:
    """A store stand-in whose group has two participants answering to one name."""

    def participants(self, group_id: str) -> list[Participant]:
        record = Training(organisation="X", role="peer")
        return [
            Participant(id="a" * 20, alias="Maja", added=date(2026, 1, 1), training=record),
            Participant(id="b" * 20, alias="maja", added=date(2026, 1, 1), training=record),
        ]


def test_an_ambiguous_trainee_names_the_ids_not_the_alias() -> None:
    with pytest.raises(InvalidInput) as caught:
        find_trainee(_Two(), "g", "MAJA")  # type: ignore[arg-type]

    assert "a" * 20 in str(caught.value) and "b" * 20 in str(caught.value)
    assert "maja" not in str(caught.value).lower()
