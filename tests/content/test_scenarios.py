"""Meeting scenarios: the shipped six, every rule of the format as `path:line: message`, garbage."""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peertui import labels
from peertui.check import run_check
from peertui.content import (
    MEETING_KINDS,
    VARIANTS,
    Line,
    PausePoint,
    load_library,
    load_scenario,
)
from peertui.content.loader import builtin_paths
from peertui.i18n import _

from .helpers import MEETING, make_tree, write
from .test_check import check, problems, replace_in

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = """\
+++
id = "{id}"
title = "Møde {id}"
meeting = "jobcenter"
variant = "{variant}"
pair = "{pair}"
minutes = 5
citizen = "Bo"
language = "da"
+++

Til underviseren.

## Første scene
+++
who = ["Bo", "Konsulent"]
where = "Jobcentret"
+++

Bo sætter sig.

**Konsulent:** Velkommen, Bo.
Sæt dig bare.

**Bo:** Tak.

::: tanker
Jeg er spændt.

Og lidt glad.
:::

::: pause
- Hvad tænker Bo?
- Hvad ved
  konsulenten?
:::

::: noter
Hemmelig note.
:::

## Anden scene
+++
who = ["Bo"]
+++

Bo går hjem.
"""


def scenario_text(
    scenario_id: str = "uden", variant: str = "uden-statement", pair: str = "med"
) -> str:
    return SCENARIO.format(id=scenario_id, variant=variant, pair=pair)


def make_scenarios(content: Path) -> tuple[Path, Path]:
    """A valid pair in ``content/scenarios/``: uden.md and med.md."""
    folder = content / "scenarios"
    uden = write(folder / "uden.md", scenario_text("uden", "uden-statement", "med"))
    med = write(folder / "med.md", scenario_text("med", "med-statement", "uden"))
    return uden, med


# --------------------------------------------------------------------------- the shipped six


def test_builtin_scenarios_six_in_three_pairs_with_questions() -> None:
    library = load_library(builtin_paths())
    assert library.problems == [], library.problems
    scenarios = library.scenarios
    assert len(scenarios) == 6
    pairs: set[frozenset[str]] = set()
    for scenario in scenarios.values():
        assert scenario.pair is not None
        other = scenarios[scenario.pair]
        assert other.pair == scenario.id
        assert other.meeting == scenario.meeting
        assert {scenario.variant, other.variant} == set(VARIANTS)
        pairs.add(frozenset({scenario.id, other.id}))
        assert 3 <= len(scenario.scenes) <= 5, scenario.id
        assert scenario.pause_points, scenario.id
        for point in scenario.pause_points:
            assert point.questions and all(q.endswith("?") for q in point.questions)
        assert scenario.description
        assert "opdigtede" in scenario.description
        kinds = {beat.kind for _scene, beat in scenario.steps() if isinstance(beat, Line)}
        assert {"speech", "thought"} <= kinds, scenario.id
        for scene in scenario.scenes:
            assert scenario.citizen in scene.who
            for line in scene.lines:
                assert ":::" not in line.text and "**" not in line.text
    assert len(pairs) == 3
    assert {s.meeting for s in scenarios.values()} == set(MEETING_KINDS)


def test_with_statement_variant_reads_the_four_prompts_aloud() -> None:
    library = load_library(builtin_paths())
    for scenario in library.scenarios.values():
        if scenario.variant != "med-statement":
            continue
        said = " ".join(
            line.text
            for scene in scenario.scenes
            for line in scene.lines
            if line.kind == "speech" and line.speaker == scenario.citizen
        )
        for prompt in ("Jeg hedder", "Det er vigtigt for mig at", "Jeg vil gerne have hjælp til"):
            assert prompt in said, (scenario.id, prompt)
        assert "Så jeg kan" in said, scenario.id


