"""The store's commands: ``data export|import|restore|info``, ``forget``, ``purge``, ``demo``,
``organisation show|set``.

Only click and the strings load when the commands are declared; the store (and TinyDB) load
when one of them runs. Every store error is one calm line on stderr and exit status 2; a
question answered no (or not askable without ``--yes``) is exit status 1 and changes nothing.
Everything printed passes the store's cleaner first (see :func:`_say`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from peertui.cli.base import (
    F,
    NotAnswered,
    ask_secret,
    command,
    data_dir_option,
    data_folder,
    folder_key,
    folder_passphrase_option,
    group,
    one_calm_line,
    passphrase_given,
    yes_option,
)
from peertui.cli.exits import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK
from peertui.formats import short_date  # Babel itself loads inside these
from peertui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from peertui.store.backup import Backup
    from peertui.store.protection import Identity
    from peertui.store.store import Store


class Day(click.ParamType[date]):
    """A date typed the Danish way (``04.03.2025``) or as ``2025-03-04``."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return _("DD.MM.YYYY")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from peertui.formats import NotADate, parse_date  # Babel stays off the parser's path

        try:
            return parse_date(str(value))
        except NotADate:
            self.fail(_("'{value}' is not a date like 2025-03-04", value=value), param, ctx)


def build() -> list[click.Command]:
    return [_data(), _forget(), _purge(), _organisation(), _demo()]


def _run(
    sub_data_dir: str | None, handler: Callable[[Path, TextIO], int], *, pdf: bool = False
) -> int:
    """Run a store command on its data folder. Store errors (and with ``pdf``, the
    exporter's) become one line on stderr."""
    from peertui.store.errors import StoreError  # when a command runs, not with the parser

    expected: tuple[type[Exception], ...] = (StoreError,)
    if pdf:
        from peertui.export.errors import ExportError

        expected = (StoreError, ExportError)
    folder = data_folder(sub_data_dir)
    return one_calm_line(lambda: handler(folder, sys.stdout), expected, sys.stderr, _say_to)


def _data() -> click.Group:
    @group("data", "data")
    def data() -> None:
        pass

    @command("export", "export")
    @click.argument("file", metavar=_("FILE"))
    @click.option("--force", is_flag=True, help=_("overwrite the file if it exists"))
    @_passphrase_file_option()
    @click.option(
        "--unencrypted",
        is_flag=True,
        help=_("write plain JSON that anyone who gets the file can read"),
    )
    @folder_passphrase_option(DATA_PASSPHRASE)
    @data_dir_option()
    def export(
        file: str,
        force: bool,
        passphrase_file: str | None,
        unencrypted: bool,
        folder_passphrase_file: str | None,
        sub_data_dir: str | None,
    ) -> int:
        if unencrypted and passphrase_file:
            raise click.UsageError(_("Use either --passphrase-file or --unencrypted, not both."))
        if not (unencrypted or passphrase_file or sys.stdin.isatty()):
            raise click.UsageError(
                _(
                    "There is no terminal to ask for a passphrase: use --passphrase-file "
                    "FILE, or --unencrypted for a file anyone can read."
                )
            )

        def handler(folder: Path, out: TextIO) -> int:
            return _export(
                folder, file, force, passphrase_file, unencrypted, out, folder_passphrase_file
            )

        return _run(sub_data_dir, handler)

    @command("import", "import")
    @click.argument("file", metavar=_("FILE"))
    @click.option(
        "--replace",
        is_flag=True,
        help=_("replace everything in the data folder with the file's content"),
    )
    @_passphrase_file_option()
    @folder_passphrase_option(DATA_PASSPHRASE)
    @yes_option()
    @data_dir_option()
    def import_(
        file: str,
        replace: bool,
        passphrase_file: str | None,
        folder_passphrase_file: str | None,
        yes: bool,
        sub_data_dir: str | None,
    ) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _import(folder, file, replace, passphrase_file, yes, out, folder_passphrase_file)

        return _run(sub_data_dir, handler)

    @command("restore", "restore")
    @click.option("--list", "list_", is_flag=True, help=_("show the backups for each data file"))
    @yes_option()
    @folder_passphrase_option()
    @data_dir_option()
    def restore(
        list_: bool, yes: bool, folder_passphrase_file: str | None, sub_data_dir: str | None
    ) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _restore(folder, list_, yes, out, folder_key(folder, folder_passphrase_file))

        return _run(sub_data_dir, handler)

    @command("info", "info")
    @folder_passphrase_option()
    @data_dir_option()
    def info(folder_passphrase_file: str | None, sub_data_dir: str | None) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _info(folder, out, folder_key(folder, folder_passphrase_file))

        return _run(sub_data_dir, handler)

    for sub in (export, import_, restore, info, *_protection_commands()):
        data.add_command(sub)
    return data


