"""`peertui wall`: the projector window. Shows only what the console sends it.

It never opens the store and never writes anything: it reads states from the console's
socket (see :mod:`peertui.wall`). Without a console it shows a calm waiting screen; when the
console quits or crashes it falls back to a calm screen with the group's name.
"""

from __future__ import annotations

import gc
from pathlib import Path
from urllib.parse import urlsplit

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Markdown, Static

from peertui.i18n import N_, _
from peertui.ui.screens.runner import PHASE_CLASSES, shared_markdown_parser
from peertui.ui.textual_words import DanishBindings, TextualWords
from peertui.ui.themes import DEFAULT_THEME, THEMES
from peertui.ui.widgets.big_clock import BigClock
from peertui.ui.widgets.qr import QrCode
from peertui.ui.widgets.quiet import show as show_text
from peertui.ui.widgets.scenario_beats import BeatsView
from peertui.wall import WallClient, WallState, join_url, scenario_beats

#: The part of the wall's height the timer takes: 3 rows at 20 rows, 5 at 24-30, 8 at 40,
#: 10 at 45, 15 at 70.
WALL_CLOCK_SHARE = 0.24
#: In a break the timer is nearly all there is: it takes more.
WALL_BREAK_SHARE = 0.35
#: Above this many rows a room's back row cannot read the wall: the wall says so once.
BIG_TEXT_ROWS = 30
#: How long that hint stays (seconds).
HINT_SECONDS = 20

#: What each mode shows. Changing modes switches these containers' ``display``; a class on the
#: screen would make Textual restyle every widget (docs/performance.md).
MODE_VIEWS: dict[str, tuple[str, ...]] = {
    "waiting": ("#wall-calm", "#wall-calm-note"),
    "idle": ("#wall-calm",),
    "blank": ("#wall-calm",),
    "block": ("#wall-block",),
    "shared": ("#wall-shared",),
    "break": ("#wall-break",),
    "scenario": ("#wall-scenario",),
    "join": ("#wall-join",),
}
VIEWS = sorted({view for views in MODE_VIEWS.values() for view in views})


class WallScreen(DanishBindings, Screen[None]):
    """The wall's one screen: its keys are described in the user's language."""


