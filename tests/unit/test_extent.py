"""The extent switch ($LATGALE_DI_EXTENT): Latgale by default, all of Latvia on request, and the
national crosswalk 2009 → 2021 (scripts/make_national_geo.py)."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict

import pandas as pd
import pytest

from latgale_di.confidentiality import disclosure
from latgale_di.core import extent
from latgale_di.core.paths import GEO_DIR, ROOT
from latgale_di.territory import boundaries, names, population, reaggregate


def test_latgale_is_the_default_and_an_unknown_extent_is_an_error(monkeypatch):
    monkeypatch.delenv(extent.ENV, raising=False)
    assert extent.current() == "latgale"
    monkeypatch.setenv(extent.ENV, "")
    assert extent.current() == "latgale"
    monkeypatch.setenv(extent.ENV, " Latvia ")
    assert extent.current() == "latvia"
    monkeypatch.setenv(extent.ENV, "estonia")
    with pytest.raises(ValueError, match="latgale, latvia"):
        extent.current()


def test_the_boundary_label_counts_the_units_of_the_extent(monkeypatch):
    # The caption above the map and the sidebar's boundary choice name the count: a national map
    # captioned "21 municipalities" would misstate what it shows.
    monkeypatch.delenv(extent.ENV, raising=False)
    assert boundaries.vintage_label("2009") == "21 pašvaldība (2009–2021)"
    assert boundaries.vintage_label("2021", "en") == "9 municipalities (from 1 July 2021)"
    monkeypatch.setenv(extent.ENV, "latvia")
    assert boundaries.vintage_label("2009") == "119 pašvaldības (2009–2021)"
    assert boundaries.vintage_label("2021", "en") == "43 municipalities (from 1 July 2021)"


def test_the_default_extent_reads_the_latgale_files(monkeypatch):
    monkeypatch.delenv(extent.ENV, raising=False)
    assert boundaries.geojson_path("2021").endswith("latgale_municipalities_2021.geojson")
    assert (len(boundaries.units("2009")), len(boundaries.units("2021"))) == (21, 9)
    assert len(boundaries.crosswalk()) == 22
    assert boundaries.region_units("2021") == tuple(boundaries.units("2021"))


@pytest.mark.parametrize("vintage,count", [("2009", 119), ("2021", 43)])
def test_latvia_has_every_municipality_with_valid_polygons_and_labels(latvia, vintage, count):
    from shapely.geometry import Point

    gdf = boundaries.polygons(vintage)
    assert len(gdf) == len(boundaries.units(vintage)) == count and gdf.index.is_unique
    assert gdf.geometry.is_valid.all() and gdf.crs.to_epsg() == 4326
    for atvk, (lon, lat) in boundaries.label_points(vintage).items():
        assert gdf.loc[atvk].geometry.contains(Point(lon, lat)), atvk
    west, south, east, north = boundaries.bounds(vintage)  # MultiPolygons included
    assert west < 21.1 and east > 28.1 and south < 55.7 and north > 58.0
    assert len(boundaries.region_units(vintage)) == (21 if vintage == "2009" else 9)


def test_latgale_units_are_the_same_in_both_extents(monkeypatch, latvia):
    national = {v: boundaries.units(v) for v in boundaries.VINTAGES}
    shapes = {v: {f["properties"]["atvk"]: f["geometry"] for f in boundaries.feature_collection(v)["features"]}
              for v in boundaries.VINTAGES}
    monkeypatch.delenv(extent.ENV)
    for v in boundaries.VINTAGES:
        for atvk, unit in boundaries.units(v).items():
            assert national[v][atvk] == unit
        for f in boundaries.feature_collection(v)["features"]:
            assert shapes[v][f["properties"]["atvk"]] == f["geometry"]


def test_both_national_vintages_cover_the_same_territory(latvia):
    old = boundaries.polygons("2009").to_crs(3059).union_all()
    new = boundaries.polygons("2021").to_crs(3059).union_all()
    assert old.symmetric_difference(new).area / new.area < 1e-6
    assert 64_000 < new.area / 1e6 < 65_000  # km²; Latvia is 64 589


def test_national_crosswalk_maps_every_old_unit_with_shares_summing_to_one(latvia):
    rows = boundaries.crosswalk()
    old, new = boundaries.units("2009"), boundaries.units("2021")
    shares: dict[str, float] = defaultdict(float)
    for r in rows:
        assert r.old_atvk in old and r.new_atvk in new
        assert 0 < r.area_share <= 1
        shares[r.old_atvk] += r.area_share
    assert set(shares) == set(old)
    assert all(abs(s - 1) < 1e-9 for s in shares.values()), {a: s for a, s in shares.items() if abs(s - 1) > 1e-9}
    assert {r.new_atvk for r in rows} == set(new)


def test_national_crosswalk_keeps_the_curated_latgale_rows_unchanged():
    def read(name: str) -> list[dict]:
        with open(GEO_DIR / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    curated = read("crosswalk_2009_2021.csv")
    national = read("crosswalk_latvia_2009_2021.csv")
    assert national[:len(curated)] == curated
    latgale_old = {r["old_atvk"] for r in curated}
    rest = national[len(curated):]
    assert rest and not {r["old_atvk"] for r in rest} & latgale_old
    assert all("polygon overlay" in r["note"] for r in rest)


def test_names_resolve_in_the_latvia_extent_and_cities_stay_apart_from_novadi(latvia):
    assert names.match_atvk("Jelgava", "2021") == "0003000"
    assert names.match_atvk("Jelgavas novads", "2021") == "0030000"
    assert names.match_atvk("Tukums", "2009") == "0900200"
    assert names.match_atvk("Rēzeknes novads", "2021") == "0043000"  # a Latgale unit, as in the Latgale extent
    with pytest.raises(names.UnknownMunicipality):
        names.match_atvk("Daugavpils novads", "2021")  # a 2009 unit, not one of 2021


def test_reaggregation_conserves_totals_across_latvia_and_the_region_row_passes(latvia):
    old = list(boundaries.units("2009"))
    obs = pd.DataFrame({
        "year": 2019, "atvk": [*old, boundaries.REGION_CODE], "vintage": "2009", "target_group": "all",
        "service": "day_care_centre", "indicator": "places", "value": [float(i + 1) for i in range(len(old) + 1)],
        "unit": "places", "status": "reported", "source": "s", "note": "", "value_min": float("nan"),
        "value_max": float("nan")})
    shown = reaggregate.for_vintage(obs, "2021")
    units = shown[shown["atvk"] != boundaries.REGION_CODE]
    assert set(units["atvk"]) == set(boundaries.units("2021"))
    assert units["value"].sum() == pytest.approx(obs["value"].iloc[:-1].sum())
    assert shown.loc[shown["atvk"] == boundaries.REGION_CODE, "value"].tolist() == [float(len(old) + 1)]


def test_the_region_means_latgale_for_denominators_and_privacy_in_the_latvia_extent(latvia):
    region_2021 = set(boundaries.region_units("2021"))
    pop = pd.DataFrame({"atvk": list(boundaries.units("2021")), "vintage": "2021", "reference_date": "2022-01-01",
                        "age_group": "total", "value": 1000.0, "status": "reported", "source": "s"})
    found = population.denominators(pop, "2021").get(boundaries.REGION_CODE, 2021)
    assert found is not None and found.value == 1000.0 * len(region_2021)
    region_relations = [r.parts for r in disclosure.relations() if r.total == ("*", boundaries.REGION_CODE)]
    assert {a for v, a in region_relations[0]} == set(boundaries.region_units("2021"))


def test_the_map_draws_every_latvian_unit(latvia):
    from latgale_di.render import svg_map

    geo = svg_map.geometry("2021")
    assert set(geo.paths) == set(boundaries.units("2021")) and all(geo.paths.values())
    assert 'id="di-geo-2021-0001000"' in svg_map.outlines("2021")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "geo" / "latvia_municipalities_2021.geojson").exists(),
                    reason="the shared geo folder is not here (the project runs without it)")
def test_the_national_files_are_what_the_script_makes():
    done = subprocess.run([sys.executable, "scripts/make_national_geo.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
