"""Key to screen, one terminal at a time, against the framework's floor (issue 17).

Every program runs in its own real pseudo-terminal (100x30) and is read through a terminal
emulator (pyte), as a person would see it. While a key is being timed, only ONE terminal is
read: the one whose screen we wait for. The others are drained between keys, so a heavy
redraw of one never delays the reading of the other.

- floors: two bare Textual apps, each with half of its keys before peertui's and half after,
  so a change of load during the run falls on all:
  - the one-Static floor changes one short Static on → and ← (bench/floor_app.py);
  - the same-change floor changes as much screen as a runner block change: a title, a clock
    of the runner's size, a Markdown text, an agenda's marker (bench/floor_block_app.py).
- console: `peertui --data-dir D` on the demo data, the README's four-key tour (Enter on the
  group, s, a, Ctrl+S) to a running meeting, then → through its six blocks and ← back.
  Timed until the block's title is on the console's own screen (its runner).
- wall: `peertui wall --data-dir D` in a second pty, attached to that console. The same keys
  go to the console; timed until the title is on the wall's screen, reading only the wall's
  pty.

A key's time ends when the chunk of output that completed the change was read from the pty
(before the emulator parses it), so the emulator's own cost stays out of the figures.

Then the meeting runs idle (nobody presses a key) for IDLE_SECONDS with the wall attached:
the CPU time console and wall use (utime + stime from /proc/PID/stat, every thread), scaled
to a minute, against the bare app idle in the same window.
"""

from __future__ import annotations

import os
import random
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import Row, median, p95
from bench.floor_app import step_text
from bench.floor_block_app import BLOCKS, block_title
from tests.ptyterm import PtyTerminal, peertui_env

ROOT = Path(__file__).resolve().parents[1]
#: → through a meeting's six blocks and ← back is ten keys; this many timed keys per pass.
KEYS = 40
#: Untimed keys first (one cycle): the first look at each block is not what we measure.
WARM_UP = 10
#: Before each key the programs are let finish what the last key started: the key is pressed
#: once their main threads used less than QUIET_CPU in QUIET_SECONDS (a facilitator presses
#: → every few minutes, not while the last block is still being drawn) ...
QUIET_SECONDS = 0.05
QUIET_CPU = 0.002
#: ... and then after a random while, so that keys fall at every phase of the runner's
#: quarter-second tick.
GAP_SECONDS = (0.0, 0.25)
#: How long the meeting runs idle while the CPU time is measured.
IDLE_SECONDS = 20.0
#: The runner's agenda column (left of it) at 100 columns: titles are read right of it.
AGENDA_COLUMNS = 38
#: The demo meeting's break: the 4th block (keys into or out of it switch the whole view).
BREAK_BLOCK = 3
SEED = 17

Check = Callable[[str], bool]


# --------------------------------------------------------------------------- reading ptys


def _time_until(term: PtyTerminal, shown: Check, start: float, timeout: float = 10.0) -> float:
    """Seconds from ``start`` until a chunk read from ``term`` made ``shown`` true. Reads only
    this terminal."""
    while True:
        remaining = start + timeout - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError(f"the screen never changed:\n{term.text()}")
        ready, _, _ = select.select([term.fd], [], [], remaining)
        if not ready:
            continue
        try:
            data = os.read(term.fd, 1 << 16)
        except OSError:
            data = b""
        arrived = time.perf_counter()
        if not data:
            raise RuntimeError(f"the program exited:\n{term.text()}")
        term.stream.feed(data)
        if shown(term.text()):
            return arrived - start


def _drain(terms: Sequence[PtyTerminal], seconds: float) -> None:
    """Read whatever the terminals write for ``seconds`` (keeps their output flowing)."""
    end = time.perf_counter() + seconds
    fds = {term.fd: term for term in terms if term.alive}
    while fds:
        remaining = end - time.perf_counter()
        if remaining <= 0:
            return
        ready, _, _ = select.select(list(fds), [], [], remaining)
        for fd in ready:
            term = fds[fd]
            try:
                data = os.read(fd, 1 << 16)
            except OSError:
                data = b""
            if not data:
                term.alive = False
                del fds[fd]
                continue
            term.stream.feed(data)


