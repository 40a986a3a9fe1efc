"""Where the data lives, and the names of the files inside a data folder.

Resolution: ``--data-dir`` > ``PEERTUI_DATA_DIR`` > the platform's user data folder.
Folders are 0700 and files 0600, set explicitly (the umask is not trusted).

    <data>/
      peertui.lock                  held for the whole life of the writing process
      store.json                    schema (up to schema 3 also trainee records)
      groups/<group-id>.json        one file per group: everything about that group
      backups/store/<stamp>.json    rolling backups, per data file
      backups/groups/<group-id>/<stamp>.json
      damaged/...                   damaged files, moved aside by ``peertui data restore``
      runs/<group-id>.json          a meeting in progress: where it is, no participant text
      erasures/<id>.json            an erasure begun and not yet finished
      incoming/                     an import on its way in (its journal, its staged files)
      key.json                      a protected folder's data key, locked with the passphrase
      protection.json               protection being turned on or off (peertui.store.protection)
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "PEERTUI_DATA_DIR"
APP_NAME = "peertui"

DIR_MODE = 0o700
FILE_MODE = 0o600

LOCK_NAME = "peertui.lock"
STORE_NAME = "store.json"
ORGANISATION_NAME = "organisation.json"  # who issues the sheets: no participant data
GROUPS_DIR = "groups"
BACKUPS_DIR = "backups"
DAMAGED_DIR = "damaged"
RUNS_DIR = "runs"  # a meeting in progress per group: positions and clocks, no participant text
ERASURES_DIR = "erasures"  # erasures begun and not yet finished (peertui.store.erasure)
INCOMING_DIR = "incoming"  # an import on its way in (peertui.store.journal)
KEY_NAME = "key.json"  # a protected folder's data key, wrapped by the passphrase
CHANGE_NAME = "protection.json"  # protection being turned on or off (peertui.store.protection)

# Generated ids: hex digits only, so an id is always a safe file name.
ID_RE = re.compile(r"^[0-9a-f]{12,32}$")
TMP_SUFFIX = ".tmp"


def resolve_data_dir(
    flag: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """The data folder: ``flag`` if given, else ``$PEERTUI_DATA_DIR``, else the platform default."""
    if flag:
        return Path(flag).expanduser().absolute()
    environ = os.environ if env is None else env
    value = environ.get(ENV_VAR, "").strip()
    if value:
        return Path(value).expanduser().absolute()
    import platformdirs  # ~30 ms, only without a folder given (Textual loads it for the app)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).absolute()


def make_private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents, each 0700 (``mkdir -p`` ignores the mode for
    parents and the umask may narrow it), and make sure ``path`` itself is 0700."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)
    if not missing and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)


def group_rel(group_id: str) -> str:
    """The data-folder-relative name of a group's file."""
    return f"{GROUPS_DIR}/{group_id}.json"


def backup_dir(data_dir: Path, rel: str) -> Path:
    """Where the backups of the data file ``rel`` (e.g. ``groups/<id>.json``) go."""
    stem = rel.removesuffix(".json")
    return data_dir / BACKUPS_DIR / stem


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def is_peertui_dir(path: Path) -> bool:
    """True for a folder peertui may write in: missing, empty, or already a peertui data folder."""
    if not path.exists():
        return True
    if not path.is_dir():
        return False
    # Hidden files (.DS_Store from the Finder, for one) do not count.
    names = {p.name for p in path.iterdir() if not p.name.startswith(".")}
    if not names:
        return True
    ours = {LOCK_NAME, STORE_NAME, ORGANISATION_NAME, GROUPS_DIR, BACKUPS_DIR, DAMAGED_DIR}
    ours |= {RUNS_DIR}
    ours |= {ERASURES_DIR, INCOMING_DIR}
    ours |= {KEY_NAME, CHANGE_NAME}
    return bool(names & {STORE_NAME, GROUPS_DIR}) or names <= ours
