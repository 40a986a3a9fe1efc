"""Latency from a key press in the console to the wall showing it: two real processes.

Console and wall each run in their own pseudo-terminal, read through a terminal emulator.
A key press moves to the next (or previous) block; we time until the wall's screen shows
that block's title. The baseline is the console's own screen showing it, same key press.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row, median, p95
from peertui.content import load_library
from tests.ptyterm import PtyTerminal, peertui_env

ROUNDS = 20


def console_block_title(text: str) -> str:
    """The current block's title in the console runner: the line above "punkt N af M",
    right of the agenda column."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if i and "punkt " in line and " af " in line:
            return lines[i - 1][38:].strip().split("  ")[0]
    return ""


def run() -> list[Row]:
    meeting = load_library().course("vejen-til-hverdagslivet").meeting(1)  # type: ignore[union-attr]
    assert meeting is not None
    titles = [meeting.blocks[0].title, meeting.blocks[1].title]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir(mode=0o700)
        env = peertui_env(str(data))
        wall = PtyTerminal([sys.executable, "-m", "peertui", "wall"], env)
        console = PtyTerminal([sys.executable, "-m", "peertui"], env)
        try:
            console.wait_for("mødegange")  # the course list, read just after the first frame
            console.press("tab", "enter")  # from the groups list to the courses
            console.wait_for("Mødegange")
            console.press("down", "enter")
            console.wait_for(titles[0])
            console.press("s")
            wall.wait_for(titles[0])
            to_wall: list[float] = []
            to_console: list[float] = []
            for i in range(ROUNDS):
                key, target = ("right", titles[1]) if i % 2 == 0 else ("left", titles[0])
                other = titles[0] if target == titles[1] else titles[1]
                start = time.perf_counter()
                console.press(key)
                done_wall = done_console = None
                while done_wall is None or done_console is None:
                    if time.perf_counter() - start > 10:
                        raise TimeoutError("the wall did not follow")
                    wall.pump(0.001)
                    console.pump(0.001)
                    now = time.perf_counter() - start
                    wall_text, console_text = wall.text(), console.text()
                    if done_wall is None and target in wall_text and other not in wall_text:
                        done_wall = now
                    if done_console is None and console_block_title(console_text) == target:
                        done_console = now
                to_wall.append(done_wall)
                to_console.append(done_console)
                time.sleep(0.05)
        finally:
            console.close()
            wall.close()
    return [
        Row(
            "key press in console -> wall shows it (median)",
            median(to_wall),
            median(to_console),
            "console's own screen",
            "median <= 100 ms",
            f"{ROUNDS} presses; both ptys read in one loop (one at a time: the rows above)",
        ),
        Row(
            "key press in console -> wall shows it (p95)",
            p95(to_wall),
            p95(to_console),
            "console's own screen",
            "",
            "",
        ),
    ]
