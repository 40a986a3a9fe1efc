"""The issuing organisation on the certificate (name, line, logo, signing roles), where its QR
code leads, its metadata, and markup typed into every field it prints, through a real store."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from peertui.export.certificate import (
    CertificateData,
    certificate_data,
    certificate_html,
    render_certificate,
    write_certificate,
)
from peertui.export.from_store import issuer_from
from peertui.export.model import Issuer
from peertui.i18n import _
from peertui.store import open_store
from peertui.store.schema import Organisation
from tests.export.conftest import (
    image_count,
    logo_png,
    page_count,
    pdf_root,
    pdf_text,
    qr_codes,
    squash,
    xmp,
)
from tests.export.test_injection import ATTACK, assert_only_our_markup

from .conftest import Setup, default_code, make_store

COURSE_DAY = date(2026, 3, 4)
ISSUED = date(2026, 4, 20)
WEBSITE = "https://peer-forening.dk/bevis"
ORGANISATION = Organisation(
    name="Foreningen Sind Midt",
    line="Peer-støtte og recovery i Region Midtjylland",
    website=WEBSITE,
    contact="Tlf. 12 34 56 78",
    signers=("Kursusleder", "Koordinator"),
    logo=base64.b64encode(logo_png()).decode("ascii"),
)


def setup_with(folder: Path, profile: Organisation | None, **changes: object) -> Setup:
    """A ready trainee in a new data folder under ``folder``, and the organisation's profile."""
    setup = make_store(folder / "data", course_day=COURSE_DAY, **changes)  # type: ignore[arg-type]
    if profile is not None:
        with open_store(setup.data_dir) as store:
            store.set_organisation(profile)
    return setup


