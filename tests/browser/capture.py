"""A capture of the traffic on the loopback interface, for the tests that prove what crosses
the room's network: a raw packet socket on ``lo`` (Linux, root), no extra tool.

Every TCP segment to or from one port is kept, with its payload; ``payload()`` is all the
bytes that crossed, in both directions, as one blob to search."""

from __future__ import annotations

import os
import socket
import struct
import sys
import threading
from types import TracebackType

ETH_P_ALL = 0x0003
ETH_HEADER = 14


def can_capture() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


class LoopbackCapture:
    """``with LoopbackCapture(port) as capture: ...`` then ``capture.payload()``."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.segments: list[bytes] = []
        self.frames = 0
        self._stop = threading.Event()
        self._sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        self._sock.bind(("lo", 0))
        self._sock.settimeout(0.05)
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> LoopbackCapture:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                frame, (_ifname, _proto, packet_type, *_rest) = self._sock.recvfrom(262_144)
            except TimeoutError:
                continue
            except OSError:
                return
            # On lo every packet is seen twice (sent, then received): keep the received copy.
            if packet_type == socket.PACKET_OUTGOING:
                continue
            self._take(frame)

    def _take(self, frame: bytes) -> None:
        ip = frame[ETH_HEADER:]
        if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != socket.IPPROTO_TCP:
            return
        ip_header = (ip[0] & 0x0F) * 4
        total = struct.unpack("!H", ip[2:4])[0]
        tcp = ip[ip_header:total]
        if len(tcp) < 20:
            return
        source, destination = struct.unpack("!HH", tcp[:4])
        if self.port not in (source, destination):
            return
        self.frames += 1
        payload = tcp[(tcp[12] >> 4) * 4 :]
        if payload:
            self.segments.append(payload)

    def payload(self) -> bytes:
        return b"".join(self.segments)
