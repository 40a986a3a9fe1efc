"""The recovery sheet (issue 18, item 4): ``data protect`` writes one A4 PDF with the recovery
key and plain instructions, mode 0600; the key read back from the PDF opens the store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdf
import pytest

from peertui.cli import EXIT_ERROR, EXIT_OK, main
from peertui.i18n import _
from peertui.store import demo, protection
from peertui.store.store import open_store
from tests.export.conftest import pdf_text, squash
from tests.store.helpers import without_lock
from tests.store.protected import PASSPHRASE, fast_kdf

TODAY = date(2025, 3, 25)
INSTRUCTIONS = [
    "Keep this sheet locked away",
    "Put it in a locked drawer or a safe at the organisation, apart from the laptop. Do not "
    "keep it in the laptop bag, do not photograph it, and do not send it by e-mail.",
    "Anyone who has this key and the laptop can read every participant's words.",
    "Without the passphrase and without this key, nobody can read the data: not you, not your "
    "organisation, and not the developers of peertui.",
    "If the passphrase is forgotten",
    "Type the recovery key from this sheet when peertui asks for it.",
    "Choose a new passphrase and type it twice. This sheet still works afterwards.",
    "When protection is turned off, or the data has been deleted, shred this sheet.",
]


@dataclass(frozen=True)
class Protected:
    data: Path
    sheet: Path
    out: str


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Protected]:
    folder = tmp_path_factory.mktemp("recovery")
    data = folder / "data"
    with fast_kdf():
        with open_store(data) as store:
            demo.fill(store, TODAY)
        secret = folder / "kode.txt"
        secret.write_text(PASSPHRASE + "\n", "utf-8")
        sheet = folder / "ark.pdf"
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(
                ["data", "protect", "--data-dir", str(data), "--passphrase-file", str(secret),
                 "--yes", "--recovery-sheet", str(sheet)]
            )  # fmt: skip
        assert code == EXIT_OK, out.getvalue()
        yield Protected(data, sheet, out.getvalue())


def test_the_sheet_is_one_private_page(protected: Protected) -> None:
    assert protected.sheet.stat().st_mode & 0o777 == 0o600
    reader = pypdf.PdfReader(protected.sheet)
    assert len(reader.pages) == 1
    assert (reader.metadata or {}).get("/Title") == _("Recovery sheet")
    assert str(protected.sheet) in protected.out
    assert "AGE-SECRET-KEY" not in protected.out  # on paper only, unless asked


def test_the_sheet_holds_the_key_and_the_instructions(protected: Protected) -> None:
    text = pdf_text(protected.sheet)
    assert squash(_("Recovery key for peertui's data folder")) in text
    for line in INSTRUCTIONS:
        assert squash(_(line)) in text, line
    assert squash("peertui data passphrase --recovery-key") in text
    for secret in ("Tirsdagsgruppen", "Maja", "Kursusdag"):
        assert secret not in text


def test_the_key_on_the_sheet_opens_the_store(protected: Protected) -> None:
    text = pdf_text(protected.sheet)
    found = re.search(r"AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}", text)
    assert found, text
    key = found.group(0)
    with open_store(protected.data, recovery=key, read_only=True) as store:
        assert store.protected
        assert "Tirsdagsgruppen (demo)" in [g.name for g in store.groups()]
    identity = protection.parse_recovery_key(key, protected.data)
    key_file = protection.read_key_file(protected.data)
    assert str(identity.to_public()) == key_file.recipient


def test_an_existing_sheet_is_never_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        demo.fill(store, TODAY)
    before = without_lock(data)
    sheet = tmp_path / "ark.pdf"
    sheet.write_bytes(b"an older sheet")
    secret = tmp_path / "kode.txt"
    secret.write_text(PASSPHRASE, "utf-8")
    code = main(
        ["data", "protect", "--data-dir", str(data), "--passphrase-file", str(secret), "--yes",
         "--recovery-sheet", str(sheet)]
    )  # fmt: skip
    assert code == EXIT_ERROR
    assert sheet.read_bytes() == b"an older sheet"
    assert without_lock(data) == before and not protection.is_protected(data)
