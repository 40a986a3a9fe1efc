"""'Udskriv bevis' (c) on the trainee page: what is missing when the rule is not met (and
nothing written), a PDF made in a worker thread when it is, in the export screen's folder."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from textual.widgets import LoadingIndicator

import peertui.export.certificate as certificate
from peertui.export.from_store import DEFAULT_OUT_NAME
from peertui.ui.dialogs.certificate import WORKER_NAME, CertificateDialog
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.trainee import TraineeScreen
from tests.export.conftest import pdf_text

from .helpers import seed, visible_text, wait_for_screen, wait_until

#: 3 people who count, and colleagues without contact with citizens (who do not).
NOT_YET = [(3, "citizens", 2, None), (5, "colleagues", 4, False), (6, "colleagues", 1, True)]
READY = [*NOT_YET, (9, "citizens", 1, None)]


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder peertui was started in: the certificate goes to ./peertui-udskrifter."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def dialog_text(app) -> str:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, CertificateDialog)
    return "\n".join(
        str(screen.query_one(selector).render()) for selector in ("#cert-status", "#cert-lines")
    )


async def open_trainee(pilot, group: str) -> TraineeScreen:  # type: ignore[no-untyped-def]
    pilot.app.action_open_group(group)
    await wait_for_screen(pilot, GroupScreen)
    await pilot.press("enter")
    await wait_for_screen(pilot, TraineeScreen)
    return pilot.app.screen


async def test_not_ready_shows_what_is_missing_and_writes_nothing(
    tmp_path: Path, cwd: Path
) -> None:
    seeded = seed(tmp_path, taught=NOT_YET)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_trainee(pilot, seeded.group)
        await pilot.press("c")
        await wait_for_screen(pilot, CertificateDialog)
        await pilot.pause()
        text = dialog_text(app)
        assert "Beviset kan ikke udskrives endnu." in text
        assert "3 af 4 personer undervist, som tæller." in text
        assert "Mangler 1 person" in text
        assert "Undervisningen 05.10.2026 (4 personer) tæller ikke" in text
        assert "senest 01.12.2026" in visible_text(app)  # on screen, not only in the widget
        assert not [w for w in app.workers if w.name == WORKER_NAME]
        await pilot.press("escape")
        await wait_for_screen(pilot, TraineeScreen)
    assert list(cwd.iterdir()) == []  # not even the folder
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None and training.certified is None
    store.close()


async def test_ready_writes_a_private_pdf_off_the_ui_thread(
    tmp_path: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = seed(tmp_path, taught=READY)
    threads: list[bool] = []
    real_render = certificate.render_certificate

    def render(data: certificate.CertificateData) -> bytes:
        threads.append(threading.current_thread() is threading.main_thread())
        return real_render(data)

    monkeypatch.setattr(certificate, "render_certificate", render)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        page = await open_trainee(pilot, seeded.group)
        assert "Klar til bevis" in visible_text(app)
        await pilot.press("c")
        await wait_for_screen(pilot, CertificateDialog)
        dialog = app.screen
        assert isinstance(dialog, CertificateDialog)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: dialog.path is not None)
        assert not dialog.query_one(LoadingIndicator).display
        path = dialog.path
        assert path is not None
        text = dialog_text(app)
        assert "Beviset er skrevet." in text
        assert f"Mappe: {path.parent}" in text
        assert f"Fil: {path.name}" in text
        assert "Udstedt 15.10.2026: datoen er gemt ved kursisten." in text
        await pilot.press("escape")
        await wait_for_screen(pilot, TraineeScreen)
        assert "Bevis udstedt 15.10.2026." in visible_text(app)
        assert app.screen is page
        await pilot.press("escape")
        await wait_for_screen(pilot, GroupScreen)
        assert "bevis udstedt 15.10.2026" in visible_text(app)

        # A reprint: a new file, the first day kept.
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        await pilot.press("c")
        await wait_for_screen(pilot, CertificateDialog)
        second = app.screen
        assert isinstance(second, CertificateDialog)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: second.path is not None)
        assert second.path != path
        assert "første gang udstedt 15.10.2026" in dialog_text(app)

    assert threads == [False, False]  # both made in the worker thread
    folder = cwd / DEFAULT_OUT_NAME
    assert path.parent == folder.resolve()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "Lene" not in path.name  # an id in the name, never the alias
    assert path.read_bytes().startswith(b"%PDF")
    assert "Lene" in pdf_text(path)
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None and training.certified is not None
    assert training.certified.isoformat() == "2026-10-15"
    store.close()


async def test_a_file_where_the_folder_should_be_is_one_calm_line(
    tmp_path: Path, cwd: Path
) -> None:
    (cwd / DEFAULT_OUT_NAME).write_text("not a folder")
    seeded = seed(tmp_path, taught=READY)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_trainee(pilot, seeded.group)
        await pilot.press("c")
        await wait_for_screen(pilot, CertificateDialog)
        dialog = app.screen
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: not dialog.running)
        text = dialog_text(app)
        assert DEFAULT_OUT_NAME in text
        assert "Traceback" not in visible_text(app)
        assert dialog.query_one("#cert-status").has_class("error")
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None and training.certified is None
    store.close()
