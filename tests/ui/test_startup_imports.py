"""Start-up stays light (#17): what the first frame does not need is not imported for it."""

from __future__ import annotations

import subprocess
import sys


def test_the_first_frame_needs_no_content_model() -> None:
    """Start-up (#17): the app and its home screen load without the content's model, which
    is read just after the first frame."""
    code = (
        "import sys, peertui.cli, peertui.ui.app, peertui.ui.screens.home\n"
        "print(sorted(m for m in sys.modules if m.startswith('peertui.content')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
