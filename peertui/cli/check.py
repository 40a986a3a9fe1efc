"""``peertui check [STI ...]``: courses, guide pages and scenarios checked for mistakes.

Exit status 0 when there are no errors (warnings allowed), 1 when there are.
"""

from __future__ import annotations

import sys

import click

from peertui.cli.base import command, current
from peertui.i18n import _


def build() -> click.Command:
    @command("check", "check")
    @click.argument(
        "paths",
        nargs=-1,
        metavar="[" + _("PATH") + "]...",
        help=_("files or folders to check"),
    )
    def check(paths: tuple[str, ...]) -> int:
        from peertui.check import run_check  # the content loads when the command runs

        # A single file is checked against the content it belongs to: `--content` if given.
        within = list(current().content) or None
        return run_check(list(paths), out=sys.stdout, within=within)

    return check
