"""The wall's join screen (phones, issue #19): a QR code a phone's camera reads, whatever the
theme and down to a 20-row wall, with the address and one line of instructions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from textual.app import App

from peertui.i18n import _
from peertui.ui.themes import THEMES
from peertui.ui.wall import WallApp
from peertui.ui.widgets.qr import QrCode, qr_content, qr_lines
from peertui.wall import MODES, WallState, join_url, wall_state_for_join
from tests.helpers import flat, visible_text

URL = "http://192.168.100.200:51234/"
#: Each module drawn this many pixels wide (a terminal cell: 1 wide, 2 tall in modules).
SCALE = 6
#: Around the drawing: the terminal's own background (here a theme's dark one).
SURROUNDING = (30, 30, 30)


def rasterise(cells: list[list[tuple[str, Any]]]) -> Image.Image:
    """Draw terminal cells as the terminal would: each half block is two pixel rows, in the
    cell's own foreground and background colours (a cell without colours is the
    surroundings'). Then decode the picture as a phone would."""
    height = len(cells) * 2
    width = max(len(row) for row in cells)
    margin = 4
    image = Image.new("RGB", (width + 2 * margin, height + 2 * margin), SURROUNDING)
    for y, row in enumerate(cells):
        for x, (char, style) in enumerate(row):
            fg = style.color.get_truecolor() if style and style.color else SURROUNDING
            bg = style.bgcolor.get_truecolor() if style and style.bgcolor else SURROUNDING
            top = fg if char in "█▀" else bg
            bottom = fg if char in "█▄" else bg
            image.putpixel((x + margin, 2 * y + margin), tuple(top))
            image.putpixel((x + margin, 2 * y + 1 + margin), tuple(bottom))
    return image.resize((image.width * SCALE, image.height * SCALE), Image.Resampling.NEAREST)


def decode(image: Image.Image) -> list[str]:
    """What a phone's camera reads: dark modules on light only (no inverted codes)."""
    return [result.text for result in zxingcpp.read_barcodes(image, try_invert=False)]


def screen_cells(app: App[Any], widget: QrCode) -> list[list[tuple[str, Any]]]:
    """The cells the screen shows where ``widget`` is (what the terminal really draws)."""
    strips = app.screen._compositor.render_strips()
    region = widget.region
    cells: list[list[tuple[str, Any]]] = []
    for y in range(region.y, region.bottom):
        row: list[tuple[str, Any]] = []
        for segment in strips[y]:
            text, style = segment.text, segment.style
            row.extend((char, style) for char in text)
        cells.append(row[region.x : region.right])
    return cells


def test_join_is_a_mode_and_crosses_the_channel() -> None:
    assert "join" in MODES
    state = wall_state_for_join(URL, "Tirsdagsgruppen")
    again = WallState.from_line(state.to_line())
    assert again == state
    assert join_url(again) == URL


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "https://elsewhere.test/", "http://a b/", "http://" + "9" * 300]
)
def test_only_a_plain_lan_address_is_drawn(url: str) -> None:
    assert join_url(WallState(mode="join", extra={"url": url})) == ""


def test_the_lines_alone_decode_to_the_exact_address() -> None:
    lines = qr_lines(URL)
    assert set("".join(lines)) <= set(" ▀▄█")
    dark, light = (0, 0, 0), (255, 255, 255)
    picture = Image.new("RGB", (len(lines[0]) + 8, len(lines) * 2 + 8), light)
    for y, line in enumerate(lines):
        for x, char in enumerate(line):
            if char in "█▀":
                picture.putpixel((x + 4, 2 * y + 4), dark)
            if char in "█▄":
                picture.putpixel((x + 4, 2 * y + 5), dark)
    picture = picture.resize((picture.width * SCALE, picture.height * SCALE))
    assert decode(picture) == [URL]


def test_the_code_is_dark_on_light_in_its_own_colours() -> None:
    content = qr_content(URL)
    assert content.plain == "\n".join(qr_lines(URL))
    assert content.spans, "no explicit colours"
    assert all(span.start == 0 and span.end >= len(content.plain) for span in content.spans)
    assert qr_content("").plain == ""


@pytest.mark.parametrize("theme", [THEMES[0].name, THEMES[-1].name])
@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 45)])
async def test_the_wall_draws_a_code_a_phone_reads(
    tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        app.connection(True)
        app.receive(wall_state_for_join(URL, "Tirsdagsgruppen"))
        await pilot.pause()
        qr = app.query_one("#wall-join-qr", QrCode)
        assert qr.display
        # Whole on the screen, however short the wall.
        assert qr.region.height == len(qr_lines(URL))
        assert qr.region.bottom <= size[1]
        assert decode(rasterise(screen_cells(app, qr))) == [URL]
        text = flat(visible_text(app))
        assert URL in text
        assert (
            flat(
                _(
                    "Open the camera on your phone and point it at the code. "
                    "The phone must be on the same Wi-Fi as the computer."
                )
            )
            in text
        )


async def test_a_wall_that_leaves_the_join_screen_draws_no_code(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        app.connection(True)
        app.receive(wall_state_for_join(URL, "Tirsdagsgruppen"))
        await pilot.pause()
        app.receive(WallState(mode="idle", group="Tirsdagsgruppen"))
        await pilot.pause()
        assert not app.query_one("#wall-join").display
        assert "█" not in visible_text(app)
        assert URL not in visible_text(app)


async def test_a_bad_address_draws_nothing(tmp_path: Path) -> None:
    app = WallApp(tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        app.connection(True)
        app.receive(WallState(mode="join", extra={"url": "javascript:alert(1)"}))
        await pilot.pause()
        assert app.query_one("#wall-join-qr", QrCode).data == ""
        assert "█" not in visible_text(app)
