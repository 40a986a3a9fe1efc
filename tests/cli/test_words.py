"""Click's own words in Danish: the catalog covers every word click marks, keeps every
placeholder, is compiled, and is switched on only while the command line runs."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import os
import re
import string
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import click
import pytest

from peertui.cli.words import DOMAIN, LOCALE_DIR, click_speaks

ROOT = Path(__file__).resolve().parents[2]


def _compiler() -> ModuleType:
    path = ROOT / "scripts" / "compile_click_catalog.py"
    spec = importlib.util.spec_from_file_location("compile_click_catalog", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPILER = _compiler()
PO = LOCALE_DIR / "da" / "LC_MESSAGES" / f"{DOMAIN}.po"


def click_msgids() -> set[str]:
    """Every literal ``_()`` and ``ngettext()`` message in the installed click, as catalog
    keys (a plural is ``singular\\0plural``)."""
    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and texts:
                found.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) >= 2:
                found.add(f"{texts[0]}\0{texts[1]}")
    found.add("required")  # click passes it through _() by a variable (Option's "[required]")
    return found


def placeholders(text: str) -> list[str]:
    fields = sorted(
        f"{name}!{conversion}"
        for _, name, _, conversion in string.Formatter().parse(text)
        if name is not None
    )
    return fields + sorted(re.findall(r"%\(\w+\)s", text))


def test_every_word_click_marks_is_in_the_catalog() -> None:
    catalog = COMPILER.read_po(PO)
    missing = click_msgids() - set(catalog)
    assert missing == set(), "add these to click.po: " + repr(sorted(missing))


def test_every_entry_is_translated_with_the_same_placeholders() -> None:
    for msgid, msgstr in COMPILER.read_po(PO).items():
        if not msgid:
            continue  # the header
        assert msgstr, msgid
        sources = msgid.split("\0")
        forms = msgstr.split("\0")
        assert len(forms) == len(sources), msgid  # Danish has two forms, as English
        for source, form in zip(sources, forms, strict=True):
            assert placeholders(form) == placeholders(source), (source, form)


def test_the_compiled_catalog_is_current() -> None:
    compiled = PO.with_suffix(".mo").read_bytes()
    assert compiled == COMPILER.mo_bytes(COMPILER.read_po(PO)), (
        "run .venv/bin/python scripts/compile_click_catalog.py"
    )


def test_click_is_the_version_the_catalog_was_written_for() -> None:
    pinned = re.search(r'"click==([^"]+)"', (ROOT / "pyproject.toml").read_text("utf-8"))
    assert pinned is not None, "pin click exactly in pyproject.toml"
    assert version("click") == pinned.group(1)
    assert f"(click {pinned.group(1)})" in PO.read_text(encoding="utf-8")


def test_click_speaks_danish_only_inside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "en_GB:en")
    monkeypatch.setenv("LANG", "C.UTF-8")
    domain = gettext.textdomain()
    with click_speaks("da"):
        assert gettext.gettext("Usage:") == "Brug:"
        assert gettext.ngettext("Did you mean {possibility}?", "x", 1) == "Mente du {possibility}?"
    assert gettext.textdomain() == domain
    assert os.environ["LANGUAGE"] == "en_GB:en"
    assert gettext.gettext("Usage:") == "Usage:"
    monkeypatch.delenv("LANGUAGE")
    with click_speaks("en"):  # no catalog: click's own English
        assert gettext.gettext("Usage:") == "Usage:"
    assert "LANGUAGE" not in os.environ
