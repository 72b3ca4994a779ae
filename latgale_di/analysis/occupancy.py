"""Places against occupied places, by municipality and by site, with a threshold flag."""

from __future__ import annotations

import pandas as pd

from latgale_di.analysis import figures, metrics
from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE
from latgale_di.territory.facilities import units_of

COLUMNS = ["atvk", "service", "places", "occupied_places", "occupancy_rate", "above_threshold", "status", "source",
           "places_year", "places_qualifier", "occupied_qualifier", "occupancy_qualifier"]
_PARTS = ("places", "occupied_places", "occupancy_rate")


def by_municipality(table: pd.DataFrame, year: int, target_group: str, service: str,
                    threshold_pct: float, vintage: str | None = None) -> pd.DataFrame:
    """One row per municipality (and the region) and service with places, occupied places and
    occupancy (%), as the figure layer gives them for the year view (``figures.table``).

    Places are each unit's latest figure up to ``year`` (``places_year``), or the sum of its sites
    open by then; occupancy is occupied ÷ places × 100 from those same figures, or a source's own
    rate. Units with none of the three are left out. ``service == "any"`` lists every community
    service.
    """
    services = COMMUNITY_SERVICES if service == "any" else (service,)
    current = figures.of_year(table, year)
    current = current[(current["target_group"] == target_group) & current["service"].isin(services)
                      & current["indicator"].isin(_PARTS)]
    if current.empty:
        return pd.DataFrame(columns=COLUMNS)
    vintage = vintage or str(current["vintage"].iloc[0])
    records = []
    for svc in services:
        views = {part: figures.view(current, vintage, year, target_group, svc, part) for part in _PARTS}
        for atvk in [REGION_CODE, *boundaries.units(vintage)]:
            figs = {part: (v.region if atvk == REGION_CODE else v.units[atvk]) for part, v in views.items()}
            reported = views["places"].region_reported or views["occupancy_rate"].region_reported
            if atvk == REGION_CODE and not reported:
                continue  # the region's sums are on the overview; here only a source's own regional figure
            if not any(f.known for f in figs.values()):
                continue
            rate = figs["occupancy_rate"]
            shown = [f for f in figs.values() if f.known]
            records.append({
                "atvk": atvk, "service": svc,
                "places": figs["places"].value, "occupied_places": figs["occupied_places"].value,
                "occupancy_rate": rate.value if rate.qualifier in ("exact", "estimate") else rate.low,
                "above_threshold": _above(rate, threshold_pct),
                "status": ", ".join(sorted({f.status for f in shown if f.status})),
                "source": "; ".join(dict.fromkeys(s for f in shown for s in f.sources)),
                "places_year": figs["places"].as_of if figs["places"].known else float("nan"),
                "places_qualifier": figs["places"].qualifier, "occupied_qualifier": figs["occupied_places"].qualifier,
                "occupancy_qualifier": rate.qualifier,
            })
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def _above(rate: figures.Figure, threshold_pct: float) -> object:
    """Whether an occupancy figure is above the threshold: a bound counts when it settles it."""
    if rate.qualifier in ("exact", "estimate"):
        return bool(rate.value > threshold_pct)
    if rate.qualifier == "greater_than" and rate.low >= threshold_pct:
        return True
    if rate.qualifier in ("range", "greater_than") and rate.high <= threshold_pct:
        return False
    return pd.NA


def sites(facilities: pd.DataFrame, vintage: str, target_group: str, service: str,
          threshold_pct: float, year: int | None = None) -> pd.DataFrame:
    """Sites with their places, occupied places and occupancy (%), for one target group and service
    (and, with ``year``, only those that belong to that year's view: ``figures.sites_in_year``)."""
    if year is not None:
        facilities = figures.sites_in_year(facilities, year)
    groups = facilities["target_groups"].str.split(";")
    services = facilities["services"].str.split(";")
    keep = groups.map(lambda g: target_group == "all" or target_group in g)
    keep &= services.map(lambda s: service in s if service != "any" else s != ["institutional_care"])
    out = facilities[keep].copy()
    out["unit"] = units_of(facilities, vintage)[keep]
    out["occupancy_rate"] = metrics.occupancy_rate(out["occupied"], out["places"])
    out["above_threshold"] = metrics.above_threshold(out["occupancy_rate"], threshold_pct)
    # A site's small number of residents is hidden for privacy (its bound "<5" stays), not missing.
    hidden = out["occupied_hidden"].astype(bool) if "occupied_hidden" in out else pd.Series(False, index=out.index)
    if "occupied_max" not in out:
        out["occupied_max"] = float("nan")
    out.loc[hidden & ~out.get("occupied_small", hidden).astype(bool), "occupied_max"] = float("nan")
    out["places_qualifier"] = out["places"].map(lambda v: "missing" if pd.isna(v) else "exact")
    out["occupied_qualifier"] = ["hidden" if h else ("missing" if pd.isna(v) else "exact")
                                 for v, h in zip(out["occupied"], hidden)]
    out["occupancy_qualifier"] = ["hidden" if h else ("missing" if pd.isna(v) else "exact")
                                  for v, h in zip(out["occupancy_rate"], hidden)]
    return out


def region_figure(table: pd.DataFrame, year: int, vintage: str, target_group: str,
                  service: str) -> figures.Figure | None:
    """The region's occupancy as a source reports it (group apartments when every service is
    chosen), or None: a sum of the municipalities' rates would not be an occupancy."""
    region = figures.view(figures.of_year(table, year), vintage, year, target_group,
                          "group_apartments" if service == "any" else service, "occupancy_rate")
    return region.region if region.region_reported and region.region.known else None
