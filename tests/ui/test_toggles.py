"""Every checkbox and radio button shows its state by shape, not by colour alone."""

from __future__ import annotations

import re
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from peertui.ui.widgets.toggles import Checkbox, RadioButton
from tests.helpers import visible_text

PACKAGE = Path(__file__).resolve().parents[2] / "peertui"


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield Checkbox("Ja tak", True, id="on")
        yield Checkbox("Nej tak", False, id="off")
        with RadioSet():
            yield RadioButton("Valgt", True, id="chosen")
            yield RadioButton("Ikke valgt", id="other")


def line_with(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


async def test_ticked_and_unticked_differ_in_plain_text() -> None:
    app = Toggles()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = visible_text(app)
        assert "▐✓▌ Ja tak" in line_with(shown, "Ja tak")
        assert "▐ ▌ Nej tak" in line_with(shown, "Nej tak")
        assert "▐●▌ Valgt" in line_with(shown, "Valgt")
        assert "▐ ▌ Ikke valgt" in line_with(shown, "Ikke valgt")
        # Ticking one changes its shape at once; choosing another radio button moves the dot.
        app.query_one("#off", Checkbox).value = True
        app.query_one("#other", RadioButton).value = True
        await pilot.pause()
        shown = visible_text(app)
        assert "▐✓▌ Nej tak" in line_with(shown, "Nej tak")
        assert "▐●▌ Ikke valgt" in line_with(shown, "Ikke valgt")
        assert "▐ ▌ Valgt" in line_with(shown, "Valgt")


def test_the_app_uses_only_the_shaped_toggles() -> None:
    """No screen or dialog takes Textual's own Checkbox, RadioButton, Switch or ToggleButton
    (they look the same ticked or not, but for the colour)."""
    textual_import = re.compile(
        r"from textual\.widgets import[^\n]*?\b(Checkbox|RadioButton|Switch|ToggleButton)\b"
        r"|from textual\.widgets import \((?:[^)]*?)\b(Checkbox|RadioButton|Switch|ToggleButton)\b",
        re.S,
    )
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if path.name != "toggles.py" and textual_import.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
