"""Starting the real program on awkward data folders: a calm line, never a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.ptyterm import PtyTerminal, peertui_env


def start(data_dir: Path) -> PtyTerminal:
    return PtyTerminal(
        [sys.executable, "-m", "peertui", "--data-dir", str(data_dir)],
        peertui_env(str(data_dir)),
        size=(100, 30),
    )


def test_a_folder_that_is_not_peertuis_is_refused_calmly(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "budget.xlsx").write_text("x")
    term = start(folder)
    try:
        term.wait_for(lambda text: not term.alive or "peertui:" in text, timeout=20)
        while term.pump(0.05):
            pass
        status = term.close()
    finally:
        term.close()
    text = term.text()
    assert "peertui:" in text
    assert "Traceback" not in text
    assert sorted(os.listdir(folder)) == ["budget.xlsx"]  # nothing written into it
    assert status is not None and os.waitstatus_to_exitcode(status) == 2


def test_a_second_copy_opens_read_only_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = start(data)
    second = None
    try:
        first.wait_for("Ny gruppe")  # the store is open: this copy is the writer
        second = start(data)
        second.wait_for(lambda text: "andet peertui" in " ".join(text.split()))
        text = " ".join(second.text().split())
        assert "skrivebeskyttet" in text
        assert "Ny gruppe" not in text  # nothing to create in a read-only copy
    finally:
        first.close()
        if second is not None:
            second.close()
