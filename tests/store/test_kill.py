"""Kill test: a process that saves in a loop is SIGKILLed at random moments, 200 times.

After every kill, the data folder opens without damage, every file in it (backups included)
is whole JSON, and every save the child reported as done is there.

The child is forked from this (already imported) test process, so a round costs a few
milliseconds rather than a fresh interpreter; it opens the store itself, exactly as the app
does, and reports each completed save on a pipe. ``PEERTUI_KILL_ROUNDS`` sets the number of
rounds (default 200) and ``PEERTUI_KILL_SEED`` the random seed.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from datetime import date
from pathlib import Path

from peertui.store.files import read_json
from peertui.store.store import open_store

ROUNDS = int(os.environ.get("PEERTUI_KILL_ROUNDS", "200"))
CYCLE = 4  # the child's saves go round this many statements
FILLER = 20  # other statements, so that each write is a realistic ~50 KB
TIMEOUT = 20.0


def _child(data: Path, group_id: str, statement_ids: list[str], start: int, out: int) -> None:
    """Save forever, reporting each save once it returned. Never returns."""
    code = 0
    try:
        with open_store(data) as store:
            os.write(out, b"open\n")
            i = start
            while True:
                target = statement_ids[i % len(statement_ids)]
                # The size changes from save to save: a file rewritten in place (as TinyDB's
                # JSONStorage does) would then be left with a torn tail.
                words = "Jeg vil gerne " * ((i * 7919) % 700)
                store.update_statement(group_id, target, [str(i), words, words, ""])
                os.write(out, f"{i}\n".encode())
                i += 1
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _read_lines(fd: int, want: int, buffer: bytearray) -> list[str]:
    """Read until ``want`` complete lines have arrived (or EOF); return the complete lines."""
    deadline = time.monotonic() + TIMEOUT
    while buffer.count(b"\n") < want:
        remaining = deadline - time.monotonic()
        assert remaining > 0, "the saving child stopped reporting"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer.extend(chunk)
    *lines, rest = buffer.decode().split("\n")
    buffer[:] = rest.encode()
    return lines


def _spin(seconds: float) -> None:
    """Wait a fraction of a millisecond precisely (sleep() is too coarse at this scale)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _drain(fd: int, buffer: bytearray) -> list[str]:
    while chunk := os.read(fd, 65536):
        buffer.extend(chunk)
    lines = buffer.decode().split("\n")
    return [line for line in lines if line]  # a line cut short by the kill was never reported


def test_sigkill_never_loses_a_reported_save(tmp_path: Path) -> None:
    seed = int(os.environ.get("PEERTUI_KILL_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group("Kill", "c", ["A"], date(2025, 1, 1), date(2025, 12, 31))
        maja = store.add_participant(group.id, "Maja", consents=["store_statement"])
        with store.batch(group.id):
            ids = [
                store.create_statement(group.id, maja.id, ["-1", "", "", ""]).id
                for _ in range(CYCLE)
            ]
            for _ in range(FILLER):
                store.create_statement(group.id, maja.id, ["fyld " * 400, "", "", ""])

        # How long one save takes here, so that kills can be spread over a whole save.
        started = time.perf_counter()
        for n in range(10):
            words = "Jeg vil gerne " * (n * 70)
            store.update_statement(group.id, ids[0], ["-1", words, words, ""])
        cycle = (time.perf_counter() - started) / 10

    reported: dict[str, int] = {sid: -1 for sid in ids}
    next_counter = 0
    for round_no in range(ROUNDS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(data, group.id, ids, next_counter, write_end)
        os.close(write_end)
        buffer = bytearray()
        try:
            # Kill during opening now and then, otherwise after a random number of saves,
            # at a random point of the save under way.
            want = 0 if rng.random() < 0.1 else 1 + rng.randrange(4)
            lines = _read_lines(read_end, want, buffer) if want else []
            _spin(rng.random() * cycle)
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            # Killed, not dead of an error of its own.
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            lines += _drain(read_end, buffer)
        finally:
            os.close(read_end)
        counters = [int(x) for x in lines if x != "open"]
        for i in counters:
            sid = ids[i % CYCLE]
            reported[sid] = max(reported[sid], i)

        with open_store(data) as store:
            assert store.damaged == [], f"round {round_no}, seed {seed}"
            stored = {sid: int(store.statement(group.id, sid).answers[0]) for sid in ids}
        for sid in ids:
            assert stored[sid] >= reported[sid], f"lost a save: round {round_no}, seed {seed}"
        highest = max(stored.values())
        next_counter = max(highest, *counters, next_counter) + 1

    # Every file left behind is whole: the data files and every backup.
    for path in data.rglob("*.json"):
        assert isinstance(read_json(path, path.name), dict), path
    assert not list(data.rglob("*.tmp"))  # the last opening removed any leftovers
    assert next_counter > ROUNDS  # the children really saved
