"""The print font, read back from real PDFs: the fonts embedded in the file (pypdf) are opened
with fontTools. Zero must be a plain ring, not slashed or dotted (a slashed zero reads as Ø in
Danish: "2Ø26"); every face must draw æøå ÆØÅ; bold text must be set in a bold face, spaced
for that face; characters the print font lacks print through the bundled fallback."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from peertui.export import StatementSheet, export_sheets
from peertui.export.pdf import font_files
from peertui.export.sheets import uncovered_characters
from tests.export.conftest import DAY, LINK, folder, pdf_text

NUMBERS = "2026 70 201 201"
DANISH = "æøå ÆØÅ"
LINE = f"{NUMBERS} {DANISH}"
SMILE = "😊"  # not in Fira Sans, in DejaVu Sans (the fallback)
SUN = "🌞"  # in neither


@dataclass(frozen=True)
class Embedded:
    name: str  # the PDF's BaseFont, e.g. "/ABCDEF+peertui-Fira-Sans-Bold"
    font: TTFont
    widths: dict[int, float]  # glyph id -> advance the layout used (the PDF's /W, 1/1000 em)


def embedded_fonts(path: Path) -> list[Embedded]:
    """Every font embedded in the PDF (FontFile2), once each, with the widths WeasyPrint laid
    the text out with."""
    reader = pypdf.PdfReader(path)
    seen: dict[str, Embedded] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font: Any = ref.get_object()
            name = str(font["/BaseFont"])
            if name in seen:
                continue
            descendant = font["/DescendantFonts"][0].get_object()
            data = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            seen[name] = Embedded(
                name, TTFont(io.BytesIO(data.get_data())), _widths(descendant.get("/W", []))
            )
    return list(seen.values())


def _widths(array: list[Any]) -> dict[int, float]:
    """A CID font's /W array: ``first [w w ...]`` or ``first last w`` runs."""
    widths: dict[int, float] = {}
    i = 0
    while i < len(array):
        first, following = int(array[i]), array[i + 1]
        if isinstance(following, list):
            widths.update({first + j: float(w) for j, w in enumerate(following)})
            i += 2
        else:
            widths.update(dict.fromkeys(range(first, int(following) + 1), float(array[i + 2])))
            i += 3
    return widths


def contours(font: TTFont, char: str) -> int:
    pen = RecordingPen()
    font.getGlyphSet()[font.getBestCmap()[ord(char)]].draw(pen)
    return sum(1 for operator, _ in pen.value if operator in ("closePath", "endPath"))


def ink(font: TTFont, char: str) -> float:
    glyphs = font.getGlyphSet()
    pen = AreaPen(glyphs)
    glyphs[font.getBestCmap()[ord(char)]].draw(pen)
    return float(abs(pen.value) / font["head"].unitsPerEm ** 2)


def has(font: TTFont, char: str) -> bool:
    return ord(char) in font.getBestCmap()


