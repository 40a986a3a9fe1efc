"""The peertui Textual app: loads the content, shows the home screen, routes actions."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import SystemCommand
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen

from peertui.i18n import N_, _
from peertui.store.paths import KEY_NAME, resolve_data_dir
from peertui.ui.messages import GroupsChanged, WallChanged, WallsChanged, WallShared
from peertui.ui.screens.home import HomeScreen
from peertui.ui.textual_private import CalmCrashes, registered_themes
from peertui.ui.textual_words import TextualWords
from peertui.ui.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from textual.widgets import Input

    from peertui.content import Library
    from peertui.store import AppStore, Store
    from peertui.ui.phones import Phones
    from peertui.wall import WallServer, WallState

R = TypeVar("R")


class PeerTUI(TextualWords, CalmCrashes):
    """Run peer-support group meetings from a terminal."""

    CSS_PATH = [Path(__file__).with_name("common.tcss"), Path(__file__).with_name("console.tcss")]
    TITLE = "peertui"
    ENABLE_COMMAND_PALETTE = True
    #: Narrow terminals (a projector with a big font) stack panels instead of side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("q", "quit", N_("Quit")),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True),
        Binding("question_mark", "toggle_help", N_("Help"), key_display="?"),
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Commands"),
            show=False,
            priority=True,
            tooltip=N_("Find courses, meetings and guide pages"),
        ),
    ]

    _library: Library | None = None

    @property
    def library(self) -> Library:
        """The content; an empty one until it is read (made when first asked for: the content
        model's classes load after the first frame, which does not need them)."""
        if self._library is None:
            from peertui.content import Library

            self._library = Library()
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        self._library = library

    def __init__(
        self,
        library: Library | None = None,
        data_dir: Path | None = None,
        *,
        content_paths: Sequence[Path] | None = None,
        store: Store | None = None,
        notices: Sequence[str] = (),
        serve_wall: bool = False,
        clock: Callable[[], float] = time.monotonic,
        open_store: bool = False,
    ) -> None:
        super().__init__()
        self.sub_title = _("Peer support in the group")
        #: The courses, guide pages and scenarios. Without one given, the content is read
        #: just after the first frame (markdown-it and the parsing stay off the start-up
        #: path); until then the library is empty and ``content_loaded`` is False.
        self._library = library
        self.content_loaded = library is not None
        self.content_paths = content_paths
        self.data_dir = data_dir
        #: Open the store in ``data_dir`` just after the first frame (start-up stays fast).
        self.open_store_later = open_store and store is None and data_dir is not None
        #: The participants' data; None when the app runs on content only.
        self.store = store
        #: Calm messages for the home screen (read-only folder, retention reminder, damage).
        self.notices = tuple(notices)
        self.serve_wall = serve_wall
        #: The runner's clock (tests pass a fake one).
        self.clock = clock
        self.wall_server: WallServer | None = None
        #: How many walls (`peertui wall` windows) are attached. None attached: this console
        #: may be the only screen, mirrored to the projector, so private things ask first.
        self.walls = 0
        #: One participant's words, shown on the wall on purpose (None: nothing shared).
        self.wall_shared: WallState | None = None
        #: What the runner last put on the wall (None: nothing yet, the wall's idle screen).
        self._wall_underneath: WallState | None = None
        #: Phones (issue #19): off until the facilitator turns them on (peertui/ui/phones.py).
        self.phones: Phones | None = None

    #: The projector theme from the first frame on (see ``get_css_variables``).
    theme: Reactive[str] = Reactive(DEFAULT_THEME)

    def get_css_variables(self) -> dict[str, str]:
        # Textual builds the stylesheet inside App.__init__, before a subclass could register
        # its themes; registering them here, first, saves parsing all CSS twice at start-up.
        registered = registered_themes(self)
        if registered is not None:
            for theme in THEMES:
                if theme.name not in registered:
                    self.register_theme(theme)
        return super().get_css_variables()

    # ------------------------------------------------------------------ the wall

    @property
    def protected(self) -> bool:
        """Is the store still to be opened in a protected data folder (``key.json``)? Then
        the passphrase screen comes first. (A plain check: pyrage and PyNaCl load only
        once a passphrase has been typed.)"""
        import os

        return (
            self.open_store_later
            and self.data_dir is not None
            and os.path.lexists(self.data_dir / KEY_NAME)
        )

    async def on_mount(self) -> None:
        if self.protected:
            # Before anything of the data could be shown: nothing is read until it is right.
            from peertui.ui.screens.unlock import UnlockScreen  # only for a protected folder

            assert self.data_dir is not None
            self.push_screen(UnlockScreen(self.data_dir), self.unlocked)
        self.call_after_refresh(self.start_data)

    def unlocked(self, opened: AppStore | None) -> None:
        """The passphrase opened the store: go on as after opening any store."""
        if opened is None:
            return
        self.open_store_later = False
        self.use_store(opened)
        self.call_after_refresh(self.after_store)

    async def start_data(self) -> None:
        """After the first frame: read the content, open the store, serve the wall, resume a
        meeting."""
        if not self.content_loaded:
            # The content loader and markdown-it load here, after the first frame.
            from peertui.content import load_library

            self.library = load_library(self.content_paths)
            self.content_loaded = True
            self.refresh_home()
        if self.protected:
            return  # the passphrase screen opens the store (``unlocked``)
        if self.open_store_later and self.data_dir is not None:
            self.open_store_later = False
            # TinyDB and msgspec load here, after the first frame: start-up stays fast.
            from peertui.store import StoreError, open_for_app

            try:
                opened = open_for_app(self.data_dir)
            except StoreError as exc:
                # A folder that is not ours, a store from a newer peertui, ...: one calm line.
                from peertui.store.text import clean_line  # after the first frame, as above

                self.exit(return_code=2, message=f"peertui: {clean_line(exc)}")
                return
            self.use_store(opened)
        await self.after_store()

    def use_store(self, opened: AppStore) -> None:
        self.store = opened.store
        self.notices = opened.notices
        # Only the one writer serves the wall; a read-only second copy stays quiet.
        self.serve_wall = self.serve_wall and not opened.read_only
        self.refresh_home()

    async def after_store(self) -> None:
        """Once the store is open (or there is none): serve the wall, resume a meeting."""
        if self.serve_wall and self.data_dir is not None and self.wall_server is None:
            from peertui.wall import WallServer  # the wall's protocol: after the first frame

            server = WallServer(self.data_dir, self.walls_changed)
            try:
                await server.start()
                self.wall_server = server
            except OSError:
                pass  # the wall is optional; the runner works in one window without it
        self.resume_meeting_in_progress()

    def walls_changed(self, walls: int) -> None:
        """A wall attached or went away: say so calmly, and let the screen show it."""
        before, self.walls = self.walls, walls
        if before == 0 and walls > 0:
            self.notify(_("The wall is connected: the group sees the wall, and notes stay here."))
        elif before > 0 and walls == 0:
            self.notify(
                _(
                    "The wall is no longer connected. If the screen is mirrored, peertui "
                    "asks before showing anything private."
                ),
                severity="warning",
            )
        self.screen.post_message(WallsChanged(walls))

    @property
    def wall_attached(self) -> bool:
        """True while at least one wall window shows the room's view."""
        return self.walls > 0

    async def on_unmount(self) -> None:
        if self.phones is not None:
            await self.phones.stop()  # the phones' socket closes with the app
        if self.wall_server is not None:
            await self.wall_server.stop()
        if self.store is not None:
            self.store.close()

    # ------------------------------------------------------------------ typed text

    def on_input_changed(self, event: Input.Changed) -> None:
        """Every one-line field in every form: control characters (pasted from a terminal
        or a web page) leave at once, with a calm notice. The store cleans again at its door
        (``peertui.store.text``), so nothing else can let one through."""
        # The cleaner's regexes (~10 ms) load on the first typed line, not at start-up.
        from peertui.store.text import clean, needs_cleaning

        if needs_cleaning(event.value):
            event.input.value = clean(event.value)
            self.notify(_("Invisible control characters in the text have been removed."))

    # ------------------------------------------------------------------ saving

    def save(self, write: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run one store write. A failure (full disk, read-only folder, bad input) becomes a
        calm message on screen and None; nothing is raised and the caller keeps its text."""
        from peertui.store import StoreError  # the store's modules load after the first frame

        try:
            return write(*args, **kwargs)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return None

    @property
    def writable(self) -> bool:
        return self.store is not None and not self.store.read_only

    def publish_wall(self, state: WallState) -> None:
        """Show ``state`` on every attached wall (nothing happens without one). While a
        participant's words are shared on purpose, they stay until ``stop_sharing``."""
        self._wall_underneath = state
        if self.wall_server is not None and self.wall_shared is None:
            self.wall_server.publish(state)

    def share_on_wall(self, state: WallState) -> None:
        """Show one participant's words on the wall: only after the facilitator confirmed
        that the participant agreed (the editor asks)."""
        self.wall_shared = state
        if self.wall_server is not None:
            self.wall_server.publish(state)

    def stop_sharing(self) -> None:
        self.wall_shared = None
        if self.wall_server is not None:
            from peertui.wall import WallState  # loaded with the server

            underneath = self._wall_underneath
            self.wall_server.publish(WallState() if underneath is None else underneath)

    def on_wall_changed(self, message: WallChanged) -> None:
        self.publish_wall(message.state)

    def on_wall_shared(self, message: WallShared) -> None:
        if message.state is None:
            self.stop_sharing()
        else:
            self.share_on_wall(message.state)

    def on_groups_changed(self, message: GroupsChanged) -> None:
        """The current screen shows groups anew (the home screen refreshes itself whenever
        it comes back to the front)."""
        self.screen.post_message(GroupsChanged())

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    # ------------------------------------------------------------------ actions

    def action_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_open_course(self, course_id: str) -> None:
        course = self.library.course(course_id)
        if course is None:
            return
        from peertui.ui.screens.course import CourseScreen  # loaded when opened: fast start-up

        self.push_screen(CourseScreen(course))

    def action_open_meeting(self, course_id: str, number: int) -> None:
        course = self.library.course(course_id)
        meeting = course.meeting(number) if course else None
        if course is None or meeting is None:
            return
        from peertui.ui.screens.meeting import MeetingScreen  # loaded when opened: fast start-up

        self.push_screen(MeetingScreen(course, meeting))

    def action_open_group(self, group_id: str) -> None:
        if self.store is None:
            return
        from peertui.ui.screens.group import GroupScreen  # loaded when opened: fast start-up

        self.push_screen(GroupScreen(group_id))

    def action_new_group(self) -> None:
        if self.store is None:
            return
        if self.store.read_only:
            self.notify(
                _("peertui is open read-only: you can look, but not save."), severity="warning"
            )
            return
        from peertui.ui.dialogs.group_form import GroupForm  # loaded when opened: fast start-up

        def created(group_id: str | None) -> None:
            if group_id:
                self.refresh_home()
                self.action_open_group(group_id)

        self.push_screen(GroupForm(self.library), created)

    def action_organisation(self) -> None:
        """The organisation's profile on every sheet and certificate (read-only: shown only)."""
        if self.store is None:
            return
        from peertui.ui.screens.settings import OrganisationScreen  # loaded when opened

        if not isinstance(self.screen, OrganisationScreen):
            self.push_screen(OrganisationScreen())

    def resume_meeting_in_progress(self) -> None:
        """After a quit or a crash mid-meeting: straight back into it, paused, and say so."""
        store = self.store
        if store is None or store.read_only:
            return
        waiting = [g for g in store.groups() if store.run_state(g.id) is not None]
        if len(waiting) != 1:
            return  # none, or several: the facilitators choose on the group page
        from peertui.ui.screens.group import GroupScreen  # loaded when opened: fast start-up

        screen = GroupScreen(waiting[0].id)
        self.push_screen(screen)
        self.call_after_refresh(screen.action_resume_meeting)

    def refresh_home(self) -> None:
        """Groups changed (or the store opened): whatever lists them shows them anew."""
        self.screen.post_message(GroupsChanged())

    def action_open_guide(self, page_id: str) -> None:
        page = self.library.page(page_id)
        if page is None:
            self.notify(_("The page '{id}' does not exist.", id=page_id), severity="warning")
            return
        from peertui.ui.screens.guide import GuideScreen  # loaded when opened: fast start-up

        self.push_screen(GuideScreen(page))

    def action_meeting_training(self) -> None:
        """Meeting training: choose any scenario and step through it (on the wall, if any)."""
        # loaded when opened: keeps start-up fast
        from peertui.ui.dialogs.scenario_picker import ScenarioPicker, training_order

        scenarios = training_order(list(self.library.scenarios.values()))
        if not scenarios:
            self.notify(_("There are no meetings for meeting practice."), severity="warning")
            return
        self.push_screen(ScenarioPicker(scenarios), self.action_open_scenario)

    def action_open_scenario(self, scenario_id: str | None, wall_name: str = "") -> None:
        if not scenario_id:
            return
        scenario = self.library.scenario(scenario_id)
        if scenario is None:
            self.notify(
                _("The meeting '{id}' does not exist.", id=scenario_id),
                severity="warning",
                markup=False,
            )
            return
        from peertui.ui.screens.scenario import ScenarioScreen  # loaded when opened: fast start-up

        self.push_screen(ScenarioScreen(scenario, wall_name=wall_name))

    def action_toggle_help(self) -> None:
        """`?`: the keys of this screen, in a panel beside it (again to hide)."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # ------------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Every key of the current screen is also a command, so nothing needs remembering.
        seen: set[str] = {"command_palette", "quit", "toggle_help"}
        # Only our own keys: Textual's built-in ones (focus, copy, a list's cursor) are in
        # English and not what a facilitator looks for.
        own = {
            b.action
            for b in (*getattr(type(screen), "BINDINGS", []), *type(self).BINDINGS)
            if isinstance(b, Binding)
        }
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if active.node not in (screen, self) or binding.action not in own:
                continue
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            key_name = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                _("Key: {key}", key=key_name or key),
                partial(active.node.run_action, binding.action),
            )
        # Danish versions of Textual's own commands. Textual's "Screenshot" command is left
        # out on purpose: it would write whatever is on screen (participants' words) to a file.
        yield SystemCommand(_("Help"), _("Show the keys on this screen"), self.action_toggle_help)
        yield SystemCommand(
            _("Go to the home page"), _("The list of courses and guide pages"), self.action_home
        )
        if self.store is not None:
            for group in self.store.groups():
                yield SystemCommand(
                    _("Open group: {name}", name=group.name),
                    _("Participants, attendance and meetings"),
                    partial(self.action_open_group, group.id),
                )
            # Each log put off with "Senere" (the group page loads when the palette opens).
            from peertui.ui.screens.group import waiting_log_commands

            yield from waiting_log_commands(self)
            yield SystemCommand(
                _("New group"), _("Create a group for a course"), self.action_new_group
            )
            if "organisation" not in seen:  # on the home screen it is listed with its key
                yield SystemCommand(
                    _("Organisation"),
                    _("Name, website, signatures and logo on all sheets and course certificates"),
                    self.action_organisation,
                )
        for course in self.library.courses:
            yield SystemCommand(
                _("Open course: {title}", title=course.title),
                course.description,
                partial(self.action_open_course, course.id),
            )
            for meeting in course.meetings:
                yield SystemCommand(
                    _("Open meeting: {course} – {title}", course=course.title, title=meeting.title),
                    _("{minutes} min", minutes=meeting.minutes),
                    partial(self.action_open_meeting, course.id, meeting.number),
                    discover=False,
                )
        for page in self.library.sorted_pages():
            yield SystemCommand(
                _("Open guide: {title}", title=page.title),
                ", ".join(page.tags),
                partial(self.action_open_guide, page.id),
            )
        if self.library.scenarios:
            yield SystemCommand(
                _("Meeting practice"),
                _("Watch a meeting from the sidelines, with pauses and questions"),
                self.action_meeting_training,
            )
        yield SystemCommand(
            _("Change colour theme"),
            _("Choose colours that suit the screen or the projector"),
            self.action_change_theme,
        )
        yield SystemCommand(_("Quit peertui"), _("Close the program"), self.action_quit)


def run_app(content_paths: Sequence[str] | None = None, data_dir: str | None = None) -> int:
    paths = [Path(p) for p in content_paths] if content_paths else None
    app = PeerTUI(
        content_paths=paths, data_dir=resolve_data_dir(data_dir), serve_wall=True, open_store=True
    )
    # What is loaded by now (Textual, peertui's modules) lives as long as the program. Out of
    # the garbage collector's sight, the full collection that fell on the first frame (about
    # 20 ms here, docs/performance.md) no longer walks it.
    gc.freeze()
    app.run()
    return app.return_code or 0
