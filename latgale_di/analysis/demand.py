"""Demand against supply: who is assessed or waiting, who is served, and the gap, ranked."""

from __future__ import annotations

import pandas as pd

from latgale_di.analysis.figures import of_year
from latgale_di.territory.boundaries import REGION_CODE

COLUMNS = ["atvk", "target_group", "service", "persons_assessed", "persons_served", "places", "waiting_list",
           "shortfall", "shortfall_pct", "status", "source"]

def ranked(table: pd.DataFrame, year: int, target_group: str | None = None) -> pd.DataFrame:
    """Municipality × service rows with a computed shortfall, largest first.

    Shortfall = max(0, persons assessed − supply), supply being places when known, else persons
    served (see ``latgale_di.analysis.indicators``). Rows with no shortfall figure are left out.
    """
    rows = of_year(table, year)
    rows = rows[rows["atvk"] != REGION_CODE]
    if target_group not in (None, "all"):
        rows = rows[rows["target_group"] == target_group]
    wanted = ["persons_assessed", "persons_served", "places", "waiting_list", "shortfall", "shortfall_pct"]
    rows = rows[rows["indicator"].isin(wanted)]
    if rows.empty or not (rows["indicator"] == "shortfall").any():
        return pd.DataFrame(columns=COLUMNS)
    keys = ["atvk", "target_group", "service"]
    wide = rows.pivot_table(index=keys, columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(columns=wanted)
    gap = rows[rows["indicator"] == "shortfall"].set_index(keys)
    wide = wide[wide["shortfall"].notna()]
    wide["status"] = gap["status"]
    wide["source"] = gap["source"]
    return wide.reset_index().sort_values(["shortfall", "shortfall_pct"], ascending=False)[COLUMNS]