#: The recovery sheet's default name, in the current folder.
RECOVERY_SHEET = N_("peertui-recovery-sheet.pdf")

#: On ``data export`` and ``data import``, ``--passphrase-file`` is the file's passphrase;
#: the data folder's is given with this one.
DATA_PASSPHRASE = "--data-passphrase-file"


def _passphrase_file_option() -> Callable[[F], F]:
    return click.option(
        "--passphrase-file",
        metavar=_("FILE"),
        help=_("read the passphrase from the first line of this file (for scripts)"),
    )


def _protection_commands() -> list[click.Command]:
    @command("protect", "protect")
    @folder_passphrase_option()
    @click.option(
        "--recovery-sheet",
        metavar=_("FILE"),
        help=_("where to write the recovery sheet (PDF), otherwise ./peertui-gendannelsesark.pdf"),
    )
    @click.option(
        "--print-recovery-key",
        is_flag=True,
        help=_("also show the recovery key here, once"),
    )
    @yes_option()
    @data_dir_option()
    def protect(
        folder_passphrase_file: str | None,
        recovery_sheet: str | None,
        print_recovery_key: bool,
        yes: bool,
        sub_data_dir: str | None,
    ) -> int:
        sheet = Path(recovery_sheet or _(RECOVERY_SHEET)).expanduser()

        def handler(folder: Path, out: TextIO) -> int:
            return _protect(folder, folder_passphrase_file, sheet, print_recovery_key, yes, out)

        return _run(sub_data_dir, handler, pdf=True)

    @command("unprotect", "unprotect")
    @folder_passphrase_option()
    @yes_option()
    @data_dir_option()
    def unprotect(folder_passphrase_file: str | None, yes: bool, sub_data_dir: str | None) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _unprotect(folder, folder_passphrase_file, yes, out)

        return _run(sub_data_dir, handler)

    @command("passphrase", "passphrase")
    @folder_passphrase_option()
    @click.option(
        "--recovery-key",
        "use_recovery",
        is_flag=True,
        help=_("open the data folder with the recovery key instead of the passphrase"),
    )
    @click.option(
        "--recovery-key-file",
        metavar=_("FILE"),
        help=_("read the recovery key from the first line of this file (for scripts)"),
    )
    @click.option(
        "--new-passphrase-file",
        metavar=_("FILE"),
        help=_("read the new passphrase from the first line of this file (for scripts)"),
    )
    @data_dir_option()
    def passphrase(
        folder_passphrase_file: str | None,
        use_recovery: bool,
        recovery_key_file: str | None,
        new_passphrase_file: str | None,
        sub_data_dir: str | None,
    ) -> int:
        recovery = use_recovery or bool(recovery_key_file)
        if recovery and folder_passphrase_file:
            raise click.UsageError(_("Use either --passphrase-file or the recovery key, not both."))

        def handler(folder: Path, out: TextIO) -> int:
            return _change_passphrase(
                folder, folder_passphrase_file, recovery, recovery_key_file,
                new_passphrase_file, out,
            )  # fmt: skip

        return _run(sub_data_dir, handler)

    return [protect, unprotect, passphrase]


