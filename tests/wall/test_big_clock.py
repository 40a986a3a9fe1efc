"""The big clock: block digits that grow with the screen (3 rows at 20 rows, 7+ from 40)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Center
from textual.widgets import Digits

from peertui.ui.widgets.big_clock import BigClock, block_lines, clock_rows, clock_size, fit_scale


def test_glyphs_are_drawn_two_pixels_a_row() -> None:
    assert block_lines("10", 1) == (
        "▄█  █▀█",
        " █  █ █",
        "▀▀▀ ▀▀▀",
    )
    # Scale 2: twice as wide, five rows.
    assert len(block_lines("10", 2)) == clock_rows(2) == 5
    assert {len(line) for line in block_lines("10", 2)} == {clock_size("10", 2).width}


def test_every_clock_text_can_be_drawn() -> None:
    for text in ("12:05", "+01:30", "1:05:00", "-00:10"):
        lines = block_lines(text, 3)
        assert len(lines) == 8
        assert all(set(line) <= set(" ▀▄█") for line in lines)


def test_the_largest_size_that_fits_is_chosen() -> None:
    assert fit_scale("12:05", 17, 3) == 1
    assert fit_scale("12:05", 16, 3) == 0  # too narrow: plain text instead
    assert fit_scale("12:05", 200, 8) == 3
    assert fit_scale("12:05", 60, 40) == 3  # the width decides
    assert fit_scale("12:05", 500, 500, max_scale=4) == 4


class ClockApp(App[None]):
    def __init__(self, value: str = "12:05", share: float = 0.24) -> None:
        super().__init__()
        self.value = value
        self.share = share

    def compose(self) -> ComposeResult:
        with Center():
            yield BigClock(self.value, id="clock", share=self.share)


@pytest.mark.parametrize(
    ("size", "rows"),
    [((60, 20), 3), ((80, 24), 5), ((100, 30), 5), ((100, 40), 8), ((160, 45), 10)],
    ids=lambda value: "x".join(map(str, value)) if isinstance(value, tuple) else str(value),
)
async def test_the_clock_grows_with_the_screen(size: tuple[int, int], rows: int) -> None:
    app = ClockApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = app.query_one("#clock", BigClock)
        assert clock.rows == rows
        assert clock.size.height == rows  # height: auto takes exactly what it draws
        if size[1] >= 40:
            assert clock.rows >= 7
        drawn = "".join(str(strip.text) for strip in clock.render_lines(clock.region.reset_offset))
        assert "█" in drawn


async def test_a_narrow_screen_gets_plain_text_and_a_long_clock_fits() -> None:
    app = ClockApp("1:05:00")
    async with app.run_test(size=(20, 20)) as pilot:
        await pilot.pause()
        clock = app.query_one("#clock", BigClock)
        assert clock.scale == 0  # 23 columns would not fit in 20
        assert clock.size.height == 1
    app = ClockApp("+1:05:00")
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        clock = app.query_one("#clock", BigClock)
        assert clock.scale == 2  # 27 columns a scale: 54 of 60, not 81
        assert clock.region.right <= 60


async def test_it_is_a_digits_and_redraws_only_on_change() -> None:
    app = ClockApp("00:10")
    async with app.run_test(size=(60, 20)) as pilot:
        clock = app.query_one("#clock", Digits)
        assert isinstance(clock, BigClock)
        assert clock.value == "00:10"
        await pilot.pause()
        refreshed: list[bool] = []
        original = clock.refresh

        def counting_refresh(*args: object, **kwargs: object) -> object:
            refreshed.append(True)
            return original(*args, **kwargs)  # type: ignore[arg-type]

        clock.refresh = counting_refresh  # type: ignore[method-assign]
        clock.update("00:10")
        assert refreshed == []
        clock.update("00:09")
        assert refreshed == [True]
        assert clock.value == "00:09"
        with pytest.raises(TypeError):
            clock.update(9)  # type: ignore[arg-type]
