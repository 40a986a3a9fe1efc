"""Where the time goes (issue 17, step 2): profiles for docs/performance.md.

    .venv/bin/python -m bench.profiling            # everything (about a minute)
    .venv/bin/python -m bench.profiling imports    # only the start-up imports
    .venv/bin/python -m bench.profiling processes --keep /tmp/prof   # and keep the .prof files

Not part of `make bench` (it prints profiles, not rows). What it does:

- runs the console and a wall as real processes in their own ptys (as bench/keys.py does),
  each under cProfile switched on and off by signals (bench/profiled_app.py), on the demo
  data with a meeting running;
- profiles an idle window (the meeting runs, nobody presses a key: the timer's ticks and,
  on the wall, the messages they send) and a window of → / ← keys through the blocks;
- prints, per tick, per key and per wall message, the busy time of the main thread and the
  functions that take it (cumulative milliseconds per event);
- times `import peertui.ui.app` (and the wall's and Textual's own imports) with
  ``python -X importtime`` and sums the time by top-level package.

cProfile makes Python code slower (often 1.5-2x): read its figures as shares; the absolute
latencies are bench/keys.py's.
"""

from __future__ import annotations

import os
import pstats
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bench.keys import AGENDA_COLUMNS, BREAK_BLOCK, Check, _drain, _keys, _line_is, _start_meeting
from tests.ptyterm import PtyTerminal, peertui_env

ROOT = Path(__file__).resolve().parents[1]
IDLE_SECONDS = 12.0
KEYS = 40
#: Keys into and out of the break, profiled apart (the demo meeting's 4th block).
BREAK_KEYS = 20
TICK_SECONDS = 0.25  # peertui.ui.screens.runner.TICK_SECONDS
#: The event loop waiting for something to do: not work.
IDLE_FUNCTIONS = {"<method 'poll' of 'select.epoll' objects>", "<built-in method time.sleep>"}

Key = tuple[str, int, str]
Stats = dict[Key, tuple[int, int, float, float, dict[Key, tuple[int, int, float, float]]]]
#: A function: (a part of its file's path, its name).
Function = tuple[str, str]

