"""Personal goals (personlige mål): several goals, each with what, why it matters, a first
small step, who can help, and when to look at it again. Saved as they are typed; see
``peertui.ui.screens.worksheets`` for what all worksheets share."""

from __future__ import annotations

from itertools import count
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from peertui import labels
from peertui.i18n import N_, _
from peertui.store.schema import GOAL_FIELDS, Goal, PersonalGoals, WorksheetContent
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.worksheets import WorksheetScreen

#: The most characters a goal's longer fields keep (what, why, the first step).
LONG_LIMIT = 2000
#: ... and its short ones (who can help, when to look at it again).
SHORT_LIMIT = 200
LIMITS = {
    "text": LONG_LIMIT,
    "why": LONG_LIMIT,
    "first_step": LONG_LIMIT,
    "help_from": SHORT_LIMIT,
    "when": SHORT_LIMIT,
}
#: The most goals on one sheet.
GOALS_MAX = 10


class GoalsScreen(WorksheetScreen):
    KIND: ClassVar[str] = "goals"

    BINDINGS = [
        *WorksheetScreen.BINDINGS,  # listed here too: the command palette reads them
        Binding("ctrl+n", "new_goal", N_("New goal"), priority=True),
        Binding("ctrl+g", "delete_goal", N_("Delete goal"), priority=True),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__(group_id, participant_id)
        #: The cards on screen, in order, by their serial number (ids stay unique when a
        #: card is removed and others are added).
        self.cards: list[int] = []
        #: serial -> the goal's fields as typed (kept here, so saving never waits for the
        #: screen to catch up).
        self.values: dict[int, dict[str, str]] = {}
        self._serials = count(1)

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="goals", classes="ws-body"):
            yield Static(
                Content(
                    _(
                        "In the participant's own words. A small first step is enough; you can "
                        "look at the goal again later."
                    )
                ),
                classes="dim",
            )
            yield Vertical(id="goal-cards")
            yield Static(
                Content(
                    _(
                        "At most {long} characters in the long fields, {short} in the short "
                        "ones; at most {goals} goals.",
                        long=LONG_LIMIT,
                        short=SHORT_LIMIT,
                        goals=GOALS_MAX,
                    )
                ),
                classes="dim ws-limits",
            )

    # ------------------------------------------------------------------ cards

    def _card(self, serial: int, goal: Goal) -> Vertical:
        widgets: list[Static | TextArea] = [Static(classes="goal-title", id=f"g{serial}-title")]
        for field in GOAL_FIELDS:
            widgets.append(Static(Content(_(labels.GOALS_FIELD[field])), classes="ws-label"))
            key = f"g{serial}-{field}"
            self.limits[key] = LIMITS[field]
            self._known[key] = getattr(goal, field)
            self.values.setdefault(serial, {})[field] = getattr(goal, field)
            size = "ws-long" if LIMITS[field] == LONG_LIMIT else "ws-short"
            area = TextArea(
                getattr(goal, field),
                id=key,
                soft_wrap=True,
                classes=f"ws-field {size}",
                read_only=not self.may_save(),
                compact=True,
            )
            self._fields[key] = area
            widgets.append(area)
        return Vertical(*widgets, classes="goal-card", id=f"goal-{serial}")

    def _forget(self, serial: int) -> None:
        self.values.pop(serial, None)
        for field in GOAL_FIELDS:
            self.limits.pop(f"g{serial}-{field}", None)
            self._known.pop(f"g{serial}-{field}", None)
            self._fields.pop(f"g{serial}-{field}", None)

    def _renumber(self) -> None:
        for number, serial in enumerate(self.cards, start=1):
            self.query_one(f"#g{serial}-title", Static).update(
                Content(_("Goal {number}", number=number))
            )

    def content(self) -> WorksheetContent:
        goals = (Goal(**self.values[serial]) for serial in self.cards)
        return PersonalGoals(
            goals=tuple(g for g in goals if any(getattr(g, f).strip() for f in GOAL_FIELDS))
        )

    def show_content(self, content: WorksheetContent | None) -> None:
        goals = content.goals if isinstance(content, PersonalGoals) else ()
        holder = self.query_one("#goal-cards", Vertical)
        for serial in self.cards:
            self._forget(serial)
        holder.remove_children()
        shown = goals or (Goal(""),)  # a new sheet starts with one empty goal
        self.cards = [next(self._serials) for _ in shown]
        holder.mount_all(
            [self._card(serial, goal) for serial, goal in zip(self.cards, shown, strict=True)]
        )
        first = not self.is_mounted or not holder.children
        self.call_after_refresh(self._after_mount, first)

    def _after_mount(self, first: bool) -> None:
        self._renumber()
        if self.cards and (first or self.focused is None):
            area = self.query_one(f"#g{self.cards[0]}-text", TextArea)
            area.move_cursor(area.document.end)  # typing goes on where the words end
            area.focus()

    def field_changed(self, key: str, value: str) -> None:
        serial, field = key[1:].split("-", 1)
        self.values[int(serial)][field] = value

    def _focused_card(self) -> int | None:
        focused = self.focused
        if isinstance(focused, TextArea) and focused.id and focused.id.startswith("g"):
            serial = int(focused.id[1:].split("-", 1)[0])
            if serial in self.cards:
                return serial
        return None

    # ------------------------------------------------------------------ actions

    def action_new_goal(self) -> None:
        if not self.may_save():
            return
        if len(self.cards) >= GOALS_MAX:
            self.notify(
                _("There can be at most {count} goals on the sheet.", count=GOALS_MAX),
                severity="warning",
            )
            return
        serial = next(self._serials)
        self.cards.append(serial)
        card = self._card(serial, Goal(""))
        self.query_one("#goal-cards", Vertical).mount(card)

        def ready() -> None:
            self._renumber()
            area = self.query_one(f"#g{serial}-text", TextArea)
            area.focus()
            card.scroll_visible()

        self.call_after_refresh(ready)

    def action_delete_goal(self) -> None:
        serial = self._focused_card()
        if serial is None or not self.may_save():
            return
        number = self.cards.index(serial) + 1

        def answered(yes: bool | None) -> None:
            if not yes or serial not in self.cards:
                return
            self.cards.remove(serial)
            self._forget(serial)
            self.query_one(f"#goal-{serial}").remove()
            if not self.cards:
                self.action_new_goal()
            else:
                self.call_after_refresh(self._renumber)
                self.query_one(f"#g{self.cards[0]}-text", TextArea).focus()
            self.notify(_("Goal {number} has been deleted.", number=number))
            self.edited()

        self.app.push_screen(
            ConfirmDialog(
                danger=True,
                question=_(
                    "Delete goal {number}? It will still be in the earlier versions.", number=number
                ),
            ),
            answered,
        )
