"""Click's own words ("Usage:", "Options", "Error: No such option …") in the user's language.

Click marks every word it prints with the GNU gettext API of the standard library
(``from gettext import gettext as _`` and ``ngettext``): each call looks the message up in the
*current text domain* (``gettext.textdomain()``, "messages" unless changed), in the folder bound
to that domain (``gettext.bindtextdomain()``), for the languages the environment names
(``LANGUAGE``, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). Those three are the documented,
public knobs, and :func:`click_speaks` turns all three while the command line runs:

* the domain becomes ``click``, bound to ``peertui/locale/`` (the catalog
  ``peertui/locale/da/LC_MESSAGES/click.po``, compiled to ``click.mo`` and shipped in the wheel);
* ``LANGUAGE`` becomes peertui's language (``peertui.i18n.language()``), so the catalog is
  used whatever the system locale is; for a language without a catalog click keeps its English.

Everything is put back afterwards (domain, folder and ``LANGUAGE``), so nothing leaks into a
caller that runs ``main()`` in-process, and a command's own work (the app, the store, the
exporter) runs :func:`as_before`, with the process's own settings. Click itself is not
patched: no private name is used. The catalog's msgids are click's (pinned in pyproject.toml);
``scripts/catalogs.py`` (``make catalogs``) compiles it, and ``make test`` fails when click has
a word the catalog lacks, a placeholder differs, or ``click.mo`` is stale.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "click"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


# (text domain, the folder bound to DOMAIN, LANGUAGE) as they were before each click_speaks
_before: list[tuple[str, str, str | None]] = []


def _state() -> tuple[str, str, str | None]:
    return gettext.textdomain(), gettext.bindtextdomain(DOMAIN), os.environ.get("LANGUAGE")


def _restore(state: tuple[str, str, str | None]) -> None:
    domain, folder, language = state
    if language is None:
        os.environ.pop("LANGUAGE", None)
    else:
        os.environ["LANGUAGE"] = language
    gettext.bindtextdomain(DOMAIN, folder)
    gettext.textdomain(domain)


@contextmanager
def click_speaks(language: str) -> Iterator[None]:
    """While inside, click's words come from ``peertui/locale/<language>/…/click.mo``."""
    before = _state()
    _restore((DOMAIN, str(LOCALE_DIR), language))
    _before.append(before)
    try:
        yield
    finally:
        _before.pop()
        _restore(before)


@contextmanager
def as_before() -> Iterator[None]:
    """Inside :func:`click_speaks`: gettext and ``LANGUAGE`` as they were before it, for a
    command's own work (the app, the store, the exporter) between click's parsing and
    click's last word. Outside, nothing changes."""
    if not _before:
        yield
        return
    now = _state()
    _restore(_before[-1])
    try:
        yield
    finally:
        _restore(now)
