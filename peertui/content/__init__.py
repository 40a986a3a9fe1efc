"""Course plans, guide pages and meeting scenarios as files: the loader and its model.

No Textual here.
"""

from peertui.content.loader import builtin_paths, display_path, load_library
from peertui.content.model import (
    BLOCK_KINDS,
    Block,
    Course,
    GuidePage,
    Library,
    Meeting,
    Problem,
)
from peertui.content.scenarios import (
    MEETING_KINDS,
    VARIANTS,
    Line,
    PausePoint,
    Scenario,
    Scene,
    load_scenario,
)

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
