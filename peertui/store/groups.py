"""Groups: making and changing one, and a meeting in progress (plain functions; the ``Store``
facade holds the files and the lock)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peertui.i18n import _
from peertui.store import checks, schema
from peertui.store.errors import InvalidInput, NotFound, StoreError
from peertui.store.files import read_json, write_atomic
from peertui.store.layout import GROUP, DataFile
from peertui.store.paths import ID_RE, RUNS_DIR, make_private_dir
from peertui.store.schema import Group
from peertui.store.text import clean


def _tidy(name: str, course: str, facilitators: Sequence[str]) -> dict[str, Any]:
    """Names are trimmed (a participant's own words are kept exactly as typed)."""
    return {
        "name": name.strip() if isinstance(name, str) else name,
        "course": course.strip() if isinstance(course, str) else course,
        "facilitators": tuple(
            f.strip() if isinstance(f, str) else f
            for f in facilitators
            if not isinstance(f, str) or clean(f).strip()
        ),
    }


def new_group(
    name: str,
    course: str,
    facilitators: Sequence[str],
    start: date,
    retention: date,
    *,
    demo: bool = False,
) -> Group:
    """A new group, checked (``InvalidInput``, ``CprNumberRefused``)."""
    return _checked(
        id=schema.new_id(),
        start=start,
        retention=retention,
        demo=demo,
        **_tidy(name, course, facilitators),
    )


def _checked(**fields: Any) -> Group:
    for key in ("start", "retention"):
        if not isinstance(fields[key], date) or isinstance(fields[key], datetime):
            raise InvalidInput(_("The date is not a valid date."), key)
    return checks.accept_new(Group, **fields)


def update_group(data_file: DataFile, **changes: Any) -> Group:
    old = data_file.group()
    fields = schema.to_struct_fields(old)
    given = {k: v for k, v in changes.items() if v is not None}
    fields.update(given)
    fields.update(_tidy(fields["name"], fields["course"], fields["facilitators"]))
    new = _checked(**fields)
    data_file.table(GROUP).update(schema.to_doc(new), doc_ids=[1])
    return new


# --- a meeting in progress (the runner's position and clocks; no participant text) -----------


def run_path(data_dir: Path, group_id: str) -> Path:
    if not ID_RE.match(group_id):
        raise NotFound("group", group_id)
    return data_dir / RUNS_DIR / f"{group_id}.json"


#: The key an ended meeting's state is marked with (the day it ended, ``2026-03-01``).
ENDED = "ended"


def _read_run(data_dir: Path, group_id: str) -> dict[str, Any] | None:
    path = run_path(data_dir, group_id)
    try:
        data = read_json(path, f"{RUNS_DIR}/{path.name}")
    except (FileNotFoundError, StoreError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("meeting"), int):
        return None
    return data


def run_state(data_dir: Path, group_id: str) -> dict[str, Any] | None:
    """The saved state of a meeting left running (None if there is none, if it was ended,
    or if the file is damaged: a lost position is not a lost word)."""
    data = _read_run(data_dir, group_id)
    if data is None or ENDED in data:
        return None
    return data


def ended_run(data_dir: Path, group_id: str, today: date) -> dict[str, Any] | None:
    """The state of a meeting ended ``today`` (without the mark), to reopen it where it
    stopped; None on any other day: after the day it is gone."""
    data = _read_run(data_dir, group_id)
    if data is None or data.get(ENDED) != today.isoformat():
        return None
    return {key: value for key, value in data.items() if key != ENDED}


def end_run_state(data_dir: Path, group_id: str, meeting: int, today: date) -> None:
    """The meeting in progress has ended: keep its state, marked with the day, so that it
    can be reopened that same day (never resumed by itself at start-up)."""
    data = run_state(data_dir, group_id)
    if data is None or data.get("meeting") != meeting:
        return
    save_run_state(data_dir, group_id, {**data, ENDED: today.isoformat()})


def save_run_state(data_dir: Path, group_id: str, state: dict[str, Any]) -> None:
    path = run_path(data_dir, group_id)
    make_private_dir(path.parent)
    payload = json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")
    write_atomic(path, payload, f"{RUNS_DIR}/{path.name}")


def clear_run_state(data_dir: Path, group_id: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        run_path(data_dir, group_id).unlink()
