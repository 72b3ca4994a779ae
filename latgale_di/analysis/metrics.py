"""Indicator formulas: pure, vectorised, and honest about missing inputs.

Every function takes numbers or pandas Series (aligned) and returns the same shape. A missing
input (None/NaN) gives a missing result, never 0; a zero denominator gives a missing result,
never infinity. Nothing is clipped: 120 % occupancy stays 120 %.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

Number = TypeVar("Number", float, pd.Series)

OCCUPANCY_THRESHOLD_PCT: float = 80.0


def _as_float(x: object) -> object:
    if isinstance(x, pd.Series):
        return x.astype(float)
    return np.nan if x is None else float(x)  # type: ignore[arg-type]


def _like_inputs(result: np.ndarray, *inputs: object) -> Any:
    """A Series on the first Series input's index, else a plain float (the callers' ``Number``)."""
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(result, index=x.index, dtype=float)
    return float(result)


def _ratio(numerator: Number, denominator: Number, scale: float) -> Number:
    n, d = _as_float(numerator), _as_float(denominator)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(np.asarray(d) == 0, np.nan, np.asarray(n) / np.asarray(d) * scale)
    return _like_inputs(result, n, d)


def per_10k(count: Number, population: Number) -> Number:
    """Rate per 10,000 residents.

    Formula: ``count / population × 10 000``. Unit: count per 10,000 residents.
    Missing or zero population → missing.
    """
    return _ratio(count, population, 10_000.0)


def share_served(served: Number, assessed: Number) -> Number:
    """Share of assessed persons who receive a service.

    Formula: ``persons_served / persons_assessed × 100``. Unit: % (may exceed 100 when a
    service also serves people assessed elsewhere; not clipped). Zero assessed → missing.
    """
    return _ratio(served, assessed, 100.0)


def occupancy_rate(occupied: Number, places: Number) -> Number:
    """Occupancy of places.

    Formula: ``occupied_places / places × 100``. Unit: %. Over 100 % is kept (overcrowding is
    exactly what a reader must see). Zero or missing places → missing.
    """
    return _ratio(occupied, places, 100.0)


def above_threshold(rate_pct: Number, threshold_pct: float = OCCUPANCY_THRESHOLD_PCT) -> Number:
    """Whether a rate is strictly above a threshold (default 80 %).

    Formula: ``rate_pct > threshold_pct``. Unit: boolean; missing rate → missing (``pd.NA``).
    """
    if isinstance(rate_pct, pd.Series):
        return (rate_pct > threshold_pct).astype("boolean").mask(rate_pct.isna())
    if rate_pct is None or pd.isna(rate_pct):
        return pd.NA
    return bool(rate_pct > threshold_pct)


def shortfall(demand: Number, supply: Number) -> Number:
    """Unmet demand as a count.

    Formula: ``max(0, demand − supply)``, e.g. persons assessed − places, or persons assessed −
    persons served. Unit: persons. Missing demand or supply → missing.
    """
    d, s = _as_float(demand), _as_float(supply)
    result = np.maximum(np.asarray(d) - np.asarray(s), 0.0)  # NaN propagates through maximum
    return _like_inputs(result, d, s)


def shortfall_pct(demand: Number, supply: Number) -> Number:
    """Unmet demand as a share of demand.

    Formula: ``max(0, demand − supply) / demand × 100``. Unit: % of demand. Zero or missing
    demand → missing.
    """
    return _ratio(shortfall(demand, supply), demand, 100.0)


def formula(indicator: str) -> str | None:
    """The formula of an indicator as its function's docstring states it ("Formula: ``…``"), for the
    Sources & methods page; ``None`` for an indicator that is reported, not computed."""
    function = _FORMULAS.get(indicator)
    found = re.search(r"Formula:\s*``(.+?)``", inspect.getdoc(function) or "", re.DOTALL) if function else None
    return " ".join(found.group(1).split()) if found else None


_FORMULAS: dict[str, Callable[..., object]] = {
    "occupancy_rate": occupancy_rate, "share_served": share_served, "shortfall": shortfall,
    "shortfall_pct": shortfall_pct, "places_per_10k": per_10k, "served_per_10k": per_10k,
}
