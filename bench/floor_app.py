"""The floor for key-to-screen latency: a bare Textual app that changes one Static on a key.

The same frame as bench/minimal_app.py (a Header, one Static, a Footer); → and ← change the
Static's text to "Trin N". Whatever time a key takes to reach the screen here is Textual's
(and this machine's) own cost, measured in the same run as peertui's keys (bench/keys.py).
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static


def step_text(number: int) -> str:
    return f"Trin {number}"


class Floor(App[None]):
    BINDINGS = [
        Binding("right", "step(1)", "Next"),
        Binding("left", "step(-1)", "Previous"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.number = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(step_text(0), id="step")
        yield Footer()

    def action_step(self, delta: int) -> None:
        self.number += delta
        self.query_one("#step", Static).update(step_text(self.number))


if __name__ == "__main__":
    Floor().run()
