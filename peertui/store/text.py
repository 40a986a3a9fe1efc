"""The one cleaner for every text that enters the store or is printed from it.

``clean`` removes what must never reach a terminal or a file (control characters other than
newline and tab, and lone surrogates) and keeps everything else exactly. ``clean_line`` makes
any value safe to print on one terminal line. ``looks_like_cpr`` finds Danish CPR numbers,
also when they are written with full-width or other-script digits, odd dashes and spaces, or
invisible characters between the digits.

Only the standard library is used, and everything runs in linear time: these functions run
on every text field of an import and on every keystroke save.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "REMOVED_RANGES",
    "REMOVED_RE",
    "clean",
    "clean_line",
    "looks_like_cpr",
    "needs_cleaning",
]

# --- cleaning -----------------------------------------------------------------------------

#: Code point ranges (inclusive) that ``clean`` removes: C0 controls except tab (U+0009) and
#: newline (U+000A), DEL and the C1 controls, and the surrogates (which a ``str`` can only
#: hold alone, as the halves of a pair are never combined in a Python string).
REMOVED_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0xD800, 0xDFFF),
)

#: Matches one character that ``clean`` removes.
REMOVED_RE: re.Pattern[str] = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

_LINE_BREAKS_RE = re.compile("[\t\n\u2028\u2029]")


def clean(value: str) -> str:
    """Remove what must never reach a terminal or a file.

    Removed: C0 control characters except newline (``\\n``) and tab (``\\t``), DEL (U+007F),
    C1 controls (U+0080-U+009F), and lone surrogates (U+D800-U+DFFF). Everything else stays
    exactly: emoji (also ZWJ sequences and variation selectors), æøå, right-to-left scripts
    and their marks, tabs, newlines. ``\\r`` is removed, so a pasted ``\\r\\n`` becomes
    ``\\n``. A text that needs no cleaning is returned as it is.
    """
    if REMOVED_RE.search(value) is None:
        return value
    return REMOVED_RE.sub("", value)


def needs_cleaning(value: str) -> bool:
    """True if ``clean(value)`` would change ``value``."""
    return REMOVED_RE.search(value) is not None


def clean_line(value: object) -> str:
    """Make ``value`` safe to print on one terminal line (CLI output, messages).

    ``str(value)``, cleaned, with every newline, tab and Unicode line or paragraph separator
    (U+2028, U+2029) turned into one space. Never raises: if ``str(value)`` fails, the
    value's plain ``object`` representation (``<module.Type object at 0x...>``) is used.
    """
    try:
        text = str(value)
    except Exception:
        try:
            text = object.__repr__(value)
        except Exception:
            return "?"
    return _LINE_BREAKS_RE.sub(" ", clean(text))


# --- CPR numbers --------------------------------------------------------------------------
#
# A CPR number is ddmmyy-xxxx. To find it however it is written, the text is normalised
# first (``_normalise_for_cpr``) and one regex with bounded separator runs then finds the
# candidates. Most texts hold fewer than ten digits and so cannot hold a CPR number; a quick
# count (``_may_hold_ten_digits``) skips the rest of the work for them.

_SEP = " "
_DASH = "-"

# Characters that separate digit groups like a space. ASCII ones stay as they are in the
# normalised text (the regex knows them); all others become " ".
_ASCII_SEPARATORS = "\t\n\r ./\\_"
_SEPARATORS = frozenset(
    _ASCII_SEPARATORS
    + "\u2800"  # braille pattern blank: looks like a space
    + "\u00b7\u0387\u06d4\u2024\u2027\u2219\u22c5\u3002\u30fb\uff0e\uff61\uff65\ufe52"  # dots
    + "\u2044\u2215\u29f8\u29f9\uff0f\uff3c"  # slashes
)
_SEPARATOR_CATEGORIES = frozenset(("Zs", "Zl", "Zp", "Pc"))  # Pc: underscore and its kin
_DASHES = frozenset("\u02d7\u2043\u207b\u208b\u2212\u2796\ufe63\uff0d")  # dashes not in Pd
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0")  # Hangul fillers: letters that show nothing
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Mn", "Me"))
# Unassigned code points that Unicode reserves as default-ignorable (shown as nothing).
_IGNORABLE_UNASSIGNED = ((0x2065, 0x2065), (0xFFF0, 0xFFF8), (0xE0000, 0xE0FFF))

# Characters that are not Unicode decimal digits (``\d``) but become digits: they have a
# digit value (superscripts, circled digits, Ethiopic digits, ...) or their NFKC form holds
# a digit. ``_DIGIT_MAKERS`` become one digit, ``_MULTI_DIGIT_MAKERS`` two or three ("⑩",
# "½", "㏾"). Made from Unicode 14 (Python 3.11); tests/store/test_text.py checks both lists
# against the running Python's ``unicodedata``. Within Latin-1 only ²³¹¼½¾ are among them.
_DIGIT_MAKERS = (
    "\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u215f\u2460-\u2468"
    "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
    "\u278a-\u2792\u32c0-\u32c8\u3358-\u3361\u3378\u3379\u339f-\u33a6\u33a8\u33af"
    "\u33e0-\u33e8\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
    "\U0001f100-\U0001f10a"
)
_MULTI_DIGIT_MAKERS = (
    "\u00bc-\u00be\u2150-\u215e\u2189\u2469-\u2473\u247d-\u2487\u2491-\u249b\u3251-\u325f"
    "\u32b1-\u32bf\u32c9-\u32cb\u3362-\u3370\u33e9-\u33fe"
)
_DIGITISH_RE = re.compile(rf"[\d{_DIGIT_MAKERS}{_MULTI_DIGIT_MAKERS}]")
_MULTI_DIGIT_RE = re.compile(f"[{_MULTI_DIGIT_MAKERS}]")
# For the quick count, in UTF-8: all bytes but the ASCII digits; all bytes but the lead
# bytes of U+0080-U+00BF (0xC2, where ²³¹¼½¾ are) and of U+0100 and up (0xC4-0xFF). The
# Latin-1 letters (lead byte 0xC3) cannot make digits.
_NOT_ASCII_DIGIT = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)
_NOT_LEAD_OF_DIGIT_MAKER = bytes((*range(0xC2), 0xC3))
_CPR_DIGITS = 10

# A run of characters that ``_normalise_for_cpr`` may change: ASCII controls other than tab
# and newline, everything from U+007F up except Latin-1 letters (which stay as they are).
# Spaces between such characters join the run, so a text in another script is one run.
_SPECIAL = "\x00-\x08\x0b-\x1f\x7f-\xbf\u0100-\U0010ffff"
_SPECIAL_RUN_RE = re.compile(f"[{_SPECIAL}][ {_SPECIAL}]*")

_CACHE_MAX = 65_536


def _map_one(char: str) -> str:
    """What one NFKC-normalised character becomes in the normalised text ("" = dropped)."""
    digit = unicodedata.digit(char, None)
    if digit is not None:
        return str(digit)
    category = unicodedata.category(char)
    if char in _SEPARATORS or category in _SEPARATOR_CATEGORIES:
        return char if char in _ASCII_SEPARATORS else _SEP
    if category == "Pd" or char in _DASHES:
        return _DASH
    if category in _INVISIBLE_CATEGORIES or char in _INVISIBLE:
        return ""
    code = ord(char)
    if category == "Cn" and any(lo <= code <= hi for lo, hi in _IGNORABLE_UNASSIGNED):
        return ""
    return char


def _classify(code: int) -> str | int | None:
    """The ``str.translate`` entry for ``code``: its ordinal if unchanged, None if dropped."""
    char = chr(code)
    mapped = "".join(_map_one(c) for c in unicodedata.normalize("NFKC", char))
    if mapped == char:
        return code
    return mapped or None


class _CprTable(dict[int, str | int | None]):
    """A ``str.translate`` table filled on demand, one entry per character met.

    At most ``_CACHE_MAX`` entries are kept, so memory stays bounded whatever the input.
    """

    def __missing__(self, code: int) -> str | int | None:
        value = _classify(code)
        if len(self) < _CACHE_MAX:
            self[code] = value
        return value


_TABLE = _CprTable()


def _translate_run(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


def _normalise_for_cpr(text: str) -> str:
    """``text`` as ``looks_like_cpr`` reads it.

    Each character is NFKC-normalised on its own, then: a character with a digit value (any
    script, ``unicodedata.digit``) becomes that ASCII digit; a dash (category Pd, or a minus
    sign) becomes "-"; a space (categories Zs, Zl, Zp), dot, slash or connector (Pc) becomes
    " " (the ASCII ones - tab, newline, carriage return, space, ``. / \\ _`` - stay as they
    are); an invisible character (categories Cc, Cf, Cs, Mn, Me - controls, zero-width
    spaces and joiners, direction marks, soft hyphen, word joiner, BOM, combining marks,
    variation selectors - and the Hangul fillers) is dropped. Everything else stays.
    """
    return _SPECIAL_RUN_RE.sub(_translate_run, text)


def _may_hold_ten_digits(text: str) -> bool:
    """False only if ``text`` certainly normalises to fewer than ten digits."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _NOT_ASCII_DIGIT)) >= _CPR_DIGITS:
        return True
    if text.isascii() or not data.translate(None, _NOT_LEAD_OF_DIGIT_MAKER):
        return False  # only ASCII digits can make digits here, and there are fewer than ten
    digits = 0
    for match in _DIGITISH_RE.finditer(text):
        digits += 3 if _MULTI_DIGIT_RE.match(match.group()) else 1
        if digits >= _CPR_DIGITS:
            return True
    return False


