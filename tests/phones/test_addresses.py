"""The addresses proposed to the facilitator: up interfaces only, IPv4 only, a private
address on a real card first, containers and VPNs never proposed, loopback last."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import psutil
import pytest

from peertui.phones.addresses import Address, addresses


def entry(family: int, address: str) -> SimpleNamespace:
    return SimpleNamespace(family=family, address=address)


def test_order_and_the_likely_one(monkeypatch: pytest.MonkeyPatch) -> None:
    interfaces = {
        "lo": [entry(socket.AF_INET, "127.0.0.1"), entry(socket.AF_INET6, "::1")],
        "docker0": [entry(socket.AF_INET, "172.17.0.1")],
        "eth0": [entry(socket.AF_INET, "10.20.0.5")],
        "wlan0": [entry(socket.AF_INET, "192.168.1.20"), entry(socket.AF_INET6, "fe80::1")],
        "wwan0": [entry(socket.AF_INET, "100.64.3.3")],
        "eth1": [entry(socket.AF_INET, "192.168.9.9")],  # down
    }
    up = {name: SimpleNamespace(isup=name != "eth1") for name in interfaces}
    monkeypatch.setattr(psutil, "net_if_addrs", lambda: interfaces)
    monkeypatch.setattr(psutil, "net_if_stats", lambda: up)
    found = addresses()
    assert found[0] == Address("10.20.0.5", "eth0", likely=True)
    assert [a.ip for a in found] == [
        "10.20.0.5", "192.168.1.20", "100.64.3.3", "172.17.0.1", "127.0.0.1"
    ]  # fmt: skip
    assert [a.likely for a in found] == [True, False, False, False, False]


def test_only_loopback_proposes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        psutil, "net_if_addrs", lambda: {"lo": [entry(socket.AF_INET, "127.0.0.1")]}
    )
    monkeypatch.setattr(psutil, "net_if_stats", lambda: {"lo": SimpleNamespace(isup=True)})
    assert addresses() == [Address("127.0.0.1", "lo", likely=False)]


def test_this_machine() -> None:
    found = addresses()
    assert all(a.ip.count(".") == 3 for a in found)
    assert sum(a.likely for a in found) <= 1
    loopback = [i for i, a in enumerate(found) if a.ip.startswith("127.")]
    assert all(i >= len(found) - len(loopback) for i in loopback)
