"""The group form's course choice stays readable when the training-course hint appears and on
a projector's small screen: the chosen course's name is on screen, not squeezed away.

(The course screen's ``#course { height: 1fr }`` once matched the form's Select too, and a
fraction of nothing is one row: the box's top edge only.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.dialogs.group_form import GroupForm

from .helpers import COURSE, LIBRARY, visible_text, wait_for_screen


@pytest.mark.parametrize("size", [(120, 40), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_chosen_course_stays_visible(tmp_path: Path, size: tuple[int, int]) -> None:
    store = open_store(tmp_path / "data")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.action_new_group()
        await wait_for_screen(pilot, GroupForm)
        form = app.screen
        select = form.query_one("#course", Select)
        select.focus()
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("down", "enter")  # the second course: the one for trainees
        for _ in range(3):
            await pilot.pause()
        assert select.value == COURSE
        assert form.query_one("#course-hint").display
        assert select.region.height == 3  # the box with the course's name in it
        title = LIBRARY.course(COURSE)
        assert title is not None
        assert title.title in visible_text(app)
    store.close()
