"""Meeting training: one scenario stepped through as the room watches "from the sideline".

The main part is what the room sees (and, with a wall window attached, what the wall shows):
the scene, who is in the room, the beats so far, and a calm "Pause" at pause points. The side
panel is for the trainer only and is never sent to the wall: every reflection question of the
pause point and the scene's notes. With one window (the console is on the projector) the side
panel starts hidden, as the runner's notes do; `n` shows it.

While a scenario is open it holds the wall (as a shared statement does), so a meeting running
underneath keeps its clock but does not take the wall back until the scenario is left; then the
wall shows what it showed before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Footer, Static

from peertui.content import Scenario
from peertui.i18n import N_, _
from peertui.scenario_run import ScenarioRun
from peertui.ui.base import PeerScreen
from peertui.ui.messages import WallShared
from peertui.ui.screens.course import unwrap
from peertui.ui.widgets.scenario_beats import BeatsView
from peertui.wall import WallState, wall_state_for_scenario

if TYPE_CHECKING:
    pass


class ScenarioScreen(PeerScreen[None]):
    """Steps through ``scenario``. ``wall_name`` is what the wall's calm screens show."""

    BINDINGS = [
        # Priority: the arrows and a presenter remote's page keys step, even when the side
        # panel has focus (up/down still scroll it).
        Binding(
            "space,right,pagedown",
            "next_beat",
            N_("Next"),
            key_display="→",
            priority=True,
        ),
        Binding(
            "left,backspace,pageup",
            "previous_beat",
            N_("Previous"),
            key_display="←",
            priority=True,
            show=False,  # in the help panel (?) and the palette: the footer keeps to the rest
        ),
        Binding("p", "toggle_pause", N_("Pause")),
        Binding("s", "question", N_("Question")),
        Binding("n", "toggle_side", N_("Notes")),
        Binding("escape", "leave", N_("Back")),
    ]

    show_side: reactive[bool] = reactive(False)

    def __init__(self, scenario: Scenario, *, wall_name: str = "") -> None:
        super().__init__()
        self.scenario = scenario
        self.run = ScenarioRun(scenario)
        self.wall_name = wall_name or _("Meeting practice")
        #: What the wall held on purpose before (a shared statement), to give it back.
        self._shared_before: WallState | None = None
        self._holding_wall = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="scenario-top"):
            yield Static(Content(self.scenario.title), id="scenario-title")
            yield Static(id="scenario-progress")
        with Horizontal(id="scenario-body"):
            with Vertical(id="scenario-main"):
                yield Static(id="scenario-scene")
                yield BeatsView(id="scenario-beats")
                with Vertical(id="scenario-pause"):
                    yield Static(
                        Content(_("Pause – let us talk together")), id="scenario-pause-title"
                    )
                    yield Static(id="scenario-question")
                yield Static(id="scenario-flag", classes="dim")
            with VerticalScroll(id="scenario-side"):
                yield Static(Content(_("Only on your screen")), id="scenario-side-title")
                yield Static(id="scenario-side-questions")
                yield Static(id="scenario-side-notes")
                yield Static(id="scenario-side-about")
        yield Footer()

    async def on_mount(self) -> None:
        app = self.peertui
        # With a wall window attached the console is the trainer's own screen: the side panel
        # is shown. With one window the console is on the projector: hidden until `n`.
        self.show_side = bool(getattr(app, "wall_attached", False))
        self.watch_show_side(self.show_side)
        self._shared_before = getattr(app, "wall_shared", None)
        self._holding_wall = True
        await self.refresh_view()

    def on_unmount(self) -> None:
        self.release_wall()

    # ------------------------------------------------------------------ drawing

    async def refresh_view(self) -> None:
        run = self.run
        position = run.position()
        scene = position.scene
        self.query_one("#scenario-progress", Static).update(
            Content(
                _(
                    "Scene {scene} of {scenes}  ·  step {beat} of {beats}",
                    scene=position.scene_number,
                    scenes=position.scene_count,
                    beat=position.beat_number,
                    beats=position.beat_count,
                )
            )
        )
        room = _("In the room: {who}", who=", ".join(scene.who))
        if scene.where:
            room = f"{room}  ·  {scene.where}"
        self.query_one("#scenario-scene", Static).update(
            Content.assemble((scene.title, "bold"), "\n", (room, "dim"))
        )
        await self.query_one("#scenario-beats", BeatsView).show(
            [(line.kind, line.speaker or "", line.text) for line in run.revealed()]
        )
        self.set_class(run.paused, "-paused")
        self.query_one("#scenario-question", Static).update(Content(run.shown_question or ""))
        self.query_one("#scenario-flag", Static).update(Content(self._flag()))
        self._refresh_side()
        self.publish()

    def _flag(self) -> str:
        run = self.run
        if run.paused and run.pause_point is not None:
            return (
                _("Pause. Press p to continue, s for a question on the wall.")
                if self.show_side
                else _("Pause. Press p to continue, n for questions and notes.")
            )
        if run.paused:
            return _("Paused. Press p to continue.")
        if run.is_last:
            return _("That was the last step. Press Esc to go back.")
        return ""

    def _refresh_side(self) -> None:
        run = self.run
        point = run.upcoming_pause()
        if point is None:
            questions = Content.assemble(
                (_("Questions for the room"), "bold"),
                "\n",
                (_("No pause in the rest of the scene."), "dim"),
            )
        else:
            here = point is run.pause_point
            parts: list[str | tuple[str, str] | Content] = [
                (_("Questions for the room") if here else _("Questions at the next pause"), "bold")
            ]
            for i, question in enumerate(point.questions):
                on_wall = here and run.paused and run.question == i
                parts.append(f"\n▶ {i + 1}. " if on_wall else f"\n{i + 1}. ")
                parts.append((question, "bold") if on_wall else question)
                if on_wall:
                    parts.append(("  (" + _("on the wall") + ")", "dim"))
            if here and run.paused:
                parts.append(
                    ("\n" + _("Press s to show one question at a time on the wall."), "dim")
                )
            questions = Content.assemble(*parts)
        self.query_one("#scenario-side-questions", Static).update(questions)
        notes = run.scene.notes
        self.query_one("#scenario-side-notes", Static).update(
            Content.assemble(
                (_("Notes for the scene"), "bold"),
                "\n",
                unwrap(notes) if notes else (_("No notes for this scene."), "dim"),
            )
        )
        about = self.scenario.description
        about_widget = self.query_one("#scenario-side-about", Static)
        about_widget.display = bool(about)
        about_widget.update(Content.assemble((_("About the meeting"), "bold"), "\n", unwrap(about)))

    # ------------------------------------------------------------------ the wall

    def publish(self) -> None:
        """The room's view goes to the wall (if one is attached): never the side panel."""
        if not self._holding_wall:
            return
        self.app.post_message(WallShared(wall_state_for_scenario(self.run, self.wall_name)))

    def release_wall(self) -> None:
        """Give the wall back to what it showed before the scenario."""
        if not self._holding_wall:
            return
        self._holding_wall = False
        self.app.post_message(WallShared(self._shared_before))

    # ------------------------------------------------------------------ actions

    async def action_next_beat(self) -> None:
        run = self.run
        if run.paused:
            self.notify(_("It is paused. Press p to continue."))
            return
        if run.next():
            await self.refresh_view()
        elif run.is_last:
            self.notify(_("That was the last step. Press Esc to go back."))

    async def action_previous_beat(self) -> None:
        if self.run.back():
            await self.refresh_view()

    async def action_toggle_pause(self) -> None:
        self.run.toggle_pause()
        await self.refresh_view()

    async def action_question(self) -> None:
        run = self.run
        if not run.paused or run.pause_point is None:
            self.notify(_("Questions can be shown on the wall at a pause point."))
            return
        # No toast: the room view shows the question, the side panel marks it.
        run.next_question()
        await self.refresh_view()

    def action_toggle_side(self) -> None:
        self.toggle_private("show_side", _("the trainer's questions and notes"))

    def action_leave(self) -> None:
        self.release_wall()
        self.dismiss()

    # ------------------------------------------------------------------ watchers

    def watch_show_side(self, show: bool) -> None:
        self.set_class(show, "-side")
        if self.is_mounted:
            self.query_one("#scenario-flag", Static).update(Content(self._flag()))
