"""Export errors: each carries one calm Danish sentence for the facilitator.

No message contains anything a participant wrote, nor a file name made from an alias: the
message names the folder and counts; the paths are on the exception for the screen to use.
"""

from __future__ import annotations

import errno
from pathlib import Path

from peertui.formats import approx_words
from peertui.strings import t


class ExportError(Exception):
    """Base class. ``str(error)`` is the message to show; there is never a traceback to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DigitalCopyTooLong(ExportError):
    """The statement is too long for a QR code that prints reliably. Print without it."""

    def __init__(self, size: int, limit: int) -> None:
        words = approx_words(size - limit, up=True)
        super().__init__(t("export.digital_copy_too_long", words=words))
        self.size = size
        self.limit = limit


class BadLink(ExportError):
    """The guide link is not an http(s) address, or too long for a small printed QR code."""

    def __init__(self, limit: int) -> None:
        super().__init__(t("export.bad_link", limit=limit))


class OutputExists(ExportError):
    def __init__(self, folder: Path, paths: tuple[Path, ...]) -> None:
        super().__init__(t("export.exists", count=len(paths), dir=folder))
        self.paths = paths


class OutputFolderMissing(ExportError):
    def __init__(self, folder: Path) -> None:
        super().__init__(t("export.no_folder", dir=folder))


class OutputNotWritable(ExportError):
    def __init__(self, folder: Path, error: OSError) -> None:
        if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
            message = t("export.disk_full", dir=folder)
        elif isinstance(error, PermissionError) or error.errno == errno.EROFS:
            message = t("export.not_writable", dir=folder)
        else:
            code = errno.errorcode.get(error.errno or 0, "?")
            message = t("export.write_failed", dir=folder, code=code)
        super().__init__(message)
        self.errno = error.errno


class PdfUnavailable(ExportError):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""

    def __init__(self) -> None:
        super().__init__(t("export.pdf_unavailable"))
