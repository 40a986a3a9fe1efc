"""peertui: run peer-support group meetings from a terminal."""

__version__ = "0.1.0"
