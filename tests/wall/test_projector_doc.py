"""docs/projector.md's rule of thumb (rows against distance) matches the code and the issue."""

from __future__ import annotations

import re
from pathlib import Path

from peertui.wall import legible_rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "projector.md"
DISTANCES = (3, 4, 5, 6, 8, 10)


def test_a_1_5_m_image_reads_from_6_m_at_24_rows() -> None:
    assert legible_rows(1.5, 6) == 24
    assert legible_rows(1.5, 6.5) < 24


def test_the_table_in_the_docs_is_up_to_date() -> None:
    doc = DOC.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d\.\d) m \|((?: \d+ \|)+)$", doc, flags=re.MULTILINE)
    assert [height for height, _ in rows] == ["1.0", "1.5", "2.0"]
    for height, cells in rows:
        numbers = [int(cell) for cell in cells.strip(" |").split(" | ")]
        assert numbers == [legible_rows(float(height), d) for d in DISTANCES], height
