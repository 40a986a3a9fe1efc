"""Every screen and dialog speaks one language: no English on a Danish screen, no Danish on an
English one.

tests/ui/walk_languages.py walks the app in a fresh process per language (module-level words
are read at import) and writes down what every screen and dialog shows, with its help panel
open, and the command palette. Here that text is checked against the catalog
(peertui/locale/da/LC_MESSAGES/peertui.po, read with Babel):

- Danish screens show no phrase of two words or more from an English message whose Danish
  differs (split where the message has a placeholder), and none of Textual's own English
  (``TEXTUAL_WORDS``, ``TEXTUAL_PHRASES``);
- English screens show no such phrase from a Danish translation, and no æ, ø or å at all (the
  English test content and cast hold none: ``DANISH_LETTERS_ALLOWED``).

A word that stands alone in a message counts too when it has four letters or more ("Back",
"Tilbage"). A phrase or word that both languages use (a name, "peertui check", "Pause") is
left out. A longer phrase is also looked for three words at a time, so one cut by the end of
a line is still found.

When this fails: route the words through ``_()`` (or ``N_()`` where they are only named), run
``make catalogs`` and translate them; a key's description in ``BINDINGS`` is ``N_()``-marked.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from peertui.ui.textual_words import TEXTUAL_WORDS

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "peertui" / "locale" / "da" / "LC_MESSAGES" / "peertui.po"
#: A walk takes about a minute on a quiet machine; a busy one (the suite on every core) more.
WALK_TIMEOUT = 600

#: Screens and dialogs the walk must reach (it writes down more): if a step stops working,
#: the walk fails rather than quietly checking less.
IMPORTANT = frozenset(
    {
        "home",
        "palette",
        "organisation",
        "group form (new)",
        "group form (edit)",
        "course",
        "meeting",
        "meeting with notes",
        "guide page",
        "links",
        "meeting training: choose a meeting",
        "meeting training: questions and notes",
        "group",
        "participant",
        "participant form (new)",
        "participant form (edit)",
        "statement",
        "statement: earlier versions",
        "goals",
        "goals: earlier versions",
        "safety plan",
        "network map",
        "phones: choose the address",
        "phones: none yet",
        "phones: the code here",
        "wall: join",
        "print",
        "print: done",
        "check-in",
        "runner",
        "runner with notes",
        "runner: whose statement",
        "runner: a break",
        "confirm: show something private",
        "confirm: end the meeting",
        "after the meeting",
        "training group",
        "trainee",
        "trainee form (new)",
        "teaching form (new)",
        "certificate",
        "certificate not yet",
        "runner: choose a meeting to practise",
        "colour themes: the projector's",
        "wall: block",
        "wall: scenario",
    }
)

#: Words with æ, ø or å that may be on an English screen. None: the English test content
#: (tests/fixtures/content-en; its block kind "øvelse" is a key, shown as "Exercise") and the
#: English cast (walk_languages.seed_english) have none. A name such as "Søren" would be
#: listed here.
DANISH_LETTERS_ALLOWED: frozenset[str] = frozenset()
DANISH_LETTER = re.compile(r"[æøåÆØÅ]")

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LETTERS = re.compile(r"[^\W\d_]+")
WINDOW = 3  # words: a longer phrase is also looked for this many words at a time
#: A message's word that stands alone (a key's description, a column) counts from this length:
#: "Back", "Quit", "Tilbage"; shorter ones ("Ja", "Gem", "min") are too often both languages'.
SHORTEST_WORD = 4
#: Textual's own English that is not a key's description (its ctrl+c hint, the palette's).
TEXTUAL_PHRASES = ("Do you want to quit", "to quit the app", "Search for commands", "No matches")
TRIM = " \t\n.,:;!?·–—-…()[]«»\"'/"


def forms(value: str | Iterable[str]) -> list[str]:
    """A message's texts (a plural message has several)."""
    return [value] if isinstance(value, str) else [v for v in value if v]


@cache
def catalog() -> list[tuple[list[str], list[str]]]:
    """(English forms, Danish forms) of every translated message."""
    with open(PO, "rb") as fh:
        messages = read_po(fh)
    return [(forms(m.id), forms(m.string)) for m in messages if m.id and m.string]


