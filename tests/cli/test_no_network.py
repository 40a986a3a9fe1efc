"""The privacy promise (issue #19): with phones off, no peertui command opens an internet socket.

Every command in ``peertui --help`` (and in each group's ``--help``) runs here as a real
process, the installed ``peertui`` script, on a demo data folder, with
tests/cli/net_audit_hook.py loaded first as ``sitecustomize`` (a temporary folder on
``PYTHONPATH``). The hook writes down every socket that is not a Unix socket, every name lookup,
every import of aiohttp (the phone server's library: phones stay off) and every program started
(which the hook could not watch); the test asserts each command's record holds nothing but the
line saying the hook was there. The app and the wall run in a pseudo-terminal, the wall first with
no console to follow, then attached to the console through its Unix socket, which the hook sees
and allows.

Where ``strace`` can trace (Linux with ptrace allowed), every process also runs under it, so a
socket made by a C library (WeasyPrint's Pango and fontconfig), which no Python audit hook sees,
would be caught too.

A new command that is not run here fails ``test_every_command_opens_no_internet_socket``: add it
to ``cli_steps``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli.net_audit_hook import LOG_VARIABLE
from tests.ptyterm import PtyTerminal, peertui_env

HOOK = Path(__file__).with_name("net_audit_hook.py")
MEETING_GROUP = "de0000000000000000000001"  # the demo's Tuesday group
COURSE_GROUP = "de0000000000000000000002"  # the demo's course day; Lene has her certificate
#: .invalid never resolves (RFC 2606): were it looked up, the hook would see the lookup.
WEBSITE = "https://aarby.invalid"
PASSPHRASE = "blå hest spiser syv gule æbler"
NEW_PASSPHRASE = "grøn ko drikker otte kolde kopper"
#: The commands that run in a pseudo-terminal (the app itself is the empty path).
PTY_COMMANDS = {(), ("wall",)}
#: System calls strace watches: a socket being made, connected, bound or sent from.
TRACED = "socket,connect,bind,sendto,sendmsg"

CommandPath = tuple[str, ...]


def peertui_argv(*args: str) -> list[str]:
    """The installed ``peertui`` script, as a user runs it (``python -m peertui`` without it)."""
    script = Path(sys.executable).with_name("peertui")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "peertui", *args]


def strace_that_works() -> str | None:
    strace = shutil.which("strace")
    if strace is None:
        return None
    try:
        done = subprocess.run(
            [strace, "-f", "-qq", "--seccomp-bpf", "-e", f"trace={TRACED}", "-o", os.devnull,
             "true"],
            capture_output=True,
            timeout=20,
            check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return strace if done.returncode == 0 else None


# ---------------------------------------------------------------------------- one process's record


def library_lookup(record: dict[str, Any]) -> bool:
    """``ctypes.util.find_library`` asking ``ldconfig``, ``gcc`` and ``ld`` where a library is
    (WeasyPrint loading Pango and friends through cffi): local programs, no network."""
    return any(
        frame.lstrip().startswith('File "') and "ctypes/util.py" in frame
        for frame in record["stack"]
    )


_STRACE_SOCKET = re.compile(r"^\d+\s+socket\((\w+),")
_STRACE_ADDRESS = re.compile(r"^\d+\s+(connect|bind|sendto|sendmsg)\(.*sa_family=(\w+)")


def strace_problems(trace: Path) -> list[str]:
    """The lines of an strace log where a socket that is not a Unix socket is made or used."""
    if not trace.exists():
        return []
    found = []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        made = _STRACE_SOCKET.match(line)
        used = _STRACE_ADDRESS.match(line)
        family = made.group(1) if made else used.group(2) if used else None
        if family is not None and family not in ("AF_UNIX", "AF_LOCAL", "PF_UNIX", "PF_LOCAL"):
            found.append(f"strace: {line}")
    return found


@dataclass
class Run:
    path: CommandPath
    argv: list[str]
    code: int | None
    out: str
    err: str
    seconds: float
    log: Path
    trace: Path | None

    def records(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def watched(self) -> bool:
        return any(r["kind"] == "started" for r in self.records())

    def hook_problems(self) -> list[dict[str, Any]]:
        return [
            r
            for r in self.records()
            if r["kind"] in ("socket", "aiohttp", "hook-error")
            or (r["kind"] == "spawn" and not library_lookup(r))
        ]

    def problems(self) -> list[str]:
        found = [
            f"{r['kind']}: {r['event']} {r['detail']} (pid {r['pid']})\n" + "".join(r["stack"])
            for r in self.hook_problems()
        ]
        if self.trace is not None:
            found += strace_problems(self.trace)
        return found

    def unix(self, event: str) -> list[dict[str, Any]]:
        return [r for r in self.records() if r["kind"] == "unix" and r["event"] == event]

    def name(self) -> str:
        return " ".join(("peertui", *self.path))


def assert_quiet(runs: Sequence[Run]) -> None:
    """Each run was watched by the hook, and reached for no network."""
    report = []
    for run in runs:
        if not run.watched():
            report.append(f"{run.name()}: the audit hook never loaded ({run.argv})")
        report += [f"{run.name()}: {problem}" for problem in run.problems()]
    assert not report, "\n\n".join(report)


def assert_succeeded(runs: Sequence[Run]) -> None:
    failed = [f"{r.name()} ended with {r.code}: {r.err.strip()}" for r in runs if r.code != 0]
    assert not failed, "\n".join(failed)


# ---------------------------------------------------------------------------- running under audit


class Audit:
    """Runs processes with the hook loaded (and under strace where it works), one log each."""

    def __init__(self, root: Path, strace: str | None) -> None:
        self.hook_folder = root / "hook"
        self.hook_folder.mkdir()
        shutil.copyfile(HOOK, self.hook_folder / "sitecustomize.py")
        self.logs = root / "logs"
        self.logs.mkdir()
        self.home = root / "no-data"  # the data folder of a command given none
        self.strace = strace
        self.count = 0

    def prepare(
        self, path: CommandPath, argv: list[str]
    ) -> tuple[list[str], dict[str, str], Path, Path | None]:
        self.count += 1
        stem = "-".join((f"{self.count:02d}", *path))
        log = self.logs / f"{stem}.jsonl"
        env = peertui_env(str(self.home))
        env.pop(LOG_VARIABLE, None)
        pythonpath = [str(self.hook_folder), *filter(None, [env.get("PYTHONPATH")])]
        env.update(
            {
                "PYTHONPATH": os.pathsep.join(pythonpath),
                LOG_VARIABLE: str(log),
                "PEERTUI_LANG": "en",
            }
        )
        trace = None
        if self.strace is not None:
            trace = self.logs / f"{stem}.strace"
            argv = [self.strace, "-f", "-qq", "--seccomp-bpf", "-e", f"trace={TRACED}",
                    "-e", "signal=none", "-o", str(trace), *argv]  # fmt: skip
        return argv, env, log, trace

    def run(self, path: CommandPath, *args: str, cwd: Path, argv: list[str] | None = None) -> Run:
        """``peertui PATH ARGS`` (or ``argv``) to its end."""
        command = argv if argv is not None else peertui_argv(*path, *args)
        full, env, log, trace = self.prepare(path, command)
        start = time.perf_counter()
        done = subprocess.run(
            full, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        return Run(
            path, command, done.returncode, done.stdout, done.stderr,
            time.perf_counter() - start, log, trace,
        )  # fmt: skip

    @contextlib.contextmanager
    def terminal(
        self, path: CommandPath, *args: str, data_dir: Path
    ) -> Iterator[tuple[PtyTerminal, Run]]:
        """``peertui PATH ARGS`` in a pseudo-terminal; the run's code and time once it ends."""
        command = peertui_argv(*path, *args)
        full, env, log, trace = self.prepare(path, command)
        env["PEERTUI_DATA_DIR"] = str(data_dir)
        run = Run(path, command, None, "", "", 0.0, log, trace)
        start = time.perf_counter()
        term = PtyTerminal(full, env, size=(100, 30))
        try:
            yield term, run
        finally:
            ends = time.perf_counter() + 15
            while term.alive and time.perf_counter() < ends:
                term.pump(0.05)
            if term.alive:  # strace and the peertui it runs share the terminal's process group
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(term.pid, signal.SIGKILL)
            status = term.close()
            run.code = None if status is None else os.waitstatus_to_exitcode(status)
            run.out = term.text()
            run.seconds = time.perf_counter() - start


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> Audit:
    return Audit(tmp_path_factory.mktemp("net-audit"), strace_that_works())


