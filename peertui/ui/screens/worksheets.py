"""The worksheets of a participant: personal goals, a safety plan and a network map.

``open_worksheet(app, group_id, participant_id, kind)`` is the way in (the participant page
calls it). Each worksheet is its own screen (``goals.py``, ``safety_plan.py``,
``network_map.py``), built on :class:`WorksheetScreen`, which does what they share with the
statement editor:

- autosave within a second of the last change, and on leaving, with the state on screen
  ("Gemt kl. …" / "Gemmer …" / "IKKE GEMT: …"); a failed save keeps the words on screen and
  tries again on the next change or ctrl+s;
- one version per visit: the first save of a visit makes a new version, later saves in the
  same visit replace it; ctrl+r lists the versions by date, shows one, and brings it back;
- without the participant's consent to store their words, nothing is saved and the screen
  says why (ctrl+k records the consent);
- the sheet is shown on the wall (ctrl+o) only after the facilitator confirms that the
  participant agreed, and goes away with the same key or on leaving;
- every typed text is cleaned by ``clean_typed_text``: control characters other than newline
  and tab are removed, and the text is cut to the field's limit, each with a notice. The
  limits are documented in docs/editing.md.

Nothing typed is ever interpreted as markup: texts are shown in ``TextArea``/``Input`` or as
``Content``/``Text``.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Input, Static, TextArea

from peertui import labels
from peertui.formats import moment, short_date
from peertui.i18n import N_, _
from peertui.store import StoreError
from peertui.store.schema import SAFETY_SECTIONS, SECTORS, NetworkMap, PersonalGoals, SafetyPlan
from peertui.ui.base import ConfirmDialog, PeerScreen
from peertui.ui.dialogs.participant_form import ParticipantForm
from peertui.ui.dialogs.worksheet_history import WorksheetHistoryScreen
from peertui.ui.messages import WallShared
from peertui.ui.widgets.autosave import Autosaver, SaveState, State, clean_typed_text
from peertui.wall import WallState

if TYPE_CHECKING:
    from peertui.store.schema import Participant, WorksheetContent

#: kind -> (module, screen class)
SCREENS = {
    "goals": ("peertui.ui.screens.goals", "GoalsScreen"),
    "safety_plan": ("peertui.ui.screens.safety_plan", "SafetyPlanScreen"),
    "network_map": ("peertui.ui.screens.network_map", "NetworkMapScreen"),
}


def open_worksheet(app: App[object], group_id: str, participant_id: str, kind: str) -> None:
    """Show one of a participant's worksheets: ``kind`` is "goals", "safety_plan" or
    "network_map"."""
    if kind not in SCREENS:
        raise ValueError(f"unknown worksheet kind: {kind}")
    module, name = SCREENS[kind]
    screen_class = getattr(importlib.import_module(module), name)
    app.push_screen(screen_class(group_id, participant_id))


def wall_text(content: WorksheetContent) -> str:
    """A worksheet as plain text for the wall: the headings, then the participant's words.

    Shown with ``Content`` on the wall, so nothing in it is read as markup."""
    empty = _("…")
    parts: list[str] = []
    if isinstance(content, PersonalGoals):
        for number, goal in enumerate(content.goals, start=1):
            parts.append(_("Goal {number}", number=number))
            for key in ("text", "why", "first_step", "help_from", "when"):
                value = getattr(goal, key).strip()
                if value:
                    parts.append(f"{_(labels.GOALS_FIELD[key])}: {value}")
            parts.append("")
    elif isinstance(content, SafetyPlan):
        for section in (*SAFETY_SECTIONS, "most_important"):
            value = getattr(content, section)
            lines = [value] if isinstance(value, str) else list(value)
            lines = [line.strip() for line in lines if line.strip()]
            parts.append(_(labels.SAFETY_SECTION[section]))
            parts.extend(f"  {line}" for line in lines or [empty])
            parts.append("")
    elif isinstance(content, NetworkMap):
        for ring in (1, 2, 3):
            people = sorted(
                (p for p in content.people if p.ring == ring),
                key=lambda p: (SECTORS.index(p.sector), p.name.casefold()),
            )
            parts.append(_(labels.NETWORK_RING[ring]))
            parts.extend(f"  {p.name.strip()} ({_(labels.SECTOR[p.sector])})" for p in people)
            if not people:
                parts.append(f"  {empty}")
            parts.append("")
    return "\n".join(parts).strip() or empty


class WorksheetScreen(PeerScreen[None]):
    """What the three worksheet screens share. A subclass sets ``KIND``, composes its fields
    in ``compose_body``, registers each text field's limit in ``limits`` (by widget id), and
    converts between its fields and the stored content in ``content`` / ``show_content``."""

    KIND: ClassVar[str]

    BINDINGS = [
        Binding("ctrl+s", "save_now", N_("Save now"), priority=True),
        Binding("ctrl+r", "history", N_("History"), priority=True),
        Binding("ctrl+k", "consent", N_("Consent"), priority=True),
        Binding("ctrl+o", "wall", N_("Show on the wall"), priority=True),
        Binding("escape", "leave", N_("Back")),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.participant_id = participant_id
        #: The content as last saved (or loaded); None while the worksheet does not exist.
        self.saved_content: WorksheetContent | None = None
        #: The first save of this visit makes a new version; later ones replace it.
        self.version_made = False
        self.leave_warned = False
        #: widget id -> the most characters that field keeps.
        self.limits: dict[str, int] = {}
        #: widget id -> the value the field was given or last accepted (changes to the same
        #: value are ours, not the user's).
        self._known: dict[str, str] = {}
        #: widget id -> the field, kept so that leaving can still read it (see on_unmount).
        self._fields: dict[str, TextArea | Input] = {}
        #: True while the screen is being taken down: no widgets to update any more.
        self.closing = False
        self.autosaver = Autosaver(self, self.save, self.show_state)

    # ------------------------------------------------------------------ data

    @property
    def participant(self) -> Participant:
        return self.store.participant(self.group_id, self.participant_id)

    def may_save(self) -> bool:
        return self.peertui.writable and self.participant.has_consent("store_statement")

    def content(self) -> WorksheetContent:
        """The worksheet as it stands on screen."""
        raise NotImplementedError

    def show_content(self, content: WorksheetContent | None) -> None:
        """Put ``content`` in the fields (None: a new worksheet)."""
        raise NotImplementedError

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def save(self) -> None:
        """Called by the autosaver; raises ``StoreError`` when the save fails. Nothing is
        saved without a change: no version is ever made of the same sheet."""
        if not self.may_save():
            return
        content = self.content()
        if self.saved_content is not None and content == self.saved_content:
            return
        sheet = self.store.save_worksheet(
            self.group_id, self.participant_id, content, new_version=not self.version_made
        )
        self.version_made = True
        self.saved_content = sheet.content

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ws-title", classes="screen-title")
        with Horizontal(id="ws-status"):
            yield SaveState(id="ws-save-state")
            yield Static(id="ws-consent", classes="dim")
        yield Static(id="ws-notice", classes="notice")
        yield from self.compose_body()
        yield Footer()

    def on_mount(self) -> None:
        participant = self.participant
        kind = _(labels.WORKSHEET[self.KIND])
        self.sub_title = kind
        self.query_one("#ws-title", Static).update(
            Content(_("{kind} – {alias}", kind=kind, alias=participant.alias))
        )
        sheet = self.store.worksheet(self.group_id, self.participant_id, self.KIND)
        self.saved_content = sheet.content if sheet is not None else None
        self.show_content(self.saved_content)
        self.refresh_consent()
        if sheet is not None and self.may_save():
            self.show_state("saved", moment(sheet.updated))

    def refresh_consent(self) -> None:
        participant = self.participant
        allowed = self.may_save()
        notice = self.query_one("#ws-notice", Static)
        if not self.peertui.writable:
            notice.update(
                Content(_("peertui is open read-only: you can read, but nothing is saved."))
            )
        elif not allowed:
            notice.update(
                Content(
                    _(
                        "{alias} has not given consent for peertui to store what they write. "
                        "Without consent, nothing is saved. Press ctrl+k to record consent.",
                        alias=participant.alias,
                    )
                )
            )
        notice.display = not allowed
        consent = participant.consent("store_statement")
        line = self.query_one("#ws-consent", Static)
        if allowed and consent is not None:
            line.update(Content(_("Consent to store: {day}", day=short_date(consent.given))))
        else:
            line.update(Content(""))
        self.set_editable(allowed)
        if not allowed or (self.autosaver.state == "saved" and self.saved_content is None):
            self.show_state("off", "")

    def set_editable(self, allowed: bool) -> None:
        """Fields take text only when the words may be stored."""
        for area in self.query(TextArea):
            area.read_only = not allowed
        for field in self.query(Input):
            field.disabled = not allowed

    def show_state(self, state: State, detail: str) -> None:
        with contextlib.suppress(NoMatches):  # NoMatches: the screen is being taken down
            self.query_one("#ws-save-state", SaveState).show(state, detail)

    # ------------------------------------------------------------------ typing

    def set_field(self, widget: TextArea | Input, value: str) -> None:
        """Give a field a value from the program (not an edit by the user)."""
        assert widget.id is not None
        self._known[widget.id] = value
        self._fields[widget.id] = widget
        if isinstance(widget, TextArea):
            if widget.text != value:
                widget.text = value
        elif widget.value != value:
            widget.value = value

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._field_changed(event.text_area, event.text_area.text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._field_changed(event.input, event.value)

    def _field_changed(self, widget: TextArea | Input, value: str) -> None:
        key = widget.id
        if key is None or key not in self.limits or self._known.get(key) == value:
            return
        self._fields[key] = widget
        cleaned, notices = clean_typed_text(value, self.limits[key])
        cleaned, more = self.clean_more(key, cleaned)
        if self.closing:
            self._known[key] = cleaned
            self.field_changed(key, cleaned)
            self.autosaver.dirty = True
            return
        if cleaned != value:
            self._known[key] = cleaned
            if isinstance(widget, TextArea):
                widget.text = cleaned
                widget.move_cursor(widget.document.end)
            else:
                widget.value = cleaned
                widget.cursor_position = len(cleaned)
        self._known[key] = cleaned
        for notice in [*notices, *more]:
            self.notify(notice, severity="warning", timeout=6, markup=False)
        self.leave_warned = False
        self.field_changed(key, cleaned)
        self.edited()

    def clean_more(self, key: str, text: str) -> tuple[str, list[str]]:
        """A field's own rules after the common cleaning (e.g. at most so many lines)."""
        return text, []

    def field_changed(self, key: str, value: str) -> None:
        """A field was edited by the user (after cleaning)."""

    def edited(self) -> None:
        """Something on the sheet changed: save soon."""
        if self.may_save():
            self.autosaver.changed()

    # ------------------------------------------------------------------ actions

    def action_save_now(self) -> None:
        if not self.may_save():
            self.notify(
                _(
                    "{alias} has not given consent for peertui to store what they write. "
                    "Without consent, nothing is saved. Press ctrl+k to record consent.",
                    alias=self.participant.alias,
                )
                if self.peertui.writable
                else _("peertui is open read-only: you can read, but nothing is saved."),
                severity="warning",
                markup=False,
            )
            return
        changed = self.saved_content is None or self.content() != self.saved_content
        if changed or self.autosaver.state == "failed":
            self.autosaver.dirty = True
        self.autosaver.flush()

    def action_history(self) -> None:
        if not self.autosaver.flush() and self.autosaver.state == "failed":
            return  # the words on screen are not saved: do not replace them now
        versions = self.store.worksheet_history(self.group_id, self.participant_id, self.KIND)
        if not versions:
            self.notify(_("There are no earlier versions yet."))
            return

        def chosen(index: int | None) -> None:
            if index is None or not self.may_save():
                return
            version = versions[index]
            self.show_content(version.content)
            # Bringing a version back is a change of its own: a new version.
            self.version_made = False
            self.autosaver.dirty = True
            if self.autosaver.flush():
                self.notify(
                    _(
                        "The version from {when} has been brought back and saved as the newest.",
                        when=moment(version.saved),
                    )
                )

        self.app.push_screen(
            WorksheetHistoryScreen(self.KIND, versions, self.participant.alias), chosen
        )

    def action_consent(self) -> None:
        if not self.peertui.writable:
            return

        def done(_: str | None) -> None:
            self.refresh_consent()

        self.app.push_screen(ParticipantForm(self.group_id, self.participant), done)

    def action_wall(self) -> None:
        """Show the sheet large on the wall, only after the facilitator confirms that the
        participant agreed; the same key takes it away."""
        if self.peertui.wall_shared is not None:
            self.app.post_message(WallShared(None))
            self.notify(_("The sheet has been removed from the wall."))
            return
        alias = self.participant.alias
        kind = _(labels.WORKSHEET[self.KIND])

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.app.post_message(
                WallShared(
                    WallState(
                        mode="shared", title=kind, subtitle=alias, text=wall_text(self.content())
                    )
                )
            )
            self.notify(_("The sheet is shown on the wall. Press ctrl+o again to remove it."))

        self.app.push_screen(
            ConfirmDialog(
                _(
                    "Has {alias} agreed to show the sheet «{kind}» on the wall now?",
                    alias=alias,
                    kind=kind,
                )
            ),
            answered,
        )

    def action_leave(self) -> None:
        failed = not self.autosaver.flush() and self.autosaver.state == "failed"
        if failed and not self.leave_warned:
            self.leave_warned = True
            self.notify(
                _(
                    "The sheet is NOT saved. Press esc again to leave anyway (anything not "
                    "saved will be lost)."
                ),
                severity="error",
                timeout=10,
            )
            return
        if self.peertui.wall_shared is not None:
            self.app.post_message(WallShared(None))
        self.dismiss()

    def on_unmount(self) -> None:
        # The app is closing (ctrl+q) within a second of the last change: save it now,
        # including keystrokes whose change events had not been handled yet.
        self.closing = True
        for key, widget in list(self._fields.items()):
            if key in self.limits:
                self._field_changed(
                    widget, widget.text if isinstance(widget, TextArea) else widget.value
                )
        if self.autosaver.dirty and self.may_save():
            with contextlib.suppress(StoreError):
                self.save()
