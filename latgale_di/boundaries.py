"""Municipal boundaries of the Latgale planning region, for both vintages, keyed by ATVK code.

Two vintages exist because of the 2021 administrative-territorial reform:

* ``"2009"``: the 21 units valid 2009-07-01 … 2021-06-30 (2 republic cities + 19 novadi);
* ``"2021"``: the 9 units valid from 2021-07-01 (2 state cities + 7 novadi).

The polygons come from ``geo/`` (see ``geo/SOURCES.md`` for provenance and licences). The
crosswalk says which old unit went into which new one; Aglonas novads was split, so it has two
rows with area shares.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from latgale_di.paths import GEO_DIR

if TYPE_CHECKING:  # geopandas is heavy; import it only where polygons are needed
    import geopandas

Vintage = Literal["2009", "2021"]
VINTAGES: tuple[Vintage, ...] = ("2021", "2009")

# The attribution line the boundary licence asks for; shown under every map.
ATTRIBUTION: str = (
    "Boundaries: EuroGlobalMap © EuroGeographics and Latvijas Republikas Valsts zemes dienests, "
    "via foursquare Quattroshapes (CC BY 2.0) and Who's On First. Aglona parish split "
    "approximated with GeoNames (CC BY 4.0)."
)

# Pseudo-code for figures that a source gives only for the whole planning region.
REGION_CODE: str = "LPR"


@dataclass(frozen=True)
class Unit:
    """One municipality of one boundary vintage."""

    atvk: str
    vintage: Vintage
    name_lv: str
    name_short: str
    name_en: str
    kind: str  # "state city", "republic city" or "novads"
    boundary_note: str = ""

    def name(self, lang: str) -> str:
        """The official name in Latvian (``lv``), else the English name."""
        return self.name_lv if lang == "lv" else self.name_en

    @property
    def is_city(self) -> bool:
        return self.kind != "novads"


@dataclass(frozen=True)
class CrosswalkRow:
    """One piece of a pre-2021 unit that went into a 2021 unit."""

    old_atvk: str
    new_atvk: str
    part: str
    area_share: float

    @property
    def is_whole(self) -> bool:
        return self.area_share >= 1.0


def _check_vintage(vintage: str) -> Vintage:
    if vintage not in VINTAGES:
        raise ValueError(f"unknown boundary vintage {vintage!r}; expected one of {', '.join(VINTAGES)}")
    return vintage  # type: ignore[return-value]


def geojson_path(vintage: str) -> str:
    """Path of the shipped Latgale GeoJSON for ``vintage``."""
    return str(GEO_DIR / f"latgale_municipalities_{_check_vintage(vintage)}.geojson")


@lru_cache(maxsize=4)
def _geojson(vintage: Vintage) -> dict:
    with open(geojson_path(vintage), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=4)
def units(vintage: str) -> dict[str, Unit]:
    """The municipalities of ``vintage`` keyed by ATVK code, in the order of the boundary file."""
    v = _check_vintage(vintage)
    out: dict[str, Unit] = {}
    for feature in _geojson(v)["features"]:
        p = feature["properties"]
        out[p["atvk"]] = Unit(
            atvk=p["atvk"],
            vintage=v,
            name_lv=p["name_lv"],
            name_short=p.get("name_short") or p["name_lv"],
            name_en=p["name_en"],
            kind=p["kind"],
            boundary_note=p.get("boundary_note") or "",
        )
    return out


def names(vintage: str, lang: str) -> dict[str, str]:
    """ATVK code → the municipality's name in ``lang``, for every unit of ``vintage``."""
    return {a: u.name(lang) for a, u in units(vintage).items()}


def unit(atvk: str, vintage: str) -> Unit:
    """The unit with ATVK code ``atvk`` in ``vintage``; KeyError names the vintage."""
    try:
        return units(vintage)[atvk]
    except KeyError:
        raise KeyError(f"ATVK {atvk!r} is not a Latgale unit of the {vintage} vintage") from None


def vintage_of(atvk: str) -> Vintage | None:
    """Which vintage an ATVK code belongs to (None if neither)."""
    for v in VINTAGES:
        if atvk in units(v):
            return v
    return None


def feature_collection(vintage: str) -> dict:
    """The raw GeoJSON FeatureCollection of ``vintage`` (shared, do not mutate)."""
    return _geojson(_check_vintage(vintage))


def polygons(vintage: str) -> geopandas.GeoDataFrame:
    """Polygons of ``vintage`` as a GeoDataFrame indexed by ATVK code (EPSG:4326)."""
    import geopandas

    gdf = geopandas.read_file(geojson_path(vintage))
    return gdf.set_index("atvk", drop=False).rename_axis(None)


@lru_cache(maxsize=1)
def crosswalk() -> tuple[CrosswalkRow, ...]:
    """The 2009 → 2021 crosswalk: one row per old unit, two for the split Aglonas novads."""
    with open(GEO_DIR / "crosswalk_2009_2021.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            CrosswalkRow(
                old_atvk=r["old_atvk"],
                new_atvk=r["new_atvk"],
                part=r["part"],
                area_share=float(r["area_share"]),
            )
            for r in csv.DictReader(fh)
        )


def components(new_atvk: str) -> tuple[CrosswalkRow, ...]:
    """The crosswalk rows (pieces of 2009 units) that make up 2021 unit ``new_atvk``."""
    return tuple(r for r in crosswalk() if r.new_atvk == new_atvk)


def successors(old_atvk: str) -> tuple[CrosswalkRow, ...]:
    """The crosswalk rows that say where 2009 unit ``old_atvk`` went."""
    return tuple(r for r in crosswalk() if r.old_atvk == old_atvk)


@lru_cache(maxsize=4)
def label_points(vintage: str) -> dict[str, tuple[float, float]]:
    """A point inside each unit (lon, lat) for its map label; never in a city's hole."""
    from shapely.geometry import shape

    out = {}
    for feature in feature_collection(vintage)["features"]:
        point = shape(feature["geometry"]).representative_point()
        out[feature["properties"]["atvk"]] = (round(point.x, 5), round(point.y, 5))
    return out


@lru_cache(maxsize=4)
def bounds(vintage: str) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of all units of ``vintage``."""
    xs: list[float] = []
    ys: list[float] = []
    for feature in feature_collection(vintage)["features"]:
        for ring in feature["geometry"]["coordinates"]:
            xs.extend(c[0] for c in ring)
            ys.extend(c[1] for c in ring)
    return min(xs), min(ys), max(xs), max(ys)