def _forget() -> click.Command:
    @command("forget", "forget")
    @click.option("--group", metavar=_("GROUP"), help=_("the group's id or exact name"))
    @click.option(
        "--participant",
        metavar=_("PARTICIPANT"),
        help=_("the participant's (or trainee's) id or first name/nickname"),
    )
    @yes_option()
    @folder_passphrase_option()
    @data_dir_option()
    def forget(
        group: str | None,
        participant: str | None,
        yes: bool,
        folder_passphrase_file: str | None,
        sub_data_dir: str | None,
    ) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            key = folder_key(folder, folder_passphrase_file)
            return _forget_one(folder, group, participant, yes, out, key)

        return _run(sub_data_dir, handler)

    return forget


def _purge() -> click.Command:
    @command("purge", "purge")
    @click.option("--today", type=Day(), help=_("treat this date as today"))
    @yes_option()
    @folder_passphrase_option()
    @data_dir_option()
    def purge(
        today: date | None, yes: bool, folder_passphrase_file: str | None, sub_data_dir: str | None
    ) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            key = folder_key(folder, folder_passphrase_file)
            return _purge_due(folder, today, yes, out, key)

        return _run(sub_data_dir, handler)

    return purge


def _organisation() -> click.Group:
    @group("organisation", "organisation")
    def organisation() -> None:
        pass

    @command("show", "org_show", page=False)
    @folder_passphrase_option()
    @data_dir_option()
    def show(folder_passphrase_file: str | None, sub_data_dir: str | None) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _show(folder, out, folder_key(folder, folder_passphrase_file))

        return _run(sub_data_dir, handler)

    @command("set", "org_set", page=False)
    @click.option("--name", metavar=_("NAME"), help=_("the organisation's name"))
    @click.option("--line", metavar=_("TEXT"), help=_("a descriptive line under the name"))
    @click.option(
        "--website", metavar="https://…", help=_("website (https://…); empty text removes it")
    )
    @click.option("--contact", metavar=_("TEXT"), help=_("a contact line, e.g. phone or email"))
    @click.option(
        "--signer",
        multiple=True,
        metavar=_("ROLE"),
        help=_("a role that signs the certificate (can be given up to three times)"),
    )
    @click.option("--logo", metavar=_("FILE"), help=_("a logo as PNG or JPEG (at most 2 MB)"))
    @click.option("--no-logo", is_flag=True, help=_("remove the logo"))
    @folder_passphrase_option()
    @data_dir_option()
    def change(sub_data_dir: str | None, folder_passphrase_file: str | None, **fields: Any) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            key = folder_key(folder, folder_passphrase_file)
            return _set_organisation(folder, fields, out, key)

        return _run(sub_data_dir, handler)

    organisation.add_command(show)
    organisation.add_command(change)
    return organisation


def _demo() -> click.Command:
    @command("demo", "demo")
    @click.option(
        "--force",
        is_flag=True,
        help=_("make the demo group again (only if the folder has only demo data)"),
    )
    @folder_passphrase_option()
    @data_dir_option()
    def demo(force: bool, folder_passphrase_file: str | None, sub_data_dir: str | None) -> int:
        def handler(folder: Path, out: TextIO) -> int:
            return _fill_demo(folder, force, out, folder_key(folder, folder_passphrase_file))

        return _run(sub_data_dir, handler)

    return demo


def _say(*parts: object, file: TextIO | None = None) -> None:
    """Print one message. Everything printed passes the store's one cleaner first: a name in
    an import file, a file name on the command line or a message holding either can never
    send a control sequence to the terminal."""
    from peertui.store.text import clean  # its regexes (~10 ms) load only when printing

    print(clean(" ".join(str(p) for p in parts)), file=file or sys.stdout)


def _say_to(text: str, file: TextIO) -> None:
    _say(text, file=file)


