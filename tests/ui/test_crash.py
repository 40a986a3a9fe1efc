"""An unexpected error ends the app with one calm line: no traceback, no participant text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
from peertui.content import load_library
from peertui.ui.app import PeerTUI

class Crashing(PeerTUI):
    def on_mount(self):
        secret = "Majas hemmelige ord"  # a local variable Textual would have printed
        self.set_timer(0.05, lambda: self.crash(secret))

    def crash(self, secret):
        raise ValueError(secret)

app = Crashing(load_library())
app.run(headless=True, size=(80, 24))
print("RETURN", app.return_code)
"""


def test_crash_shows_calm_message_without_data(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    output = result.stdout + result.stderr
    assert "RETURN 1" in result.stdout
    assert "uventet fejl (ValueError" in output
    assert "Intet er blevet slettet" in output
    assert "Majas" not in output
    assert "Traceback" not in output
