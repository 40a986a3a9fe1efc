"""Every text key the code asks for exists in the Danish table (a missing one would crash)."""

from __future__ import annotations

import re
from pathlib import Path

from peertui.strings import DA, EN, t

PACKAGE = Path(__file__).resolve().parents[1] / "peertui"
KEY_RE = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9_\-]*\.[a-z0-9_.\-]+)["']""")


def test_every_literal_key_exists() -> None:
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for key in KEY_RE.findall(path.read_text(encoding="utf-8")):
            if key not in DA:
                missing.append(f"{path.relative_to(PACKAGE)}: {key}")
    assert missing == []


def test_english_table_only_has_known_keys() -> None:
    assert set(EN) <= set(DA)


def test_block_kinds_have_labels() -> None:
    from peertui.content import BLOCK_KINDS

    for kind in BLOCK_KINDS:
        assert t(f"kind.{kind}")
