"""Phones are off until asked: importing the phones package (and the console's start-up)
opens no socket and loads neither aiohttp nor PyNaCl; listing the addresses sends nothing."""

from __future__ import annotations

import subprocess
import sys

CHECK = r"""
import socket, sys
made = []
class Watched(socket.socket):
    def __init__(self, *args, **kwargs):
        made.append(args)
        super().__init__(*args, **kwargs)
socket.socket = Watched
for name in ("create_connection", "create_server", "socketpair", "getaddrinfo"):
    setattr(socket, name, lambda *a, _n=name, **k: made.append(_n))

import peertui.phones
import peertui.phones.addresses
heavy_after_package = sorted(m for m in sys.modules if m.split(".")[0] in {"aiohttp", "nacl"})
found = peertui.phones.addresses.addresses()
import peertui.phones.server
heavy_after_server = sorted(m for m in sys.modules if m.split(".")[0] == "aiohttp")
print("MADE", made)
print("HEAVY", heavy_after_package, heavy_after_server)
print("LOOPBACK_LAST", found[-1].ip if found else "")
"""


def test_importing_phones_opens_nothing_and_loads_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, check=True
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["MADE"] == "[]"
    assert lines["HEAVY"] == "[] []"
    assert lines["LOOPBACK_LAST"] in ("", "127.0.0.1") or lines["LOOPBACK_LAST"].startswith("127.")


def test_console_start_up_does_not_load_the_phone_server() -> None:
    code = (
        "import sys, peertui.ui.app, peertui.cli\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.startswith(('aiohttp', 'peertui.phones.server'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
