"""peertui.store.text: the one text cleaner and the CPR-number detector."""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertui.store import text as text_module
from peertui.store.text import (
    REMOVED_RANGES,
    REMOVED_RE,
    clean,
    clean_line,
    looks_like_cpr,
    needs_cleaning,
)

# --- what clean() removes -----------------------------------------------------------------

C0_REMOVED = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]
C1 = [chr(c) for c in range(0x80, 0xA0)]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00"]
REMOVED_SAMPLE = [*C0_REMOVED, "\x7f", *C1, *SURROGATES]


def _removed(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in REMOVED_RANGES)


@pytest.mark.parametrize("char", REMOVED_SAMPLE, ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_character_and_lone_surrogate_is_removed(char: str) -> None:
    assert clean(f"a{char}b") == "ab"
    assert clean(char) == ""
    assert clean(char * 3) == ""
    assert needs_cleaning(f"a{char}b")


def test_the_removed_set_is_exactly_the_documented_ranges() -> None:
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    found = {ord(c) for c in REMOVED_RE.findall(every_char)}
    expected = {
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0xD800, 0xE000),
    }
    assert found == expected
    assert found == {c for lo, hi in REMOVED_RANGES for c in range(lo, hi + 1)}
    assert clean(every_char) == "".join(c for c in every_char if ord(c) not in expected)


def test_a_reversed_surrogate_pair_is_removed() -> None:
    assert clean("a\ude00\ud83db") == "ab"  # low half first: two lone surrogates
    assert clean("\ud83d\ude00") == ""  # the halves of 😀 never make 😀 in a str


def test_carriage_returns_are_removed_so_crlf_becomes_lf() -> None:
    assert clean("første\r\nanden\r\n") == "første\nanden\n"
    assert clean("a\rb") == "ab"
    assert clean("\r\n\r\n") == "\n\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b]0;owned\x07", "]0;owned"),  # set the terminal title
        ("\x1b[2J", "[2J"),  # clear the screen
        ("\x9b2J", "2J"),  # the same with the one-byte C1 CSI
        ("\x1b[31mrød\x1b[0m", "[31mrød[0m"),
        ("\x1bP+q544e\x1b\\", "P+q544e\\"),  # DCS ... ST
        ("\x9d8;;http://x\x9c", "8;;http://x"),  # OSC 8 hyperlink with C1 OSC and ST
        ("bip\x07bip\x08\x08", "bipbip"),
    ],
)
def test_escape_sequences_lose_their_control_characters(raw: str, expected: str) -> None:
    cleaned = clean(raw)
    assert cleaned == expected
    assert not any(_removed(c) for c in cleaned)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned


KEPT = [
    "",
    "Hej med dig",
    "æøåÆØÅ éü ß",
    "😀",
    "👩\u200d👩\u200d👧",  # a ZWJ family
    "❤\ufe0f",  # with a variation selector
    "🇩🇰🇵🇸",  # flags: regional indicator pairs
    "👍🏽",  # skin tone modifier
    "1\ufe0f\u20e3",  # keycap
    "שלום \u200fעולם\u200e!",  # Hebrew with RLM and LRM
    "مرحبا \u061cبكم",  # Arabic with the Arabic letter mark
    "\u202bembedded\u202c \u2067isolate\u2069",  # bidi embeddings and isolates stay
    "tab\there\nnewline\n\n",
    "\t\n",
    "\u00a0\u202f\u2009\u200b\u00ad",  # no-break, narrow, thin, zero-width space, soft hyphen
    "\u2028\u2029",  # Unicode line and paragraph separators are not controls
    "\ufeffBOM",
    "\U0010fffd\ue000",  # private use
    "中文 日本語 한국어",
    "\x20~",  # the printable ASCII edges
    "\xa0¡¿ÿ",  # the Latin-1 edges right after C1
    "\ud7ff\ue000",  # right before and after the surrogates
]


@pytest.mark.parametrize("value", KEPT)
def test_everything_else_is_kept_exactly(value: str) -> None:
    assert clean(value) == value
    assert not needs_cleaning(value)


def test_a_clean_text_is_returned_as_it_is() -> None:
    value = "Intet at fjerne her 😀"
    assert clean(value) is value


def test_non_bmp_characters_are_single_characters_and_kept() -> None:
    assert len("😀") == 1
    assert clean("a😀b") == "a😀b"
    assert clean("😀\ud83d") == "😀"


