"""Stepping through a meeting scenario: where the room is, and whether it is paused.

Pure logic, no Textual: the scenario screen (``peertui/ui/screens/scenario.py``) drives it and draws
what it says; the wall gets :func:`wall_state_for_scenario`. Each step is one beat of a scene
(narration, a spoken line, a thought, or a pause point). Arriving at a pause point pauses the
run by itself; "next" does nothing until the trainer resumes.
"""

from __future__ import annotations

from dataclasses import dataclass

from peertui.content.scenarios import Beat, Line, PausePoint, Scenario, Scene


@dataclass(frozen=True, slots=True)
class Position:
    """Where a run stands, in the words a screen shows."""

    scene: Scene
    scene_number: int  # 1-based
    scene_count: int
    beat_number: int  # 1-based, within the scene
    beat_count: int


class ScenarioRun:
    """One scenario being stepped through. Starts on its first beat."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.steps: list[tuple[Scene, Beat]] = scenario.steps()
        if not self.steps:
            raise ValueError("a scenario without beats cannot be shown")
        self.index = 0
        self.paused = False
        #: The reflection question shown on the wall (an index into the pause point's
        #: questions), or None: by default the wall shows only the calm pause.
        self.question: int | None = None
        self._arrive()

    # ------------------------------------------------------------------ where we are

    @property
    def scene(self) -> Scene:
        return self.steps[self.index][0]

    @property
    def beat(self) -> Beat:
        return self.steps[self.index][1]

    @property
    def pause_point(self) -> PausePoint | None:
        """The pause point the run stands on, if any."""
        beat = self.beat
        return beat if isinstance(beat, PausePoint) else None

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def position(self) -> Position:
        scene = self.scene
        scene_number = next(i for i, s in enumerate(self.scenario.scenes, 1) if s is scene)
        beat_number = next(i for i, b in enumerate(scene.beats, 1) if b is self.beat)
        return Position(
            scene=scene,
            scene_number=scene_number,
            scene_count=len(self.scenario.scenes),
            beat_number=beat_number,
            beat_count=len(scene.beats),
        )

    def revealed(self) -> list[Line]:
        """The current scene's lines up to and including the current beat (what the room saw)."""
        scene = self.scene
        shown: list[Line] = []
        for step_scene, beat in self.steps[: self.index + 1]:
            if step_scene is scene and isinstance(beat, Line):
                shown.append(beat)
        return shown

    def upcoming_pause(self) -> PausePoint | None:
        """The pause point the run stands on, or else the next one in this scene."""
        for step_scene, beat in self.steps[self.index :]:
            if step_scene is not self.scene:
                return None
            if isinstance(beat, PausePoint):
                return beat
        return None

    @property
    def shown_question(self) -> str | None:
        point = self.pause_point
        if not self.paused or point is None or self.question is None:
            return None
        return point.questions[self.question]

    # ------------------------------------------------------------------ moving

    def _arrive(self) -> None:
        """On a new beat: a pause point stops the run by itself; no question is shown."""
        self.question = None
        self.paused = isinstance(self.beat, PausePoint)

    def next(self) -> bool:
        """One beat on. False while paused (resume first) or at the end."""
        if self.paused or self.is_last:
            return False
        self.index += 1
        self._arrive()
        return True

    def back(self) -> bool:
        """One beat back (also while paused). Landing on a pause point pauses there again."""
        if self.is_first:
            return False
        self.index -= 1
        self._arrive()
        return True

    def toggle_pause(self) -> bool:
        """Pause at any beat, or resume where it stopped. Returns the new ``paused``."""
        self.paused = not self.paused
        self.question = None
        return self.paused

    def next_question(self) -> str | None:
        """While paused at a pause point: show its next question on the wall, one at a time;
        after the last one the wall shows the calm pause again. None when nothing is shown."""
        point = self.pause_point
        if not self.paused or point is None:
            self.question = None
            return None
        if self.question is None:
            self.question = 0
        elif self.question + 1 < len(point.questions):
            self.question += 1
        else:
            self.question = None
        return self.shown_question
