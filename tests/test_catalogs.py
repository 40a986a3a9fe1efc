"""The message catalogs are complete and current (scripts/catalogs.py, peertui/i18n.py)."""

from __future__ import annotations

import gettext
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from peertui import i18n
from peertui.i18n import _, ngettext

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "peertui" / "locale" / "da" / "LC_MESSAGES" / "peertui.po"


def test_the_catalogs_are_complete_and_current() -> None:
    """Fails on a message the catalog lacks or no longer has, an empty or fuzzy translation,
    a placeholder that differs, or a stale .mo (the fix is `make catalogs`)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_finds_a_broken_placeholder_and_an_empty_translation(tmp_path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import catalogs
    finally:
        sys.path.pop(0)
    with PO.open("rb") as f:
        catalog = read_po(f, locale="da")
    message = catalog.get("Press {key} to quit peertui.")
    assert message is not None
    original = message.string
    message.string = "Tryk {tast} for at lukke peertui."
    empty = catalog.get("Close")
    assert empty is not None
    empty.string = ""
    template = {catalogs._key(m): m for m in catalogs.extract() if m.id}
    template[("A message only the code has", None)] = Message("A message only the code has")
    broken = tmp_path / "da" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    catalogs._write_po(broken / "peertui.po", catalog)
    (broken / "peertui.mo").write_bytes(b"")  # older than its .po: nothing in it
    old = catalogs.ROOT
    catalogs.ROOT = tmp_path
    try:
        found = "\n".join(catalogs._problems_of(broken / "peertui.po", template))
    finally:
        catalogs.ROOT = old
    assert "placeholders ['tast']" in found
    assert "'Close' is not translated" in found
    assert "lacks 'A message only the code has'" in found
    assert "peertui.mo is older than its .po" in found
    assert original != message.string


def test_danish_is_the_default_and_english_the_second_language(monkeypatch) -> None:
    for name in ("PEERTUI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.language() == "da"
    assert _("Close") == "Luk"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.language() == "da"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert i18n.language() == "en"
    assert _("Close") == "Close"
    monkeypatch.setenv("LANGUAGE", "da:en")
    assert i18n.language() == "da"
    monkeypatch.setenv("PEERTUI_LANG", "en")
    assert i18n.language() == "en"
    assert ngettext("{count} meeting", "{count} meetings", 1) == "1 meeting"
    assert ngettext("{count} meeting", "{count} meetings", 1200) == "1,200 meetings"
    monkeypatch.setenv("PEERTUI_LANG", "da")
    assert ngettext("{count} meeting", "{count} meetings", 1200) == "1.200 mødegange"


def test_an_unknown_language_is_refused_by_name_and_ignored_from_the_environment(
    monkeypatch,
) -> None:
    monkeypatch.setenv("PEERTUI_LANG", "xx")
    assert i18n.language() == "da"
    try:
        i18n.use("klingon")
    except i18n.UnknownLanguage as exc:
        assert str(exc) == "klingon"
    else:
        raise AssertionError("no error")


def test_the_compiled_catalog_is_what_gettext_reads() -> None:
    danish = gettext.translation("peertui", i18n.LOCALE_DIR, languages=["da"])
    assert danish.gettext("Close") == "Luk"
    assert danish.ngettext("{count} meeting", "{count} meetings", 2) == "{count} mødegange"
