"""Time from process start to the first painted frame of the home screen, in a real pty.

peertui and a minimal Textual app are started alternately in the same run; each is timed
until a word of its first screen has been written to the terminal.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from bench.common import Row, median

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 15


def time_to_marker(
    argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0
) -> float:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    try:
        while True:
            remaining = timeout - (time.perf_counter() - start)
            if remaining <= 0:
                raise TimeoutError(f"{argv} did not show {marker!r}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"{argv} exited before showing {marker!r}") from None
            if not chunk:
                raise RuntimeError(f"{argv} exited before showing {marker!r}")
            seen += chunk
            if marker in seen:
                return time.perf_counter() - start
            seen = seen[-4096:]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def run() -> list[Row]:
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env.pop("TEXTUAL", None)
    env["PEERTUI_DATA_DIR"] = str(ROOT / ".demo-data")
    python = sys.executable
    peertui_cmd = [python, "-m", "peertui"]
    minimal_cmd = [python, str(ROOT / "bench" / "minimal_app.py")]
    # Warm the file cache once for both.
    time_to_marker(peertui_cmd, b"Gruppeforl", env)
    time_to_marker(minimal_cmd, b"Minimal baseline", env)
    ours, base, content = [], [], []
    for _ in range(ROUNDS):
        ours.append(time_to_marker(peertui_cmd, b"Gruppeforl", env))
        base.append(time_to_marker(minimal_cmd, b"Minimal baseline", env))
        # The course list: the content is read just after the first frame.
        content.append(time_to_marker(peertui_cmd, b"Vejen til hverdagslivet", env))
    return [
        Row(
            "start-up to first frame (home screen)",
            median(ours),
            median(base),
            "minimal Textual app",
            "ratio <= 1.2",
            f"median of {ROUNDS}; ratio = median of paired ratios; real pty 100x30",
            paired_ratio=median([o / b for o, b in zip(ours, base, strict=True)]),
        ),
        Row(
            "start-up until the course list shows",
            median(content),
            median(base),
            "minimal Textual app",
            "",
            "the content (markdown-it) is read just after the first frame",
            paired_ratio=median([c / b for c, b in zip(content, base, strict=True)]),
        ),
    ]
