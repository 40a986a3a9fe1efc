"""Checking at the store's door: plain JSON values in, records of ``peertui.store.schema`` out.

The same checks run on our own data files when they are read, on an import file before
anything is written, and on every value the app asks the store to save. A problem is reported
as a ``SchemaError``: where (``groups[0].participants[2].alias``) and what is wrong, never the
value found there (it may be a participant's words, or a CPR number). Every text is cleaned
(``peertui.store.text``) and checked for CPR numbers on the way in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

import msgspec

from peertui import labels
from peertui.i18n import _
from peertui.store import text as texts
from peertui.store.errors import CprNumberRefused, InvalidInput
from peertui.store.schema import (
    ATTENDANCE,
    AUDIENCES,
    CHECKLIST_ITEMS,
    GROUP_TABLES,
    PROMPTS,
    PURPOSES,
    RINGS,
    ROLES,
    RULE_SEP,
    SECTORS,
    WORKSHEET_KINDS,
    Group,
    GroupData,
    GroupEntry,
)


class SchemaError(Exception):
    """A document that does not fit the schema. ``path`` says where; never the value."""

    def __init__(self, path: str, problem: str, **values: object) -> None:
        self.path = path
        self.problem = problem
        self.values = values
        super().__init__(f"{path}: {problem}")

    def describe(self) -> str:
        """One Danish line: where, and what is wrong."""
        return _(
            "{path}: {problem}",
            path=self.path or "/",
            problem=_(labels.SHAPE[self.problem], **self.values),
        )


_FIELD_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_AT_RE = re.compile(r" - at `\$(.*)`$")
_ALLOWED: dict[str, tuple[Any, ...]] = {
    "status": ATTENDANCE,
    "audience": AUDIENCES,
    "role": ROLES,
    "sector": SECTORS,
    "kind": WORKSHEET_KINDS,
    "ring": RINGS,
    "consents": PURPOSES,
    "checklist": CHECKLIST_ITEMS,
}


def _join(base: str, extra: str) -> str:
    if not base:
        return extra
    if not extra or extra.startswith("["):
        return base + extra
    return f"{base}.{extra}"


def _last_field(path: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", path).rsplit(".", 1)[-1]


def _translate(message: str, base: str) -> SchemaError:
    """A msgspec message as a ``SchemaError``. Only the shape of the message is used: its
    values (which may echo what was found) are never passed on."""
    found = _AT_RE.search(message)
    where = found.group(1).lstrip(".") if found else ""
    text = message[: found.start()] if found else message
    path = _join(base, where)
    if RULE_SEP in text:
        field, problem = text.split(RULE_SEP, 1)
        return SchemaError(_join(path, field), problem)
    if text.startswith("Object missing required field"):
        key = text.split("`")[1] if "`" in text else "?"
        return SchemaError(path, "missing", key=key if _FIELD_RE.match(key) else "?")
    if text.startswith("Object contains unknown field"):
        key = text.split("`")[1] if text.count("`") >= 2 else "?"
        return SchemaError(path, "unknown_key", key=key if _FIELD_RE.match(key) else "?")
    if text.startswith(("Invalid enum value", "Invalid value")):
        allowed = _ALLOWED.get(_last_field(path))
        if allowed:
            return SchemaError(path, "choice", allowed=", ".join(str(a) for a in allowed))
        return SchemaError(path, "invalid")
    if "RFC3339 encoded date" in text and "datetime" not in text:
        return SchemaError(path, "date")
    if "RFC3339" in text or "timezone" in text or "`datetime`" in text:
        return SchemaError(path, "datetime")
    if text.startswith("Expected `date"):
        return SchemaError(path, "date")
    if m := re.match(r"Expected `str` of length <= (\d+)", text):
        return SchemaError(path, "too_long", limit=int(m.group(1)))
    if text.startswith("Expected `str` matching regex") and "https" in text:
        return SchemaError(path, "https")
    if text.startswith("Expected `str` matching regex"):
        return SchemaError(path, "id" if "0-9a-f" in text else "empty")
    if m := re.match(r"Expected `(?:array|object)` of length ([<>]=) (\d+)", text):
        op, n = m.group(1), int(m.group(2))
        if _last_field(path) == "answers":
            return SchemaError(path, "answers", count=PROMPTS)
        if op == ">=":
            return SchemaError(path, "empty_list")
        return SchemaError(path, "too_many", limit=n)
    if m := re.match(r"Expected `int` ([<>]=) (-?\d+)", text):
        key = "at_least" if m.group(1) == ">=" else "at_most"
        return SchemaError(path, key, limit=int(m.group(2)))
    if m := re.match(r"Expected `([a-z]+)", text):
        kinds = {
            "str": "text",
            "int": "integer",
            "bool": "boolean",
            "array": "list",
            "object": "object",
        }
        return SchemaError(path, kinds.get(m.group(1), "invalid"))
    return SchemaError(path, "invalid")


R = TypeVar("R")


def make(kind: type[R], /, **fields: Any) -> R:
    """A record built in code, its rules checked (``SchemaError`` names the rule)."""
    try:
        return kind(**fields)
    except ValueError as exc:
        raise _translate(str(exc), "") from None


def convert(doc: Any, kind: type[R], path: str = "") -> R:
    """``doc`` (plain JSON values) as a ``kind``. ``SchemaError`` if it does not fit."""
    try:
        return msgspec.convert(doc, kind)
    except msgspec.ValidationError as exc:
        raise _translate(str(exc), path) from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        raise SchemaError(path, "invalid") from None


#: Fields that hold ids, days and moments, never typed text (the schema checks their shape).
NOT_TEXT = frozenset(
    {"id", "participant", "kind", "added", "given", "withdrawn", "start", "retention", "held",
     "saved", "certified", "status", "audience", "role", "sector"}
)  # fmt: skip


def walk_texts(doc: Any, path: str = "") -> Iterator[tuple[str, str, Any, Any]]:
    """Every typed text in ``doc`` (plain JSON values): (path, text, container, key)."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            sub = _join(path, str(key) if _FIELD_RE.match(str(key)) else "?")
            if isinstance(value, str):
                if key in NOT_TEXT:
                    continue
                yield sub, value, doc, key
            elif isinstance(value, dict | list | tuple):
                yield from walk_texts(value, sub)
    elif isinstance(doc, list | tuple):
        for i, value in enumerate(doc):
            sub = f"{path}[{i}]"
            if isinstance(value, str):
                yield sub, value, doc, i
            elif isinstance(value, dict | list | tuple):
                yield from walk_texts(value, sub)


