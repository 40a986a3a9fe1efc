"""``peertui certificate``: print a trainee's certificate ("Bevis") as a PDF.

    peertui certificate --group G --trainee T [--out DIR]

``G`` is the training group's id or exact name, ``T`` the trainee's id or alias (as for
``peertui export``). Declaring the command imports nothing heavy.

* The path of the written file goes to stdout (one line); everything else to stderr.
* Not ready (fewer than 4 people taught within 2 months of the course day): the lines saying
  what is missing go to stderr, nothing is written, exit status 1.
* The first print records the day in the store (``certified``), so the store is opened for
  writing. When a running peertui holds the data folder's lock, the certificate is printed
  anyway from a read-only store, the day is not recorded, and stderr says so.
* Errors (unknown group or trainee, a participant who is not a trainee, a missing folder ...)
  are one calm line on stderr and exit status 2, never a traceback; Ctrl+C exits with 1.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

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
from peertui.cli.exits import EXIT_NOT_READY, EXIT_OK
from peertui.i18n import _

if TYPE_CHECKING:
    from peertui.store.protection import Identity
    from peertui.store.schema import Participant
    from peertui.store.store import Store


@dataclass(frozen=True)
class CertificateOptions:
    group: str
    trainee: str
    out: str | None
    folder: Path
    content: tuple[str, ...] = ()
    passphrase_file: str | None = None  # a protected data folder's, for scripts


def build() -> click.Command:
    @command("certificate", "certificate")
    @click.option(
        "--group",
        required=True,
        metavar=_("GROUP"),
        help=_("the course's group: id or exact name"),
    )
    @click.option(
        "--trainee",
        required=True,
        metavar=_("TRAINEE"),
        help=_("the trainee: id or first name/nickname"),
    )
    @click.option(
        "--out",
        metavar=_("FOLDER"),
        help=_("folder for the file, otherwise ./peertui-udskrifter (created if missing)"),
    )
    @folder_passphrase_option()
    @data_dir_option()
    def certificate(
        group: str,
        trainee: str,
        out: str | None,
        folder_passphrase_file: str | None,
        sub_data_dir: str | None,
    ) -> int:
        options = CertificateOptions(
            group=group,
            trainee=trainee,
            out=out,
            folder=data_folder(sub_data_dir),
            content=current().content,
            passphrase_file=folder_passphrase_file,
        )
        return run(options)

    return certificate


def run(options: CertificateOptions, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``peertui certificate``. See the module docstring for the exit statuses."""
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    # The exporter and the store load when the command runs, never with the parser.
    from peertui.export.certificate import NotReady
    from peertui.export.errors import ExportError
    from peertui.store.errors import StoreError

    def attempt() -> int:
        try:
            return _certificate(options, stdout, stderr)
        except NotReady as not_ready:
            print(not_ready.message, file=stderr)
            for line in not_ready.lines:
                print(line, file=stderr)
            return EXIT_NOT_READY

    return one_calm_line(attempt, (StoreError, ExportError), stderr)


def find_trainee(store: Store, group_id: str, ref: str) -> Participant:
    """The participant ``ref`` names (id, or alias ignoring case) in ``group_id``. ``NotFound``
    if none, ``InvalidInput`` if several, ``NotATrainee`` if it is not a trainee. No message
    repeats what was typed or an alias."""
    # The exporter and the store load when the command runs, never with the parser.
    from peertui.export.certificate import NotATrainee
    from peertui.store.errors import InvalidInput, NotFound

    wanted = ref.strip()
    people = store.participants(group_id)
    by_id = [p for p in people if p.id == wanted]
    matches = by_id or [p for p in people if p.alias.casefold() == wanted.casefold()]
    if not matches:
        raise NotFound("participant", "")
    if len(matches) > 1:
        ids = ", ".join(p.id for p in matches)
        raise InvalidInput(
            _("Several trainees match the name. Use the trainee's id: {ids}.", ids=ids), "trainee"
        )
    person = matches[0]
    if person.training is None:
        raise NotATrainee()
    return person


def _open(folder: Path, key: Identity | None = None) -> tuple[Store, bool]:
    """The store, writable if possible; ``(store, locked)``: read-only because a running
    peertui holds the lock. A folder that does not exist is opened read-only (empty)."""
    # The store loads when the command runs, never with the parser.
    from peertui.store.errors import StoreLocked
    from peertui.store.store import open_store

    if not folder.exists():
        return open_store(folder, read_only=True), False
    try:
        return open_store(folder, key=key), False
    except StoreLocked:
        return open_store(folder, read_only=True, key=key), True


def _certificate(args: CertificateOptions, out: TextIO, err: TextIO) -> int:
    # Not with the parser: the content, the exporter and the store load when the command runs.
    from peertui.content import load_library
    from peertui.export.certificate import certificate_data, print_certificate
    from peertui.export.from_store import default_out_dir, prepare_out_dir
    from peertui.export.sheets import format_date

    folder = args.folder
    library = load_library([Path(p) for p in args.content] if args.content else None)
    target = Path(args.out).expanduser() if args.out else default_out_dir()
    store, locked = _open(folder, folder_key(folder, args.passphrase_file))
    with store:
        group = store.find_group(args.group)
        person = find_trainee(store, group.id, args.trainee)
        today = store.clock().astimezone().date()
        # Checked before a folder is made: a trainee who is not ready gets no empty folder.
        certificate_data(group, person, today=today, library=library)
        if not args.out:
            print(_("No --out: the files are put in {dir}.", dir=target), file=err)
        if prepare_out_dir(target):
            print(
                _("The folder {dir} has been created; only you can open it.", dir=target), file=err
            )
        result = print_certificate(store, group.id, person.id, target, today=today, library=library)
    print(result.path, file=out)
    day = format_date(result.issued)
    if result.recorded:
        print(_("The certificate has been recorded as issued {day}.", day=day), file=err)
    elif not result.first_print:
        print(_("The certificate was first issued {day}; that date is on it.", day=day), file=err)
    elif locked:
        print(
            _(
                "peertui is running on the same data folder, so the issue date has not "
                "been saved. Print the certificate again when peertui is closed, or "
                "print it from inside peertui."
            ),
            file=err,
        )
    else:
        print(_("The data folder is read-only, so the issue date has not been saved."), file=err)
    for notice in result.notices:
        print(notice, file=err)
    print(_("The certificate has been written to {dir}.", dir=result.path.parent), file=err)
    return EXIT_OK