# Text with a good share of the characters that matter.
INTERESTING = st.sampled_from(
    [
        *REMOVED_SAMPLE,
        "\t",
        "\n",
        "\r",
        "\u2028",
        "😀",
        "\u200d",
        "\ufe0f",
        "æ",
        "ø",
        "å",
        "\u200f",
        "\u200e",
        " ",
        "a",
        "\\",
        "[",
    ]
)
ANY_CHAR = st.characters(codec=None, exclude_categories=())
TEXTS = st.text(alphabet=st.one_of(INTERESTING, ANY_CHAR), max_size=60)


@given(TEXTS)
def test_clean_is_idempotent_and_leaves_nothing_removable(value: str) -> None:
    cleaned = clean(value)
    assert clean(cleaned) == cleaned
    assert not any(_removed(c) for c in cleaned)
    assert not needs_cleaning(cleaned)
    assert needs_cleaning(value) == (cleaned != value)
    # Only characters are removed; the rest keeps its order.
    assert cleaned == "".join(c for c in value if not _removed(c))


# --- clean_line ---------------------------------------------------------------------------


def test_clean_line_puts_a_value_on_one_line() -> None:
    assert clean_line("a\nb\tc\r\nd") == "a b c d"
    assert clean_line("a\n\nb") == "a  b"  # each newline becomes one space
    assert clean_line("linje\u2028linje\u2029afsnit") == "linje linje afsnit"
    assert clean_line("\x1b[2Jrydder") == "[2Jrydder"
    assert clean_line("æøå 😀") == "æøå 😀"
    assert clean_line(42) == "42"
    assert clean_line(None) == "None"
    assert clean_line(Path("mappe/fil.json")) == "mappe/fil.json"
    assert clean_line(ValueError("slem\nfejl\x07")) == "slem fejl"
    assert clean_line(b"\x1b") == "b'\\x1b'"


class _BadStr:
    def __str__(self) -> str:
        raise RuntimeError("no")

    def __repr__(self) -> str:
        raise RuntimeError("no either")


class _WrongType:
    def __str__(self) -> str:
        return 42  # type: ignore[return-value]


class _ControlStr:
    def __str__(self) -> str:
        return "\x1b]0;owned\x07\nnext"


class _StrSubclass(str):
    pass


def test_clean_line_never_raises() -> None:
    assert "_BadStr object at" in clean_line(_BadStr())
    assert "_WrongType object at" in clean_line(_WrongType())
    assert clean_line(_ControlStr()) == "]0;owned next"
    assert clean_line(_StrSubclass("a\nb")) == "a b"
    assert clean_line(_StrSubclass("ab")) == "ab"


OBJECTS = st.one_of(
    TEXTS,
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.binary(max_size=20),
    st.lists(TEXTS, max_size=3),
    st.dictionaries(TEXTS, TEXTS, max_size=2),
    TEXTS.map(ValueError),
)


@given(OBJECTS)
def test_clean_line_gives_one_clean_line_for_anything(value: object) -> None:
    line = clean_line(value)
    assert isinstance(line, str)
    assert "\n" not in line and "\t" not in line and "\r" not in line
    assert "\u2028" not in line and "\u2029" not in line
    assert not any(_removed(c) for c in line)
    assert len(line.splitlines()) <= 1


# --- looks_like_cpr -----------------------------------------------------------------------

