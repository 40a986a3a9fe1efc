"""The organisation on every sheet, QR codes that lead somewhere (never to a placeholder), and
the PDF's metadata (title, author, language, PDF/UA), read back from the PDFs."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from peertui import labels
from peertui.export import (
    Goal,
    GoalsSheet,
    GroupSummary,
    MeetingSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    Sheet,
    StatementSheet,
    export_sheets,
)
from peertui.export import pdf as pdf_module
from peertui.export import qr as qr_module
from peertui.export.model import NO_ISSUER, Issuer
from peertui.export.sheets import build
from peertui.i18n import _
from tests.export.conftest import (
    DAY,
    LINK,
    folder,
    image_count,
    logo_png,
    page_texts,
    pdf_root,
    pdf_text,
    qr_codes,
    squash,
    xmp,
)

WEBSITE = "https://peer-forening.dk/om-arkene"
LOGO = logo_png()
ISSUER = Issuer(
    name="Foreningen Sind Midt",
    line="Peer-støtte og recovery i Region Midtjylland",
    contact="Tlf. 12 34 56 78 · kontakt@sind-midt.dk",
    logo=LOGO,
    signers=("Kursusleder",),
    website=WEBSITE,
)
#: The sheet kinds, in the order ``sheets_of`` makes them.
KINDS = ("statement", "goals", "safety_plan", "network_map", "group_summary")
PLACEHOLDER = "https://example.org/guide/x"


def sheets_of(issuer: Issuer, link: str | None = None) -> list[Sheet]:
    """One sheet of every kind, all from ``issuer``, each with ``link`` as its page link."""
    return [
        StatementSheet("Maja", DAY, ("Jeg er Maja.", "b", "c", "d"), link, issuer=issuer),
        GoalsSheet("Maja", DAY, (Goal("Gå en tur", "Sko på"),), link, issuer=issuer),
        SafetySheet("Maja", DAY, warning_signs=("Sover dårligt",), link=link, issuer=issuer),
        NetworkSheet("Maja", DAY, (NetworkPerson("Mor", 1, "family"),), link, issuer=issuer),
        GroupSummary(
            "Tirsdagsgruppen",
            "Vejen til hverdagslivet",
            DAY,
            8,
            (MeetingSummary(1, "Ankomst", DAY, 120, 115, 7, 1, 0),),
            issuer=issuer,
        ),
    ]


@pytest.fixture(scope="module")
def with_org(out_dir: Path) -> list[Path]:
    """Every kind with the organisation (website, logo), each in its own PDF."""
    return list(export_sheets(sheets_of(ISSUER), folder(out_dir, "org")).sheet_paths)


@pytest.fixture(scope="module")
def without_org(out_dir: Path) -> list[Path]:
    """Every kind as printed by default: no organisation, placeholder page links."""
    sheets = sheets_of(NO_ISSUER, PLACEHOLDER)
    return list(export_sheets(sheets, folder(out_dir, "plain")).sheet_paths)


# --- the organisation on the sheet ------------------------------------------------------------


def test_the_organisation_is_on_every_sheet(with_org: list[Path]) -> None:
    for kind, path in zip(KINDS, with_org, strict=True):
        first_page = squash(page_texts(path)[0])
        for text in (ISSUER.name, ISSUER.line, ISSUER.contact):
            assert squash(text) in first_page, (kind, text)
        # Above the kind of sheet, in the header.
        assert first_page.find(squash(ISSUER.name)) < first_page.find(
            squash(_(labels.EXPORT_KIND[kind]).upper())
        )
        assert image_count(path) == 1, kind  # the logo; the QR codes are vector paths


def test_without_an_organisation_nothing_of_it_is_printed(without_org: list[Path]) -> None:
    for sheet, path in zip(sheets_of(NO_ISSUER), without_org, strict=True):
        assert 'class="org' not in build(sheet).html  # no empty box either
        assert image_count(path) == 0


def test_only_what_is_set_is_printed() -> None:
    html = build(StatementSheet("Maja", DAY, ("a", "b", "c", "d"), issuer=Issuer(line="Kun"))).html
    assert '<p class="org-line">Kun</p>' in html
    assert "org-name" not in html and "org-contact" not in html and "<img" not in html


def test_logo_is_an_img_with_the_stores_png_as_a_data_url() -> None:
    html = build(sheets_of(ISSUER)[0]).html
    assert f'src="{pdf_module.png_data_url(LOGO)}"' in html
    assert f'alt="{ISSUER.name}"' in html


# --- where the codes lead ---------------------------------------------------------------------


def test_with_a_website_every_code_is_the_website(with_org: list[Path]) -> None:
    for kind, path in zip(KINDS, with_org, strict=True):
        codes = qr_codes(path)
        if kind == "group_summary":
            assert codes == [[]]  # for the facilitators: no code, website or not
            continue
        assert all(page == [WEBSITE] for page in codes), kind
        text = pdf_text(path)
        assert squash(WEBSITE) in text
        assert squash(_(labels.EXPORT_FOOT[kind])) in text


def test_without_links_each_code_explains_its_sheet(without_org: list[Path]) -> None:
    for kind, path in zip(KINDS, without_org, strict=True):
        codes = qr_codes(path)
        text = pdf_text(path)
        assert "example." not in text
        if kind == "group_summary":
            assert codes == [[]]
            continue
        assert all(page == [_(labels.EXPORT_ABOUT[kind])] for page in codes), kind
        assert squash(_("Scan the code to read what the sheet is about.")) in text
        for page in codes:
            assert not any("example." in code for code in page)


def test_a_real_page_link_wins_then_the_kinds_own_link_then_the_website() -> None:
    own = Issuer(website=WEBSITE, links=(("goals", "https://peer-forening.dk/maal"),))
    goals = GoalsSheet("Maja", DAY, (), None, issuer=own)
    statement = StatementSheet("Maja", DAY, ("a", "b", "c", "d"), LINK, issuer=own)
    placeholder = StatementSheet("Maja", DAY, ("a", "b", "c", "d"), PLACEHOLDER, issuer=own)
    assert "https://peer-forening.dk/maal" in build(goals).html
    assert LINK in build(statement).html and WEBSITE not in build(statement).html
    assert WEBSITE in build(placeholder).html and "example." not in build(placeholder).html


def test_explanation_code_is_small_and_refuses_a_long_text() -> None:
    svg = qr_module.text_svg(
        _(
            "Personal statement: my own words about who I am, what matters to me, "
            "and what I would like help with. Read it, and let us find the way "
            "together."
        )
    )
    side_mm = float(svg.split('width="', 1)[1].split("mm", 1)[0])
    assert side_mm <= 26.5  # version 7 at 0.5 mm with its quiet zone: fits the footer band
    with pytest.raises(ValueError):
        qr_module.text_svg("x" * (qr_module.LINK_LIMIT_BYTES + 1))
    for kind in ("statement", "goals", "safety_plan", "network_map", "certificate"):
        assert len(_(labels.EXPORT_ABOUT[kind]).encode("utf-8")) <= 160


def test_explanation_code_reads_back_blurred(without_org: list[Path]) -> None:
    """Level L at 0.5 mm: still decodes with a 0.17 mm blur at 150 dpi."""
    from PIL import ImageFilter

    from tests.export.conftest import decode_page, render_pages

    (page,) = render_pages(without_org[0], 150)
    assert decode_page(page.filter(ImageFilter.GaussianBlur(1.0))) == [
        _(
            "Personal statement: my own words about who I am, what matters to me, "
            "and what I would like help with. Read it, and let us find the way "
            "together."
        )
    ]


# --- metadata and the PDF variant -------------------------------------------------------------


def test_each_pdf_is_titled_by_its_sheet_with_the_organisation_as_author(
    with_org: list[Path],
) -> None:
    titles = [
        "Personligt statement – Maja",
        "Personlige mål – Maja",
        "Tryghedsplan – Maja",
        "Netværkskort – Maja",
        "Gruppeoversigt – Tirsdagsgruppen",
    ]
    for title, path in zip(titles, with_org, strict=True):
        metadata = pypdf.PdfReader(path).metadata
        assert metadata is not None
        assert metadata.title == title
        assert metadata.author == ISSUER.name
        assert pdf_root(path)["/Lang"] == "da"


def test_without_an_organisation_there_is_no_author(without_org: list[Path]) -> None:
    metadata = pypdf.PdfReader(without_org[0]).metadata
    assert metadata is not None
    assert metadata.title == "Personligt statement – Maja"
    assert metadata.author is None


def test_every_pdf_is_tagged_pdf_ua_1(with_org: list[Path], without_org: list[Path]) -> None:
    for path in [*with_org, *without_org]:
        root = pdf_root(path)
        assert 'pdfuaid:part="1"' in xmp(path)
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # the title, not a name
        assert pypdf.PdfReader(path).pdf_header == "%PDF-1.7"


def test_one_file_is_titled_by_the_group(out_dir: Path) -> None:
    result = export_sheets(
        sheets_of(ISSUER), folder(out_dir, "one"), one_file=True, title="Tirsdagsgruppen"
    )
    (path,) = result.paths
    metadata = pypdf.PdfReader(path).metadata
    assert metadata is not None
    assert (metadata.title, metadata.author) == ("Tirsdagsgruppen", ISSUER.name)
    assert pdf_root(path)["/Lang"] == "da"
    assert 'pdfuaid:part="1"' in xmp(path)
    assert image_count(path) == 1  # the logo, embedded once for the five sheets
    assert pdf_text(path).count(squash(ISSUER.contact)) == 5
    codes = qr_codes(path)
    assert codes[:-1] == [[WEBSITE]] * (len(codes) - 1) and codes[-1] == []


def test_one_file_without_a_title(out_dir: Path) -> None:
    from peertui.export.batch import batch_title

    sheets = sheets_of(NO_ISSUER)
    assert batch_title(sheets) == "Tirsdagsgruppen"  # from the group summary
    assert batch_title(sheets[:2]) == _("Sheets from peertui")
    assert batch_title(sheets[:1]) == "Personligt statement – Maja"


# --- the fetcher serves the registered logo and nothing else ------------------------------------


def test_fetcher_serves_only_a_registered_png() -> None:
    fetcher = pdf_module.fetcher_class()(pdf_module.asset_urls())
    url = pdf_module.png_data_url(LOGO)
    with pytest.raises(pdf_module.RefusedURL):
        fetcher.fetch(url)  # not registered yet
    assert fetcher.allow_png(LOGO) == url
    response = fetcher.fetch(url)
    assert response.read() == LOGO
    other = pdf_module.png_data_url(LOGO + b"\0")
    for refused in (other, "data:image/svg+xml;base64,PHN2Zy8+", url + "x", url[:-4]):
        with pytest.raises(pdf_module.RefusedURL):
            fetcher.fetch(refused)
    with pytest.raises(ValueError):
        fetcher.allow_png(b"GIF89a not a png")


def test_the_logo_is_drawn_from_the_registered_url_only(out_dir: Path) -> None:
    recorded: list[pdf_module.Renderer] = []
    original = pdf_module.Renderer.__init__

    def init(self: pdf_module.Renderer) -> None:
        original(self)
        recorded.append(self)

    patch = pytest.MonkeyPatch()
    patch.setattr(pdf_module.Renderer, "__init__", init)
    try:
        export_sheets(sheets_of(ISSUER)[:1], folder(out_dir, "fetch"))
    finally:
        patch.undo()
    (renderer,) = recorded
    assert renderer.fetcher.refused == []
    assert pdf_module.PNG_DATA_PREFIX in renderer.fetcher.served
    assert set(renderer.fetcher.images) == {pdf_module.png_data_url(LOGO)}


def test_the_footer_still_says_who_and_when() -> None:
    html = build(sheets_of(ISSUER)[0]).html
    assert '<p class="foot-who">Maja · 4. marts 2025</p>' in html
