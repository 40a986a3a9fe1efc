"""Shared for the certificate tests: a real data folder with a training group and trainees
made through the store API, and the exporter's own helpers to read PDFs back."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from peertui.content import load_library
from peertui.export.links import qr_target
from peertui.store import open_store

LIBRARY = load_library()
REPO = Path(__file__).resolve().parents[2]
COURSE_ID = "bliv-inddragelsesfacilitator"
GROUP_NAME = "Kursusdag marts"


def course_link() -> str | None:
    """The course's ``link`` in the built-in content (None: it has none)."""
    course = LIBRARY.course(COURSE_ID)
    assert course is not None
    return course.link


def default_code() -> str:
    """What a default certificate's QR code carries: the course's page if it is a real
    address, else the text that explains the certificate (never a placeholder)."""
    target = qr_target("certificate", course_link(), "")
    code = target.url or target.text
    assert code is not None
    return code


def course_title() -> str:
    course = LIBRARY.course(COURSE_ID)
    assert course is not None
    return course.title


@dataclass(frozen=True)
class Teach:
    """One teaching, ``after`` days after the course day."""

    after: int
    audience: str
    count: int
    contact: bool | None = None


READY = (Teach(6, "citizens", 2), Teach(28, "colleagues", 3, True))
NOT_READY = (Teach(6, "citizens", 2), Teach(10, "colleagues", 3, False))


@dataclass(frozen=True)
class Setup:
    data_dir: Path
    group_id: str
    course_day: date
    trainee_id: str
    participant_id: str  # a participant of the same group who is not a trainee


def make_store(
    data_dir: Path,
    *,
    course_day: date,
    teachings: tuple[Teach, ...] = READY,
    alias: str = "Maja",
    organisation: str = "Foreningen Sind",
    role: str = "peer",
    facilitators: tuple[str, ...] = ("Lene Holm", "Karim"),
    group_name: str = GROUP_NAME,
) -> Setup:
    """A data folder with one training group, one trainee with ``teachings`` and one plain
    participant, all through the store's public API."""
    with open_store(data_dir) as store:
        group = store.create_group(
            group_name,
            COURSE_ID,
            list(facilitators),
            course_day,
            course_day + timedelta(days=365),
        )
        trainee = store.add_trainee(group.id, alias, organisation, role)
        for teach in teachings:
            store.record_teaching(
                group.id,
                trainee.id,
                held=course_day + timedelta(days=teach.after),
                audience=teach.audience,
                count=teach.count,
                citizen_contact=teach.contact,
            )
        plain = store.add_participant(group.id, "Ali", consents=["taking_part"])
    return Setup(data_dir, group.id, course_day, trainee.id, plain.id)


def certified_on(setup: Setup) -> date | None:
    with open_store(setup.data_dir, read_only=True) as store:
        training = store.participant(setup.group_id, setup.trainee_id).training
        assert training is not None
        return training.certified


def local_today() -> date:
    """The day the store's clock says (what the command line uses as 'today')."""
    return datetime.now(UTC).astimezone().date()


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def peertui(*args: str, cwd: Path | None = None) -> Run:
    """``python -m peertui ARGS`` in a subprocess, as a trainer would run it."""
    env = {**os.environ, "PEERTUI_LANG": "da", "PYTHONPATH": str(REPO)}
    env.pop("PEERTUI_DEBUG", None)
    env.pop("PEERTUI_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "peertui", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        timeout=120,
    )
    return Run(done.returncode, done.stdout, done.stderr)
