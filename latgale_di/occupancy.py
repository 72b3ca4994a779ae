"""Places against occupied places, by municipality and by site, with a threshold flag."""

from __future__ import annotations

import pandas as pd

from latgale_di import boundaries, metrics
from latgale_di.boundaries import REGION_CODE
from latgale_di.facilities import units_of
from latgale_di.overview import COMMUNITY_SERVICES, as_of

COLUMNS = ["atvk", "service", "places", "occupied_places", "occupancy_rate", "above_threshold", "status", "source",
           "places_year"]


def by_municipality(table: pd.DataFrame, year: int, target_group: str, service: str,
                    threshold_pct: float) -> pd.DataFrame:
    """One row per municipality and service with places, occupied places and occupancy (%).

    Places are each unit's latest figure up to ``year``; occupancy is recomputed from the two
    counts (occupied / places × 100) only when both refer to the same year, otherwise missing.
    Rows without any figure are left out. ``service == "any"`` lists every community service.
    """
    services = COMMUNITY_SERVICES if service == "any" else (service,)
    rows = as_of(table, year)
    rows = rows[(rows["target_group"] == target_group) & rows["service"].isin(services)
                & rows["indicator"].isin(["places", "occupied_places", "occupancy_rate"])]
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    keys = ["atvk", "service"]
    value = rows.pivot_table(index=keys, columns="indicator", values="value", aggfunc="first")
    year_of = rows.pivot_table(index=keys, columns="indicator", values="year", aggfunc="first")
    status = rows.groupby(keys)["status"].agg(lambda s: sorted(set(s))[0] if len(set(s)) == 1 else ", ".join(
        sorted(set(s))))
    source = rows.groupby(keys)["source"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    out = pd.DataFrame(index=value.index)
    out["places"] = value.get("places")
    out["occupied_places"] = value.get("occupied_places")
    same_year = year_of.get("places").eq(year_of.get("occupied_places")) if {"places", "occupied_places"} <= set(
        year_of.columns) else pd.Series(False, index=out.index)
    computed = metrics.occupancy_rate(out["occupied_places"].astype(float), out["places"].astype(float))
    stated = value.get("occupancy_rate", pd.Series(float("nan"), index=out.index))
    out["occupancy_rate"] = computed.where(same_year, float("nan")).fillna(stated)
    out["above_threshold"] = metrics.above_threshold(out["occupancy_rate"].astype(float), threshold_pct)
    out["status"] = status
    out["source"] = source
    out["places_year"] = year_of.get("places")
    out = out.reset_index()
    order = {a: i for i, a in enumerate([REGION_CODE, *boundaries.units(rows["vintage"].iloc[0])])}
    return out.sort_values(["service", "atvk"], key=lambda s: s.map(order) if s.name == "atvk" else s)[COLUMNS]


def sites(facilities: pd.DataFrame, vintage: str, target_group: str, service: str,
          threshold_pct: float) -> pd.DataFrame:
    """Sites with their places, occupied places and occupancy (%), for one target group and service."""
    groups = facilities["target_groups"].str.split(";")
    services = facilities["services"].str.split(";")
    keep = groups.map(lambda g: target_group == "all" or target_group in g)
    keep &= services.map(lambda s: service in s if service != "any" else s != ["institutional_care"])
    out = facilities[keep].copy()
    out["unit"] = units_of(facilities, vintage)[keep]
    out["occupancy_rate"] = metrics.occupancy_rate(out["occupied"], out["places"])
    out["above_threshold"] = metrics.above_threshold(out["occupancy_rate"], threshold_pct)
    return out