# ------------------------------------------------------------------------ the commands there are


def listed_commands(help_text: str) -> list[str]:
    """The names under ``Commands:`` in click's help (two spaces in; longer lines continue)."""
    names: list[str] = []
    listing = False
    for line in help_text.splitlines():
        if line.strip() == "Commands:":
            listing = True
        elif listing and (found := re.match(r"^  ([a-z][\w-]*)(?:\s|$)", line)):
            names.append(found.group(1))
        elif listing and line and not line.startswith(" "):
            listing = False
    return names


@dataclass
class HelpTree:
    commands: set[CommandPath]  # every command that does something: the app () and each leaf
    runs: list[Run]


@pytest.fixture(scope="module")
def help_tree(audit: Audit, tmp_path_factory: pytest.TempPathFactory) -> HelpTree:
    cwd = tmp_path_factory.mktemp("help")
    runs: list[Run] = []
    commands: set[CommandPath] = {()}  # with no command, peertui opens the app

    def walk(path: CommandPath) -> None:
        run = audit.run(path, "--help", cwd=cwd, argv=peertui_argv("--lang", "en", *path, "--help"))
        runs.append(run)
        assert run.code == 0, run.err
        below = listed_commands(run.out)
        if path and not below:
            commands.add(path)
        for name in below:
            walk((*path, name))

    walk(())
    return HelpTree(commands, runs)