CPR_POSITIVE = [
    # today's forms
    "010203-1234",
    "Mit nummer er 311299-4321.",
    "0102031234",
    "010203 1234",
    "291280-1111",  # 29 February is a plausible day
    "999999-9999",  # the plain dashed form counts whatever the digits
    "cpr:2512891234!",
    "5 0102901234",  # a digit before a separator is not part of the run
    "0102901234 5",
    # separators between the groups
    "01.02.90-1234",
    "01 02 90 1234",
    "01.02.90 1234",
    "01.02.90.1234",
    "01/02/90-1234",
    "01/02/90/1234",
    "01\\02\\90-1234",
    "01-02-90-1234",
    "010290_1234",
    "0102 90 1234",
    "010290 - 1234",
    "010290  -1234",  # three separators
    "01 . 02 . 90 - 1234",
    "01\n02\n90\n1234",
    "010290\r\n1234",
    "01\t02\t90\t1234",
    # any dash
    "010290–1234",  # en dash
    "010290—1234",  # em dash
    "010290\u20121234",  # figure dash
    "010290\u22121234",  # minus sign
    "010290\u20101234",  # hyphen
    "010290\u20111234",  # non-breaking hyphen
    "010290\ufe631234",  # small hyphen-minus
    "010290\uff0d1234",  # full-width hyphen-minus
    "010290\u2e3a1234",  # two-em dash
    "999999–9999",  # an en dash is a plain dash: counts whatever the digits
    # any space
    "01\u00a002\u00a090\u00a01234",  # no-break space
    "010290\u202f1234",  # narrow no-break space
    "010290\u20091234",  # thin space
    "010290\u30001234",  # ideographic space
    "01\u2024\u200202\u201490\u20141234",  # one-dot leader, en space, em dashes
    # digits of other scripts and forms
    "０１０２９０－１２３４",
    "０１０２９０１２３４",
    "٠١٠٢٩٠-١٢٣٤",  # Arabic-Indic
    "۰۱۰۲۹۰-۱۲۳۴",  # extended Arabic-Indic (Persian)
    "०१०२९०-१२३४",  # Devanagari
    "𝟎𝟏𝟎𝟐𝟗𝟎-𝟏𝟐𝟑𝟒",  # mathematical bold
    "01０2９0-1234",  # mixed
    "⓪①⓪②⑨⓪-①②③④",  # circled
    "⁰¹⁰²⁹⁰-¹²³⁴",  # superscript
    "⑩⑩⑩⑩⑩",  # NFKC: 1010101010, ten digits from five characters
    "⑩⑫⑨⓪①②③④",  # NFKC: 10 12 90 1234
    # invisible characters between the digits
    "0102\u200b90-1234",  # zero-width space
    "0\u200c1\u200d0\u200e2\u200f90-1234",  # ZWNJ, ZWJ, LRM, RLM
    "010290\u2060-\u20601234",  # word joiner
    "01\ufeff0290-1234",  # BOM
    "01\u00ad0290\u00ad-1234",  # soft hyphen
    "0102\u180e901234",  # Mongolian vowel separator
    "0102\u2061\u2062\u2063\u206490-1234",  # invisible operators
    "01\x0002\x1b90-12\x7f34",  # controls
    "0\u03011\u0332\u033202\ufe0f90-1234",  # combining marks, variation selector
    "01\U000e0041\U000e007f0290-1234",  # tag characters
    "0102\ud80090-1234",  # a lone surrogate
    "01\u3164\u115f0290-1234",  # Hangul fillers
    "0\u200b1\u200b0\u200b2\u200b9\u200b0\u200b-\u200b1\u200b2\u200b3\u200b4",
    # a candidate right after an implausible one that overlaps it
    "99 99 01 0290 1234",
    "Ring 99 99 01 0290 1234 i morgen",
]


@pytest.mark.parametrize("text", CPR_POSITIVE)
def test_cpr_numbers_are_found_however_they_are_written(text: str) -> None:
    assert looks_like_cpr(text)
    assert looks_like_cpr(f"Her er mit CPR-nummer: {text}, glem det ikke.")


CPR_NEGATIVE = [
    "",
    "Jeg har tre børn og to katte",
    "Ring 70 201 201 eller 112",
    "70 201 201",
    "+45 70 20 12 01",
    "+45 70201201",  # 45 is not a day
    "+4570201201",
    "+45 7020 1201",
    "0045 70201201",
    "tlf. 7020 1201",
    "kl. 10.30",
    "kl. 10.30-12.00",
    "12.03.2025",
    "12.03.2025 kl. 10.30",
    "2025",
    "2025-03-04",
    "1.234.567",
    "1.234.567.890",
    "kr. 12.345.678,90",
    "123456789012",  # twelve digits
    "12345678901",  # eleven digits
    "010203-12345",
    "1010203-1234",
    "3213991234",  # no 32nd day
    "0113991234",  # no 13th month
    "0002901234",  # no day 0
    "0100901234",  # no month 0
    "3002901234",  # no 30 February
    "3104901234",  # no 31 April
    "99.99.99-9999",  # separated, so the date must be plausible
    "99 99 99 9999",
    "999999 9999",
    "99-99-99-9999",
    "999999 - 9999",
    "0 1 0 2 9 0 1 2 3 4",  # a group is never split
    "01 0 2 90 1234",
    "010290    1234",  # four separators are too many
    "01    02 90 1234",
    "01.02.1990-1234",  # a four-digit year is not the CPR form
    "01,02,90,1234",  # commas do not separate
    "010290:1234",
    "010290+1234",
    "٠١٢٣٤٥٦٧٨٩٠",  # eleven Arabic-Indic digits
    "5\u200b0102901234",  # a hidden digit right before makes it eleven
    "0102901234\u200b5",
    "０１０２９０１２３４５",
    "ISBN 978-87-1234-567-8",
    "version 1.2.3.4.5.6.7.8.9.10",
    "1234-5678-90",
]


