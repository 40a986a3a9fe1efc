"""The user's language: every word peertui shows goes through gettext, the Python convention.

Messages are marked in the code with ``_("English words {name}", name=value)``,
``ngettext("{count} meeting", "{count} meetings", n)`` and, where a word is only named and
translated later, ``N_("…")``. ``make catalogs`` extracts them with Babel (``pybabel``) into
``peertui/locale/peertui.pot`` and merges them into ``peertui/locale/da/LC_MESSAGES/peertui.po``,
compiled to ``peertui.mo`` (both shipped in the wheel). English is the source language, so it
needs no catalog; Danish is complete, and ``tests/test_catalogs.py`` fails when a catalog is
stale, incomplete, fuzzy or has a placeholder the English does not.

Placeholders are ``str.format`` fields (``{name}``), filled by these functions, so a
translation may move them but never add or drop one.

The language is, in this order: ``PEERTUI_LANG`` (``peertui --lang en`` sets it for the
process and everything it starts, such as the wall), then the system locale (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first that names a language peertui speaks), then
Danish. It is looked up on every call, so a test or a command can change it.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "peertui"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages peertui speaks, Danish first.
LANGUAGES = ("da", "en")
DEFAULT = "da"
_ENV = ("PEERTUI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: dict[str, _gettext.NullTranslations] = {}
_chosen: tuple[tuple[str | None, ...], str, _gettext.NullTranslations] | None = None


class UnknownLanguage(ValueError):
    """A language peertui does not speak was asked for by name."""


def normalise(name: str) -> str | None:
    """``"en_GB.UTF-8"`` -> ``"en"``; ``None`` for a language peertui does not speak."""
    code = name.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _from_environment(values: tuple[str | None, ...]) -> str:
    asked, *system = values
    if asked:
        return normalise(asked) or DEFAULT
    for value in system:
        if not value:
            continue
        # LANGUAGE may list several, "da:en"; C and POSIX name no language.
        for name in value.split(":"):
            found = normalise(name)
            if found:
                return found
        return DEFAULT
    return DEFAULT


def _catalog(language: str) -> _gettext.NullTranslations:
    if language not in _translations:
        _translations[language] = _gettext.translation(
            DOMAIN, LOCALE_DIR, languages=[language], fallback=True
        )
    return _translations[language]


def _current() -> tuple[str, _gettext.NullTranslations]:
    global _chosen
    values = tuple(os.environ.get(name) for name in _ENV)
    if _chosen is None or _chosen[0] != values:
        language = _from_environment(values)
        _chosen = (values, language, _catalog(language))
    return _chosen[1], _chosen[2]


def language() -> str:
    """The language peertui speaks now: ``"da"`` or ``"en"``."""
    return _current()[0]


def use(name: str) -> str:
    """Speak ``name`` from now on, in this process and those it starts (``--lang``)."""
    found = normalise(name)
    if found is None:
        raise UnknownLanguage(name)
    os.environ["PEERTUI_LANG"] = found
    return found


def _(message: str, /, **values: object) -> str:
    """``message`` in the user's language, with ``values`` filled in."""
    text = _current()[1].gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form for ``count`` in the user's language, with ``{count}`` and ``values``."""
    text = _current()[1].ngettext(singular, plural, count)
    if -1000 < count < 1000:
        shown = str(count)
    else:  # 1.234 in Danish, 1,234 in English
        from peertui.formats import number

        shown = number(count)
    return text.format(count=shown, **values)


def pgettext(context: str, message: str, /, **values: object) -> str:
    """``message`` where the same English means two things in Danish (``context`` tells)."""
    text = _current()[1].pgettext(context, message)
    return text.format(**values) if values else text


def N_(message: str, /) -> str:
    """Mark ``message`` for the catalog without translating it yet (word lists, keys)."""
    return message
