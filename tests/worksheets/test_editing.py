"""The three worksheets through Pilot, on a real store on disk: typed words survive a
restart, one version per visit, history and restore, consent, a full disk, leaving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Static, TextArea

from peertui.store import SaveFailed, open_store
from peertui.store.schema import Goal, NetworkMap, NetworkPerson, PersonalGoals, SafetyPlan
from peertui.ui.dialogs.worksheet_history import WorksheetHistoryScreen
from peertui.ui.screens.goals import GoalsScreen
from peertui.ui.screens.network_map import NetworkMapScreen
from peertui.ui.screens.safety_plan import SafetyPlanScreen
from peertui.ui.widgets.network_drawing import NetworkDrawing

from .helpers import Seeded, notified, open_sheet, seed, type_into, visible_text

KINDS = ("goals", "safety_plan", "network_map")


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path)


def stored(s: Seeded, pid: str, kind: str) -> Any:
    with open_store(s.data, read_only=True) as store:
        sheet = store.worksheet(s.group, pid, kind)
        return sheet.content if sheet else None


def history(s: Seeded, pid: str, kind: str) -> list[Any]:
    with open_store(s.data, read_only=True) as store:
        return [v.content for v in store.worksheet_history(s.group, pid, kind)]


async def write_one(pilot: Any, screen: Any, kind: str, text: str) -> None:
    """Put ``text`` in the sheet's first field (for the network map: a new person's name)."""
    if kind == "goals":
        area = screen.query_one(f"#g{screen.cards[0]}-text", TextArea)
    elif kind == "safety_plan":
        area = screen.query_one("#safety-warning_signs", TextArea)
    else:
        area = screen.query_one("#network-name", Input)
    await type_into(pilot, area, text)


def first_text(content: Any) -> str:
    if isinstance(content, PersonalGoals):
        return content.goals[0].text
    if isinstance(content, SafetyPlan):
        return content.warning_signs[0]
    assert isinstance(content, NetworkMap)
    return content.people[0].name


async def test_goals_typed_then_restart(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        assert isinstance(screen, GoalsScreen)
        first = screen.cards[0]
        words = {
            "text": "Gå en tur hver dag",
            "why": "Så sover jeg bedre",
            "first_step": "Finde skoene frem",
            "help_from": "Min søster",
            "when": "Om en uge",
        }
        for field, text in words.items():
            await type_into(pilot, screen.query_one(f"#g{first}-{field}", TextArea), text)
        await pilot.press("ctrl+n")  # a second goal
        await pilot.pause()
        await pilot.pause()
        assert len(screen.cards) == 2
        second = screen.cards[1]
        assert app.focused is screen.query_one(f"#g{second}-text", TextArea)
        await type_into(pilot, screen.query_one(f"#g{second}-text", TextArea), "Tegne igen")
        assert screen.autosaver.state == "saved"
        assert "Gemt" in visible_text(app)
        # The second card has its title (it may be below the fold, so look in the widgets).
        titles = [str(w.render()) for w in screen.query(Static)]
        assert any("Mål 2" in title for title in titles)
    store.close()
    expected = PersonalGoals(goals=(Goal(**words), Goal("Tegne igen")))
    assert stored(seeded, seeded.maja, "goals") == expected
    assert len(history(seeded, seeded.maja, "goals")) == 1  # one visit, one version

    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        assert screen.content() == expected
        area = screen.query_one(f"#g{screen.cards[0]}-why", TextArea)
        assert area.text == "Så sover jeg bedre"
        assert "Samtykke til at gemme" in visible_text(app)
    store.close()


async def test_safety_plan_starts_with_the_crisis_lines_and_survives_a_restart(
    seeded: Seeded,
) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "safety_plan")
        assert isinstance(screen, SafetyPlanScreen)
        prefilled = screen.query_one("#safety-professionals", TextArea).text
        assert prefilled.split("\n") == [
            "Livslinien: 70 201 201",
            "Alarm 112 ved akut fare",
            "Den psykiatriske akutmodtagelse i din region",
        ]
        assert stored(seeded, seeded.maja, "safety_plan") is None  # nothing typed: not saved
        await type_into(pilot, screen.query_one("#safety-warning_signs", TextArea), "Sover dårligt")
        await type_into(
            pilot, screen.query_one("#safety-warning_signs", TextArea), "\n\nTrækker mig"
        )
        await type_into(pilot, screen.query_one("#safety-people_to_ask", TextArea), "Min søster")
        await type_into(pilot, screen.query_one("#safety-most_important", TextArea), "Min kat")
        # The crisis lines are editable like any other line.
        professionals = screen.query_one("#safety-professionals", TextArea)
        await type_into(pilot, professionals, "\nMin kontaktperson")
    store.close()
    plan = stored(seeded, seeded.maja, "safety_plan")
    assert plan.warning_signs == ("Sover dårligt", "Trækker mig")  # blank lines are no points
    assert plan.people_to_ask == ("Min søster",)
    assert plan.professionals[-1] == "Min kontaktperson" and len(plan.professionals) == 4
    assert plan.most_important == "Min kat"

    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "safety_plan")
        assert screen.content() == plan
        text = screen.query_one("#safety-warning_signs", TextArea).text
        assert text == "Sover dårligt\nTrækker mig"
    store.close()


async def test_network_map_typed_then_restart(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        assert isinstance(screen, NetworkMapScreen)
        for name, ring, sector, note in (
            ("Mor", 1, "family", "Ses hver søndag"),
            ("Koret", 3, "leisure", ""),
        ):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await type_into(pilot, screen.query_one("#network-name", Input), name)
            for select_id, value in (("#network-ring", ring), ("#network-sector", sector)):
                select = screen.query_one(select_id, Select)
                select.focus()
                select.value = value  # as if chosen in the list
                await pilot.pause()
            await type_into(pilot, screen.query_one("#network-note", Input), note)
        assert screen.autosaver.state == "saved"
        table = screen.query_one("#network-table", DataTable)
        assert table.row_count == 2
        assert [str(c) for c in table.get_row_at(1)] == ["Koret", "3", "Fritid", ""]
        await pilot.pause(0.2)  # the map is redrawn when the typing pauses
        drawing = screen.query_one("#network-drawing", NetworkDrawing)
        assert {p.name for p in drawing.people} == {"Mor", "Koret"}
        assert "Koret" in visible_text(app) and "Maja" in visible_text(app)
    store.close()
    expected = NetworkMap(
        people=(
            NetworkPerson("Mor", 1, "family", "Ses hver søndag"),
            NetworkPerson("Koret", 3, "leisure", ""),
        )
    )
    assert stored(seeded, seeded.maja, "network_map") == expected

    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "network_map")
        assert screen.content() == expected
        assert screen.query_one("#network-table", DataTable).row_count == 2
        # Choosing a person fills the form; deleting asks first.
        table = screen.query_one("#network-table", DataTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.pause()
        assert screen.query_one("#network-name", Input).value == "Koret"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "Slet Koret" in visible_text(app)
        await pilot.press("tab", "enter")  # from "Nej" to "Ja"
        await pilot.pause()
        await pilot.pause(0.05)
        await pilot.pause()
        assert table.row_count == 1
    store.close()
    assert stored(seeded, seeded.maja, "network_map") == NetworkMap(people=expected.people[:1])


async def test_one_version_per_visit_and_restore(seeded: Seeded) -> None:
    earlier = {
        "goals": PersonalGoals(goals=(Goal("Første udgave"),)),
        "safety_plan": SafetyPlan(warning_signs=("Første udgave",)),
        "network_map": NetworkMap(people=(NetworkPerson("Første udgave", 1, "family"),)),
    }
    store = seeded.store()
    for content in earlier.values():  # an earlier visit
        store.save_worksheet(seeded.group, seeded.maja, content, new_version=True)
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        for kind in KINDS:
            await edit_then_restore(app, pilot, seeded, kind)
    store.close()
    for kind in KINDS:
        assert [first_text(c) for c in history(seeded, seeded.maja, kind)] == [
            "Første udgave",
            "Anden",
            "Første udgave",
        ]


async def edit_then_restore(app: Any, pilot: Any, seeded: Seeded, kind: str) -> None:
    screen = await open_sheet(app, pilot, seeded.group, seeded.maja, kind)
    field: Any = (
        screen.query_one(f"#g{screen.cards[0]}-text", TextArea)
        if kind == "goals"
        else screen.query_one("#safety-warning_signs", TextArea)
        if kind == "safety_plan"
        else screen.query_one("#network-name", Input)
    )
    if isinstance(field, TextArea):
        field.text = ""
    else:
        field.value = ""
    await write_one(pilot, screen, kind, "And")
    await write_one(pilot, screen, kind, "en")  # the same visit: the same version
    assert [first_text(c) for c in history(seeded, seeded.maja, kind)] == [
        "Første udgave",
        "Anden",
    ]
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert isinstance(app.screen, WorksheetHistoryScreen)
    shown = visible_text(app)
    assert "Tidligere udgaver" in shown and "nyeste" in shown and "Anden" in shown
    await pilot.press("down")  # the older one, shown in full
    await pilot.pause()
    assert "Første udgave" in visible_text(app)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause(0.05)
    assert app.screen is screen
    assert first_text(screen.content()) == "Første udgave"
    assert notified(app, "hentet tilbage")
    if isinstance(field, TextArea):
        await pilot.pause()
        current = (
            screen.query_one(f"#g{screen.cards[0]}-text", TextArea).text
            if kind == "goals"
            else field.text
        )
    else:
        current = field.value
    assert current == "Første udgave"
    await pilot.press("escape")
    await pilot.pause()


async def test_without_consent_nothing_is_saved_and_it_says_why(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        for kind in KINDS:
            screen = await open_sheet(app, pilot, seeded.group, seeded.henrik, kind)
            assert "ikke givet samtykke" in visible_text(app)
            assert "Uden samtykke bliver intet gemt" in visible_text(app)
            assert all(area.read_only for area in screen.query(TextArea))
            assert all(field.disabled for field in screen.query(Input))
            await pilot.press("ctrl+s")
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert notified(app, "ikke givet samtykke")
            await pilot.press("escape")
            await pilot.pause()
            assert stored(seeded, seeded.henrik, kind) is None
        # Consent recorded (as ctrl+k does): the sheet takes words and saves them.
        screen = await open_sheet(app, pilot, seeded.group, seeded.henrik, "safety_plan")
        store.give_consent(seeded.group, seeded.henrik, "store_statement")
        screen.refresh_consent()
        await pilot.pause()
        assert "ikke givet samtykke" not in visible_text(app)
        await type_into(pilot, screen.query_one("#safety-own_strategies", TextArea), "Gå en tur")
    store.close()
    assert stored(seeded, seeded.henrik, "safety_plan").own_strategies == ("Gå en tur",)


async def test_full_disk_shows_not_saved_keeps_the_text_and_recovers(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seeded.store()
    app = seeded.app(store)
    real = store.save_worksheet

    def full(*args: Any, **kwargs: Any) -> Any:
        raise SaveFailed(f"groups/{seeded.group}.json", "disk_full", "ENOSPC")

    async with app.run_test(size=(140, 40)) as pilot:
        for kind in ("goals", "network_map"):
            screen = await open_sheet(app, pilot, seeded.group, seeded.maja, kind)
            monkeypatch.setattr(store, "save_worksheet", full)
            await write_one(pilot, screen, kind, "Ord der ikke må gå tabt")
            assert screen.autosaver.state == "failed"
            assert "IKKE GEMT" in visible_text(app)
            assert first_text(screen.content()) == "Ord der ikke må gå tabt"
            await pilot.press("escape")  # leaving warns first and stays
            await pilot.pause()
            assert app.screen is screen
            assert notified(app, "IKKE gemt")
            monkeypatch.setattr(store, "save_worksheet", real)  # room on the disk again
            await write_one(pilot, screen, kind, "!")
            assert screen.autosaver.state == "saved"
            assert "IKKE GEMT" not in visible_text(app)
            assert first_text(stored(seeded, seeded.maja, kind)) == "Ord der ikke må gå tabt!"
            await pilot.press("escape")
            await pilot.pause()
    store.close()


async def test_leaving_and_quitting_save_at_once(seeded: Seeded) -> None:
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "goals")
        screen.autosaver.delay = 60  # the timer would not fire during the test
        await write_one(pilot, screen, "goals", "Gemt ved esc")
        assert screen.autosaver.state == "pending"
        await pilot.press("escape")
        await pilot.pause()
        assert stored(seeded, seeded.maja, "goals").goals[0].text == "Gemt ved esc"
        screen = await open_sheet(app, pilot, seeded.group, seeded.maja, "safety_plan")
        screen.autosaver.delay = 60
        await write_one(pilot, screen, "safety_plan", "Gemt ved ctrl+q")
        await pilot.press("ctrl+q")
        await pilot.pause()
    store.close()
    assert stored(seeded, seeded.maja, "safety_plan").warning_signs == ("Gemt ved ctrl+q",)


async def test_the_participant_page_opens_a_worksheet(seeded: Seeded) -> None:
    from textual.widgets import OptionList

    from peertui.ui.screens.participant import ParticipantScreen
    from tests.helpers import say_yes

    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        for index, kind in ((3, "network_map"),):  # the tools: statement, goals, ...
            app.push_screen(ParticipantScreen(seeded.group, seeded.maja))
            await pilot.pause()
            tools = app.screen.query_one("#tools", OptionList)
            tools.highlighted = index  # after "statement"
            await pilot.press("enter")
            await say_yes(pilot)  # no wall attached: the room may see this screen
            for _ in range(10):
                await pilot.pause()
            screen_class = {
                "goals": GoalsScreen,
                "safety_plan": SafetyPlanScreen,
                "network_map": NetworkMapScreen,
            }[kind]
            assert isinstance(app.screen, screen_class)
            await pilot.press("escape", "escape")
            await pilot.pause()
    store.close()
