"""Click's own words in Danish: the catalog covers every word click marks, keeps every
placeholder, is compiled, and is switched on only while the command line runs."""

from __future__ import annotations

import gettext
import importlib.util
import os
import re
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

from peertui.cli.words import DOMAIN, LOCALE_DIR, click_speaks

ROOT = Path(__file__).resolve().parents[2]


def _catalogs() -> ModuleType:
    path = ROOT / "scripts" / "catalogs.py"
    spec = importlib.util.spec_from_file_location("catalogs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CATALOGS = _catalogs()
PO = LOCALE_DIR / "da" / "LC_MESSAGES" / f"{DOMAIN}.po"


def test_click_s_words_are_found_in_the_installed_click() -> None:
    """scripts/catalogs.py reads click's own marked words (the check in
    tests/test_catalogs.py then fails when click.po lacks one, has a stale one, an empty one,
    a placeholder that differs, or a stale click.mo)."""
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in CATALOGS.click_template() if m.id}
    assert {"Usage:", "Options", "Show this message and exit.", "required"} <= ids
    assert "Got unexpected extra argument ({args})" in ids


def test_the_click_catalog_is_complete_and_current() -> None:
    clicks = {CATALOGS._key(m): m for m in CATALOGS.click_template() if m.id}
    assert CATALOGS._problems_of(PO, clicks) == []


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
