"""The command line on a closed pipe (``peertui data info | head -1``) and with damaged
files: quiet, no traceback, no "uventet fejl", no English log lines on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peertui.cli import EXIT_BROKEN_PIPE
from peertui.i18n import _

REPO = Path(__file__).resolve().parents[1]
NOISE = ("uventet fejl", "Traceback", "BrokenPipe", "Exception ignored", "damaged data file")


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "peertui", *args]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(*args), capture_output=True, text=True, timeout=20, check=False, cwd=REPO
    )


def _assert_quiet(stderr: str) -> None:
    for noise in NOISE:
        assert noise not in stderr, stderr


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    result = _run("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def _closed_stdout(*args: str) -> tuple[int, str]:
    """Run peertui with stdout a pipe whose read end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.Popen(_cmd(*args), stdout=write_end, stderr=subprocess.PIPE, cwd=REPO)
    finally:
        os.close(write_end)
    _, err = proc.communicate(timeout=20)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.parametrize("args", [("data", "info"), ("data", "restore", "--list")])
def test_closed_stdout_ends_quietly(args: tuple[str, ...], demo_dir: Path) -> None:
    status, err = _closed_stdout(*args, "--data-dir", str(demo_dir))
    assert err == ""
    assert status == EXIT_BROKEN_PIPE == 141


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("data", "info", "--help")])
def test_closed_stdout_on_help_is_quiet(args: tuple[str, ...]) -> None:
    status, err = _closed_stdout(*args)
    assert err == ""
    # click writes the help and exits 0 when the write went through; if the text was
    # still buffered, the flush in main finds the closed pipe.
    assert status in (0, EXIT_BROKEN_PIPE)


def test_reader_that_stops_after_one_line(demo_dir: Path) -> None:
    proc = subprocess.Popen(
        _cmd("data", "info", "--data-dir", str(demo_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline().decode("utf-8")
    proc.stdout.close()  # like ``| head -1``
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    status = proc.wait(timeout=20)
    assert str(demo_dir) in first
    _assert_quiet(err)
    assert err == ""
    # 0 if everything was written before the reader left, else the quiet broken-pipe status.
    assert status in (0, EXIT_BROKEN_PIPE)


def test_damaged_group_file_gives_no_english_log_line(demo_dir: Path) -> None:
    groups = sorted((demo_dir / "groups").glob("*.json"))
    assert groups
    damaged = groups[0]
    damaged.write_bytes(b"\x00garbage{{{ not json")
    result = _run("data", "info", "--data-dir", str(demo_dir))
    _assert_quiet(result.stderr)
    assert result.stderr == ""
    assert result.returncode == 0
    rel = f"groups/{damaged.name}"
    assert (
        _(
            "The data file {file} is damaged and cannot be read. It will not be "
            "changed. Run 'peertui data restore' to get the newest good backup.",
            file=rel,
        )
        in result.stdout
    )
    assert damaged.read_bytes() == b"\x00garbage{{{ not json"  # left exactly as it was


def test_peertui_logger_has_a_null_handler() -> None:
    code = (
        "import logging, peertui\n"
        "logging.getLogger('peertui.store.store').warning('damaged data file %s', 'x')\n"
        "print(json.dumps([type(h).__name__ for h in logging.getLogger('peertui').handlers]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + code],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
        cwd=REPO,
    )
    assert result.stderr == ""
    assert "NullHandler" in json.loads(result.stdout)
