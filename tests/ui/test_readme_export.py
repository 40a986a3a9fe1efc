"""The README's export example works after `make run` (the demo lives in .demo-data/), and a
group that is not there is one calm line that names the data folder it looked in."""

from __future__ import annotations

import io
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

from peertui.cli.export import ExportOptions, run
from peertui.store import demo, open_store

REPO = Path(__file__).resolve().parents[2]
DEMO = "Tirsdagsgruppen (demo)"


def readme_export_line() -> str:
    """The README's export command for the demo group."""
    lines = [
        line.split("#")[0].strip()
        for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
        if "peertui export" in line and DEMO in line
    ]
    assert len(lines) == 1, lines
    return lines[0]


def test_the_readme_example_names_the_demo_folder() -> None:
    words = shlex.split(readme_export_line())
    # `make run` keeps the demo in .demo-data/ (see the Makefile): the example must look there.
    assert "DEMO   := $(CURDIR)/.demo-data" in (REPO / "Makefile").read_text(encoding="utf-8")
    assert words[words.index("--data-dir") + 1] == ".demo-data"
    assert words[words.index("--group") + 1] == DEMO


def test_the_readme_example_runs_on_the_demo(tmp_path: Path) -> None:
    """As after `make run`: the demo in ./.demo-data, the command as the README prints it."""
    with open_store(tmp_path / ".demo-data") as store:
        demo.fill(store, date.today())
    words = shlex.split(readme_export_line())
    assert words[0] == ".venv/bin/peertui"
    done = subprocess.run(
        [sys.executable, "-m", "peertui", *words[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "findes ikke" not in done.stderr
    assert done.stdout.strip() and all(
        line.endswith(".pdf") for line in done.stdout.strip().splitlines()
    )


def test_a_missing_group_names_the_folder_it_looked_in(tmp_path: Path) -> None:
    empty = tmp_path / "data"  # a data folder without the demo
    open_store(empty).close()
    options = ExportOptions(group=DEMO, folder=empty)
    out, err = io.StringIO(), io.StringIO()
    assert run(options, out, err) == 2
    lines = err.getvalue().strip().splitlines()
    assert lines == [
        f"Gruppen '{DEMO}' findes ikke i datamappen {empty}. En anden mappe vælges med --data-dir."
    ]
    assert out.getvalue() == ""
