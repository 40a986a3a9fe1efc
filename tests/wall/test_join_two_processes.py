"""Phones (issue #19) with console and wall as two real peertui processes: `t` on the group's
page, loopback chosen, and the wall, in its own terminal, shows a QR code a phone reads."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import zxingcpp
from PIL import Image

from peertui.content import load_library
from peertui.store import open_store
from tests.ptyterm import PtyTerminal
from tests.wall.conftest import start

COURSE = load_library().course("vejen-til-hverdagslivet")
assert COURSE is not None
END = "\x1b[F"  # the End key (xterm)
SCALE = 6


def rgb(colour: str, default: tuple[int, int, int]) -> tuple[int, int, int]:
    """A pyte colour ("ffffff", or a name such as "black"/"default") as RGB."""
    if re.fullmatch(r"[0-9a-fA-F]{6}", colour):
        return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))
    return {"black": (0, 0, 0), "white": (255, 255, 255)}.get(colour, default)


def terminal_picture(term: PtyTerminal) -> Image.Image:
    """The terminal's screen as a picture: each cell two pixel rows, in its own colours."""
    screen = term.screen
    surroundings = (30, 30, 30)
    image = Image.new("RGB", (screen.columns, screen.lines * 2), surroundings)
    for y in range(screen.lines):
        row = screen.buffer[y]
        for x in range(screen.columns):
            cell = row[x]
            fg = rgb(cell.fg, (200, 200, 200))
            bg = rgb(cell.bg, surroundings)
            if cell.reverse:
                fg, bg = bg, fg
            image.putpixel((x, 2 * y), fg if cell.data in "█▀" and cell.data else bg)
            image.putpixel((x, 2 * y + 1), fg if cell.data in "█▄" and cell.data else bg)
    return image.resize((image.width * SCALE, image.height * SCALE), Image.Resampling.NEAREST)


def test_the_join_code_reaches_the_wall_and_scans(
    data_dir: Path, terminals: list[PtyTerminal]
) -> None:
    with open_store(data_dir) as store:
        store.create_group(
            "Torsdagsgruppen", COURSE.id, ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
    wall = start(terminals, data_dir, "wall")
    console = start(terminals, data_dir)
    console.wait_for("Torsdagsgruppen")
    wall.wait_for(lambda text: "Velkommen" in text or "Torsdagsgruppen" in text)
    console.press("enter")  # the group (first in the groups list)
    console.wait_for("Start mødegang")
    console.press("t")  # phones: first the address
    console.wait_for("127.0.0.1")
    console.press(END, "enter")  # loopback, offered last
    wall.wait_for("http://127.0.0.1:")
    wall.wait_for(lambda text: "█" in text)
    wall.settle(0.5)
    url = re.search(r"http://127\.0\.0\.1:\d+/", wall.text())
    assert url is not None
    results = zxingcpp.read_barcodes(terminal_picture(wall), try_invert=False)
    assert [result.text for result in results] == [url.group(0)]
    assert "Traceback" not in console.text()
