"""Demand against supply: who is assessed or waiting, who is served, and the gap, ranked."""

from __future__ import annotations

import pandas as pd

from latgale_di.boundaries import REGION_CODE
from latgale_di.overview import as_of

COLUMNS = ["atvk", "target_group", "service", "persons_assessed", "persons_served", "places", "waiting_list",
           "shortfall", "shortfall_pct", "status", "source"]

# What the sources say in words where they give no numbers (seed 000, 30 June 2023).
QUALITATIVE: tuple[dict[str, str], ...] = (
    {"target_group": "adults_grt", "service": "day_care_centre", "source": "seed:000_823427077d47131e",
     "lv": "Dienas centra pakalpojumiem personām ar garīga rakstura traucējumiem pieprasījums ir lielāks, nekā "
           "tika izveidotas vietas.",
     "en": "Demand for day-care centre services for people with mental disorders is greater than the places "
           "created."},
    {"target_group": "children_ft", "service": "day_care_centre", "source": "seed:000_823427077d47131e",
     "lv": "Tāda pati situācija ir arī dienas centriem bērniem.",
     "en": "The same holds for day-care centres for children."},
)


def ranked(table: pd.DataFrame, year: int, target_group: str | None = None) -> pd.DataFrame:
    """Municipality × service rows with a computed shortfall, largest first.

    Shortfall = max(0, persons assessed − supply), supply being places when known, else persons
    served (see ``latgale_di.indicators``). Rows with no shortfall figure are left out.
    """
    rows = as_of(table, year)
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
