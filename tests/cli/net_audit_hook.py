"""An audit hook that writes down every reach for a network: tests/cli/test_no_network.py.

The test copies this file into a temporary folder as ``sitecustomize.py`` and puts that folder
first on ``PYTHONPATH``, so every Python process a command starts loads it before ``peertui``
does. With ``PEERTUI_NET_AUDIT_LOG`` set it installs a :func:`sys.addaudithook` hook that
appends one JSON line to that file:

- ``started`` once per process (its pid and command line), so a run that never loaded the hook
  cannot pass for a quiet one;
- ``socket`` for a socket that is not a Unix socket being made, connected, bound or sent from,
  and for every name lookup (``getaddrinfo``, ``gethostbyname``, …). The wall's socket is a Unix
  socket in the data folder: it is written down as ``unix`` (allowed), which shows the hook sees
  the sockets that are there;
- ``aiohttp`` when the phone server's web library is imported (phones are off);
- ``spawn`` when the process starts another program (which this hook could not watch) or opens
  a web browser.

Each line carries the Python stack that led to it. Sockets made by C libraries without
Python's ``socket`` module are not seen: the test's strace pass covers those where strace runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

LOG_VARIABLE = "PEERTUI_NET_AUDIT_LOG"
AF_UNIX = 1  # socket.AF_UNIX on Linux and macOS; the socket module is not imported here

#: Events that carry a socket as their first argument.
_ON_A_SOCKET = frozenset({"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"})
#: Name lookups: each one may ask a DNS server, whatever socket follows.
_LOOKUPS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
    }
)
_SPAWNS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.startfile",
        "webbrowser.open",
    }
)


def _family(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]
    except (TypeError, ValueError):
        return None


def append(log: str, kind: str, event: str, detail: str, stack: list[str]) -> None:
    """One JSON line, appended in one write (processes may share the file)."""
    record = {
        "kind": kind,
        "event": event,
        "detail": detail[:500],
        "pid": os.getpid(),
        "argv": list(getattr(sys, "orig_argv", sys.argv)),
        "stack": stack,
    }
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(record) + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def make_hook(log: str) -> Callable[[str, tuple[Any, ...]], None]:
    busy = False
    aiohttp_seen = False

    def write(kind: str, event: str, detail: str, *, stack: bool = True) -> None:
        # the last three frames are this writer, classify() and the hook
        append(log, kind, event, detail, traceback.format_stack()[:-3] if stack else [])

    def classify(event: str, args: tuple[Any, ...]) -> None:
        nonlocal aiohttp_seen
        if event == "socket.__new__":
            # (socket, family, type, proto); family -1: made from a file descriptor
            family = _family(args[1])
            kind = "unix" if family == AF_UNIX else "socket"
            write(kind, event, f"family={args[1]} type={args[2]} proto={args[3]}")
        elif event in _ON_A_SOCKET:
            family = _family(getattr(args[0], "family", None))
            kind = "unix" if family == AF_UNIX else "socket"
            write(kind, event, f"family={family} address={args[1]!r}")
        elif event in _LOOKUPS:
            write("socket", event, repr(args))
        elif event == "import":
            if not aiohttp_seen and str(args[0]).partition(".")[0] == "aiohttp":
                aiohttp_seen = True
                write("aiohttp", event, str(args[0]))
        elif event in _SPAWNS:
            write("spawn", event, repr(args[:2]))

    def hook(event: str, args: tuple[Any, ...]) -> None:
        nonlocal busy
        if busy:
            return
        if not (event.startswith("socket.") or event == "import" or event in _SPAWNS):
            return
        busy = True
        try:
            classify(event, args)
        except Exception as error:  # a hook that raises would break the program it watches
            with contextlib.suppress(OSError):
                write("hook-error", event, repr(error), stack=False)
        finally:
            busy = False

    return hook


def install() -> None:
    log = os.environ.get(LOG_VARIABLE)
    if not log:
        return
    sys.addaudithook(make_hook(log))
    append(log, "started", "", "", [])  # this process is watched


install()
