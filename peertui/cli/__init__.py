"""The command line, on click: every command, its help, its exit statuses and its errors.

    peertui [--data-dir FOLDER] [--content PATH ...] [--lang da|en] [COMMAND ...]

With no command it opens the app. The commands live one family to a module: ``check``,
``wall``, ``data`` (``data``, ``forget``, ``purge``, ``demo``, ``organisation``), ``export``,
``certificate``; ``base`` holds what they share, ``exits`` every exit status (the README lists
them), ``words`` how click's own words ("Usage:", "Error: …") come out in Danish.

Start-up stays light: importing this package loads nothing; :func:`main` loads click and the
strings, and each command imports what it runs only when it runs (Textual for the app and the
wall, the store, the exporter, WeasyPrint).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from peertui.cli.exits import (
    EXIT_BROKEN_PIPE,
    EXIT_CANCELLED,
    EXIT_ERROR,
    EXIT_NOT_YET,
    EXIT_OK,
    EXIT_USAGE,
)

if TYPE_CHECKING:
    import click

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_CANCELLED",
    "EXIT_ERROR",
    "EXIT_NOT_YET",
    "EXIT_OK",
    "EXIT_USAGE",
    "build",
    "main",
]


def build() -> click.Group:
    """The ``peertui`` command and all its commands (declared afresh, in the current
    language)."""
    import click

    from peertui import __version__
    from peertui.cli import certificate, check, data, export, wall
    from peertui.cli.base import Globals, own_work
    from peertui.i18n import LANGUAGES, _

    @click.group(
        "peertui",
        invoke_without_command=True,
        help=_("Run peer support groups from the terminal."),
        options_metavar=_("[OPTIONS]"),
        subcommand_metavar=_("COMMAND [ARGS]..."),
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    @click.version_option(__version__, "--version", message="peertui %(version)s")
    @click.option(
        "--data-dir",
        metavar=_("FOLDER"),
        help=_("data folder (otherwise PEERTUI_DATA_DIR or the user's data folder)"),
    )
    @click.option(
        "--content",
        multiple=True,
        metavar=_("PATH"),
        help=_("content folder instead of the built-in one (can be given more than once)"),
    )
    @click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        metavar="da|en",
        help=_("language: da (Danish) or en (English); otherwise PEERTUI_LANG or the system's"),
    )
    @click.pass_context
    @own_work
    def peertui(
        ctx: click.Context, data_dir: str | None, content: tuple[str, ...], lang: str | None
    ) -> int:
        # --lang was applied before the commands were declared (see _dispatch).
        ctx.obj = Globals(data_dir=data_dir, content=content)
        if ctx.invoked_subcommand is not None:
            return EXIT_OK
        from peertui.ui.app import run_app  # Textual loads only for the app

        return run_app(content_paths=list(content) or None, data_dir=data_dir)

    for command in (
        check.build(),
        wall.build(),
        *data.build(),
        export.build(),
        certificate.build(),
    ):
        peertui.add_command(command)
    return peertui


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit status (see ``peertui.cli.exits``). ``--help`` and
    ``--version`` raise ``SystemExit(0)``, a usage error ``SystemExit(2)`` after one Danish
    message on stderr. A closed stdout ends it quietly with ``EXIT_BROKEN_PIPE``."""
    try:
        try:
            status = _dispatch(sys.argv[1:] if argv is None else list(argv))
        except SystemExit:
            _flush_stdout()
            raise
        _flush_stdout()
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def asked_language(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (before ``--``), if any. It is read before click
    parses, because every help text is declared in the language asked for."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


@contextlib.contextmanager
def _speaking(asked: str | None) -> Iterator[None]:
    """``--lang`` for this run, and for what it starts; the environment as it was after."""
    from peertui import i18n

    before = os.environ.get("PEERTUI_LANG")
    if asked is not None and i18n.normalise(asked) == asked:
        i18n.use(asked)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PEERTUI_LANG", None)
        else:
            os.environ["PEERTUI_LANG"] = before


def _dispatch(argv: list[str]) -> int:
    if not argv:
        return _app_only()
    import click

    from peertui.cli.words import click_speaks
    from peertui.i18n import _, language

    with _speaking(asked_language(argv)), click_speaks(language()):
        command = build()
        try:
            with command.make_context("peertui", argv) as ctx:
                status = command.invoke(ctx)
        except click.exceptions.Exit as done:  # --help, --version
            raise SystemExit(done.exit_code) from None
        except click.ClickException as error:  # a usage error: click's words, in Danish
            error.show()
            raise SystemExit(error.exit_code) from None
        except (click.Abort, KeyboardInterrupt):
            print(_("Interrupted."), file=sys.stderr)
            return EXIT_CANCELLED
    return status if isinstance(status, int) else EXIT_OK


def _app_only() -> int:
    """``peertui`` with nothing after it: the app, as the top command runs it, without
    declaring the command line first (click and every command: about 20 ms of start-up)."""
    from peertui.i18n import _
    from peertui.ui.app import run_app  # Textual loads only for the app

    try:
        status = run_app(content_paths=None, data_dir=None)
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return EXIT_CANCELLED
    return status if isinstance(status, int) else EXIT_OK


def _flush_stdout() -> None:
    # A closed pipe shows up here at the latest, not in Python's own flush at exit (which
    # would print "Exception ignored ... BrokenPipeError" on stderr).
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so whatever is still buffered (and Python's flush at exit)
    goes nowhere instead of raising BrokenPipeError again (the recipe in Python's signal
    docs, "Note on SIGPIPE")."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
