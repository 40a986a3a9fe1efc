"""The recovery sheet of a protected data folder: one A4 PDF page with the recovery key and
plain instructions to keep it locked away (``peertui data protect`` writes it once).

Laid out like every sheet (a template in ``templates/recovery.html.j2`` through the one Jinja
environment, WeasyPrint through ``pdf.Renderer`` with its fetcher that serves only our fonts)
and written like every export (``files.write_atomic``: mode 0600, never over an existing file).
The PDF's title and text hold no participant data: only the key, the day and the folder.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from peertui.export import files
from peertui.export.pdf import ASSETS, Renderer
from peertui.export.sheets import font_faces
from peertui.export.templating import format_date, render
from peertui.i18n import _

CSS_FILE = ASSETS / "recovery.css"


@functools.cache
def recovery_css() -> str:
    return "\n".join([font_faces(), CSS_FILE.read_text(encoding="utf-8")])


def recovery_html(key: str, folder: Path, made: date) -> str:
    """The sheet's HTML. ``key``: the recovery key as printed (groups separated by spaces)."""
    from markupsafe import Markup  # with Jinja2, when the sheet is laid out

    return render(
        "recovery.html.j2",
        title=_("Recovery sheet"),
        author="",
        css=Markup(recovery_css()),  # our own file: trusted
        key_groups=key.split(),
        folder=str(folder),
        made=format_date(made),
    )


def render_recovery_sheet(key: str, folder: Path, made: date) -> bytes:
    """The sheet as PDF bytes (imports WeasyPrint on first use; ``PdfUnavailable``)."""
    return Renderer().pdf(recovery_html(key, folder, made))


def check_target(target: Path) -> None:
    """Before anything is asked: the sheet's folder exists and the file does not
    (``OutputExists``, ``OutputNotWritable``)."""
    files.check_folder(target.parent)
    files.check_free(target.parent, [target], force=False)


def write_recovery_sheet(target: Path, key: str, folder: Path, made: date) -> Path:
    """Write the sheet to ``target`` (0600; never over an existing file)."""
    data = render_recovery_sheet(key, folder, made)
    files.write_atomic(target, data, force=False)
    return target
