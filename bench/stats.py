"""Medians, ranges, percentiles and ratios of repeated measurements."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """The median of several runs with their range."""

    median: float
    low: float
    high: float
    n: int


def summary(values: Sequence[float | None] | None) -> Summary | None:
    """Median, min and max of the measured values (``None`` entries are runs that measured nothing)."""
    got = [float(v) for v in (values or []) if v is not None]
    if not got:
        return None
    return Summary(statistics.median(got), min(got), max(got), len(got))


def median(values: Sequence[float | None] | None) -> float | None:
    """The median of the measured values, or ``None`` when nothing was measured."""
    s = summary(values)
    return s.median if s else None


def percentile(values: Sequence[float | None] | None, p: float) -> float | None:
    """The p-th percentile (0–100) with linear interpolation between closest ranks."""
    got = sorted(float(v) for v in (values or []) if v is not None)
    if not got:
        return None
    rank = (len(got) - 1) * p / 100
    lo, hi = math.floor(rank), math.ceil(rank)
    return got[lo] + (got[hi] - got[lo]) * (rank - lo)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or ``None`` when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator
