"""Walk every screen and dialog of the app in one language and write down what each shows.

    python -m tests.ui.walk_languages da shown-da.json
    python -m tests.ui.walk_languages en shown-en.json

Module-level words in peertui (key descriptions, labels) are read when peertui is imported,
so each language needs a process of its own: tests/ui/test_languages.py starts this module
once per language and checks the words it wrote. The walk runs the real app (the content and
the store are opened as ``peertui`` opens them) on a temporary data folder, with the working
folder in a temporary folder too (the export and the certificate write there). Danish runs on
the built-in content and the demo data (``peertui demo``); English on the English test content
in ``tests/fixtures/content-en`` and a small English cast (``seed_english``), so that no
Danish course text or participant's words count as leaks. On every screen and dialog the help
panel (``?``) is opened (once for each kind of screen and focused widget), and the words the
screen describes its keys with and the messages (toasts) it showed are written down too. After
the console, the wall (``peertui wall``) is shown each kind of screen the console sent it.

The JSON maps a screen's name to its text; a step that cannot be reached fails the walk (a
message on stderr says which). ``WALK_TIMES=1`` prints how long each screen took.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.helpers import say_yes, visible_text

if TYPE_CHECKING:
    from peertui.store.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-en"
SIZE = (130, 45)
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Cast:
    """Who the walk visits: ids in the data folder and in the content."""

    group: str  # a group course with meetings held, logs, statements and worksheets
    person: str  # in ``group``: every consent, a statement with two versions, all worksheets
    no_consent: str  # in ``group``: no consent to store their words
    training: str  # a training group
    ready: str  # a trainee with enough teaching for the certificate
    not_ready: str  # a trainee without any teaching yet
    course: str  # the group course's id
    guide: str  # a guide page with links to other pages
    meeting: int  # a meeting of ``course`` with a break and notes


# ------------------------------------------------------------------ the data


def seed_danish(store: Store, today: date) -> Cast:
    """The demo data (``peertui demo``): Danish words on the built-in Danish content."""
    from peertui.store import demo

    demo.fill(store, today)
    groups = {g.course: g.id for g in store.groups()}
    group, training = groups[demo.COURSE], groups[demo.TRAINING_COURSE]
    people = {p.alias: p.id for p in store.participants(group)}
    trainees = {p.alias: p.id for p in store.participants(training)}
    return Cast(
        group=group,
        person=people["Maja"],
        no_consent=people["Henrik"],
        training=training,
        ready=trainees["Lene"],
        not_ready=trainees["Peter"],
        course=demo.COURSE,
        guide="personligt-statement",
        meeting=1,
    )


def seed_english(store: Store, today: date) -> Cast:
    """A small English cast on the English test content (the demo's words are Danish)."""
    from peertui.store.schema import (
        BlockLog,
        Goal,
        MeetingLog,
        NetworkMap,
        NetworkPerson,
        PersonalGoals,
        SafetyPlan,
    )

    start = today - timedelta(days=14)
    group = store.create_group(
        "Tuesday group", "road-to-everyday-life", ["Anne", "Karim"], start, start + timedelta(365)
    )
    maya = store.add_participant(
        group.id, "Maya", consents=["taking_part", "store_statement", "printing", "digital_copy"]
    )
    sam = store.add_participant(group.id, "Sam", consents=["taking_part"])
    store.add_participant(group.id, "Alex", consents=["taking_part", "store_statement"])
    for person in store.participants(group.id):
        store.set_attendance(group.id, 0, person.id, "present")
    store.save_meeting_log(
        group.id,
        MeetingLog(
            meeting=0,
            held=start,
            blocks=(
                BlockLog("Welcome", 20, 25),
                BlockLog("What the course is about", 25, 20),
                BlockLog("Check-out", 15, 15),
            ),
            checklist={"plan_followed": True, "everyone_heard": True},
            reflection="A calm start; everyone said a few words.",
            carry_over="Bring the group agreements on paper.",
        ),
    )
    statement = store.create_statement(
        group.id,
        maya.id,
        (
            "My name is Maya. I live with my cat near the harbour.",
            "have a steady week and see my sister.",
            "getting back to work at a pace I can manage.",
            "have energy left for what I love.",
        ),
        occasion="A meeting with the municipality",
    )
    store.new_statement_version(
        group.id,
        statement.id,
        (
            "My name is Maya. I draw, and I live with my cat near the harbour.",
            "have a steady week, see my sister and draw.",
            "finding work with few hours to begin with.",
            "feel that I contribute, and still have energy in the evening.",
        ),
    )
    goals = (Goal("Walk every day", first_step="Walk to the baker in the morning"),)
    store.save_worksheet(group.id, maya.id, PersonalGoals(goals=goals))
    more = (*goals, Goal("Draw again", first_step="Buy a new sketchbook", when="Next meeting"))
    store.save_worksheet(group.id, maya.id, PersonalGoals(goals=more))
    store.save_worksheet(
        group.id,
        maya.id,
        SafetyPlan(
            warning_signs=("I stop drawing",),
            own_strategies=("A walk by the harbour",),
            people_to_ask=("My sister",),
            professionals=("My contact person",),
            most_important="My cat and my sister",
        ),
    )
    store.save_worksheet(
        group.id,
        maya.id,
        NetworkMap(
            people=(
                NetworkPerson("Sister", 1, "family", "Every Sunday"),
                NetworkPerson("Neighbour", 2, "friends", ""),
                NetworkPerson("Drawing class", 3, "leisure", ""),
            )
        ),
    )

    course_day = today - timedelta(days=20)
    retention = today + timedelta(days=300)
    training = store.create_group(
        "Course day", "become-an-inclusion-facilitator", ["Hanne"], course_day, retention
    )
    consents = ["taking_part", "store_statement"]
    lee = store.add_trainee(training.id, "Lee", "Recovery school", "peer", consents=consents)
    pat = store.add_trainee(training.id, "Pat", "Job centre", "staff", consents=consents)
    for days, audience, count, contact in ((5, "citizens", 2, None), (9, "colleagues", 2, True)):
        store.record_teaching(
            training.id,
            lee.id,
            held=course_day + timedelta(days=days),
            audience=audience,
            count=count,
            citizen_contact=contact,
            note="At the monthly meeting",
        )
    store.create_statement(
        training.id,
        lee.id,
        (
            "My name is Lee. I work as a peer.",
            "being asked before others decide.",
            "planning how to tell my manager.",
            "keep my job and look after myself.",
        ),
    )
    return Cast(
        group=group.id,
        person=maya.id,
        no_consent=sam.id,
        training=training.id,
        ready=lee.id,
        not_ready=pat.id,
        course="road-to-everyday-life",
        guide="personal-statement",
        meeting=1,
    )


# ------------------------------------------------------------------ the walk


class Walk:
    """Writes down what each screen shows: the screen, the words its keys are described with,
    the messages (toasts) shown since the last screen, and the screen with the help panel."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.app: Any = pilot.app
        self.shown: dict[str, str] = {}
        self.said: set[int] = set()
        #: (screen, focused widget) kinds whose help panel was written down: the panel lists
        #: the keys of the focused widget and the screen, so once for each is enough.
        self.helped: set[tuple[str, str]] = set()

    async def record(self, name: str, *, with_help: bool = True) -> None:
        """Write down what the screen shows now as ``name``."""
        assert name not in self.shown, f"{name} written down twice"
        app, pilot = self.app, self.pilot
        await pilot.pause()
        plain = visible_text(app)
        parts = [plain]
        for active in app.screen.active_bindings.values():
            parts += [active.binding.description, active.binding.tooltip, active.tooltip]
        for notification in list(app._notifications):
            if id(notification) not in self.said:
                self.said.add(id(notification))
                parts += [str(notification.title), str(notification.message)]
        screen = app.screen
        kinds = (type(screen).__name__, type(screen.focused).__name__)
        if with_help and kinds not in self.helped:
            self.helped.add(kinds)
            app.action_show_help_panel()
            await self.until(lambda: visible_text(app) != plain)
            await pilot.pause()
            parts.append(visible_text(app))
            app.action_hide_help_panel()
            await self.until(lambda: not app.screen.query("HelpPanel"))
        self.shown[name] = "\n".join(part for part in parts if part)
        if os.environ.get("WALK_TIMES"):
            now = time.monotonic()
            print(f"{now - getattr(self, 't', now):6.2f} {name}", file=sys.stderr)
            self.t = now

    async def until(self, condition: Callable[[], object], seconds: float = 120) -> None:
        """Let the app run until ``condition()`` holds (a generous limit: a busy machine)."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("waited in vain")
            await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def expect(self, kind: type) -> None:
        """Let the app run until its screen is a ``kind``, composed and mounted."""
        await self.until(lambda: isinstance(self.app.screen, kind) and self.app.screen.is_mounted)
        await self.pilot.pause()

    async def yes(self) -> None:
        await say_yes(self.pilot)

    async def press_until(self, key: str, condition: Callable[[], object], most: int = 40) -> None:
        """Press ``key`` until ``condition()`` holds."""
        for _ in range(most):
            if condition():
                return
            await self.press(key)
        raise AssertionError(f"pressed {key} {most} times in vain on {self.app.screen}")

    async def back_to(self, kind: type) -> None:
        """Esc until the screen is a ``kind``."""
        for _ in range(10):
            if type(self.app.screen) is kind:
                await self.pilot.pause()
                return
            await self.press("escape")
        raise AssertionError(f"Esc did not lead back to {kind.__name__}")


async def walk(language: str, data: Path, cast: Cast) -> dict[str, str]:
    from textual.command import CommandList
    from textual.widgets import Checkbox, DataTable, Input, OptionList, Select

    from peertui.ui.app import PeerTUI
    from peertui.ui.base import ConfirmDialog
    from peertui.ui.dialogs.certificate import CertificateDialog
    from peertui.ui.dialogs.group_form import GroupForm
    from peertui.ui.dialogs.links import LinksScreen
    from peertui.ui.dialogs.participant_form import ParticipantForm
    from peertui.ui.dialogs.participant_picker import ParticipantPicker
    from peertui.ui.dialogs.phones import AddressDialog, PhonesPanel
    from peertui.ui.dialogs.scenario_picker import ScenarioPicker
    from peertui.ui.dialogs.teaching_form import TeachingForm
    from peertui.ui.dialogs.trainee_form import TraineeForm
    from peertui.ui.dialogs.worksheet_history import WorksheetHistoryScreen
    from peertui.ui.phones import phones_for
    from peertui.ui.screens.checkin import CheckInScreen
    from peertui.ui.screens.course import CourseScreen
    from peertui.ui.screens.export import ExportScreen
    from peertui.ui.screens.goals import GoalsScreen
    from peertui.ui.screens.group import GroupScreen
    from peertui.ui.screens.guide import GuideScreen
    from peertui.ui.screens.home import HomeScreen
    from peertui.ui.screens.meeting import MeetingScreen
    from peertui.ui.screens.meeting_log import LogScreen
    from peertui.ui.screens.network_map import NetworkMapScreen
    from peertui.ui.screens.participant import ParticipantScreen
    from peertui.ui.screens.runner import RunnerScreen
    from peertui.ui.screens.safety_plan import SafetyPlanScreen
    from peertui.ui.screens.scenario import ScenarioScreen
    from peertui.ui.screens.settings import OrganisationScreen
    from peertui.ui.screens.statement import HistoryScreen, StatementScreen
    from peertui.ui.screens.trainee import TraineeScreen
    from peertui.ui.textual_private import Palette
    from peertui.ui.themes import THEMES
    from peertui.ui.wall import WallApp
    from peertui.wall import WallState

    content = [FIXTURE] if language == "en" else None

    def no_matches(palette: Any) -> bool:
        try:
            palette.query_one(CommandList).get_option(palette._NO_MATCHES)
        except Exception:
            return False
        return True

    app = PeerTUI(content_paths=content, data_dir=data, open_store=True)
    # What the console sends the wall, by mode (the wall is walked afterwards, on these).
    sent: dict[str, WallState] = {}

    def keeping(send: Callable[[WallState], None]) -> Callable[[WallState], None]:
        def keep(state: WallState) -> None:
            sent[state.mode] = state
            send(state)

        return keep

    app.publish_wall = keeping(app.publish_wall)  # type: ignore[method-assign]
    app.share_on_wall = keeping(app.share_on_wall)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Walk(pilot)
        await w.until(lambda: app.content_loaded and app.store is not None)
        await w.expect(HomeScreen)
        assert app.library.course(cast.course) is not None, "the course is missing"
        await w.record("home")
        app.set_focus(None)
        await w.press("ctrl+c")  # outside a text field: how to quit
        await w.record("home: ctrl+c")

        # -------------------------------------------------- the command palette, once
        await w.press("ctrl+p")
        await w.expect(Palette)
        await w.until(lambda: app.screen.query_one(CommandList).option_count > 0)
        await w.record("palette")
        await w.press(*"zzqqxx")
        await w.until(lambda: no_matches(app.screen))
        await w.record("palette without matches")
        await w.back_to(HomeScreen)
        app.action_change_theme()
        await w.expect(Palette)
        await w.until(lambda: app.screen.query_one(CommandList).option_count > 0)
        await w.record("colour themes")
        await w.press(*"proj")
        await w.until(lambda: app.screen.query_one(CommandList).option_count == len(THEMES))
        await w.record("colour themes: the projector's")
        await w.back_to(HomeScreen)

        # -------------------------------------------------- the organisation
        await w.press("o")
        await w.expect(OrganisationScreen)
        await w.record("organisation")
        website = app.screen.query_one("#org-website", Input)
        website.value = "http://example.org"
        await w.press("ctrl+s")
        await w.until(lambda: app.screen.query_one("#form-error").display)
        app.screen.query_one("#org-logo-path", Input).value = "logo.png"
        await w.record("organisation refused")
        await w.press("escape")
        await w.expect(ConfirmDialog)
        await w.record("confirm: discard the changes")
        await w.yes()
        await w.expect(HomeScreen)

        # -------------------------------------------------- a new group
        app.action_new_group()
        await w.expect(GroupForm)
        await w.record("group form (new)")
        app.screen.query_one(Select).focus()
        await w.press("enter")
        await w.until(lambda: app.screen.query_one(Select).expanded)
        await w.record("group form (course list)")
        await w.press("down", "enter")  # the training course: its hint
        await w.until(lambda: app.screen.query_one("#course-hint").display)
        await w.record("group form (a training course)")
        app.screen.query_one("#start", Input).value = "31.02.2026"
        await pilot.click("#save")
        await w.record("group form (a wrong date)")
        await w.back_to(HomeScreen)

        # -------------------------------------------------- a course and a meeting
        app.action_open_course(cast.course)
        await w.expect(CourseScreen)
        await w.record("course")
        app.action_open_meeting(cast.course, cast.meeting)
        await w.expect(MeetingScreen)
        await w.record("meeting")
        await w.press("n")
        await w.expect(ConfirmDialog)
        await w.record("confirm: show something private")
        await w.yes()
        await w.expect(MeetingScreen)
        await w.record("meeting with notes")
        await w.press("s")
        await w.expect(RunnerScreen)
        await w.record("runner (no group)")
        await w.back_to(HomeScreen)

        # -------------------------------------------------- the guide
        app.action_open_guide(cast.guide)
        await w.expect(GuideScreen)
        await w.until(lambda: getattr(app.screen, "loaded", False))
        await w.record("guide page")
        await w.press("l")
        await w.expect(LinksScreen)
        await w.record("links")
        await w.back_to(HomeScreen)

        # -------------------------------------------------- meeting training
        app.action_meeting_training()
        await w.expect(ScenarioPicker)
        await w.record("meeting training: choose a meeting")
        await w.press("enter")
        await w.expect(ScenarioScreen)
        await w.record("meeting training")
        scenario = app.screen
        assert isinstance(scenario, ScenarioScreen)
        await w.press_until("right", lambda: scenario.run.paused)
        await w.press("right")  # "it is paused"
        await w.record("meeting training: a pause")
        await w.press("n")
        await w.yes()
        await w.expect(ScenarioScreen)
        await w.press("s")
        await w.record("meeting training: questions and notes")
        for _ in range(60):
            if scenario.run.is_last and not scenario.run.paused:
                break
            await w.press("p" if scenario.run.paused else "right")
        assert scenario.run.is_last, "the scenario did not come to its end"
        await w.press("right")
        await w.record("meeting training: the end")
        await w.back_to(HomeScreen)

        # -------------------------------------------------- a group
        app.action_open_group(cast.group)
        await w.expect(GroupScreen)
        await w.record("group")
        await w.press("a")
        await w.expect(ParticipantForm)
        await w.record("participant form (new)")
        await w.back_to(GroupScreen)
        await w.press("e")
        await w.expect(GroupForm)
        await w.record("group form (edit)")
        await w.back_to(GroupScreen)

        # ... a participant, their statement and worksheets
        group_screen = app.screen
        app.push_screen(ParticipantScreen(cast.group, cast.person))
        await w.expect(ParticipantScreen)
        await w.record("participant")
        await w.press("k")
        await w.expect(ParticipantForm)
        await w.record("participant form (edit)")
        app.screen.query_one("#consent-store_statement", Checkbox).value = False
        await pilot.click("#save")
        await w.record("participant form (withdrawing consent)")
        await w.back_to(ParticipantScreen)

        async def tool(index: int, kind: type, name: str, question: str = "") -> None:
            tools = app.screen.query_one("#tools", OptionList)
            tools.focus()
            tools.highlighted = index
            await w.press("enter")
            await w.expect(ConfirmDialog)
            if question:
                await w.record(question)
            await w.yes()
            await w.expect(kind)
            await w.record(name)

        await tool(0, StatementScreen, "statement")
        await w.press("ctrl+t")
        await w.record("statement with an example")
        await w.press("ctrl+r")
        await w.expect(HistoryScreen)
        await w.record("statement: earlier versions")
        await w.press("down", "enter")  # the version before: brought back
        await w.expect(StatementScreen)
        await w.press("ctrl+o")
        await w.expect(ConfirmDialog)
        await w.record("confirm: the statement on the wall")
        await w.yes()
        await w.expect(StatementScreen)
        await w.record("statement on the wall")
        await w.press("ctrl+o")
        await w.back_to(ParticipantScreen)

        await tool(1, GoalsScreen, "goals", "confirm: show a participant's sheet")
        await w.press("ctrl+r")
        await w.expect(WorksheetHistoryScreen)
        await w.record("goals: earlier versions")
        await w.press("escape")
        await w.expect(GoalsScreen)
        await w.press("ctrl+g")
        await w.expect(ConfirmDialog)
        await w.record("confirm: delete a goal")
        await w.yes()
        await w.expect(GoalsScreen)
        await w.press("ctrl+s")
        await w.record("goals: a goal deleted")
        await w.press("ctrl+o")
        await w.expect(ConfirmDialog)
        await w.record("confirm: a worksheet on the wall")
        await w.yes()
        await w.expect(GoalsScreen)
        await w.press("ctrl+o")  # off the wall again
        await w.record("goals: on and off the wall")
        await w.back_to(ParticipantScreen)

        await tool(2, SafetyPlanScreen, "safety plan")
        await w.back_to(ParticipantScreen)

        await tool(3, NetworkMapScreen, "network map")
        select = app.screen.query(Select).first()
        select.focus()
        await w.press("enter")
        await w.until(lambda: select.expanded)
        await w.record("network map: a list opened")
        await w.press("escape")
        app.screen.query_one("#network-table", DataTable).focus()
        await w.press("ctrl+g")
        await w.expect(ConfirmDialog)
        await w.record("confirm: delete a person")
        await w.yes()
        await w.expect(NetworkMapScreen)
        await w.record("network map: a person deleted")
        await w.back_to(ParticipantScreen)
        await w.back_to(GroupScreen)

        # ... someone who gave no consent to store their words
        app.push_screen(ParticipantScreen(cast.group, cast.no_consent))
        await w.expect(ParticipantScreen)
        await tool(0, StatementScreen, "statement without consent")
        await w.press("ctrl+r")  # there are none
        await w.record("statement without consent: no versions")
        await w.back_to(GroupScreen)
        assert app.screen is group_screen

        # ... printing
        await w.press("u")
        await w.expect(ExportScreen)
        await w.record("print")
        await pilot.click("#who-one")
        await w.press("ctrl+s")
        export = app.screen
        assert isinstance(export, ExportScreen)
        await w.until(lambda: not export.exporting)
        assert export.result is not None, "printing failed"
        await w.record("print: done")
        await w.back_to(GroupScreen)

        # ... a meeting: check-in, the runner, the end, the log
        await w.press("s")
        await w.expect(CheckInScreen)
        await w.record("check-in")
        await w.press("a", "ctrl+s")
        await w.expect(RunnerScreen)
        await w.record("runner")
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        await w.press("n")
        await w.yes()
        await w.expect(RunnerScreen)
        await w.record("runner with notes")
        await w.press("d")
        await w.yes()
        await w.expect(ParticipantPicker)
        await w.record("runner: whose statement")
        await w.press("escape")
        await w.expect(RunnerScreen)
        await w.press("space")
        await w.record("runner: paused")
        await w.press("space")
        await w.press_until("right", lambda: runner.run.block.kind == "pause")
        await w.record("runner: a break")
        await w.press("b")
        await w.record("runner: the dark screen")
        await w.press("b")
        await w.press_until("right", lambda: runner.run.is_last)
        await w.press("right")
        await w.record("runner: the last item")
        await w.press("e")
        await w.expect(ConfirmDialog)
        await w.record("confirm: end the meeting")
        await w.yes()
        await w.expect(ConfirmDialog)
        await w.record("confirm: show the meeting log")
        await w.yes()
        await w.expect(LogScreen)
        await w.record("after the meeting")
        await w.press("escape")  # "Later": the log waits on the group page
        await w.expect(GroupScreen)
        await w.record("group: the log waits")
        meetings = app.screen.query_one("#group-meetings", DataTable)
        meetings.focus()
        meetings.move_cursor(row=meetings.get_row_index(str(runner.meeting.number)))
        await w.press("enter")
        await w.expect(ConfirmDialog)
        await w.yes()
        await w.expect(LogScreen)
        await w.press("ctrl+s")
        await w.expect(GroupScreen)
        await w.record("group: the log is saved")
        await w.press("f")
        await w.expect(RunnerScreen)
        await w.record("runner: reopened")
        await w.back_to(GroupScreen)
        await w.record("group: a meeting in progress")

        # -------------------------------------------------- a training group
        await w.back_to(HomeScreen)
        app.action_open_group(cast.training)
        await w.expect(GroupScreen)
        await w.record("training group")
        # ... phones (#19): the address, the panel, the code here and on the wall, off
        await w.press("t")
        await w.expect(AddressDialog)
        await w.record("phones: choose the address")
        addresses = app.screen.query_one("#phones-addresses", OptionList)
        addresses.highlighted = addresses.option_count - 1  # loopback, offered last
        await w.press("enter")
        await w.expect(PhonesPanel)
        await w.record("phones: none yet")
        await w.press("v")  # no wall attached here: it says so
        await w.record("phones: no wall for the code")
        join = phones_for(app).join_state
        assert join is not None
        sent["join"] = join  # what the wall would get: walked with the wall below
        await w.press("k")
        await w.record("phones: the code here")
        await w.press("s")
        await w.expect(ConfirmDialog)
        await w.record("confirm: turn phones off")
        await w.yes()
        await w.expect(GroupScreen)
        await w.record("training group: phones off")
        await w.press("a")
        await w.expect(TraineeForm)
        await w.record("trainee form (new)")
        await pilot.click("#save")
        await w.record("trainee form (no role)")
        await w.back_to(GroupScreen)
        app.push_screen(TraineeScreen(cast.training, cast.ready))
        await w.expect(TraineeScreen)
        await w.record("trainee")
        await w.press("k")
        await w.expect(TraineeForm)
        await w.record("trainee form (edit)")
        await w.back_to(TraineeScreen)
        await w.press("a")
        await w.expect(TeachingForm)
        await pilot.click("#audience-colleagues")
        await w.record("teaching form (new)")
        await pilot.click("#save")
        await w.record("teaching form (not filled in)")
        await pilot.click("#contact-yes")
        app.screen.query_one("#count", Input).value = "2"
        await pilot.click("#save")
        await w.expect(TraineeScreen)
        await w.record("trainee: a teaching saved")
        await w.press("e")
        await w.expect(TeachingForm)
        await w.record("teaching form (edit)")
        await w.back_to(TraineeScreen)
        await w.press("d")
        await w.expect(ConfirmDialog)
        await w.record("confirm: delete a teaching")
        await w.yes()
        await w.expect(TraineeScreen)
        await w.record("trainee: a teaching deleted")
        await w.press("c")
        await w.expect(CertificateDialog)
        dialog = app.screen
        assert isinstance(dialog, CertificateDialog)
        await w.until(lambda: not dialog.running and dialog.path is not None)
        await w.record("certificate")
        await w.back_to(TraineeScreen)
        await w.record("trainee: certificate issued")
        await w.press("s")
        await w.yes()
        await w.expect(StatementScreen)
        await w.record("practice statement")
        await w.back_to(GroupScreen)
        await w.record("training group: a certificate issued")
        app.push_screen(TraineeScreen(cast.training, cast.not_ready))
        await w.expect(TraineeScreen)
        await w.record("trainee without teaching")
        await w.press("c")
        await w.expect(CertificateDialog)
        await w.record("certificate not yet")
        await w.back_to(GroupScreen)

        # ... the course day, with its meeting training
        await w.press("s")
        await w.expect(CheckInScreen)
        await w.press("ctrl+s")
        await w.expect(RunnerScreen)
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        await w.press_until("right", lambda: runner.run.block.scenarios)
        await w.record("runner: an item with meeting training")
        await w.press("m")
        await w.expect(ScenarioPicker)
        await w.record("runner: choose a meeting to practise")
        await w.back_to(GroupScreen)
        await w.back_to(HomeScreen)
        shown = w.shown

    # -------------------------------------------------- the wall (`peertui wall`)
    wall = WallApp(data)
    async with wall.run_test(size=SIZE, notifications=True) as pilot:
        w = Walk(pilot)
        await w.until(lambda: bool(wall.query("#wall-calm-title")))
        await w.record("wall: waiting", with_help=False)
        wall.connection(True)
        for mode in ("idle", "block", "break", "blank", "shared", "scenario", "join"):
            assert mode in sent, f"the console never sent the wall a {mode} screen"
            wall.receive(sent[mode])
            await w.record(f"wall: {mode}", with_help=False)
        wall.connection(False)
        await w.record("wall: the console has gone", with_help=False)
        await w.press("ctrl+c")  # how to quit
        await w.record("wall: ctrl+c", with_help=False)
    return shown | w.shown


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in LANGUAGES:
        print("usage: python -m tests.ui.walk_languages da|en OUT.json", file=sys.stderr)
        return 2
    language, out = argv[0], Path(argv[1]).resolve()
    # Before peertui is imported: its module-level words are read in this language.
    os.environ["PEERTUI_LANG"] = language
    with tempfile.TemporaryDirectory(prefix="peertui-walk-") as tmp:
        os.chdir(tmp)  # the export and the certificate write ./peertui-udskrifter here
        data = Path(tmp) / "data"
        os.environ["PEERTUI_DATA_DIR"] = str(data)
        from peertui.store import open_store

        today = datetime.now(UTC).astimezone().date()
        with open_store(data) as store:
            cast = (seed_english if language == "en" else seed_danish)(store, today)
        shown = asyncio.run(walk(language, data, cast))
    out.write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
