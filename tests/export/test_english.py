"""A sheet's fixed labels follow peertui's language (PEERTUI_LANG=en): English headings,
prompts, labels and dates, and no Danish word of the catalog; the participant's own words
are printed as they were written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peertui.export import GoalsSheet, NetworkSheet, StatementSheet, export_sheets
from tests.cli.test_help import _danish_phrases
from tests.export.conftest import DAY, LINK, folder, pdf_text, squash
from tests.export.test_worksheets import GOALS, GOALS_LINK, NETWORK_LINK, PEOPLE, SAFETY, SUMMARY

ANSWERS = ("Jeg hedder Åse.", "Min kat.", "At komme ud.", "Jeg kan klare mig selv.")


@pytest.fixture(scope="module")
def english_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PEERTUI_LANG", "en")
        result = export_sheets(
            [
                StatementSheet("Åse", DAY, ANSWERS, LINK, digital_copy=True),
                GoalsSheet("Åse", DAY, GOALS, GOALS_LINK),
                SAFETY,
                NetworkSheet("Åse", DAY, PEOPLE, NETWORK_LINK),
                SUMMARY,
            ],
            folder(tmp_path_factory.mktemp("english"), "sheets"),
        )
    return list(result.sheet_paths)


def test_the_fixed_labels_are_english(english_pdfs: list[Path]) -> None:
    statement, goals, safety, network, summary = (pdf_text(p) for p in english_pdfs)

    def has(text: str, words: str) -> bool:  # the PDF's text comes without spaces
        return squash(words) in text

    assert has(statement, "PERSONAL STATEMENT")
    assert has(statement, "This is how I would like to introduce myself")
    assert has(statement, "4 March 2025")
    assert has(goals, "PERSONAL GOALS") and has(goals, "Why it matters to me")
    assert has(safety, "SAFETY PLAN")
    assert has(network, "NETWORK MAP")
    assert has(summary, "Planned")
    assert has(statement, "Jeg hedder Åse.")  # the participant's words, as written
    danish = _danish_phrases()
    for text in (statement, goals, safety, network, summary):
        found = [p for p in danish if has(text, p)]
        assert found == [], found
        for word in ("marts", "mødegang", "Udfyldt", "Side1"):
            assert word not in text


def test_the_file_names_are_english(english_pdfs: list[Path]) -> None:
    names = " ".join(p.name for p in english_pdfs)
    assert "statement" in names and "goals" in names
    assert not re.search(r"[æøå]", names.replace("Åse", "").replace("ase", ""))
