"""Shared pieces for the benchmarks: a result row and a few statistics helpers.

The machine is shared and noisy, so every figure is reported next to a baseline measured
in the same run, and as a ratio to it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    value: float  # seconds
    baseline: float | None = None  # seconds, measured in the same run
    baseline_name: str = ""
    target: str = ""
    note: str = ""
    #: When set: the median of ratios of runs taken in pairs (ours, baseline, ours, ...),
    #: which drifts less than a ratio of medians when the machine's load changes.
    paired_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = max(0, min(len(ordered) - 1, round(0.95 * (len(ordered) - 1))))
    return ordered[index]


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"
