"""The phone page: served with a strict Content-Security-Policy and the other headers on
every answer, no cookies, no external resource, nothing stored in the browser, and its words
from the catalogs."""

from __future__ import annotations

import json
import re

import pytest

from peertui.phones.server import SECURITY_HEADERS, STATIC, page_words, render_page

from .client import PhoneClient
from .conftest import Room

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


async def test_every_answer_has_the_headers_and_no_cookie(room: Room) -> None:
    url = room.server.url
    answers = []
    for path in ("", "phone.css", "phone.js", "nacl.js", "nothing-here", "../etc/passwd"):
        async with room.session.get(url + path) as response:
            answers.append((response.status, dict(response.headers)))
    async with room.session.get(url, headers={"Host": "wrong.test"}) as response:
        answers.append((response.status, dict(response.headers)))
    async with room.session.put(url) as response:
        answers.append((response.status, dict(response.headers)))
    client = PhoneClient(room.session, url)
    answer = await client.hello()
    answers.append((answer.status, answer.headers))
    assert [status for status, _ in answers] == [200, 200, 200, 200, 404, 404, 421, 405, 200]
    for _status, headers in answers:
        assert headers["Content-Security-Policy"] == CSP
        assert headers["Cache-Control"] == "no-store"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "Set-Cookie" not in headers
        assert "aiohttp" not in headers.get("Server", "")
    assert SECURITY_HEADERS["Content-Security-Policy"] == CSP


async def test_page_references_no_external_url(room: Room) -> None:
    texts = []
    for path in ("", "phone.css", "phone.js"):
        async with room.session.get(room.server.url + path) as response:
            texts.append(await response.text())
    page = texts[0]
    for text in texts:
        assert not re.search(r"(?i)\b(https?:|wss?:|ftp:|data:)|//[a-z0-9]", text.replace(
            "http://www.w3.org", ""))  # fmt: skip
        assert "@import" not in text and "url(" not in text
    # only the page's own files, by absolute path on this server
    assert sorted(re.findall(r'(?:src|href)="([^"]*)"', page)) == [
        "/nacl.js", "/phone.css", "/phone.js"
    ]  # fmt: skip
    assert "<script>" not in page  # no inline script: the CSP would refuse it anyway


def test_the_page_stores_nothing_in_the_browser() -> None:
    script = (STATIC / "phone.js").read_text(encoding="utf-8")
    for storage in ("localStorage", "sessionStorage", "indexedDB", "document.cookie",
                    "caches.", "serviceWorker", "innerHTML", "outerHTML", "eval(",
                    "new Function", "insertAdjacentHTML", "document.write"):  # fmt: skip
        assert storage not in script


def test_every_element_the_script_uses_is_on_the_page() -> None:
    script = (STATIC / "phone.js").read_text(encoding="utf-8")
    page = render_page()
    ids = set(re.findall(r'el\("([a-z]+(?:-[a-z]+)*)"\)', script))
    ids |= {"connecting", "pairing", "writing", "ended"}  # the views, shown by name
    ids |= {f"{kind}-{i}" for kind in ("answer", "title", "guidance") for i in range(1, 5)}
    for element in ids:
        assert f'id="{element}"' in page, element


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_words_come_from_the_catalogs(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERTUI_LANG", lang)
    page = render_page()
    assert f'<html lang="{lang}">' in page
    blob = re.search(r'<script id="words" type="application/json">(.*?)</script>', page, re.S)
    assert blob is not None
    words = json.loads(blob.group(1))
    assert words == page_words()
    assert "{time}" in words["saved"] and "{why}" in words["not_saved_why"]
    if lang == "en":
        assert words["wait"] == "Wait until the facilitator has said yes"
