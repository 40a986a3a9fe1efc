"""The organisation's profile: kept in the data folder, checked like any text, a logo taken
only as a re-encoded PNG, carried by export and import."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from peertui.cli import main
from peertui.store.errors import CprNumberRefused, InvalidInput
from peertui.store.organisation import logo_png, prepare_logo
from peertui.store.portable import export_bytes, parse_export
from peertui.store.schema import Organisation
from peertui.store.store import open_store


def _png(width: int = 800, height: int = 300, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (20, 80, 160))
    image.info["comment"] = "secret"
    image.save(out, format=kind)
    return out.getvalue()


def test_set_read_and_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        assert store.organisation() == Organisation()
        saved = store.set_organisation(
            Organisation(
                name=" Foreningen\x1b[2J Nord",
                website="https://foreningen-nord.dk",
                signers=("Kursusleder",),
                links={"statement": "https://foreningen-nord.dk/statement"},
            )
        )
        assert saved.name == " Foreningen[2J Nord"  # cleaned at the door
        for bad in (
            Organisation(website="http://foreningen-nord.dk"),
            Organisation(website="https://x y"),
            Organisation(signers=("a", "b", "c", "d")),
        ):
            with pytest.raises(InvalidInput):
                store.set_organisation(bad)
        with pytest.raises(CprNumberRefused):
            store.set_organisation(Organisation(contact="cpr 010290–1234"))
    with open_store(data, read_only=True) as store:
        again = store.organisation()
    assert again == saved
    assert again.link("statement") == "https://foreningen-nord.dk/statement"
    assert again.link("goals") == "https://foreningen-nord.dk"
    assert Organisation().link("goals") == ""
    assert (data / "organisation.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_logo_is_re_encoded_small(kind: str) -> None:
    kept = base64.b64decode(prepare_logo(_png(2000, 900, kind)))
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "PNG" and max(image.size) <= 600
        assert "comment" not in image.info


@pytest.mark.parametrize("weasyprint_loaded", [False, True])
def test_what_is_not_a_logo_is_refused_calmly(weasyprint_loaded: bool) -> None:
    if weasyprint_loaded:  # it makes Pillow accept cut-off images, process-wide
        import weasyprint.images  # noqa: F401
    for raw, words in (
        (b"GIF89a" + b"\0" * 100, "PNG- eller JPEG"),
        (_png()[:120], "kan ikke læses"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (3 * 1024 * 1024), "for stort"),
    ):
        with pytest.raises(InvalidInput) as caught:
            prepare_logo(raw)
        assert words in str(caught.value)


def test_export_and_import_carry_the_profile(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    profile = Organisation(name="Foreningen Nord", logo=prepare_logo(_png()))
    with open_store(source) as store:
        store.set_organisation(profile)
        raw = export_bytes(store.export_bundle())
    bundle = parse_export(raw)
    assert bundle.organisation == profile
    with open_store(target) as store:
        store.import_bundle(bundle)
        assert store.organisation() == profile
        assert logo_png(store.organisation()) is not None
        assert export_bytes(store.export_bundle()) == raw
        # Merging never overwrites a profile that is set; replacing does.
        store.set_organisation(Organisation(name="Vores egen"))
        store.import_bundle(bundle)
        assert store.organisation().name == "Vores egen"
        store.import_bundle(bundle, replace_all=True)
        assert store.organisation() == profile


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    argv = ["organisation", "set", "--data-dir", data]
    assert main([*argv, "--name", "Foreningen Nord", "--website", "https://nord.dk"]) == 0
    assert main([*argv, "--signer", "Kursusleder", "--logo", str(logo)]) == 0
    assert main([*argv, "--website", "http://nord.dk"]) == 2
    err = capsys.readouterr().err
    assert "https://" in err and err.count("\n") == 1
    assert main(["organisation", "show", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "Foreningen Nord" in out and "https://nord.dk" in out and "Kursusleder" in out
    assert "Logo: Ja" in out
    assert main([*argv, "--no-logo"]) == 0
    assert "Logo: Nej" in capsys.readouterr().out