def test_builtin_course_day_uses_the_scenarios() -> None:
    library = load_library(builtin_paths())
    course = library.course("bliv-inddragelsesfacilitator")
    assert course is not None
    assert course.title == "Bliv inddragelsesfacilitator"
    assert course.link is None  # no placeholder: the certificate's QR code explains itself
    assert [m.number for m in course.meetings] == [1]
    day = course.meetings[0]
    assert day.minutes == day.planned_total == 330
    kinds = [b.kind for b in day.blocks]
    assert kinds[0] == "tjek-ind" and kinds[-1] == "tjek-ud"
    assert {"pause", "øvelse", "tema"} <= set(kinds)
    assert any(b.title == "Frokost" and b.kind == "pause" for b in day.blocks)
    used = [sid for b in day.blocks for sid in b.scenarios]
    assert set(used) == set(library.scenarios)
    for block in day.blocks:
        assert block.steps, block.title
        assert all(":::" not in step for step in block.steps)
    text = "\n".join(b.text for b in day.blocks)
    for prompt in (
        "Sådan vil jeg introducere mig selv",
        "Det er vigtigt for mig at",
        "Jeg vil gerne have hjælp til",
        "Så jeg kan",
    ):
        assert prompt in text
    assert "4 kolleger eller borgere" in text and "2 måneder" in text
    # The group course stays first in lists (the home screen, a new group's default).
    assert library.courses[0].id == "vejen-til-hverdagslivet"


def test_builtin_guide_pages_for_the_course() -> None:
    from peertui.content.loader import MAX_PAGE_BLOCKS, count_blocks

    library = load_library(builtin_paths())
    for page_id in ("inddragelsesfacilitator", "moedetraening"):
        page = library.pages[page_id]
        assert count_blocks(page.body) <= MAX_PAGE_BLOCKS - 2, page_id
    assert "mindst 4" in library.pages["inddragelsesfacilitator"].body


def test_labels_for_meeting_kinds_and_variants() -> None:
    for kind in MEETING_KINDS:
        assert _(labels.SCENARIO_MEETING[kind])
    for variant in VARIANTS:
        assert _(labels.SCENARIO_VARIANT[variant])


