"""The Jinja2 environment that lays out the sheets and the certificate as HTML.

The templates are in ``peertui/export/templates/`` (inside the package, so the wheel carries
them). The environment escapes every value (``autoescape=True``): what a participant or a
facilitator typed is printed literally and can never become an element, an attribute, a URL or
CSS. A missing value is an error, never an empty string (``StrictUndefined``).

Only fragments that we build ourselves are marked safe (``markupsafe.Markup``), each where it
is made: the QR codes' SVG (``qr``), the network map's SVG (``networkmap``, which escapes the
names it draws), our own stylesheet, and, when sheets are put into one document, the articles
this environment rendered.

Jinja2 is imported when the first sheet is laid out (about 0.1 s), never with the exporter: the
environment is made once, on first use, and its compiled templates are kept.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peertui import labels
from peertui.formats import long_date
from peertui.i18n import _

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


def format_date(day: date) -> str:
    """``3. marts 2025``."""
    return long_date(day)


def clean_words(text: str) -> str:
    """A user's words as printed: line breaks made plain, outer blank space removed; nothing
    else changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def fill(message: str, **values: object) -> Markup:
    """``message`` in the user's language with ``values`` put in, escaped: a value is markup
    only if it is
    ``Markup`` already (``strong`` below). For strings that set a word in bold."""
    from markupsafe import Markup, escape

    return Markup(escape(_(message))).format(**values)


def strong(value: object) -> Markup:
    """``<strong>value</strong>``, the value escaped."""
    from markupsafe import Markup

    return Markup("<strong>{}</strong>").format(value)


@functools.cache
def environment() -> Environment:
    """The one environment (made on first use)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(_=_, fill=fill, strong=strong, labels=labels)
    env.filters.update(day=format_date, words=clean_words)
    return env


def render(name: str, **context: Any) -> Markup:
    """Render the template ``name``. The result is HTML made by an escaping template, so it is
    returned as ``Markup`` (it goes into a document as it is)."""
    from markupsafe import Markup

    return Markup(environment().get_template(name).render(**context))
