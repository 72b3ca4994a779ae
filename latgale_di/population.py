"""Population denominators: which resident count to divide by, and how sure it is.

For figures of year *Y* the denominator is the total population at the reference date closest to
1 January of *Y + 1* (the end of the year the figure describes). Units of the 2021 vintage with
no figure of their own get the sum of their 2009 components (``derived``; ``estimated`` where
Aglonas novads is apportioned by area share). The region's denominator is the sum of all its
units at one date, only if every unit has a figure at that date.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from latgale_di import boundaries, reaggregate
from latgale_di.boundaries import REGION_CODE


@dataclass(frozen=True)
class Denominator:
    value: float
    reference_date: str
    status: str
    source: str


def _as_observations(population: pd.DataFrame) -> pd.DataFrame:
    """Population rows shaped like observations, so re-aggregation applies unchanged."""
    pop = population[population["age_group"] == "total"]
    return pd.DataFrame({
        "year": pop["reference_date"].str[:4].astype(int),
        "reference_date": pop["reference_date"],
        "atvk": pop["atvk"], "vintage": pop["vintage"], "target_group": "all", "service": "any",
        "indicator": "persons_served",  # any additive count; only the arithmetic matters here
        "value": pop["value"].astype(float), "unit": "persons", "status": pop["status"],
        "source": pop["source"], "note": pop.get("note", ""), "value_min": float("nan"), "value_max": float("nan"),
    })


def candidates(population: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """Every usable (atvk, reference_date, value, status, source) for ``vintage``."""
    obs = _as_observations(population)
    own = obs[obs["vintage"] == vintage]
    parts = [own]
    if vintage == "2021":
        for date, at_date in obs[obs["vintage"] == "2009"].groupby("reference_date"):
            converted = reaggregate.to_2021(at_date.drop(columns="reference_date"))
            converted = converted[converted["status"] != "incomplete"].copy()
            converted["reference_date"] = date
            parts.append(converted)
    out = pd.concat(parts, ignore_index=True)[["atvk", "reference_date", "value", "status", "source"]]
    # A reported figure (listed first) wins over a re-aggregated one at the same date.
    return out[~out.duplicated(["atvk", "reference_date"], keep="first")].reset_index(drop=True)


def _pick(rows: pd.DataFrame, year: int) -> Denominator | None:
    if rows.empty:
        return None
    target = pd.Timestamp(year + 1, 1, 1)
    distance = (pd.to_datetime(rows["reference_date"]) - target).abs()
    best = rows.loc[distance.sort_values(kind="stable").index[0]]
    return Denominator(float(best["value"]), str(best["reference_date"]), str(best["status"]), str(best["source"]))


@dataclass(frozen=True)
class Denominators:
    """Denominator look-up for one vintage (build once, ask many times)."""

    table: pd.DataFrame
    vintage: str

    def get(self, atvk: str, year: int) -> Denominator | None:
        if atvk == REGION_CODE:
            return self._region(year)
        return _pick(self.table[self.table["atvk"] == atvk], year)

    def _region(self, year: int) -> Denominator | None:
        region = set(boundaries.region_units(self.vintage))  # LPR is Latgale in either extent
        table = self.table[self.table["atvk"].isin(region)]
        complete = table.groupby("reference_date").filter(lambda g: g["atvk"].nunique() == len(region))
        if complete.empty:
            return None
        sums = complete.groupby("reference_date").agg(
            value=("value", "sum"),
            status=("status", lambda s: "estimated" if "estimated" in set(s) else "derived"),
            source=("source", lambda s: "; ".join(dict.fromkeys(s))),
        ).reset_index()
        return _pick(sums, year)


def denominators(population: pd.DataFrame, vintage: str) -> Denominators:
    """Denominators of ``vintage`` built from a population table."""
    return Denominators(candidates(population, vintage), vintage)
