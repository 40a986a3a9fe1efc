"""What every command shares: how a command is declared (Danish placeholders in ``--help``),
the global options, the ``--data-dir`` given after a command (it wins over the global one), and
one calm line on stderr for every error (never a traceback).

Only click and the strings load here; what a command runs loads inside its function.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

import click

from peertui import labels
from peertui.cli.exits import EXIT_CANCELLED, EXIT_ERROR
from peertui.i18n import N_, _

if TYPE_CHECKING:
    from peertui.store.protection import Identity

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Globals:
    """The options given before the command: ``peertui --data-dir D --content C …``."""

    data_dir: str | None = None
    content: tuple[str, ...] = ()


def current() -> Globals:
    """The global options of the command line that is running."""
    found = click.get_current_context().find_object(Globals)
    return found if found is not None else Globals()


def data_folder(sub_data_dir: str | None) -> Path:
    """The data folder: ``--data-dir`` after the command, else before it, else
    ``PEERTUI_DATA_DIR``, else the user's data folder."""
    from peertui.store.paths import resolve_data_dir  # when a command runs

    return resolve_data_dir(sub_data_dir or current().data_dir)


def command(name: str, key: str, page: bool = True) -> Callable[[F], click.Command]:
    """A command named ``name``; its line in the list of commands is ``cli.help.<key>``, its
    own page ``cli.desc.<key>`` (or, with ``page=False``, the line again)."""
    declare = click.command(
        name,
        short_help=_(labels.CLI_HELP[key]),
        help=_(labels.CLI_DESC[key] if page else labels.CLI_HELP[key]),
        options_metavar=_("[OPTIONS]"),
    )
    return lambda callback: declare(own_work(callback))


def own_work(callback: F) -> F:
    """``callback`` run with gettext as the process had it, not click's words (words.py)."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        from peertui.cli.words import as_before

        with as_before():
            return callback(*args, **kwargs)

    return cast(F, run)


def group(name: str, key: str) -> Callable[[F], click.Group]:
    """A command with its own commands (``peertui data export``)."""
    return click.group(
        name,
        short_help=_(labels.CLI_HELP[key]),
        help=_(labels.CLI_DESC[key]),
        options_metavar=_("[OPTIONS]"),
        subcommand_metavar=_("ACTION [ARGS]..."),
    )


def data_dir_option(
    help_key: str = N_("data folder (otherwise PEERTUI_DATA_DIR or the user's data folder)"),
) -> Callable[[F], F]:
    """``--data-dir`` after the command (``peertui demo --data-dir D``)."""
    return click.option("--data-dir", "sub_data_dir", metavar=_("FOLDER"), help=_(help_key))


def folder_passphrase_option(flag: str = "--passphrase-file") -> Callable[[F], F]:
    """The passphrase of a protected data folder, for scripts (``--passphrase-file``; on
    ``data export``/``data import``, where that names the file's, ``--data-passphrase-file``)."""
    return click.option(
        flag,
        "folder_passphrase_file",
        metavar=_("FILE"),
        help=_("read the data folder's passphrase from the first line of this file (for scripts)"),
    )


class NotAnswered(Exception):
    """The input ended at a question (Ctrl+D): cancelled, like a no."""


def ask_secret(prompt: str) -> str:
    """A passphrase typed on the terminal, not shown. ``NotAnswered`` if the input ends."""
    import getpass

    from peertui.store.text import clean  # what is printed passes the store's cleaner

    try:
        return getpass.getpass(clean(prompt))
    except EOFError:
        raise NotAnswered from None


def passphrase_given(passphrase_file: str | None, no_terminal: str) -> str | None:
    """The passphrase in ``passphrase_file`` (for scripts); None when there is none and a
    terminal can be asked instead. ``StoreError(no_terminal)`` when neither is there."""
    from peertui.store.errors import StoreError
    from peertui.store.passphrase import read_passphrase_file

    if passphrase_file:
        return read_passphrase_file(Path(passphrase_file))
    if not sys.stdin.isatty():
        raise StoreError(no_terminal)
    return None


def folder_key(
    folder: Path, passphrase_file: str | None, flag: str = "--passphrase-file"
) -> Identity | None:
    """A protected data folder's key, unlocked with the passphrase from ``passphrase_file``
    or typed on the terminal (stretched once per command); None for a folder that is not
    protected. ``WrongPassphrase`` (nothing has been read or changed)."""
    from peertui.store.protection import is_protected, unlock

    if not is_protected(folder):
        return None
    passphrase = passphrase_given(
        passphrase_file,
        _(
            "The data folder {dir} is protected with a passphrase. Give it with {option} "
            "FILE when peertui is not running in a terminal. Nothing has been changed.",
            dir=str(folder),
            option=flag,
        ),
    ) or ask_secret(_("Passphrase for the data folder: "))
    return unlock(folder, passphrase=passphrase)


def yes_option() -> Callable[[F], F]:
    return click.option("-y", "--yes", is_flag=True, help=_("do not ask first (for scripts)"))


def plain(text: str, file: TextIO) -> None:
    print(text, file=file)


def one_calm_line(
    run: Callable[[], int],
    expected: tuple[type[Exception], ...],
    err: TextIO | None = None,
    say: Callable[[str, TextIO], None] = plain,
) -> int:
    """``run()``'s status. An ``expected`` error (the store's, the exporter's) is its message on
    stderr and status 2; Ctrl+C is "Afbrudt." and 1; anything else one line naming only the
    kind of error (no participant's words) and 2, unless ``PEERTUI_DEBUG`` is set. A closed
    stdout passes through: ``peertui.cli.main`` ends quietly."""
    stderr = err or sys.stderr
    try:
        return run()
    except expected as exc:
        say(str(exc), stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        say(_("Interrupted."), stderr)
        return EXIT_CANCELLED
    except NotAnswered:
        say(_("Cancelled. Nothing has been changed."), stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        raise
    except Exception as exc:
        if os.environ.get("PEERTUI_DEBUG"):
            raise
        say(
            _(
                "An unexpected error happened ({kind}). Nothing has been deleted. "
                "Start peertui again; if that does not help, contact the person who "
                "maintains peertui.",
                kind=type(exc).__name__,
            ),
            stderr,
        )
        return EXIT_ERROR
