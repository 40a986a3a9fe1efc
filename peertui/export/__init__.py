"""Print participants' sheets as A4 PDFs: personal statements with QR links, worksheets, and a
group summary for the facilitators. See docs/export.md.

Each sheet carries the organisation that hands it out (``Issuer``). Importing this package is
cheap: WeasyPrint, qrcode and Jinja2 are imported only when a sheet is made.
"""

from __future__ import annotations

from peertui.export.batch import ExportResult, Notice, export_sheets, target_names
from peertui.export.errors import (
    BadLink,
    DigitalCopyTooLong,
    ExportError,
    OutputExists,
    OutputFolderMissing,
    OutputNotWritable,
    PdfUnavailable,
)
from peertui.export.model import (
    Goal,
    GoalsSheet,
    GroupSummary,
    Issuer,
    MeetingSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    Sheet,
    StatementSheet,
)
from peertui.export.qr import (
    COPY_LIMIT_BYTES,
    digital_copy_fits,
    digital_copy_size,
    digital_copy_text,
)

__all__ = [
    "COPY_LIMIT_BYTES",
    "BadLink",
    "DigitalCopyTooLong",
    "ExportError",
    "ExportResult",
    "Goal",
    "GoalsSheet",
    "GroupSummary",
    "Issuer",
    "MeetingSummary",
    "NetworkPerson",
    "NetworkSheet",
    "Notice",
    "OutputExists",
    "OutputFolderMissing",
    "OutputNotWritable",
    "PdfUnavailable",
    "SafetySheet",
    "Sheet",
    "StatementSheet",
    "digital_copy_fits",
    "digital_copy_size",
    "digital_copy_text",
    "export_sheets",
    "target_names",
]
