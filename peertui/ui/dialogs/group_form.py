"""Create or edit a group: name, course, facilitators, start date, retention date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from peertui.content import Library
from peertui.formats import NotADate, parse_date, short_date
from peertui.i18n import _
from peertui.store import StoreError
from peertui.ui.base import FormDialog

if TYPE_CHECKING:
    from peertui.store.schema import Group

#: Default retention: the course, six months of companionship, and some slack.
DEFAULT_RETENTION_DAYS = 365


def parse_day(text: str, field: str) -> date:
    try:
        return parse_date(text)
    except NotADate:
        raise ValueError(
            _("'{field}' must be a date written day.month.year, e.g. 01.03.2026", field=field)
        ) from None


class GroupForm(FormDialog[str | None]):
    """Returns the group's id when saved, None when cancelled."""

    def __init__(self, library: Library, group: Group | None = None) -> None:
        super().__init__()
        self.library = library
        self.group = group

    def compose(self) -> ComposeResult:
        group = self.group
        today = date.today()
        start = group.start if group else today
        retention = group.retention if group else start + timedelta(days=DEFAULT_RETENTION_DAYS)
        courses = [(Content(c.title), c.id) for c in self.library.courses]
        with VerticalScroll(classes="dialog"):
            yield Static(
                Content(_("Edit the group") if group else _("New group")),
                classes="panel-title",
            )
            yield Label(_("Group name"))
            yield Input(group.name if group else "", id="name", max_length=80)
            yield Label(_("Course"))
            course_value = group.course if group else (courses[0][1] if courses else None)
            yield Select(
                courses,
                id="course",
                allow_blank=not courses,
                prompt=_("Choose"),
                value=course_value if course_value else Select.BLANK,
            )
            # A course for trainees: the start date is the course day (the deadline counts
            # from it).
            yield Static(
                Content(
                    _(
                        "Course: the start date is the course day. The trainees have 2 months "
                        "from then to teach at least 4 colleagues or citizens."
                    )
                ),
                classes="dim",
                id="course-hint",
            )
            yield Label(_("Facilitators (separated by commas)"))
            yield Input(", ".join(group.facilitators) if group else "", id="facilitators")
            yield Label(_("Start date (DD.MM.YYYY)"))
            yield Input(short_date(start), id="start", max_length=10)
            yield Label(_("Delete after (DD.MM.YYYY)"))
            yield Input(short_date(retention), id="retention", max_length=10)
            yield Static(
                Content(_("After this date, peertui reminds you to delete the group's data.")),
                classes="dim",
            )
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.show_course_hint()
        self.query_one("#name", Input).focus()

    def show_course_hint(self) -> None:
        value = self.query_one("#course", Select).value
        course = self.library.course(value) if isinstance(value, str) else None
        self.query_one("#course-hint", Static).display = course is not None and course.training

    def on_select_changed(self, event: Select.Changed) -> None:
        self.show_course_hint()

    def action_save(self) -> None:
        store = self.store
        name = self.query_one("#name", Input).value
        course = self.query_one("#course", Select).value
        facilitators = [
            part.strip()
            for part in self.query_one("#facilitators", Input).value.split(",")
            if part.strip()
        ]
        if not isinstance(course, str):
            self.show_error(_("There are no courses to choose from."))
            return
        try:
            start = parse_day(self.query_one("#start", Input).value, _("Start date (DD.MM.YYYY)"))
            retention = parse_day(
                self.query_one("#retention", Input).value, _("Delete after (DD.MM.YYYY)")
            )
        except ValueError as exc:
            self.show_error(str(exc))
            return
        if retention <= start:
            self.show_error(_("The deletion date must be after the start date."))
            return
        try:
            if self.group is None:
                saved = store.create_group(name, course, facilitators, start, retention)
            else:
                saved = store.update_group(
                    self.group.id,
                    name=name,
                    course=course,
                    facilitators=facilitators,
                    start=start,
                    retention=retention,
                )
        except StoreError as exc:  # bad name, CPR-like text, full disk, ...: say so, keep input
            self.show_error(str(exc))
            return
        self.dismiss(saved.id)
