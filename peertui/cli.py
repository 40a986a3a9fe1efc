"""Command line entry point. Keeps imports light: Textual loads only for the app."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from peertui import __version__
from peertui.strings import t

# Exit status when stdout is a pipe that was closed early (``peertui data info | head -1``):
# 141, which is what a shell reports for a program killed by SIGPIPE (128 + 13), so peertui
# looks like any other Unix tool in a pipeline (``set -o pipefail`` sees it as a failure).
# Nothing is printed: the reader stopped reading on purpose; no data was touched.
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peertui",
        description=t("cli.desc.main"),
    )
    parser.add_argument("--version", action="version", version=f"peertui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="MAPPE",
        help=t("cli.help.data_dir"),
    )
    parser.add_argument(
        "--content",
        metavar="STI",
        action="append",
        help=t("cli.help.content"),
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    check = sub.add_parser(
        "check",
        help=t("cli.help.check"),
        description=t("cli.desc.check"),
    )
    check.add_argument("paths", nargs="*", metavar="STI", help=t("cli.help.check_paths"))
    wall = sub.add_parser(
        "wall",
        help=t("cli.help.wall"),
        description=t("cli.desc.wall"),
    )
    wall.add_argument(
        "--data-dir", dest="wall_data_dir", metavar="MAPPE", help=t("cli.help.wall_data_dir")
    )
    # Imported here, not at the top, so that `import peertui.cli` loads only argparse and the
    # strings. data export|import|restore|info, forget, purge, demo (the parser only; no store)
    from peertui.store.cli import add_commands

    add_commands(sub)
    # export: PDF sheets (the parser only; the exporter loads when the command runs), as above
    from peertui.export_command import add_command as add_export_command

    add_export_command(sub)
    # certificate: a trainee's certificate as PDF (the parser only), as above
    from peertui.certificate_command import add_command as add_certificate_command

    add_certificate_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. A closed stdout ends it quietly with ``EXIT_BROKEN_PIPE``."""
    try:
        try:
            status = _dispatch(argv)
        except SystemExit:  # argparse: --help, --version, a usage error
            _flush_stdout()
            raise
        _flush_stdout()
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


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


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Each command imports what it runs only when it runs: the app's start-up stays fast.
    if args.command == "check":
        from peertui.check import run_check

        return run_check(args.paths, out=sys.stdout)
    if args.command == "wall":
        from peertui.store.paths import resolve_data_dir
        from peertui.ui.wall import run_wall

        return run_wall(resolve_data_dir(args.wall_data_dir or args.data_dir))
    if args.command in ("data", "forget", "purge", "demo", "organisation"):
        from peertui.store.cli import run

        return run(args)
    if args.command == "export":
        from peertui.export_command import run as run_export

        return run_export(args)
    if args.command == "certificate":
        from peertui.certificate_command import run as run_certificate

        return run_certificate(args)
    from peertui.ui.app import run_app  # Textual loads only for the app

    return run_app(content_paths=args.content, data_dir=args.data_dir)
