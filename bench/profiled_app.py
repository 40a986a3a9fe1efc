"""`peertui` (any command line) with cProfile switched on and off by signals.

    python -m bench.profiled_app --data-dir D          # the console
    python -m bench.profiled_app wall --data-dir D     # the wall
    python -m bench.profiled_app --script bench/minimal_app.py   # any Textual app's script

With PEERTUI_PROFILE_FROM_START=1 profiling starts before peertui is imported.
SIGUSR1 starts profiling the main thread (where Textual's event loop, our handlers, layout
and rendering run); SIGUSR2 stops it and writes the profile to
``$PEERTUI_PROFILE_PREFIX-<n>.prof`` (n = 1, 2, ...). The timer is the wall clock, so time
spent waiting (fsync, the event loop's idle poll) shows too. Used by bench/profiling.py.
"""

from __future__ import annotations

import cProfile
import os
import signal
import sys
from types import FrameType

PROFILER = cProfile.Profile()
WINDOWS = [0]


def _start(signum: int, frame: FrameType | None) -> None:
    PROFILER.enable()


def _stop(signum: int, frame: FrameType | None) -> None:
    PROFILER.disable()
    WINDOWS[0] += 1
    PROFILER.dump_stats(f"{os.environ['PEERTUI_PROFILE_PREFIX']}-{WINDOWS[0]}.prof")
    PROFILER.clear()


def main() -> int:
    signal.signal(signal.SIGUSR1, _start)
    signal.signal(signal.SIGUSR2, _stop)
    if os.environ.get("PEERTUI_PROFILE_FROM_START"):
        PROFILER.enable()  # start-up: from here to the first SIGUSR2
    if sys.argv[1:2] == ["--script"]:
        import runpy

        sys.argv = sys.argv[2:]
        runpy.run_path(sys.argv[0], run_name="__main__")
        return 0
    from peertui.cli import main as peertui

    return peertui(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