def _main_thread_cpu(pid: int) -> float:
    """Seconds the process's main thread has run (/proc/PID/schedstat, nanoseconds)."""
    with open(f"/proc/{pid}/schedstat", encoding="ascii") as schedstat:
        return int(schedstat.read().split()[0]) / 1e9


def _settle(terms: Sequence[PtyTerminal], timeout: float = 5.0) -> None:
    """Drain the terminals until their programs are quiet (see QUIET_SECONDS)."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        before = sum(_main_thread_cpu(term.pid) for term in terms)
        _drain(terms, QUIET_SECONDS)
        if sum(_main_thread_cpu(term.pid) for term in terms) - before < QUIET_CPU:
            return


def _keys(
    press_to: PtyTerminal,
    read: PtyTerminal,
    shows: Callable[[int], Check],
    positions: int,
    count: int,
    drain: Sequence[PtyTerminal],
    rng: random.Random,
) -> list[float]:
    """Press → ``positions - 1`` times, then ← as often, ... (``count`` keys, starting and
    ending at position 0); time each until ``read``'s screen shows the new position."""
    times: list[float] = []
    position = 0
    moves = positions - 1
    for i in range(count):
        forward = (i // moves) % 2 == 0
        target = position + 1 if forward else position - 1
        shown = shows(target)
        _settle(drain)
        _drain(drain, rng.uniform(*GAP_SECONDS))
        if shown(read.text()):
            raise RuntimeError(f"position {target} is on screen before its key:\n{read.text()}")
        start = time.perf_counter()
        press_to.press("right" if forward else "left")
        times.append(_time_until(read, shown, start))
        position = target
    _settle(drain)
    return times


# --------------------------------------------------------------------------- what is shown


def _line_is(title: str, first_column: int = 0) -> Check:
    def shown(text: str) -> bool:
        return any(line[first_column:].strip() == title for line in text.splitlines())

    return shown


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (from /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command's ")": state is field 3 of proc(5); utime is 14, stime 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _start_meeting(console: PtyTerminal) -> list[str]:
    """The README's four keys from the home screen to a running meeting; its block titles."""
    from peertui.content import load_library

    console.wait_for("Tirsdagsgruppen")
    console.press("enter")  # the demo group
    console.wait_for("Mødegange")
    console.press("s")  # start a meeting: the next one is proposed
    console.wait_for("Hvem er kommet")
    console.press("a")  # everyone is here
    console.wait_for("Til stede")
    console.press("\x13")  # Ctrl+S: start
    console.wait_for(lambda text: "punkt 1 af" in text)
    header = console.text().splitlines()[0]
    course = load_library().course("vejen-til-hverdagslivet")
    assert course is not None
    meeting = next(m for m in course.meetings if f"{m.number}. {m.title}" in header)
    return [block.title for block in meeting.blocks]


# --------------------------------------------------------------------------- the run


@dataclass
class Measured:
    floor: list[float] = field(default_factory=list)  # seconds per key
    #: The same-change floor (bench/floor_block_app.py).
    floor_block: list[float] = field(default_factory=list)
    to_console: list[float] = field(default_factory=list)
    to_wall: list[float] = field(default_factory=list)
    blocks: int = 0
    #: CPU seconds per minute of the idle meeting: console, wall, and the bare app idle.
    idle_cpu: dict[str, float] = field(default_factory=dict)
    #: CPU seconds per key (the idle rate taken off): console and wall in the wall pass,
    #: the bare app over its keys.
    key_cpu: dict[str, float] = field(default_factory=dict)


class CpuWatch:
    """CPU time used by some processes during a stretch of wall-clock time."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.cpu = dict.fromkeys(pids, 0.0)
        self.seconds = 0.0

    def __enter__(self) -> CpuWatch:
        self._start = time.perf_counter()
        self._before = {name: _cpu_seconds(pid) for name, pid in self.pids.items()}
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._start
        for name, pid in self.pids.items():
            self.cpu[name] += _cpu_seconds(pid) - self._before[name]

    def rate(self, name: str) -> float:
        """CPU seconds per second of ``name``."""
        return self.cpu[name] / self.seconds


def measure() -> Measured:
    rng = random.Random(SEED)
    m = Measured()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = peertui_env(str(data))
        python = sys.executable
        # The demo group, as `make run` has it.
        subprocess.run(
            [python, "-m", "peertui", "demo", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
        )
        floor = PtyTerminal([python, str(ROOT / "bench" / "floor_app.py")], env)
        floor_block = PtyTerminal([python, str(ROOT / "bench" / "floor_block_app.py")], env)
        console: PtyTerminal | None = None
        wall: PtyTerminal | None = None
        try:
            floor.wait_for(step_text(0))
            floor_block.wait_for(_line_is(block_title(0), AGENDA_COLUMNS))

            def floor_shows(n: int) -> Check:
                return _line_is(step_text(n))

            def floor_block_shows(n: int) -> Check:
                return _line_is(block_title(n), AGENDA_COLUMNS)

            half = KEYS // 2
            floor_cpu = CpuWatch({"floor": floor.pid, "floor_block": floor_block.pid})
            # Floors are read alone: the other one is drained between keys too.
            floors = [floor, floor_block]
            _keys(floor, floor, floor_shows, 6, WARM_UP, floors, rng)
            _keys(floor_block, floor_block, floor_block_shows, len(BLOCKS), WARM_UP, floors, rng)
            with floor_cpu:
                m.floor += _keys(floor, floor, floor_shows, 6, half, floors, rng)
                m.floor_block += _keys(
                    floor_block, floor_block, floor_block_shows, len(BLOCKS), half, floors, rng
                )

            console = PtyTerminal([python, "-m", "peertui", "--data-dir", str(data)], env)
            titles = _start_meeting(console)
            m.blocks = n = len(titles)

            def console_shows(n: int) -> Check:
                return _line_is(titles[n], AGENDA_COLUMNS)

            _drain([console], 0.5)
            _keys(console, console, console_shows, n, WARM_UP, [console], rng)
            m.to_console = _keys(console, console, console_shows, n, KEYS, [console], rng)

            wall = PtyTerminal([python, "-m", "peertui", "wall", "--data-dir", str(data)], env)
            wall.wait_for(_line_is(titles[0]))
            _drain([console, wall], 0.5)

            def wall_shows(n: int) -> Check:
                return _line_is(titles[n])

            both = [console, wall]
            pids = {"console": console.pid, "wall": wall.pid}
            _keys(console, wall, wall_shows, n, WARM_UP, both, rng)
            with CpuWatch(pids) as keys_cpu:
                m.to_wall = _keys(console, wall, wall_shows, n, KEYS, both, rng)

            everyone = [console, wall, *floors]
            with floor_cpu:
                m.floor += _keys(floor, floor, floor_shows, 6, KEYS - half, everyone, rng)
                m.floor_block += _keys(
                    floor_block,
                    floor_block,
                    floor_block_shows,
                    len(BLOCKS),
                    KEYS - half,
                    everyone,
                    rng,
                )

            # The meeting runs; nobody presses a key (the wall's "connected" notice is gone).
            _drain(everyone, 1.0)
            with CpuWatch({**pids, "floor": floor.pid, "floor_block": floor_block.pid}) as idle:
                _drain(everyone, IDLE_SECONDS)
        finally:
            for term in (wall, console, floor, floor_block):
                if term is not None:
                    term.close()
    m.idle_cpu = {
        name: idle.rate(name) * 60 for name in ("console", "wall", "floor", "floor_block")
    }
    for name in ("console", "wall"):
        ticks = idle.rate(name) * keys_cpu.seconds
        m.key_cpu[name] = (keys_cpu.cpu[name] - ticks) / KEYS
    for name in ("floor", "floor_block"):
        m.key_cpu[name] = (floor_cpu.cpu[name] - idle.rate(name) * floor_cpu.seconds) / KEYS
    return m


def _moves(positions: int, count: int) -> list[tuple[int, int]]:
    """The (from, to) positions of ``count`` keys as :func:`_keys` presses them."""
    moves, position = [], 0
    for i in range(count):
        target = position + 1 if (i // (positions - 1)) % 2 == 0 else position - 1
        moves.append((position, target))
        position = target
    return moves


def _split(times: list[float], breaks: set[int], positions: int) -> tuple[float, float]:
    """Median of the keys between two ordinary blocks, and of the keys into or out of a break."""
    ordinary, breaking = [], []
    for seconds, (old, new) in zip(times, _moves(positions, len(times)), strict=True):
        (breaking if {old, new} & breaks else ordinary).append(seconds)
    return median(ordinary), median(breaking) if breaking else float("nan")


def _against_floors(
    name: str, times: list[float], m: Measured, target: str, note: str = ""
) -> list[Row]:
    """``name``'s median (or p95) against both floors' median (or p95), one row each."""
    stat, label = (p95, "p95") if target.startswith("p95") else (median, "median")
    return [
        Row(
            f"{name} ({label}) vs one-Static floor",
            stat(times),
            stat(m.floor),
            f"bare Textual, one Static, {label}",
            f"{target}x floor" if "<=" in target else "(no target)",
            note,
        ),
        Row(
            f"{name} ({label}) vs same-change floor",
            stat(times),
            stat(m.floor_block),
            f"bare Textual, same change, {label}",
            f"{target}x floor" if "<=" in target else "(no target)",
            "",
        ),
    ]


def _split_rows(name: str, ordinary: float, breaking: float, m: Measured) -> list[Row]:
    at_break = sum(1 for move in _moves(m.blocks, KEYS) if BREAK_BLOCK in move)
    return [
        Row(
            f"  {name}: keys between two ordinary blocks (median)",
            ordinary,
            median(m.floor_block),
            "same-change floor",
            "(informative)",
            f"{KEYS - at_break} of the {KEYS} keys",
        ),
        Row(
            f"  {name}: keys into or out of the break (median)",
            breaking,
            median(m.floor_block),
            "same-change floor",
            "(informative)",
            f"{at_break} keys: the whole right half changes view",
        ),
    ]


def run() -> list[Row]:
    m = measure()
    idle_name = "bare Textual app idle"
    ordinary, breaking = _split(m.to_console, {BREAK_BLOCK}, m.blocks)
    wall_ordinary, wall_breaking = _split(m.to_wall, {BREAK_BLOCK}, m.blocks)
    return [
        *_against_floors(
            "console key -> console's runner shows next block",
            m.to_console,
            m,
            "median <= 1.5",
            f"{KEYS} keys (→ through the {m.blocks} blocks, ← back) after {WARM_UP} untimed; "
            "one pty read while timing; floors: 40 keys each, half before peertui's, half after",
        ),
        *_against_floors(
            "console key -> console's runner shows next block",
            m.to_console,
            m,
            "p95 <= 2.5",
            "each p95 against the floor's p95",
        ),
        *_split_rows("console", ordinary, breaking, m),
        *_against_floors(
            "console key -> wall shows next block",
            m.to_wall,
            m,
            "median <= 1.5",
            "wall in its own pty: only the wall's pty read while timing",
        ),
        *_against_floors("console key -> wall shows next block", m.to_wall, m, "p95"),
        *_split_rows("wall", wall_ordinary, wall_breaking, m),
        Row(
            "console CPU time per key in the runner",
            m.key_cpu["console"],
            m.key_cpu["floor_block"],
            "bare Textual, same change",
            "(informative)",
            f"wall attached; the idle meeting's rate taken off; one-Static floor: "
            f"{m.key_cpu['floor'] * 1000:.1f} ms",
        ),
        Row(
            "wall CPU time per key pressed in the console",
            m.key_cpu["wall"],
            m.key_cpu["floor_block"],
            "bare Textual, same change",
            "(informative)",
            "",
        ),
        Row(
            "timer tick: console CPU time per minute of a running meeting",
            m.idle_cpu["console"],
            m.idle_cpu["floor"],
            idle_name,
            "stated",
            f"{m.idle_cpu['console'] / 60:.1%} of one core; wall attached; "
            f"{IDLE_SECONDS:.0f} s, nobody pressing a key",
        ),
        Row(
            "timer tick: wall CPU time per minute of a running meeting",
            m.idle_cpu["wall"],
            m.idle_cpu["floor"],
            idle_name,
            "stated",
            f"{m.idle_cpu['wall'] / 60:.1%} of one core; same {IDLE_SECONDS:.0f} s",
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