def phrases(text: str) -> Iterator[str]:
    """The parts of a message between its placeholders that hold two words or more (or one
    word of ``SHORTEST_WORD`` letters or more), and, of a longer one, each run of ``WINDOW``
    words."""
    for part in PLACEHOLDER.split(text):
        words = part.split()
        while words and not LETTERS.search(words[0]):
            words.pop(0)
        while words and not LETTERS.search(words[-1]):
            words.pop()
        phrase = " ".join(words).strip(TRIM)
        letters = LETTERS.findall(phrase)
        if letters == [phrase] and len(phrase) >= SHORTEST_WORD:
            yield phrase
        if len(letters) < 2:
            continue
        yield phrase
        words = phrase.split()
        for start in range(len(words) - WINDOW + 1):
            window = " ".join(words[start : start + WINDOW]).strip(TRIM)
            if len(LETTERS.findall(window)) == WINDOW:
                yield window


def foreign_phrases(language: str) -> frozenset[str]:
    """The phrases of the other language that must not be on a ``language`` screen."""
    english = [text for ids, strings in catalog() if set(ids) != set(strings) for text in ids]
    danish = [text for ids, strings in catalog() if set(ids) != set(strings) for text in strings]
    if language == "da":
        foreign, own = [*english, *TEXTUAL_WORDS, *TEXTUAL_PHRASES], danish
    else:
        foreign, own = danish, english
    own_text = "\n".join(own)
    return frozenset(
        p
        for text in foreign
        for p in phrases(text)
        if not (p in own_text and pattern(p).search(own_text))
    )


@cache
def pattern(phrase: str) -> re.Pattern[str]:
    words = (re.escape(word) for word in phrase.split())
    return re.compile(r"(?<!\w)" + " +".join(words) + r"(?!\w)")


def leaks(shown: dict[str, str], language: str) -> list[str]:
    """``screen: phrase`` for each phrase (or Danish letter's word) of the other language on
    a ``language`` screen; ``shown`` maps a screen's name to its text."""
    foreign = foreign_phrases(language)
    found = []
    for screen, text in shown.items():
        text = "\n".join(" ".join(line.split()) for line in text.splitlines())
        hits = {p for p in foreign if p in text and pattern(p).search(text)}
        # A shorter phrase inside a longer one found on the same screen says nothing more.
        hits = {p for p in hits if not any(p != q and p in q for q in hits)}
        found += [f"{screen}: {phrase!r}" for phrase in sorted(hits)]
        if language == "en":
            words = {w for w in re.findall(r"\w+", text) if DANISH_LETTER.search(w)}
            found += [f"{screen}: {w!r}" for w in sorted(words - DANISH_LETTERS_ALLOWED)]
    return found


def walk(language: str, out: Path) -> dict[str, str]:
    env = dict(os.environ, PEERTUI_LANG=language)
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.walk_languages", language, str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=WALK_TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, f"the walk in {language} stopped:\n{run.stdout}\n{run.stderr}"
    shown: dict[str, str] = json.loads(out.read_text(encoding="utf-8"))
    return shown


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_screen_speaks_one_language(language: str, tmp_path: Path) -> None:
    shown = walk(language, tmp_path / f"shown-{language}.json")
    missing = sorted(IMPORTANT - set(shown))
    assert not missing, f"the walk did not reach: {missing}"
    assert all(text.strip() for text in shown.values())
    found = leaks(shown, language)
    other = "English" if language == "da" else "Danish"
    assert not found, (
        f"{other} on {language} screens (screen: words; how to mend it: the top of "
        "tests/ui/test_languages.py):\n" + "\n".join(found)
    )


def test_the_check_finds_words_of_the_other_language() -> None:
    danish_screen = "Gruppen\n esc Tilbage  s Start meeting \n Scroll Up"
    assert leaks({"group": danish_screen}, "da") == [
        "group: 'Scroll Up'",
        "group: 'Start meeting'",
    ]
    english_screen = "The group\n esc Tilbage  s Start meeting\n Søren"
    assert leaks({"group": english_screen}, "en") == ["group: 'Tilbage'", "group: 'Søren'"]
    assert leaks({"group": "Start mødet nu"}, "en") == ["group: 'Start mødet'", "group: 'mødet'"]


def test_the_phrases_come_from_the_catalog() -> None:
    english = foreign_phrases("da")
    danish = foreign_phrases("en")
    assert "Start meeting" in english and "Start mødet" in danish
    assert "Page Up" in english and "Do you want to quit" in english  # Textual's own
    assert "Back" in english and "Tilbage" in danish  # a word alone
    assert "Pause" not in english  # the same in both
    # split at placeholders, and shared words left out
    assert "Consent to store" in english
    assert not any("{" in p for p in english | danish)
