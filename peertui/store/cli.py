"""The store's commands: ``data export|import|restore|info``, ``forget``, ``purge``, ``demo``.

Only ``argparse`` and the strings load when the parser is built; the store (and TinyDB) load
when one of these commands runs. Every store error is printed as one calm line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from peertui.strings import t

if TYPE_CHECKING:
    from peertui.store.backup import Backup
    from peertui.store.store import Store

COMMANDS = ("data", "forget", "purge", "demo", "organisation")

EXIT_OK = 0
EXIT_CANCELLED = 1
EXIT_ERROR = 2


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    # Also accepted after the command (``peertui demo --data-dir D``); it wins over the global one.
    parser.add_argument(
        "--data-dir", dest="sub_data_dir", metavar="MAPPE", help=t("cli.help.data_dir")
    )


def _yes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-y", "--yes", action="store_true", help=t("cli.help.yes"))


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value)) from None


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = sub.add_parser("data", help=t("cli.help.data"), description=t("cli.desc.data"))
    data_sub = data.add_subparsers(dest="data_command", metavar="HANDLING", required=True)

    export = data_sub.add_parser(
        "export", help=t("cli.help.export"), description=t("cli.desc.export")
    )
    export.add_argument("file", metavar="FIL.json")
    export.add_argument("--force", action="store_true", help=t("cli.help.export_force"))
    _data_dir_option(export)

    imp = data_sub.add_parser("import", help=t("cli.help.import"), description=t("cli.desc.import"))
    imp.add_argument("file", metavar="FIL.json")
    imp.add_argument("--replace", action="store_true", help=t("cli.help.import_replace"))
    _yes_option(imp)
    _data_dir_option(imp)

    restore = data_sub.add_parser(
        "restore", help=t("cli.help.restore"), description=t("cli.desc.restore")
    )
    restore.add_argument("--list", action="store_true", help=t("cli.help.restore_list"))
    _yes_option(restore)
    _data_dir_option(restore)

    info = data_sub.add_parser("info", help=t("cli.help.info"), description=t("cli.desc.info"))
    _data_dir_option(info)

    forget = sub.add_parser("forget", help=t("cli.help.forget"), description=t("cli.desc.forget"))
    forget.add_argument("--group", metavar="GRUPPE", help=t("cli.help.forget_group"))
    forget.add_argument("--participant", metavar="DELTAGER", help=t("cli.help.forget_participant"))
    _yes_option(forget)
    _data_dir_option(forget)

    purge = sub.add_parser("purge", help=t("cli.help.purge"), description=t("cli.desc.purge"))
    purge.add_argument("--today", type=_day, metavar="ÅÅÅÅ-MM-DD", help=t("cli.help.today"))
    _yes_option(purge)
    _data_dir_option(purge)

    org = sub.add_parser(
        "organisation", help=t("cli.help.organisation"), description=t("cli.desc.organisation")
    )
    org_sub = org.add_subparsers(dest="org_command", metavar="HANDLING", required=True)
    show = org_sub.add_parser("show", help=t("cli.help.org_show"))
    _data_dir_option(show)
    change = org_sub.add_parser("set", help=t("cli.help.org_set"))
    change.add_argument("--name", metavar="NAVN", help=t("cli.help.org_name"))
    change.add_argument("--line", metavar="TEKST", help=t("cli.help.org_line"))
    change.add_argument("--website", metavar="https://…", help=t("cli.help.org_website"))
    change.add_argument("--contact", metavar="TEKST", help=t("cli.help.org_contact"))
    change.add_argument("--signer", action="append", metavar="ROLLE", help=t("cli.help.org_signer"))
    change.add_argument("--logo", metavar="FIL", help=t("cli.help.org_logo"))
    change.add_argument("--no-logo", action="store_true", help=t("cli.help.org_no_logo"))
    _data_dir_option(change)

    demo = sub.add_parser("demo", help=t("cli.help.demo"), description=t("cli.desc.demo"))
    demo.add_argument("--force", action="store_true", help=t("cli.help.demo_force"))
    _data_dir_option(demo)


def _say(*parts: object, file: TextIO | None = None) -> None:
    """Print one message. Everything printed passes the store's one cleaner first: a name in
    an import file, a file name on the command line or a message holding either can never
    send a control sequence to the terminal."""
    from peertui.store.text import clean  # its regexes (~10 ms) load only when printing

    print(clean(" ".join(str(p) for p in parts)), file=file or sys.stdout)


def _confirm(question: str, yes: bool, out: TextIO) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        _say(t("cli.need_yes"), file=sys.stderr)
        return False
    try:
        from peertui.store.text import clean  # as in _say

        answer = input(f"{clean(question)} [j/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"j", "ja", "y", "yes"}


def _local(moment: object) -> str:
    assert isinstance(moment, datetime)
    return moment.astimezone().strftime("%d.%m.%Y kl. %H.%M")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a store command. Store errors become one line on stderr and exit status 2."""
    # Here, not at the top: every start builds the parser, which imports this module.
    from peertui.store.errors import StoreError
    from peertui.store.paths import resolve_data_dir

    stdout = out or sys.stdout
    folder = resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)
    handlers: dict[str, Callable[[argparse.Namespace, Path, TextIO], int]] = {
        "data": _data,
        "forget": _forget,
        "purge": _purge,
        "demo": _demo,
        "organisation": _organisation,
    }
    try:
        return handlers[args.command](args, folder, stdout)
    except StoreError as exc:
        _say(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say(t("cli.interrupted"), file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        raise  # stdout closed (| head): peertui.cli.main exits quietly
    except Exception as exc:
        if os.environ.get("PEERTUI_DEBUG"):
            raise
        _say(t("error.unexpected", kind=type(exc).__name__), file=sys.stderr)
        return EXIT_ERROR


def _data(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    # TinyDB and msgspec load when a command runs, never with the parser.
    from peertui.store.portable import read_export, write_export
    from peertui.store.store import count_trainees, open_store

    command = args.data_command
    if command == "export":
        with open_store(folder, read_only=True) as store:
            bundle = store.export_bundle()
        size = write_export(bundle, Path(args.file), overwrite=args.force)
        _say(
            t(
                "data.exported",
                file=args.file,
                groups=len(bundle.groups),
                trainees=count_trainees(bundle.groups),
                size=size,
            ),
            file=out,
        )
        return EXIT_OK
    if command == "import":
        bundle = read_export(Path(args.file))  # checked completely before the store is opened
        with open_store(folder) as store:
            if args.replace:
                question = t(
                    "data.import_replace_confirm",
                    groups=len(store.groups()),
                    new=len(bundle.groups),
                )
                if not _confirm(question, args.yes, out):
                    _say(t("cli.cancelled"), file=out)
                    return EXIT_CANCELLED
            report = store.import_bundle(bundle, replace_all=args.replace)
        if report.cleaned:
            shown = ", ".join(report.cleaned[:5]) + (" …" if len(report.cleaned) > 5 else "")
            _say(t("portable.cleaned", count=len(report.cleaned), paths=shown), file=out)
        key = "data.imported_replace" if args.replace else "data.imported_merge"
        _say(
            t(
                key,
                added=report.added,
                kept=report.replaced,
                removed=report.removed,
                trainees=report.trainees,
            ),
            file=out,
        )
        return EXIT_OK
    if command == "restore":
        return _restore(args, folder, out)
    return _info(folder, out)


def _restore(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    # The store loads when a command runs, never with the parser.
    from peertui.store.backup import list_backups
    from peertui.store.paths import backup_dir
    from peertui.store.store import open_store

    with open_store(folder, read_only=args.list) as store:
        if args.list:
            _list_backups(store, out, list_backups, backup_dir)
            return EXIT_OK
        if not store.damaged:
            _say(t("restore.nothing", dir=str(folder)), file=out)
            return EXIT_OK
        status = EXIT_OK
        for offer in store.restore_offers():
            _say(t("restore.damaged", file=offer.rel), file=out)
            if offer.backup is None:
                _say(t("store.no_good_backup", file=offer.rel), file=sys.stderr)
                status = EXIT_ERROR
                continue
            what = offer.group_name or t("data.info_store")
            _say(t("restore.offer", name=what, when=_local(offer.backup.taken)), file=out)
            if not _confirm(t("restore.confirm"), args.yes, out):
                _say(t("cli.cancelled"), file=out)
                status = max(status, EXIT_CANCELLED)
                continue
            store.restore(offer.rel)
            _say(t("restore.done", file=offer.rel, when=_local(offer.backup.taken)), file=out)
        return status


def _list_backups(
    store: Store,
    out: TextIO,
    list_backups: Callable[[Path], list[Backup]],
    backup_dir: Callable[[Path, str], Path],
) -> None:
    from peertui.store.paths import STORE_NAME, group_rel  # as in _restore

    rels = [(STORE_NAME, t("data.info_store"))] + [
        (group_rel(g.id), g.name) for g in store.groups()
    ]
    rels += [(p.file, "") for p in store.damaged if p.file not in {r for r, _ in rels}]
    for rel, label in rels:
        found = list_backups(backup_dir(store.data_dir, rel))
        newest = _local(found[0].taken) if found else "-"
        _say(
            t("restore.list_line", file=rel, name=label, count=len(found), newest=newest), file=out
        )


def _info(folder: Path, out: TextIO) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    with open_store(folder, read_only=True) as store:
        groups = store.groups()
        trainees = sum(len(store.trainees(g.id)) for g in groups)
        _say(t("data.info_folder", dir=str(folder)), file=out)
        _say(t("data.info_counts", groups=len(groups), trainees=trainees), file=out)
        for g in groups:
            _say(
                t("data.info_group", id=g.id, name=g.name, retention=g.retention.isoformat()),
                file=out,
            )
        from peertui.store.app import status_lines  # as above

        for line in status_lines(store):
            _say(line, file=out)
        past = store.groups_past_retention()
        if past:
            _say(
                t(
                    "store.retention_reminder",
                    count=len(past),
                    names=", ".join(g.name for g in past),
                ),
                file=out,
            )
    return EXIT_OK


def _forget(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    if not (args.group and args.participant):
        _say(t("forget.usage"), file=sys.stderr)
        return EXIT_ERROR
    from peertui.store.errors import NotFound  # as above

    with open_store(folder) as store:
        # A trainee is a participant of a training group: forgotten the same way.
        group = store.find_group(args.group)
        try:
            participant = store.find_participant(group.id, args.participant)
        except NotFound:
            if _finished_now(store, group.id, args.participant):
                _say(t("forget.finished_now"), file=out)
                return EXIT_OK
            raise
        question = t("forget.confirm", alias=participant.alias, group=group.name)
        if not _confirm(question, args.yes, out):
            _say(t("cli.cancelled"), file=out)
            return EXIT_CANCELLED
        erasure = store.forget_participant(group.id, participant.id)
    _say(t("forget.done", rewritten=erasure.rewritten, deleted=erasure.deleted), file=out)
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


def _purge(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    from peertui.store.store import open_store  # when the command runs, not with the parser

    with open_store(folder) as store:
        today = args.today or store.clock().astimezone().date()
        due = store.groups_past_retention(today)
        if not due:
            _say(t("purge.nothing"), file=out)
            return EXIT_OK
        for g in due:
            _say(t("purge.item", name=g.name, id=g.id, retention=g.retention.isoformat()), file=out)
        if not _confirm(t("purge.confirm", count=len(due)), args.yes, out):
            _say(t("cli.cancelled"), file=out)
            return EXIT_CANCELLED
        done = store.purge(today)
    deleted = sum(e.deleted for _, e in done)
    _say(t("purge.done", count=len(done), files=deleted), file=out)
    return EXIT_OK


def _demo(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    # The store loads when a command runs, never with the parser.
    from peertui.store import demo
    from peertui.store.store import open_store

    with open_store(folder) as store:
        data = demo.fill(store, store.clock().astimezone().date(), force=args.force)
    _say(
        t("demo.done", dir=str(folder), name=data.group.name, participants=len(data.participants)),
        file=out,
    )
    return EXIT_OK


def _organisation(args: argparse.Namespace, folder: Path, out: TextIO) -> int:
    # The store (TinyDB, msgspec) and, for a logo, Pillow load only when this runs.
    from msgspec.structs import replace

    from peertui.store.organisation import prepare_logo
    from peertui.store.store import open_store

    if args.org_command == "show":
        with open_store(folder, read_only=True) as store:
            _show_organisation(store.organisation(), out)
        return EXIT_OK
    changes: dict[str, object] = {
        key: value
        for key, value in (
            ("name", args.name),
            ("line", args.line),
            ("website", args.website),
            ("contact", args.contact),
        )
        if value is not None
    }
    if args.signer is not None:
        changes["signers"] = tuple(s.strip() for s in args.signer if s.strip())
    if args.no_logo:
        changes["logo"] = ""
    elif args.logo:
        changes["logo"] = prepare_logo(_read_logo(Path(args.logo)))
    with open_store(folder) as store:
        saved = store.set_organisation(replace(store.organisation(), **changes))
    _say(t("organisation.saved"), file=out)
    _show_organisation(saved, out)
    return EXIT_OK


def _read_logo(path: Path) -> bytes:
    from peertui.store.errors import StoreError
    from peertui.store.organisation import LOGO_INPUT_MAX

    try:
        with open(path, "rb") as fh:  # at most the limit and one byte more, whatever it is
            return fh.read(LOGO_INPUT_MAX + 1)
    except OSError as exc:
        raise StoreError(t("portable.unreadable", file=str(path), code=exc.strerror)) from None


def _show_organisation(profile: object, out: TextIO) -> None:
    from peertui.store.schema import Organisation

    assert isinstance(profile, Organisation)
    none = t("organisation.not_set")
    _say(t("organisation.show_name", value=profile.name or none), file=out)
    _say(t("organisation.show_line", value=profile.line or none), file=out)
    _say(t("organisation.show_website", value=profile.website or t("organisation.no_website")),
         file=out)  # fmt: skip
    _say(t("organisation.show_contact", value=profile.contact or none), file=out)
    _say(t("organisation.show_signers", value=", ".join(profile.signers) or none), file=out)
    _say(
        t("organisation.show_logo", value=t("button.yes") if profile.logo else t("button.no")),
        file=out,
    )
