"""Changing and deleting a teaching, and what the forms refuse: bad dates and counts save
nothing, and whatever is typed (markup included) is shown as it was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, RadioButton

from peertui.ui.base import ConfirmDialog
from peertui.ui.dialogs.teaching_form import TeachingForm, parse_day
from peertui.ui.dialogs.trainee_form import TraineeForm
from peertui.ui.screens.group import GroupScreen
from peertui.ui.screens.trainee import TraineeScreen

from .forms import add_trainee, fill_teaching, record
from .helpers import Seeded, seed, visible_text, wait_for_screen

TAUGHT = [(3, "citizens", 2, None), (5, "colleagues", 3, False)]


async def open_trainee(pilot, seeded: Seeded) -> TraineeScreen:  # type: ignore[no-untyped-def]
    pilot.app.action_open_group(seeded.group)
    await wait_for_screen(pilot, GroupScreen)
    await pilot.press("enter")
    await wait_for_screen(pilot, TraineeScreen)
    screen = pilot.app.screen
    assert isinstance(screen, TraineeScreen)
    return screen


def form_error(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#form-error").render())


async def test_edit_a_teaching_and_it_counts(tmp_path: Path) -> None:
    seeded = seed(tmp_path, taught=TAUGHT)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await open_trainee(pilot, seeded)
        assert "2 af 4 personer" in visible_text(app)
        await pilot.press("down", "e")  # the colleagues of 05.10.
        await wait_for_screen(pilot, TeachingForm)
        form = app.screen
        assert form.query_one("#held", Input).value == "05.10.2026"
        assert form.query_one("#audience-colleagues", RadioButton).value
        assert form.query_one("#contact-no", RadioButton).value
        assert form.query_one("#count", Input).value == "3"
        assert form.query_one("#contact-box").display
        # They do have contact with citizens after all.
        await fill_teaching(
            pilot, held="06.10.2026", audience="colleagues", count="2", contact="yes"
        )
        await wait_for_screen(pilot, TraineeScreen)
        text = visible_text(app)
        assert "Klar til bevis: nået 06.10.2026." in text
        table = page.query_one("#teachings", DataTable)
        assert table.row_count == 2
        assert table.cursor_row == 1  # still on the teaching just changed
        # enter on a row edits it too
        await pilot.press("enter")
        await wait_for_screen(pilot, TeachingForm)
        await pilot.press("escape")
        await wait_for_screen(pilot, TraineeScreen)
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None
    (first, second) = training.teachings
    assert (second.held.day, second.count, second.citizen_contact) == (6, 2, True)
    assert (first.held.day, first.count) == (3, 2)
    store.close()


async def test_delete_asks_first_and_no_is_the_default(tmp_path: Path) -> None:
    seeded = seed(tmp_path, taught=TAUGHT)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await open_trainee(pilot, seeded)
        await pilot.press("down", "d")
        await wait_for_screen(pilot, ConfirmDialog)
        assert "Slet undervisningen 05.10.2026 (3 personer)?" in visible_text(app)
        assert app.screen.focused is app.screen.query_one("#no", Button)
        await pilot.press("enter")  # "No"
        await wait_for_screen(pilot, TraineeScreen)
        assert page.query_one("#teachings", DataTable).row_count == 2
        await pilot.press("d")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await wait_for_screen(pilot, TraineeScreen)
        assert page.query_one("#teachings", DataTable).row_count == 1
        assert "05.10.2026" not in visible_text(app)
        await pilot.press("d")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await wait_for_screen(pilot, TraineeScreen)
        assert "Ingen undervisning skrevet ind endnu" in visible_text(app)
        await pilot.press("d", "e")  # nothing to delete or change: nothing happens
        await pilot.pause()
        assert app.screen is page
    store.close()
    with seeded.store() as again:
        training = again.participant(seeded.group, seeded.trainee).training
        assert training is not None and training.teachings == ()


@pytest.mark.parametrize(
    ("held", "count", "message"),
    [
        ("15-10", "2", "Skriv datoen som dag.måned.år, fx 15.01.2027."),
        ("i går", "2", "Skriv datoen som dag.måned.år"),
        ("5. oktober", "2", "Skriv datoen som dag.måned.år"),
        ("31.09.2026", "2", "Datoen 31.09.2026 findes ikke."),
        ("16.10.2026", "2", "16.10.2026 ligger efter i dag."),
        ("05.10.2026", "0", "Antal personer skal være et helt tal fra 1 til 100."),
        ("05.10.2026", "101", "Antal personer skal være et helt tal fra 1 til 100."),
        ("05.10.2026", "", "Antal personer skal være et helt tal fra 1 til 100."),
    ],
)
async def test_bad_values_give_a_message_and_save_nothing(
    tmp_path: Path, held: str, count: str, message: str
) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trainee(pilot, seeded)
        await pilot.press("a")
        await wait_for_screen(pilot, TeachingForm)
        await fill_teaching(pilot, held=held, audience="citizens", count=count)
        assert isinstance(app.screen, TeachingForm)  # still open, with what was typed
        assert message in form_error(app)
        assert message in visible_text(app)
        assert app.screen.query_one("#held", Input).value == held
        await pilot.press("escape")
        await wait_for_screen(pilot, TraineeScreen)
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None and training.teachings == ()
    store.close()


async def test_audience_and_citizen_contact_must_be_chosen(tmp_path: Path) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trainee(pilot, seeded)
        await pilot.press("a")
        await wait_for_screen(pilot, TeachingForm)
        assert not app.screen.query_one("#contact-box").display  # asked for colleagues only
        await fill_teaching(pilot, held="05.10.2026", audience=None, count="2")
        assert "Vælg, hvem der blev undervist" in form_error(app)
        await fill_teaching(pilot, held="05.10.2026", audience="colleagues", count="2")
        assert app.screen.query_one("#contact-box").display
        assert "Vælg, om kollegerne har borgerkontakt" in form_error(app)
        await fill_teaching(
            pilot, held="05.10.2026", audience="colleagues", count="2", contact="unknown"
        )
        await wait_for_screen(pilot, TraineeScreen)
        assert "udfyld borgerkontakt" in visible_text(app)
    training = store.participant(seeded.group, seeded.trainee).training
    assert training is not None
    (teaching,) = training.teachings
    assert (teaching.audience, teaching.citizen_contact) == ("colleagues", None)
    store.close()


async def test_markup_is_shown_as_typed(tmp_path: Path) -> None:
    seeded = seed(tmp_path, trainee=False)
    store = seeded.store()
    app = seeded.app(store)
    organisation = "[b]Fed[/b] & [red]Rød[/red] $x"
    note = "[bold]vigtig[/] [link=https://x.example]her[/link]"
    async with app.run_test(size=(160, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        await add_trainee(pilot, "[i]Mo[/i]", organisation, "peer")
        await wait_for_screen(pilot, GroupScreen)
        text = visible_text(app)
        assert organisation in text and "[i]Mo[/i]" in text
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        await record(pilot, held="05.10.2026", audience="citizens", count="2", note=note)
        text = visible_text(app)
        assert organisation in text
        assert note in text
        assert "[i]Mo[/i]" in text
    (mo,) = store.trainees(seeded.group)
    assert mo.alias == "[i]Mo[/i]"
    assert mo.training is not None and mo.training.teachings[0].note == note
    store.close()


async def test_trainee_form_needs_a_role_and_refuses_a_cpr_number(tmp_path: Path) -> None:
    seeded = seed(tmp_path, trainee=False)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_group(seeded.group)
        await wait_for_screen(pilot, GroupScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, TraineeForm)
        app.screen.query_one("#alias", Input).value = "Noor"
        await pilot.press("enter")
        await pilot.pause()
        assert "Vælg kursistens rolle" in form_error(app)
        app.screen.query_one("#role-peer", RadioButton).value = True
        app.screen.query_one("#organisation", Input).value = "010190-1234"
        await pilot.press("enter")
        await pilot.pause()
        assert "CPR" in form_error(app)
        assert isinstance(app.screen, TraineeForm)
        await pilot.press("escape")
        await wait_for_screen(pilot, GroupScreen)
    assert store.participants(seeded.group) == []
    store.close()


async def test_details_change_workplace_role_and_consent(tmp_path: Path) -> None:
    seeded = seed(tmp_path)
    store = seeded.store()
    app = seeded.app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trainee(pilot, seeded)
        await pilot.press("k")
        await wait_for_screen(pilot, TraineeForm)
        form = app.screen
        assert form.query_one("#organisation", Input).value == "Recovery-skolen Aarby"
        assert form.query_one("#role-peer", RadioButton).value
        form.query_one("#organisation", Input).value = "Bostedet Lindely"
        form.query_one("#role-staff", RadioButton).value = True
        form.query_one("#alias", Input).focus()
        await pilot.press("enter")
        await wait_for_screen(pilot, TraineeScreen)
        assert "Bostedet Lindely  ·  Medarbejder" in visible_text(app)
    lene = store.participant(seeded.group, seeded.trainee)
    assert lene.training is not None
    assert (lene.training.organisation, lene.training.role) == ("Bostedet Lindely", "staff")
    assert lene.has_consent("taking_part") and lene.has_consent("store_statement")
    store.close()


def test_parse_day() -> None:
    assert parse_day(" 5.1.2027 ").isoformat() == "2027-01-05"
    assert parse_day("05-01-2027").isoformat() == "2027-01-05"
    assert parse_day("05/01/2027").isoformat() == "2027-01-05"
    with pytest.raises(ValueError, match="findes ikke"):
        parse_day("29.02.2027")
    with pytest.raises(ValueError, match=r"dag\.måned\.år"):
        parse_day("05.01.27")
