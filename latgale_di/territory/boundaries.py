"""Municipal boundaries of the Latgale planning region (or all of Latvia), for both vintages, by ATVK code.

Two vintages exist because of the 2021 administrative-territorial reform:

* ``"2009"``: the 21 units valid 2009-07-01 … 2021-06-30 (2 republic cities + 19 novadi);
* ``"2021"``: the 9 units valid from 2021-07-01 (2 state cities + 7 novadi).

The polygons come from ``geo/`` (see ``geo/SOURCES.md`` for provenance and licences). The
crosswalk says which old unit went into which new one; Aglonas novads was split, so it has two
rows with area shares.

Which files are read depends on the extent (``latgale_di.core.extent``, ``$LATGALE_DI_EXTENT``):
Latgale by default, all 119 / 43 Latvian municipalities with ``latvia``. Every cache is kept per
extent, so a test may switch it; a running app reads it once at start.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from latgale_di.core import extent as _extent
from latgale_di.core import i18n
from latgale_di.core.paths import GEO_DIR

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
# The same credit in Latvian, for Latvian pages and files; names of works and licences stay as they are.
_ATTRIBUTION_LV: str = (
    "Robežas: EuroGlobalMap © EuroGeographics un Latvijas Republikas Valsts zemes dienests, ar "
    "foursquare Quattroshapes (CC BY 2.0) un Who's On First starpniecību. Aglonas pagasta dalījums "
    "aptuvens pēc GeoNames (CC BY 4.0)."
)


def attribution(lang: str) -> str:
    """The boundaries' credit in the reader's language (``ATTRIBUTION`` is the licence's own words)."""
    return _ATTRIBUTION_LV if lang == "lv" else ATTRIBUTION

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


def geojson_path(vintage: str, extent: str | None = None) -> str:
    """Path of the shipped GeoJSON for ``vintage`` (of the current extent unless one is given)."""
    return str(GEO_DIR / _extent.geojson_name(extent or _extent.current(), _check_vintage(vintage)))


@lru_cache(maxsize=8)
def _geojson(extent: str, vintage: Vintage) -> dict:
    with open(geojson_path(vintage, extent), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8)
def _units(extent: str, vintage: Vintage) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for feature in _geojson(extent, vintage)["features"]:
        p = feature["properties"]
        out[p["atvk"]] = Unit(
            atvk=p["atvk"],
            vintage=vintage,
            name_lv=p["name_lv"],
            name_short=p.get("name_short") or p["name_lv"],
            name_en=p["name_en"],
            kind=p["kind"],
            boundary_note=p.get("boundary_note") or "",
        )
    return out


def units(vintage: str) -> dict[str, Unit]:
    """The municipalities of ``vintage`` keyed by ATVK code, in the order of the boundary file."""
    return _units(_extent.current(), _check_vintage(vintage))


def vintage_label(vintage: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The boundary set as people name it, with its count of units in this extent:
    "21 pašvaldība (2009–2021)" for Latgale, "119 pašvaldības (2009–2021)" for all of Latvia."""
    return i18n.t(f"vintage_{vintage}", lang, n=len(units(vintage)))


def region_units(vintage: str) -> tuple[str, ...]:
    """ATVK codes of the Latgale planning region's units of ``vintage`` (what ``LPR`` adds up to):
    every unit in the Latgale extent, those flagged ``in_latgale_planning_region`` in the Latvia one."""
    return _region_units(_extent.current(), _check_vintage(vintage))


@lru_cache(maxsize=8)
def _region_units(extent: str, vintage: Vintage) -> tuple[str, ...]:
    return tuple(f["properties"]["atvk"] for f in _geojson(extent, vintage)["features"]
                 if extent == "latgale" or f["properties"].get("in_latgale_planning_region"))


def names(vintage: str, lang: str) -> dict[str, str]:
    """ATVK code → the municipality's name in ``lang``, for every unit of ``vintage``."""
    return {a: u.name(lang) for a, u in units(vintage).items()}


def unit(atvk: str, vintage: str) -> Unit:
    """The unit with ATVK code ``atvk`` in ``vintage``; KeyError names the vintage."""
    try:
        return units(vintage)[atvk]
    except KeyError:
        where = "Latgale" if _extent.current() == "latgale" else "Latvian"
        raise KeyError(f"ATVK {atvk!r} is not a {where} unit of the {vintage} vintage") from None


def vintage_of(atvk: str) -> Vintage | None:
    """Which vintage an ATVK code belongs to (None if neither)."""
    for v in VINTAGES:
        if atvk in units(v):
            return v
    return None


def feature_collection(vintage: str) -> dict:
    """The raw GeoJSON FeatureCollection of ``vintage`` (shared, do not mutate)."""
    return _geojson(_extent.current(), _check_vintage(vintage))


def polygons(vintage: str) -> geopandas.GeoDataFrame:
    """Polygons of ``vintage`` as a GeoDataFrame indexed by ATVK code (EPSG:4326)."""
    import geopandas

    gdf = geopandas.read_file(geojson_path(vintage))
    return gdf.set_index("atvk", drop=False).rename_axis(None)


@lru_cache(maxsize=4)
def _crosswalk(extent: str) -> tuple[CrosswalkRow, ...]:
    with open(GEO_DIR / _extent.crosswalk_name(extent), encoding="utf-8", newline="") as fh:
        return tuple(
            CrosswalkRow(
                old_atvk=r["old_atvk"],
                new_atvk=r["new_atvk"],
                part=r["part"],
                area_share=float(r["area_share"]),
            )
            for r in csv.DictReader(fh)
        )


def crosswalk() -> tuple[CrosswalkRow, ...]:
    """The 2009 → 2021 crosswalk: one row per piece of an old unit (two for the split Aglonas novads;
    in the Latvia extent also the pieces the polygon overlay found, see geo/SOURCES.md)."""
    return _crosswalk(_extent.current())


@lru_cache(maxsize=4)
def _by_unit(extent: str) -> tuple[dict[str, tuple[CrosswalkRow, ...]], dict[str, tuple[CrosswalkRow, ...]]]:
    # Indexed once: re-aggregation asks for the components of every new unit in every group.
    by_new: dict[str, list[CrosswalkRow]] = {}
    by_old: dict[str, list[CrosswalkRow]] = {}
    for r in _crosswalk(extent):
        by_new.setdefault(r.new_atvk, []).append(r)
        by_old.setdefault(r.old_atvk, []).append(r)
    return ({k: tuple(v) for k, v in by_new.items()}, {k: tuple(v) for k, v in by_old.items()})


def components(new_atvk: str) -> tuple[CrosswalkRow, ...]:
    """The crosswalk rows (pieces of 2009 units) that make up 2021 unit ``new_atvk``."""
    return _by_unit(_extent.current())[0].get(new_atvk, ())


def successors(old_atvk: str) -> tuple[CrosswalkRow, ...]:
    """The crosswalk rows that say where 2009 unit ``old_atvk`` went."""
    return _by_unit(_extent.current())[1].get(old_atvk, ())


@lru_cache(maxsize=8)
def _label_points(extent: str, vintage: Vintage) -> dict[str, tuple[float, float]]:
    from shapely.geometry import shape

    out = {}
    for feature in _geojson(extent, vintage)["features"]:
        point = shape(feature["geometry"]).representative_point()
        out[feature["properties"]["atvk"]] = (round(point.x, 5), round(point.y, 5))
    return out


def label_points(vintage: str) -> dict[str, tuple[float, float]]:
    """A point inside each unit (lon, lat) for its map label; never in a city's hole."""
    return _label_points(_extent.current(), _check_vintage(vintage))


def _rings(geometry: dict):
    """Every ring of a Polygon or MultiPolygon (the national files have a few MultiPolygons)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


@lru_cache(maxsize=8)
def _bounds(extent: str, vintage: Vintage) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for feature in _geojson(extent, vintage)["features"]:
        for ring in _rings(feature["geometry"]):
            xs.extend(c[0] for c in ring)
            ys.extend(c[1] for c in ring)
    return min(xs), min(ys), max(xs), max(ys)


def bounds(vintage: str) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of all units of ``vintage``."""
    return _bounds(_extent.current(), _check_vintage(vintage))
