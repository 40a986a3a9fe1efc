"""The store: saving one statement edit, and opening the store, at 100, 1,000 and 10,000
statements.

Layout: statements are spread over group files of ``PER_GROUP`` statements each (10
participants with 10 statements, two versions each, four answers of about 130 characters):
a heavy group, far above the 8-12 statements of a real one. One edit rewrites one group file,
so its cost does not grow with the rest of the store. The baseline is a bare ``json.dump`` of
the same data that file holds, plus flush and fsync, timed in the same loop, alternating.

Two more rows: the same edit against ``json.dumps`` (the C encoder, what the storage uses;
``json.dump`` streams through the slower pure-Python encoder), and the naive layout of all
10,000 statements in one file, against ``json.dump`` of that one file.

A protected data folder (issue 18; ``protected_rows``): the same edit in a protected copy of
the same folder against the plain one, alternating edit by edit (target: at most 1.5 times),
and opening the protected copy with its passphrase (argon2id at its real cost, then every file
decrypted) against opening the plain one (target: at most 1 s more).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.common import Row, median, p95
from peertui.store.schema import (
    Consent,
    Group,
    GroupData,
    Participant,
    Statement,
    StatementVersion,
)
from peertui.store.store import ExportBundle, Store, open_store

SIZES = (100, 1_000, 10_000)
PER_GROUP = 100
PARTICIPANTS = 10
SAVES = 60
NAIVE_SAVES = 15
LOADS = 5
TARGET = 1.5

_SENTENCE = (
    "jeg vil gerne have hjælp til at finde en rytme i hverdagen, så jeg kan være der for "
    "mine børn og stadig have overskud til at se mine venner om aftenen"
)
_WORDS = _SENTENCE.split()


def _text(rng: random.Random, length: int = 130) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(_WORDS))
    return " ".join(words).capitalize() + "."


def _group(n: int, statements: int, participants: int, rng: random.Random) -> GroupData:
    start = date(2025, 1, 6)
    group = Group(
        id=f"{n:012x}a0000001",
        name=f"Gruppe {n}",
        course="vejen-til-hverdagslivet",
        facilitators=("Birgitte", "Karim"),
        start=start,
        retention=start + timedelta(days=365),
    )
    people = tuple(
        Participant(
            id=f"{n:012x}b{i:07x}",
            alias=f"Deltager {i}",
            added=start,
            consents={"taking_part": Consent(start), "store_statement": Consent(start)},
        )
        for i in range(participants)
    )
    saved = datetime(2025, 1, 13, 10, tzinfo=UTC)
    texts = tuple(
        Statement(
            id=f"{n:012x}c{i:07x}",
            participant=people[i % participants].id,
            occasion="Møde med kommunen",
            versions=tuple(
                StatementVersion(saved + timedelta(days=7 * v), tuple(_text(rng) for _ in range(4)))
                for v in range(2)
            ),
        )
        for i in range(statements)
    )
    return GroupData(group=group, participants=people, statements=texts)


def _build(folder: Path, total: int, per_group: int, participants: int) -> None:
    rng = random.Random(total)
    groups = tuple(
        _group(n, per_group, participants, rng) for n in range(max(1, total // per_group))
    )
    with open_store(folder) as store:
        store.import_bundle(ExportBundle(groups=groups))


def _bare_json_dump(path: Path, data: object) -> Callable[[], None]:
    def save() -> None:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())

    return save


def _bare_json_dumps(path: Path, data: object) -> Callable[[], None]:
    def save() -> None:
        with open(path, "wb") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())

    return save


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _saves(
    store: Store, samples: int, rng: random.Random, scratch: Path
) -> tuple[list[float], list[float], list[float], int]:
    """Edit a random statement ``samples`` times; time each edit and both baselines."""
    groups = [g.id for g in store.groups()]
    ours: list[float] = []
    dump: list[float] = []
    dumps: list[float] = []
    size = 0
    for i in range(samples):
        gid = rng.choice(groups)
        statement = rng.choice(store.statements(gid))
        answers = [f"{_text(rng)} ({i})", *statement.answers[1:]]
        ours.append(_time(lambda: store.update_statement(gid, statement.id, answers)))  # noqa: B023
        data = store._groups[gid].tables()  # exactly what that save wrote
        size = (store.data_dir / "groups" / f"{gid}.json").stat().st_size
        dump.append(_time(_bare_json_dump(scratch / "dump.json", data)))
        dumps.append(_time(_bare_json_dumps(scratch / "dumps.json", data)))
    return ours, dump, dumps, size


def _load(folder: Path) -> tuple[float, float]:
    """Median time to open the store, and to json.load every data file (baseline)."""
    files = [folder / "store.json", *sorted((folder / "groups").glob("*.json"))]

    def bare() -> None:
        for path in files:
            with open(path, encoding="utf-8") as fh:
                json.load(fh)

    def ours() -> None:
        open_store(folder).close()

    return (
        median([_time(ours) for _ in range(LOADS)]),
        median([_time(bare) for _ in range(LOADS)]),
    )


def run() -> list[Row]:
    rows: list[Row] = []
    root = Path(tempfile.mkdtemp(prefix="peertui-bench-store-"))
    rng = random.Random(3)
    try:
        for total in SIZES:
            folder = root / f"split-{total}"
            _build(folder, total, PER_GROUP, PARTICIPANTS)
            with open_store(folder) as store:
                ours, dump, dumps, size = _saves(store, SAVES, rng, root)
            files = max(1, total // PER_GROUP)
            where = (
                f"{files} group file(s) of {PER_GROUP} statements; "
                f"the edit rewrites one ({size // 1024} KB)"
            )
            target = f"<= {TARGET}x at 10k" if total == 10_000 else ""
            base = "json.dump+fsync"
            rows.append(
                Row(
                    f"store save, {total} st., median",
                    median(ours),
                    median(dump),
                    base,
                    target,
                    where,
                )
            )
            rows.append(
                Row(f"store save, {total} st., p95", p95(ours), p95(dump), base, target, "")
            )
            if total == 10_000:
                rows.append(
                    Row(
                        f"store save, {total} st., median",
                        median(ours),
                        median(dumps),
                        "json.dumps+fsync",
                        "",
                        "stricter baseline: C encoder, as the storage uses",
                    )
                )
            load, bare = _load(folder)
            rows.append(
                Row(
                    f"store load, {total} st.",
                    load,
                    bare,
                    "json.load all files",
                    "",
                    "open_store: lock, parse and check every file",
                )
            )
        folder = root / "naive-10000"
        _build(folder, 10_000, 10_000, 1_000)
        with open_store(folder) as store:
            ours, dump, _dumps, size = _saves(store, NAIVE_SAVES, rng, root)
        rows.append(
            Row(
                "store save, 10000 st. in ONE file, median",
                median(ours),
                median(dump),
                "json.dump+fsync",
                "",
                f"naive layout for comparison: every edit rewrites {size // 1024} KB",
            )
        )
        rows.extend(protected_rows(root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


# --- a protected data folder (issue 18) --------------------------------------------------------

PROTECTED_SIZES = (1_000, 10_000)
PROTECTED_SAVE_TARGET = 1.5
PROTECTED_OPEN_EXTRA = 1.0  # seconds
_PASSPHRASE = "korrekt hest batteri hæfteklamme"


def protected_rows(root: Path) -> list[Row]:
    """Saving and opening a protected folder against a plain copy of the same folder, in the
    same run: edits alternate between the two stores (paired ratios), opens alternate too."""
    from peertui.store.protection import new_identity

    rows: list[Row] = []
    rng = random.Random(18)
    for total in PROTECTED_SIZES:
        plain = root / f"plain-{total}"
        _build(plain, total, PER_GROUP, PARTICIPANTS)
        protected = root / f"protected-{total}"
        shutil.copytree(plain, protected)
        with open_store(protected) as store:
            store.protect(_PASSPHRASE, new_identity())
        ours: list[float] = []
        base: list[float] = []
        with open_store(plain) as bare, open_store(protected, passphrase=_PASSPHRASE) as sealed:
            groups = [g.id for g in bare.groups()]
            for i in range(SAVES):
                gid = rng.choice(groups)
                statement = rng.choice(bare.statements(gid))
                answers = [f"{_text(rng)} ({i})", *statement.answers[1:]]
                pair = [(bare, base), (sealed, ours)]
                if i % 2:
                    pair.reverse()  # neither always goes first
                for store, samples in pair:
                    samples.append(
                        _time(lambda s=store: s.update_statement(gid, statement.id, answers))  # noqa: B023
                    )
        ratios = [o / b for o, b in zip(ours, base, strict=True) if b > 0]
        rows.append(
            Row(
                f"protected save, {total} st., median",
                median(ours),
                median(base),
                "the same edit, plain folder",
                f"<= {PROTECTED_SAVE_TARGET}x",
                "age X25519 encryption of the group file (paired ratio)",
                paired_ratio=median(ratios),
            )
        )
        opened: list[float] = []
        plain_opened: list[float] = []
        for _round in range(LOADS):
            plain_opened.append(_time(lambda: open_store(plain).close()))  # noqa: B023
            opened.append(
                _time(lambda: open_store(protected, passphrase=_PASSPHRASE).close())  # noqa: B023
            )
        extra = median(opened) - median(plain_opened)
        rows.append(
            Row(
                f"protected open, {total} st.",
                median(opened),
                median(plain_opened),
                "open_store, plain folder",
                f"<= +{PROTECTED_OPEN_EXTRA:.0f} s",
                f"{extra * 1000:+.0f} ms: argon2id once, then every file decrypted",
            )
        )
    return rows
