"""Web addresses in content and on sheets: which are real, and what is wrong with the others.

Used by ``peertui check`` (a warning for a placeholder or a plain-http link in content) and by
the exporter (a QR code never points at one)."""

from __future__ import annotations

from urllib.parse import urlsplit

from peertui.i18n import N_

#: Addresses that are never real: documentation examples, this machine, the local network.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def is_real_link(address: str | None) -> bool:
    """An https address that is not a placeholder (example.org, localhost, ...)."""
    if not address:
        return False
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or any(c.isspace() for c in address.strip()):
        return False
    return not any(host == p or host.endswith(f".{p}") for p in PLACEHOLDER_HOSTS)


def link_problem(address: str) -> str | None:
    """Why ``address`` cannot be a sheet's link (a Danish key for ``peertui check``), or None."""
    if is_real_link(address):
        return None
    try:
        host = (urlsplit(address.strip()).hostname or "").lower()
    except ValueError:
        host = ""
    if any(host == p or host.endswith(f".{p}") for p in PLACEHOLDER_HOSTS):
        return N_("the link {link} is an example, not a real address; correct it or remove it")
    return N_("the link {link} must be an https address")
