"""The statement editor, through Pilot, on a real store on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import TextArea

from peertui.content import load_library
from peertui.store import SaveFailed, open_store
from peertui.ui.app import PeerTUI
from peertui.ui.screens.statement import ANSWER_LIMIT, StatementScreen
from tests.helpers import notified, visible_text, wait_until

LIBRARY = load_library()


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, str, list[str]]:
    data = tmp_path / "data"
    with open_store(data) as store:
        group = store.create_group(
            "Gruppen", "vejen-til-hverdagslivet", ["Anne"], date(2026, 9, 1), date(2027, 9, 1)
        )
        ids = [
            store.add_participant(group.id, alias, consents=consents).id
            for alias, consents in (
                ("Maja", ["taking_part", "store_statement"]),
                ("Ali", ["taking_part", "store_statement"]),
                ("Henrik", ["taking_part"]),  # no consent to store his words
            )
        ]
    return data, group.id, ids


async def open_editor(app: PeerTUI, pilot, group_id: str, pid: str) -> StatementScreen:  # type: ignore[no-untyped-def]
    screen = StatementScreen(group_id, pid)
    screen.autosaver.delay = 0.01  # the same timer, just quicker for the tests
    app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


async def type_into(pilot, screen: StatementScreen, index: int, text: str) -> None:  # type: ignore[no-untyped-def]
    area = screen.query_one(f"#prompt-{index}", TextArea)
    area.focus()
    area.move_cursor(area.document.end)
    area.insert(text)
    # Wait for the autosave to have run, however busy the machine is (not a fixed time).
    await wait_until(pilot, lambda: screen.autosaver.state != "pending")
    await pilot.pause()


def stored(data: Path, group_id: str, pid: str) -> tuple[str, ...] | None:
    with open_store(data, read_only=True) as store:
        statements = store.statements(group_id, pid)
        return statements[-1].answers if statements else None


async def test_type_each_prompt_restart_and_find_it(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    words = ("Jeg hedder Maja.", "have ro om morgenen", "at sove bedre", "orke at tegne igen")
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        for i, text in enumerate(words, start=1):
            await type_into(pilot, screen, i, text)
        assert screen.autosaver.state == "saved"
        assert "Gemt" in visible_text(app)
    store.close()
    assert stored(data, group_id, maja) == words
    # Restart: a new app on the reopened store shows the words.
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        assert screen.answers() == words
    store.close()


async def test_one_version_per_visit_and_restore(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        await type_into(pilot, screen, 1, "Første udgave")
        await type_into(pilot, screen, 1, " med flere ord")  # same visit: same version
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_editor(app, pilot, group_id, maja)
        area = screen.query_one("#prompt-1", TextArea)
        area.text = ""
        await type_into(pilot, screen, 1, "Anden udgave")
        statement = store.statements(group_id, maja)[-1]
        assert [v.answers[0] for v in statement.versions] == [
            "Første udgave med flere ord",
            "Anden udgave",
        ]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Tidligere udgaver" in visible_text(app)
        await pilot.press("down", "enter")  # the older one
        await pilot.pause()
        await pilot.pause()
        assert screen.answers()[0] == "Første udgave med flere ord"
    statement = store.statements(group_id, maja)[-1]
    assert [v.answers[0] for v in statement.versions] == [
        "Første udgave med flere ord",
        "Anden udgave",
        "Første udgave med flere ord",
    ]
    store.close()


@pytest.mark.parametrize(
    "text",
    [
        "[bold]fed[/bold] [/] [@click=app.quit]klik[/] [link=https://example.org]x[/link]",
        "<script>alert(1)</script> **ikke fed** # ikke en overskrift",
        "æøå ÆØÅ 🙂🌱 مرحبا שלום\tmed\ttabulator",
    ],
    ids=["markup", "html-and-markdown", "unicode-rtl-tabs"],
)
async def test_text_is_stored_and_shown_exactly(seeded, text: str) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        await type_into(pilot, screen, 2, text)
        await pilot.pause()
        assert app.is_running  # [@click=app.quit] did not quit
        assert screen.answers()[1] == text
        # The history list and view show it literally too.
        await pilot.press("ctrl+r")
        await pilot.pause()
        if "[" in text:
            assert "[bold]fed[/bold]" in visible_text(app)
        await pilot.press("escape")
    assert stored(data, group_id, maja)[1] == text  # type: ignore[index]
    store.close()


async def test_huge_paste_is_cut_with_a_message(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        area = screen.query_one("#prompt-3", TextArea)
        area.focus()
        area.post_message(events.Paste("ord " * 25_000))  # 100,000 characters
        await pilot.pause(0.1)
        await pilot.pause()
        assert len(area.text) == ANSWER_LIMIT
        assert notified(app, "skåret ned til")
    assert len(stored(data, group_id, maja)[2]) == ANSWER_LIMIT  # type: ignore[index]
    store.close()


async def test_control_characters_are_removed_with_a_notice(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        await type_into(pilot, screen, 1, "før\x07\x1b[31mefter\x00")
        assert screen.answers()[0] == "før[31mefter"
        assert notified(app, "styretegn")
    store.close()


async def test_switching_participants_never_mixes_their_words(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    order = [p.id for p in store.participants(group_id)]
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, order[0])
        await type_into(pilot, screen, 1, "ord fra den første")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.participant_id == order[1]
        assert screen.answers() == ("", "", "", "")
        await type_into(pilot, screen, 1, "ord fra den anden")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.participant_id == order[0]
        assert screen.answers()[0] == "ord fra den første"
    first, second = stored(data, group_id, order[0]), stored(data, group_id, order[1])
    assert first is not None and first[0] == "ord fra den første"
    assert second is not None and second[0] == "ord fra den anden"
    assert {maja, ali} <= set(order)
    store.close()


async def test_without_consent_nothing_is_saved_and_it_says_why(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (_maja, _ali, henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, henrik)
        assert "ikke givet samtykke" in visible_text(app)
        area = screen.query_one("#prompt-1", TextArea)
        assert area.read_only
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert stored(data, group_id, henrik) is None
    store.close()


async def test_full_disk_marks_not_saved_keeps_text_and_recovers(
    seeded, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise SaveFailed("groups/x.json", "disk_full", "ENOSPC")

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        monkeypatch.setattr(store, "create_statement", full)
        await type_into(pilot, screen, 1, "vigtige ord")
        assert screen.autosaver.state == "failed"
        assert "IKKE GEMT" in visible_text(app)
        await pilot.press("escape")  # leaving is refused once, with a warning
        await pilot.pause()
        assert app.screen is screen
        assert screen.answers()[0] == "vigtige ord"
        monkeypatch.undo()
        await type_into(pilot, screen, 1, "!")
        assert screen.autosaver.state == "saved"
    assert stored(data, group_id, maja) == ("vigtige ord!", "", "", "")
    store.close()


async def test_on_the_wall_only_after_confirmation_and_gone_with_one_key(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        await type_into(pilot, screen, 1, "Mine egne ord")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")  # "Nej" has the focus: nothing is shown
        await pilot.pause()
        assert app.wall_shared is None
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Ja", chosen on purpose
        await pilot.pause()
        assert app.wall_shared is not None
        assert "Mine egne ord" in app.wall_shared.text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.wall_shared is None
    store.close()


async def test_digital_copy_size_is_shown_to_those_who_want_one(seeded) -> None:  # type: ignore[no-untyped-def]
    data, group_id, (maja, ali, _henrik) = seeded
    store = open_store(data)
    store.give_consent(group_id, maja, "digital_copy")
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        assert "Digital kopi:" in visible_text(app)
        await type_into(pilot, screen, 3, "ord " * 300)
        assert "for lang" in visible_text(app)
        app.pop_screen()
        await pilot.pause()
        await open_editor(app, pilot, group_id, ali)  # no consent to a digital copy
        assert "Digital kopi:" not in visible_text(app)
    store.close()


async def test_words_saved_from_a_phone_meanwhile_are_never_overwritten(seeded) -> None:  # type: ignore[no-untyped-def]
    """The editor is open on Maja's statement while her phone saves a version of its own
    (#19): the console's next save becomes a new version, and the phone's words stay."""
    data, group_id, (maja, _ali, _henrik) = seeded
    store = open_store(data)
    app = PeerTUI(LIBRARY, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(app, pilot, group_id, maja)
        await type_into(pilot, screen, 1, "Fra konsollen")
        (statement,) = store.statements(group_id, maja)
        store.new_statement_version(group_id, statement.id, ["Fra telefonen", "", "", ""])
        await type_into(pilot, screen, 1, " og lidt mere")
        (statement,) = store.statements(group_id, maja)
        assert [v.answers[0] for v in statement.versions] == [
            "Fra konsollen",
            "Fra telefonen",
            "Fra konsollen og lidt mere",
        ]
    store.close()
