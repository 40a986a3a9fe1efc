"""The addresses this machine could offer phones: every IPv4 address of an interface that is
up, the likely one first (the first private, non-loopback address of a real network card),
loopback last. Read from the system with psutil; nothing is sent anywhere."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

#: Interfaces made by containers, virtual machines and VPNs: their addresses are listed, but
#: never proposed, since the phones in the room cannot reach them.
VIRTUAL_PREFIXES = (
    "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "lxd", "cni", "flannel",
    "podman", "tailscale", "zt", "wg", "tun", "tap", "utun",
)  # fmt: skip


@dataclass(frozen=True)
class Address:
    ip: str  # "192.168.1.20" or "127.0.0.1"
    interface: str  # "wlan0", "lo"
    likely: bool  # the one proposed (first private, non-loopback IPv4 that is up)


def _rank(ip: str, interface: str) -> int:
    """0 for a private address on a real card, then other real ones, virtual, loopback."""
    parsed = ipaddress.IPv4Address(ip)
    if parsed.is_loopback:
        return 4
    if interface.lower().startswith(VIRTUAL_PREFIXES):
        return 3
    if parsed.is_link_local:
        return 2
    return 0 if parsed.is_private else 1


def addresses() -> list[Address]:
    """Every IPv4 address of this machine's interfaces that are up, the likely one first,
    loopback last. Uses psutil.net_if_addrs/net_if_stats. Opens no socket."""
    import psutil

    stats = psutil.net_if_stats()
    found: list[tuple[int, int, str, str]] = []
    for order, (interface, entries) in enumerate(psutil.net_if_addrs().items()):
        stat = stats.get(interface)
        if stat is None or not stat.isup:
            continue
        for entry in entries:
            if entry.family != socket.AF_INET:
                continue
            found.append((_rank(entry.address, interface), order, interface, entry.address))
    found.sort()
    return [
        Address(ip=ip, interface=interface, likely=(i == 0 and rank == 0))
        for i, (rank, _order, interface, ip) in enumerate(found)
    ]
