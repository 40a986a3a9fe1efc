"""Shared for the export wiring tests: the demo group in a data folder, and ways to run the
command line in a subprocess. Reading PDFs back reuses the exporter's own test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from peertui.content import load_library
from peertui.export.links import qr_target
from peertui.store import open_store
from peertui.store.schema import GroupData

LIBRARY = load_library()
REPO = Path(__file__).resolve().parents[2]
DEMO_REF = "Tirsdagsgruppen (demo)"  # the demo group's name (its id works too)


#: The kind of sheet each guide page is about.
PAGE_KIND = {
    "personligt-statement": "statement",
    "personlige-maal": "goals",
    "tryghedsplan": "safety_plan",
    "netvaerkskort": "network_map",
}


def page_link(page_id: str) -> str | None:
    """The guide page's ``link`` in the built-in content (None: it has none)."""
    page = LIBRARY.page(page_id)
    assert page is not None
    return page.link


def footer_code(page_id: str) -> str:
    """What the footer code of a default sheet about ``page_id`` carries (no organisation):
    the page's address if it is real, else the text that explains the sheet."""
    target = qr_target(PAGE_KIND[page_id], page_link(page_id), "")
    code = target.url or target.text
    assert code is not None
    return code


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def paths(self) -> list[Path]:
        return [Path(line) for line in self.out.splitlines() if line.strip()]


def peertui(*args: str, cwd: Path | None = None) -> Run:
    """``python -m peertui ARGS`` in a subprocess, as a facilitator would run it."""
    env = {**os.environ, "PEERTUI_LANG": "da", "PYTHONPATH": str(REPO)}
    env.pop("PEERTUI_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "peertui", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        timeout=120,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_calm(run: Run) -> None:
    """A failure the way the brief wants it: non-zero, one line on stderr, no traceback."""
    assert run.code != 0
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1, run.err


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``peertui demo`` into a fresh folder, through the real command line."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    run = peertui("demo", "--data-dir", str(folder))
    assert run.code == 0, run.err
    return folder


def demo_data(folder: Path) -> GroupData:
    with open_store(folder, read_only=True) as store:
        group = store.find_group(DEMO_REF)
        return store.group_data(group.id)


def today(folder: Path) -> date:
    with open_store(folder, read_only=True) as store:
        return store.clock().astimezone().date()
