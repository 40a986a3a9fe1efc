"""The same-change floor: a bare Textual app that changes as much screen as a runner block change.

bench/floor_app.py changes one short Static on a key. A block change in peertui's runner
repaints most of the screen's right half and two lines of the agenda. This app does the same,
with Textual's own widgets and nothing of peertui's, so that the key-to-screen rows can also be
read against what Textual needs for that much change on this machine (bench/keys.py):

- a title ``Static`` (the block's title in bold and a dim line under it);
- a clock in block characters of the runner's size at 100x30 (5 rows, 34 columns: "15:00"
  at scale 2), a ``Static``;
- a ``Markdown`` text of one to three short paragraphs (the demo meeting's lengths);
- an ``OptionList`` of six items whose "▶" marker moves (two prompts replaced, the highlight
  moved);
- the step hint under the text, a top line and a Footer, in the runner's layout (an agenda
  column of 38 on the left, a reading column of 76 on the right).

→ and ← move between the six blocks, as in the runner.
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Markdown, OptionList, Static

#: Six blocks like the demo meeting's (title, minutes, text).
BLOCKS: list[tuple[str, int, str]] = [
    (
        "Velkommen og tjek ind",
        15,
        "Velkommen.\n\nHvordan har du det i dag?\n\nHar du tænkt på dine værdier siden sidst?",
    ),
    ("Forskellige og sammen", 20, "Vi har noget til fælles. Det er derfor, vi er her."),
    ("Fælles og forskelligt", 25, "Find sammen to og to."),
    ("Kaffe og te", 15, "Vi holder pause i et kvarter.\n\nDer er kaffe og te."),
    (
        "Runde om det, der er forskelligt",
        30,
        "Fortæl, hvis du har lyst, om noget, der gør dig anderledes.",
    ),
    (
        "Tjek ud",
        15,
        "Hvordan har du det nu?\n\nHvad har du set hos en anden i dag, som du vil sige tak for?",
    ),
]

#: A 3x5 pixel font, two pixels a cell, each pixel two columns wide (the runner's clock at
#: 100x30 is of this size).
_FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "5": ("###", "#..", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}


def block_title(number: int) -> str:
    """The title shown for block ``number`` (what bench/keys.py waits for)."""
    return BLOCKS[number][0]


def clock_text(minutes: int) -> str:
    """``MM:00`` in block characters at scale 2: 10 rows of pixels, two to a cell."""
    pixels = []
    for row in range(5):
        glyphs = ["".join(2 * c for c in _FONT[char][row]) for char in f"{minutes:02}:00"]
        pixels += ["..".join(glyphs)] * 2
    cells = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
    return "\n".join(
        "".join(cells[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(pixels[::2], pixels[1::2], strict=True)
    )


class FloorBlock(App[None]):
    CSS = """
    #top { height: 1; padding: 0 2; background: $boost; }
    #top-title { width: 1fr; }
    #top-clock { width: auto; color: $text-muted; }
    #body { height: 1fr; }
    #agenda { width: 38; padding: 1 1 0 1; }
    #blocks { height: auto; max-height: 1fr; }
    #status { height: auto; padding: 1 1 0 1; color: $text-muted; }
    #main { width: 1fr; padding: 1 2 0 2; }
    #head { height: auto; }
    #title { width: 1fr; height: auto; text-align: center; }
    #clock { width: auto; height: auto; margin: 1 0 0 0; padding: 0 1; }
    #column { height: 1fr; }
    #scroll { width: 76; max-width: 100%; height: 1fr; padding: 1 0 0 0; }
    #hint { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("right", "step(1)", "Next", priority=True),
        Binding("left", "step(-1)", "Previous", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.number = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static("Gruppen  ·  4. Ligheder og forskelle", id="top-title")
            yield Static("Mødet 0:00 af 2:00", id="top-clock")
        with Horizontal(id="body"):
            with Vertical(id="agenda"):
                blocks = OptionList(id="blocks")
                blocks.can_focus = False
                yield blocks
                yield Static("Ingen væg: noter og deltagere spørger først.", id="status")
            with Vertical(id="main"):
                with Vertical(id="head"):
                    yield Static(id="title")
                    with Center():
                        yield Static(id="clock")
                with Center(id="column"), VerticalScroll(id="scroll"):
                    yield Markdown(id="text")
                yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#blocks", OptionList).add_options(
            self._prompt(i) for i in range(len(BLOCKS))
        )
        self.show(0, 0)

    def _prompt(self, i: int) -> Content:
        title, minutes, _ = BLOCKS[i]
        marker = "▶" if i == self.number else " "
        short = title if len(title) <= 24 else title[:23] + "…"
        return Content.assemble(f"{marker} ", (f"{minutes:>3}  ", "dim"), short)

    def show(self, old: int, new: int) -> None:
        title, minutes, text = BLOCKS[new]
        self.query_one("#title", Static).update(
            Content.assemble((title, "bold"), "\n", (f"Punkt {new + 1} af {len(BLOCKS)}", "dim"))
        )
        self.query_one("#clock", Static).update(clock_text(minutes))
        self.query_one("#text", Markdown).update(text)
        self.query_one("#hint", Static).update(f"Der er mere: tryk r ({new + 1} trin tilbage)")
        blocks = self.query_one("#blocks", OptionList)
        blocks.highlighted = new
        for i in {old, new}:
            blocks.replace_option_prompt_at_index(i, self._prompt(i))

    def action_step(self, delta: int) -> None:
        old = self.number
        self.number = max(0, min(len(BLOCKS) - 1, old + delta))
        self.show(old, self.number)


if __name__ == "__main__":
    FloorBlock().run()
