"""One municipality against the region: every indicator with the Latgale average and range."""

from __future__ import annotations

import pandas as pd

from latgale_di.boundaries import REGION_CODE
from latgale_di.overview import as_of

COMPARISON_COLUMNS = ["target_group", "service", "indicator", "value", "status", "source", "note", "year",
                      "region_mean", "region_min", "region_max", "units_with_data"]


def comparison(table: pd.DataFrame, atvk: str, year: int) -> pd.DataFrame:
    """Each indicator the municipality has in ``year`` with the mean, min and max over units.

    Mean, min and max are over the municipalities that have a figure (``units_with_data``), the
    unweighted mean of unit values: "a typical municipality", not the regional rate.
    """
    current = as_of(table, year)
    units = current[(current["atvk"] != REGION_CODE) & current["value"].notna()]
    own = units[units["atvk"] == atvk]
    if own.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    keys = ["target_group", "service", "indicator"]
    stats = units.groupby(keys)["value"].agg(region_mean="mean", region_min="min", region_max="max",
                                             units_with_data="count").reset_index()
    out = own[[*keys, "value", "status", "source", "note", "year"]].merge(stats, on=keys, how="left")
    return out.sort_values(keys).reset_index(drop=True)[COMPARISON_COLUMNS]


def trend(table: pd.DataFrame, atvk: str) -> pd.DataFrame:
    """All years of every indicator of one municipality (long form, sorted by year)."""
    rows = table[(table["atvk"] == atvk)]
    return rows.sort_values(["target_group", "service", "indicator", "year"]).reset_index(drop=True)
