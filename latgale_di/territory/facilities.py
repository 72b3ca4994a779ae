"""Service sites: which ones belong to a view, and how to draw them as points."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from latgale_di.core import formatting, i18n, vocab

# Radius in metres: area ∝ places, so a 16-place house reads as twice an 8-place one.
_RADIUS_PER_SQRT_PLACE = 450.0
_RADIUS_UNKNOWN = 1500.0


def _codes(cell: object) -> set[str]:
    return {c.strip() for c in str(cell).split(";") if c.strip()}


def select(facilities: pd.DataFrame, target_group: str, service: str) -> pd.DataFrame:
    """Sites offering ``service`` to ``target_group``; "all"/"any" widen the choice.

    Long-term institutions are community-based services' opposite, so "any" leaves them out;
    they show only when ``institutional_care`` is chosen.
    """
    groups = facilities["target_groups"].map(_codes)
    services = facilities["services"].map(_codes)
    keep = pd.Series(True, index=facilities.index)
    if target_group != "all":
        keep &= groups.map(lambda g: target_group in g)
    if service == "any":
        keep &= services.map(lambda s: s != {"institutional_care"})
    else:
        keep &= services.map(lambda s: service in s)
    return facilities[keep]


def radius_m(places: float) -> float:
    """Point radius in metres for a site with ``places`` (a fixed size when unknown)."""
    if places is None or math.isnan(places) or places <= 0:
        return _RADIUS_UNKNOWN
    return _RADIUS_PER_SQRT_PLACE * math.sqrt(places)


def points(facilities: pd.DataFrame, lang: str, cite: Callable[[str], str]) -> list[dict]:
    """One drawable record per site: position, radius, colours and a plain-text tooltip."""
    out = []
    for r in facilities.to_dict("records"):
        known = not math.isnan(r["places"])
        operating = r["status"] == "operating"
        services = ", ".join(vocab.SERVICES[s].label(lang) for s in sorted(_codes(r["services"]))
                             if s in vocab.SERVICES)
        places = (f"{formatting.format_number(r['places'], lang)} {i18n.t('facility_places', lang)}" if known
                  else i18n.t("places_unknown", lang))
        lines = [
            r["name"], services, places,
            f"{i18n.t('facility_status', lang)}: {vocab.FACILITY_STATUSES[r['status']].label(lang)}",
            f"{i18n.t('location_precision', lang)}: {vocab.LOCATION_PRECISION[r['location_precision']].label(lang)}",
            f"{i18n.t('source', lang)}: {cite(r['source'])}",
        ]
        out.append({
            "id": r["id"],
            "position": [r["lon"], r["lat"]],
            "radius": radius_m(r["places"]),
            # Operating sites are filled; planned or unbuilt ones are rings only.
            "fill": [33, 33, 33, 200] if operating else [255, 255, 255, 0],
            "line": [33, 33, 33, 255],
            "tooltip": "\n".join(lines),
        })
    return out


def units_of(facilities: pd.DataFrame, vintage: str) -> pd.Series:
    """The ATVK code of the unit each site lies in, for ``vintage``.

    2021 units are the ``atvk`` column (the operator's own municipality). Pre-2021 units are found
    by a point-in-polygon join, because sites are recorded against today's municipalities; a
    point that falls outside every polygon (an approximate location on a border) stays empty.
    """
    if vintage == "2021":
        return facilities["atvk"].copy()
    from shapely import STRtree, points
    from shapely.geometry import shape

    from latgale_di.territory import boundaries

    features = boundaries.feature_collection(vintage)["features"]
    codes = [f["properties"]["atvk"] for f in features]
    tree = STRtree([shape(f["geometry"]) for f in features])
    located = points(facilities["lon"].to_numpy(), facilities["lat"].to_numpy())
    point_idx, poly_idx = tree.query(located, predicate="within")
    out = pd.Series("", index=facilities.index, dtype=object)
    out.iloc[point_idx] = [codes[i] for i in poly_idx]
    return out
