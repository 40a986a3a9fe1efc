"""``export_sheets``: sheets in, PDF files out.

Thread use: this runs for seconds, so the TUI runs it in a worker thread; ``progress`` is called
in that thread (a Textual screen forwards it with ``app.call_from_thread``). Nothing here
touches the screen, the store or the network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peertui import labels
from peertui.export import files
from peertui.export.errors import ExportError
from peertui.export.model import GroupSummary, Sheet, StatementSheet
from peertui.export.pdf import Renderer
from peertui.export.sheets import (
    build,
    document,
    sheet_texts,
    sheet_title,
    uncovered_characters,
)
from peertui.i18n import _

if TYPE_CHECKING:
    from markupsafe import Markup

Progress = Callable[[int, int], None]
ONE_FILE_CHUNK = 4  # sheets laid out per WeasyPrint document when they go into one PDF


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the facilitator should know about one sheet (Danish, no participant text)."""

    sheet: int  # index into the sheets passed in
    message: str


@dataclass(frozen=True, slots=True)
class ExportResult:
    paths: tuple[Path, ...]  # the files written, in order
    sheet_paths: tuple[Path, ...]  # for each sheet passed in, the file it is in
    notices: tuple[Notice, ...] = ()
    digital_copy_skipped: tuple[int, ...] = ()  # sheets printed without their digital copy


def target_names(
    sheets: Sequence[Sheet],
    *,
    one_file: bool,
    anonymous_names: bool,
) -> list[str]:
    """The file names an export would write, in order (one, or one per sheet)."""
    if one_file:
        return [files.file_name(_("peertui-sheets"), files.day_part(sheets[0].date))]
    names = []
    width = max(2, len(str(len(sheets))))
    for index, sheet in enumerate(sheets, start=1):
        kind = files.safe_part(_(labels.EXPORT_FILE[sheet.kind]), sheet.kind)
        day = files.day_part(sheet.date)
        if anonymous_names or isinstance(sheet, GroupSummary):
            names.append(files.file_name(kind, day, f"{index:0{width}d}"))
        else:
            alias = files.safe_part(sheet.alias, _("participant"))
            names.append(files.file_name(kind, alias, day))
    return files.unique_names(names)


def export_sheets(
    sheets: Sequence[Sheet],
    out_dir: Path | str,
    *,
    one_file: bool = False,
    force: bool = False,
    anonymous_names: bool = True,
    progress: Progress | None = None,
    title: str | None = None,
) -> ExportResult:
    """Print ``sheets`` as A4 PDFs into ``out_dir``: one PDF with every sheet (``one_file``),
    or one PDF per sheet. Returns what was written and the notices to show.

    * Files are named ``<kind>-<date>-<nn>.pdf`` by default (``anonymous_names=True``: a file
      name turns up in recent-files lists, print queues and backups, where a name next to
      "tryghedsplan" says more than the facilitator chose to share). With
      ``anonymous_names=False`` the name holds the sanitised alias: ``<kind>-<alias>-<date>.pdf``.
      ``one_file`` writes ``peertui-ark-<date>.pdf``.
    * Existing files are never overwritten unless ``force``: the check runs before anything is
      rendered, and again, atomically, when each file is moved into place.
    * ``progress(done, total)`` is called, in the calling thread, each time sheets are done:
      after each file (separate PDFs) or after each group of ``ONE_FILE_CHUNK`` sheets
      (one PDF); the last call is ``(total, total)``.
    * Raises ``ExportError`` (a Danish message) for a missing or unwritable folder, a full
      disk, existing files, a bad link, or missing PDF libraries. A digital copy that is too
      long is not an error: the sheet is printed without it, and a notice says so.
    * Metadata: a PDF of one sheet is titled by the sheet ("Personligt statement – Maja");
      ``one_file`` uses ``title`` (the group's name; without it, see ``batch_title``). The
      author is the organisation's name (the sheets' ``issuer``), when it has one.
    """
    if not sheets:
        raise ExportError(_("There are no sheets to print."))
    folder = files.check_folder(Path(out_dir))
    names = target_names(sheets, one_file=one_file, anonymous_names=anonymous_names)
    targets = [files.inside(folder, name) for name in names]
    files.check_free(folder, targets, force)

    total = len(sheets)
    notices: list[Notice] = []
    skipped: list[int] = []
    parts: list[Markup] = []
    for index, sheet in enumerate(sheets):
        built = build(sheet)
        parts.append(built.html)
        for message in built.notices:
            notices.append(Notice(index, message))
        if isinstance(sheet, StatementSheet) and sheet.digital_copy and built.notices:
            skipped.append(index)
        if uncovered_characters("".join(sheet_texts(sheet))):
            notices.append(
                Notice(
                    index,
                    _(
                        "Some characters (e.g. certain emoji) are not in the sheet's fonts and "
                        "will show as a square on paper. They are included in the PDF file's "
                        "text."
                    ),
                )
            )

    renderer = Renderer()
    for logo in {sheet.issuer.logo for sheet in sheets if sheet.issuer.logo}:
        renderer.allow_png(logo)  # the organisation's logo: the only image served
    if one_file:
        # Laid out a few sheets at a time, then combined: as fast as one big document
        # (measured), and the progress bar moves while it runs.
        meta = {"title": title or batch_title(sheets), "author": sheets[0].issuer.name}
        documents: list[Any] = []
        for start in range(0, total, ONE_FILE_CHUNK):
            html = document(parts[start : start + ONE_FILE_CHUNK], **meta)
            documents.append(renderer.document(html))
            _report(progress, min(start + ONE_FILE_CHUNK, total), total)
        files.write_atomic(targets[0], renderer.combine(documents), force=force)
        sheet_paths = tuple(targets[0] for _unused in sheets)
    else:
        for index, (sheet, part, target) in enumerate(zip(sheets, parts, targets, strict=True)):
            html = document([part], title=sheet_title(sheet), author=sheet.issuer.name)
            files.write_atomic(target, renderer.pdf(html), force=force)
            _report(progress, index + 1, total)
        sheet_paths = tuple(targets)
    return ExportResult(
        paths=tuple(dict.fromkeys(targets)),
        sheet_paths=sheet_paths,
        notices=tuple(notices),
        digital_copy_skipped=tuple(skipped),
    )


def batch_title(sheets: Sequence[Sheet]) -> str:
    """The title of one PDF holding ``sheets`` when the caller gave none: the sheet's own for
    one sheet, else the group's name from a group summary, else "Ark fra peertui"."""
    if len(sheets) == 1:
        return sheet_title(sheets[0])
    names = [s.group_name for s in sheets if isinstance(s, GroupSummary) and s.group_name.strip()]
    return names[0].strip() if names else _("Sheets from peertui")


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
