"""Course plans and guide pages as files: the loader and its model. No Textual here."""

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

__all__ = [
    "BLOCK_KINDS",
    "Block",
    "Course",
    "GuidePage",
    "Library",
    "Meeting",
    "Problem",
    "builtin_paths",
    "display_path",
    "load_library",
]
