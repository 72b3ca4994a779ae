"""What every reference app shares: the 9 Latgale 2021 polygons and a synthetic value per column.

The reference apps stand in for "the same map drawn with another library", so they must show
exactly the same data: the polygons the dashboard ships (``geo/``, read directly so that the
references do not depend on the app's package) and a few value columns, one chosen by a
selectbox.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

GEOJSON = Path(__file__).resolve().parents[2] / "geo" / "latgale_municipalities_2021.geojson"

# The selectbox of every reference: its label, and the value columns it switches between.
LABEL = "Value"
COLUMNS: tuple[str, ...] = ("Persons served", "Places", "Waiting list")

# A light-to-dark green ramp, so that every library colours the polygons the same way.
RAMP: tuple[str, ...] = ("#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#005a32")

CENTER = (56.45, 27.15)  # (lat, lon) of the region, for libraries that need a view


@lru_cache(maxsize=1)
def geojson() -> dict:
    """The 9 polygons as a GeoJSON FeatureCollection (read once per server)."""
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def codes() -> list[str]:
    """ATVK codes of the 9 municipalities, in file order."""
    return [f["properties"]["atvk"] for f in geojson()["features"]]


def values(column: str) -> dict[str, float]:
    """Synthetic, deterministic values for one column: different per column, so a change repaints."""
    shift = COLUMNS.index(column) * 3 + 1
    return {code: float((i * 7 + shift * 5) % 23 + shift) for i, code in enumerate(codes())}


def colour(value: float, values_: dict[str, float]) -> str:
    """The ramp colour of a value within the column's range."""
    low, high = min(values_.values()), max(values_.values())
    step = 0 if high == low else round((value - low) / (high - low) * (len(RAMP) - 1))
    return RAMP[step]


def coloured_geojson(column: str) -> dict:
    """The polygons with ``value`` and ``fill`` (hex colour) properties for the chosen column."""
    vals = values(column)
    features = []
    for feature in geojson()["features"]:
        code = feature["properties"]["atvk"]
        props = {"atvk": code, "name": feature["properties"]["name_lv"], "value": vals[code],
                 "fill": colour(vals[code], vals)}
        features.append({"type": "Feature", "properties": props, "geometry": feature["geometry"]})
    return {"type": "FeatureCollection", "features": features}


def rgb(hex_colour: str) -> list[int]:
    """``#rrggbb`` as ``[r, g, b]`` (pydeck wants numbers)."""
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