def test_authoring_example_is_a_valid_scenario(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = doc.split("## Meeting scenarios", 1)[1]
    example = re.search(r"```markdown\n(.*?)```", section, re.S)
    assert example is not None
    path = write(tmp_path / "content" / "scenarios" / "eksempel.md", example.group(1))
    problems_found: list = []
    scenario = load_scenario(path, problems_found)
    assert scenario is not None
    assert problems_found == []
    assert scenario.pair == "myndighedsmoede-uden-statement"
    assert len(scenario.pause_points) == 1


# --------------------------------------------------------------------------- the model


def test_valid_pair_loads(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    make_scenarios(content)
    library = load_library([sessions, content])
    assert library.problems == []
    assert set(library.pages) == {"side-a", "side-b"}  # scenarios are not guide pages
    scenario = library.scenario("uden")
    assert scenario is not None
    assert (scenario.meeting, scenario.variant, scenario.pair) == (
        "jobcenter",
        "uden-statement",
        "med",
    )
    assert scenario.description == "Til underviseren."
    first, second = scenario.scenes
    assert (first.title, first.line, first.who, first.where) == (
        "Første scene",
        14,
        ["Bo", "Konsulent"],
        "Jobcentret",
    )
    assert first.beats == [
        Line("narration", "Bo sætter sig.", 20),
        Line("speech", "Velkommen, Bo. Sæt dig bare.", 22, "Konsulent"),
        Line("speech", "Tak.", 25, "Bo"),
        Line("thought", "Jeg er spændt.\n\nOg lidt glad.", 27, "Bo"),
        PausePoint(("Hvad tænker Bo?", "Hvad ved konsulenten?"), 33),
    ]
    assert first.notes == "Hemmelig note."
    assert second.where is None and second.beats == [Line("narration", "Bo går hjem.", 48)]
    steps = scenario.steps()
    assert len(steps) == 6 and steps[-1][0] is second
    assert all("Hemmelig" not in getattr(beat, "text", "") for _s, beat in steps)


def test_clean_tree_with_scenarios_counts_them(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    make_scenarios(content)
    code, lines = check([sessions, content])
    assert code == 0
    assert lines == ["Alt i orden: 1 forløb, 2 mødegange, 2 guidesider, 2 scenarier."]


def test_single_scenario_file_is_a_scenario(tmp_path: Path) -> None:
    _sessions, content = make_tree(tmp_path)
    uden, _med = make_scenarios(content)
    # Alone, it is checked with the content around it: its pair is found there.
    assert check([uden]) == (0, ["Alt i orden i " + str(uden) + "."])
    assert check([content / "scenarios"])[0] == 0


def test_course_order_sorts_courses(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    other = sessions / "aaa-forloeb"
    write(
        other / "course.toml",
        'title = "A"\ndescription = "a"\nmeeting_minutes = 60\nlanguage = "da"\n',
    )
    write(other / "01.md", MEETING.format(number=1))
    library = load_library([sessions, content])
    assert [c.id for c in library.courses] == ["aaa-forloeb", "testforloeb"]  # by folder name
    replace_in(
        sessions / "testforloeb" / "course.toml", "meeting_minutes", "order = 5\nmeeting_minutes"
    )
    library = load_library([sessions, content])
    assert library.problems == []
    assert [c.id for c in library.courses] == ["testforloeb", "aaa-forloeb"]


# --------------------------------------------------------------------------- broken scenarios

Mutation = Callable[[Path, Path], None]


def uden_path(content: Path) -> Path:
    return content / "scenarios" / "uden.md"


def edit(old: str, new: str) -> Mutation:
    return lambda s, c: replace_in(uden_path(c), old, new)


def meeting_block_with_scenarios(ids: str) -> Mutation:
    def mutate(sessions: Path, content: Path) -> None:
        replace_in(
            sessions / "testforloeb" / "01-a.md",
            'kind = "tema"\nminutes = 40\n',
            f'kind = "tema"\nminutes = 40\nscenarios = {ids}\n',
        )

    return mutate


# (name, mutation, file name, line, message fragment, is_error)
CASES: list[tuple[str, Mutation, str, int, str, bool]] = [
    (
        "bad toml in front matter",
        edit("minutes = 5", "minutes = = 5"),
        "uden.md",
        7,
        "værdien efter = kan ikke læses",
        True,
    ),
    (
        "unknown key in front matter",
        edit('citizen = "Bo"\n', 'citizen = "Bo"\ncolour = "blå"\n'),
        "uden.md",
        9,
        "ukendt nøgle 'colour'",
        True,
    ),
    (
        "missing key",
        edit('citizen = "Bo"\n', ""),
        "uden.md",
        1,
        "mangler 'citizen'",
        True,
    ),
    (
        "unknown meeting kind",
        edit('meeting = "jobcenter"', 'meeting = "lægebesøg"'),
        "uden.md",
        4,
        "'meeting' er 'lægebesøg'; brug en af: myndighedsmøde, behandlingsmøde, jobcenter",
        True,
    ),
    (
        "unknown variant",
        edit('variant = "uden-statement"', 'variant = "begge"'),
        "uden.md",
        5,
        "'variant' er 'begge'",
        True,
    ),
    (
        "minutes out of range",
        edit("minutes = 5", "minutes = 0"),
        "uden.md",
        7,
        "'minutes' skal være mellem 1 og 120",
        True,
    ),
    (
        "unknown key in scene fences",
        edit('where = "Jobcentret"', 'hvor = "Jobcentret"'),
        "uden.md",
        17,
        "ukendt nøgle 'hvor' (kendte: who, where)",
        True,
    ),
    (
        "bad toml in scene fences",
        edit('who = ["Bo", "Konsulent"]', 'who = ["Bo", "Konsulent"'),
        "uden.md",
        16,  # the line that opens the list, not where tomllib notices it is not closed
        "listen mangler sit afsluttende ]",
        True,
    ),
    (
        "scene without fences",
        edit('## Anden scene\n+++\nwho = ["Bo"]\n+++\n', "## Anden scene\n"),
        "uden.md",
        43,
        "scenen 'Anden scene' skal følges direkte af +++ med who",
        True,
    ),
    (
        "scene without who",
        edit('who = ["Bo"]\n', 'where = "Hjemme"\n'),
        "uden.md",
        44,
        "mangler 'who'",
        True,
    ),
    (
        "scene with an empty who",
        edit('who = ["Bo"]\n', "who = []\n"),
        "uden.md",
        45,
        "'who' skal nævne mindst én person",
        True,
    ),
    (
        "empty scene",
        edit("Bo går hjem.\n", ""),
        "uden.md",
        43,
        "scenen 'Anden scene' har hverken tekst",
        True,
    ),
    (
        "scene with notes only is empty",
        edit("Bo går hjem.\n", "::: noter\nKun noter.\n:::\n"),
        "uden.md",
        43,
        "scenen 'Anden scene' har hverken tekst",
        True,
    ),
    (
        "speaker not in who",
        edit("**Bo:** Tak.", "**Mor:** Tak."),
        "uden.md",
        25,
        "'Mor' taler, men er ikke med i scenens who (Bo, Konsulent)",
        True,
    ),
    (
        "speaker form with colon outside the stars",
        edit("**Bo:** Tak.", "**Far**: Tak."),
        "uden.md",
        25,
        "'Far' taler, men er ikke med",
        True,
    ),
    (
        "empty line of speech",
        edit("**Bo:** Tak.", "**Bo:**"),
        "uden.md",
        25,
        "replikken fra 'Bo' er tom",
        True,
    ),
    (
        "thoughts without the citizen in the room",
        edit('citizen = "Bo"', 'citizen = "Ida"'),
        "uden.md",
        27,
        "tankerne er borgerens (Ida), men Ida er ikke med i scenens who",
        True,
    ),
    (
        "unclosed thoughts at the end of the file",
        edit("Bo går hjem.\n", "Bo går hjem.\n::: tanker\nHjem.\n"),
        "uden.md",
        49,
        "::: tanker lukkes aldrig med :::",
        True,
    ),
    (
        "unclosed notes before the next scene",
        edit("Hemmelig note.\n:::\n", "Hemmelig note.\n"),
        "uden.md",
        39,
        "::: noter lukkes aldrig med :::",
        True,
    ),
    (
        "thoughts left open when a pause begins",
        edit("Og lidt glad.\n:::\n", "Og lidt glad.\n"),
        "uden.md",
        32,
        "en ny ':::'-blok inde i ::: tanker",
        True,
    ),
    (
        "unclosed pause at the end of the file",
        lambda s, c: write(uden_path(c), scenario_text() + "\n::: pause\n- Hvad nu?\n"),
        "uden.md",
        50,
        "::: pause lukkes aldrig med :::",
        True,
    ),
    (
        "nested blocks",
        edit("Jeg er spændt.\n", "Jeg er spændt.\n::: pause\n"),
        "uden.md",
        29,
        "en ny ':::'-blok inde i ::: tanker",
        True,
    ),
    (
        "close without open",
        edit("Bo sætter sig.\n", "Bo sætter sig.\n:::\n"),
        "uden.md",
        21,
        "::: lukker en blok, men ingen blok er åbnet",
        True,
    ),
    (
        "unknown container",
        edit("::: noter\nHemmelig", "::: hemmeligt\nHemmelig"),
        "uden.md",
        39,
        "ukendt ':::'-linje",
        True,
    ),
    (
        "thoughts before the first scene",
        edit("Til underviseren.\n", "::: tanker\nFør scenen.\n:::\n"),
        "uden.md",
        12,
        "::: tanker hører til i en scene",
        True,
    ),
    (
        "pause without questions",
        edit("- Hvad tænker Bo?\n- Hvad ved\n  konsulenten?\n", ""),
        "uden.md",
        33,
        "pausen har ingen spørgsmål",
        True,
    ),
    (
        "no scenes",
        lambda s, c: write(uden_path(c), scenario_text().split("## Første scene")[0]),
        "uden.md",
        1,
        "scenariet har ingen scener",
        True,
    ),
    (
        "level-1 heading",
        edit("Til underviseren.", "# Overskrift"),
        "uden.md",
        12,
        "brug ikke # overskrifter i et scenarie",
        True,
    ),
    (
        "duplicate scenario id",
        lambda s, c: write(c / "scenarios" / "kopi.md", scenario_text("uden")),
        "uden.md",  # files are read in name order: kopi.md came first
        2,
        "scenarie-id 'uden' findes også i",
        True,
    ),
    (
        "pair to a missing scenario",
        edit('pair = "med"', 'pair = "findes-ikke"'),
        "uden.md",
        6,
        "'pair' peger på scenariet 'findes-ikke', som ikke findes",
        True,
    ),
    (
        "pair to itself",
        edit('pair = "med"', 'pair = "uden"'),
        "uden.md",
        6,
        "'pair' peger på scenariet selv",
        True,
    ),
    (
        "bad pair id",
        edit('pair = "med"', 'pair = "Med Statement"'),
        "uden.md",
        6,
        "'pair' må kun indeholde",
        True,
    ),
    (
        "not utf-8",
        lambda s, c: write(
            uden_path(c), scenario_text().encode().replace("Sæt".encode(), b"S\xe6t")
        ),
        "uden.md",
        23,
        "ikke har gemt som UTF-8",
        True,
    ),
    (
        "empty file",
        lambda s, c: write(uden_path(c), ""),
        "uden.md",
        1,
        "filen er tom",
        True,
    ),
    (
        "no front matter",
        lambda s, c: write(uden_path(c), "## Scene\n"),
        "uden.md",
        1,
        "skal starte med en linje med +++",
        True,
    ),
    (
        "unclosed scene fences",
        lambda s, c: write(uden_path(c), scenario_text() + "\n## Tredje\n+++\nwho = []\n"),
        "uden.md",
        51,
        "+++ åbnes her men lukkes aldrig",
        True,
    ),
    (
        "link to a missing guide page",
        edit("Bo går hjem.", "Bo går hjem. [Se](guide:mangler)"),
        "uden.md",
        48,
        "'mangler', som ikke findes",
        True,
    ),
    (
        "scenario outside a scenarios folder",
        lambda s, c: write(c / "forkert.md", scenario_text("forkert")),
        "forkert.md",
        1,
        "et scenarie skal ligge i en mappe, der hedder scenarios",
        True,
    ),
    (
        "meeting block names a missing scenario",
        meeting_block_with_scenarios('["uden", "findes-ikke"]'),
        "01-a.md",
        28,
        "punktet bruger scenariet 'findes-ikke', som ikke findes",
        True,
    ),
    (
        "meeting block scenarios of the wrong type",
        meeting_block_with_scenarios('"uden"'),
        "01-a.md",
        28,
        "'scenarios' skal være en liste af tekster",
        True,
    ),
    # Warnings: the check still passes.
    (
        "no pause point",
        edit("::: pause\n- Hvad tænker Bo?\n- Hvad ved\n  konsulenten?\n:::\n", ""),
        "uden.md",
        1,
        "advarsel: scenariet har ingen pausepunkter",
        False,
    ),
    (
        "reveal point",
        edit("Bo sætter sig.\n", "Bo sætter sig.\n\n. . .\n"),
        "uden.md",
        22,
        "advarsel: '. . .' bruges ikke i scenarier",
        False,
    ),
    (
        "empty thoughts",
        edit("::: tanker\nJeg er spændt.\n\nOg lidt glad.\n:::\n", "::: tanker\n:::\n"),
        "uden.md",
        27,
        "advarsel: ::: tanker er tom",
        False,
    ),
    (
        "pair does not point back",
        lambda s, c: replace_in(c / "scenarios" / "med.md", 'pair = "uden"\n', ""),
        "uden.md",
        6,
        "advarsel: scenariet 'med' i 'pair' peger ikke tilbage hertil",
        False,
    ),
    (
        "pair with the same variant",
        lambda s, c: replace_in(
            c / "scenarios" / "med.md", 'variant = "med-statement"', 'variant = "uden-statement"'
        ),
        "uden.md",
        6,
        "advarsel: scenariet 'med' i 'pair' har samme variant",
        False,
    ),
    (
        "pair about another meeting",
        lambda s, c: replace_in(
            c / "scenarios" / "med.md", 'meeting = "jobcenter"', 'meeting = "behandlingsmøde"'
        ),
        "uden.md",
        6,
        "advarsel: scenariet 'med' i 'pair' handler om et andet møde (behandlingsmøde)",
        False,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "file", "line", "fragment", "is_error"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_check_reports_scenario_problem(
    tmp_path: Path, mutate: Mutation, file: str, line: int, fragment: str, is_error: bool
) -> None:
    sessions, content = make_tree(tmp_path)
    make_scenarios(content)
    assert check([sessions, content])[0] == 0
    mutate(sessions, content)
    code, lines = check([sessions, content])
    found = problems(lines)
    assert any(
        name == file and lineno == line and fragment in message for name, lineno, message in found
    ), lines
    assert code == (1 if is_error else 0), lines


def test_meeting_block_scenarios_resolve_against_builtin_when_checked_alone(
    tmp_path: Path,
) -> None:
    sessions, _content = make_tree(tmp_path)
    meeting = sessions / "testforloeb" / "01-a.md"
    replace_in(
        meeting,
        'kind = "tema"\nminutes = 40\n',
        'kind = "tema"\nminutes = 40\nscenarios = ["jobcenter-med-statement"]\n',
    )
    replace_in(meeting, "guide:side-a", "guide:tryghedsplan")
    replace_in(sessions / "testforloeb" / "02-b.md", "guide:side-a", "guide:tryghedsplan")
    assert check([sessions]) == (
        0,
        ["Alt i orden: 1 forløb, 2 mødegange, 0 guidesider, 0 scenarier."],
    )
    block = load_library([sessions]).courses[0].meetings[0].blocks[1]
    assert block.scenarios == ["jobcenter-med-statement"]


def test_body_problems_show_even_when_the_front_matter_is_incomplete(tmp_path: Path) -> None:
    sessions, content = make_tree(tmp_path)
    uden, _med = make_scenarios(content)
    replace_in(uden, 'citizen = "Bo"\n', "")
    replace_in(uden, "**Bo:** Tak.", "**Mor:** Tak.")
    code, lines = check([sessions, content])
    assert code == 1
    found = [(name, line, message[:20]) for name, line, message in problems(lines)]
    assert ("uden.md", 1, "mangler 'citizen'") in found
    assert ("uden.md", 24, "'Mor' taler, men er ") in found
    assert load_library([content]).scenario("uden") is None


def test_unknown_container_keeps_its_text_off_the_wall(tmp_path: Path) -> None:
    _sessions, content = make_tree(tmp_path)
    uden, _med = make_scenarios(content)
    replace_in(uden, "::: noter\nHemmelig", "::: hemmeligt\nHemmelig")
    replace_in(uden, "Hemmelig note.\n:::\n", "Hemmelig note.\n")  # and never closed
    library = load_library([content])
    scenario = library.scenarios["uden"]
    for _scene, beat in scenario.steps():
        text = beat.text if isinstance(beat, Line) else " ".join(beat.questions)
        assert "Hemmelig" not in text


# --------------------------------------------------------------------------- garbage

LINE_RE = re.compile(r"^[^\n]+:\d+: [^\n]+$")
FRAGMENTS = st.sampled_from(
    [
        "+++",
        "## ",
        "## Scene",
        "# ",
        "::: tanker",
        "::: pause",
        "::: noter",
        "::: x",
        ":::",
        ". . .",
        "- Hvad?",
        "**Bo:** hej",
        "**Bo**: hej",
        "**Ukendt:** hej",
        "**:**",
        "****",
        'who = ["Bo"]',
        "who = []",
        'who = "Bo"',
        'where = "x"',
        'id = "a"',
        'pair = "a"',
        'pair = "b"',
        'meeting = "jobcenter"',
        'variant = "med-statement"',
        'citizen = "Bo"',
        "minutes = 5",
        "minutes = -1",
        "[x](guide:)",
        "[x](guide:side-a)",
        "\r",
        "\x00",
        "\ufeff",
        "= =",
        '"""',
        "\t",
        "æøå 🙂",
    ]
)
LINES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=50).map("\n".join)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_check_output(paths: list[Path]) -> None:
    out = io.StringIO()
    code = run_check([str(p) for p in paths], out=out)
    assert code in (0, 1)
    lines = out.getvalue().splitlines()
    assert lines
    problem_lines = lines[:-2] if code == 0 and len(lines) > 1 else lines[:-1]
    for line in problem_lines:
        assert LINE_RE.match(line), line


def _assert_no_container_lines_in_steps(paths: list[Path]) -> None:
    """A ``:::`` line opens or closes a block: it is never itself narration or a thought.

    (A spoken line or a question may hold ``:::`` after the name or the dash: that is text.)
    """
    for scenario in load_library(paths).scenarios.values():
        for _scene, beat in scenario.steps():
            if isinstance(beat, Line) and beat.kind != "speech":
                assert not any(part.strip().startswith(":::") for part in beat.text.split("\n"))


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes_as_a_scenario(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        uden, med = make_scenarios(content)
        uden.write_bytes(data)
        med.write_bytes(data[::-1])
        load_library([sessions, content])
        _assert_check_output([sessions, content])


@SETTINGS
@given(uden=LINES, med=LINES)
def test_random_structured_text_as_scenarios(uden: str, med: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        uden_file, med_file = make_scenarios(content)
        uden_file.write_text(uden, encoding="utf-8", errors="surrogatepass")
        med_file.write_text(med, encoding="utf-8", errors="surrogatepass")
        _assert_check_output([sessions, content])
        _assert_no_container_lines_in_steps([content])


@SETTINGS
@given(
    position=st.integers(min_value=0, max_value=5000),
    insert=st.one_of(FRAGMENTS, st.text(max_size=20)),
)
def test_valid_scenario_with_one_edit(position: int, insert: str) -> None:
    text = scenario_text()
    position %= len(text) + 1
    edited = text[:position] + insert + text[position:]
    with tempfile.TemporaryDirectory() as tmp:
        sessions, content = make_tree(Path(tmp))
        uden, _med = make_scenarios(content)
        uden.write_text(edited, encoding="utf-8", errors="surrogatepass")
        _assert_check_output([sessions, content])
        _assert_no_container_lines_in_steps([content])