RUNNER = "peertui/ui/screens/runner.py"
REFRESH_BLOCK = (RUNNER, "refresh_block")
WALL_SHOW = ("peertui/ui/wall.py", "show")
#: What the console does for one → or ←: (label, function(s), or (function, its caller)).
CONSOLE_KEY: list[tuple[str, object]] = [
    ("the key reaches our action (bindings)", ("textual/app.py", "_check_bindings")),
    (
        "  our handler, action_next/previous_block",
        [(RUNNER, "action_next_block"), (RUNNER, "action_previous_block")],
    ),
    ("    save the run state (write + fsync)", ("peertui/store/store.py", "save_run_state")),
    ("    refresh_block", REFRESH_BLOCK),
    ("      set_class('-break') on the screen", (("textual/dom.py", "set_class"), REFRESH_BLOCK)),
    ("      Markdown.update (mounts later)", (("_markdown.py", "update"), REFRESH_BLOCK)),
    (
        "      agenda: replace_option_prompt_at_index",
        (("_option_list.py", "replace_option_prompt_at_index"), REFRESH_BLOCK),
    ),
    ("      refresh_clock", ((RUNNER, "refresh_clock"), REFRESH_BLOCK)),
    ("      refresh_bindings", (("textual/screen.py", "refresh_bindings"), REFRESH_BLOCK)),
    ("Footer rebuilt: compose its keys", ("widgets/_footer.py", "compose")),
    ("Footer rebuilt: each key's set_class", ("widgets/_footer.py", "_watch_compact")),
    ("mounting widgets (Footer keys, Markdown blocks)", ("textual/widget.py", "mount_all")),
    ("  Markdown blocks mounted", ("_markdown.py", "mount_batch")),
    ("restyling nodes (App.update_styles), all", ("textual/app.py", "update_styles")),
    ("layout (Compositor.reflow)", ("textual/_compositor.py", "reflow")),
    ("painting (Screen._compositor_refresh)", ("textual/screen.py", "_compositor_refresh")),
    ("  terminal codes (render_segments)", ("textual/_compositor.py", "render_segments")),
    ("the state to the wall (on_wall_changed)", ("peertui/ui/app.py", "on_wall_changed")),
]
CONSOLE_TICK: list[tuple[str, object]] = [
    ("refresh_clock (every tick)", (RUNNER, "refresh_clock")),
    ("  BigClock.update", ("big_clock.py", "update")),
    ("  Static.update", ("widgets/_static.py", "update")),
    ("the state to the wall (on_wall_changed)", ("peertui/ui/app.py", "on_wall_changed")),
    ("restyling nodes (App.update_styles)", ("textual/app.py", "update_styles")),
    ("layout (Compositor.reflow)", ("textual/_compositor.py", "reflow")),
    ("painting (Screen._compositor_refresh)", ("textual/screen.py", "_compositor_refresh")),
    ("  terminal codes (render_segments)", ("textual/_compositor.py", "render_segments")),
]
WALL_MESSAGE: list[tuple[str, object]] = [
    ("the line parsed (WallState.from_line)", ("peertui/wall.py", "from_line")),
    ("WallApp.show", WALL_SHOW),
    ("  Static.update", (("widgets/_static.py", "update"), WALL_SHOW)),
    ("  set_class (mode, phase)", (("textual/dom.py", "set_class"), WALL_SHOW)),
    ("  Markdown.update (mounts later)", (("_markdown.py", "update"), WALL_SHOW)),
    ("restyling nodes (App.update_styles)", ("textual/app.py", "update_styles")),
    ("mounting widgets (Markdown blocks)", ("textual/widget.py", "mount_all")),
    ("layout (Compositor.reflow)", ("textual/_compositor.py", "reflow")),
    ("painting (Screen._compositor_refresh)", ("textual/screen.py", "_compositor_refresh")),
    ("  terminal codes (render_segments)", ("textual/_compositor.py", "render_segments")),
]