def write(setup: Setup, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with open_store(setup.data_dir) as store:
        return write_certificate(store, setup.group_id, setup.trainee_id, out, today=ISSUED)


@pytest.fixture
def with_org(tmp_path: Path) -> Path:
    return write(setup_with(tmp_path / "org", ORGANISATION), tmp_path / "org" / "out")


@pytest.fixture
def without_org(tmp_path: Path) -> Path:
    return write(setup_with(tmp_path / "plain", None), tmp_path / "plain" / "out")


def test_the_issuing_organisation_and_its_signers_are_on_the_certificate(with_org: Path) -> None:
    assert page_count(with_org) == 1
    text = pdf_text(with_org)
    order = [
        ORGANISATION.name,
        ORGANISATION.line,
        "BEVIS",
        "Maja",
        "Lene Holm",  # the course's trainers sign first, as before
        "Karim",
        "Kursusleder",
        "Koordinator",
    ]
    position = 0
    for needle in order:
        found = text.find(squash(needle), position)
        assert found >= 0, needle
        position = found
    assert image_count(with_org) == 1  # the logo
    assert qr_codes(with_org) == [[WEBSITE]]  # the organisation's website
    assert squash(WEBSITE) in text and squash(_("Read more:")) in text


def test_a_certificate_link_of_its_own_wins_over_the_website(tmp_path: Path) -> None:
    own = "https://peer-forening.dk/kursus/bevis"
    organisation = Organisation(website=WEBSITE, links={"certificate": own})
    path = write(setup_with(tmp_path, organisation), tmp_path / "out")
    assert qr_codes(path) == [[own]]


def test_without_an_organisation_the_code_explains_the_certificate(without_org: Path) -> None:
    codes = qr_codes(without_org)
    assert codes == [[default_code()]]
    text = pdf_text(without_org)
    for found in [*codes[0], text]:
        assert "example." not in found
    assert image_count(without_org) == 0
    # As before: the trainers' signature lines, nothing empty in their place.
    assert squash("Lene Holm") in text and squash("Kursusleder") not in text


def test_metadata_title_author_language_and_pdf_ua(with_org: Path, without_org: Path) -> None:
    for path, author in ((with_org, ORGANISATION.name), (without_org, None)):
        metadata = pypdf.PdfReader(path).metadata
        assert metadata is not None
        assert metadata.title == "Bevis – Maja"
        assert metadata.author == author
        assert pdf_root(path)["/Lang"] == "da"
        assert 'pdfuaid:part="1"' in xmp(path)


def test_long_texts_two_trainers_and_three_roles_still_fit_one_page(tmp_path: Path) -> None:
    data = CertificateData(
        alias="Anne-Mette Kristine Marie-Louise Vestergaard Holm Sørensen Juul Rasmussen",
        organisation="Psykiatrisk Center Nordsjælland, Recovery- og Peerteamet, Afdeling for I",
        role="staff",
        course_title="Bliv inddragelsesfacilitator",
        course_day=COURSE_DAY,
        taught=5,
        audiences=frozenset({"citizens", "colleagues"}),
        first_taught=date(2025, 12, 31),
        last_taught=date(2026, 4, 1),
        signers=("Anne-Mette Sørensen", "Karim Abdullah"),
        issued=ISSUED,
        link=None,
        issuer=Issuer(
            name="Psykiatrisk Center Nordsjælland, Recovery- og Peerteamet",
            line="Peer-støtte, recovery og inddragelse af borgere og pårørende i Region H.",
            logo=logo_png(),
            signers=("Kursusleder", "Koordinator", "Afdelingsleder"),
            website="https://peer-forening.dk/om-beviset",
        ),
    )
    path = tmp_path / "long.pdf"
    path.write_bytes(render_certificate(data))
    assert page_count(path) == 1
    assert qr_codes(path) == [["https://peer-forening.dk/om-beviset"]]
    assert squash("Afdelingsleder") in pdf_text(path)


def test_signing_roles_without_trainers_replace_the_unnamed_line(tmp_path: Path) -> None:
    path = write(setup_with(tmp_path, ORGANISATION, facilitators=()), tmp_path / "out")
    text = pdf_text(path)
    assert squash("Kursusleder") in text and squash("Koordinator") in text
    assert squash(_("Signature")) not in text


# --- markup typed into every field that is printed ---------------------------------------------


def hostile(label: str) -> str:
    return f"{label} {ATTACK}"


HOSTILE_ORG = Organisation(
    name=hostile("ON"),
    line=hostile("OL"),
    contact=hostile("OC"),
    signers=(hostile("S1"),),
    logo=ORGANISATION.logo,
)


@pytest.fixture
def hostile_setup(tmp_path: Path) -> Setup:
    setup = setup_with(
        tmp_path,
        HOSTILE_ORG,
        alias=hostile("AL"),
        organisation=hostile("TO"),  # the trainee's own organisation
        facilitators=(hostile("F1"), "Karim"),
        group_name=hostile("GN"),
    )
    with open_store(setup.data_dir) as store:
        store.record_teaching(
            setup.group_id,
            setup.trainee_id,
            held=COURSE_DAY + timedelta(days=9),
            audience="citizens",
            count=1,
            citizen_contact=None,
            note=hostile("NOTE"),
        )
    return setup


def test_every_printed_field_is_text_in_the_html(hostile_setup: Setup) -> None:
    with open_store(hostile_setup.data_dir, read_only=True) as store:
        group = store.group(hostile_setup.group_id)
        person = store.participant(hostile_setup.group_id, hostile_setup.trainee_id)
        data = certificate_data(
            group, person, today=ISSUED, library=None, issuer=issuer_from(store.organisation())
        )
    parsed = assert_only_our_markup(certificate_html(data))
    text = "".join(parsed.text)
    for label in ("AL", "TO", "F1", "ON", "OL", "S1"):
        assert hostile(label) in text, label
    assert "NOTE" not in text  # teaching notes are not printed at all


def test_every_printed_field_prints_literally(hostile_setup: Setup, tmp_path: Path) -> None:
    path = write(hostile_setup, tmp_path / "hostile-out")
    text = pdf_text(path)  # (77 characters in every field: it may flow onto a second page)
    for label in ("AL", "TO", "F1", "ON", "OL", "S1"):
        assert squash(hostile(label)) in text, label
    assert squash("NOTE") not in text
    assert "49" not in text
    metadata = pypdf.PdfReader(path).metadata
    assert metadata is not None
    assert metadata.title == f"Bevis – {hostile('AL')}"
    assert metadata.author == hostile("ON")
