"""``peertui check``: validate courses, guide pages and scenarios; print ``path:line: message``."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from peertui.content import Problem, display_path, load_library
from peertui.strings import t


def format_problem(problem: Problem) -> str:
    prefix = "" if problem.is_error else t("check.warning_prefix")
    # One line per problem, whatever the message holds.
    message = " ".join(problem.message.split())
    return f"{display_path(problem.path)}:{problem.line}: {prefix}{message}"


def run_check(paths: Sequence[str], out: TextIO) -> int:
    """Check ``paths`` (default: the built-in content). Exit status: 0 clean, 1 on errors."""
    library = load_library(
        [Path(p) for p in paths] or None,
        resolve_links_in=functools.partial(load_library, None),
        measure_pages=True,
    )
    for problem in library.problems:
        print(format_problem(problem), file=out)
    errors, warnings = len(library.errors), len(library.warnings)
    if errors or warnings:
        key = "check.summary_one_warning" if warnings == 1 else "check.summary"
        print(t(key, errors=errors, warnings=warnings), file=out)
    if not errors:
        meetings = sum(len(c.meetings) for c in library.courses)
        print(
            t(
                "check.ok",
                courses=len(library.courses),
                meetings=meetings,
                pages=len(library.pages),
                scenarios=len(library.scenarios),
            ),
            file=out,
        )
    return 1 if errors else 0
