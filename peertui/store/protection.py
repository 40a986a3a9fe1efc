"""A protected data folder: every data file encrypted at rest, opened with a passphrase.

    key.json          the data key, locked with the passphrase (no participant data)
    protection.json   protection being turned on or off: written first, removed last

**The data key** is an ``age`` X25519 identity (https://age-encryption.org/v1). Every data file
of a protected folder (the store, the groups, the organisation, every backup, damaged copies,
meeting runs, erasure records, an import's staged files) is an ``age`` file encrypted to it.
The sealing itself happens in one place, ``peertui.store.files`` (``AgeSealer`` registered for
the folder); a file is recognised by its own first line, so a folder half-way through being
protected or unprotected reads correctly.

**The passphrase** unlocks the data key: ``key.json`` holds the identity encrypted with
``nacl.secret.SecretBox`` under a key stretched from the passphrase with argon2id (its salt
and cost are in the file). Stretching takes about 0.4 s, once per start, never per file.
Changing the passphrase rewrites only ``key.json`` (atomically, without a backup: an old copy
would still open with the old passphrase).

**The recovery key** is the data key itself, written as ``AGE-SECRET-KEY-1…`` (with a checksum
that catches a mistyped letter) on the recovery sheet that ``peertui data protect`` writes
once. It opens the folder without ``key.json`` (a damaged or lost key file loses nothing), it
sets a new passphrase (``peertui data passphrase --recovery-key``), and the ``age`` tool opens
any data file with it (``age -d -i sheet-key.txt groups/<id>.json``). Without the passphrase
and without the recovery key, nobody can read the data.

**All or nothing.** Turning protection on writes ``protection.json`` (``{"to": "protected"}``),
then ``key.json`` (the moment protection is on), then converts file by file (each replaced
atomically; hard links between a file and its backups are kept), forces the folders to the
disk and removes ``protection.json`` last. Turning it off writes ``{"to": "plain"}``, converts
back, removes ``key.json``, then the record. A process killed on the way leaves the record,
and the next writable open finishes the change (asking for the passphrase like any open of a
protected folder), or, if ``key.json`` was never written, removes the record: nothing changed.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeAlias

import msgspec
import pyrage

from peertui import labels
from peertui.i18n import _
from peertui.store.errors import SaveFailed, StoreDamaged, StoreError
from peertui.store.files import (
    AGE_HEADER,
    classify,
    fsync_dir,
    is_sealed,
    read_bytes,
    stage,
    write_atomic,
)
from peertui.store.passphrase import WrongPassphrase
from peertui.store.paths import (
    CHANGE_NAME,
    GROUPS_DIR,
    KEY_NAME,
    LOCK_NAME,
    STORE_NAME,
    is_temp_name,
)

log = logging.getLogger(__name__)

#: An ``age`` X25519 identity (pyrage has no type hints: ``Any`` to mypy).
Identity: TypeAlias = pyrage.x25519.Identity
Direction = Literal["protected", "plain"]

#: argon2id's cost: about 0.4 s on a laptop of 2025. Kept in ``key.json`` with the salt, so a
#: later peertui may choose a higher cost for new keys and still open the old ones.
KDF_OPS = 3
KDF_MEM = 160 * 1024 * 1024
_KEY_FILE_MAX = 64 * 1024
_FORMAT = "peertui-key"
#: How the recovery key is printed: its prefix, then groups of this many letters.
RECOVERY_PREFIX = "AGE-SECRET-KEY-1"
RECOVERY_GROUP = 6


# --- errors ------------------------------------------------------------------------------------


class PassphraseNeeded(StoreError):
    """The folder is protected and no passphrase (or recovery key) was given."""

    def __init__(self, data_dir: str) -> None:
        super().__init__(
            _(
                "The data folder {dir} is protected with a passphrase. Give the passphrase "
                "to open it.",
                dir=data_dir,
            )
        )


class WrongRecoveryKey(StoreError):
    def __init__(self, data_dir: str) -> None:
        super().__init__(
            _(
                "The recovery key does not open the data folder {dir}. Check it letter by "
                "letter against the recovery sheet. Nothing has been changed.",
                dir=data_dir,
            )
        )


class KeyDamaged(StoreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The data folder's key file ({file}) cannot be read. Open the folder with the "
                "recovery key: peertui data passphrase --recovery-key",
                file=KEY_NAME,
            )
        )


class ProtectionUnfinished(StoreError):
    """The change is written down; the next writable open finishes it."""

    def __init__(self, to: Direction, reason: str) -> None:
        message = (
            _(
                "Protection has been turned on, but not every file is encrypted yet ({reason}). "
                "peertui finishes it the next time it opens the data folder.",
                reason=reason,
            )
            if to == "protected"
            else _(
                "Protection is being turned off, but not every file is decrypted yet "
                "({reason}). peertui finishes it the next time it opens the data folder.",
                reason=reason,
            )
        )
        super().__init__(message)
        self.to = to


# --- the key file ------------------------------------------------------------------------------


class Wrapped(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The identity, encrypted with a key stretched from the passphrase."""

    kdf: Literal["argon2id"]
    ops: int
    mem: int
    salt: bytes  # base64 in the JSON
    box: bytes  # SecretBox: nonce and ciphertext of the identity's text


class KeyFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    recipient: str  # the public half: what new files are encrypted to
    passphrase: Wrapped


class Change(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    to: Direction


def is_protected(data_dir: Path) -> bool:
    """Does the folder hold a data key (``key.json``), or, if that was lost, is its
    ``store.json`` sealed? Then it opens only with the passphrase or the recovery key."""
    if os.path.lexists(data_dir / KEY_NAME):
        return True
    try:
        with open(data_dir / STORE_NAME, "rb", opener=_no_follow) as fh:
            return is_sealed(fh.read(len(AGE_HEADER)))
    except OSError:
        return False


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK)


def new_identity() -> Identity:
    """A fresh data key."""
    return pyrage.x25519.Identity.generate()


def _normal(passphrase: str) -> bytes:
    # The same passphrase typed on a Mac (decomposed å) and on Linux (composed) opens the key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _box_key(passphrase: str, salt: bytes, ops: int, mem: int) -> bytes:
    from nacl import pwhash, secret  # PyNaCl (libsodium) loads only for a protected folder

    key: bytes = pwhash.argon2id.kdf(
        secret.SecretBox.KEY_SIZE, _normal(passphrase), salt, opslimit=ops, memlimit=mem
    )
    return key


def wrap(identity: Identity, passphrase: str) -> KeyFile:
    """A key file holding ``identity``, locked with ``passphrase`` (not empty)."""
    from nacl import pwhash, secret, utils

    if not passphrase:
        raise ValueError("empty passphrase")
    salt = utils.random(pwhash.argon2id.SALTBYTES)
    key = _box_key(passphrase, salt, KDF_OPS, KDF_MEM)
    box = bytes(secret.SecretBox(key).encrypt(str(identity).encode("ascii")))
    return KeyFile(
        format=_FORMAT,
        version=1,
        recipient=str(identity.to_public()),
        passphrase=Wrapped(kdf="argon2id", ops=KDF_OPS, mem=KDF_MEM, salt=salt, box=box),
    )


def read_key_file(data_dir: Path) -> KeyFile:
    """``KeyDamaged`` if it cannot be read or is not a key file."""
    try:
        raw = read_bytes(data_dir / KEY_NAME, KEY_NAME, limit=_KEY_FILE_MAX, raw=True)
        found = msgspec.json.decode(raw, type=KeyFile)
    except (StoreError, OSError, msgspec.DecodeError, msgspec.ValidationError):
        raise KeyDamaged() from None
    wrapped = found.passphrase
    sane = 1 <= wrapped.ops <= 100 and 8 * 1024 <= wrapped.mem <= 4 * 1024**3
    if found.format != _FORMAT or found.version != 1 or not sane:
        raise KeyDamaged()
    return found


def unwrap(key_file: KeyFile, passphrase: str, data_dir: Path) -> Identity:
    """The identity in ``key_file``. ``WrongPassphrase`` if the passphrase does not open it."""
    from nacl import exceptions, secret

    wrapped = key_file.passphrase
    key = _box_key(passphrase, wrapped.salt, wrapped.ops, wrapped.mem)
    try:
        text = secret.SecretBox(key).decrypt(wrapped.box).decode("ascii")
        identity = pyrage.x25519.Identity.from_str(text)
    except (exceptions.CryptoError, UnicodeDecodeError, pyrage.IdentityError):
        raise WrongPassphrase(str(data_dir)) from None
    if str(identity.to_public()) != key_file.recipient:
        raise KeyDamaged()
    return identity


def write_key(data_dir: Path, identity: Identity, passphrase: str) -> None:
    """Lock ``identity`` with ``passphrase`` in ``key.json``, replacing it atomically and
    without a backup. ``SaveFailed``."""
    payload = msgspec.json.encode(wrap(identity, passphrase))
    write_atomic(data_dir / KEY_NAME, payload, KEY_NAME, seal=False)


# --- the recovery key --------------------------------------------------------------------------


