"""Filling the trainee screens' forms through Pilot, the way a trainer would."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox, Input, RadioButton

from peertui.ui.dialogs.teaching_form import TeachingForm
from peertui.ui.dialogs.trainee_form import TraineeForm
from peertui.ui.screens.trainee import TraineeScreen

from .helpers import wait_for_screen


async def fill_teaching(
    pilot: Any,
    *,
    held: str,
    audience: str | None,
    count: str,
    contact: str | None = None,
    note: str = "",
) -> TeachingForm:
    """Fill the open teaching form and press enter in the note field (which saves)."""
    form = pilot.app.screen
    assert isinstance(form, TeachingForm)
    form.query_one("#held", Input).value = held
    if audience is not None:
        form.query_one(f"#audience-{audience}", RadioButton).value = True
        await pilot.pause()
    if contact is not None:
        form.query_one(f"#contact-{contact}", RadioButton).value = True
    form.query_one("#count", Input).value = count
    note_field = form.query_one("#note", Input)
    note_field.value = note
    note_field.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    return form


async def record(pilot: Any, **values: Any) -> None:
    """On the trainee page: a, fill the form, save, back on the page."""
    await pilot.press("a")
    await wait_for_screen(pilot, TeachingForm)
    await fill_teaching(pilot, **values)
    await wait_for_screen(pilot, TraineeScreen)


async def add_trainee(
    pilot: Any, alias: str, organisation: str, role: str, *, store_statement: bool = True
) -> None:
    """On a training group's page: a, fill the trainee form, save."""
    await pilot.press("a")
    await wait_for_screen(pilot, TraineeForm)
    form = pilot.app.screen
    form.query_one("#alias", Input).value = alias
    form.query_one("#organisation", Input).value = organisation
    form.query_one(f"#role-{role}", RadioButton).value = True
    form.query_one("#consent-store_statement", Checkbox).value = store_statement
    form.query_one("#alias", Input).focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
