"""Bad input on the worksheets: markup shown literally and never run, a huge paste cut to the
field's limit with a message, emoji/æøå/right-to-left/tabs kept exactly, control characters
removed with a notice, empty fields fine."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Input, TextArea

from peertui.store import open_store
from peertui.store.schema import NetworkMap, NetworkPerson
from peertui.ui.screens.goals import LONG_LIMIT, SHORT_LIMIT
from peertui.ui.screens.network_map import NAME_LIMIT, NOTE_LIMIT
from peertui.ui.screens.safety_plan import LINES_MAX, SECTION_LIMIT
from peertui.ui.widgets.network_drawing import NetworkDrawing

from .helpers import Seeded, notified, open_sheet, seed, type_into, type_keys, visible_text

MARKUP = "[@click=app.quit]klik[/] [bold]fed[/bold] [/] [link=https://example.org]x[/link]"
UNICODE = "æøå ÆØÅ 🙂🌱 مرحبا שלום\tmed\ttabulator"


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path)


def stored(s: Seeded, kind: str) -> Any:
    with open_store(s.data, read_only=True) as store:
        sheet = store.worksheet(s.group, s.maja, kind)
        return sheet.content if sheet else None


async def test_markup_typed_key_by_key_is_text(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        area = screen.query_one(f"#g{screen.cards[0]}-text", TextArea)
        area.focus()
        screen.autosaver.delay = 0.3  # one save after the typing, not one per key
        typed = "[@click=app.quit]klik[/] [bold]fed[/bold]"
        await type_keys(pilot, typed)  # key by key, as a facilitator would
        await type_into(pilot, area, MARKUP.removeprefix(typed))
        await pilot.pause(0.4)
        assert screen.autosaver.state == "saved"
        assert app.is_running  # [@click=app.quit] did not quit
        assert area.text == MARKUP
        assert "[bold]fed[/bold]" in visible_text(app)
        # The history shows it literally too, in the list and in the view.
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown = visible_text(app)
        assert shown.count("[@click=app.quit]klik[/]") >= 2
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    store.close()
    assert stored(seeded, "goals").goals[0].text == MARKUP


async def test_markup_in_names_on_the_network_map_is_text(seeded: Seeded) -> None:
    with open_store(seeded.data) as store:
        ole = store.add_participant(
            seeded.group, "[b]Ole[/b]", consents=["taking_part", "store_statement"]
        )
        people = (NetworkPerson("[red]Mor[/red]", 1, "family", "[@click=app.quit]note"),)
        store.save_worksheet(seeded.group, ole.id, NetworkMap(people=people))
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, ole.id, "network_map")
        shown = visible_text(app)
        assert "Netværkskort – [b]Ole[/b]" in shown  # the title
        assert "[red]Mor[/red]" in shown  # the drawing and the table
        assert "[@click=app.quit]note" in shown
        drawing = screen.query_one("#network-drawing", NetworkDrawing)
        assert "[b]Ole[/b]" in drawing.render().plain
        table = screen.query_one("#network-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "[red]Mor[/red]"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "Slet [red]Mor[/red] fra kortet?" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    store.close()


async def test_a_huge_paste_is_cut_to_each_fields_limit_with_a_message(seeded: Seeded) -> None:
    paste = "ord " * 25_000  # 100,000 characters
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        for field, limit in (("why", LONG_LIMIT), ("when", SHORT_LIMIT)):
            area = screen.query_one(f"#g{screen.cards[0]}-{field}", TextArea)
            area.focus()
            started = time.perf_counter()
            area.post_message(events.Paste(paste))
            await pilot.pause(0.05)
            await pilot.pause()
            assert time.perf_counter() - started < 5  # no freeze
            assert len(area.text) == limit
            assert notified(app, f"skåret ned til {limit} tegn")
        await pilot.press("escape")
        await pilot.pause()

        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "safety_plan")
        area = screen.query_one("#safety-distractions", TextArea)
        area.focus()
        area.post_message(events.Paste("linje\n" * 20_000))  # 120,000 characters
        await pilot.pause(0.05)
        await pilot.pause()
        assert len(area.text) <= SECTION_LIMIT
        assert area.text.count("\n") == LINES_MAX - 1
        assert notified(app, f"{LINES_MAX} linjer")
        await pilot.press("escape")
        await pilot.pause()

        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        for field_id, limit in (("#network-name", NAME_LIMIT), ("#network-note", NOTE_LIMIT)):
            field = screen.query_one(field_id, Input)
            field.focus()
            field.post_message(events.Paste(paste))
            await pilot.pause(0.05)
            await pilot.pause()
            assert len(field.value) == limit
            assert notified(app, f"skåret ned til {limit} tegn")
        assert app.is_running
    store.close()
    goals = stored(seeded, "goals").goals[0]
    assert (len(goals.why), len(goals.when)) == (LONG_LIMIT, SHORT_LIMIT)
    assert stored(seeded, "safety_plan").distractions == ("linje",) * LINES_MAX
    (person,) = stored(seeded, "network_map").people
    assert (len(person.name), len(person.note)) == (NAME_LIMIT, NOTE_LIMIT)


async def test_unicode_rtl_and_tabs_are_kept_exactly_across_a_restart(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        await type_into(pilot, screen.query_one(f"#g{screen.cards[0]}-text", TextArea), UNICODE)
        await type_into(pilot, screen.query_one(f"#g{screen.cards[0]}-when", TextArea), UNICODE)
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "safety_plan")
        area = screen.query_one("#safety-warning_signs", TextArea)
        await type_into(pilot, area, UNICODE + "\n\t" + UNICODE)
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        await type_into(pilot, screen.query_one("#network-name", Input), UNICODE)
        await type_into(pilot, screen.query_one("#network-note", Input), UNICODE)
        assert "🙂🌱 مرحبا שלום" in visible_text(app)
        assert str(screen.query_one("#network-table", DataTable).get_row_at(0)[0]) == UNICODE
    store.close()
    goal = stored(seeded, "goals").goals[0]
    assert goal.text == goal.when == UNICODE
    assert stored(seeded, "safety_plan").warning_signs == (UNICODE, "\t" + UNICODE)
    assert stored(seeded, "network_map").people == (NetworkPerson(UNICODE, 2, "family", UNICODE),)

    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        assert screen.query_one(f"#g{screen.cards[0]}-text", TextArea).text == UNICODE
        assert screen.query_one(f"#g{screen.cards[0]}-when", TextArea).text == UNICODE
    store.close()


async def test_control_characters_are_removed_with_a_notice_and_empty_is_fine(
    seeded: Seeded,
) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        area = screen.query_one(f"#g{screen.cards[0]}-first_step", TextArea)
        await type_into(pilot, area, "før\x07\x1b[31mefter\x00")
        assert area.text == "før[31mefter"
        assert notified(app, "styretegn")
        await pilot.press("escape")
        await pilot.pause()
        # A person without a name is not on the map (yet); the list says so.
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_into(pilot, screen.query_one("#network-note", Input), "kun en note")
        table = screen.query_one("#network-table", DataTable)
        assert "uden navn" in str(table.get_row_at(0)[0])
        assert screen.autosaver.state == "saved"
    store.close()
    goal = stored(seeded, "goals").goals[0]
    assert (goal.text, goal.why, goal.first_step) == ("", "", "før[31mefter")
    assert stored(seeded, "network_map") == NetworkMap()
