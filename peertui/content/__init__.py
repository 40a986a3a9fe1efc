"""Course plans, guide pages and meeting scenarios as files: the loader and its model.

No Textual here. Names load lazily: ``from peertui.content import Library`` loads only the
model, so the app's first frame does not wait for markdown-it; the loader (and markdown-it)
load with ``load_library``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "builtin_paths": "peertui.content.loader",
    "display_path": "peertui.content.loader",
    "load_library": "peertui.content.loader",
    "BLOCK_KINDS": "peertui.content.model",
    "MEETING_KINDS": "peertui.content.model",
    "VARIANTS": "peertui.content.model",
    "Block": "peertui.content.model",
    "Course": "peertui.content.model",
    "GuidePage": "peertui.content.model",
    "Library": "peertui.content.model",
    "Line": "peertui.content.model",
    "Meeting": "peertui.content.model",
    "PausePoint": "peertui.content.model",
    "Problem": "peertui.content.model",
    "Scenario": "peertui.content.model",
    "Scene": "peertui.content.model",
    "load_scenario": "peertui.content.scenarios",
}

__all__ = [
    "BLOCK_KINDS",
    "MEETING_KINDS",
    "VARIANTS",
    "Block",
    "Course",
    "GuidePage",
    "Library",
    "Line",
    "Meeting",
    "PausePoint",
    "Problem",
    "Scenario",
    "Scene",
    "builtin_paths",
    "display_path",
    "load_library",
    "load_scenario",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'peertui.content' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:
    from peertui.content.loader import builtin_paths, display_path, load_library
    from peertui.content.model import (
        BLOCK_KINDS,
        MEETING_KINDS,
        VARIANTS,
        Block,
        Course,
        GuidePage,
        Library,
        Line,
        Meeting,
        PausePoint,
        Problem,
        Scenario,
        Scene,
    )
    from peertui.content.scenarios import load_scenario
