"""peertui's message catalogs, with Babel: extract, merge, compile, and check.

    .venv/bin/python scripts/catalogs.py           # make catalogs: after changing a message
    .venv/bin/python scripts/catalogs.py --check   # what tests/test_catalogs.py runs

The messages are marked in the code (``peertui/i18n.py``: ``_``, ``N_``, ``ngettext``,
``pgettext``) and in the sheet templates (``_`` and ``fill``). ``catalogs.py`` extracts them
into ``peertui/locale/peertui.pot``, merges that into each language's ``peertui.po`` (new
messages come in untranslated, never guessed: no fuzzy matching; messages no longer in the
code are dropped) and compiles ``peertui.mo``. Then translate what is empty in the ``.po``
and run it again. ``--check`` changes nothing and lists every problem: a message in the code
that the catalog lacks or the other way round, an empty or fuzzy translation, a placeholder
that differs from the English, a ``.mo`` older than its ``.po``.

Click's own words ("Usage:", "Error: …") are a second domain, ``click``: their msgids are the
ones the pinned click marks (extracted from the installed click), their Danish is kept by hand
in ``peertui/locale/da/LC_MESSAGES/click.po``, and the same run compiles and checks it
(``peertui/cli/words.py`` explains how click finds it).
"""

from __future__ import annotations

import io
import re
import struct
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "peertui" / "locale"
POT = LOCALE / "peertui.pot"
DOMAIN = "peertui"
#: The languages with a catalog (English is the source language and needs none).
LANGUAGES = ("da",)
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "fill": None,
}
METHOD_MAP = [
    ("peertui/**.py", "python"),
    ("peertui/export/templates/**.j2", "jinja2"),
]
OPTIONS_MAP: dict[str, dict[str, str]] = {"peertui/export/templates/**.j2": {}}
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}|%\((\w+)\)[sd]")
WIDTH = 100
HEADER = "# peertui's messages: English in the code, translated here (scripts/catalogs.py)."


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def click_template() -> Catalog:
    """Every message the installed click marks for gettext."""
    import click

    catalog = Catalog(project="click", domain="click", fuzzy=False)
    folder = Path(click.__file__).parent
    found = extract_from_dir(
        folder,
        [("*.py", "python")],
        keywords={"_": None, "ngettext": (1, 2)},  # type: ignore[dict-item]
    )
    for filename, lineno, message, _comments, context in found:
        catalog.add(message, None, [(filename, lineno)], context=context)
    catalog.add("required")  # click passes it through _() by a variable ("[required]")
    return catalog


def extract() -> Catalog:
    """Every message marked in the code and the templates, as a template catalog."""
    catalog = Catalog(
        project="peertui", domain=DOMAIN, fuzzy=False, header_comment=HEADER,
        copyright_holder="peertui", msgid_bugs_address="",
    )  # fmt: skip
    found = extract_from_dir(
        ROOT,
        METHOD_MAP,
        OPTIONS_MAP,
        keywords=KEYWORDS,  # type: ignore[arg-type]
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write_po(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as out:
        write_po(out, catalog, width=WIDTH, sort_output=True, include_lineno=False,
                 ignore_obsolete=True)  # fmt: skip


def _compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def update() -> None:
    """Extract, merge into each language's catalog, compile; compile click's catalog."""
    template = extract()
    _write_po(POT, template)
    for language in LANGUAGES:
        path = po_path(language)
        with path.open("rb") as f:
            catalog = read_po(f, locale=language, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=True)
        catalog.obsolete.clear()
        _write_po(path, catalog)
        path.with_suffix(".mo").write_bytes(_compiled(catalog))
        click_po = path.with_name("click.po")
        with click_po.open("rb") as f:
            click_catalog = read_po(f, locale=language, domain="click")
        click_po.with_suffix(".mo").write_bytes(_compiled(click_catalog))


def _key(message: Message) -> tuple[object, str | None]:
    ident = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
    return (ident, message.context)


def _text(message: Message) -> object:
    return tuple(message.string) if isinstance(message.string, list | tuple) else message.string


def _placeholders(text: str) -> set[str]:
    return {brace or percent for brace, percent in PLACEHOLDER.findall(text)}


def _problems_of(path: Path, template: dict[tuple[object, str | None], Message]) -> list[str]:
    found: list[str] = []
    name = path.relative_to(ROOT)
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.parts[-3], domain=path.stem)
    entries = {_key(m): m for m in catalog if m.id}
    for key in template.keys() - entries.keys():
        found.append(f"{name}: lacks {key[0]!r}: run make catalogs and translate it")
    for key in entries.keys() - template.keys():
        found.append(f"{name}: {key[0]!r} is no longer in the code: run make catalogs")
    for message in entries.values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"{name}: {ids[0]!r} is fuzzy")
        if not all(texts) or len(texts) != len(ids):
            found.append(f"{name}: {ids[0]!r} is not translated")
            continue
        # Each form against its English form (Danish has two forms, as English).
        for source, text in zip(ids, texts, strict=True):
            wanted = _placeholders(source)
            if _placeholders(text) != wanted:
                found.append(
                    f"{name}: {ids[0]!r}: placeholders {sorted(_placeholders(text))} "
                    f"in the translation, {sorted(wanted)} in the English"
                )
    mo = path.with_suffix(".mo")
    try:
        with mo.open("rb") as f:
            compiled = {_key(m): _text(m) for m in read_mo(f) if m.id}
    except (OSError, ValueError, struct.error):
        compiled = {}
    if compiled != {k: _text(m) for k, m in entries.items()}:
        found.append(f"{mo.relative_to(ROOT)} is older than its .po: run make catalogs")
    return found


def problems() -> list[str]:
    """What is wrong with the catalogs, one line each (empty when all is well)."""
    found: list[str] = []
    ours = {_key(m): m for m in extract() if m.id}
    clicks = {_key(m): m for m in click_template() if m.id}
    for language in LANGUAGES:
        path = po_path(language)
        found += _problems_of(path, ours)
        found += _problems_of(path.with_name("click.po"), clicks)
    return found


def main(argv: list[str]) -> int:
    if "--check" in argv:
        listed = problems()
        for line in listed:
            print(line)
        return 1 if listed else 0
    update()
    listed = problems()
    for line in listed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