def clean_doc(doc: Any, path: str = "") -> list[str]:
    """Clean every text in ``doc`` in place (``peertui.store.text.clean``); return the paths
    of the texts that lost characters. ``SchemaError`` ("cpr") for a text that looks like a
    CPR number; its value is never named."""
    cleaned: list[str] = []
    for where, value, container, key in list(walk_texts(doc, path)):
        if texts.needs_cleaning(value):
            value = texts.clean(value)
            container[key] = value
            cleaned.append(where)
        if texts.looks_like_cpr(value):
            raise SchemaError(where, "cpr")
    return cleaned


def _mutable(value: Any) -> Any:
    """Plain, mutable lists and dicts (not through JSON bytes: a lone surrogate, which UTF-8
    cannot encode, is then cleaned like any control character instead of failing)."""
    if isinstance(value, dict):
        return {key: _mutable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_mutable(item) for item in value]
    return value


def validate(obj: R, path: str = "") -> tuple[R, list[str]]:
    """``obj`` checked as if it came from a file: its texts cleaned (the paths that lost
    characters are returned), no CPR numbers, every limit and rule. ``SchemaError``."""
    doc = _mutable(msgspec.to_builtins(obj))
    cleaned = clean_doc(doc, path)
    return convert(doc, type(obj), path), cleaned