@pytest.mark.parametrize("text", CPR_NEGATIVE)
def test_other_numbers_are_not_taken_for_cpr_numbers(text: str) -> None:
    assert not looks_like_cpr(text)


DIGIT_ZEROS = ["0", "０", "٠", "۰", "०", "০", "๐", "၀", "𝟎", "𝟘", "𝟶", "᠐"]
INVISIBLES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
    "\u00ad",
    "\u180e",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\u0301",
    "\ufe0f",
]
SEPARATORS = [
    " ",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\u2002",
    "\u3000",
    ".",
    "/",
    "．",
    "／",
    "\t",
    "\n",
    "_",
]
DASHES = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\ufe63",
    "\uff0d",
    "\ufe58",
]
DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Text around a number: no digits, and it must not end or begin with one.
AROUND = st.text(alphabet="abcæøå ,:;!?()\n", max_size=8)


@st.composite
def _digits(draw: st.DrawFn, number: str) -> str:
    """``number`` (ASCII digits) with each digit in some script and invisibles between."""
    out = []
    for i, char in enumerate(number):
        zero = draw(st.sampled_from(DIGIT_ZEROS))
        out.append(chr(ord(zero) + int(char)))
        if i < len(number) - 1:
            out.append(draw(st.text(alphabet=st.sampled_from(INVISIBLES), max_size=2)))
    return "".join(out)


@st.composite
def _separator_run(draw: st.DrawFn, max_size: int = 3) -> str:
    """Up to ``max_size`` separators or dashes, with invisibles among them."""
    run = draw(st.lists(st.sampled_from(SEPARATORS + DASHES), max_size=max_size))
    out = []
    for char in run:
        out.append(char)
        out.append(draw(st.text(alphabet=st.sampled_from(INVISIBLES), max_size=1)))
    return "".join(out)


@st.composite
def _plausible_cpr(draw: st.DrawFn) -> str:
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, DAYS[month - 1]))
    year = draw(st.integers(0, 99))
    serial = draw(st.integers(0, 9999))
    groups = [f"{day:02d}", f"{month:02d}", f"{year:02d}", f"{serial:04d}"]
    parts = []
    for i, group in enumerate(groups):
        parts.append(draw(_digits(group)))
        if i < 3:
            parts.append(draw(_separator_run()))
    return "".join(parts)


@given(number=_plausible_cpr(), before=AROUND, after=AROUND)
@settings(max_examples=300)
def test_any_plausible_cpr_number_is_found_whatever_its_disguise(
    number: str, before: str, after: str
) -> None:
    assert looks_like_cpr(f"{before}{number}{after}")


@given(
    data=st.data(),
    digits=st.from_regex(r"\A[0-9]{10}\Z"),
    dash=st.sampled_from(DASHES),
    before=AROUND,
    after=AROUND,
)
def test_the_dashed_form_counts_whatever_the_digits(
    data: st.DataObject, digits: str, dash: str, before: str, after: str
) -> None:
    invisible = st.text(alphabet=st.sampled_from(INVISIBLES), max_size=2)
    number = (
        data.draw(_digits(digits[:6])) + data.draw(invisible) + dash + data.draw(invisible)
    ) + data.draw(_digits(digits[6:]))
    assert looks_like_cpr(f"{before}{number}{after}")


@given(
    day=st.integers(0, 99),
    month=st.integers(0, 99),
    year=st.integers(0, 99),
    serial=st.integers(0, 9999),
    seps=st.lists(
        st.sampled_from(["", " ", ".", "/", "-", " - ", "\u00a0"]), min_size=3, max_size=3
    ),
)
def test_a_separated_number_counts_only_with_a_plausible_date(
    day: int, month: int, year: int, serial: int, seps: list[str]
) -> None:
    text = f"{day:02d}{seps[0]}{month:02d}{seps[1]}{year:02d}{seps[2]}{serial:04d}"
    plausible = 1 <= month <= 12 and 1 <= day <= DAYS[month - 1]
    plain_dash = seps == ["", "", "-"]
    assert looks_like_cpr(text) == (plausible or plain_dash)


