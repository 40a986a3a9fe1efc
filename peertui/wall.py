"""The channel between the facilitator console and the projector wall.

The console serves a Unix socket in the (0700) data folder (or, when that folder's path is
too long for a socket, in a private 0700 folder of this user's with a short path); each wall
connects to it and receives one JSON line per change. No TCP or UDP port, and the socket is
0600, so only the same user on the same machine can attach. The wall only reads: it never
opens the store.

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
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from peertui import labels
from peertui.i18n import _

SOCKET_NAME = "wall.sock"
PROTOCOL_VERSION = 1
#: A wall line is at most this long; anything longer is a broken or hostile peer.
MAX_LINE = 1_000_000

Mode = Literal["idle", "block", "break", "blank", "shared", "scenario", "join"]
#: "scenario" (meeting training): ``title`` is the scenario, ``subtitle`` the scene and its
#: place, ``paused`` the calm pause, ``text`` the one question the trainer chose (or empty),
#: and ``extra`` holds ``who``, ``where`` and ``beats`` (see :func:`scenario_beats`).
#: "join" (phones, issue #19): ``text`` is the one line of instructions and ``extra`` holds
#: ``url``, the address the phones open (drawn as a QR code; see :func:`wall_state_for_join`).
MODES: tuple[str, ...] = ("idle", "block", "break", "blank", "shared", "scenario", "join")
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


#: A Unix socket's path is at most 108 bytes on Linux and 104 on macOS, with its final NUL.
#: Longer paths cannot be bound or reached, so a long data folder's socket lives elsewhere.
MAX_SOCKET_PATH = 100


def _fits(path: Path) -> bool:
    return len(os.fsencode(str(path))) <= MAX_SOCKET_PATH


def socket_paths(data_dir: Path) -> list[Path]:
    """Where the console may serve the wall for ``data_dir``, best first (console and wall
    compute the same list).

    In the (0700) data folder when its path is short enough. Otherwise in a private folder
    with a short path, named by a hash of the data folder: ``$XDG_RUNTIME_DIR/peertui`` or
    ``<temp>/peertui-<uid>`` (see :func:`private_folder`).
    """
    data_dir = Path(data_dir)
    own = data_dir / SOCKET_NAME
    if _fits(own):
        return [own]
    digest = hashlib.sha256(os.fsencode(str(data_dir.resolve()))).hexdigest()[:24]
    name = f"{digest}.sock"
    return [folder / name for folder in socket_folders() if _fits(folder / name)]


def socket_folders() -> list[Path]:
    """The short folders a long data folder's socket may live in, best first:
    ``$XDG_RUNTIME_DIR/peertui`` (when that folder is this user's), then ``peertui-<uid>`` in
    the temporary folder and in ``/tmp``. Each is used only if :func:`private_folder`."""
    folders: list[Path] = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and _owned_by_us(Path(runtime)):
        folders.append(Path(runtime) / "peertui")
    uid_name = f"peertui-{os.getuid()}"
    for temp in (tempfile.gettempdir(), "/tmp"):
        folder = Path(temp) / uid_name
        if folder not in folders:
            folders.append(folder)
    return folders


def socket_path(data_dir: Path) -> Path:
    """The first place the console tries for ``data_dir``'s wall socket."""
    paths = socket_paths(data_dir)
    return paths[0] if paths else Path(data_dir) / SOCKET_NAME


def _owned_by_us(path: Path) -> bool:
    """A real directory (not a symlink) that belongs to this user."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()


def private_folder(folder: Path, *, create: bool) -> bool:
    """Whether ``folder`` is ours alone: a real directory, not a symlink, owned by this user,
    mode 0700. With ``create`` it is made (0700) when missing, and made 0700 when it is ours
    but open to others. A folder someone else made, or a symlink, is never used."""
    if create:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return False
    if not _owned_by_us(folder):
        return False
    try:
        if stat.S_IMODE(os.lstat(folder).st_mode) & 0o077:
            if not create:
                return False
            os.chmod(folder, 0o700)
    except OSError:
        return False
    return True


def _our_socket(path: Path) -> os.stat_result | None:
    """``path``'s details if it is a socket that belongs to this user, else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid():
        return info
    return None


def reachable_socket_paths(data_dir: Path) -> list[Path] | None:
    """The wall's side: the places a console of ``data_dir`` may serve, whose folder is safe
    to use. None when there is no such place at all (the wall says so)."""
    paths = socket_paths(data_dir)
    own = Path(data_dir) / SOCKET_NAME
    usable = [path for path in paths if path == own or private_folder(path.parent, create=False)]
    if usable:
        return usable
    # No private folder yet: the console makes one when it starts; until then, wait calmly,
    # unless a folder is there and is not ours (then nothing will ever attach).
    waiting = [path for path in paths if not os.path.lexists(path.parent)]
    return waiting or None


class WallServer:
    """Runs in the console's event loop; sends the latest state to every attached wall."""

    def __init__(self, data_dir: Path, on_walls: Callable[[int], None] | None = None) -> None:
        self.data_dir = Path(data_dir)
        #: Where the socket is (chosen again in :meth:`start`, see :func:`socket_paths`).
        self.path = socket_path(data_dir)
        self._inode: int | None = None
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
        """Serve on the first usable place; OSError when there is none (no wall then)."""
        own = self.data_dir / SOCKET_NAME
        for path in socket_paths(self.data_dir):
            if path == own:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            elif not private_folder(path.parent, create=True):
                continue  # someone else's folder, or a symlink: never used
            self.path = path
            break
        else:
            raise OSError(f"no private place for the wall's socket of {self.data_dir}")
        # Only the console that holds the data folder's lock calls this, so a socket file
        # left here is from a console that died: remove it (never anything else, and never
        # another user's).
        if _our_socket(self.path) is not None:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        old_umask = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(
                self._attach, path=str(self.path), limit=MAX_LINE
            )
        finally:
            os.umask(old_umask)
        os.chmod(self.path, 0o600)
        info = _our_socket(self.path)
        self._inode = info.st_ino if info is not None else None

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
        # Remove our own socket, and only it (not one a later console made in its place).
        info = _our_socket(self.path)
        if info is not None and info.st_ino == self._inode:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._inode = None


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
        on_unreachable: Callable[[], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.path = socket_path(data_dir)
        self.on_state = on_state
        self.on_connection = on_connection
        #: Told once when no console could ever be reached (no private place for the socket).
        self.on_unreachable = on_unreachable
        self.retry_seconds = retry_seconds

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | None:
        paths = reachable_socket_paths(self.data_dir)
        if paths is None:
            if self.on_unreachable is not None:
                self.on_unreachable()
                self.on_unreachable = None  # said once is enough
            return None
        for path in paths:
            if _our_socket(path) is None:
                continue  # not there yet, or not ours: never talk to it
            try:
                streams = await asyncio.open_unix_connection(str(path), limit=MAX_LINE)
            except (OSError, ValueError):
                continue
            self.path = path
            return streams
        return None

    async def run(self) -> None:
        """Run until cancelled."""
        while True:
            streams = await self._connect()
            if streams is None:
                await asyncio.sleep(self.retry_seconds)
                continue
            reader, writer = streams
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


# --------------------------------------------------------------------------- the back row

#: A capital letter in a terminal font is about 0.6 of a row's height.
CAPITAL_OF_ROW = 0.6
#: Read with ease when a capital is at least 1/160 of the distance (about 21 minutes of arc:
#: four times what good eyes can just make out, room for weaker eyes and a dim projector).
DISTANCE_PER_CAPITAL = 160


def legible_rows(image_height_m: float, distance_m: float) -> int:
    """The most terminal rows a projected image of this height may have so that a person at
    ``distance_m`` reads it with ease (see docs/projector.md): 24 rows for 1.5 m at 6 m."""
    capital_needed = distance_m / DISTANCE_PER_CAPITAL
    return int(CAPITAL_OF_ROW * image_height_m / capital_needed + 1e-9)


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
            _(labels.KIND[block.kind])
            + "  ·  "
            + _("item {number} of {count}", number=run.index + 1, count=len(run.timings))
        ),
        text="\n\n".join(run.visible_steps()),
        countdown=format_clock(remaining),
        phase=run.phase(),
        meeting_clock=_(
            "Meeting {elapsed} of {planned}",
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
        subtitle=_(
            "{scene}  ·  scene {number} of {count}",
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


# --------------------------------------------------------------------------- phones (issue #19)

#: The longest address a join state carries (a LAN address and a port are about 30).
JOIN_URL_MAX = 200


def wall_state_for_join(url: str, group: str) -> WallState:
    """The wall's view while phones may join: the address as a QR code and in text, and one
    line of instructions. Only the address crosses: never who has a phone."""
    return WallState(
        mode="join",
        group=group,
        title=_("Write on your own phone"),
        text=_(
            "Open the camera on your phone and point it at the code. "
            "The phone must be on the same Wi-Fi as the computer."
        ),
        extra={"url": url},
    )


def join_url(state: WallState) -> str:
    """The address a join state carries, if it is one a phone may open ("" otherwise)."""
    url = state.extra.get("url", "")
    if not url.startswith("http://") or len(url) > JOIN_URL_MAX or any(c.isspace() for c in url):
        return ""
    return url