class WallApp(TextualWords):
    """The wall. Its Textual words (ctrl+c's "how to quit") are in the user's language too."""

    CSS_PATH = [Path(__file__).with_name("common.tcss"), Path(__file__).with_name("wall.tcss")]
    TITLE = "peertui"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    #: From 36 rows the wall breathes: more space around the title, timer and text.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = [
        Binding("q", "quit", N_("Quit")),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True),
    ]

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.state = WallState()
        self.connected = False
        self.ever_connected = False
        #: The last group name the console sent: the calm screens keep showing it.
        self.group = ""
        #: Why the wall cannot attach, in one line ("" while all is well).
        self.problem = ""
        #: Whether the wall has said how to make the text bigger (it says so once).
        self.hinted = False
        self._text = ""
        #: The mode on screen (its containers shown), and whether a scenario is at a pause.
        self.shown_mode = ""
        self.scenario_paused = False
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        return WallScreen(id="_default")

    def compose(self) -> ComposeResult:
        # (A container aligns its children as one group: each centred one gets a Center.)
        with Vertical(id="wall-calm"):
            yield Static(id="wall-calm-title")
            with Center():
                yield Static(id="wall-calm-help")
        # For the facilitator, small at the bottom: why the wall waits, if it does.
        yield Static(id="wall-calm-note")
        # The room reads it from the back: the title, the timer in big digits, then the text
        # in a centred reading column.
        with Vertical(id="wall-block"):
            yield Static(id="wall-title")
            with Center():
                yield BigClock("", id="wall-countdown", share=WALL_CLOCK_SHARE)
            yield Static(id="wall-paused")
            with Center(id="wall-text-column"), VerticalScroll(id="wall-text-scroll"):
                yield Markdown(
                    id="wall-text", open_links=False, parser_factory=shared_markdown_parser
                )
            yield Static(id="wall-clock", classes="dim")
        with VerticalScroll(id="wall-shared"):
            yield Static(id="wall-shared-title")
            yield Static(id="wall-shared-text")
        with Vertical(id="wall-break"):
            yield Static(Content(_("Break")), id="wall-break-title")
            with Center():
                yield BigClock("", id="wall-break-countdown", share=WALL_BREAK_SHARE)
            with Center():
                yield Static(id="wall-break-text")
        # Meeting training: the scene so far, or the calm pause (and one chosen question).
        with Vertical(id="wall-scenario"):
            yield Static(id="wall-scenario-head")
            yield BeatsView(id="wall-scenario-beats")
            with Vertical(id="wall-scenario-pause"):
                yield Static(
                    Content(_("Pause – let us talk together")), id="wall-scenario-pause-title"
                )
                yield Static(id="wall-scenario-question")
        # Phones (issue #19): the address as a QR code, in large text, and how to join.
        with Vertical(id="wall-join"):
            yield Static(id="wall-join-title")
            with Center():
                yield QrCode(id="wall-join-qr")
            with Center():
                yield Digits(id="wall-join-address")
            yield Static(id="wall-join-url")
            with Center():
                yield Static(id="wall-join-text")

    def on_mount(self) -> None:
        self.show()
        self.hint_bigger_text(self.size.height)
        client = WallClient(
            self.data_dir, self.receive, self.connection, on_unreachable=self.unreachable
        )
        self.run_worker(client.run(), exclusive=True, group="wall-client")

    # ------------------------------------------------------------------ from the console

    def receive(self, state: WallState) -> None:
        self.state = state
        if state.group:
            self.group = state.group  # kept for the calm screens, even after the console quit
        self.show()

    def connection(self, connected: bool) -> None:
        self.connected = connected
        if connected:
            self.ever_connected = True
            self.problem = ""
        else:
            # The console is gone: forget whatever it showed, keep only the group's name.
            self.state = WallState(mode="idle", group=self.group)
        self.show()

    def unreachable(self) -> None:
        """The wall can never attach (see :class:`WallClient`): say so in one line."""
        self.problem = _(
            "The wall cannot connect: the data folder's path is too long, and "
            "there is no private folder to use instead (see docs/projector.md)."
        )
        self.show()

    # ------------------------------------------------------------------ the room's size

    def on_resize(self, event: events.Resize) -> None:
        self.hint_bigger_text(event.size.height)  # (self.size is updated after this handler)

    def hint_bigger_text(self, rows: int) -> None:
        """Once, calmly: a wall of many rows is too small to read from the back of a room."""
        if self.hinted or rows <= BIG_TEXT_ROWS:
            return
        self.hinted = True
        self.notify(
            _(
                "The wall has {rows} rows, and the letters are small. Make the text "
                "bigger with Ctrl and + (in most terminals): about 24 rows can be read "
                "from 6 metres.",
                rows=rows,
            ),
            timeout=HINT_SECONDS,
        )

    # ------------------------------------------------------------------ drawing

    def show(self) -> None:
        if not self.screen_stack or not self.is_running:
            return  # still starting, or already closing
        state = self.state
        mode = state.mode if self.connected else "waiting"
        if mode != self.shown_mode:
            self.shown_mode = mode
            for view in VIEWS:
                self.query_one(view).display = view in MODE_VIEWS.get(mode, ())
        calm_title = self.query_one("#wall-calm-title", Static)
        calm_help = self.query_one("#wall-calm-help", Static)
        calm_note = self.query_one("#wall-calm-note", Static)
        # The room sees the group's name and a calm line; the facilitator a small note below.
        note = ""
        if mode == "waiting" and not self.ever_connected and not self.group:
            show_text(calm_title, Content(_("Waiting for peertui …")))
            show_text(
                calm_help,
                Content(
                    _(
                        "Start peertui in another window on this "
                        "computer. The wall connects by itself."
                    )
                ),
            )
        elif mode == "waiting":
            show_text(calm_title, Content(self.group or _("Welcome")))
            show_text(calm_help, Content(_("The screen will be back in a moment.")))
            note = _("The wall is waiting for peertui and will connect again.")
        elif mode == "idle":
            show_text(calm_title, Content(self.group or _("Welcome")))
            show_text(calm_help, Content(_("Good that you are here.")))
        elif mode == "blank":
            show_text(calm_title, Content(self.group or _("Welcome")))
            show_text(calm_help, "")
        if mode == "waiting" and self.problem:
            note = self.problem
        show_text(calm_note, Content(note))
        show_text(
            self.query_one("#wall-title", Static),
            Content.assemble((state.title, "bold"), "\n", (state.subtitle, "dim")),
        )
        for digits_id in ("#wall-countdown", "#wall-break-countdown"):
            digits = self.query_one(digits_id, BigClock)
            digits.update(state.countdown)
            for cls in PHASE_CLASSES:
                digits.set_class(cls == f"-{state.phase}", cls)
        show_text(
            self.query_one("#wall-paused", Static),
            Content(_("Clock paused") if state.paused else ""),
        )
        show_text(self.query_one("#wall-clock", Static), Content(state.meeting_clock))
        # A participant's own words: shown exactly as written, never as Markdown or markup.
        show_text(
            self.query_one("#wall-shared-title", Static),
            Content.assemble((state.title, "bold"), "  ", (state.subtitle, "dim")),
        )
        show_text(
            self.query_one("#wall-shared-text", Static),
            Content(state.text if state.mode == "shared" else ""),
        )
        if mode == "scenario":
            self.show_scenario(state)
        if mode == "join":
            self.show_join(state)
        # Each text only where it is seen: the block's Markdown in a block, the break's line
        # in a break (a hidden Markdown would mount its blocks for nothing, and ← out of a
        # break finds the block's text still there).
        if mode == "block" and state.text != self._text:
            self._text = state.text
            self.query_one("#wall-text", Markdown).update(state.text)
        if mode == "break":
            show_text(
                self.query_one("#wall-break-text", Static), Content(" ".join(state.text.split()))
            )

    def show_join(self, state: WallState) -> None:
        """The address phones open: a QR code any phone camera reads, the address in large
        text for typing it in, and one line of instructions."""
        url = join_url(state)
        show_text(self.query_one("#wall-join-title", Static), Content(state.title))
        self.query_one("#wall-join-qr", QrCode).show_data(url)
        address = urlsplit(url).netloc
        digits = self.query_one("#wall-join-address", Digits)
        if digits.value != address:
            digits.update(address)
        show_text(self.query_one("#wall-join-url", Static), Content(url))
        show_text(self.query_one("#wall-join-text", Static), Content(state.text))

    def show_scenario(self, state: WallState) -> None:
        """A scenario's scene so far; at a pause only the calm pause and the chosen question."""
        room = _("In the room: {who}", who=state.extra.get("who", ""))
        if state.extra.get("where"):
            room = f"{room}  ·  {state.extra['where']}"
        show_text(
            self.query_one("#wall-scenario-head", Static),
            Content.assemble(
                (state.title, "bold"), "\n", (state.subtitle, "bold"), "\n", (room, "dim")
            ),
        )
        if state.paused != self.scenario_paused:
            self.scenario_paused = state.paused
            self.query_one("#wall-scenario-beats").display = not state.paused
            self.query_one("#wall-scenario-pause").display = state.paused
        show_text(
            self.query_one("#wall-scenario-question", Static),
            Content(state.text if state.paused else ""),
        )
        # Beats are mounted in order: one state's beats after the one before.
        beats = self.query_one("#wall-scenario-beats", BeatsView)
        self.call_later(beats.show, scenario_beats(state))


def run_wall(data_dir: Path) -> int:
    app = WallApp(data_dir)
    gc.freeze()  # as in peertui.ui.app.run_app: no full collection on the first frame
    app.run()
    return app.return_code or 0
