"""Record one teaching a trainee held after the course, or change one.

Asks for the date (dd.mm.yyyy), who was taught (colleagues or citizens), how many (1 to 100),
for colleagues whether they have contact with citizens (yes, no, not known), and a note.
A bad value gets one calm line in the form and nothing is saved.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioSet, Static

from peertui import labels
from peertui.formats import NotADate, parse_date
from peertui.i18n import _
from peertui.store import StoreError
from peertui.store.schema import AUDIENCES, NAME_MAX
from peertui.training import day
from peertui.ui.base import FormDialog
from peertui.ui.widgets.toggles import RadioButton

if TYPE_CHECKING:
    from peertui.store.schema import Teaching

#: The most characters a note keeps (the store allows this much).
NOTE_MAX = NAME_MAX * 5
#: Citizen contact as the form offers it.
CONTACT_CHOICES: tuple[tuple[str, bool | None], ...] = (
    ("yes", True),
    ("no", False),
    ("unknown", None),
)


def parse_day(text: str) -> date:
    """``15.01.2027`` (also ``15-1-2027``, ``15/1/2027``, ``2027-01-15``) as a date;
    ``ValueError`` with a calm Danish line otherwise."""
    try:
        return parse_date(text)
    except NotADate as error:
        if error.shaped:
            raise ValueError(
                _(
                    "The date {text} does not exist. Write it as day.month.year, e.g. 15.01.2027.",
                    text=text.strip(),
                )
            ) from None
        raise ValueError(_("Write the date as day.month.year, e.g. 15.01.2027.")) from None


class TeachingForm(FormDialog[str | None]):
    """Returns the teaching's id when saved, None when cancelled."""

    def __init__(
        self, group_id: str, participant_id: str, teaching: Teaching | None = None
    ) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id
        self.teaching = teaching

    def today(self) -> date:
        store = self.peertui.store
        assert store is not None
        return store.clock().astimezone().date()

    def compose(self) -> ComposeResult:
        x = self.teaching
        with VerticalScroll(classes="dialog", id="teaching-dialog"):
            yield Static(
                Content(_("Edit teaching") if x else _("New teaching")),
                classes="panel-title",
            )
            yield Label(_("Date (DD.MM.YYYY)"))
            yield Input(day(x.held if x else self.today()), id="held", max_length=10, compact=True)
            yield Label(_("Who was taught?"))
            with RadioSet(id="audience"):
                for audience in AUDIENCES:
                    yield RadioButton(
                        _(labels.TRAINING_AUDIENCE[audience]),
                        x is not None and x.audience == audience,
                        id=f"audience-{audience}",
                    )
            colleagues = x is not None and x.audience == "colleagues"
            with Vertical(id="contact-box"):
                yield Label(_("Do the colleagues have citizen contact?"))
                yield Static(
                    Content(
                        _("Colleagues only count when they themselves have contact with citizens.")
                    ),
                    classes="dim",
                )
                with RadioSet(id="contact"):
                    for key, value in CONTACT_CHOICES:
                        chosen = colleagues and x is not None and x.citizen_contact is value
                        yield RadioButton(
                            _(labels.TEACHING_CONTACT[key]), chosen, id=f"contact-{key}"
                        )
            yield Label(_("Number of people (1-100)"))
            yield Input(
                str(x.count) if x else "", id="count", type="integer", max_length=3, compact=True
            )
            yield Label(_("Note (optional)"))
            yield Input(x.note if x else "", id="note", max_length=NOTE_MAX, compact=True)
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.show_contact()
        self.query_one("#held", Input).focus()

    # ------------------------------------------------------------------ the choices

    def audience(self) -> str | None:
        pressed = self.query_one("#audience", RadioSet).pressed_button
        return None if pressed is None or pressed.id is None else pressed.id.split("-", 1)[1]

    def contact_key(self) -> str | None:
        pressed = self.query_one("#contact", RadioSet).pressed_button
        return None if pressed is None or pressed.id is None else pressed.id.split("-", 1)[1]

    def show_contact(self) -> None:
        """Citizen contact is asked about colleagues only."""
        self.query_one("#contact-box").display = self.audience() == "colleagues"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "audience":
            self.show_contact()

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        store = self.peertui.store
        if store is None or store.read_only:
            self.show_error(_("peertui is open read-only: you can look, but not save."))
            return
        try:
            held = parse_day(self.query_one("#held", Input).value)
        except ValueError as exc:
            self.show_error(str(exc))
            self.query_one("#held", Input).focus()
            return
        if held > self.today():
            self.show_error(
                _(
                    "{day} is after today. Enter the teaching once it has taken place.",
                    day=day(held),
                )
            )
            self.query_one("#held", Input).focus()
            return
        audience = self.audience()
        if audience is None:
            self.show_error(_("Choose who was taught: colleagues or citizens."))
            return
        contact: bool | None = None
        if audience == "colleagues":
            key = self.contact_key()
            if key is None:
                self.show_error(
                    _("Choose whether the colleagues have citizen contact: yes, no or don't know.")
                )
                return
            contact = dict(CONTACT_CHOICES)[key]
        text = self.query_one("#count", Input).value.strip()
        count = int(text) if text.isdigit() else 0
        if not 1 <= count <= 100:
            self.show_error(_("Number of people must be a whole number from 1 to 100."))
            self.query_one("#count", Input).focus()
            return
        note = self.query_one("#note", Input).value
        try:
            if self.teaching is None:
                saved = store.record_teaching(
                    self.group_id, self.participant_id, held=held, audience=audience,
                    count=count, citizen_contact=contact, note=note,
                )  # fmt: skip
            else:
                saved = store.update_teaching(
                    self.group_id, self.participant_id, self.teaching.id, held=held,
                    audience=audience, count=count, citizen_contact=contact, note=note,
                )  # fmt: skip
        except StoreError as exc:  # CPR-like note, full disk, ...: say so, keep the input
            self.show_error(str(exc))
            return
        self.dismiss(saved.id)
