"""``peertui export``: print a group's sheets as PDFs from the command line.

    peertui export --group G [--participant P] [--what statement|goals|safety|network|summary|all]
                   [--out DIR] [--link URL] [--digital-copy] [--one-file] [--force]

This module lives outside ``peertui.export`` so that building the parser (on every start,
the app's too) does not import the exporter (about 90 ms). Only ``argparse`` and the strings
load when the parser is built; the store, the content and (inside the export) WeasyPrint load
when the command runs. The store is opened read-only, so this works while the app runs on the
same data folder. A missing output folder is created (0700) if its parent exists. Each
written file's path goes to stdout, one per line; notices and the closing line go to stderr.
Every error is one calm line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from peertui.strings import t

EXIT_OK = 0
EXIT_CANCELLED = 1
EXIT_ERROR = 2


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # The choices are listed here, not imported, so building the parser stays cheap;
    # a test checks they match peertui.export.from_store.WHAT_CHOICES.
    parser = sub.add_parser("export", help=t("cli.help.print"), description=t("cli.desc.print"))
    parser.add_argument("--group", required=True, metavar="GRUPPE", help=t("cli.help.print_group"))
    parser.add_argument("--participant", metavar="DELTAGER", help=t("cli.help.print_participant"))
    parser.add_argument(
        "--what",
        choices=("statement", "goals", "safety", "network", "summary", "all"),
        default="statement",
        help=t("cli.help.print_what"),
    )
    parser.add_argument("--out", metavar="MAPPE", help=t("cli.help.print_out"))
    parser.add_argument("--link", metavar="URL", help=t("cli.help.print_link"))
    parser.add_argument(
        "--digital-copy", action="store_true", help=t("cli.help.print_digital_copy")
    )
    parser.add_argument("--one-file", action="store_true", help=t("cli.help.print_one_file"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.print_force"))
    parser.add_argument(
        "--data-dir", dest="sub_data_dir", metavar="MAPPE", help=t("cli.help.data_dir")
    )


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``peertui export``. Errors become one line on ``err`` and exit status 2."""
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    # The exporter and the store load when the command runs, never with the parser.
    from peertui.export.errors import ExportError
    from peertui.store.errors import StoreError

    try:
        return _export(args, stdout, stderr)
    except (StoreError, ExportError) as exc:
        print(str(exc), file=stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        raise  # stdout closed (| head): peertui.cli.main exits quietly
    except Exception as exc:
        if os.environ.get("PEERTUI_DEBUG"):
            raise
        print(t("error.unexpected", kind=type(exc).__name__), file=stderr)
        return EXIT_ERROR


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Not with the parser: the content, the exporter and the store load when the command runs.
    from peertui.content import load_library
    from peertui.export import export_sheets
    from peertui.export.from_store import (
        default_out_dir,
        guide_links,
        plan_export,
        prepare_out_dir,
    )
    from peertui.store.errors import NotFound
    from peertui.store.paths import resolve_data_dir
    from peertui.store.store import open_store

    folder = resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)
    content = getattr(args, "content", None)
    library = load_library([Path(p) for p in content] if content else None)
    with open_store(folder, read_only=True) as store:
        try:
            group = store.find_group(args.group)
        except NotFound:
            # Say where it looked: the demo, for one, lives in its own folder (.demo-data).
            print(t("export.cli.no_group", ref=args.group, dir=folder), file=err)
            return EXIT_ERROR
        participant = (
            store.find_participant(group.id, args.participant) if args.participant else None
        )
        plan = plan_export(
            store,
            group.id,
            what=args.what,
            participant_id=participant.id if participant else None,
            links=guide_links(library),
            link_override=args.link,
            digital_copy=args.digital_copy,
            course=library.course(group.course),
        )
    for line in plan.notices():
        print(line, file=err)
    if not plan.sheets:
        print(t("export.nothing"), file=err)
        return EXIT_ERROR

    target = Path(args.out).expanduser() if args.out else default_out_dir()
    if not args.out:
        print(t("export.cli.default_out", dir=target), file=err)
    if prepare_out_dir(target):
        print(t("export.cli.created", dir=target), file=err)

    result = export_sheets(
        plan.sheets,
        target,
        one_file=args.one_file,
        force=args.force,
        anonymous_names=True,
        title=plan.title,  # one file: titled by the group's name
    )
    for path in result.paths:
        print(path, file=out)
    for notice in result.notices:
        name = result.sheet_paths[notice.sheet].name
        print(t("export.cli.notice", file=name, message=notice.message), file=err)
    directory = result.paths[0].parent if result.paths else target
    print(t("export.cli.done", count=len(result.paths), dir=directory), file=err)
    return EXIT_OK
