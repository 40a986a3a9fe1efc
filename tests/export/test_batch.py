"""export_sheets as a whole: one PDF or many, progress from a worker thread, notices, logging,
and importing the package without WeasyPrint."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pypdfium2
import pytest

from peertui.export import (
    ExportError,
    GoalsSheet,
    NetworkPerson,
    PdfUnavailable,
    StatementSheet,
    export_sheets,
)
from peertui.i18n import _
from tests.export.conftest import DAY, LINK, folder, page_count, pdf_text, qr_codes

ANSWERS = ("Hej æøå", "Det er vigtigt", "Hjælp til", "Så jeg kan")


def _sheets(count: int) -> list[StatementSheet]:
    return [StatementSheet(f"Deltager {i}", DAY, ANSWERS, LINK) for i in range(count)]


def test_importing_the_package_does_not_import_weasyprint_or_qrcode() -> None:
    code = (
        "import sys, peertui.export\n"
        "from peertui.export import export_sheets, StatementSheet, digital_copy_fits\n"
        "digital_copy_fits(('a', 'b', 'c', 'd'))\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'weasyprint', 'qrcode', 'pydyf', 'fontTools', 'PIL'})\n"
        "print('HEAVY:', ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "HEAVY:"


def test_one_file_holds_every_sheet_in_order(out_dir: Path) -> None:
    sheets = [*_sheets(5), GoalsSheet("Deltager 5", DAY, (), "https://example.org/guide/maal")]
    result = export_sheets(sheets, folder(out_dir, "one"), one_file=True)
    (path,) = result.paths
    assert path.name == _("peertui-sheets") + "-2025-03-04.pdf"
    assert result.sheet_paths == (path,) * 6
    assert page_count(path) == 6
    text = pdf_text(path)
    positions = [text.find(f"Deltager{i}") for i in range(6)]
    assert positions == sorted(positions) and positions[0] >= 0
    codes = qr_codes(path)
    assert codes[:5] == [[LINK]] * 5
    # A placeholder address is never printed: the code explains the sheet instead.
    assert codes[5] == [
        _(
            "Personal goals: what I want, why, my first small step, and who can "
            "help. Feel free to ask me how it is going."
        )
    ]


def test_separate_files_one_per_sheet(out_dir: Path) -> None:
    result = export_sheets(_sheets(3), folder(out_dir, "many"))
    assert len(result.paths) == 3
    assert result.sheet_paths == result.paths
    for i, path in enumerate(result.paths):
        assert page_count(path) == 1
        assert f"Deltager{i}" in pdf_text(path)


@pytest.mark.parametrize("one_file", [False, True])
def test_progress_is_reported_from_the_worker_thread(out_dir: Path, one_file: bool) -> None:
    calls: list[tuple[int, int, int]] = []
    errors: list[BaseException] = []
    target = folder(out_dir, f"progress-{one_file}")

    def work() -> None:
        try:
            export_sheets(
                _sheets(5),
                target,
                one_file=one_file,
                progress=lambda done, total: calls.append((done, total, threading.get_ident())),
            )
        except BaseException as error:  # pragma: no cover - shown by the assert below
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert {ident for *_, ident in calls} == {worker.ident}
    done = [d for d, _, _ in calls]
    assert done == sorted(done) and done[-1] == 5
    assert {total for _, total, _ in calls} == {5}
    if not one_file:
        assert done == [1, 2, 3, 4, 5]


def test_nothing_to_export_is_a_clear_error(out_dir: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export_sheets([], out_dir)
    assert str(caught.value) == _("There are no sheets to print.")


def test_characters_no_font_has_give_a_notice_and_stay_in_the_text(
    out_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """🌞 is in neither Fira Sans nor DejaVu Sans: it prints as a box. The
    facilitator is told (without the text), the PDF's text layer keeps it, and WeasyPrint's
    warning, which quotes the text, reaches no log."""
    sheets = [
        StatementSheet("Sol", DAY, ("Solen skinner 🌞", "b", "c", "d"), LINK),
        StatementSheet("Smil", DAY, ("Et smil 😊", "b", "c", "d"), LINK),
    ]
    with caplog.at_level(logging.DEBUG):
        result = export_sheets(sheets, folder(out_dir, "glyphs"))
    assert [(n.sheet, n.message) for n in result.notices] == [
        (
            0,
            _(
                "Some characters (e.g. certain emoji) are not in the sheet's fonts and "
                "will show as a square on paper. They are included in the PDF file's "
                "text."
            ),
        )
    ]
    document = pypdfium2.PdfDocument(str(result.paths[0]))
    try:
        assert "Solen skinner 🌞" in document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert not [r for r in caplog.records if "🌞" in r.getMessage()]
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]


def test_missing_weasyprint_is_a_calm_danish_error(
    out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    target = folder(out_dir, "no-weasyprint")
    with pytest.raises(PdfUnavailable) as caught:
        export_sheets(_sheets(1), target)
    assert str(caught.value) == _(
        "PDF printing needs WeasyPrint and the system libraries Pango and "
        "HarfBuzz, and they are missing on this computer. Run 'make setup' to "
        "see what needs to be installed."
    )
    assert list(target.iterdir()) == []


def test_bad_input_is_refused_early() -> None:
    with pytest.raises(ValueError):
        StatementSheet("Kim", DAY, ("a", "b", "c"), None)  # type: ignore[arg-type]
    with pytest.raises(ValueError) as caught:
        NetworkPerson("Hemmelig Person", 4, "family")
    assert "Hemmelig" not in str(caught.value)
    with pytest.raises(ValueError):
        NetworkPerson("Anne", 1, "neighbours")
