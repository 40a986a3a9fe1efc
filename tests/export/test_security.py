"""User text cannot become markup, fetch anything, open a connection or embed a file.

Two walls, each tested on its own: (1) every user text is escaped (Jinja2's autoescape), so it
prints literally and WeasyPrint is never even asked for a URL; (2) the fetcher serves only our
font files (and a logo the exporter registered), so even raw HTML that asks for files, web
pages, data: URLs or attachments gets nothing.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from markupsafe import Markup

from peertui.export import (
    Goal,
    GoalsSheet,
    GroupSummary,
    MeetingSummary,
    NetworkPerson,
    NetworkSheet,
    SafetySheet,
    StatementSheet,
    export_sheets,
)
from peertui.export import pdf as pdf_module
from peertui.export.sheets import document
from tests.export.conftest import DAY, LINK, folder, pdf_text, squash


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it gets."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


# A 1x1 PNG.
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJ"
    "RU5ErkJggg=="
)


def injections(port: int) -> list[str]:
    return [
        '<img src="file:///etc/passwd">',
        f'<link rel=stylesheet href="http://127.0.0.1:{port}/x.css">',
        "<script>document.write('x')</script>",
        "</body></html><p>efter body</p>",
        "<style>body { display: none } .answer { color: red }</style>",
        f"@import url(http://127.0.0.1:{port}/y.css); "
        f"p {{ background: url(https://127.0.0.1:{port}/z) }}",
        '<a rel="attachment" href="file:///etc/hostname">vedhæft</a>',
        f'<img src="data:image/png;base64,{PNG}">',
        f'<svg><image href="http://127.0.0.1:{port}/i.png"/></svg>',
        '"><iframe src="https://example.org"></iframe>&amp;&lt;',
    ]


class Recorder:
    """Records every Renderer the exporter makes, and any socket connection attempt."""

    def __init__(self) -> None:
        self.renderers: list[pdf_module.Renderer] = []
        self.connects: list[object] = []


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    record = Recorder()
    patch = pytest.MonkeyPatch()
    original_init = pdf_module.Renderer.__init__

    def init(self: pdf_module.Renderer) -> None:
        original_init(self)
        record.renderers.append(self)

    def no_connect(_sock: socket.socket, address: object) -> None:
        record.connects.append(address)
        raise OSError("peertui tests: no network")

    def no_create_connection(address: object, *args: object, **kwargs: object) -> None:
        record.connects.append(address)
        raise OSError("peertui tests: no network")

    patch.setattr(pdf_module.Renderer, "__init__", init)
    patch.setattr(socket.socket, "connect", no_connect)
    patch.setattr(socket.socket, "connect_ex", no_connect)
    patch.setattr(socket, "create_connection", no_create_connection)
    yield record
    patch.undo()


@pytest.fixture(scope="module")
def hostile(out_dir: Path, listener: Listener, recorder: Recorder) -> tuple[Path, list[str]]:
    """Every kind of sheet, with the hostile texts in every field a user can type."""
    texts = injections(listener.port)
    a, b, c, d = texts[0:4]
    sheets = [
        StatementSheet(texts[4], DAY, (a, b, c, d), LINK, occasion=texts[5]),
        StatementSheet("Mia", DAY, tuple(texts[6:10]), LINK, digital_copy=False),  # type: ignore[arg-type]
        GoalsSheet(texts[9], DAY, (Goal(texts[0], texts[1], texts[2], texts[6]),), LINK),
        SafetySheet(
            "Ole",
            DAY,
            warning_signs=(texts[0],),
            own_strategies=(texts[1],),
            distractions=(texts[2],),
            people_to_ask=(texts[3],),
            professionals=(texts[4],),
            safer_surroundings=(texts[5], texts[6]),
            most_important=texts[7],
            link=LINK,
        ),
        NetworkSheet(
            texts[8],
            DAY,
            (NetworkPerson(texts[6], 1, "family", texts[0]), NetworkPerson(texts[1], 3, "online")),
            LINK,
        ),
        GroupSummary(texts[3], texts[4], DAY, 5, (MeetingSummary(1, texts[6], date(2025, 3, 4)),)),
    ]
    result = export_sheets(sheets, folder(out_dir, "hostile"), one_file=True)
    (path,) = result.paths
    return path, texts


def test_hostile_text_prints_literally(hostile: tuple[Path, list[str]]) -> None:
    path, texts = hostile
    text = pdf_text(path)
    for hostile_text in texts:
        assert squash(hostile_text) in text, hostile_text[:40]


def test_nothing_was_fetched_and_no_connection_was_opened(
    hostile: tuple[Path, list[str]], listener: Listener, recorder: Recorder
) -> None:
    (renderer,) = recorder.renderers
    fetcher = renderer.fetcher
    assert fetcher.refused == []  # escaped text never even reaches the fetcher
    assert set(fetcher.served) <= set(pdf_module.asset_urls())
    assert recorder.connects == []
    assert listener.connections == 0


def test_no_file_is_embedded(hostile: tuple[Path, list[str]]) -> None:
    path, _ = hostile
    reader = pypdf.PdfReader(path)
    assert reader.attachments == {}
    data = path.read_bytes()
    assert b"/EmbeddedFile" not in data
    assert b"/FileAttachment" not in data
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"


def test_pdf_title_is_the_group_name_literally(hostile: tuple[Path, list[str]]) -> None:
    """One file of a batch is titled by the group's name (here, from the summary): as text,
    exactly as typed, and nothing else from the sheets is in the metadata."""
    path, texts = hostile
    metadata = pypdf.PdfReader(path).metadata or {}
    assert metadata.get("/Title") == texts[3]
    assert "/Author" not in metadata  # no organisation: no author
    for key, value in metadata.items():
        if key != "/Title":
            assert "<" not in str(value), key


# --- the second wall: raw HTML straight into the renderer -----------------------------------


@pytest.fixture(scope="module")
def raw(listener: Listener, recorder: Recorder) -> tuple[bytes, pdf_module.Renderer]:
    """HTML that our code never makes (user text is always escaped), to prove the fetcher
    alone refuses files, web addresses, data: URLs and attachments. Marked as Markup here on
    purpose: ``document`` escapes anything that is not."""
    port = listener.port
    body = (
        '<img src="file:///etc/passwd">'
        f'<link rel=stylesheet href="http://127.0.0.1:{port}/x.css">'
        f'<img src="https://127.0.0.1:{port}/y.png">'
        f'<img src="data:image/png;base64,{PNG}">'
        '<a rel="attachment" href="file:///etc/hostname">vedhæftet</a>'
        f'<p style="background: url(http://127.0.0.1:{port}/z.png)">tekst</p>'
    )
    renderer = pdf_module.Renderer()
    return renderer.pdf(document([Markup(body)])), renderer


def test_document_escapes_a_plain_string() -> None:
    html = document(['<img src="file:///etc/passwd">'])
    assert "<img" not in html.split("<body>", 1)[1]
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html


def test_fetcher_refuses_everything_but_our_fonts(
    raw: tuple[bytes, pdf_module.Renderer], listener: Listener, recorder: Recorder
) -> None:
    _, renderer = raw
    refused = renderer.fetcher.refused
    assert "file:///etc/passwd" in refused
    assert "file:///etc/hostname" in refused
    assert any(url.startswith("http://127.0.0.1") for url in refused)
    assert any(url.startswith("https://127.0.0.1") for url in refused)
    assert any(url.startswith("data:") for url in refused)
    assert set(renderer.fetcher.served) <= set(pdf_module.asset_urls())
    assert recorder.connects == []
    assert listener.connections == 0


def test_raw_attachment_link_embeds_nothing(raw: tuple[bytes, pdf_module.Renderer]) -> None:
    data, _ = raw
    assert b"/EmbeddedFile" not in data
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_bytes().strip()) >= 4:
        assert hostname.read_bytes().strip() not in data


def test_fetcher_unit() -> None:
    fetcher = pdf_module.fetcher_class()(pdf_module.asset_urls())
    font_url = next(iter(pdf_module.asset_urls()))
    response = fetcher.fetch(font_url)
    assert response.read()[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
    for url in (
        "file:///etc/passwd",
        font_url + "/../../../../etc/passwd",
        font_url.replace("file://", "http://"),
        "https://example.org/",
        "data:text/plain,hej",
        "ftp://example.org/x",
    ):
        with pytest.raises(pdf_module.RefusedURL) as caught:
            fetcher.fetch(url)
        assert url not in str(caught.value)
    with pytest.raises(pdf_module.RefusedURL):
        fetcher.open("http://example.org/")