@pytest.fixture(scope="module")
def danish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A statement whose alias (bold, in the header) and answers (regular) both hold the
    numbers and the Danish letters; no emoji, so only the print font is needed."""
    sheet = StatementSheet(f"Søren {LINE}", DAY, (LINE, f"Livslinien {LINE}", "c", "d"), LINK)
    result = export_sheets([sheet], folder(tmp_path_factory.mktemp("font"), "danish"))
    return result.sheet_paths[0]


@pytest.fixture(scope="module")
def smiling(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sheet = StatementSheet("Smil", DAY, (f"Et smil {SMILE} 2026", "b", "c", "d"), LINK)
    result = export_sheets([sheet], folder(tmp_path_factory.mktemp("font"), "smile"))
    assert result.notices == ()  # 😊 has a font: no "printed as a box" notice
    return result.sheet_paths[0]


def test_the_words_are_in_the_pdf(danish: Path) -> None:
    text = pdf_text(danish)
    assert NUMBERS.replace(" ", "") in text
    assert DANISH.replace(" ", "") in text


def test_zero_is_a_plain_ring_in_every_face_that_prints_it(danish: Path) -> None:
    """Two contours (outside and inside of the ring); a slashed or dotted zero has three."""
    fonts = [f for f in embedded_fonts(danish) if has(f.font, "0")]
    assert len(fonts) >= 2  # regular and bold
    for embedded in fonts:
        assert contours(embedded.font, "0") == 2, embedded.name
        # Ø is still Ø: the slash is its own contour or cuts the ring into more than two.
        assert contours(embedded.font, "Ø") != 2, embedded.name


def test_every_embedded_font_draws_the_danish_letters(danish: Path) -> None:
    fonts = embedded_fonts(danish)
    assert fonts
    for embedded in fonts:
        missing = [ch for ch in DANISH.replace(" ", "") if not has(embedded.font, ch)]
        assert missing == [], embedded.name


def test_every_print_font_file_covers_danish_and_draws_a_plain_zero() -> None:
    for face in ("regular", "bold", "italic", "bold-italic"):
        font = TTFont(str(font_files()[face]))
        assert all(has(font, ch) for ch in DANISH.replace(" ", "")), face
        assert contours(font, "0") == 2, face


def test_bold_text_is_set_in_a_bold_face_spaced_for_it(danish: Path) -> None:
    """The alias and the prompts are bold: they use a separate, heavier face, and the advances
    the text was laid out with are that face's own (a variable font laid out at its default
    weight and drawn at 700 prints cramped bold text: the reason the fonts are static)."""
    fonts = {f.name: f for f in embedded_fonts(danish) if has(f.font, "0")}
    bold = [f for name, f in fonts.items() if name.endswith("-Bold")]
    regular = [f for name, f in fonts.items() if not name.endswith("-Bold")]
    assert len(bold) == 1 and len(regular) == 1, sorted(fonts)
    (bold_font,), (regular_font,) = bold, regular
    assert bold_font.font["OS/2"].usWeightClass >= 700
    assert regular_font.font["OS/2"].usWeightClass == 400
    assert ink(bold_font.font, "0") > 1.25 * ink(regular_font.font, "0")
    for embedded in (bold_font, regular_font):
        order = embedded.font.getGlyphOrder()
        upem = embedded.font["head"].unitsPerEm
        assert embedded.widths
        for glyph, width in embedded.widths.items():
            if glyph == 0 or glyph >= len(order):
                continue  # .notdef, or an id WeasyPrint gave a character the font lacks
            own = embedded.font["hmtx"][order[glyph]][0] * 1000 / upem
            assert width == pytest.approx(own, abs=1.5), (embedded.name, order[glyph])


def test_an_emoji_the_print_font_lacks_prints_in_dejavu_sans(smiling: Path) -> None:
    """😊 is not in Fira Sans: it is drawn from DejaVu Sans, not as a box. Pango looks emoji up
    through fontconfig, so where DejaVu Sans is installed on the machine it may take that copy
    (the same glyphs) instead of the bundled one ("peertui fallback"); with no fonts installed
    at all it takes the bundled one."""
    assert SMILE in pdf_text(smiling)
    drawn_by = [f for f in embedded_fonts(smiling) if has(f.font, SMILE)]
    assert [f.font["name"].getDebugName(1) for f in drawn_by] == ["DejaVu Sans"]
    assert uncovered_characters(f"{LINE} {SMILE} ❤ ☀ ★ ✓") == set()


def test_symbols_the_print_font_lacks_print_through_the_bundled_fallback(
    tmp_path: Path,
) -> None:
    sheet = StatementSheet("Sol", DAY, ("Et hjerte ❤ og en stjerne ★ ✓", "b", "c", "d"), LINK)
    result = export_sheets([sheet], folder(tmp_path, "symbols"))
    fonts = {f.name.split("+", 1)[1]: f for f in embedded_fonts(result.sheet_paths[0])}
    assert all(has(fonts["peertui-fallback"].font, ch) for ch in "❤★✓")
    assert result.notices == ()


def test_an_emoji_no_font_has_is_reported() -> None:
    """DejaVu Sans has symbols and most emoticons, not the colour pictographs: 🌞 prints as a
    box, and the exporter's notice says so (tests/export/test_batch.py)."""
    assert uncovered_characters(f"Solen {SUN} {LINE}") == {SUN}