def _confirm(question: str, yes: bool, out: TextIO) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        _say(
            _(
                "Answer yes with --yes when peertui is not running in a terminal. "
                "Nothing has been changed."
            ),
            file=sys.stderr,
        )
        return False
    try:
        from peertui.store.text import clean  # as in _say

        answer = input(f"{clean(question)} [j/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"j", "ja", "y", "yes"}


#: How many times a new passphrase may be typed twice differently before export gives up.
PASSPHRASE_TRIES = 3


def _new_passphrase(prompt: str | None = None) -> str | None:
    """A new passphrase, typed twice on the terminal; None if it was not the same twice in
    ``PASSPHRASE_TRIES`` tries (or the input ended)."""
    for attempt in range(1, PASSPHRASE_TRIES + 1):
        try:
            first = ask_secret(prompt or _("Passphrase for the file: "))
            if not first:
                _say(_("The passphrase cannot be empty."), file=sys.stderr)
                continue
            again = ask_secret(_("The same passphrase again: "))
        except NotAnswered:
            return None
        if again == first:
            return first
        if attempt < PASSPHRASE_TRIES:
            _say(_("The two passphrases are not the same. Try again."), file=sys.stderr)
        else:
            _say(_("The two passphrases are not the same."), file=sys.stderr)
    return None


def _passphrase_for(file: str, passphrase_file: str | None) -> str:
    """The passphrase of an encrypted import file: from ``--passphrase-file``, or asked."""
    return passphrase_given(
        passphrase_file,
        _(
            "{file} is encrypted. Give its passphrase with --passphrase-file FILE when "
            "peertui is not running in a terminal. Nothing has been changed.",
            file=file,
        ),
    ) or ask_secret(_("Passphrase for {file}: ", file=file))


def _chosen_passphrase(passphrase_file: str | None, prompt: str) -> str | None:
    """A new passphrase for the data folder: from a file, or typed twice on the terminal
    (None: not the same twice). ``StoreError`` without either."""
    given = passphrase_given(
        passphrase_file,
        _(
            "There is no terminal to ask for a passphrase: use --passphrase-file FILE. "
            "Nothing has been changed."
        ),
    )
    return given if given is not None else _new_passphrase(prompt)


def _protect(
    folder: Path,
    passphrase_file: str | None,
    sheet: Path,
    show_key: bool,
    yes: bool,
    out: TextIO,
) -> int:
    # The store, pyrage, PyNaCl and (for the sheet) WeasyPrint load when the command runs.
    from peertui.export import recovery_sheet
    from peertui.store.errors import StoreError
    from peertui.store.protection import ProtectionUnfinished, is_protected, new_identity
    from peertui.store.protection import recovery_key as written
    from peertui.store.store import open_store

    if is_protected(folder):
        raise StoreError(_("The data folder is already protected with a passphrase."))
    recovery_sheet.check_target(sheet)  # before anyone types a passphrase
    _say(
        _(
            "Protection encrypts every file in the data folder {dir}, backups included. "
            "Opening peertui will then need the passphrase. Without the passphrase or the "
            "recovery key, nobody can read the data: not you, not your organisation, and "
            "not the developers of peertui.",
            dir=str(folder),
        ),
        file=out,
    )
    if not _confirm(_("Turn on protection?"), yes, out):
        _say(_("Cancelled. Nothing has been changed."), file=out)
        return EXIT_CANCELLED
    secret = _chosen_passphrase(passphrase_file, _("New passphrase for the data folder: "))
    if secret is None:
        _say(_("No passphrase was set, so nothing has been changed."), file=sys.stderr)
        return EXIT_CANCELLED
    identity = new_identity()
    key = written(identity)
    with open_store(folder) as store:
        # The sheet first: protection is never turned on without its recovery key on paper.
        recovery_sheet.write_recovery_sheet(sheet, key, folder, store.clock().astimezone().date())
        try:
            store.protect(secret, identity)
        except ProtectionUnfinished:
            raise  # the key is in use: the sheet stays
        except BaseException:
            sheet.unlink(missing_ok=True)  # nothing changed: a sheet for no key would mislead
            raise
    _say(
        _(
            "The data folder is now protected. The recovery sheet is in {file} (only you can "
            "open it): print it, keep it locked away apart from the laptop, then delete the "
            "file. It is made only this once.",
            file=str(sheet),
        ),
        file=out,
    )
    if show_key:
        _say(_("The recovery key (shown only this once):"), file=out)
        _say(f"    {key}", file=out)
    return EXIT_OK


def _unprotect(folder: Path, passphrase_file: str | None, yes: bool, out: TextIO) -> int:
    from peertui.store.errors import StoreError  # when the command runs, not with the parser
    from peertui.store.protection import is_protected
    from peertui.store.store import open_store

    if not is_protected(folder):
        raise StoreError(_("The data folder is not protected with a passphrase."))
    key = folder_key(folder, passphrase_file)
    _say(
        _(
            "Turning off protection decrypts every file in the data folder {dir}: then "
            "anyone who gets hold of the laptop's disk can read the participants' words.",
            dir=str(folder),
        ),
        file=out,
    )
    if not _confirm(_("Turn off protection?"), yes, out):
        _say(_("Cancelled. Nothing has been changed."), file=out)
        return EXIT_CANCELLED
    with open_store(folder, key=key) as store:
        store.unprotect()
    _say(_("Protection is off: the files in the data folder are no longer encrypted."), file=out)
    return EXIT_OK


def _change_passphrase(
    folder: Path,
    passphrase_file: str | None,
    recovery: bool,
    recovery_key_file: str | None,
    new_passphrase_file: str | None,
    out: TextIO,
) -> int:
    from peertui.store.errors import StoreError  # when the command runs, not with the parser
    from peertui.store.passphrase import read_passphrase_file
    from peertui.store.protection import is_protected, unlock
    from peertui.store.store import open_store

    if not is_protected(folder):
        raise StoreError(_("The data folder is not protected with a passphrase."))
    if not recovery:
        key = folder_key(folder, passphrase_file)
    elif recovery_key_file:
        key = unlock(folder, recovery=read_passphrase_file(Path(recovery_key_file)))
    elif sys.stdin.isatty():
        key = unlock(folder, recovery=ask_secret(_("Recovery key (from the recovery sheet): ")))
    else:
        raise StoreError(
            _(
                "There is no terminal to ask for the recovery key: use --recovery-key-file "
                "FILE. Nothing has been changed."
            )
        )
    if new_passphrase_file:
        secret: str | None = read_passphrase_file(Path(new_passphrase_file))
    elif sys.stdin.isatty():
        secret = _new_passphrase(_("New passphrase for the data folder: "))
    else:
        raise StoreError(
            _(
                "There is no terminal to ask for the new passphrase: use "
                "--new-passphrase-file FILE. Nothing has been changed."
            )
        )
    if secret is None:
        _say(_("No passphrase was set, so nothing has been changed."), file=sys.stderr)
        return EXIT_CANCELLED
    with open_store(folder, key=key) as store:
        store.change_passphrase(secret)
    _say(
        _(
            "The passphrase has been changed. The old one no longer opens the data folder; "
            "the recovery key still does."
        ),
        file=out,
    )
    return EXIT_OK


def _local(moment: object) -> str:
    assert isinstance(moment, datetime)
    from peertui.formats import moment as written  # Babel loads when a command runs

    return written(moment)


def _export(
    folder: Path,
    file: str,
    force: bool,
    passphrase_file: str | None,
    unencrypted: bool,
    out: TextIO,
    folder_passphrase_file: str | None = None,
) -> int:
    # TinyDB, msgspec and pyrage load when a command runs, never with the parser.
    from peertui.store.passphrase import read_passphrase_file
    from peertui.store.portable import check_target, write_export
    from peertui.store.store import count_trainees, open_store

    target = Path(file)
    check_target(target, overwrite=force)  # before anyone types a passphrase
    key = folder_key(folder, folder_passphrase_file, DATA_PASSPHRASE)
    secret: str | None = None
    if unencrypted:
        _say(
            _(
                "The file will not be encrypted: anyone who gets it can read every "
                "participant's words."
            ),
            file=out,
        )
    elif passphrase_file:
        secret = read_passphrase_file(Path(passphrase_file))
    else:
        secret = _new_passphrase()
        if secret is None:
            _say(_("No passphrase was set, so nothing has been written."), file=sys.stderr)
            return EXIT_CANCELLED
    with open_store(folder, read_only=True, key=key) as store:
        bundle = store.export_bundle()
    write_export(bundle, target, overwrite=force, secret=secret)
    counts = {
        "file": file,
        "groups": len(bundle.groups),
        "trainees": count_trainees(bundle.groups),
    }
    if secret is None:
        message = _(
            "Exported to {file}. Groups: {groups}. Trainees: "
            "{trainees}. The file contains health information: keep it safe, and "
            "delete it when you have used it.",
            **counts,
        )
    else:
        message = _(
            "Exported to {file}, encrypted with the passphrase. Groups: "
            "{groups}. Trainees: {trainees}. Keep the passphrase apart from the file: "
            "without it, nobody can read the file.",
            **counts,
        )
    _say(message, file=out)
    return EXIT_OK


def _import(
    folder: Path,
    file: str,
    replace: bool,
    passphrase_file: str | None,
    yes: bool,
    out: TextIO,
    folder_passphrase_file: str | None = None,
) -> int:
    from peertui.store.portable import read_export  # as in _export
    from peertui.store.store import open_store

    # Checked completely before the store is opened; an encrypted file is decrypted in
    # memory, with the passphrase asked only then.
    try:
        bundle = read_export(Path(file), lambda: _passphrase_for(file, passphrase_file))
    except NotAnswered:
        _say(_("Cancelled. Nothing has been changed."), file=out)
        return EXIT_CANCELLED
    key = folder_key(folder, folder_passphrase_file, DATA_PASSPHRASE)
    with open_store(folder, key=key) as store:
        if replace:
            question = _(
                "The data folder has {groups} groups. Everything will be replaced by "
                "the {new} groups in the file. Continue?",
                groups=len(store.groups()),
                new=len(bundle.groups),
            )
            if not _confirm(question, yes, out):
                _say(_("Cancelled. Nothing has been changed."), file=out)
                return EXIT_CANCELLED
        report = store.import_bundle(bundle, replace_all=replace)
    if report.cleaned:
        shown = ", ".join(report.cleaned[:5]) + (" …" if len(report.cleaned) > 5 else "")
        _say(
            ngettext(
                "Invisible control characters have been removed from {count} text: {paths}",
                "Invisible control characters have been removed from {count} texts: {paths}",
                len(report.cleaned),
                paths=shown,
            ),
            file=out,
        )
    key = (
        N_("Imported: {added} new groups, {kept} replaced, {removed} removed, {trainees} trainees.")
        if replace
        else N_("Imported: {added} new groups, {kept} unchanged, {trainees} new trainees.")
    )
    _say(
        _(
            key,
            added=report.added,
            kept=report.replaced,
            removed=report.removed,
            trainees=report.trainees,
        ),
        file=out,
    )
    return EXIT_OK


def _restore(
    folder: Path, list_only: bool, yes: bool, out: TextIO, key: Identity | None = None
) -> int:
    # The store loads when a command runs, never with the parser.
    from peertui.store.backup import list_backups
    from peertui.store.paths import backup_dir
    from peertui.store.store import open_store

    with open_store(folder, read_only=list_only, key=key) as store:
        if list_only:
            _list_backups(store, out, list_backups, backup_dir)
            return EXIT_OK
        if not store.damaged:
            _say(
                _(
                    "All data files in {dir} can be read. There is nothing to restore.",
                    dir=str(folder),
                ),
                file=out,
            )
            return EXIT_OK
        status = EXIT_OK
        for offer in store.restore_offers():
            _say(_("{file} is damaged.", file=offer.rel), file=out)
            if offer.backup is None:
                _say(
                    _(
                        "There is no usable backup of {file}. The file has not been changed; "
                        "contact the person who maintains peertui.",
                        file=offer.rel,
                    ),
                    file=sys.stderr,
                )
                status = EXIT_ERROR
                continue
            what = offer.group_name or _("shared file")
            _say(
                _(
                    "The newest good backup ({name}) is from {when}.",
                    name=what,
                    when=_local(offer.backup.taken),
                ),
                file=out,
            )
            if not _confirm(_("Restore it? The damaged file will be kept in damaged/."), yes, out):
                _say(_("Cancelled. Nothing has been changed."), file=out)
                status = max(status, EXIT_CANCELLED)
                continue
            store.restore(offer.rel)
            _say(
                _(
                    "{file} has been restored from the backup from {when}.",
                    file=offer.rel,
                    when=_local(offer.backup.taken),
                ),
                file=out,
            )
        return status


def _list_backups(
    store: Store,
    out: TextIO,
    list_backups: Callable[[Path], list[Backup]],
    backup_dir: Callable[[Path, str], Path],
) -> None:
    from peertui.store.paths import STORE_NAME, group_rel  # as in _restore

    rels = [(STORE_NAME, _("shared file"))] + [(group_rel(g.id), g.name) for g in store.groups()]
    rels += [(p.file, "") for p in store.damaged if p.file not in {r for r, _unused in rels}]
    for rel, label in rels:
        found = list_backups(backup_dir(store.data_dir, rel))
        newest = _local(found[0].taken) if found else "-"
        _say(
            ngettext(
                "{file} {name}: {count} backup, newest {newest}",
                "{file} {name}: {count} backups, newest {newest}",
                len(found),
                file=rel,
                name=label,
                newest=newest,
            ),
            file=out,
        )


def _info(folder: Path, out: TextIO, key: Identity | None = None) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    with open_store(folder, read_only=True, key=key) as store:
        groups = store.groups()
        trainees = sum(len(store.trainees(g.id)) for g in groups)
        _say(_("Data folder: {dir}", dir=str(folder)), file=out)
        if store.protected:
            _say(_("The data folder is protected with a passphrase."), file=out)
        _say(
            _("Groups: {groups}. Trainees: {trainees}.", groups=len(groups), trainees=trainees),
            file=out,
        )
        for g in groups:
            _say(
                _(
                    "  {id}  {name} (deleted after {retention})",
                    id=g.id,
                    name=g.name,
                    retention=short_date(g.retention),
                ),
                file=out,
            )
        from peertui.store.app import status_lines  # as above

        for line in status_lines(store):
            _say(line, file=out)
    return EXIT_OK


def _forget_one(
    folder: Path,
    group_ref: str | None,
    participant_ref: str | None,
    yes: bool,
    out: TextIO,
    key: Identity | None = None,
) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    if not (group_ref and participant_ref):
        _say(
            _(
                "Usage: peertui forget --group GROUP --participant PARTICIPANT (a "
                "trainee is a participant in their course group)."
            ),
            file=sys.stderr,
        )
        return EXIT_ERROR
    from peertui.store.errors import NotFound  # as above

    with open_store(folder, key=key) as store:
        # A trainee is a participant of a training group: forgotten the same way.
        group = store.find_group(group_ref)
        try:
            participant = store.find_participant(group.id, participant_ref)
        except NotFound:
            if _finished_now(store, group.id, participant_ref):
                _say(
                    _(
                        "An interrupted deletion of the participant has now been completed: "
                        "the participant is no longer in the group or in the backups. Remember "
                        "exports and printouts outside peertui."
                    ),
                    file=out,
                )
                return EXIT_OK
            raise
        question = _(
            "Delete {alias} completely from the group {group}, including all "
            "backups? This cannot be undone.",
            alias=participant.alias,
            group=group.name,
        )
        if not _confirm(question, yes, out):
            _say(_("Cancelled. Nothing has been changed."), file=out)
            return EXIT_CANCELLED
        erasure = store.forget_participant(group.id, participant.id)
    _say(
        _(
            "Deleted. {rewritten} files have been rewritten without the "
            "participant, {deleted} files have been deleted. Remember exports and "
            "printouts outside peertui.",
            rewritten=erasure.rewritten,
            deleted=erasure.deleted,
        ),
        file=out,
    )
    return EXIT_OK


def _finished_now(store: Store, group_id: str, ref: str) -> bool:
    """Did opening the folder just finish an interrupted erasure of this participant? (Then
    a re-run of ``forget`` has nothing left to do, and says so.)"""
    wanted = ref.strip().casefold()
    return any(
        p.group == group_id
        and p.what == "participant"
        and (p.participant == ref or wanted in {a.casefold() for a in p.aliases})
        for p in store.finished_erasures
    )


def _purge_due(
    folder: Path, today: date | None, yes: bool, out: TextIO, key: Identity | None = None
) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    with open_store(folder, key=key) as store:
        day = today or store.clock().astimezone().date()
        due = store.groups_past_retention(day)
        if not due:
            _say(_("No groups are past their deletion date."), file=out)
            return EXIT_OK
        for g in due:
            _say(
                _(
                    "  {name} ({id}), deletion date {retention}",
                    name=g.name,
                    id=g.id,
                    retention=short_date(g.retention),
                ),
                file=out,
            )
        if not _confirm(
            _(
                "Delete these {count} groups with all their backups? This cannot be undone.",
                count=len(due),
            ),
            yes,
            out,
        ):
            _say(_("Cancelled. Nothing has been changed."), file=out)
            return EXIT_CANCELLED
        done = store.purge(day)
    deleted = sum(e.deleted for _unused, e in done)
    _say(
        _(
            "{groups} ({files}).",
            groups=ngettext(
                "{count} group has been deleted", "{count} groups have been deleted", len(done)
            ),
            files=ngettext("{count} file", "{count} files", deleted),
        ),
        file=out,
    )
    return EXIT_OK


def _fill_demo(folder: Path, force: bool, out: TextIO, key: Identity | None = None) -> int:
    # The store loads when a command runs, never with the parser.
    from peertui.store import demo
    from peertui.store.store import open_store

    with open_store(folder, key=key) as store:
        data = demo.fill(store, store.clock().astimezone().date(), force=force)
    _say(
        _(
            "The demo group '{name}' with {participants} participants has been placed in {dir}.",
            dir=str(folder),
            name=data.group.name,
            participants=len(data.participants),
        ),
        file=out,
    )
    return EXIT_OK


def _show(folder: Path, out: TextIO, key: Identity | None = None) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    with open_store(folder, read_only=True, key=key) as store:
        _show_organisation(store.organisation(), out)
    return EXIT_OK


def _set_organisation(
    folder: Path, fields: dict[str, Any], out: TextIO, key: Identity | None = None
) -> int:
    # The store (TinyDB, msgspec) and, for a logo, Pillow load only when this runs.
    from msgspec.structs import replace

    from peertui.store.organisation import prepare_logo
    from peertui.store.store import open_store

    changes: dict[str, object] = {
        key: fields[key]
        for key in ("name", "line", "website", "contact")
        if fields[key] is not None
    }
    if fields["signer"]:  # given at least once (an empty --signer "" removes them all)
        changes["signers"] = tuple(s.strip() for s in fields["signer"] if s.strip())
    if fields["no_logo"]:
        changes["logo"] = ""
    elif fields["logo"]:
        changes["logo"] = prepare_logo(_read_logo(Path(fields["logo"])))
    with open_store(folder, key=key) as store:
        saved = store.set_organisation(replace(store.organisation(), **changes))
    _say(_("The organisation has been saved."), file=out)
    _show_organisation(saved, out)
    return EXIT_OK


def _read_logo(path: Path) -> bytes:
    from peertui.store.errors import StoreError
    from peertui.store.organisation import LOGO_INPUT_MAX

    try:
        with open(path, "rb") as fh:  # at most the limit and one byte more, whatever it is
            return fh.read(LOGO_INPUT_MAX + 1)
    except OSError as exc:
        raise StoreError(
            _("{file} cannot be read ({code}).", file=str(path), code=exc.strerror)
        ) from None


def _show_organisation(profile: object, out: TextIO) -> None:
    from peertui.store.schema import Organisation

    assert isinstance(profile, Organisation)
    none = _("(not filled in)")
    _say(_("Name: {value}", value=profile.name or none), file=out)
    _say(_("Description: {value}", value=profile.line or none), file=out)
    no_site = _("(none: the QR codes explain the sheet)")
    _say(_("Website: {value}", value=profile.website or no_site), file=out)
    _say(_("Contact: {value}", value=profile.contact or none), file=out)
    _say(_("Signatures: {value}", value=", ".join(profile.signers) or none), file=out)
    _say(
        _("Logo: {value}", value=_("Yes") if profile.logo else _("No")),
        file=out,
    )