def field_label(path: str) -> str:
    """The Danish name of the field at ``path`` (``field.*`` in the strings), or its key."""
    name = _last_field(path)
    return _(labels.FIELD[name]) if name in labels.FIELD else name


def input_error(exc: SchemaError) -> Exception:
    """A schema problem with what the app asked to save, as the store's error."""
    label = field_label(exc.path)
    if exc.problem == "cpr":
        return CprNumberRefused(label)
    if exc.problem in labels.STORE_INVALID:  # a problem with a sentence of its own
        message = _(labels.STORE_INVALID[exc.problem], field=label, count=PROMPTS, **exc.values)
        return InvalidInput(message, _last_field(exc.path))
    problem = _(labels.SHAPE[exc.problem], **exc.values)
    return InvalidInput(
        _("'{field}' {problem}.", field=label, problem=problem), _last_field(exc.path)
    )


def accept(obj: R, path: str = "") -> R:
    """``obj`` as the store keeps it, checked at the store's door (see ``validate``): its
    texts cleaned, no CPR number, every limit and rule. ``InvalidInput`` names the field and
    the problem; ``CprNumberRefused`` names the field and never the number."""
    try:
        return validate(obj, path)[0]
    except SchemaError as exc:
        raise input_error(exc) from None


def accept_new(kind: type[R], /, **fields: Any) -> R:
    """A new record from what the app gave, checked like ``accept``."""
    try:
        obj = make(kind, **fields)
    except SchemaError as exc:
        raise input_error(exc) from None
    return accept(obj)


def check_references(data: GroupData, path: str) -> None:
    """Ids unique, aliases unique (ignoring case), every reference to a participant points at
    one in this group, one attendance per meeting and person, one worksheet of each kind per
    person, one log per meeting. ``SchemaError`` names the first problem."""
    prefix = f"{path}." if path else ""
    ids: set[str] = set()
    aliases: set[str] = set()
    for i, x in enumerate(data.participants):
        if x.id in ids:
            raise SchemaError(f"{prefix}participants[{i}].id", "duplicate")
        if x.alias.casefold() in aliases:
            raise SchemaError(f"{prefix}participants[{i}].alias", "duplicate")
        ids.add(x.id)
        aliases.add(x.alias.casefold())
    keys: set[object] = set()
    for i, a in enumerate(data.attendance):
        if a.participant not in ids:
            raise SchemaError(f"{prefix}attendance[{i}].participant", "dangling")
        if (a.meeting, a.participant) in keys:
            raise SchemaError(f"{prefix}attendance[{i}]", "duplicate")
        keys.add((a.meeting, a.participant))
    statement_ids: set[str] = set()
    for i, s in enumerate(data.statements):
        if s.participant not in ids:
            raise SchemaError(f"{prefix}statements[{i}].participant", "dangling")
        if s.id in statement_ids:
            raise SchemaError(f"{prefix}statements[{i}].id", "duplicate")
        statement_ids.add(s.id)
    for i, w in enumerate(data.worksheets):
        if w.participant not in ids:
            raise SchemaError(f"{prefix}worksheets[{i}].participant", "dangling")
        if (w.participant, w.kind) in keys:
            raise SchemaError(f"{prefix}worksheets[{i}]", "duplicate")
        keys.add((w.participant, w.kind))
    meetings: set[int] = set()
    for i, m in enumerate(data.meeting_logs):
        if m.meeting in meetings:
            raise SchemaError(f"{prefix}meeting_logs[{i}].meeting", "duplicate")
        meetings.add(m.meeting)


def group_data(entry: GroupEntry, path: str = "") -> GroupData:
    """One group of an export as the store keeps it, its references checked."""
    group = Group(**{f: getattr(entry, f) for f in Group.__struct_fields__})
    data = GroupData(group, *(getattr(entry, k) for k in GROUP_TABLES))
    check_references(data, path)
    return data