def recovery_key(identity: Identity) -> str:
    """The recovery key as printed: ``AGE-SECRET-KEY-1`` and groups of letters."""
    text = str(identity)
    assert text.startswith(RECOVERY_PREFIX)
    rest = text[len(RECOVERY_PREFIX) :]
    groups = [rest[i : i + RECOVERY_GROUP] for i in range(0, len(rest), RECOVERY_GROUP)]
    return " ".join([RECOVERY_PREFIX, *groups])


def parse_recovery_key(text: str, data_dir: Path) -> Identity:
    """The identity a recovery key names (spaces, line breaks and case do not matter).
    ``WrongRecoveryKey`` if it is not one (its checksum catches a mistyped letter)."""
    compact = "".join(text.split()).upper()
    try:
        return pyrage.x25519.Identity.from_str(compact)
    except (pyrage.IdentityError, ValueError):
        raise WrongRecoveryKey(str(data_dir)) from None


def _opens_a_file(data_dir: Path, identity: Identity) -> bool:
    """Without a key file to compare with: does ``identity`` open the folder's sealed files
    (the first one found)? True if there is none."""
    candidates = [data_dir / STORE_NAME]
    groups = data_dir / GROUPS_DIR
    with contextlib.suppress(OSError):
        candidates += sorted(groups.iterdir())
    for path in candidates:
        try:
            raw = read_bytes(path, path.name, raw=True)
        except (OSError, StoreError):
            continue
        if not is_sealed(raw):
            continue
        try:
            pyrage.decrypt(raw, [identity])
        except pyrage.DecryptError:
            return False
        return True
    return True


def unlock(
    data_dir: Path, *, passphrase: str | None = None, recovery: str | None = None
) -> Identity | None:
    """The folder's data key (None if the folder is not protected). ``PassphraseNeeded``,
    ``WrongPassphrase``, ``WrongRecoveryKey`` or ``KeyDamaged``. Nothing is written."""
    if not is_protected(data_dir):
        return None
    if recovery is not None:
        identity = parse_recovery_key(recovery, data_dir)
        try:
            key_file: KeyFile | None = read_key_file(data_dir)
        except KeyDamaged:
            key_file = None
        if key_file is not None:
            if str(identity.to_public()) != key_file.recipient:
                raise WrongRecoveryKey(str(data_dir))
        elif not _opens_a_file(data_dir, identity):
            raise WrongRecoveryKey(str(data_dir))
        return identity
    if passphrase is None:
        raise PassphraseNeeded(str(data_dir))
    return unwrap(read_key_file(data_dir), passphrase, data_dir)


def check_key(data_dir: Path, identity: Identity) -> Identity:
    """``identity``, unlocked before, if it is still this folder's data key
    (``WrongRecoveryKey`` if not; a damaged key file cannot say, and is not asked)."""
    try:
        recipient = read_key_file(data_dir).recipient
    except KeyDamaged:
        return identity
    if str(identity.to_public()) != recipient:
        raise WrongRecoveryKey(str(data_dir))
    return identity


# --- sealing -----------------------------------------------------------------------------------


class AgeSealer:
    """A protected folder's ``files.Sealer``: new files encrypted to the data key (unless
    ``sealing`` is off: protection is being turned off), sealed files opened with it."""

    def __init__(self, identity: Identity, *, sealing: bool) -> None:
        self.identity = identity
        self.recipient = identity.to_public()
        self.sealing = sealing

    def seal(self, payload: bytes) -> bytes:
        if not self.sealing:
            return payload
        sealed: bytes = pyrage.encrypt(payload, [self.recipient])
        return sealed

    def open(self, raw: bytes, rel: str) -> bytes:
        try:
            opened: bytes = pyrage.decrypt(raw, [self.identity])
        except pyrage.DecryptError:
            raise StoreDamaged(rel) from None
        return opened


# --- turning protection on and off -------------------------------------------------------------


def read_change(data_dir: Path) -> Change | None:
    """The change under way (None: none). A record that cannot be read counts as none: it
    is removed by the next writable open (``finish``)."""
    try:
        raw = read_bytes(data_dir / CHANGE_NAME, CHANGE_NAME, limit=4096, raw=True)
        return msgspec.json.decode(raw, type=Change)
    except FileNotFoundError:
        return None
    except (StoreError, OSError, msgspec.DecodeError, msgspec.ValidationError):
        return Change(to="plain") if not is_protected(data_dir) else Change(to="protected")


