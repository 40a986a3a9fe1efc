"""``peertui export``: print a group's sheets as PDFs from the command line.

    peertui export --group G [--participant P] [--what statement|goals|safety|network|summary|all]
                   [--out DIR] [--link URL] [--digital-copy] [--one-file] [--force]

Declaring the command does not import the exporter (about 90 ms): the store, the content and
(inside the export) WeasyPrint load when the command runs. The store is opened read-only, so
this works while the app runs on the same data folder. A missing output folder is created
(0700) if its parent exists. Each written file's path goes to stdout, one per line; notices and
the closing line go to stderr. Every error is one calm line on stderr and exit status 2.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import click

from peertui.cli.base import (
    command,
    current,
    data_dir_option,
    data_folder,
    folder_key,
    folder_passphrase_option,
    one_calm_line,
)
from peertui.cli.exits import EXIT_ERROR, EXIT_OK
from peertui.i18n import _, ngettext

# Listed here, not imported, so declaring the command stays cheap; a test checks they match
# peertui.export.from_store.WHAT_CHOICES.
WHAT_CHOICES = ("statement", "goals", "safety", "network", "summary", "all")


@dataclass(frozen=True)
class ExportOptions:
    group: str
    participant: str | None = None
    what: str = "statement"
    out: str | None = None
    link: str | None = None
    digital_copy: bool = False
    one_file: bool = False
    force: bool = False
    folder: Path | None = None  # None: the data folder the command line names
    content: tuple[str, ...] = ()
    passphrase_file: str | None = None  # a protected data folder's, for scripts


def build() -> click.Command:
    @command("export", "print")
    @click.option(
        "--group", required=True, metavar=_("GROUP"), help=_("the group's id or exact name")
    )
    @click.option(
        "--participant",
        metavar=_("PARTICIPANT"),
        help=_("only this participant (id or first name/nickname)"),
    )
    @click.option(
        "--what",
        type=click.Choice(WHAT_CHOICES),
        default="statement",
        help=_(
            "which sheets: statement (default), goals, safety, network, summary "
            "(the group summary) or all (all four sheets per participant and the "
            "group summary)"
        ),
    )
    @click.option(
        "--out",
        metavar=_("FOLDER"),
        help=_("folder for the files, otherwise ./peertui-udskrifter (created if missing)"),
    )
    @click.option(
        "--link",
        metavar="URL",
        help=_("address for the QR code at the bottom of the sheets instead of the guide's"),
    )
    @click.option(
        "--digital-copy",
        is_flag=True,
        help=_("digital copy of the statement as a QR code, for participants who consent to it"),
    )
    @click.option("--one-file", is_flag=True, help=_("all sheets in one PDF file"))
    @click.option("--force", is_flag=True, help=_("overwrite files that already exist"))
    @folder_passphrase_option()
    @data_dir_option()
    def export(
        group: str,
        participant: str | None,
        what: str,
        out: str | None,
        link: str | None,
        digital_copy: bool,
        one_file: bool,
        force: bool,
        folder_passphrase_file: str | None,
        sub_data_dir: str | None,
    ) -> int:
        options = ExportOptions(
            group=group,
            participant=participant,
            what=what,
            out=out,
            link=link,
            digital_copy=digital_copy,
            one_file=one_file,
            force=force,
            folder=data_folder(sub_data_dir),
            content=current().content,
            passphrase_file=folder_passphrase_file,
        )
        return run(options)

    return export


def run(options: ExportOptions, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``peertui export``. Errors become one line on ``err`` and exit status 2."""
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    # The exporter and the store load when the command runs, never with the parser.
    from peertui.export.errors import ExportError
    from peertui.store.errors import StoreError

    return one_calm_line(
        lambda: _export(options, stdout, stderr), (StoreError, ExportError), stderr
    )


def _export(args: ExportOptions, out: TextIO, err: TextIO) -> int:
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

    folder = args.folder or resolve_data_dir(None)
    library = load_library([Path(p) for p in args.content] if args.content else None)
    key = folder_key(folder, args.passphrase_file)
    with open_store(folder, read_only=True, key=key) as store:
        try:
            group = store.find_group(args.group)
        except NotFound:
            # Say where it looked: the demo, for one, lives in its own folder (.demo-data).
            print(
                _(
                    "The group '{ref}' does not exist in the data folder {dir}. Choose "
                    "another folder with --data-dir.",
                    ref=args.group,
                    dir=folder,
                ),
                file=err,
            )
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
        print(_("There are no sheets to print."), file=err)
        return EXIT_ERROR

    target = Path(args.out).expanduser() if args.out else default_out_dir()
    if not args.out:
        print(_("No --out: the files are put in {dir}.", dir=target), file=err)
    if prepare_out_dir(target):
        print(_("The folder {dir} has been created; only you can open it.", dir=target), file=err)

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
        print(_("{file}: {message}", file=name, message=notice.message), file=err)
    directory = result.paths[0].parent if result.paths else target

    print(
        ngettext(
            "{count} file has been written to {dir}.",
            "{count} files have been written to {dir}.",
            len(result.paths),
            dir=directory,
        ),
        file=err,
    )
    return EXIT_OK
