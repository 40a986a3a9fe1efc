"""Export and import: all of a data folder as one JSON file (format in docs/data.md).

An export is a pure function of the stored data: the same data gives the same bytes, so
export -> import -> export is byte-identical. An import file is checked completely (JSON,
shapes, references, no CPR numbers) before anything is written.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from peertui.store.errors import ImportInvalid, StoreError
from peertui.store.legacy import OLD_TRAINEES, read_old_trainees
from peertui.store.migrate import worksheet_v2_to_v3
from peertui.store.model import GroupData, Parser, ShapeError
from peertui.store.repo import ExportBundle
from peertui.store.storage import write_atomic
from peertui.strings import t

FORMAT = "peertui-export"
#: 1: worksheets held only their latest content (``"updated"``, ``"content"``), goals had no
#: ``"why"``. 2: worksheets keep their versions, as in schema 3 of the data files. Files of
#: format 1 are still read. 3: participants may hold ``training`` (a trainee's organisation,
#: role, teachings and certificate date), teachings an ``id`` and ``citizen_contact``, as in
#: schema 4. 4: no top-level ``"trainees"`` (old trainee records) any more: a trainee is a
#: participant of a training group. The ``"trainees"`` of formats 1-3 are read, and the import
#: makes them trainees of training groups (``peertui.store.legacy``).
FORMAT_VERSION = 4
MAX_BYTES = 512 * 1024 * 1024

STRICT = Parser(check_cpr=True)


def export_document(bundle: ExportBundle) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "groups": [g.to_export() for g in sorted(bundle.groups, key=lambda g: g.group.id)],
    }


def export_bytes(bundle: ExportBundle) -> bytes:
    text = json.dumps(export_document(bundle), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_export(bundle: ExportBundle, target: Path, *, overwrite: bool = False) -> int:
    """Write the export to ``target`` (0600: it holds health data). Returns the byte count."""
    if target.exists() and not overwrite:
        raise StoreError(t("portable.exists", file=str(target)))
    if target.is_dir():
        raise StoreError(t("portable.is_dir", file=str(target)))
    payload = export_bytes(bundle)
    folder = target.absolute().parent
    if not folder.is_dir():
        raise StoreError(t("portable.no_folder", file=str(target)))
    write_atomic(target.absolute(), payload, target.name)
    return len(payload)


def parse_export(raw: bytes) -> ExportBundle:
    """Check an export completely. ``ImportInvalid`` names the first problem and where."""
    if len(raw) > MAX_BYTES:
        raise ImportInvalid(t("portable.too_big", limit=MAX_BYTES // (1024 * 1024)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportInvalid(t("portable.not_utf8", offset=exc.start)) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportInvalid(t("portable.bad_json", line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise ImportInvalid(t("portable.too_deep")) from None
    try:
        top = STRICT.obj(doc, "", ("format", "format_version", "groups"), (OLD_TRAINEES,))
        if top["format"] != FORMAT:
            raise ImportInvalid(t("portable.not_export"))
        version = top["format_version"]
        if isinstance(version, bool) or not isinstance(version, int):
            raise ImportInvalid(t("portable.not_export"))
        if version > FORMAT_VERSION:
            raise ImportInvalid(t("portable.too_new", found=version, supported=FORMAT_VERSION))
        if version < 1:
            raise ImportInvalid(t("portable.not_export"))
        # Formats 1-3 have "trainees" (old trainee records); format 4 never does.
        if version >= 4 and OLD_TRAINEES in top:
            raise ShapeError("", "unknown_key", key=OLD_TRAINEES)
        if version == 1:
            _upgrade_format_1(top["groups"])
        groups = tuple(
            GroupData.from_export(g, STRICT, f"groups[{i}]")
            for i, g in enumerate(STRICT.list(top["groups"], "groups"))
        )
        trainees = read_old_trainees(
            STRICT.list(top.get(OLD_TRAINEES, []), OLD_TRAINEES), STRICT, OLD_TRAINEES
        )
    except ShapeError as exc:
        raise ImportInvalid(exc.describe()) from None
    seen: set[str] = set()
    for i, g in enumerate(groups):
        if g.group.id in seen:
            raise ImportInvalid(ShapeError(f"groups[{i}].id", "duplicate").describe())
        seen.add(g.group.id)
    return ExportBundle(groups=groups, trainees=trainees)


def _upgrade_format_1(groups: Any) -> None:
    """Worksheets of a format-1 export in today's shape, in place. Anything not shaped as
    expected is left alone, for the strict parser to name."""
    for group in groups if isinstance(groups, list) else ():
        sheets = group.get("worksheets") if isinstance(group, dict) else None
        for sheet in sheets if isinstance(sheets, list) else ():
            if isinstance(sheet, dict) and "versions" not in sheet:
                with contextlib.suppress(KeyError, TypeError, AttributeError):
                    worksheet_v2_to_v3(sheet)


def read_export(source: Path) -> ExportBundle:
    try:
        size = os.stat(source).st_size
        if size > MAX_BYTES:
            raise ImportInvalid(t("portable.too_big", limit=MAX_BYTES // (1024 * 1024)))
        raw = source.read_bytes()
    except FileNotFoundError:
        raise StoreError(t("portable.no_such_file", file=str(source))) from None
    except IsADirectoryError:
        raise StoreError(t("portable.is_dir", file=str(source))) from None
    except OSError as exc:
        raise StoreError(t("portable.unreadable", file=str(source), code=exc.strerror)) from None
    return parse_export(raw)