def begin(data_dir: Path, to: Direction) -> None:
    """Write the change down. ``StoreError`` if that failed: nothing has changed."""
    try:
        write_atomic(data_dir / CHANGE_NAME, msgspec.json.encode(Change(to=to)), CHANGE_NAME,
                     seal=False)  # fmt: skip
    except SaveFailed as exc:
        raise StoreError(
            _(
                "Nothing has been changed: {reason}. Try again.",
                reason=_(labels.REASON[exc.reason]),
            )
        ) from None


def end(data_dir: Path) -> None:
    """The change is done: remove its record (last), durably."""
    with contextlib.suppress(FileNotFoundError):
        (data_dir / CHANGE_NAME).unlink()
    fsync_dir(data_dir)


def remove_key(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (data_dir / KEY_NAME).unlink()
    fsync_dir(data_dir)


#: Files of the data folder that stay as they are: the lock (a process id), the key file and
#: the change record (both needed before anything can be decrypted).
_LEFT_AS_THEY_ARE = {LOCK_NAME, KEY_NAME, CHANGE_NAME}


def data_files(data_dir: Path) -> list[Path]:
    """Every regular file of the data folder that is converted: everything except the lock,
    the key file, the change record, temp and hidden files, links and sockets."""
    found: list[Path] = []
    for root, dirs, files in os.walk(data_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        top = Path(root) == data_dir
        for name in sorted(files):
            if name.startswith(".") or is_temp_name(name) or (top and name in _LEFT_AS_THEY_ARE):
                continue
            path = Path(root) / name
            with contextlib.suppress(FileNotFoundError):
                if stat.S_ISREG(os.lstat(path).st_mode):
                    found.append(path)
    return found


@dataclass
class Converted:
    files: int = 0  # files rewritten
    left: int = 0  # sealed files the data key does not open (not this folder's: left alone)


def convert(data_dir: Path, identity: Identity, to: Direction) -> Converted:
    """Encrypt (``to="protected"``) or decrypt every data file that is not yet so, each
    replaced atomically; files that were hard links of each other (a file and its backup)
    stay so. Every folder touched is forced to the disk before this returns. Raises
    ``SaveFailed`` or ``OSError`` (what is done stays done; run it again to go on)."""
    recipient = identity.to_public()
    done = Converted()
    linked: dict[tuple[int, int], Path] = {}  # an old inode -> its converted file
    folders: set[Path] = set()
    for path in data_files(data_dir):
        rel = str(path.relative_to(data_dir))
        try:
            info = os.lstat(path)
            raw = read_bytes(path, rel, raw=True)
        except FileNotFoundError:
            continue
        except StoreDamaged:
            continue  # it changed kind since it was listed: not a regular file any more
        sealed = is_sealed(raw)
        if sealed == (to == "protected"):
            continue
        inode = (info.st_dev, info.st_ino)
        twin = linked.get(inode)
        if twin is not None:
            tmp = path.with_name(f".{path.name}.link{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            try:
                os.link(twin, tmp)
            except OSError:
                twin = None  # no hard links here: convert it on its own
            else:
                os.replace(tmp, path)
        if twin is None:
            if to == "protected":
                payload: bytes = pyrage.encrypt(raw, [recipient])
            else:
                try:
                    payload = pyrage.decrypt(raw, [identity])
                except pyrage.DecryptError:
                    log.warning("%s does not open with the data key: left as it is", rel)
                    done.left += 1
                    continue
            tmp = stage(path, payload, rel, seal=False)
            try:
                os.replace(tmp, path)
            except OSError as exc:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise SaveFailed(
                    rel, classify(exc), errno.errorcode.get(exc.errno or 0, "")
                ) from exc
            if info.st_nlink > 1:
                linked[inode] = path
        folders.add(path.parent)
        done.files += 1
    for folder in sorted(folders):
        fsync_dir(folder)
    return done


def finish(data_dir: Path, change: Change, identity: Identity | None) -> str:
    """Finish (or, if ``key.json`` was never written, undo) a change found on opening.
    Returns ``"protected"``, ``"plain"`` or ``"undone"``. Raises like ``convert``."""
    if change.to == "protected":
        if identity is None or not is_protected(data_dir):
            end(data_dir)  # stopped before the key was written: no file was touched
            return "undone"
        convert(data_dir, identity, "protected")
        end(data_dir)
        return "protected"
    if identity is not None:
        convert(data_dir, identity, "plain")
        remove_key(data_dir)
    end(data_dir)
    return "plain"


def reason_of(exc: BaseException) -> str:
    """A failure during a change, in words (the disk is full, the folder is read-only)."""
    if isinstance(exc, SaveFailed):
        return _(labels.REASON[exc.reason])
    if isinstance(exc, OSError):
        return _(labels.REASON[classify(exc)])
    return str(exc)
