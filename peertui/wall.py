"""The channel between the facilitator console and the projector wall.

The console serves a Unix socket in the (0700) data folder; each wall connects to it and
receives one JSON line per change. No TCP or UDP port, so only the same user on the same
machine can attach. The wall only reads: it never opens the store.

What crosses is a :class:`WallState` and nothing else: the current block's participant
text up to the reveal step, the countdown and its colour, the break and blank screens, and
(only after the facilitator's explicit confirmation) one participant's text. Never notes,
the participant list or logs.

No Textual here: the console's screens call :class:`WallServer`, ``peertui wall`` uses
:class:`WallClient`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from peertui.strings import t

SOCKET_NAME = "wall.sock"
PROTOCOL_VERSION = 1
#: A wall line is at most this long; anything longer is a broken or hostile peer.
MAX_LINE = 1_000_000

Mode = Literal["idle", "block", "break", "blank", "shared", "scenario"]
#: "scenario" (meeting training): ``title`` is the scenario, ``subtitle`` the scene and its
#: place, ``paused`` the calm pause, ``text`` the one question the trainer chose (or empty),
#: and ``extra`` holds ``who``, ``where`` and ``beats`` (see :func:`scenario_beats`).
MODES: tuple[str, ...] = ("idle", "block", "break", "blank", "shared", "scenario")
PHASES: tuple[str, ...] = ("normal", "warn", "urgent", "over")


@dataclass(frozen=True, slots=True)
class WallState:
    """Everything a wall may show. Built by the console from what is already public."""

    mode: Mode = "idle"
    group: str = ""  # the group's name (shown on idle and blank screens)
    title: str = ""  # meeting or block title
    subtitle: str = ""  # e.g. "Tema · punkt 2 af 6"
    text: str = ""  # participant-facing Markdown, revealed steps only
    countdown: str = ""  # "12:05" or "+01:30"
    phase: str = "normal"
    meeting_clock: str = ""
    paused: bool = False
    more_steps: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def to_line(self) -> bytes:
        data = {"v": PROTOCOL_VERSION, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    @classmethod
    def from_line(cls, line: bytes) -> WallState | None:
        """Parse one line; None for anything malformed (the wall then keeps calm)."""
        try:
            data = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("v") != PROTOCOL_VERSION:
            return None
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "extra":
                if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()
                ):
                    return None
            elif f.name in ("paused",):
                if not isinstance(value, bool):
                    return None
            elif f.name == "more_steps":
                if not isinstance(value, int) or isinstance(value, bool):
                    return None
            elif not isinstance(value, str):
                return None
            values[f.name] = value
        if values.get("mode", "idle") not in MODES or values.get("phase", "normal") not in PHASES:
            return None
        return cls(**values)


def socket_path(data_dir: Path) -> Path:
    return Path(data_dir) / SOCKET_NAME


class WallServer:
    """Runs in the console's event loop; sends the latest state to every attached wall."""

    def __init__(self, data_dir: Path, on_walls: Callable[[int], None] | None = None) -> None:
        self.path = socket_path(data_dir)
        #: Told the number of attached walls whenever it changes (the console shows it).
        self.on_walls = on_walls
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._state = WallState()
        self._line = self._state.to_line()

    @property
    def walls(self) -> int:
        return len(self._writers)

    async def start(self) -> None:
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Only the console that holds the data folder's lock calls this, so a socket file
        # left here is from a console that died: remove it (never anything else).
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISSOCK(self.path.lstat().st_mode):
                self.path.unlink()
        old_umask = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(
                self._attach, path=str(self.path), limit=MAX_LINE
            )
        finally:
            os.umask(old_umask)
        os.chmod(self.path, 0o600)

    async def _attach(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        self._walls_changed()
        try:
            writer.write(self._line)
            await writer.drain()
            # Walls send nothing; wait until this one goes away.
            while await reader.read(1024):
                pass
        except (ConnectionError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()
            self._walls_changed()

    def _walls_changed(self) -> None:
        if self.on_walls is not None:
            self.on_walls(len(self._writers))

    def publish(self, state: WallState) -> None:
        """Send ``state`` to every wall, if it changed. Never blocks the console."""
        if state == self._state:
            return
        self._state = state
        self._line = state.to_line()
        for writer in list(self._writers):
            if writer.is_closing():
                self._writers.discard(writer)
                continue
            transport = writer.transport
            # A wall that stopped reading must not make the console use memory without end.
            if transport.get_write_buffer_size() > 4 * MAX_LINE:
                writer.close()
                self._writers.discard(writer)
                continue
            writer.write(self._line)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            self._writers.clear()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
            self._server = None
        with contextlib.suppress(FileNotFoundError, OSError):
            self.path.unlink()


class WallClient:
    """Connects to a console (retrying while there is none) and reports each state.

    ``on_state`` gets every state; ``on_connection`` gets True when attached and False when
    the console is gone (quit, crashed, or not started yet).
    """

    def __init__(
        self,
        data_dir: Path,
        on_state: Callable[[WallState], None],
        on_connection: Callable[[bool], None],
        retry_seconds: float = 0.25,
    ) -> None:
        self.path = socket_path(data_dir)
        self.on_state = on_state
        self.on_connection = on_connection
        self.retry_seconds = retry_seconds

    async def run(self) -> None:
        """Run until cancelled."""
        while True:
            try:
                reader, writer = await asyncio.open_unix_connection(str(self.path), limit=MAX_LINE)
            except (OSError, ValueError):
                await asyncio.sleep(self.retry_seconds)
                continue
            self.on_connection(True)
            try:
                while True:
                    line = await reader.readline()
                    if not line:
                        break
                    state = WallState.from_line(line)
                    if state is not None:
                        self.on_state(state)
            except (OSError, ValueError, asyncio.LimitOverrunError):
                pass
            finally:
                writer.close()
                self.on_connection(False)
            await asyncio.sleep(self.retry_seconds)


def wall_state_for_run(run: Any, group: str, *, blanked: bool) -> WallState:
    """The wall's view of a running meeting (``run`` is a :class:`peertui.runner.MeetingRun`).

    Only participant-facing text crosses: the current block's revealed steps. Notes never do.
    """
    # Here, not at the top: this module loads at start-up, the runner only with its screen.
    from peertui.runner import format_clock, format_hours

    if blanked:
        return WallState(mode="blank", group=group)
    block = run.block
    remaining = run.remaining()
    return WallState(
        mode="break" if block.kind == "pause" else "block",
        group=group,
        title=block.title,
        subtitle=(
            f"{t(f'kind.{block.kind}')}  ·  "
            f"{t('runner.block_of', number=run.index + 1, count=len(run.timings))}"
        ),
        text="\n\n".join(run.visible_steps()),
        countdown=format_clock(remaining),
        phase=run.phase(),
        meeting_clock=t(
            "wall.meeting_clock",
            elapsed=format_hours(run.total_elapsed),
            planned=format_hours(run.total_planned),
        ),
        paused=run.paused,
        more_steps=max(0, run.step_count - run.step - 1),
    )


# --------------------------------------------------------------------------- meeting training

#: The kinds of beat a wall draws in scenario mode.
BEAT_KINDS: tuple[str, ...] = ("narration", "speech", "thought")


def wall_state_for_scenario(run: Any, group: str) -> WallState:
    """The wall's view of a scenario (``run`` is a :class:`peertui.scenario_run.ScenarioRun`).

    Only what the room has seen crosses: the current scene's beats up to now, the pause and the
    one question the trainer chose. Never the facilitator notes, the scenario's description or
    the pause point's other questions.
    """
    position = run.position()
    scene = position.scene
    beats = [[line.kind, line.speaker or "", line.text] for line in run.revealed()]
    return WallState(
        mode="scenario",
        group=group,
        title=run.scenario.title,
        subtitle=t(
            "scenario.wall_subtitle",
            scene=scene.title,
            number=position.scene_number,
            count=position.scene_count,
        ),
        text=run.shown_question or "",
        paused=run.paused,
        extra={
            "who": ", ".join(scene.who),
            "where": scene.where or "",
            "beats": json.dumps(beats, ensure_ascii=False, separators=(",", ":")),
        },
    )


def scenario_beats(state: WallState) -> list[tuple[str, str, str]]:
    """The beats a scenario state carries, as (kind, speaker, text); [] if malformed."""
    try:
        data = json.loads(state.extra.get("beats", "[]"))
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    beats: list[tuple[str, str, str]] = []
    for item in data:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not all(isinstance(part, str) for part in item)
            or item[0] not in BEAT_KINDS
        ):
            return []
        beats.append((item[0], item[1], item[2]))
    return beats
