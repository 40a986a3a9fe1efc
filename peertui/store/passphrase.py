"""Files locked with a passphrase: the ``age`` format (https://age-encryption.org/v1), through
the ``pyrage`` bindings.

An encrypted export is the plain export's bytes, encrypted in memory with an ``age``
passphrase (scrypt) and written like any export; the ``age`` command-line tool opens it
(``age -d FILE``). Decrypting happens in memory too: the decrypted bytes never touch the disk.
Stretching the passphrase takes a second or two, by design.
"""

from __future__ import annotations

from pathlib import Path

import pyrage

from peertui.i18n import _
from peertui.store.errors import ImportInvalid, StoreError

#: A passphrase file is read up to this size; its first line is the passphrase.
PASSPHRASE_FILE_MAX = 64 * 1024
#: pyrage's words for a passphrase that does not open the file (age's scrypt stanza).
_WRONG = "Decryption failed"


class WrongPassphrase(StoreError):
    """The passphrase does not open the file. Nothing has been read from it."""

    def __init__(self, file: str) -> None:
        super().__init__(
            _(
                "The passphrase does not open {file}. Nothing has been changed.",
                file=file,
            )
        )


def encrypt(payload: bytes, passphrase: str) -> bytes:
    """``payload`` as an ``age`` file locked with ``passphrase`` (not empty)."""
    if not passphrase:
        raise ValueError("empty passphrase")
    sealed: bytes = pyrage.passphrase.encrypt(payload, passphrase)
    return sealed


def decrypt(raw: bytes, passphrase: str, file: str) -> bytes:
    """The plain bytes of an ``age`` file. ``WrongPassphrase``, or ``ImportInvalid`` for a
    file that is damaged or not locked with a passphrase."""
    try:
        opened: bytes = pyrage.passphrase.decrypt(raw, passphrase)
    except pyrage.DecryptError as exc:
        if str(exc) == _WRONG:
            raise WrongPassphrase(file) from None
        raise ImportInvalid(
            _("it is encrypted, but damaged or not locked with a passphrase.")
        ) from None
    return opened


def read_passphrase_file(source: Path) -> str:
    """The passphrase in ``source``: its first line, without the line ending. Only a regular
    file is read; an empty passphrase is refused."""
    from peertui.store.portable import read_limited  # the same careful reading as an import

    raw = read_limited(source, PASSPHRASE_FILE_MAX)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StoreError(
            _("The passphrase file {file} is not UTF-8 text.", file=str(source))
        ) from None
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise StoreError(
            _(
                "The passphrase file {file} is empty: write the passphrase on its first line.",
                file=str(source),
            )
        )
    return line
