"""Compile click's Danish words (``peertui/locale/da/LC_MESSAGES/click.po``) to ``click.mo``.

    .venv/bin/python scripts/compile_click_catalog.py

Standard library only (the ``.mo`` layout of GNU gettext, as CPython's ``Tools/i18n/msgfmt.py``
writes it), so the catalog builds without Babel. The compiled file is committed next to the
``.po``; ``tests/cli/test_words.py`` fails when it is stale, incomplete or a placeholder differs.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "peertui" / "locale" / "da" / "LC_MESSAGES" / "click.po"

# msgid (singular, or "singular\0plural") -> msgstr (forms joined by "\0")
Catalog = dict[str, str]


def read_po(path: Path) -> Catalog:
    """The entries of a ``.po`` file (the subset a hand-kept catalog uses: no msgctxt, no
    obsolete entries). Fuzzy entries are refused: gettext would not use them."""
    entries: Catalog = {}
    fields: dict[str, str] = {}
    current = ""
    fuzzy = False

    def flush() -> None:
        nonlocal fuzzy
        if "msgid" not in fields:
            return
        if fuzzy and fields["msgid"]:
            raise ValueError(f"{path}: fuzzy entry {fields['msgid']!r}")
        msgid = fields["msgid"]
        if "msgid_plural" in fields:
            msgid += "\0" + fields["msgid_plural"]
            forms = sorted(k for k in fields if k.startswith("msgstr["))
            msgstr = "\0".join(fields[k] for k in forms)
        else:
            msgstr = fields.get("msgstr", "")
        entries[msgid] = msgstr
        fields.clear()
        fuzzy = False

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword == "msgid" and "msgid" in fields:
                flush()
            current = keyword
            try:
                fields[keyword] = ast.literal_eval(rest)
            except (SyntaxError, ValueError):
                raise ValueError(f"{path}:{number}: cannot read {raw!r}") from None
    flush()
    return entries


def mo_bytes(catalog: Catalog) -> bytes:
    """The GNU ``.mo`` file for ``catalog`` (little-endian, no hash table)."""
    keys = sorted(catalog)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalog[k].encode("utf-8") for k in keys]
    count = len(keys)
    header = 7 * 4
    id_table = header
    str_table = id_table + count * 8
    data = str_table + count * 8
    offsets: list[int] = []
    blob = b""
    for text in ids + strs:
        offsets += [len(text), data + len(blob)]
        blob += text + b"\0"
    return (
        struct.pack("<7I", 0x950412DE, 0, count, id_table, str_table, 0, 0)
        + struct.pack(f"<{4 * count}I", *offsets)
        + blob
    )


def main() -> int:
    PO.with_suffix(".mo").write_bytes(mo_bytes(read_po(PO)))
    print(PO.with_suffix(".mo").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
