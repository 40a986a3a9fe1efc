"""Safe file names and atomic writes for the exported PDFs.

* A name is built from plain ASCII parts only (letters, digits, ``-``), so it can never hold a
  path separator, ``..``, a drive letter, a control character, or a Windows device name
  (CON, NUL, COM1 ...), and it always ends in ``.pdf`` inside the chosen folder.
* A file is written to a temp file in the same folder (mode 0600), flushed and fsynced, then
  moved into place with ``os.link`` (which refuses to replace an existing file) or, when the
  caller asked to overwrite or the file system has no hard links (FAT, exFAT), ``os.replace``;
  then the folder is fsynced. A crash leaves either the old file or the new one, never half a
  PDF; at worst a hidden ``.peertui-*.tmp`` file (its name holds no alias).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import unicodedata
from datetime import date
from pathlib import Path

from peertui.export.errors import OutputExists, OutputFolderMissing, OutputNotWritable

MAX_STEM_PART = 40
# Windows device names; forbidden as a file's base name with or without an extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}
_NOT_SAFE = re.compile(r"[^A-Za-z0-9]+")


def safe_part(text: str, fallback: str) -> str:
    """``text`` as a lower-case ASCII slug (``Søren Ærø`` -> ``soeren-aeroe``), at most
    ``MAX_STEM_PART`` characters; ``fallback`` if nothing usable is left (an alias of only
    emoji, dots or slashes)."""
    ascii_text = (
        unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).translate(_DANISH))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = _NOT_SAFE.sub("-", ascii_text).strip("-").lower()[:MAX_STEM_PART].strip("-")
    if not slug or slug in _RESERVED:
        return fallback
    return slug


def file_name(*parts: str) -> str:
    """Join already-safe parts into ``a-b-c.pdf``."""
    stem = "-".join(p for p in parts if p)
    if stem.split(".")[0].lower() in _RESERVED:  # pragma: no cover - parts are slugs
        stem = f"peertui-{stem}"
    return f"{stem}.pdf"


def day_part(day: date) -> str:
    return day.isoformat()


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, after checking that ``name`` is one plain file name."""
    if (
        not name
        or name in {".", ".."}
        or "/" in name
        or "\\" in name
        or "\0" in name
        or Path(name).name != name
    ):
        raise ValueError("not a plain file name")
    return folder / name


def unique_names(names: list[str]) -> list[str]:
    """Make repeated names within one batch unique: ``x.pdf``, ``x-2.pdf``, ``x-3.pdf``."""
    seen: dict[str, int] = {}
    taken = set(names)
    out: list[str] = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        if count == 1:
            out.append(name)
            continue
        stem = name.removesuffix(".pdf")
        n = count
        while f"{stem}-{n}.pdf" in taken:
            n += 1
        candidate = f"{stem}-{n}.pdf"
        taken.add(candidate)
        out.append(candidate)
    return out


def check_folder(folder: Path) -> Path:
    """The folder, resolved; ``OutputFolderMissing`` if it does not exist, ``OutputNotWritable``
    if we may not write there."""
    try:
        resolved = folder.expanduser().resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        raise OutputFolderMissing(folder) from None
    except OSError as error:
        raise OutputNotWritable(folder, error) from None
    if not resolved.is_dir():
        raise OutputFolderMissing(folder)
    if not os.access(resolved, os.W_OK | os.X_OK):
        raise OutputNotWritable(folder, PermissionError(errno.EACCES, "not writable"))
    return resolved


def check_free(folder: Path, paths: list[Path], force: bool) -> None:
    """``OutputExists`` (naming every clash) before anything is written, unless ``force``."""
    if force:
        return
    existing = tuple(p for p in paths if p.exists() or p.is_symlink())
    if existing:
        raise OutputExists(folder, existing)


def _temp_path(target: Path) -> Path:
    return target.with_name(f".peertui-{secrets.token_hex(6)}.tmp")


def write_atomic(target: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``target`` (mode 0600) so that it is all there or not there at all.
    Never replaces an existing file unless ``force``. Errors become ``OutputExists`` or
    ``OutputNotWritable`` with a Danish message."""
    folder = target.parent
    temp = _temp_path(target)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(temp, flags, 0o600)
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)  # whatever the umask; FAT ignores it
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        _move_into_place(temp, target, force=force)
        _fsync_folder(folder)
    except OutputExists:
        raise
    except OSError as error:
        raise OutputNotWritable(folder, error) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _move_into_place(temp: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # atomic, and fails if target exists
    except FileExistsError:
        raise OutputExists(target.parent, (target,)) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here (FAT, exFAT, some network shares): check, then replace.
        if target.exists() or target.is_symlink():
            raise OutputExists(target.parent, (target,)) from None
        os.replace(temp, target)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems cannot fsync a folder
        pass
    finally:
        os.close(fd)
