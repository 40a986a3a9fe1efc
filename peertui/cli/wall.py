"""``peertui wall``: the wall (the projector's window) in this terminal."""

from __future__ import annotations

import click

from peertui.cli.base import command, data_dir_option, data_folder
from peertui.i18n import N_


def build() -> click.Command:
    @command("wall", "wall")
    @data_dir_option(N_("data folder"))
    def wall(sub_data_dir: str | None) -> int:
        from peertui.ui.wall import run_wall  # Textual loads when the wall opens

        return run_wall(data_folder(sub_data_dir))

    return wall