# Characters that are neither digits nor separators nor dashes nor invisible.
JOINERS = st.sampled_from(list("abcæøå,:;+()#*'\"!?"))


@st.composite
def _few_digits(draw: st.DrawFn) -> str:
    """At most nine digits, in any script, with separators and invisibles among them."""
    count = draw(st.integers(0, 9))
    number = "".join(str(draw(st.integers(0, 9))) for _ in range(count))
    out = []
    for char in draw(_digits(number)) if number else "":
        out.append(char)
        if draw(st.booleans()):
            out.append(draw(_separator_run(max_size=2)))
    return "".join(out)


@given(st.lists(st.tuples(_few_digits(), JOINERS), max_size=6))
def test_text_without_ten_digits_in_a_row_is_never_taken_for_cpr(
    chunks: list[tuple[str, str]],
) -> None:
    text = "".join(digits + joiner for digits, joiner in chunks)
    assert not looks_like_cpr(text)


MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            [*"0123456789", *SEPARATORS, *DASHES, *INVISIBLES, "٣", "９", "²", "½", "⑩", "a", ","]
        ),
        ANY_CHAR,
    ),
    max_size=40,
)


@given(MIXED)
@settings(max_examples=300)
def test_the_detector_agrees_with_its_normalised_text(value: str) -> None:
    """No ten digits in a row once all separators are gone: never a CPR number."""
    normalised = text_module._normalise_for_cpr(value)
    digits_only = re.sub(r"[\t\n\r ./\\_\-]", "", normalised)
    if not re.search(r"[0-9]{10}", digits_only):
        assert not looks_like_cpr(value)
    # the quick count never skips a text that has ten digits
    if len(re.findall(r"[0-9]", normalised)) >= 10:
        assert text_module._may_hold_ten_digits(value)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("０１－", "01-"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("a\u200bb\u00adc\ufeffd", "abcd"),
        ("1\u00a02\u202f3\u20094", "1 2 3 4"),
        ("1.2/3\\4_5", "1.2/3\\4_5"),
        ("1\u20132\u20143\u22124\u20115", "1-2-3-4-5"),
        ("⑩½", "101 2"),  # NFKC: "10", "1⁄2"
        ("æøå ÆØÅ", "æøå ÆØÅ"),
        ("مرحبا ٣", "مرحبا 3"),
        ("😀\ufe0f", "😀"),
    ],
)
def test_normalisation(raw: str, normalised: str) -> None:
    assert text_module._normalise_for_cpr(raw) == normalised


def test_the_digit_tables_match_this_pythons_unicode_data() -> None:
    """Each character becomes at most as many digits as the quick count assumes."""
    wrong = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if "0" <= char <= "9":
            continue
        value = text_module._classify(code)
        made = value if isinstance(value, str) else ""
        digits = sum(c.isdigit() for c in made)
        if not digits:
            continue
        if text_module._MULTI_DIGIT_RE.match(char):
            allowed = 3
        elif text_module._DIGITISH_RE.match(char):
            allowed = 1
        else:
            allowed = 0
        if digits > allowed:
            wrong.append(f"U+{code:04X} {unicodedata.name(char, '?')}")
    assert not wrong, (
        f"update _DIGIT_MAKERS/_MULTI_DIGIT_MAKERS ({unicodedata.unidata_version}): {wrong}"
    )


ADVERSARIAL = [
    "0" * 100_000,
    "0 " * 50_000,
    "01.02.90." * 11_112,
    "99 99 99 " * 11_112,
    "99 99 01 0" * 10_000,
    "1-" * 50_000,
    "12 " * 33_334,
    "1  " * 33_334,
    "0\u200b" * 50_000,
    "０" * 100_000,
    "٠ " * 50_000,
    "99\u200b\u200b\u200b\u200b 99" * 10_000,
    "".join("0123456789. -"[(i * 7919) % 13] for i in range(100_000)),
    "9" * 50_000 + "-" + "9" * 50_000,
]


@pytest.mark.parametrize("value", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_long_inputs_take_linear_time(value: str) -> None:
    start = time.perf_counter()
    looks_like_cpr(value)
    clean(value)
    clean_line(value)
    assert time.perf_counter() - start < 0.5


def test_the_translation_cache_stays_bounded() -> None:
    looks_like_cpr("".join(map(chr, range(0x4E00, 0x4E00 + 2 * text_module._CACHE_MAX))) + "1" * 10)
    assert len(text_module._TABLE) <= text_module._CACHE_MAX