def _name(key: Key) -> str:
    path, line, func = key
    if path == "~":
        return func
    for marker in ("site-packages/", "/work/main/", "/lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{line}({func})"


def _load(path: str) -> Stats:
    return pstats.Stats(path).stats  # type: ignore[attr-defined,no-any-return]


def _matches(key: Key, function: Function) -> bool:
    return function[0] in key[0] and key[2] == function[1]


def _cumulative(stats: Stats, what: object) -> tuple[float, float]:
    """Cumulative seconds and calls of a function, several functions, or a function called
    from another (see CONSOLE_KEY)."""
    if isinstance(what, list):
        parts = [_cumulative(stats, one) for one in what]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    assert isinstance(what, tuple)
    if isinstance(what[0], tuple):  # (callee, caller): only the calls from that caller
        callee, caller = what
        seconds = calls = 0.0
        for key, (_, _, _, _, callers) in stats.items():
            if _matches(key, callee):
                for from_key, (_, nc, _, ct) in callers.items():
                    if _matches(from_key, caller):
                        seconds, calls = seconds + ct, calls + nc
        return seconds, calls
    found = [(ct, nc) for key, (_, nc, _, ct, _) in stats.items() if _matches(key, what)]
    return sum(f[0] for f in found), sum(f[1] for f in found)


def _table(title: str, stats: Stats, rows: list[tuple[str, object]], per: float, unit: str) -> None:
    print(f"\n{title} (cumulative ms per {unit}, calls per {unit}; profiled)")
    for label, what in rows:
        seconds, calls = _cumulative(stats, what)
        print(f"  {label:<48} {seconds / per * 1000:8.2f}  {calls / per:6.1f}")


def _busy(stats: Stats) -> float:
    """Seconds the main thread worked (every function's own time, idle polling left out)."""
    return sum(tt for key, (_, _, tt, _, _) in stats.items() if _name(key) not in IDLE_FUNCTIONS)


def _top(
    title: str,
    stats: Stats,
    per: float,
    unit: str,
    *,
    by: str = "cum",
    count: int = 30,
    keep: Callable[[str], bool] = lambda name: True,
) -> None:
    rows = sorted(
        ((_name(key), value) for key, value in stats.items()),
        key=lambda item: item[1][3] if by == "cum" else item[1][2],
        reverse=True,
    )
    print(f"\n{title} ({'cumulative' if by == 'cum' else 'own'} ms per {unit}; calls per {unit})")
    shown = 0
    for name, (_, calls, tt, ct, _) in rows:
        if name in IDLE_FUNCTIONS or not keep(name):
            continue
        value = ct if by == "cum" else tt
        print(f"  {value / per * 1000:8.2f}  {calls / per:8.1f}  {name}")
        shown += 1
        if shown >= count:
            break


def _wait_for_file(path: Path, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not path.exists() or path.stat().st_size == 0:
        if time.perf_counter() > end:
            raise TimeoutError(f"no profile written to {path}")
        time.sleep(0.05)
    time.sleep(0.2)  # the rest of the file


def _window(terms: list[PtyTerminal], prefixes: list[Path], number: int, run: Callable[[], None]):  # type: ignore[no-untyped-def]
    """Profile both processes while ``run`` runs: seconds it took, and the two profiles."""
    for term in terms:
        os.kill(term.pid, signal.SIGUSR1)
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    for term in terms:
        os.kill(term.pid, signal.SIGUSR2)
    files = [Path(f"{prefix}-{number}.prof") for prefix in prefixes]
    for path in files:
        _drain(terms, 0.05)
        _wait_for_file(path)
        if KEEP is not None:
            shutil.copy(path, KEEP / path.name)
    return elapsed, [_load(str(path)) for path in files]


#: With --keep DIR: the .prof files are copied there (console-1 and wall-1: idle;
#: console-2 and wall-2: keys; console-3 and wall-3: keys at the break), to read with pstats.
KEEP: Path | None = None


def processes() -> None:
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        python = sys.executable
        env = peertui_env(str(data))
        subprocess.run(
            [python, "-m", "peertui", "demo", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
        )
        prefixes = [Path(tmp) / "console", Path(tmp) / "wall"]
        console = PtyTerminal(
            [python, "-m", "bench.profiled_app", "--data-dir", str(data)],
            {**env, "PEERTUI_PROFILE_PREFIX": str(prefixes[0])},
            cwd=str(ROOT),
        )
        wall = PtyTerminal(
            [python, "-m", "bench.profiled_app", "wall", "--data-dir", str(data)],
            {**env, "PEERTUI_PROFILE_PREFIX": str(prefixes[1])},
            cwd=str(ROOT),
        )
        terms = [console, wall]
        try:
            titles = _start_meeting(console)
            wall.wait_for(_line_is(titles[0]))

            def console_shows(n: int) -> Check:
                return _line_is(titles[n], AGENDA_COLUMNS)

            # One untimed cycle through the blocks; then let the "wall connected" notice go.
            _keys(console, console, console_shows, len(titles), 10, terms, rng)
            _drain(terms, 6.0)

            idle_seconds, (console_idle, wall_idle) = _window(
                terms, prefixes, 1, lambda: _drain(terms, IDLE_SECONDS)
            )
            latencies: list[float] = []

            def press() -> None:
                latencies.extend(
                    _keys(console, console, console_shows, len(titles), KEYS, terms, rng)
                )

            key_seconds, (console_keys, wall_keys) = _window(terms, prefixes, 2, press)

            # Then only the keys into and out of the break (the 4th block): from the 3rd
            # block, → and ← in turn.
            for _ in range(BREAK_BLOCK - 1):
                console.press("right")
            console.wait_for(console_shows(BREAK_BLOCK - 1))
            _drain(terms, 1.0)
            break_latencies: list[float] = []

            def around_the_break(n: int) -> Check:
                return console_shows(BREAK_BLOCK - 1 + n)

            def press_breaks() -> None:
                break_latencies.extend(
                    _keys(console, console, around_the_break, 2, BREAK_KEYS, terms, rng)
                )

            break_seconds, (console_breaks, wall_breaks) = _window(terms, prefixes, 3, press_breaks)
        finally:
            console.close()
            wall.close()

    ticks = idle_seconds / TICK_SECONDS
    seconds = idle_seconds
    messages = _cumulative(wall_idle, ("peertui/wall.py", "from_line"))[1]
    print(
        f"idle window: {idle_seconds:.1f} s = {ticks:.0f} ticks of the runner's timer, "
        f"{messages:.0f} messages to the wall"
    )
    busy_console = _busy(console_idle)
    busy_wall = _busy(wall_idle)
    print(
        f"  console busy {busy_console / ticks * 1000:.2f} ms per tick "
        f"({busy_console / seconds * 60:.2f} s per minute, profiled)"
    )
    print(
        f"  wall busy {busy_wall / messages * 1000:.2f} ms per message "
        f"({busy_wall / seconds * 60:.2f} s per minute, profiled)"
    )
    _table("console, per tick of an idle meeting", console_idle, CONSOLE_TICK, ticks, "tick")
    _table("wall, per message of an idle meeting", wall_idle, WALL_MESSAGE, messages, "message")
    _top("console, idle meeting", console_idle, ticks, "tick")
    _top("console, idle meeting", console_idle, ticks, "tick", by="own", count=20)
    _top("wall, idle meeting", wall_idle, messages, "message")
    _top("wall, idle meeting", wall_idle, messages, "message", by="own", count=20)

    print(
        f"\nkey window: {KEYS} keys in {key_seconds:.1f} s; console screen after "
        f"{statistics.median(latencies) * 1000:.1f} ms median (profiled)"
    )
    tick_share_console = busy_console / idle_seconds * key_seconds
    tick_share_wall = busy_wall / idle_seconds * key_seconds
    key_console = (_busy(console_keys) - tick_share_console) / KEYS
    key_wall = (_busy(wall_keys) - tick_share_wall) / KEYS
    print(
        f"  console busy {key_console * 1000:.2f} ms per key "
        f"(the window's ticks, as measured idle, taken off)"
    )
    print(f"  wall busy {key_wall * 1000:.2f} ms per key (ticks taken off)")
    _table("console, per key (ticks included)", console_keys, CONSOLE_KEY, KEYS, "key")
    _table("wall, per key pressed in the console", wall_keys, WALL_MESSAGE, KEYS, "key")
    _table(
        "console, per key: Textual's part (as for the floor)",
        console_keys,
        TEXTUAL_KEY,
        KEYS,
        "key",
    )
    _top("console, keys (ticks included)", console_keys, KEYS, "key", count=45)
    _top("console, keys (ticks included)", console_keys, KEYS, "key", by="own", count=25)
    _top("wall, keys (ticks included)", wall_keys, KEYS, "key", count=30)
    _top("wall, keys (ticks included)", wall_keys, KEYS, "key", by="own", count=15)

    print(
        f"\nbreak window: {BREAK_KEYS} keys into or out of the break in {break_seconds:.1f} s; "
        f"console screen after {statistics.median(break_latencies) * 1000:.1f} ms median "
        "(profiled)"
    )
    break_console = _busy(console_breaks) - busy_console / idle_seconds * break_seconds
    break_wall = _busy(wall_breaks) - busy_wall / idle_seconds * break_seconds
    print(f"  console busy {break_console / BREAK_KEYS * 1000:.2f} ms per key (ticks taken off)")
    print(f"  wall busy {break_wall / BREAK_KEYS * 1000:.2f} ms per key (ticks taken off)")
    _table("console, per key at the break", console_breaks, CONSOLE_KEY, BREAK_KEYS, "key")
    _table("wall, per key at the break", wall_breaks, WALL_MESSAGE, BREAK_KEYS, "key")
    _top("console, keys at the break", console_breaks, BREAK_KEYS, "key", count=45)
    _top("console, keys at the break", console_breaks, BREAK_KEYS, "key", by="own", count=20)
    _top("wall, keys at the break", wall_breaks, BREAK_KEYS, "key", count=45)
    _top("wall, keys at the break", wall_breaks, BREAK_KEYS, "key", by="own", count=20)


# --------------------------------------------------------------------------- the floor

#: What Textual does for a key, in our console and in the same-change floor alike.
TEXTUAL_KEY: list[tuple[str, object]] = [
    ("the key's handler (bindings to action)", ("textual/app.py", "_check_bindings")),
    ("  Markdown.update (mounts later)", ("_markdown.py", "update")),
    ("  OptionList.replace_option_prompt_at_index", ("_option_list.py", "_replace_option_prompt")),
    ("mounting widgets (Markdown blocks)", ("textual/widget.py", "mount_all")),
    ("restyling nodes (App.update_styles)", ("textual/app.py", "update_styles")),
    ("layout (Compositor.reflow)", ("textual/_compositor.py", "reflow")),
    ("painting (Screen._compositor_refresh)", ("textual/screen.py", "_compositor_refresh")),
    ("  OptionList drawn (render_lines)", ("_option_list.py", "render_lines")),
    ("  terminal codes (render_segments)", ("textual/_compositor.py", "render_segments")),
]


def floor() -> None:
    """Both floors under the same profiler and keys as the console's: the same-change floor
    (bench/floor_block_app.py), what Textual itself spends on a block change, and the
    one-Static floor (bench/floor_app.py), what it spends on one short line."""
    from bench.floor_app import step_text
    from bench.floor_block_app import BLOCKS, block_title

    _floor(
        "same-change floor",
        "bench/floor_block_app.py",
        len(BLOCKS),
        lambda n: _line_is(block_title(n), AGENDA_COLUMNS),
    )
    _floor("one-Static floor", "bench/floor_app.py", 6, lambda n: _line_is(step_text(n)))


def _floor(name: str, script: str, steps: int, shows: Callable[[int], Check]) -> None:
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "floor"
        env = peertui_env(str(Path(tmp) / "data"))
        term = PtyTerminal(
            [sys.executable, "-m", "bench.profiled_app", "--script", script],
            {**env, "PEERTUI_PROFILE_PREFIX": str(prefix)},
            cwd=str(ROOT),
        )
        try:
            term.wait_for(shows(0))
            _keys(term, term, shows, steps, 10, [term], rng)
            _drain([term], 1.0)
            latencies: list[float] = []

            def press() -> None:
                latencies.extend(_keys(term, term, shows, steps, KEYS, [term], rng))

            seconds, (stats,) = _window([term], [prefix], 1, press)
        finally:
            term.close()
    print(
        f"\n{name}: {KEYS} keys in {seconds:.1f} s; screen after "
        f"{statistics.median(latencies) * 1000:.1f} ms median (profiled)"
    )
    print(f"  busy {_busy(stats) / KEYS * 1000:.2f} ms per key")
    _table(f"{name}, per key", stats, TEXTUAL_KEY, KEYS, "key")
    _top(f"{name}, keys", stats, KEYS, "key", count=30)


# --------------------------------------------------------------------------- imports


def _importtime(statement: str) -> tuple[float, dict[str, float], list[tuple[float, str]]]:
    """Total microseconds of ``statement``'s imports, own time per top-level package, and the
    slowest modules by cumulative time."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    own: dict[str, float] = defaultdict(float)
    total = 0.0
    modules: list[tuple[float, str]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        module = name.strip()
        own[module.split(".")[0]] += float(self_us)
        modules.append((float(cumulative_us), name.rstrip()))
        if not name.startswith("  "):  # a top-level import of the statement
            total += float(cumulative_us)
    return total, own, modules


def imports() -> None:
    statements = {
        "peertui.ui.app (the console)": "import peertui.ui.app",
        "peertui.ui.wall (the wall)": "import peertui.ui.wall",
        "textual.app (bare Textual)": "import textual.app",
    }
    # Python's own start-up imports (encodings, site, ...) are not in -X importtime's list
    # for `-c`; only what the statement imports. Median of 5, in milliseconds.
    for label, statement in statements.items():
        runs = [_importtime(statement) for _ in range(5)]
        totals = sorted(run[0] for run in runs)
        total, own, modules = runs[[run[0] for run in runs].index(totals[2])]
        print(f"\nimport {label}: {total / 1000:.0f} ms (median of 5)")
        print("  own import time by top-level package (ms):")
        for package, us in sorted(own.items(), key=lambda item: -item[1])[:14]:
            print(f"    {us / 1000:7.1f}  {package}")
        if statement == "import peertui.ui.app":
            print("  slowest modules, cumulative (ms):")
            for us, name in sorted(modules, reverse=True)[:30]:
                print(f"    {us / 1000:7.1f}  {name}")


STARTUP: list[tuple[str, object]] = [
    ("App.__init__ (the stylesheet's sources)", ("textual/app.py", "__init__")),
    ("parsing CSS (Stylesheet.parse)", ("textual/css/stylesheet.py", "parse")),
    ("  compiling regexes (re.compile; imports too)", ("re/__init__.py", "compile")),
    ("composing widgets (Widget._on_compose)", ("textual/widget.py", "_on_compose")),
    ("mounting widgets (App._register)", ("textual/app.py", "_register")),
    ("  styling them (Stylesheet.apply)", ("textual/css/stylesheet.py", "apply")),
    ("layout (Compositor.reflow)", ("textual/_compositor.py", "reflow")),
    ("painting (Screen._compositor_refresh)", ("textual/screen.py", "_compositor_refresh")),
    ("  terminal codes (render_segments)", ("textual/_compositor.py", "render_segments")),
    ("peertui's home screen: compose", ("peertui/ui/screens/home.py", "compose")),
    ("peertui's themes (get_css_variables)", ("peertui/ui/app.py", "get_css_variables")),
]


def _profile_start(argv: list[str], marker: str, env: dict[str, str], tmp: Path) -> Stats:
    """cProfile of a program from before its first import to ``marker`` on its screen."""
    prefix = tmp / "startup"
    term = PtyTerminal(
        [sys.executable, "-m", "bench.profiled_app", *argv],
        {**env, "PEERTUI_PROFILE_PREFIX": str(prefix), "PEERTUI_PROFILE_FROM_START": "1"},
        cwd=str(ROOT),
    )
    try:
        term.wait_for(marker)
        os.kill(term.pid, signal.SIGUSR2)
        path = Path(f"{prefix}-1.prof")
        _drain([term], 0.05)
        _wait_for_file(path)
        if KEEP is not None:
            shutil.copy(path, KEEP / f"startup-{argv[-1].replace('/', '_')}.prof")
        return _load(str(path))
    finally:
        term.close()


def startup() -> None:
    """cProfile of the console and of the minimal Textual app, from before their first import
    to their first frame; the work after the imports, side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = peertui_env(str(data))
        subprocess.run(
            [sys.executable, "-m", "peertui", "demo", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
        )
        ours = _profile_start(["--data-dir", str(data)], "Gruppeforl", env, Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        bare = _profile_start(
            ["--script", "bench/minimal_app.py"], "Minimal baseline", env, Path(tmp)
        )
    print("\nstart-up to the first frame, after the imports (cumulative ms; profiled: the")
    print("imports themselves are in `imports`, without the profiler's cost)")
    print(f"  {'':<48} {'peertui':>8}  {'minimal':>8}")
    for label, what in STARTUP:
        print(
            f"  {label:<48} {_cumulative(ours, what)[0] * 1000:8.1f}"
            f"  {_cumulative(bare, what)[0] * 1000:8.1f}"
        )


PHASES = ("textual imported", "peertui imported", "App() made", "stylesheet parsed",
          "first paint begun", "first frame out")  # fmt: skip


def phases(rounds: int = 8) -> None:
    """Start-up phase by phase (bench/startup_phases.py), peertui and the minimal app in turn,
    in a real pty, without a profiler: the median time of each phase since the process
    started, and what each phase adds."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "phases.txt"
        env = peertui_env(str(ROOT / ".demo-data"))
        for _ in range(rounds):
            for which in ("peertui", "minimal"):
                term = PtyTerminal(
                    [sys.executable, "-m", "bench.startup_phases", which, str(out)],
                    env,
                    cwd=str(ROOT),
                )
                try:
                    end = time.perf_counter() + 20
                    while term.pump(0.05) and time.perf_counter() < end:
                        pass
                finally:
                    term.close()
        lines = out.read_text(encoding="utf-8").splitlines()
    collected: dict[str, dict[str, list[float]]] = {"peertui": {}, "minimal": {}}
    fulls: dict[str, list[str]] = {"peertui": [], "minimal": []}
    for line in lines:
        which, rest = line.split(" ", 1)
        seen: dict[str, float] = {}
        for part in rest.split(" | "):
            name, ms = part.rsplit(": ", 1)
            if name.startswith("full GC"):
                fulls[which].append(f"{name} at {ms} ms")
            elif name == "stylesheet parsed" or name not in seen:
                seen[name] = float(ms)  # the last parse before the first paint
        for name, at in seen.items():
            collected[which].setdefault(name, []).append(at)
    print(f"\nstart-up phases, ms since the interpreter started (median of {rounds}, no profiler)")
    print(f"  {'':<22} {'peertui':>8} {'+':>5}  {'minimal':>8} {'+':>5}")
    before = {"peertui": 0.0, "minimal": 0.0}
    for name in PHASES:
        cells = []
        for which in ("peertui", "minimal"):
            values = collected[which].get(name)
            if not values:
                cells.append(f"{'-':>8} {'':>5}")
                continue
            at = statistics.median(values)
            cells.append(f"{at:8.0f} {at - before[which]:5.0f}")
            before[which] = at
        print(f"  {name:<22} {cells[0]}  {cells[1]}")
    for which, found in fulls.items():
        if found:
            print(f"  {which}: full collections before the first frame: {', '.join(found)}")
    # `python -m peertui` (what bench/startup.py times) reads its command line with click before
    # anything above; bench/startup_phases.py makes the App itself. What that adds, net of
    # the imports it shares with Textual: Textual imported first, then the command line read
    # as `peertui` with no command reads it, the app's start left out.
    runs = []
    for _ in range(rounds):
        done = subprocess.run(
            [sys.executable, "-c", COMMAND_LINE], env=env, capture_output=True, text=True, cwd=ROOT
        )
        runs.append([float(ms) for ms in done.stdout.split()])
    medians = [statistics.median(column) for column in zip(*runs, strict=True)]
    print(f"  the command line (not in the table), net of Textual's imports, median of {rounds}:")
    print(
        f"    {medians[0]:.1f} ms: click {medians[1]:.1f}, its words (click.mo)"
        f" {medians[2]:.1f}, the commands' modules {medians[3]:.1f},"
        f" declaring them and parsing {medians[4]:.1f}"
    )


#: Prints the command line's cost in ms: all, click's import, click_speaks, the commands'
#: modules, the rest (build() and parsing); run after Textual is imported (see phases).
COMMAND_LINE = """
import time
import textual.app, textual.screen, textual.widgets
import peertui.ui.app as app
app.run_app = lambda **kwargs: 0
t0 = time.perf_counter()
import click
t1 = time.perf_counter()
from peertui.cli.words import click_speaks
from peertui.i18n import language
with click_speaks(language()):
    t2 = time.perf_counter()
    from peertui.cli import certificate, check, data, export, wall
    t3 = time.perf_counter()
from peertui.cli import main
main([])
t4 = time.perf_counter()
print(*(f"{ms * 1000:.2f}" for ms in (t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3)))
"""


def main(argv: list[str]) -> int:
    global KEEP
    if "--keep" in argv:
        at = argv.index("--keep")
        KEEP = Path(argv[at + 1])
        KEEP.mkdir(parents=True, exist_ok=True)
        argv = argv[:at] + argv[at + 2 :]
    parts = argv or ["imports", "phases", "startup", "processes", "floor"]
    run = {
        "imports": imports,
        "phases": phases,
        "startup": startup,
        "processes": processes,
        "floor": floor,
    }
    for part in parts:
        run[part]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