# dd, mm and yy are two digits, the serial four; between two groups a run of at most three
# separators or dashes. No digit right before (the lookbehind, placed after the first digit
# so that the regex engine can skip ahead to digits) or after. Linear: the groups and the
# separators are disjoint classes, so every quantifier has only one way to match.
_SEPARATOR_RUN = r"([\t\n\r ./\\_\-]{0,3})"
_CPR_RE = re.compile(
    rf"([0-9](?<![0-9]{{2}})[0-9]){_SEPARATOR_RUN}([0-9]{{2}}){_SEPARATOR_RUN}"
    rf"[0-9]{{2}}{_SEPARATOR_RUN}[0-9]{{4}}(?![0-9])",
    re.ASCII,
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February is allowed


def looks_like_cpr(text: str) -> bool:
    """True if ``text`` holds something shaped like a Danish CPR number (ddmmyy-xxxx).

    The text is normalised first: each character NFKC-normalised; a digit of any script
    (``unicodedata.digit``) counts as that digit; any dash (category Pd, minus signs) as a
    hyphen; spaces (Zs, tab, line breaks), dots, slashes and underscores as separators;
    invisible characters (controls, zero-width and other format characters, the soft hyphen,
    combining marks, variation selectors) are ignored.

    ``ddmmyy-xxxx`` (six digits, one dash, four digits) always counts. Every other form -
    no separator, or runs of up to three separators or dashes between the groups dd, mm, yy
    and xxxx - counts only when ddmmyy is a plausible date (29 February allowed), so that
    other ten-digit numbers are not refused for nothing. The digits must not be part of a
    longer run of digits, and a group is never split.
    """
    if not _may_hold_ten_digits(text):
        return False
    normalised = _normalise_for_cpr(text)
    pos = 0
    while (match := _CPR_RE.search(normalised, pos)) is not None:
        day, sep1, month, sep2, sep3 = match.groups()
        if not sep1 and not sep2 and sep3 == _DASH:
            return True
        d, m = int(day), int(month)
        if 1 <= m <= 12 and 1 <= d <= _DAYS_IN_MONTH[m - 1]:
            return True
        pos = match.start() + 1  # a later candidate may overlap this implausible one
    return False
