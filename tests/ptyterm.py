"""Run a program in a real pseudo-terminal and read its screen like a person would.

Used by the tests and benchmarks that need two real peertui processes (console and wall):
keys go in as bytes, the screen comes out through the `pyte` terminal emulator.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Sequence

import pyte

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "space": b" ",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "tab": b"\t",
}


class PtyTerminal:
    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        size: tuple[int, int] = (100, 30),
        cwd: str | None = None,
    ) -> None:
        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.alive = True

    # ------------------------------------------------------------------ reading

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what the program wrote (waiting up to ``timeout``). False once it exited."""
        if not self.alive:
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.alive = False
            return False
        self.stream.feed(data)
        return True

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, condition: str | Callable[[str], bool], timeout: float = 20.0) -> float:
        """Seconds until the screen satisfies ``condition`` (a substring or a predicate)."""
        check = (lambda text: condition in text) if isinstance(condition, str) else condition
        start = time.perf_counter()
        while True:
            if check(self.text()):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"screen never showed {condition!r}:\n{self.text()}")
            if not self.pump(0.02) and not check(self.text()):
                raise RuntimeError(f"program exited before showing {condition!r}:\n{self.text()}")

    def settle(self, seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and self.pump(0.02):
            pass

    # ------------------------------------------------------------------ writing

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key.encode()))

    # ------------------------------------------------------------------ ending

    def kill(self, sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, sig)

    def close(self) -> int | None:
        self.kill(signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            _, status = os.waitpid(self.pid, 0)
            with contextlib.suppress(OSError):
                os.close(self.fd)
            return status
        return None


def peertui_env(data_dir: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **extra}
    env["PEERTUI_DATA_DIR"] = data_dir
    env.pop("TEXTUAL", None)
    return env
