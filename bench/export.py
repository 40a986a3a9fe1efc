"""Exporting personal statements to PDF: 12 and 30 participants, as one PDF and as separate PDFs.

Each row is seconds per sheet for the whole ``export_sheets`` call (HTML, QR codes, layout, PDF,
atomic write with fsync), against a bare WeasyPrint render of the same HTML
(``weasyprint.HTML(string=...).write_pdf()`` with its defaults, no file written), timed in the
same loop, alternating. Target: at most 1.2 times the bare render, and the 30-sheet batch in
under 5 s. WeasyPrint is imported and warmed up before anything is timed.

The statements are realistic (four answers of 150-260 characters, æøå), each with the footer's
link QR code and no digital copy (a participant has to choose one). A last row prints 12
statements that all carry a digital copy, where every sheet also encodes a large QR code.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import Row, median
from peertui.export import StatementSheet, export_sheets
from peertui.export.pdf import load_weasyprint
from peertui.export.sheets import build, document

SIZES = (12, 30)
REPS = 5
TARGET_RATIO = 1.2
TARGET_BATCH = 5.0
LINK = "https://example.org/guide/personligt-statement"

_TEXT = (
    "jeg vil gerne have hjælp til at finde en rytme i hverdagen så kan være der for mine børn "
    "og stadig have overskud til at se venner om aftenen det er vigtigt for mig blive hørt "
    "når vi taler om min fremtid på jobcentret gå ture med hunden læse bøger synge i kor"
)
_WORDS = _TEXT.split()


def _answer(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < target:
        words.append(rng.choice(_WORDS))
    return " ".join(words).capitalize() + "."


def statements(count: int, *, digital_copy: bool = False, seed: int = 7) -> list[StatementSheet]:
    rng = random.Random(seed)
    low, high = (110, 170) if digital_copy else (150, 260)
    return [
        StatementSheet(
            alias=f"Deltager {i + 1}",
            date=date(2025, 3, 4),
            answers=(
                _answer(rng, low, high),
                _answer(rng, low, high),
                _answer(rng, low, high),
                _answer(rng, low, high),
            ),
            link=LINK,
            digital_copy=digital_copy,
        )
        for i in range(count)
    ]


def _bare(weasyprint: object, htmls: list[str]) -> float:
    start = time.perf_counter()
    for html in htmls:
        weasyprint.HTML(string=html).write_pdf()  # type: ignore[attr-defined]
    return time.perf_counter() - start


def _ours(sheets: list[StatementSheet], folder: Path, one_file: bool) -> float:
    start = time.perf_counter()
    export_sheets(sheets, folder, one_file=one_file, force=True)
    return time.perf_counter() - start


def _measure(
    weasyprint: object, sheets: list[StatementSheet], one_file: bool, folder: Path, reps: int = REPS
) -> tuple[float, float, float]:
    """Median seconds of ours and of the bare render, and the median of the paired ratios
    (each of ours against the bare render next to it: steadier when the load changes)."""
    parts = [build(s).html for s in sheets]
    htmls = [document(parts)] if one_file else [document([p]) for p in parts]
    ours, bare = [], []
    for rep in range(reps):
        if rep % 2:
            bare.append(_bare(weasyprint, htmls))
            ours.append(_ours(sheets, folder, one_file))
        else:
            ours.append(_ours(sheets, folder, one_file))
            bare.append(_bare(weasyprint, htmls))
    ratio = median([o / b for o, b in zip(ours, bare, strict=True)])
    return median(ours), median(bare), ratio


def run() -> list[Row]:
    weasyprint = load_weasyprint()
    folder = Path(tempfile.mkdtemp(prefix="peertui-bench-export-"))
    rows: list[Row] = []
    try:
        export_sheets(statements(2), folder, force=True)  # warm-up: fonts, QR, CSS
        weasyprint.HTML(string=document([build(statements(1)[0]).html])).write_pdf()
        for count in SIZES:
            sheets = statements(count)
            for one_file in (True, False):
                ours, bare, ratio = _measure(weasyprint, sheets, one_file, folder)
                how = "one PDF" if one_file else "separate PDFs"
                batch_note = f"batch {ours:.2f} s"
                if count == 30:
                    batch_note += f" (target < {TARGET_BATCH:g} s; bare WeasyPrint {bare:.2f} s)"
                rows.append(
                    Row(
                        f"export {count} statements, {how}: per sheet",
                        ours / count,
                        bare / count,
                        "bare WeasyPrint",
                        f"ratio <= {TARGET_RATIO}",
                        f"{batch_note}; median of {REPS}; ratio: median of paired ratios",
                        paired_ratio=ratio,
                    )
                )
        sheets = statements(12, digital_copy=True)
        # Informative: one round (it is the slowest row, and has no target).
        ours, bare, ratio = _measure(weasyprint, sheets, True, folder, reps=1)
        rows.append(
            Row(
                "export 12 statements with digital copy, one PDF: per sheet",
                ours / 12,
                bare / 12,
                "bare WeasyPrint",
                "(informative)",
                f"batch {ours:.2f} s; every sheet encodes a ~700-byte QR code; one round",
                paired_ratio=ratio,
            )
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows
