"""A training group is made with the ordinary group form: choose the course for trainees."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, Select, Static

from peertui.store import open_store
from peertui.ui.app import PeerTUI
from peertui.ui.dialogs.group_form import GroupForm
from peertui.ui.screens.group import GroupScreen

from .helpers import COURSE, LIBRARY, visible_text, wait_for_screen


async def test_create_a_training_group_from_the_group_form(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_new_group()
        await wait_for_screen(pilot, GroupForm)
        form = app.screen
        hint = form.query_one("#course-hint", Static)
        assert not hint.display  # the first course is the group course
        form.query_one("#name", Input).value = "Kursus i marts"
        form.query_one("#course", Select).value = COURSE
        await pilot.pause()
        assert hint.display
        assert "startdatoen er kursusdagen" in visible_text(app)
        form.query_one("#start", Input).value = "2027-03-02"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
        text = visible_text(app)
        assert "Kursister" in text and "Ny kursist" in text
        assert "Ny deltager" not in text
        group_id = app.screen.group_id
    group = store.group(group_id)
    assert group.course == COURSE and group.start.isoformat() == "2027-03-02"
    store.close()


async def test_the_group_form_shows_and_reads_dates_the_danish_way(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_new_group()
        await wait_for_screen(pilot, GroupForm)
        form = app.screen
        assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", form.query_one("#start", Input).value)
        form.query_one("#name", Input).value = "Kursus i marts"
        form.query_one("#start", Input).value = "2.3.2027"
        form.query_one("#retention", Input).value = "02.03.2028"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await wait_for_screen(pilot, GroupScreen)
        assert "start 02.03.2027" in visible_text(app)
        group = store.group(app.screen.group_id)
    assert group.start.isoformat() == "2027-03-02"
    assert group.retention.isoformat() == "2028-03-02"
    store.close()
