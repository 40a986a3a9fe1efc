"""The personal statement sheet, read back from the PDF: words, order, pages, QR codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from peertui import labels
from peertui.export import (
    COPY_LIMIT_BYTES,
    DigitalCopyTooLong,
    ExportResult,
    StatementSheet,
    digital_copy_fits,
    digital_copy_size,
    digital_copy_text,
    export_sheets,
)
from peertui.export import qr as qr_module
from peertui.i18n import _
from tests.export.conftest import (
    DAY,
    LINK,
    assert_in_order,
    folder,
    page_count,
    page_texts,
    pdf_text,
    qr_codes,
    squash,
)

PROMPTS = [_(labels.STATEMENT_PROMPT[i]) for i in range(1, 5)]

ANSWERS = (
    "Jeg hedder Søren, og jeg er far til to. Æbler, øl og ål: ÆØÅ æøå. 😊",
    "Det er vigtigt for mig at være der for mine børn ❤ og at gå ture med hunden.\n"
    "Og at blive hørt, når vi taler om min fremtid.",
    "Jeg vil gerne have hjælp til at finde et arbejde med få timer i starten ☀",
    "Så jeg kan få overskud til familien – og føle, at jeg bidrager …",
)


def _long_answers() -> tuple[str, str, str, str]:
    sentence = (
        "Jeg vil gerne fortælle om min hverdag, som har mange gode dage og nogle svære, "
        "og om hvad der hjælper mig, når det er svært. "
    )
    return (sentence * 6, sentence * 6, sentence * 6, sentence * 6 + "Slutord.")


def _at_limit_answers() -> tuple[str, str, str, str]:
    """Four ordinary answers whose digital copy is exactly COPY_LIMIT_BYTES, with æøå and an
    emoji: words are added in turn to each answer, then single letters to reach the limit."""
    text = (
        "jeg vil gerne have ro i hverdagen så jeg kan være der for mine børn og gå ture "
        "med hunden og føle mig tryg når vi mødes på kommunen 😊"
    )
    words = text.split()
    answers = ["Jeg er Ib.", "Det er vigtigt for mig at", "Hjælp til", "Så jeg kan"]
    i = 0
    while (
        digital_copy_size([*answers[:3], answers[3] + " " + words[i % len(words)]])
        <= (COPY_LIMIT_BYTES - 8)
        and i < 400
    ):
        answers[i % 4] += " " + words[i % len(words)]
        i += 1
    while digital_copy_size(answers) < COPY_LIMIT_BYTES:
        answers[3] += "s"
    assert digital_copy_size(answers) == COPY_LIMIT_BYTES
    return (answers[0], answers[1], answers[2], answers[3])


@pytest.fixture(scope="module")
def exported(out_dir: Path) -> dict[str, tuple[ExportResult, Path]]:
    """Five sheets, exported once, as separate PDFs."""
    sheets = {
        "plain": StatementSheet("Søren", DAY, ANSWERS, LINK, occasion="Møde med kommunen"),
        "copy": StatementSheet("Mille", DAY, ANSWERS, LINK, digital_copy=True),
        "long": StatementSheet("Lang", DAY, _long_answers(), LINK),
        "too_long": StatementSheet("Kim", DAY, _long_answers(), LINK, digital_copy=True),
        "at_limit": StatementSheet("Ib", DAY, _at_limit_answers(), LINK, digital_copy=True),
    }
    result = export_sheets(list(sheets.values()), folder(out_dir, "separate"))
    return {name: (result, path) for name, path in zip(sheets, result.sheet_paths, strict=True)}


def test_the_exact_words_in_order_with_danish_letters_and_emoji(exported) -> None:
    _unused, path = exported["plain"]
    text = pdf_text(path)
    expected = [_("Personal statement").upper(), "Søren", "4. marts 2025", "Møde med kommunen"]
    for prompt, answer in zip(PROMPTS, ANSWERS, strict=True):
        expected += [prompt, answer]
    assert_in_order(text, expected)
    for word in ("ÆØÅæøå", "😊", "❤", "☀", "–", "…"):
        assert word in text


def test_short_statement_is_one_page(exported) -> None:
    _, path = exported["plain"]
    assert page_count(path) == 1


def test_footer_qr_is_the_link_and_the_url_is_printed_beside_it(exported) -> None:
    _unused, path = exported["plain"]
    assert qr_codes(path) == [[LINK]]
    text = pdf_text(path)
    assert squash(LINK) in text
    assert squash(_("Scan the code to read more about personal statements.")) in text


def test_no_digital_copy_unless_chosen(exported) -> None:
    """Without digital_copy, the only code on the page is the link: no words in a QR code."""
    _, path = exported["plain"]
    (codes,) = qr_codes(path, dpi=200)
    assert codes == [LINK]


def test_digital_copy_carries_the_exact_text(exported) -> None:
    result, path = exported["copy"]
    (codes,) = qr_codes(path)
    assert sorted(codes) == sorted([LINK, digital_copy_text(ANSWERS)])
    assert 1 not in result.digital_copy_skipped
    assert squash(_("Digital copy")) in pdf_text(path)


def test_digital_copy_at_the_limit_fits_one_page_and_reads_back(exported) -> None:
    _, path = exported["at_limit"]
    answers = _at_limit_answers()
    assert page_count(path) == 1
    for dpi in (150, 200):
        (codes,) = qr_codes(path, dpi)
        assert digital_copy_text(answers) in codes, dpi


def test_long_statement_flows_onto_a_second_page_cleanly(exported) -> None:
    _unused, path = exported["long"]
    assert page_count(path) == 2
    first, second = (squash(p) for p in page_texts(path))
    footer = [
        _("Scan the code to read more about personal statements."),
        LINK,
        "Lang · 4. marts 2025",
    ]
    body = "".join(_without(page, footer) for page in (first, second))
    assert_in_order(body, [x for pair in zip(PROMPTS, _long_answers(), strict=True) for x in pair])
    # The footer, with its link code, is on both pages.
    assert qr_codes(path) == [[LINK], [LINK]]
    assert squash("Lang · 4. marts 2025") in first and squash("Lang · 4. marts 2025") in second
    # No prompt heading is left alone at the bottom of page 1: every heading on page 1 is
    # followed by words of its answer on page 1.
    for prompt in PROMPTS:
        at = first.find(squash(prompt))
        if at >= 0:
            after = first[at + len(squash(prompt)) :]
            assert after.startswith(squash("Jeg vil gerne fortælle")), prompt


def _without(page: str, parts: list[str]) -> str:
    for part in parts:
        assert squash(part) in page
        page = page.replace(squash(part), "")
    return page


def test_too_long_digital_copy_is_left_out_with_a_danish_notice(exported) -> None:
    result, path = exported["too_long"]
    assert result.digital_copy_skipped == (3,)
    (notice,) = [n for n in result.notices if n.sheet == 3]
    size = digital_copy_size(_long_answers())
    assert notice.message == str(DigitalCopyTooLong(size, COPY_LIMIT_BYTES))
    assert "Jeg vil gerne" not in notice.message
    # Exported anyway, with only the link code on its pages, and no "Digital kopi" box.
    assert all(codes == [LINK] for codes in qr_codes(path))
    assert squash(_("Digital copy")) not in pdf_text(path)


def test_digital_copy_too_long_is_a_specific_exception_without_the_text() -> None:
    answers = _long_answers()
    assert not digital_copy_fits(answers)
    with pytest.raises(DigitalCopyTooLong) as caught:
        qr_module.digital_copy_svg(answers)
    assert caught.value.size == digital_copy_size(answers)
    assert caught.value.limit == COPY_LIMIT_BYTES
    assert "fortælle" not in str(caught.value)


def test_limit_is_the_byte_capacity_of_version_23_m() -> None:
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.util import BIT_LIMIT_TABLE

    def capacity(version: int) -> int:
        return (BIT_LIMIT_TABLE[ERROR_CORRECT_M][version] - 4 - 16) // 8

    assert capacity(qr_module.COPY_MAX_VERSION) == COPY_LIMIT_BYTES == 857
    assert capacity(qr_module.LINK_MAX_VERSION) == qr_module.LINK_LIMIT_BYTES
    # At 0.5 mm per module with the quiet zone, the largest code is 58.5 mm wide.
    side = 4 * qr_module.COPY_MAX_VERSION + 17 + 2 * qr_module.QUIET_MODULES
    assert side * qr_module.COPY_MODULE_MM == 58.5


def test_one_byte_over_the_limit_is_refused() -> None:
    answers = list(_at_limit_answers())
    answers[3] += "x"
    assert digital_copy_size(answers) == COPY_LIMIT_BYTES + 1
    with pytest.raises(DigitalCopyTooLong):
        qr_module.digital_copy_svg(answers)


def test_at_limit_code_survives_blur_at_150_dpi(exported) -> None:
    """Margin: a Gaussian blur of 0.17 mm (1 px at 150 dpi, like a soft print or a shaky
    phone) still decodes at 0.5 mm modules."""
    from PIL import ImageFilter

    from tests.export.conftest import decode_page, render_pages

    _, path = exported["at_limit"]
    (page,) = render_pages(path, 150)
    assert digital_copy_text(_at_limit_answers()) in decode_page(
        page.filter(ImageFilter.GaussianBlur(1.0))
    )


def test_empty_answers_get_lines_to_write_on(out_dir: Path) -> None:
    sheet = StatementSheet("Tom", DAY, ("", "", "", ""), None)
    result = export_sheets([sheet], folder(out_dir, "empty"), anonymous_names=True)
    (path,) = result.paths
    assert page_count(path) == 1
    assert_in_order(pdf_text(path), PROMPTS)
    # No link: the code explains the sheet, and the footer says so.
    assert qr_codes(path) == [
        [
            _(
                "Personal statement: my own words about who I am, what matters to me, "
                "and what I would like help with. Read it, and let us find the way "
                "together."
            )
        ]
    ]
    assert squash(_("Scan the code to read what the sheet is about.")) in pdf_text(path)
