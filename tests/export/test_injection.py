"""Markup, template syntax and entities typed into every field of every sheet (and of the
organisation) print literally: the HTML has no tag we did not write, and the PDF's text shows
each value exactly as typed."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

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
from peertui.export.model import Issuer
from peertui.export.sheets import build, document, sheet_title
from tests.export.conftest import DAY, folder, logo_png, pdf_text, squash

#: Each typed value carries all of these, after a label naming its field.
ATTACK = "<script>alert(1)</script></div><img src=x onerror=alert(1)>{{ 7*7 }}&amp;"
FIELDS = (
    "alias",
    "occasion",
    "answer1",
    "answer2",
    "answer3",
    "answer4",
    "goal",
    "first_step",
    "help_from",
    "when",
    "why",
    "most_important",
    "warning_signs",
    "own_strategies",
    "distractions",
    "people_to_ask",
    "professionals",
    "safer_surroundings",
    "network_alias",
    "person",
    "note",
    "group",
    "org_name",
    "org_line",
    "org_contact",
)
V = {name: f"{name.upper()} {ATTACK}" for name in FIELDS}
ISSUER = Issuer(name=V["org_name"], line=V["org_line"], contact=V["org_contact"], logo=logo_png())


def hostile_sheets() -> list[Sheet]:
    return [
        StatementSheet(
            V["alias"],
            DAY,
            (V["answer1"], V["answer2"], V["answer3"], V["answer4"]),
            occasion=V["occasion"],
            issuer=ISSUER,
        ),
        GoalsSheet(
            V["alias"],
            DAY,
            (Goal(V["goal"], V["first_step"], V["help_from"], V["when"], why=V["why"]),),
            issuer=ISSUER,
        ),
        SafetySheet(
            V["alias"],
            DAY,
            warning_signs=(V["warning_signs"],),
            own_strategies=(V["own_strategies"],),
            distractions=(V["distractions"],),
            people_to_ask=(V["people_to_ask"],),
            professionals=(V["professionals"],),
            safer_surroundings=(V["safer_surroundings"],),
            most_important=V["most_important"],
            issuer=ISSUER,
        ),
        NetworkSheet(
            V["network_alias"],
            DAY,
            (NetworkPerson(V["person"], 2, "friends", V["note"]),),
            issuer=ISSUER,
        ),
        GroupSummary(
            V["group"],
            "Vejen til hverdagslivet",
            DAY,
            3,
            (MeetingSummary(1, "Ankomst", DAY, 120, 100, 3, 0, 0),),
            issuer=ISSUER,
        ),
    ]


class Parsed(HTMLParser):
    """Every start tag with its attributes, and all text (entities decoded, as a browser or
    WeasyPrint reads it)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_only_our_markup(html: str) -> Parsed:
    parsed = Parsed(html)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "iframe", "object", "embed", "link", "base", "a"}, names
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "img":
            assert attrs.get("class") in ("org-logo", "cert-logo")
            assert (attrs.get("src") or "").startswith("data:image/png;base64,")
    assert sum(1 for tag, _ in parsed.tags if tag == "style") == html.count("<style>") == 1
    return parsed


@pytest.mark.parametrize("index", range(5))
def test_every_field_is_text_in_the_html(index: int) -> None:
    sheet = hostile_sheets()[index]
    html = document([build(sheet).html], title=sheet_title(sheet), author=ISSUER.name)
    parsed = assert_only_our_markup(html)
    assert sum(1 for tag, _ in parsed.tags if tag == "img") == 1  # the logo, nothing else
    text = "".join(parsed.text)
    for name in ("org_name", "org_line", "org_contact"):  # on every sheet
        assert V[name] in text, name
    # The template syntax is text, never evaluated; the entity is shown, not decoded.
    assert "{{ 7*7 }}" in text and "&amp;" in text
    assert "onerror=alert(1)>" in text


def test_every_field_of_every_sheet_reaches_the_html_as_text() -> None:
    texts = "".join(
        "".join(Parsed(document([build(s).html], title=sheet_title(s))).text)
        for s in hostile_sheets()
    )
    for name, value in V.items():
        assert value in texts, name


@pytest.fixture(scope="module")
def printed(out_dir: Path) -> Path:
    result = export_sheets(
        hostile_sheets(), folder(out_dir, "injection"), one_file=True, title=V["group"]
    )
    (path,) = result.paths
    return path


def test_every_field_prints_literally(printed: Path) -> None:
    text = pdf_text(printed)
    for name, value in V.items():
        assert squash(value) in text, name
    assert "49" not in text  # {{ 7*7 }} was never evaluated


def test_metadata_holds_the_typed_text_literally(printed: Path) -> None:
    metadata = pypdf.PdfReader(printed).metadata
    assert metadata is not None
    assert metadata.title == V["group"]
    assert metadata.author == V["org_name"]
