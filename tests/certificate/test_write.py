"""``write_certificate`` / ``print_certificate`` on a real data folder: the page read back
(pypdf text, pypdfium2 + zxing-cpp QR), the rule, the recorded day, literal markup, files."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from peertui import training
from peertui.export.certificate import (
    CertificateData,
    NotATrainee,
    NotReady,
    certificate_html,
    print_certificate,
    render_certificate,
    write_certificate,
)
from peertui.export.errors import OutputFolderMissing
from peertui.i18n import _
from peertui.store import open_store
from peertui.store.errors import NotFound
from tests.export.conftest import page_count, pdf_text, qr_codes, squash

from .conftest import (
    NOT_READY,
    REPO,
    Setup,
    Teach,
    certified_on,
    course_title,
    default_code,
    make_store,
)

COURSE_DAY = date(2026, 3, 4)  # teachings: 10 March (2 citizens), 1 April (3 colleagues)
ISSUED = date(2026, 4, 20)


@pytest.fixture
def ready(tmp_path: Path) -> Setup:
    return make_store(tmp_path / "data", course_day=COURSE_DAY)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def write(setup: Setup, out: Path, today: date = ISSUED, *, read_only: bool = False) -> Path:
    with open_store(setup.data_dir, read_only=read_only) as store:
        return write_certificate(store, setup.group_id, setup.trainee_id, out, today=today)


def test_certificate_reads_back_with_every_fact_and_its_code(ready: Setup, out: Path) -> None:
    path = write(ready, out)

    assert page_count(path) == 1
    text = pdf_text(path)
    for needle in [
        "BEVIS",  # set in capitals by the stylesheet
        "Maja",
        "Peer-medarbejder · Foreningen Sind",
        f"har gennemført kurset {course_title()} den 4. marts 2026",
        "og har derefter undervist 5 kolleger og borgere",
        "i perioden 10. marts til 1. april 2026",
        "Lene Holm",
        "Karim",
        "Udstedt 20. april 2026",
    ]:
        assert squash(needle) in text, needle
    assert qr_codes(path) == [[default_code()]]
    assert "example." not in default_code()


def test_file_is_private_and_named_without_participant_text(ready: Setup, out: Path) -> None:
    path = write(ready, out)

    assert path.parent == out.resolve()
    assert path.name == f"bevis-2026-04-20-{ready.trainee_id}.pdf"
    assert "maja" not in path.name.lower()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == [path.name]  # no temp file left behind


def test_first_print_records_the_day_and_a_reprint_keeps_it(ready: Setup, out: Path) -> None:
    assert certified_on(ready) is None
    first = write(ready, out, ISSUED)
    assert certified_on(ready) == ISSUED

    later = ISSUED + timedelta(days=9)
    with open_store(ready.data_dir) as store:
        again = print_certificate(store, ready.group_id, ready.trainee_id, out, today=later)

    assert certified_on(ready) == ISSUED  # recorded once
    assert not again.recorded and not again.first_print
    assert again.issued == ISSUED
    # Never overwrites the first file; the reprint carries the first day.
    assert again.path != first and first.exists()
    assert again.path.name == f"bevis-2026-04-20-{ready.trainee_id}-2.pdf"
    assert squash("Udstedt 20. april 2026") in pdf_text(again.path)
    assert squash("29. april 2026") not in pdf_text(again.path)


def test_not_ready_says_what_is_missing_and_writes_nothing(tmp_path: Path, out: Path) -> None:
    setup = make_store(tmp_path / "data", course_day=COURSE_DAY, teachings=NOT_READY)
    today = date(2026, 3, 20)

    with pytest.raises(NotReady) as caught:
        write(setup, out, today)

    with open_store(setup.data_dir, read_only=True) as store:
        record = store.participant(setup.group_id, setup.trainee_id).training
    assert record is not None
    expected = training.explain(training.progress(record, COURSE_DAY), today)
    assert caught.value.lines == expected
    assert any("2 af 4" in line for line in caught.value.lines)
    assert any("borgerkontakt" in line for line in caught.value.lines)
    assert str(caught.value) == "Beviset kan ikke udskrives endnu."
    assert list(out.iterdir()) == []
    assert certified_on(setup) is None


def test_teaching_after_the_deadline_does_not_make_it_ready(tmp_path: Path, out: Path) -> None:
    late = (Teach(6, "citizens", 2), Teach(80, "citizens", 5))
    setup = make_store(tmp_path / "data", course_day=COURSE_DAY, teachings=late)

    with pytest.raises(NotReady) as caught:
        write(setup, out, date(2026, 6, 1))

    assert any("04.05.2026" in line for line in caught.value.lines)  # the deadline
    assert list(out.iterdir()) == []


def test_only_citizens_and_only_one_day_are_worded_as_such(tmp_path: Path, out: Path) -> None:
    setup = make_store(
        tmp_path / "data", course_day=COURSE_DAY, teachings=(Teach(3, "citizens", 4),)
    )
    text = pdf_text(write(setup, out, date(2026, 3, 9)))

    assert squash("undervist 4 borgere i at bruge personlige statements den 7. marts 2026") in text
    assert squash("kolleger") not in text


def test_a_participant_without_training_is_refused(ready: Setup, out: Path) -> None:
    with open_store(ready.data_dir) as store, pytest.raises(NotATrainee) as caught:
        write_certificate(store, ready.group_id, ready.participant_id, out, today=ISSUED)

    assert "kursist" in str(caught.value)
    assert list(out.iterdir()) == []


def test_unknown_participant_is_the_stores_not_found(ready: Setup, out: Path) -> None:
    with open_store(ready.data_dir) as store, pytest.raises(NotFound):
        write_certificate(store, ready.group_id, "0" * 20, out, today=ISSUED)


def test_missing_folder_stops_before_anything_is_recorded(ready: Setup, tmp_path: Path) -> None:
    with pytest.raises(OutputFolderMissing):
        write(ready, tmp_path / "nowhere")
    assert certified_on(ready) is None


def test_read_only_store_prints_but_records_nothing(ready: Setup, out: Path) -> None:
    with open_store(ready.data_dir, read_only=True) as store:
        result = print_certificate(store, ready.group_id, ready.trainee_id, out, today=ISSUED)

    assert result.path.exists()
    assert not result.recorded and result.first_print
    assert certified_on(ready) is None


MARKUP_ALIAS = "<b>Bo</b> [bold]x[/bold] & Co"
MARKUP_ORG = "Sind & <i>Co</i> [red]rød[/red] &amp;"
MARKUP_SIGNER = "<script>alert(1)</script>"


def test_markup_in_alias_organisation_and_names_prints_literally(tmp_path: Path, out: Path) -> None:
    setup = make_store(
        tmp_path / "data",
        course_day=COURSE_DAY,
        alias=MARKUP_ALIAS,
        organisation=MARKUP_ORG,
        facilitators=(MARKUP_SIGNER, "Karim"),
    )
    path = write(setup, out)
    text = pdf_text(path)

    for needle in (MARKUP_ALIAS, MARKUP_ORG, MARKUP_SIGNER):
        assert squash(needle) in text, needle
    assert path.name == f"bevis-2026-04-20-{setup.trainee_id}.pdf"


def _data(**changes: object) -> CertificateData:
    values: dict[str, object] = {
        "alias": "Maja",
        "organisation": "Foreningen Sind",
        "role": "staff",
        "course_title": "Bliv inddragelsesfacilitator",
        "course_day": COURSE_DAY,
        "taught": 5,
        "audiences": frozenset({"citizens", "colleagues"}),
        "first_taught": date(2026, 3, 10),
        "last_taught": date(2026, 4, 1),
        "signers": ("Lene Holm",),
        "issued": ISSUED,
        "link": "https://peer-forening.dk/kursus",
    }
    values.update(changes)
    return CertificateData(**values)  # type: ignore[arg-type]


def test_every_stored_text_is_escaped_in_the_html() -> None:
    html = certificate_html(
        _data(alias="<img src=x>", organisation="a & b", signers=("</body><p>",))
    )

    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "a &amp; b" in html
    assert "</body><p>" not in html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    assert "<title>Bevis – &lt;img src=x&gt;</title>" in html


def test_long_texts_and_four_trainers_still_fit_one_page(tmp_path: Path) -> None:
    data = _data(
        alias="Anne-Mette Kristine Marie-Louise Vestergaard Holm Sørensen Juul Rasmussen",
        organisation=(
            "Psykiatrisk Center Nordsjælland, Recovery- og Peerteamet, Afdeling for Inddragelse"
        )[:80],
        signers=("Anne-Mette Sørensen Kristoffersen", "Karim Abdullah", "Lene Holm", "Bo"),
        first_taught=date(2025, 12, 31),
    )
    path = tmp_path / "long.pdf"
    path.write_bytes(render_certificate(data))

    assert page_count(path) == 1
    assert squash("i perioden 31. december 2025 til 1. april 2026") in pdf_text(path)
    assert qr_codes(path) == [["https://peer-forening.dk/kursus"]]


def test_no_link_the_code_explains_the_certificate(tmp_path: Path) -> None:
    path = tmp_path / "nolink.pdf"
    path.write_bytes(render_certificate(_data(link=None, signers=())))

    assert qr_codes(path) == [
        [
            _(
                "Certificate: the trainee has completed the course Become an Inclusion "
                "Facilitator and taught at least four colleagues or citizens about "
                "personal statements."
            )
        ]
    ]
    text = pdf_text(path)
    assert squash(_("Scan the code to read what the certificate shows.")) in text
    assert squash("Underskrift") in text  # an unnamed line to sign on


def _imports(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    return done.stdout.split()


def test_the_parser_does_not_import_the_exporter_and_the_module_not_weasyprint() -> None:
    parser_only = (
        "import sys, peertui.cli; peertui.cli.build();"
        "print('peertui.export' in sys.modules, 'peertui.cli.certificate' in sys.modules)"
    )
    assert _imports(parser_only) == ["False", "True"]
    module = (
        "import sys, peertui.export.certificate;"
        "print('weasyprint' in sys.modules, 'qrcode' in sys.modules)"
    )
    assert _imports(module) == ["False", "False"]
