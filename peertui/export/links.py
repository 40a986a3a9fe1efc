"""Where a sheet's QR code leads: never to a placeholder.

The guide page's own ``link`` (content front matter) wins when it is a real https address;
otherwise the organisation's link for that kind of sheet, or its website. With neither, the
code carries a short Danish text that explains the sheet, so a phone shows it with no
internet and nobody lands on a page that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from peertui import labels
from peertui.i18n import _
from peertui.weblinks import is_real_link

#: The kinds of sheet that explain themselves in a QR code when there is no link.
EXPLAINED = ("statement", "goals", "safety_plan", "network_map", "certificate")


@dataclass(frozen=True, slots=True)
class QrTarget:
    """A link (``url``) or, without one, the explanation (``text``); at most one is set."""

    url: str | None = None
    text: str | None = None


def qr_target(kind: str, page_link: str | None, organisation_link: str | None) -> QrTarget:
    """Where the QR code of a sheet of ``kind`` leads (see the module docstring).

    ``organisation_link`` is ``Organisation.link(kind)``: the organisation's link for the kind,
    or its website, or ""."""
    for address in (page_link, organisation_link):
        if is_real_link(address):
            return QrTarget(url=(address or "").strip())
    if kind in EXPLAINED:
        return QrTarget(text=_(labels.EXPORT_ABOUT[kind]))
    return QrTarget()
