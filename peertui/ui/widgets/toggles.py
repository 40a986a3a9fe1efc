"""Checkboxes and radio buttons that show their state by shape, not by colour alone.

Textual's toggles draw the same ``▐X▌`` (or ``▐●▌``) whether ticked or not; only the colour
differs, which a projector, a colour-blind eye or a monochrome terminal loses. These draw
``▐✓▌`` / ``▐ ▌`` and ``▐●▌`` / ``▐ ▌``. They use Textual's public ``BUTTON_INNER`` class
variable, set per widget when it is drawn, and are otherwise Textual's own widgets: the same
messages (``Checkbox.Changed``, ``RadioSet.Changed``), keys and CSS type names.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widgets import Checkbox as TextualCheckbox
from textual.widgets import RadioButton as TextualRadioButton

#: The inside of a ticked and an unticked checkbox.
TICKED = "✓"
UNTICKED = " "
#: The inside of a chosen and an unchosen radio button.
CHOSEN = "●"
UNCHOSEN = " "


class Checkbox(TextualCheckbox):
    """A checkbox: ``▐✓▌`` ticked, ``▐ ▌`` not."""

    INNER_ON: ClassVar[str] = TICKED
    INNER_OFF: ClassVar[str] = UNTICKED

    def render(self) -> Content:
        self.BUTTON_INNER = self.INNER_ON if self.value else self.INNER_OFF
        return super().render()


class RadioButton(TextualRadioButton):
    """A radio button: ``▐●▌`` chosen, ``▐ ▌`` not."""

    INNER_ON: ClassVar[str] = CHOSEN
    INNER_OFF: ClassVar[str] = UNCHOSEN

    def render(self) -> Content:
        self.BUTTON_INNER = self.INNER_ON if self.value else self.INNER_OFF
        return super().render()
