"""``peertui check``: validate courses, guide pages and scenarios; print ``path:line: message``."""

from __future__ import annotations

import functools
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from peertui.content import Library, Problem, display_path, load_library
from peertui.i18n import _, ngettext


def format_problem(problem: Problem) -> str:
    prefix = "" if problem.is_error else _("warning: ")
    # One line per problem, whatever the message holds.
    message = " ".join(problem.message.split())
    where = f"{problem.line}" if problem.column is None else f"{problem.line}:{problem.column}"
    return f"{display_path(problem.path)}:{where}: {prefix}{message}"


def check_command(paths: Sequence[Path | str] | None) -> str:
    """The command that checks ``paths`` (the app's ``--content``), to show in a hint."""
    if not paths:
        return "peertui check"
    return " ".join(["peertui", "check", *(shlex.quote(str(p)) for p in paths)])


def _context(file: Path) -> Path:
    """The content folder a file belongs to, whose other files its links and ids meet.

    The first folder of the path below the working folder (``broken/`` for
    ``broken/guide/side.md``); outside it, the file's own folder (a meeting's: its course's).
    """
    resolved = file.resolve()
    try:
        parts = resolved.relative_to(Path.cwd().resolve()).parts
    except ValueError:
        parts = ()
    if len(parts) > 1:
        return Path.cwd().resolve() / parts[0]
    folder = resolved.parent
    if (folder / "course.toml").is_file():
        folder = folder.parent
    return folder


def check_library(
    paths: Sequence[str | Path], within: Sequence[str | Path] | None = None
) -> tuple[Library, list[Problem], bool]:
    """Load ``paths`` (default: the built-in content) and pick the problems to report.

    A folder is checked whole. A file is checked on its own: it is read with the content
    around it (``within``, else the folder it belongs to: see :func:`_context`), so its links
    and ids are checked against that content, but only the file's own problems are reported.
    Returns the library, those problems, and whether only files were named.
    """
    named = [Path(p) for p in paths]
    files = [p for p in named if p.is_file()]
    folders = [p for p in named if not p.is_file()]
    load: list[Path] = list(folders)
    if files:
        load += [Path(p) for p in within] if within else [_context(f) for f in files]
        load += files  # also when a file lies outside its context (or is hidden there)
    library = load_library(
        load or None,
        resolve_links_in=functools.partial(load_library, None),
        measure_pages=True,
    )
    if not files:
        return library, list(library.problems), False
    wanted_files = {f.resolve() for f in files}
    wanted_folders = [f.resolve() for f in folders]

    def wanted(problem: Problem) -> bool:
        path = problem.path.resolve()
        return path in wanted_files or any(path.is_relative_to(f) for f in wanted_folders)

    return library, [p for p in library.problems if wanted(p)], not folders


def run_check(paths: Sequence[str], out: TextIO, *, within: Sequence[str] | None = None) -> int:
    """Check ``paths`` (default: the built-in content). Exit status: 0 clean, 1 on errors.

    A file in ``paths`` is checked alone (see :func:`check_library`); ``within`` names the
    content it belongs to (the app's ``--content``) when that is not its own folder.
    """
    library, found, only_files = check_library(paths, within)
    for problem in found:
        print(format_problem(problem), file=out)
    errors = sum(1 for p in found if p.is_error)
    warnings = len(found) - errors
    if errors or warnings:
        print(
            _(
                "{errors}, {warnings}.",
                errors=ngettext("{count} error", "{count} errors", errors),
                warnings=ngettext("{count} warning", "{count} warnings", warnings),
            ),
            file=out,
        )
    if not errors and only_files:
        print(_("All fine in {files}.", files=", ".join(paths)), file=out)
    elif not errors:
        meetings = sum(len(c.meetings) for c in library.courses)
        print(
            _(
                "All fine: {courses}, {meetings}, {pages}, {scenarios}.",
                courses=ngettext("{count} course", "{count} courses", len(library.courses)),
                meetings=ngettext("{count} meeting", "{count} meetings", meetings),
                pages=ngettext("{count} guide page", "{count} guide pages", len(library.pages)),
                scenarios=ngettext("{count} scenario", "{count} scenarios", len(library.scenarios)),
            ),
            file=out,
        )
    return 1 if errors else 0
