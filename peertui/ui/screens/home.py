"""The home screen: the groups, the courses and the guide pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from peertui.formats import language_name
from peertui.i18n import N_, _, language, ngettext
from peertui.ui.base import SCREENS_CSS, PeerScreen
from peertui.ui.messages import GroupsChanged
from peertui.ui.textual_private import Footer

if TYPE_CHECKING:
    from peertui.content import Library

NEW_GROUP = "new-group"
MEETING_TRAINING = "meeting-training"


def training_option(count: int) -> Option:
    return Option(
        Content.assemble(
            (_("Meeting practice"), "bold"),
            "\n",
            ngettext(
                "{count} meeting seen from the sidelines",
                "{count} meetings seen from the sidelines",
                count,
            ),
        ),
        id=MEETING_TRAINING,
    )


class HomeScreen(PeerScreen[None]):
    """Lists the groups, the courses and the guide pages."""

    #: Its rules are in console.tcss, parsed for the first frame; the other screens' wait
    #: until one of them opens (base.SCREENS_CSS).
    CSS_PATH = None

    BINDINGS = [Binding("o", "organisation", N_("Organisation"))]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The organisation's profile lives in the data folder: no key without a store.
        return action != "organisation" or self.peertui.store is not None

    def action_organisation(self) -> None:
        self.peertui.action_organisation()

    @property
    def library(self) -> Library:
        """The app's content (empty for the moment between the first frame and its loading)."""
        return self.peertui.library

    _shown_loaded = False  # whether the panels were composed with the content read

    def compose(self) -> ComposeResult:
        loaded = self._shown_loaded = self.peertui.content_loaded
        waiting = Static(Content(_("Loading …")), classes="empty")
        yield Header()
        yield Static(id="notices", classes="notice")
        with Horizontal(id="home"):
            if self.peertui.store is not None or self.peertui.data_dir is not None:
                with Vertical(classes="panel", id="groups-panel"):
                    yield Static(Content(_("Groups")), classes="panel-title")
                    yield OptionList(id="groups")
            with Vertical(classes="panel"):
                yield Static(Content(_("Group courses")), classes="panel-title")
                courses = [
                    Option(
                        Content.assemble(
                            (course.title, "bold"),
                            "\n",
                            ngettext("{count} meeting", "{count} meetings", len(course.meetings)),
                        ),
                        id=f"course:{course.id}",
                    )
                    for course in (self.library.courses if loaded else ())
                ]
                if courses:
                    yield OptionList(*courses, id="courses")
                elif not loaded:
                    yield waiting
                else:
                    yield Static(
                        Content(
                            _(
                                "There are no courses. Put a course in "
                                "sessions/ and run peertui check."
                            )
                        ),
                        classes="empty",
                    )
            with Vertical(classes="panel"):
                yield Static(Content(_("Guide")), classes="panel-title")
                pages = [
                    Option(Content(page.title), id=f"page:{page.id}")
                    for page in (self.library.sorted_pages() if loaded else ())
                ]
                if loaded and self.library.scenarios:
                    # Meeting training: every scenario, one choice away.
                    pages.insert(0, training_option(len(self.library.scenarios)))
                if pages:
                    yield OptionList(*pages, id="guide")
                elif not loaded:
                    yield Static(Content(_("Loading …")), classes="empty")
                else:
                    yield Static(Content(_("There are no guide pages.")), classes="empty")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_notices()
        self.refresh_groups()

    def on_screen_resume(self) -> None:
        """Back at the front: a group may have been made, changed or deleted meanwhile."""
        self.refresh_notices()
        self.refresh_groups()

    async def on_groups_changed(self, message: GroupsChanged) -> None:
        if self._shown_loaded != self.peertui.content_loaded:
            await self.recompose()  # the content has just been read
            for panel in self.query("#groups, #courses"):
                panel.focus()
                break
        self.refresh_notices()
        self.refresh_groups()
        self.refresh_bindings()  # the store may have just opened: its keys appear
        if self.peertui.content_loaded:
            self.call_after_refresh(self.read_other_screens_css)

    def read_other_screens_css(self) -> None:
        """Read the other screens' stylesheet (base.SCREENS_CSS) once the courses are shown,
        as Textual would when the first of them opens: it parses the whole stylesheet again
        and restyles the app (about 50 ms here), better done now than on the first key that
        opens a group (docs/performance.md). Nothing is seen to change."""
        stylesheet = self.app.stylesheet
        unread = [path for path in SCREENS_CSS if not stylesheet.has_source(str(path))]
        if not unread:
            return
        for path in unread:
            stylesheet.read(path)
        stylesheet.reparse()
        stylesheet.update(self.app)

    def refresh_notices(self) -> None:
        notices = list(self.peertui.notices)
        if self.peertui.content_loaded:
            notices.extend(self.content_notices())
        widget = self.query_one("#notices", Static)
        widget.update(Content("\n".join(notices)))
        widget.display = bool(notices)

    def content_notices(self) -> list[str]:
        """What the content itself asks to be said: its errors, its language."""
        notices = []
        if self.library.errors:
            # Only then: peertui.check brings the content loader and markdown-it along.
            from peertui.check import check_command

            command = check_command(self.peertui.content_paths)  # the folders it was opened on
            notices.append(
                _(
                    "The content has {errors} errors. Run '{command}' to see where. "
                    "Courses and pages with errors are shown as well as possible.",
                    errors=len(self.library.errors),
                    command=command,
                )
            )
        others = sorted(self.library.languages() - {language()})
        if others:  # English screens over the built-in Danish courses, say
            notices.append(
                _(
                    "The courses and guide pages are written in {languages}; "
                    "peertui itself speaks {language}.",
                    languages=" / ".join(language_name(code) for code in others),
                    language=language_name(language()),
                )
            )
        return notices

    def refresh_groups(self) -> None:
        store = self.peertui.store
        if store is None or not self.query("#groups"):
            return  # no data folder, or not opened yet
        groups = self.query_one("#groups", OptionList)
        highlighted = groups.highlighted
        groups.clear_options()
        for group in store.groups():
            course = self.library.course(group.course)
            second = course.title if course else group.course
            if group.demo:
                second = f"{second} · " + _("demo")
            groups.add_option(
                Option(Content.assemble((group.name, "bold"), "\n", second), id=f"group:{group.id}")
            )
        if not store.read_only:
            groups.add_option(Option(Content("+ " + _("New group")), id=NEW_GROUP))
        if groups.option_count:
            groups.highlighted = min(highlighted or 0, groups.option_count - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, target = (event.option_id or "").partition(":")
        app = self.peertui
        if event.option_id == NEW_GROUP:
            app.action_new_group()
        elif kind == "group":
            app.action_open_group(target)
        elif kind == "course":
            app.action_open_course(target)
        elif kind == "page":
            app.action_open_guide(target)
        elif event.option_id == MEETING_TRAINING:
            app.action_meeting_training()
