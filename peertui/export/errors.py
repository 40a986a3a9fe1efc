"""Export errors: each carries one calm Danish sentence for the facilitator.

No message contains anything a participant wrote, nor a file name made from an alias: the
message names the folder and counts; the paths are on the exception for the screen to use.
"""

from __future__ import annotations

import errno
from pathlib import Path

from peertui.formats import approx_words
from peertui.i18n import _


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
        super().__init__(
            _(
                "The text is too long for a digital copy that can be scanned reliably "
                "from paper (about {words} words too many). The sheet has been made "
                "without the digital copy; with shorter answers there will be room for "
                "it.",
                words=words,
            )
        )
        self.size = size
        self.limit = limit


class BadLink(ExportError):
    """The guide link is not an http(s) address, or too long for a small printed QR code."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            _(
                "The guide's address cannot be turned into a QR code: it must start "
                "with https:// or http:// and be at most {limit} characters. Nothing "
                "has been printed.",
                limit=limit,
            )
        )


class OutputExists(ExportError):
    def __init__(self, folder: Path, paths: tuple[Path, ...]) -> None:
        super().__init__(
            _(
                "{count} of the files already exist in {dir}. Nothing has been "
                "overwritten. Choose another folder, or choose to overwrite.",
                count=len(paths),
                dir=folder,
            )
        )
        self.paths = paths


class OutputFolderMissing(ExportError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            _("The folder {dir} does not exist. Choose a folder that exists.", dir=folder)
        )


class OutputNotWritable(ExportError):
    def __init__(self, folder: Path, error: OSError) -> None:
        if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
            message = _(
                "There is no space on the disk for {dir}. The file that was being "
                "written has not been saved. Free up space and try again.",
                dir=folder,
            )
        elif isinstance(error, PermissionError) or error.errno == errno.EROFS:
            message = _(
                "peertui is not allowed to write in the folder {dir}. Choose another folder.",
                dir=folder,
            )
        else:
            code = errno.errorcode.get(error.errno or 0, "?")
            message = _(
                "Could not save in the folder {dir} (error {code}). The file that was "
                "being written has not been saved. Try again, or choose another folder.",
                dir=folder,
                code=code,
            )
        super().__init__(message)
        self.errno = error.errno


class PdfUnavailable(ExportError):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "PDF printing needs WeasyPrint and the system libraries Pango and "
                "HarfBuzz, and they are missing on this computer. Run 'make setup' to "
                "see what needs to be installed."
            )
        )
