"""What the wall's two-process tests share: a private data folder and real peertui processes
in terminals (closed after the test)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ptyterm import PtyTerminal, peertui_env


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def terminals() -> Iterator[list[PtyTerminal]]:
    started: list[PtyTerminal] = []
    yield started
    for term in started:
        term.close()


def start(terminals: list[PtyTerminal], data_dir: Path, *args: str) -> PtyTerminal:
    """``peertui *args`` in a 100×30 terminal on ``data_dir``."""
    term = PtyTerminal(
        [sys.executable, "-m", "peertui", *args], peertui_env(str(data_dir)), size=(100, 30)
    )
    terminals.append(term)
    return term
