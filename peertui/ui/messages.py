"""The messages screens send instead of reaching into the app or each other.

Screens post them to the app (``self.app.post_message``: a screen that is closing can still
send one); the app forwards what the room should see to the wall. A screen that shows a list
refreshes itself when it comes back to the front (``on_screen_resume``), so nobody walks the
screen stack to tell it. None of them bubbles: each is posted straight to the one that
handles it (a message that bubbled from a screen back to the app would be sent again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from peertui.wall import WallState  # the wall's protocol loads after the first frame


class WallChanged(Message, bubble=False):
    """What the room should see now (the runner's block, timer, break, blank screen)."""

    def __init__(self, state: WallState) -> None:
        super().__init__()
        self.state = state


class WallShared(Message, bubble=False):
    """Something put on the wall on purpose (a participant's words after the facilitator
    confirmed, a scenario), or, with ``None``, taken off again."""

    def __init__(self, state: WallState | None) -> None:
        super().__init__()
        self.state = state


class GroupsChanged(Message, bubble=False):
    """A group was made, changed or deleted, or the store was opened: lists show them anew."""


class WallsChanged(Message, bubble=False):
    """A wall attached or went away: ``walls`` is how many are attached now. The app posts
    it to the current screen, so a screen that says "one screen or two" can say it anew."""

    def __init__(self, walls: int) -> None:
        super().__init__()
        self.walls = walls


class PhonesChanged(Message, bubble=False):
    """Phones (issue #19) were turned on or off, or a phone came, was given access, saved or
    ended. The app posts it to the current screen; the others look again when they come
    back to the front."""
