"""Console and wall as two real peertui processes, each in its own pseudo-terminal."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from peertui.content import load_library
from tests.ptyterm import PtyTerminal, peertui_env
from tests.wall.conftest import start

COURSE = load_library().course("vejen-til-hverdagslivet")
assert COURSE is not None
MEETING = COURSE.meeting(1)
assert MEETING is not None


def open_runner(console: PtyTerminal) -> None:
    console.wait_for("mødegange")  # the course list: the content is read after the first frame
    console.press("tab", "enter")  # from the groups list to the courses
    console.wait_for("Mødegange")
    console.press("down", "enter")
    console.wait_for(MEETING.blocks[0].title)
    console.press("s")
    console.wait_for("Pause/fortsæt")


def flat(text: str) -> str:
    return " ".join(text.split())


def first_note_line(index: int) -> str:
    return MEETING.blocks[index].notes.splitlines()[0].strip()[:30]


def test_wall_follows_the_console_and_never_shows_private_content(
    data_dir: Path, terminals: list[PtyTerminal]
) -> None:
    wall = start(terminals, data_dir, "wall")
    wall.wait_for("Venter på peertui")  # started before the console: waits calmly

    console = start(terminals, data_dir)
    wall.wait_for("Velkommen")  # attached as soon as the console started
    open_runner(console)

    first, second = MEETING.blocks[0], MEETING.blocks[1]
    wall.wait_for(first.title)
    wall.wait_for(lambda text: "█" in text)  # the big digits are drawn

    console.press("right")  # next block
    wall.wait_for(second.title)
    wall.wait_for(lambda text: second.steps[0][:20] in flat(text))
    assert first.steps[0][:20] not in flat(wall.text())

    if len(second.steps) > 1:
        console.press("r")  # reveal the next step
        wall.wait_for(lambda text: flat(second.steps[1])[:20] in flat(text))

    console.press("n")  # notes on the console ...
    console.wait_for(first_note_line(1))
    wall.settle(0.5)
    assert first_note_line(1) not in wall.text()  # ... never on the wall

    console.press("b")  # blank
    wall.wait_for(lambda text: second.title not in text)
    assert COURSE.title in wall.text()
    console.press("b")
    wall.wait_for(second.title)

    # A second wall attaches while the meeting runs and shows the same block.
    second_wall = start(terminals, data_dir, "wall")
    second_wall.wait_for(second.title)

    # The console dies: both walls fall back to a calm screen, never a traceback.
    console.kill()
    for w in (wall, second_wall):
        w.wait_for("Skærmen kommer tilbage om et øjeblik")
        text = w.text()
        assert COURSE.title in text  # the last name the wall got, for the room
        assert second.title not in text
        assert "Traceback" not in text


def test_break_reaches_the_wall(data_dir: Path, terminals: list[PtyTerminal]) -> None:
    wall = start(terminals, data_dir, "wall")
    console = start(terminals, data_dir)
    open_runner(console)
    break_index = next(i for i, b in enumerate(MEETING.blocks) if b.kind == "pause")
    console.press(*["right"] * break_index)
    pause_text = flat(MEETING.blocks[break_index].steps[0])[:15]
    wall.wait_for(lambda text: "Pause" in text and pause_text in flat(text))


def test_a_statement_reaches_the_wall_only_when_shared_on_purpose(
    data_dir: Path, terminals: list[PtyTerminal]
) -> None:
    from datetime import date

    from peertui.store import open_store

    secret = "Mine egne ord om kaffe og havnen"
    with open_store(data_dir) as store:
        group = store.create_group(
            "Torsdagsgruppen", COURSE.id, ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        maja = store.add_participant(group.id, "Maja", consents=["taking_part", "store_statement"])
        store.create_statement(group.id, maja.id, (secret, "", "", ""))

    wall = start(terminals, data_dir, "wall")
    console = start(terminals, data_dir)
    console.wait_for("Torsdagsgruppen")
    console.press("enter")  # the group (first in the groups list)
    console.wait_for("Start mødegang")
    console.press("s")
    console.wait_for("Hvem er kommet")
    console.press("\x13")  # ctrl+s: start the meeting
    console.wait_for("Pause/fortsæt")
    wall.wait_for(lambda text: "Torsdagsgruppen" in text or "Velkommen" in text)
    console.press("d")  # a participant's statement, on the console
    console.wait_for("Hvis statement")
    console.press("enter")
    console.wait_for(lambda text: secret[:20] in flat(text))
    wall.settle(0.5)
    assert secret[:12] not in flat(wall.text())

    console.press("\x0f")  # ctrl+o: show on the wall ... asks first
    console.wait_for("sagt ja")
    console.press("tab", "enter")  # "Ja", on purpose
    wall.wait_for(lambda text: secret[:20] in flat(text))

    console.press("\x0f")  # ctrl+o again: gone
    wall.wait_for(lambda text: secret[:12] not in flat(text))
    console.kill()
    wall.wait_for("Skærmen kommer tilbage om et øjeblik")
    assert "Torsdagsgruppen" in wall.text()
    assert secret[:12] not in flat(wall.text())


def test_a_150_character_data_folder_attaches(tmp_path: Path, terminals: list[PtyTerminal]) -> None:
    """A Unix socket's path is at most ~107 bytes: a long data folder's socket lives in a
    short private folder, and console and wall find the same one."""
    import shutil
    import tempfile

    data_dir = tmp_path / ("d" * (150 - len(str(tmp_path)) - 1))
    assert len(str(data_dir)) == 150
    data_dir.mkdir(mode=0o700)
    short_tmp = tempfile.mkdtemp(prefix="pt")  # stands in for /tmp, cleaned up below
    env = {"TMPDIR": short_tmp, "XDG_RUNTIME_DIR": ""}
    try:
        wall = PtyTerminal(
            [sys.executable, "-m", "peertui", "wall"],
            peertui_env(str(data_dir), **env),
            size=(100, 30),
        )
        terminals.append(wall)
        wall.wait_for("Venter på peertui")
        console = PtyTerminal(
            [sys.executable, "-m", "peertui"], peertui_env(str(data_dir), **env), size=(100, 30)
        )
        terminals.append(console)
        wall.wait_for("Godt, at I er her")  # attached
        open_runner(console)
        wall.wait_for(MEETING.blocks[0].title)
        console.kill()
        wall.wait_for("Skærmen kommer tilbage om et øjeblik")
        assert "Traceback" not in wall.text()
        folder = Path(short_tmp) / f"peertui-{os.getuid()}"
        assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
    finally:
        shutil.rmtree(short_tmp, ignore_errors=True)
