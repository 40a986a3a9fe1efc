"""What the browser tests type, and where they look for it afterwards."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: Two trainees' practice statements, each answer with words found nowhere else (and Danish
#: letters, so the search covers UTF-8 and UTF-16 both).
TYPED = {
    "Lene": (
        "Jeg hedder Lene og samler på blå kaffekopper fra Bornholm.",
        "Det vigtigste for mig er søndagsturen ved Fjordstien.",
        "Jeg vil gerne have hjælp til at skrive til kommunens jobcenter.",
        "Så jeg kan passe mit arbejde på æblelageret igen.",
    ),
    "Omar": (
        "Jeg hedder Omar og spiller tromme i Gadeorkestret Solsikken.",
        "Det betyder meget for mig at lave mad til mine søskende.",
        "Jeg vil gerne have hjælp til at sige fra over for naboen.",
        "Så jeg kan sove roligt på Kastanjevej igen.",
    ),
}

#: What Lene adds to her last answer just before she leaves the page (no time to autosave).
LAST_WORDS = " Hilsen fra Tranebærhaven."

#: A phrase from each answer that a search must never find outside the store.
PHRASES = [
    " ".join(answer.rstrip(".").split()[-2:]) for answers in TYPED.values() for answer in answers
] + ["fra Tranebærhaven"]


def forms(phrase: str) -> list[bytes]:
    """The byte forms a phrase could be stored in: UTF-8, UTF-16 and Latin-1 (Chromium keeps
    strings in one of those), JSON-escaped."""
    import json

    return [
        phrase.encode("utf-8"),
        phrase.encode("utf-16-le"),
        phrase.encode("latin-1", errors="replace"),
        json.dumps(phrase)[1:-1].encode("ascii"),
    ]


def files_holding(root: Path, phrases: list[str]) -> list[str]:
    """``path: phrase`` for every file under ``root`` that holds one of ``phrases``."""
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            try:
                data = path.read_bytes()
            except OSError:
                continue
            for phrase in phrases:
                if any(form in data for form in forms(phrase)):
                    found.append(f"{path}: {phrase}")
    return found


async def write_all(pages: dict[str, Any]) -> None:
    """Each phone (a page given access) writes its owner's four answers, as a person types,
    and waits until the page says they are saved."""
    for alias, page in pages.items():
        await page.wait_for_selector("#writing", state="visible", timeout=30_000)
        for i, answer in enumerate(TYPED[alias], start=1):
            await page.type(f"#answer-{i}", answer, delay=1)
    for page in pages.values():
        # (A selector, not a script: the page's CSP refuses eval, Playwright's too.)
        await page.wait_for_selector("#status:has-text('Gemt')", timeout=30_000)
