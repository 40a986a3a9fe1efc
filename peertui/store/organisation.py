"""The organisation's profile: who issues the sheets and certificates.

Kept in ``organisation.json`` in the data folder (written atomically, with backups, like every
data file; it holds no participant data), and carried by export and import. A logo is taken
only as PNG or JPEG, at most ``LOGO_INPUT_MAX`` bytes and ``LOGO_PIXELS`` pixels, and is
re-encoded as a small PNG before it is kept: nothing of the original file (metadata, extra
chunks) reaches a sheet.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import msgspec

from peertui.i18n import _
from peertui.store import checks
from peertui.store.errors import InvalidInput, StoreDamaged
from peertui.store.files import dumps, read_bytes, write_atomic
from peertui.store.paths import ORGANISATION_NAME, backup_dir
from peertui.store.schema import LOGO_MAX, Organisation

LOGO_INPUT_MAX = 2 * 1024 * 1024
LOGO_PIXELS = 4000 * 4000  # a bigger image is refused before it is decoded
LOGO_SIDE = 600  # the longest side of the kept PNG
_FORMAT = "peertui-organisation"


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    organisation: Organisation


def read(data_dir: Path) -> Organisation:
    """The profile (empty if none was set). ``StoreDamaged`` if the file cannot be read."""
    try:
        raw = read_bytes(data_dir / ORGANISATION_NAME, ORGANISATION_NAME, limit=1024 * 1024)
    except FileNotFoundError:
        return Organisation()
    try:
        doc = msgspec.json.decode(raw)
        file = checks.convert(doc, _File)
    except (msgspec.DecodeError, checks.SchemaError, ValueError, RecursionError):
        raise StoreDamaged(ORGANISATION_NAME) from None
    if file.format != _FORMAT:
        raise StoreDamaged(ORGANISATION_NAME)
    return checks.validate(file.organisation)[0]  # cleaned, like any text that enters


def payload(organisation: Organisation) -> bytes:
    """The file's bytes for a checked profile."""
    return dumps({"format": _FORMAT, "organisation": organisation})


def write(data_dir: Path, organisation: Organisation, now: object) -> Organisation:
    """Check and keep the profile (``InvalidInput``, ``CprNumberRefused``, ``SaveFailed``)."""
    checked = checks.accept(organisation)
    write_atomic(
        data_dir / ORGANISATION_NAME,
        payload(checked),
        ORGANISATION_NAME,
        backup_folder=backup_dir(data_dir, ORGANISATION_NAME),
        now=now,  # type: ignore[arg-type]
    )
    return checked


def prepare_logo(raw: bytes) -> str:
    """A logo file as the profile keeps it: a re-encoded PNG, base64. ``InvalidInput`` (in
    Danish) for anything that is not a PNG or JPEG of a sensible size."""
    if len(raw) > LOGO_INPUT_MAX:
        raise InvalidInput(
            _("The logo is too large (at most {limit} KB).", limit=LOGO_INPUT_MAX // 1024), "logo"
        )
    if not (raw.startswith(b"\x89PNG\r\n\x1a\n") or raw.startswith(b"\xff\xd8\xff")):
        raise InvalidInput(_("The logo must be a PNG or JPEG image."), "logo")
    from PIL import Image, ImageFile  # Pillow (WeasyPrint's) loads only for a new logo

    # WeasyPrint, once imported, tells Pillow to accept cut-off images; a logo must be whole.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with Image.open(io.BytesIO(raw)) as whole:
            whole.verify()
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format not in ("PNG", "JPEG"):
                raise InvalidInput(_("The logo must be a PNG or JPEG image."), "logo")
            width, height = probe.size
            if width * height > LOGO_PIXELS or width < 1 or height < 1:
                raise InvalidInput(_("The logo has too many pixels; use a smaller image."), "logo")
            probe.load()
            image = probe.convert("RGBA")
    except InvalidInput:
        raise
    except Exception:  # Pillow raises many kinds for a broken file
        raise InvalidInput(_("The logo cannot be read as an image."), "logo") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    image.thumbnail((LOGO_SIDE, LOGO_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    png = out.getvalue()
    if len(png) > LOGO_MAX:
        raise InvalidInput(
            _("The logo is too large (at most {limit} KB).", limit=LOGO_MAX // 1024), "logo"
        )
    return base64.b64encode(png).decode("ascii")


def logo_png(organisation: Organisation) -> bytes | None:
    """The logo as PNG bytes, or None."""
    if not organisation.logo:
        return None
    try:
        return base64.b64decode(organisation.logo, validate=True)
    except ValueError:
        return None
