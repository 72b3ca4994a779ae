"""Indicators over the years for the region and chosen municipalities."""

from __future__ import annotations

import pandas as pd

from latgale_di.analysis.figures import own_year
from latgale_di.core import vocab
from latgale_di.territory.boundaries import REGION_CODE

REFORM_YEAR = 2021  # from 1 July 2021 the 9 new municipalities; figures before are for the 21 old ones


def series(table: pd.DataFrame, indicator: str, target_group: str, service: str,
           atvks: list[str]) -> pd.DataFrame:
    """Rows of one indicator over the years: the region's own figures and the chosen units.

    ``table`` is the figure table of one vintage (``figures.table``; values converted across the
    reform are in it, marked derived, estimated or incomplete); each figure is shown in the year it
    describes, never carried forward. Missing years stay missing: no interpolation. A figure
    hidden for privacy stays as a row (its bound "<5", or hidden), as on the profile: leaving it
    out would read as "no figure" where one exists.
    """
    table = own_year(table)
    rows = table[(table["indicator"] == indicator) & (table["target_group"] == target_group)
                 & (table["service"] == service) & table["atvk"].isin([REGION_CODE, *atvks])]
    rows = rows[rows["value"].notna() | rows["value_min"].notna() | rows["value_max"].notna()
                | rows["status"].eq(vocab.SUPPRESSED)]
    return rows.sort_values(["atvk", "year"]).reset_index(drop=True)
