"""Tonight's meeting in four keys from the home screen: Enter on the group, `s` (check-in
with the next meeting proposed), `a` (everyone is here), ctrl+s (start). Also `a` itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from peertui.content import load_library
from peertui.i18n import _
from peertui.store import demo, open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.checkin import CheckInScreen
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.home import HomeScreen
from peertui.ui.screens.runner import RunnerScreen
from tests.helpers import flat, visible_text, wait_for_screen, wait_until

from ..runner.fakes import FakeClock


def demo_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with open_store(data) as store:
        demo.fill(store, date.today())
    return data


class Keys:
    """Presses keys on the pilot and counts them."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, key: str) -> None:
        self.count += 1
        await self.pilot.press(key)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
async def test_tonights_meeting_in_four_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    data = demo_folder(tmp_path)
    with open_store(data, read_only=True) as store:
        group = store.groups()[0]  # first in the home list (then a training group)
        everyone = {p.id for p in store.participants(group.id)}
        held = {a.meeting for a in store.attendance(group.id)}
    assert len(everyone) > 3 and held  # a group with a course, people and meetings held
    # As `peertui` starts: the content and the store are read after the first frame.
    app = PeerTUI(data_dir=data, open_store=True, clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(
            pilot,
            lambda: (
                bool(app.screen.query("#groups"))
                and app.screen.query_one("#groups", OptionList).option_count > 0
                and isinstance(app.focused, OptionList)
                and app.focused.id == "groups"
            ),
        )
        await keys.press("enter")  # the group (the list has the focus, the group is first)
        await wait_for_screen(pilot, GroupScreen)
        await keys.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        checkin = app.screen
        assert isinstance(checkin, CheckInScreen)
        proposed = max(held) + 1  # the meeting after the last one held
        assert checkin.meeting_number == proposed
        meetings = checkin.query_one("#checkin-meetings", OptionList)
        assert meetings.highlighted is not None
        assert meetings.get_option_at_index(meetings.highlighted).id == str(proposed)
        await keys.press("a")
        await keys.press("ctrl+s")
        await wait_for_screen(pilot, RunnerScreen)
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        assert runner.meeting.number == proposed
        assert runner.run.index == 0
        shown = flat(visible_text(app))
        assert runner.meeting.blocks[0].title in shown
        assert _("item {number} of {count}", number=1, count=len(runner.meeting.blocks)) in shown
        assert keys.count == 4
    with open_store(data, read_only=True) as store:
        here = {
            a.participant for a in store.attendance(group.id, proposed) if a.status == "present"
        }
    assert here == everyone


async def test_a_marks_everyone_here_and_again_undoes_it(tmp_path: Path) -> None:
    data = demo_folder(tmp_path)
    store = open_store(data)
    group = store.groups()[0]
    app = PeerTUI(load_library(), store=store, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_open_group(group.id)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, CheckInScreen)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        await pilot.press("down", "space", "space")  # the second sent word
        before = ["absent", "excused"] + ["absent"] * (len(screen.status) - 2)
        assert list(screen.status.values()) == before
        await pilot.press("a")
        assert set(screen.status.values()) == {"present"}
        text = visible_text(app)
        assert text.count("[✓]") == len(screen.status)
        assert "Ikke mødt" not in text and "Meldt afbud" not in text
        # `a` again undoes it: everyone as before.
        await pilot.press("a")
        assert list(screen.status.values()) == before
        assert "[✓]" not in visible_text(app)
        # Space still changes one person.
        await pilot.press("a", "space")
        assert list(screen.status.values())[1] == "excused"
        await pilot.press("space", "space")  # round to "present" again
        assert set(screen.status.values()) == {"present"}
        # Everyone here, by hand: `a` marks no one here.
        await pilot.press("a")
        assert set(screen.status.values()) == {"absent"}
        assert "[✓]" not in visible_text(app)
        await pilot.press("ctrl+g")  # save only
        await wait_for_screen(pilot, GroupScreen)
    statuses = {a.status for a in store.attendance(group.id, screen.meeting_number)}
    assert statuses == {"absent"}
    store.close()