def test_help_lists_the_commands_and_opens_nothing(help_tree: HelpTree) -> None:
    assert {("demo",), ("check",), ("export",), ("certificate",), ("wall",)} <= help_tree.commands
    assert {("data", "export"), ("data", "import"), ("data", "protect")} <= help_tree.commands
    assert ("data",) not in help_tree.commands  # a group is walked, not run
    # every page says something (no label key such as cli.help.org_set in its place)
    assert not [run.name() for run in help_tree.runs if re.search(r"cli\.(help|desc)\.", run.out)]
    assert_quiet(help_tree.runs)


# ---------------------------------------------------------------------------- the hook works


PLANTED = """
import socket, subprocess, sys
socket.socket(socket.AF_UNIX).close()  # allowed: the wall's kind of socket
try:
    socket.create_connection(("127.0.0.1", 9), timeout=2).close()
except OSError:
    pass
socket.gethostbyname("localhost")
import aiohttp
subprocess.run(["true"], check=False)
"""


def test_the_check_catches_a_planted_socket_a_lookup_aiohttp_and_a_program(
    audit: Audit, tmp_path: Path
) -> None:
    planted = audit.run(("planted",), cwd=tmp_path, argv=[sys.executable, "-c", PLANTED])
    assert planted.code == 0, planted.err
    found = {(r["kind"], r["event"]) for r in planted.hook_problems()}
    assert {
        ("socket", "socket.getaddrinfo"),
        ("socket", "socket.__new__"),
        ("socket", "socket.connect"),
        ("socket", "socket.gethostbyname"),
        ("aiohttp", "import"),
        ("spawn", "subprocess.Popen"),
    } <= found
    (connect,) = [r for r in planted.hook_problems() if r["event"] == "socket.connect"]
    assert "('127.0.0.1', 9)" in connect["detail"]
    assert any('File "<string>"' in frame for frame in connect["stack"])
    assert planted.unix("socket.__new__")  # seen, and allowed
    if planted.trace is not None:
        assert any("AF_INET" in line for line in strace_problems(planted.trace))
    with pytest.raises(AssertionError, match=r"socket\.connect"):
        assert_quiet([planted])


C_LEVEL = """
import ctypes, os
fd = ctypes.CDLL(None, use_errno=True).socket(10, 2, 0)  # AF_INET6, SOCK_DGRAM, as C code would
if fd >= 0:
    os.close(fd)
"""


def test_strace_catches_a_socket_the_hook_cannot_see(audit: Audit, tmp_path: Path) -> None:
    """A C library's socket (WeasyPrint's Pango, fontconfig) bypasses Python's audit events."""
    if audit.strace is None:
        pytest.skip("strace cannot trace here (missing, or ptrace not allowed)")
    planted = audit.run(("planted",), cwd=tmp_path, argv=[sys.executable, "-c", C_LEVEL])
    assert planted.code == 0, planted.err
    assert planted.hook_problems() == []  # invisible to the hook
    with pytest.raises(AssertionError, match=r"strace: .*socket\(AF_INET6, SOCK_DGRAM"):
        assert_quiet([planted])


def test_a_socket_opened_inside_a_real_command_is_caught(audit: Audit, tmp_path: Path) -> None:
    """The same check on ``peertui check`` with a connection attempt planted before it runs."""
    script = (
        "import runpy, socket, sys\n"
        "s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)\n"
        "s.connect(('::1', 9))\n"
        "s.close()\n"
        "sys.argv = ['peertui', 'check']\n"
        "runpy.run_module('peertui', run_name='__main__', alter_sys=True)\n"
    )
    planted = audit.run(("check",), cwd=tmp_path, argv=[sys.executable, "-c", script])
    assert planted.code == 0, planted.err  # the command itself ran to its end
    with pytest.raises(AssertionError, match=r"socket\.connect.*'::1'"):
        assert_quiet([planted])


# ---------------------------------------------------------------------------- every command


