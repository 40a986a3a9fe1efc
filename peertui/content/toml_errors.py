"""tomllib's English parse errors, told again in plain Danish, at the line the author must fix.

tomllib raises ``TOMLDecodeError("Expected '=' after a key in a key/value pair (at line 3,
column 7)")``. Its words are for programmers, and for some mistakes (an unclosed ``'``, a key
written twice) it points at the end of the text instead of the line with the mistake. Here
each of its messages maps to one calm sentence, the line is moved to where the mistake is
when tomllib cannot say, and anything not recognised gets a general sentence: the user never
sees tomllib's English. Knows nothing of files or of Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peertui.i18n import _

_POSITION_RE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_KEY_RE = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=""")


@dataclass(frozen=True, slots=True)
class TomlError:
    """Where the mistake is (0-based index into the TOML lines) and what to tell the author."""

    index: int
    column: int | None
    message: str


def explain_toml_error(detail: str, lines: list[str]) -> TomlError:
    """The Danish explanation of tomllib's message ``detail`` about the text ``lines``."""
    match = _POSITION_RE.search(detail)
    what = detail[: match.start()] if match else detail
    at_end = match is None or match.group(1) is None
    if match is not None and match.group(1) is not None:
        index = min(int(match.group(1)) - 1, max(len(lines) - 1, 0))
        column: int | None = int(match.group(2))
    else:
        index = _last_written(lines)
        column = None
    line = lines[index] if index < len(lines) else ""

    def at(message: str, where: int | None = None, col: int | None = column) -> TomlError:
        return TomlError(index if where is None else where, None if at_end else col, message)

    if what.startswith(("Expected '=' after a key", "Invalid statement", "Invalid initial char")):
        before, equals, _after = line.partition("=")
        if equals and not any(quote in before for quote in "\"'"):
            return at(
                _(
                    "the name before = may only contain a-z, A-Z, digits, - and _ (no æ, "
                    "ø, å or spaces)"
                ),
                col=None,
            )
        return at(
            _(
                "there is no = after the name; the line must have the form name = "
                'value, e.g. title = "My title"'
            )
        )
    if what == "Invalid value":
        if not _value_part(line).strip() or (at_end and line.rstrip().endswith("=")):
            return at(_("there is no value after ="))
        return at(
            _(
                "the value after = cannot be read; text must be in quotation marks "
                '("like this"), while numbers and true/false are written without'
            )
        )
    if what.startswith("Expected newline or end of document"):
        value = _value_part(line).lstrip()
        if value.startswith('"') and _count_quotes(value, '"') >= 3:
            return at(
                _(
                    "the text ends too early because it contains a quotation mark itself "
                    "(\"); use ' or « » inside the text"
                )
            )
        return at(
            _(
                "there is something after the value that does not belong there; write "
                "only one value after =, e.g. minutes = 20"
            )
        )
    if what in ("Illegal character '\\n'", "Unterminated string") or what.startswith(
        ("Found invalid character '\\n'", 'Expected \'"""\'', 'Expected "\'"', "Expected \"'''\"")
    ):
        return _unclosed(what, lines, index)
    if what.startswith(("Illegal character", "Found invalid character")):
        return at(
            _(
                "the line contains an invisible control character that is not allowed; "
                "type the line again"
            )
        )
    if what.startswith(("Cannot overwrite", "Cannot declare", "Cannot redefine", "Cannot mutate")):
        return _duplicate(lines, index)
    if what.startswith("Duplicate inline table key"):
        return at(_("the same name appears more than once; delete one of them"), col=None)
    if what == "Unclosed array":
        where = _opened_not_closed(lines[: index + 1], "[", "]")
        return at(
            _(
                "the list is missing its closing ], or a comma is missing between the "
                'items; write e.g. tags = ["a", "b"]'
            ),
            where,
            column if where is None else None,
        )
    if what == "Unclosed inline table":
        where = _opened_not_closed(lines[: index + 1], "{", "}")
        return at(_("a closing } is missing after {"), where, column if where is None else None)
    if what.startswith(("Expected ']'", "Expected ']]'")):
        return at(_("the line with [ is missing its closing ]"), col=None)
    if what.startswith(("Unescaped '\\'", "Invalid hex value", "Escaped character")):
        return at(
            _("a \\ inside a text must be written as \\\\, or put the text in ' ' instead of \" \"")
        )
    if what.startswith("Invalid date"):
        return at(_("the date cannot be read; write it as 2026-11-09"))
    return at(
        _(
            "the line cannot be read; it must have the form name = value, and text "
            'must be in quotation marks, e.g. title = "My title"'
        )
    )


def _last_written(lines: list[str]) -> int:
    """The last line with something on it (tomllib's "end of document")."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return 0


def _value_part(line: str) -> str:
    """What follows the first ``=`` on a line (the whole line if it has none)."""
    return line.partition("=")[2] if "=" in line else line


def _count_quotes(text: str, quote: str) -> int:
    """How many ``quote`` characters ``text`` holds, not counting escaped ones (``\\"``)."""
    return len(re.findall(r"(?<!\\)" + re.escape(quote), text.replace("\\\\", "")))


def _unclosed(what: str, lines: list[str], index: int) -> TomlError:
    """A text whose closing quote is missing, at the line where that text starts."""
    if '"""' in what or "'''" in what or (what == "Unterminated string" and _has('"""', lines)):
        quote = "'''" if "'''" in what else '"""'
        openers = [n for n, line in enumerate(lines) if quote in line]
        where = openers[-1] if len(openers) % 2 else index
        return TomlError(
            where, None, _("the text that starts with {quote} never ends with {quote}", quote=quote)
        )
    quote = "'" if what.startswith(("Found invalid", 'Expected "\'"')) else '"'
    for number, line in enumerate(lines):
        value = _value_part(line).lstrip()
        if value.startswith(quote) and _count_quotes(value, quote) % 2:
            index = number
            break
    return TomlError(
        index,
        None,
        _(
            "the text is missing its closing quotation mark ({quote}) at the end of the line",
            quote=quote,
        ),
    )


def _has(text: str, lines: list[str]) -> bool:
    return any(text in line for line in lines)


def _duplicate(lines: list[str], index: int) -> TomlError:
    """A key set twice: at its second line, by name, when it can be found."""
    seen: set[str] = set()
    for number, line in enumerate(lines):
        match = _KEY_RE.match(line)
        if match is None:
            continue
        key = re.sub(r"\s*\.\s*", ".", match.group(1).strip("\"'"))
        if key in seen:
            return TomlError(
                number, None, _("'{key}' appears more than once; delete one of them", key=key)
            )
        seen.add(key)
    return TomlError(index, None, _("the same name appears more than once; delete one of them"))


def _opened_not_closed(lines: list[str], opening: str, closing: str) -> int | None:
    """The last line whose value opens ``opening`` and does not close it on the line."""
    for number in range(len(lines) - 1, -1, -1):
        value = _value_part(lines[number])
        if value.lstrip().startswith(opening) and value.count(opening) > value.count(closing):
            return number
    return None
