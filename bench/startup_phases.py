"""The start-up of peertui (or of the minimal app) with a time stamp at each phase, in a real
terminal: the imports, ``App()``, the stylesheet parsed, the first paint begun, the first
frame handed to the terminal. Used by ``python -m bench.profiling phases``; run by itself:

    python -m bench.startup_phases peertui|minimal OUT_FILE

It appends one line to OUT_FILE: the app's name, then "phase: milliseconds since the process
started" for each phase (a full garbage collection longer than 1 ms is listed too), and exits
once the first frame is out. The program is started as `peertui` starts (bytecode compiled, the
same ``gc.freeze()`` as ``run_app``), but with the App made here so that the phases can be
stamped.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from typing import Any

#: Seconds since the interpreter started (the process's own start is a few ms earlier).
_T0 = time.perf_counter()
_MARKS: list[tuple[str, float]] = []


def mark(what: str) -> None:
    _MARKS.append((what, (time.perf_counter() - _T0) * 1000))


def _gc_callback(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _gc_callback.started = time.perf_counter()  # type: ignore[attr-defined]
    elif info["generation"] == 2:
        took = (time.perf_counter() - _gc_callback.started) * 1000  # type: ignore[attr-defined]
        if took > 1:
            mark(f"full GC {took:.0f} ms")


def main(which: str, out: str) -> None:
    gc.callbacks.append(_gc_callback)
    import textual.app  # noqa: F401

    mark("textual imported")
    if which == "peertui":
        from peertui.store.paths import resolve_data_dir
        from peertui.ui.app import PeerTUI

        mark("peertui imported")
        app: Any = PeerTUI(data_dir=resolve_data_dir(None), serve_wall=True, open_store=True)
    else:
        from bench.minimal_app import Minimal

        app = Minimal()
    mark("App() made")

    from textual.css.stylesheet import Stylesheet
    from textual.drivers._writer_thread import WriterThread
    from textual.screen import Screen

    parse, refresh, write = Stylesheet.parse, Screen._compositor_refresh, WriterThread.write

    def parsed(self: Stylesheet) -> None:
        parse(self)
        if not any(name == "first paint begun" for name, _ in _MARKS):
            mark("stylesheet parsed")

    def refreshed(self: Screen[Any]) -> None:
        if not any(name == "first paint begun" for name, _ in _MARKS):
            mark("first paint begun")
        refresh(self)

    def written(self: WriterThread, text: str) -> None:
        if len(text) > 2000 and not any(name == "first frame out" for name, _ in _MARKS):
            mark("first frame out")
            line = which + " " + " | ".join(f"{name}: {ms:.0f}" for name, ms in _MARKS)

            def finish() -> None:
                with open(out, "a", encoding="utf-8") as file:
                    file.write(line + "\n")
                os._exit(0)

            threading.Timer(0.2, finish).start()
        write(self, text)

    Stylesheet.parse = parsed  # type: ignore[method-assign]
    Screen._compositor_refresh = refreshed  # type: ignore[method-assign]
    WriterThread.write = written  # type: ignore[method-assign]
    gc.freeze()  # as run_app and run_wall do
    app.run()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
