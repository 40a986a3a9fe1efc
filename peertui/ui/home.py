"""The home screen: the courses on the left, the guide pages on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui.content import Library
from peertui.strings import t

if TYPE_CHECKING:
    from peertui.ui.app import PeerTUI


class HomeScreen(Screen[None]):
    """Lists the courses and the guide pages."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        if self.library.errors:
            yield Static(
                Content(t("home.content_problems", errors=len(self.library.errors))),
                id="content-problems",
                classes="notice",
            )
        with Horizontal(id="home"):
            with Vertical(classes="panel"):
                yield Static(Content(t("home.courses")), classes="panel-title")
                courses = [
                    Option(
                        Content.assemble(
                            (course.title, "bold"),
                            "\n",
                            t("home.meetings_count", count=len(course.meetings)),
                        ),
                        id=f"course:{course.id}",
                    )
                    for course in self.library.courses
                ]
                if courses:
                    yield OptionList(*courses, id="courses")
                else:
                    yield Static(Content(t("home.empty_courses")), classes="empty")
            with Vertical(classes="panel"):
                yield Static(Content(t("home.guide")), classes="panel-title")
                pages = [
                    Option(Content(page.title), id=f"page:{page.id}")
                    for page in self.library.sorted_pages()
                ]
                if pages:
                    yield OptionList(*pages, id="guide")
                else:
                    yield Static(Content(t("home.empty_guide")), classes="empty")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, target = (event.option_id or "").partition(":")
        app = cast("PeerTUI", self.app)
        if kind == "course":
            app.action_open_course(target)
        elif kind == "page":
            app.action_open_guide(target)
