from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from peertui.ui.themes import THEMES, contrast_ratio, contrast_report

DOC = Path(__file__).resolve().parents[2] / "docs" / "projector.md"


def test_contrast_formula() -> None:
    assert contrast_ratio(Color(255, 255, 255), Color(0, 0, 0)) == pytest.approx(21.0)
    assert contrast_ratio(Color(118, 118, 118), Color(255, 255, 255)) == pytest.approx(4.54, 0.01)


@pytest.mark.parametrize("theme", THEMES, ids=lambda th: th.name)
def test_every_text_pair_is_at_least_7_to_1(theme) -> None:
    for what, fg, bg, ratio in contrast_report(theme):
        assert ratio >= 7.0, f"{theme.name}: {what} {fg} on {bg} is {ratio}:1"


@pytest.mark.parametrize("theme", THEMES, ids=lambda th: th.name)
def test_docs_show_the_current_ratios(theme) -> None:
    doc = DOC.read_text(encoding="utf-8")
    for what, fg, bg, ratio in contrast_report(theme):
        assert f"| {what} | `{fg}` | `{bg}` | {ratio:.1f}:1 |" in doc


async def test_app_uses_the_projector_theme_by_default() -> None:
    from peertui.content import load_library
    from peertui.ui.app import PeerTUI

    app = PeerTUI(load_library())
    async with app.run_test(size=(80, 24)):
        assert app.theme == "projektor-mørk"
        assert app.theme_variables["text"] == "#FFFFFF"
