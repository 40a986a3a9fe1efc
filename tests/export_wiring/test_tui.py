"""Printing from the group page through Pilot, on a real store: the export runs in a worker
thread, the progress bar reaches its total, and keys are handled while it runs."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, ProgressBar, RadioButton, Static
from textual.worker import WorkerState

from peertui.export import digital_copy_text
from peertui.export.pdf import Renderer
from peertui.store import open_store
from peertui.store.demo import fill
from peertui.ui.app import PeerTUI
from peertui.ui.screens.export import WORKER_NAME, ExportScreen
from peertui.ui.screens.group import GroupScreen
from tests.export.conftest import pdf_text, qr_codes, squash
from tests.helpers import wait_for_screen, wait_until

from .conftest import LIBRARY, footer_code

DAY = date(2025, 3, 4)


@pytest.fixture
def demo_store_dir(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        data = fill(store, DAY)
    return folder, data.group.id


def text_of(screen: ExportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_group_export_keeps_answering_keys(
    demo_store_dir: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, group_id = demo_store_dir
    out = tmp_path / "ud"
    out.mkdir()

    # Make the export observable: the second sheet's render waits until the test lets it go.
    # No sleep anywhere; production code is unchanged.
    reached, gate = threading.Event(), threading.Event()
    threads: list[bool] = []
    real_pdf = Renderer.pdf

    def held_pdf(self: Renderer, html: str) -> bytes:
        threads.append(threading.current_thread() is threading.main_thread())
        if len(threads) == 2:
            reached.set()
            assert gate.wait(60)
        return real_pdf(self, html)

    monkeypatch.setattr(Renderer, "pdf", held_pdf)
    seen: list[tuple[int, int]] = []
    real_show = ExportScreen.show_progress

    def show_progress(self: ExportScreen, done: int, total: int) -> None:
        seen.append((done, total))
        real_show(self, done, total)

    monkeypatch.setattr(ExportScreen, "show_progress", show_progress)

    store = open_store(data_dir)
    app = PeerTUI(LIBRARY, store=store)
    try:
        async with app.run_test(size=(120, 50)) as pilot:
            app.action_open_group(group_id)
            await wait_for_screen(pilot, GroupScreen)
            await pilot.press("u")
            await wait_for_screen(pilot, ExportScreen)
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            assert screen.query_one("#who-group", RadioButton).value  # the whole group
            screen.query_one("#export-out", Input).value = str(out)
            copy = screen.query_one("#export-copy", Checkbox)
            assert not copy.disabled  # Maja and Fatima consented to a digital copy
            copy.value = True
            await pilot.pause()
            await pilot.press("ctrl+s")

            await wait_until(pilot, reached.is_set)
            bar = screen.query_one("#export-progress", ProgressBar)
            assert (bar.progress, bar.total) == (1, 5)
            (worker,) = [w for w in app.workers if w.name == WORKER_NAME]
            assert worker.state == WorkerState.RUNNING
            # A key that changes the screen is handled while the export runs.
            assert not screen.query("HelpPanel")
            await pilot.press("question_mark")
            await pilot.pause()
            assert screen.query("HelpPanel")
            await pilot.press("escape")  # leaving is refused until it is done
            await pilot.pause()
            assert app.screen is screen
            assert worker.state == WorkerState.RUNNING

            gate.set()
            await app.workers.wait_for_complete()
            await wait_until(pilot, lambda: not screen.exporting)
            assert (bar.progress, bar.total) == (5, 5)
            assert seen == [(n, 5) for n in range(1, 6)]
            assert threads == [False] * 5  # every PDF was made off the UI thread
            status = text_of(screen, "#export-status")
            assert str(out) in status and "5" in status
            listing = text_of(screen, "#export-files")
            for alias in ("Ali", "Fatima", "Lærke", "Maja", "Sofie"):
                assert f"{alias} · Personligt statement" in listing
            for alias in ("Jonas", "Henrik", "Mads"):
                assert alias not in listing
            assert "ikke med: 3" in text_of(screen, "#export-notices")
    finally:
        store.close()

    files = sorted(out.iterdir())
    assert len(files) == 5
    with open_store(data_dir, read_only=True) as reader:
        statements = {s.participant: s for s in reader.statements(group_id)}
        maja = reader.find_participant(group_id, "Maja")
        answers = statements[maja.id].answers
    copies = 0
    for path in files:
        (codes,) = qr_codes(path)
        assert footer_code("personligt-statement") in codes
        if len(codes) == 2:
            copies += 1
        if squash("Maja") in pdf_text(path):
            assert digital_copy_text(answers) in codes
    assert copies == 2  # Maja and Fatima


async def test_one_participant_and_a_calm_error(
    demo_store_dir: tuple[Path, str], tmp_path: Path
) -> None:
    data_dir, group_id = demo_store_dir
    # Read-only (as a second copy of the app): printing only reads, so it is offered.
    store = open_store(data_dir, read_only=True)
    app = PeerTUI(LIBRARY, store=store)
    try:
        async with app.run_test(size=(120, 50)) as pilot:
            app.action_open_group(group_id)
            await wait_for_screen(pilot, GroupScreen)
            await pilot.press("down")  # Ali, the second row
            await pilot.press("u")
            await wait_for_screen(pilot, ExportScreen)
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            screen.query_one("#who-one", RadioButton).value = True
            await pilot.pause()
            assert screen.query_one("#export-copy", Checkbox).disabled  # Ali: no consent
            screen.query_one("#export-out", Input).value = str(tmp_path / "missing" / "deeper")
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await wait_until(pilot, lambda: not screen.exporting)
            assert "findes ikke" in text_of(screen, "#export-error")
            assert app.screen is screen

            screen.query_one("#export-out", Input).value = str(tmp_path)
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await wait_until(pilot, lambda: screen.result is not None)
            assert text_of(screen, "#export-error") == ""
            assert "Ali · Personligt statement" in text_of(screen, "#export-files")
            await pilot.press("escape")
            await wait_for_screen(pilot, GroupScreen)
    finally:
        store.close()
    (path,) = [p for p in tmp_path.iterdir() if p.suffix == ".pdf"]
    assert squash("Jeg er Ali") in pdf_text(path)