def make_logo(path: Path) -> None:
    from PIL import Image  # Pillow comes with WeasyPrint

    Image.new("RGB", (60, 30), (30, 90, 160)).save(path)


def cli_steps(audit: Audit, work: Path) -> list[Run]:
    """Every command but the app and the wall, in an order that gives each something to do:
    a demo folder, the organisation with a website and a logo, sheets, a certificate, exports
    in and out, a second folder protected, re-keyed, unprotected and purged."""
    data, second, out = work / "data", work / "data2", work / "out"
    out.mkdir()
    (work / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (work / "pass2").write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    make_logo(work / "logo.png")
    runs: list[Run] = []

    def step(path: CommandPath, *args: str) -> Run:
        run = audit.run(path, *args, cwd=work)
        runs.append(run)
        return run

    at, at2 = ("--data-dir", str(data)), ("--data-dir", str(second))
    step(("demo",), *at)
    step(("check",))
    step(("organisation", "set"), *at, "--name", "Aarby Peer", "--line", "Recovery i Aarby",
         "--website", WEBSITE, "--contact", "12 34 56 78", "--signer", "Facilitator",
         "--logo", "logo.png")  # fmt: skip
    step(("organisation", "show"), *at)
    step(("export",), *at, "--group", MEETING_GROUP, "--what", "all", "--digital-copy",
         "--link", f"{WEBSITE}/guide", "--out", "out/sheets")  # fmt: skip
    step(("certificate",), *at, "--group", COURSE_GROUP, "--trainee", "Lene", "--out", "out/cert")
    step(("data", "info"), *at)
    step(("data", "export"), *at, "--passphrase-file", "pass", "out/all.age")
    step(("data", "export"), *at, "--unencrypted", "out/all.json")
    step(("data", "import"), *at2, "--passphrase-file", "pass", "-y", "out/all.age")
    step(("forget",), *at, "--group", MEETING_GROUP, "--participant", "Ali", "-y")
    step(("data", "restore"), *at, "--list")
    step(("data", "restore"), *at, "-y")
    step(("data", "protect"), *at2, "--passphrase-file", "pass",
         "--recovery-sheet", "out/recovery.pdf", "-y")  # fmt: skip
    step(("data", "info"), *at2, "--passphrase-file", "pass")
    step(("data", "passphrase"), *at2, "--passphrase-file", "pass", "--new-passphrase-file",
         "pass2")  # fmt: skip
    step(("data", "unprotect"), *at2, "--passphrase-file", "pass2", "-y")
    step(("purge",), *at2, "--today", "01.01.2100", "-y")
    step(("demo",), *at, "--force")
    return runs


def test_every_command_opens_no_internet_socket(
    audit: Audit, help_tree: HelpTree, tmp_path: Path
) -> None:
    work = tmp_path
    runs = cli_steps(audit, work)

    ran = {run.path for run in runs}
    untested = help_tree.commands - PTY_COMMANDS - ran
    assert not untested, f"commands with no no-network check here: {sorted(untested)}"
    assert_succeeded(runs)
    # each command did its work (a command that stopped early would prove little)
    assert len(list((work / "out" / "sheets").glob("*.pdf"))) >= 5
    assert len(list((work / "out" / "cert").glob("*.pdf"))) == 1
    assert (work / "out" / "recovery.pdf").is_file() and (work / "out" / "all.age").is_file()
    assert list((work / "data2" / "groups").glob("*.json")) == []  # purged
    assert_quiet(runs)


# ---------------------------------------------------------------------------- the app and the wall


def test_the_app_and_the_wall_open_no_internet_socket(
    audit: Audit, help_tree: HelpTree, tmp_path: Path
) -> None:
    assert help_tree.commands >= PTY_COMMANDS
    data = tmp_path / "data"
    demo = audit.run(("demo",), "--data-dir", str(data), cwd=tmp_path)
    assert_succeeded([demo])

    with audit.terminal(("wall",), data_dir=data) as (wall, wall_run):
        wall.wait_for("Waiting for peertui", timeout=30)  # no console yet
        wall.settle(0.5)
        with audit.terminal((), data_dir=data) as (console, console_run):
            console.wait_for("Tuesday group (demo)", timeout=30)  # the first screen
            wall.wait_for("Good that you are here", timeout=30)  # attached through the socket
            console.press("q")
        wall.press("q")

    runs = [demo, wall_run, console_run]
    for run in (wall_run, console_run):
        assert run.code == 0, f"{run.name()} ended with {run.code}:\n{run.out}"
    # the hook saw the Unix sockets there are, and let them be
    assert console_run.unix("socket.bind"), console_run.records()
    assert wall_run.unix("socket.connect"), wall_run.records()
    assert_quiet(runs)
