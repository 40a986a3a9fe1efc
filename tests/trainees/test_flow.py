"""A trainer's way from the training group's page to a trainee who is ready for the
certificate, through Pilot on a real store on disk, and what is left after a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input

from peertui.ui.dialogs.teaching_form import TeachingForm
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.participant import ParticipantScreen
from peertui.ui.screens.statement import StatementScreen
from peertui.ui.screens.trainee import TraineeScreen
from tests.helpers import say_yes

from .forms import add_trainee, record
from .helpers import COURSE_DAY, seed, visible_text, wait_for_screen


def cells(screen: GroupScreen | TraineeScreen, table_id: str) -> list[list[str]]:
    table = screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_add_a_trainee_and_record_teachings_until_ready(tmp_path: Path) -> None:
    seeded = seed(tmp_path, trainee=False)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        page = app.screen
        assert "Kursister" in visible_text(app)
        assert "Ny kursist" in visible_text(app)  # the footer offers trainees, not participants
        await add_trainee(pilot, "Noor", "Jobcentret Aarby", "staff")
        await wait_for_screen(pilot, GroupScreen)
        assert cells(page, "#participants") == [
            ["Noor", "0 af 4", "Medarbejder", "Jobcentret Aarby"]
        ]

        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        trainee = app.screen
        assert "Ingen undervisning skrevet ind endnu" in visible_text(app)
        assert "Mangler 4 personer senest 01.12.2026." in visible_text(app)

        # The first one by keyboard alone: date, audience, count, note, enter.
        await pilot.press("a")
        await wait_for_screen(pilot, TeachingForm)
        held = app.screen.query_one("#held", Input)
        assert held.value == "15.10.2026"  # today, by the store's clock
        await pilot.press(*"02.10.2026")  # the date is selected on focus: typing replaces it
        await pilot.press("tab", "down", "enter")  # audience: the second choice, citizens
        await pilot.press("tab", "1", "tab", *"Borgercafé", "enter")
        await wait_for_screen(pilot, TraineeScreen)

        await record(pilot, held="5.10.2026", audience="colleagues", count="1", contact="yes")
        await record(
            pilot,
            held="08.10.2026",
            audience="colleagues",
            count="3",
            contact="no",
            note="Kantinen",
        )
        await record(pilot, held="09.10.2026", audience="citizens", count="1")
        # Four teachings, but the colleagues of 08.10. have no contact with citizens.
        text = visible_text(app)
        assert "4 af 4" not in text
        assert "Mangler" in text and "Klar til bevis" not in text
        assert "nej: ingen borgerkontakt" in text
        assert cells(trainee, "#teachings")[0][:4] == ["02.10.2026", "Borgere", "1", "ja"]
        await pilot.press("escape")
        await wait_for_screen(pilot, GroupScreen)
        assert cells(page, "#participants")[0][1] == "3 af 4"

        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        await record(pilot, held="12.10.2026", audience="citizens", count="1", note="Værested")
        text = visible_text(app)
        assert "Klar til bevis: nået 12.10.2026." in text
        assert "Mangler" not in text
        await pilot.press("escape")
        await wait_for_screen(pilot, GroupScreen)
        assert cells(page, "#participants")[0][1] == "klar til bevis"
    store.close()

    # A new peertui on the same folder: everything is there.
    again = seeded.store()
    (noor,) = again.trainees(seeded.group)
    assert noor.alias == "Noor" and noor.has_consent("store_statement")
    assert noor.training is not None
    assert (noor.training.organisation, noor.training.role) == ("Jobcentret Aarby", "staff")
    taught = [
        (x.held.day, x.audience, x.count, x.citizen_contact, x.note)
        for x in noor.training.teachings
    ]
    assert taught == [
        (2, "citizens", 1, None, "Borgercafé"),
        (5, "colleagues", 1, True, ""),
        (8, "colleagues", 3, False, "Kantinen"),
        (9, "citizens", 1, None, ""),
        (12, "citizens", 1, None, "Værested"),
    ]
    app = seeded.app(again)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        assert cells(app.screen, "#participants")[0][1] == "klar til bevis"
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        assert len(cells(app.screen, "#teachings")) == 5
        assert "Klar til bevis: nået 12.10.2026." in visible_text(app)
        assert f"Kursusdag {COURSE_DAY:%d.%m.%Y}" in visible_text(app)
    again.close()


async def test_statement_key_opens_the_practice_statement(tmp_path: Path) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        assert "Øvestatement: ikke skrevet endnu" in visible_text(app)
        await pilot.press("s")
        await say_yes(pilot)  # no wall attached: the room may see this screen
        await wait_for_screen(pilot, StatementScreen)
        editor = app.screen
        assert isinstance(editor, StatementScreen)
        assert editor.participant_id == seeded.trainee
        editor.autosaver.delay = 0.01
        editor.query_one("#prompt-1").insert("Jeg hedder Lene.")
        await pilot.pause(0.05)
        await pilot.press("escape")
        await wait_for_screen(pilot, TraineeScreen)
        assert "Øvestatement: gemt 15.10.2026" in visible_text(app)
    (statement,) = store.statements(seeded.group, seeded.trainee)
    assert statement.answers[0] == "Jeg hedder Lene."
    store.close()


async def test_a_participant_without_training_opens_the_participant_page(tmp_path: Path) -> None:
    seeded = seed(tmp_path, trainee=False)
    with seeded.store() as store:
        store.add_participant(seeded.group, "Gæst")
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        assert cells(app.screen, "#participants") == [["Gæst", "", "", ""]]
        await pilot.press("enter")
        await wait_for_screen(pilot, ParticipantScreen)
    store.close()


async def test_a_passed_deadline_is_shown_calmly(tmp_path: Path) -> None:
    seeded = seed(tmp_path, course_day=date(2026, 7, 1), month=7, taught=[(5, "citizens", 2, None)])
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        assert cells(app.screen, "#participants")[0][1] == "frist overskredet"
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        text = visible_text(app)
        assert "Fristen 01.09.2026 er overskredet" in text
        assert app.screen.query_one("#trainee-progress").has_class("-late")
    store.close()
