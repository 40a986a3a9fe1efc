"""Killing a child that works on a data folder, at a chosen moment (the kill tests share it).

The child is forked from the (already imported) test process, opens the store itself as the
app does, says "open", does its work, says "done <seconds>", and waits to be killed.
"""

from __future__ import annotations

import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path

from peertui.store.store import Store, open_store

TIMEOUT = 20.0

Work = Callable[[Store], object]
Opener = Callable[[Path], Store]


def _child(data: Path, work: Work, out: int, opener: Opener = open_store) -> None:
    """Open, say so, work, say how long it took, then wait to be killed. Never returns."""
    code = 0
    try:
        with opener(data) as store:
            os.write(out, b"open\n")
            started = time.perf_counter()
            work(store)
            os.write(out, f"done {time.perf_counter() - started}\n".encode())
        signal.pause()
    except BaseException as exc:
        os.write(out, f"error {type(exc).__name__}: {exc}\n".encode())
        code = 1
    finally:
        os._exit(code)


def spin(seconds: float) -> None:
    """Wait a fraction of a millisecond precisely (sleep() is too coarse at this scale)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _wait_for(fd: int, prefix: bytes, buffer: bytearray) -> bytes:
    """Read until the child has said a whole line starting with ``prefix``; return it."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        for line in bytes(buffer).split(b"\n")[:-1]:
            if line.startswith(prefix):
                return line
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"the child never said {prefix!r}: {bytes(buffer)!r}"
        if select.select([fd], [], [], remaining)[0]:
            chunk = os.read(fd, 4096)
            assert chunk, f"the child stopped before {prefix!r}: {bytes(buffer)!r}"
            buffer.extend(chunk)


def kill_during(
    data: Path, work: Work, delay: float | None, early: bool, opener: Opener = open_store
) -> str:
    """Run ``work`` in a forked child and SIGKILL it ``delay`` seconds after it opened the
    store (``early``: at once, while it may still be opening; None: once it is done).
    ``opener`` opens the store (a protected folder: with its passphrase). Returns what the
    child said."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(data, work, write_end, opener)
    os.close(write_end)
    buffer = bytearray()
    try:
        if delay is None:
            _wait_for(read_end, b"done", buffer)
        elif not early:
            _wait_for(read_end, b"open", buffer)
            spin(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        while chunk := os.read(read_end, 4096):
            buffer.extend(chunk)
    finally:
        os.close(read_end)
    said = bytes(buffer).decode(errors="replace")
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, said
    return said


def duration(said: str) -> float:
    """How long the work took, as the child said."""
    return float(said.split("done ", 1)[1].split()[0])
