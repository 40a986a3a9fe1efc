"""Export and import: all of a data folder as one JSON file (format in docs/data.md).

An export is a pure function of the stored data: the same data gives the same bytes, so
export -> import -> export is byte-identical. An import file is read up to ``MAX_BYTES``
whatever its size claims to be, and checked completely (JSON, the schema, references, no CPR
numbers, control characters removed and reported) before anything is written; the store then
brings it in all at once (``peertui.store.journal``).

An export is encrypted by default: the same bytes, locked with a passphrase in the ``age``
format (``peertui.store.passphrase``). Reading one recognises the format by its header and
decrypts in memory; the limit applies to the encrypted file as read.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from peertui.i18n import _
from peertui.store import checks, passphrase, schema
from peertui.store.checks import SchemaError
from peertui.store.errors import ImportInvalid, StoreError
from peertui.store.files import is_sealed, write_atomic
from peertui.store.schema import GroupData, GroupEntry, Organisation

FORMAT = "peertui-export"
#: 4: groups hold their participants (trainees too), attendance, statements, worksheets and
#: meeting logs, as in schema 4 of the data files. 5: also the organisation's profile
#: (``"organisation"``, left out when none is set). Formats 1-3 came only from test versions
#: of peertui before its first release and are refused with a message.
FORMAT_VERSION = 5
OLDEST_FORMAT = 4
MAX_BYTES = 100 * 1024 * 1024  # documented in docs/data.md


@dataclass(frozen=True, slots=True)
class ExportBundle:
    groups: tuple[GroupData, ...]
    #: The organisation's profile (None: the file has none; an empty one is not exported).
    organisation: Organisation | None = None
    #: Where an import file's texts lost control characters (paths such as
    #: ``groups[0].participants[1].alias``; never the text).
    cleaned: tuple[str, ...] = ()


class _ExportFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    format_version: int
    groups: tuple[GroupEntry, ...] = ()
    organisation: Organisation | None = None


def export_document(bundle: ExportBundle) -> dict[str, Any]:
    groups = sorted(bundle.groups, key=lambda g: g.group.id)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "groups": [schema.to_doc(g.entry()) for g in groups],
    }
    if bundle.organisation is not None and bundle.organisation != Organisation():
        doc["organisation"] = schema.to_doc(bundle.organisation)
    return doc


def export_bytes(bundle: ExportBundle) -> bytes:
    text = json.dumps(export_document(bundle), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def check_target(target: Path, *, overwrite: bool = False) -> None:
    """``StoreError`` if the export cannot be written to ``target`` (asked before a passphrase)."""
    if target.is_dir():
        raise StoreError(_("{file} is a folder, not a file.", file=str(target)))
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise StoreError(
            _("{file} already exists. Choose another name, or use --force.", file=str(target))
        )
    if not target.absolute().parent.is_dir():
        raise StoreError(_("The folder for {file} does not exist.", file=str(target)))


def write_export(
    bundle: ExportBundle, target: Path, *, overwrite: bool = False, secret: str | None = None
) -> int:
    """Write the export to ``target`` (0600: it holds health data), encrypted with the
    passphrase ``secret`` unless it is None. Returns the byte count written."""
    check_target(target, overwrite=overwrite)
    payload = export_bytes(bundle)
    if secret is not None:
        payload = passphrase.encrypt(payload, secret)
    # Never sealed with a data folder's key, even if written inside one: an export opens
    # with its own passphrase (or none), anywhere.
    write_atomic(target.absolute(), payload, target.name, seal=False)
    return len(payload)


def _header(doc: Any) -> None:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportInvalid(_("it is not an export from peertui."))
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportInvalid(_("it is not an export from peertui."))
    if version > FORMAT_VERSION:
        raise ImportInvalid(
            _(
                "it was made by a newer peertui (format {found}; this version knows up "
                "to {supported}).",
                found=version,
                supported=FORMAT_VERSION,
            )
        )
    if version < OLDEST_FORMAT:
        raise ImportInvalid(
            _(
                "it is from an early trial version of peertui (format {found}); this "
                "version reads format {oldest} and newer.",
                found=version,
                oldest=OLDEST_FORMAT,
            )
        )


def parse_export(raw: bytes) -> ExportBundle:
    """Check an export completely. ``ImportInvalid`` names the first problem and where."""
    if len(raw) > MAX_BYTES:
        raise ImportInvalid(_("it is larger than {limit} MB.", limit=MAX_BYTES // (1024 * 1024)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportInvalid(
            _(
                "it is not saved as UTF-8 text (line {line}); it may not be an export "
                "from peertui.",
                line=raw[: exc.start].count(b"\n") + 1,
            )
        ) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportInvalid(
            _(
                "it is not valid JSON (line {line}, column {column}).",
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
    except RecursionError:
        raise ImportInvalid(_("it is nested too deeply.")) from None
    except ValueError:  # a number of more than 4,300 digits
        raise ImportInvalid(_("it contains a number with far too many digits.")) from None
    _header(doc)
    try:
        cleaned = checks.clean_doc(doc)
        top = checks.convert(doc, _ExportFile)
        groups = tuple(checks.group_data(g, f"groups[{i}]") for i, g in enumerate(top.groups))
    except SchemaError as exc:
        raise ImportInvalid(exc.describe()) from None
    except RecursionError:
        raise ImportInvalid(_("it is nested too deeply.")) from None
    seen: set[str] = set()
    for i, g in enumerate(groups):
        if g.group.id in seen:
            raise ImportInvalid(SchemaError(f"groups[{i}].id", "duplicate").describe())
        seen.add(g.group.id)
    return ExportBundle(groups=groups, organisation=top.organisation, cleaned=tuple(cleaned))


def read_export(source: Path, secret: Callable[[], str] | None = None) -> ExportBundle:
    """Read and check an import file: at most ``MAX_BYTES`` are read, whatever ``stat`` says,
    and only from a regular file (a FIFO or a device is refused at once, never waited on).
    An encrypted file is opened with the passphrase ``secret()`` gives (asked only then)."""
    raw = read_limited(source, MAX_BYTES)
    if is_sealed(raw):  # an age file, recognised as the store recognises its own
        if len(raw) > MAX_BYTES:
            raise ImportInvalid(
                _("it is larger than {limit} MB.", limit=MAX_BYTES // (1024 * 1024))
            )
        if secret is None:
            raise ImportInvalid(_("it is encrypted, and no passphrase was given."))
        raw = passphrase.decrypt(raw, secret(), str(source))
    return parse_export(raw)


def read_limited(source: Path, limit: int) -> bytes:
    """The bytes of the regular file ``source``, at most ``limit`` and one more."""
    name = str(source)
    try:
        fd = os.open(source, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        raise StoreError(_("{file} does not exist.", file=name)) from None
    except IsADirectoryError:
        raise StoreError(_("{file} is a folder, not a file.", file=name)) from None
    except OSError as exc:
        raise StoreError(
            _("{file} cannot be read ({code}).", file=name, code=exc.strerror)
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise StoreError(_("{file} is a folder, not a file.", file=name))
        if not stat.S_ISREG(mode):
            raise StoreError(_("{file} is not a regular file.", file=name))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        code = exc.strerror or errno.errorcode.get(exc.errno or 0, "?")
        raise StoreError(_("{file} cannot be read ({code}).", file=name, code=code)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)
