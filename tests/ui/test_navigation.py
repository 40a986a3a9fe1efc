"""Open a course, a meeting and a guide page, follow a link, use the command palette."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Markdown, OptionList, Static

from peertui.content import load_library
from peertui.ui.app import PeerTUI
from peertui.ui.screens.course import CourseScreen
from peertui.ui.screens.guide import GuideScreen
from peertui.ui.screens.home import HomeScreen
from peertui.ui.screens.meeting import MeetingScreen
from tests.helpers import say_yes, visible_text

from ..content.helpers import make_tree


def builtin_app() -> PeerTUI:
    return PeerTUI(load_library())


async def test_home_lists_courses_and_guide_pages() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        courses = app.screen.query_one("#courses", OptionList)
        guide = app.screen.query_one("#guide", OptionList)
        assert courses.option_count == 2  # the group course and the training day
        assert guide.option_count >= 7
        text = visible_text(app)
        assert "Vejen til hverdagslivet" in text
        assert "Personligt statement" in text
        assert "Hjælp i en krise" in text


async def test_open_course_then_meeting_and_toggle_notes() -> None:
    app = builtin_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the highlighted course
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        assert "Introduktion" in visible_text(app)
        await pilot.press("down", "enter")  # meeting 1
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting.number == 1
        table = screen.query_one("#agenda", DataTable)
        assert table.row_count == len(screen.meeting.blocks)
        first = screen.meeting.blocks[0]
        assert first.notes
        note_line = first.notes.splitlines()[0][:30]
        # Notes are off by default: nothing of them on screen.
        assert not screen.query_one("#notes").display
        assert note_line not in visible_text(app)
        await pilot.press("n")
        await say_yes(pilot)  # no wall: the room may see this screen, so it asks first
        assert screen.query_one("#notes").display
        assert note_line in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert note_line not in visible_text(app)
        # Moving through the agenda shows each block.
        await pilot.press("down")
        await pilot.pause()
        assert screen.block_index == 1
        title = screen.query_one("#block-title", Static).render()
        assert screen.meeting.blocks[1].title in str(title)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_guide_page_follows_link_to_another_page(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    app = PeerTUI(load_library([sessions, content]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_open_guide("side-a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GuideScreen)
        assert screen.page.id == "side-a"
        markdown = screen.query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "guide:side-b"))
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.page.id == "side-b"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.page.id == "side-a"


async def test_clicking_a_guide_link_with_the_mouse() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.action_open_guide("tryghedsplan")
        await pilot.pause()
        await pilot.pause()
        # Find the on-screen position of the link text to hjaelp-i-krise and click it.
        target = app.library.pages["tryghedsplan"]
        assert "guide:hjaelp-i-krise" in target.body
        clicked = False
        for y, line in enumerate(visible_text(app).splitlines()):
            for label in ("Hjælp i en krise", "hjælp i en krise"):
                x = line.find(label)
                if x >= 0:
                    await pilot.click(offset=(x + 1, y))
                    await pilot.pause()
                    clicked = True
                    break
            if clicked:
                break
        assert clicked, "link text not on screen"
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.page.id == "hjaelp-i-krise"


async def test_web_links_are_not_opened() -> None:
    app = builtin_app()
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_open_guide("personligt-statement")
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org/x"))
        await pilot.pause()
        assert opened == []
        assert isinstance(app.screen, GuideScreen)


async def test_command_palette_opens_a_guide_page() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tryghedsplan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.page.id == "tryghedsplan"


async def test_command_palette_opens_a_meeting() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"livshistorier")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting.number == 7


async def test_q_quits() -> None:
    app = builtin_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_broken_content_shows_a_calm_notice(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    (content / "side-b.md").write_text("ingen front matter", encoding="utf-8")
    app = PeerTUI(load_library([sessions, content]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "peertui check" in visible_text(app)


async def test_follow_a_link_with_the_keyboard() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_open_guide("tryghedsplan")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        text = visible_text(app)
        assert "Links på siden" in text
        # Choose the link to the crisis page.
        options = app.screen.query_one("#links", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "hjaelp-i-krise" in ids
        for _ in range(ids.index("hjaelp-i-krise")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.page.id == "hjaelp-i-krise"


async def test_links_dialog_closes_with_escape() -> None:
    app = builtin_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_open_guide("tryghedsplan")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.page.id == "tryghedsplan"
