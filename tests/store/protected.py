"""Helpers for the tests of a protected data folder (peertui.store.protection)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest

from peertui.store import protection
from peertui.store.files import AGE_HEADER

PASSPHRASE = "rød hest på taget 42"
#: Files of a protected folder that are never encrypted (they hold no participant data).
LEFT_PLAIN = {"peertui.lock", "key.json", "protection.json"}


@contextlib.contextmanager
def fast_kdf() -> Iterator[None]:
    """Keys made inside are stretched with argon2id's smallest cost (1 pass, 8 KiB): the
    tests open many folders; the cost is kept in the key file, so opening them is fast too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(protection, "KDF_OPS", 1)
        patch.setattr(protection, "KDF_MEM", 8 * 1024)
        yield


def files_of(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, hidden and temp files included."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def rel(folder: Path, path: Path) -> str:
    return str(path.relative_to(folder))


def unsealed(folder: Path) -> list[str]:
    """The files that should be sealed and are not."""
    return [
        rel(folder, p)
        for p in files_of(folder)
        if rel(folder, p) not in LEFT_PLAIN and not p.read_bytes().startswith(AGE_HEADER)
    ]


def sealed(folder: Path) -> list[str]:
    return [rel(folder, p) for p in files_of(folder) if p.read_bytes().startswith(AGE_HEADER)]


def opened(folder: Path, identity: object) -> dict[str, bytes]:
    """Every file's content, sealed ones decrypted with ``identity`` (the lock left out)."""
    found = {}
    for path in files_of(folder):
        raw = path.read_bytes()
        if raw.startswith(AGE_HEADER):
            raw = pyrage.decrypt(raw, [identity])
        found[rel(folder, path)] = raw
    found.pop("peertui.lock", None)
    return found


def holding(contents: dict[str, bytes], *needles: bytes) -> list[str]:
    return [name for name, raw in contents.items() if any(n in raw for n in needles)]


def links(folder: Path) -> list[list[str]]:
    """Which files are hard links of each other (groups of two or more), by name."""
    by_inode: dict[tuple[int, int], list[str]] = {}
    for path in files_of(folder):
        info = os.lstat(path)
        by_inode.setdefault((info.st_dev, info.st_ino), []).append(rel(folder, path))
    return sorted(sorted(names) for names in by_inode.values() if len(names) > 1)
