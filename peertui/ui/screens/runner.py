"""The runner: the meeting on the projector, block by block, with a calm countdown.

What the wall sees: the current block's participant text (up to the current reveal step),
its countdown and the meeting's clock. Facilitator notes stay in a separate panel that is
off by default; `b` blanks everything to the group's name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from peertui import labels
from peertui.content import Course, Meeting
from peertui.i18n import N_, _
from peertui.runner import (
    Clock,
    MeetingRun,
    WallClock,
    format_clock,
    format_hours,
    format_time_of_day,
    link_text_only,
    local_now,
)
from peertui.ui.base import ConfirmDialog, PeerScreen
from peertui.ui.messages import PhonesChanged, WallChanged, WallsChanged
from peertui.ui.screens.course import meeting_label
from peertui.ui.screens.guide import safe_markdown_parser
from peertui.ui.textual_private import Footer
from peertui.ui.widgets.big_clock import BigClock
from peertui.ui.widgets.quiet import show
from peertui.wall import WallState, wall_state_for_run

PHASE_CLASSES = ("-normal", "-warn", "-urgent", "-over")
#: One parser for every block: Textual's Markdown calls its factory on each update, and a new
#: parser costs more than parsing a block's few lines. Parsing only reads it (markdown-it keeps
#: each parse's state apart), so the runner and the wall share it.
shared_markdown_parser = cache(safe_markdown_parser)
#: The part of the screen's height the break's timer takes (the block's takes 20%).
BREAK_CLOCK_SHARE = 0.3
#: How often the clocks on screen are brought up to date.
TICK_SECONDS = 0.25
#: How often a running meeting's state is kept even when nobody presses a key.
SAVE_EVERY_SECONDS = 30
#: Block titles in the runner's agenda are cut to this many characters (one line each).
AGENDA_TITLE_WIDTH = 24


def shorten(text: str, width: int = AGENDA_TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def minutes_text(seconds: float) -> str:
    """A whole number of minutes, for the meeting clock ("3 min")."""
    return _("{minutes} min", minutes=round(abs(seconds) / 60))


class RunnerScreen(PeerScreen[None]):
    """Runs one meeting. ``on_change`` receives the run's state after every change (for
    resuming after a restart); ``on_end`` receives the finished run."""

    # The footer shows the keys in this order, and a narrow screen (a projector's big font)
    # cuts it from the right: next, end, blank and notes first, then `?`, which lists every
    # key. `←` is left out of the footer (`→` is there; `?` lists it).
    BINDINGS = [
        # Priority: the arrows and a presenter remote's page keys move through the meeting,
        # even when the text panel has focus (up/down still scroll it).
        Binding("right,pagedown", "next_block", N_("Next"), key_display="→", priority=True),
        Binding("e", "end_meeting", N_("End the meeting")),
        Binding("b", "blank", N_("Dark screen")),
        Binding("n", "toggle_notes", N_("Notes")),
        Binding("question_mark", "toggle_help", N_("Help"), key_display="?"),
        # Meeting training: only offered (and in the footer) where the block has scenarios.
        Binding("m", "scenarios", N_("Meeting practice")),
        Binding("space", "toggle_pause", N_("Pause/continue")),
        Binding("r", "reveal_next", N_("Show more")),
        Binding(
            "left,pageup",
            "previous_block",
            N_("Previous"),
            key_display="←",
            priority=True,
            show=False,
        ),
        Binding("shift+r", "reveal_previous", N_("Show less"), show=False),
        Binding("plus,equals_sign", "add_minute", N_("+1 min")),
        Binding("minus", "remove_minute", N_("-1 min")),
        Binding("d", "participants", N_("Participants")),
        # Phones (issue #19): on for this group's meeting, then their panel.
        Binding("t", "phones", N_("Phones")),
        Binding("escape", "leave", N_("Back")),
    ]

    DEFAULT_CSS = """
    /* Narrow: the footer's room goes to the meeting's keys (Ctrl+P still opens the palette). */
    RunnerScreen.-narrow FooterKey.-command-palette {
        display: none;
    }
    #blank-hint {
        dock: bottom;
        width: 100%;
        text-align: center;
        color: $text-muted;
        text-style: dim;
    }
    """

    show_notes: reactive[bool] = reactive(False)
    blanked: reactive[bool] = reactive(False)

    def __init__(
        self,
        course: Course,
        meeting: Meeting,
        *,
        group_name: str = "",
        state: dict[str, Any] | None = None,
        clock: Clock = time.monotonic,
        now: WallClock = local_now,
        on_change: Callable[[dict[str, Any]], None] | None = None,
        on_end: Callable[[MeetingRun], None] | None = None,
        carry_over: str = "",
        group_id: str | None = None,
    ) -> None:
        super().__init__()
        #: The group whose meeting this is (None: a meeting run without a group).
        self.group_id = group_id
        self.course = course
        self.meeting = meeting
        self.group_name = group_name
        #: What a blank or idle screen shows: the group's name, or else the course's title.
        self.wall_name = group_name or course.title
        self.resumed = state is not None
        self.run = (
            MeetingRun.restore(meeting, state, clock, now)
            if state
            else MeetingRun(meeting, clock, now)
        )
        self.on_change = on_change
        self.on_end = on_end
        self.carry_over = carry_over
        self._shown: tuple[Any, ...] = ()
        # What the screen shows now, so that a key redraws only what it changes.
        self._text: str | None = None
        self._markers: dict[int, str] = {}
        self._has_scenarios: bool | None = None
        #: A key's save waits for its frame (see ``_changed_after_frame``).
        self._save_pending = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="runner-top"):
            yield Static(id="runner-title")
            yield Static(id="meeting-clock")
        with Horizontal(id="runner"):
            with Vertical(id="runner-agenda"):
                blocks = OptionList(id="runner-blocks")
                # The arrow keys belong to the meeting (next/previous block), not to the
                # list; a click on a block still jumps to it.
                blocks.can_focus = False
                yield blocks
                # One screen or two, for the facilitator (beside the room's part).
                yield Static(id="wall-status", classes="dim")
                # While phones are on: how many wait and how many write (issue #19).
                yield Static(id="phones-status", classes="notice")
            # What the room reads when the screen is mirrored, as on the wall: the title, the
            # timer in digits that grow with the screen, the text in a centred reading column.
            # (A container aligns its children as one group: each centred one gets a Center.)
            with Vertical(id="runner-main"):
                with Vertical(id="block-head"):
                    yield Static(id="runner-block-title")
                    with Center():
                        yield BigClock("00:00", id="countdown")
                yield Static(id="paused-flag")
                with Center(id="runner-text-column"), VerticalScroll(id="runner-text-scroll"):
                    yield Markdown(
                        id="runner-text", open_links=False, parser_factory=shared_markdown_parser
                    )
                yield Static(id="step-flag", classes="dim")
            with Vertical(id="break-view"):
                yield Static(Content(_("Break")), id="break-title")
                with Center():
                    yield BigClock("00:00", id="break-countdown", share=BREAK_CLOCK_SHARE)
                with Center():
                    yield Static(id="break-text")
        with VerticalScroll(id="runner-notes"):
            yield Static(Content(_("Notes for the facilitators")), classes="panel-title")
            yield Static(id="runner-notes-text")
        with Vertical(id="blank-view"):
            yield Static(Content(self.wall_name), id="blank-name")
            yield Static(Content(_("b or Esc shows the meeting again")), id="blank-hint")
        yield Footer()

    def on_mount(self) -> None:
        blocks = self.query_one("#runner-blocks", OptionList)
        blocks.add_options(
            Option(Content(block.title), id=str(i)) for i, block in enumerate(self.meeting.blocks)
        )
        self.watch_show_notes(self.show_notes)
        self.watch_blanked(self.blanked)
        self.show_wall_status()
        self.show_phones_status()
        self.refresh_block()
        self.refresh_clock()
        self.set_interval(TICK_SECONDS, self.refresh_clock)
        # While the clock runs, keep its state every half minute too, so a crash between
        # key presses loses at most that much of the block's time.
        self.set_interval(SAVE_EVERY_SECONDS, self._save_while_running)
        if not self.resumed and not self.run.started:
            self.run.start()
            self._changed()

    # ------------------------------------------------------------------ drawing

    def refresh_block(self) -> None:
        """Everything that changes when the block or reveal step changes. Only what changed is
        redrawn (docs/performance.md): the wall is told first, so it draws while we do."""
        run = self.run
        block = run.block
        self.publish()
        show(
            self.query_one("#runner-title", Static),
            Content.assemble(
                (self.group_name + "  ·  " if self.group_name else "", "dim"),
                (meeting_label(self.meeting), "bold"),
            ),
        )
        show(
            self.query_one("#runner-block-title", Static),
            Content.assemble(
                (block.title, "bold"),
                "\n",
                (
                    _(labels.KIND[block.kind])
                    + "  ·  "
                    + _("item {number} of {count}", number=run.index + 1, count=len(run.timings)),
                    "dim",
                ),
            ),
        )
        is_break = block.kind == "pause"
        text = "\n\n".join(run.visible_steps())
        if text != self._text and not is_break:
            # A break shows its text in the break view (refresh_clock); the hidden Markdown
            # keeps the block before it, so ← out of the break redraws no text.
            self._text = text
            self.query_one("#runner-text", Markdown).update(text)
        more = run.step_count - run.step - 1
        show(
            self.query_one("#step-flag", Static),
            Content(
                _("There is more: press r ({count} steps left)", count=more) if more > 0 else ""
            ),
        )
        blocks = self.query_one("#runner-blocks", OptionList)
        blocks.highlighted = run.index
        for i, option_block in enumerate(self.meeting.blocks):
            # ✓ only for a block that really ran (a minute), not one passed through.
            marker = "▶" if i == run.index else ("✓" if run.held(i) else " ")
            if self._markers.get(i) == marker:
                continue  # only the old and the new current block change
            self._markers[i] = marker
            prompt = Content.assemble(
                f"{marker} ", (f"{option_block.minutes:>3}  ", "dim"), shorten(option_block.title)
            )
            blocks.replace_option_prompt_at_index(i, prompt)
        # Plain text here: a link shows its text, not its Markdown.
        notes = Content(link_text_only(block.notes) or _("No notes for this item."))
        if self.carry_over:
            # Last meeting's carry-over note: for the facilitators, only in the notes panel.
            notes = Content.assemble(
                (_("From last time:"), "bold"), "\n", self.carry_over, "\n\n", notes
            )
        show(self.query_one("#runner-notes-text", Static), notes)
        if is_break != self.has_class("-break"):
            # Two containers change places; a class on the screen would restyle every widget.
            self.query_one("#runner-main").display = not is_break
            self.query_one("#break-view").display = is_break
            # No CSS depends on it (a marker for tests): without update=False Textual would
            # restyle the screen and every widget in it (about 50 ms a key here).
            self.set_class(is_break, "-break", update=False)
        has_scenarios = bool(block.scenarios)
        if has_scenarios != self._has_scenarios:
            self._has_scenarios = has_scenarios
            self.refresh_bindings()  # "m" (meeting training) only where the block has scenarios
        self._shown = ()
        self.refresh_clock(publish=False)

    def refresh_clock(self, *, publish: bool = True) -> None:
        """The countdowns, their colour and the meeting clock (called every tick). Only what
        changed is redrawn; the wall is told unless ``publish`` is false."""
        run = self.run
        remaining = run.remaining()
        phase = run.phase()
        delta = run.schedule_delta()
        shown = (
            format_clock(remaining),
            phase,
            run.paused,
            int(run.total_elapsed // 60),
            round(delta / 60),
            # A break says when it ends by the time of day, which moves on while paused.
            format_time_of_day(run.resume_time()) if run.block.kind == "pause" else "",
        )
        if shown == self._shown:
            return
        self._shown = shown
        if run.block.kind == "pause":
            show(
                self.query_one("#break-text", Static),
                Content(" ".join(" ".join(run.visible_steps()).split())),
            )
        clock_text = format_clock(remaining)
        for digits_id in ("#countdown", "#break-countdown"):
            digits = self.query_one(digits_id, BigClock)
            digits.update(clock_text)
            for cls in PHASE_CLASSES:
                digits.set_class(cls == f"-{phase}", cls)
        self.query_one("#block-head").set_class(phase == "over", "-over")
        if round(delta / 60) > 0:
            plan = _("{minutes} behind", minutes=minutes_text(delta))
        elif round(delta / 60) < 0:
            plan = _("{minutes} ahead", minutes=minutes_text(delta))
        else:
            plan = _("on plan")
        show(
            self.query_one("#meeting-clock", Static),
            Content(
                _(
                    "Meeting {elapsed} of {planned}  ·  {plan}",
                    elapsed=format_hours(run.total_elapsed),
                    planned=format_hours(run.total_planned),
                    plan=plan,
                )
            ),
        )
        paused_text = ""
        if run.paused:
            paused_text = (
                _("The meeting continues where you left off. The clock is stopped: press space.")
                if self.resumed
                else _("The clock is stopped (paused). Press space to continue.")
            )
        show(self.query_one("#paused-flag", Static), Content(paused_text))
        self.set_class(run.paused, "-paused", update=False)  # a marker: no CSS depends on it
        if publish:
            self.publish()

    def publish(self) -> None:
        """Tell the wall (if one is attached) what the room should see now."""
        self.app.post_message(
            WallChanged(wall_state_for_run(self.run, self.wall_name, blanked=self.blanked))
        )

    def on_unmount(self) -> None:
        self.app.post_message(WallChanged(WallState(mode="idle", group=self.wall_name)))

    def _save_while_running(self) -> None:
        if not self.run.paused:
            self._changed()

    def _changed(self) -> None:
        self._save_pending = False
        if self.on_change is not None:
            self.on_change(self.run.snapshot())

    def _changed_after_frame(self) -> None:
        """Keep the run's state once the screen shows the change: the save (a write and an
        fsync) then does not hold up the frame the facilitator waits for. A save made in
        between (``_changed``) makes this one unneeded, so a later state is never overwritten
        by an earlier one and an ended meeting is never saved again."""
        if self.on_change is None:
            return
        self._save_pending = True
        self.call_after_refresh(self._save_if_pending)

    def _save_if_pending(self) -> None:
        if self._save_pending:
            self._changed()

    # ------------------------------------------------------------------ actions

    def action_toggle_pause(self) -> None:
        self.resumed = False  # the "resumed" hint has done its job
        self.run.toggle_pause()
        self._changed()
        self.refresh_clock()

    def action_next_block(self) -> None:
        if self.run.next_block():
            self.refresh_block()
            self._changed_after_frame()
        elif self.run.is_last:
            self.notify(_("This is the last item. Press e to end the meeting."))

    def action_previous_block(self) -> None:
        if self.run.previous_block():
            self.refresh_block()
            self._changed_after_frame()

    def action_reveal_next(self) -> None:
        if self.run.reveal_next():
            self.refresh_block()
            self._changed_after_frame()

    def action_reveal_previous(self) -> None:
        if self.run.reveal_previous():
            self.refresh_block()
            self._changed_after_frame()

    def action_add_minute(self) -> None:
        self.run.adjust_minutes(+1)
        self._changed()
        self.refresh_clock()

    def action_remove_minute(self) -> None:
        self.run.adjust_minutes(-1)
        self._changed()
        self.refresh_clock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("participants", "phones"):
            return self.group_id is not None
        if action == "scenarios":
            return bool(self.run.block.scenarios)
        return True

    def action_scenarios(self) -> None:
        """Meeting training: pick one of this block's scenarios. The meeting's clock keeps
        running underneath (it is the same meeting); the scenario holds the wall until Esc."""
        library = self.peertui.library
        scenarios = [
            scenario
            for scenario in map(library.scenario, self.run.block.scenarios)
            if scenario is not None
        ]
        if not scenarios:
            self.notify(_("There are no meetings for meeting practice."))
            return
        # Loaded when opened: `peertui wall` imports this module, and starts fast without them.
        from peertui.ui.dialogs.scenario_picker import ScenarioPicker
        from peertui.ui.screens.scenario import ScenarioScreen

        def chosen(scenario_id: str | None) -> None:
            scenario = library.scenario(scenario_id) if scenario_id else None
            if scenario is not None:
                self.app.push_screen(ScenarioScreen(scenario, wall_name=self.wall_name))

        self.app.push_screen(
            ScenarioPicker(scenarios, _("Meeting practice in this item: choose a meeting")), chosen
        )

    def action_participants(self) -> None:
        """A participant's statement, on the console only (the wall keeps the meeting)."""
        store = self.peertui.store
        if self.group_id is None or store is None:
            return
        # Loaded when opened, as above (the wall imports this module).
        from peertui.ui.dialogs.participant_picker import ParticipantPicker
        from peertui.ui.screens.statement import StatementScreen

        group_id = self.group_id

        def chosen(participant_id: str | None) -> None:
            if participant_id:
                self.app.push_screen(StatementScreen(group_id, participant_id))

        self.show_private(
            _("the list of participants"),
            lambda: self.app.push_screen(ParticipantPicker(store.participants(group_id)), chosen),
        )

    def action_blank(self) -> None:
        self.blanked = not self.blanked

    def show_wall_status(self) -> None:
        """Whether a wall is attached: with one, the room reads the wall and notes stay here;
        without, this screen may be the room's, so private things ask first."""
        attached = bool(getattr(self.app, "wall_attached", False))
        self.query_one("#wall-status", Static).update(
            Content(
                _("Wall connected: the group sees the wall. Notes stay here.")
                if attached
                else _(
                    "No wall: if the group can see this screen, notes and participants ask first."
                )
            )
        )

    def on_walls_changed(self, message: WallsChanged) -> None:
        self.show_wall_status()

    def on_screen_resume(self) -> None:
        self.show_wall_status()  # a wall may have come or gone while a dialog was open
        self.show_phones_status()

    def show_phones_status(self) -> None:
        phones = self.peertui.phones
        line = phones.status_line() if phones is not None else ""
        status = self.query_one("#phones-status", Static)
        status.display = bool(line)
        show(status, Content(line))

    def on_phones_changed(self, message: PhonesChanged) -> None:
        self.show_phones_status()

    def action_phones(self) -> None:
        """`t`: turn phones on for this group's meeting (choosing the address first), or,
        once they are on, their panel."""
        from peertui.ui.phones import open_phones  # loaded when asked (the wall imports us)

        open_phones(self, self.group_id, self.group_name)

    def action_toggle_notes(self) -> None:
        """`n`: the facilitators' notes and last time's carry-over (with no wall, asked first:
        this screen may be what the room sees)."""
        self.toggle_private("show_notes", _("the notes for the facilitators"))

    def action_end_meeting(self) -> None:
        """`e` asks first ("Nej" focused, Esc is no): a stray key never ends the meeting.
        The clock keeps running while the question is open."""

        def answered(end: bool | None) -> None:
            if end:
                self.end_meeting()

        self.app.push_screen(
            ConfirmDialog(_("End the meeting now? If it was a mistake, you can reopen it today.")),
            answered,
        )

    def end_meeting(self) -> None:
        self.run.pause()
        self._changed()
        if self.peertui.phones is not None:
            from peertui.ui.phones import meeting_ended  # loaded only once phones were used

            meeting_ended(self.peertui, self.group_id)
        if self.on_end is not None:
            self.on_end(self.run)
        else:
            self.dismiss()

    def action_toggle_help(self) -> None:
        """`?` (early in the footer, so a narrow screen still shows it): every key."""
        self.peertui.action_toggle_help()

    def action_leave(self) -> None:
        """Back to the previous screen. The run's state is kept (see ``on_change``)."""
        if self.blanked:
            self.blanked = False
            return
        self.run.pause()
        self._changed()
        self.dismiss()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is not None and self.run.go_to(int(event.option_id)):
            self.refresh_block()
            self._changed_after_frame()

    # ------------------------------------------------------------------ watchers

    def watch_show_notes(self, show: bool) -> None:
        self.query_one("#runner-notes").display = show

    def watch_blanked(self, blanked: bool) -> None:
        self.set_class(blanked, "-blanked")
        if self.is_mounted:
            self.publish()
