"""Boundary polygons of both vintages, keyed by ATVK code, as shipped in geo/."""

import re

import pytest

from latgale_di.core.paths import GEO_DIR
from latgale_di.territory import boundaries


@pytest.mark.parametrize("vintage,count", [("2009", 21), ("2021", 9)])
def test_polygons_keyed_by_atvk(vintage, count):
    gdf = boundaries.polygons(vintage)
    assert len(gdf) == count and gdf.index.is_unique
    assert set(gdf.index) == set(boundaries.units(vintage))
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()


def test_both_vintages_cover_the_same_territory():
    old = boundaries.polygons("2009").to_crs(3059).union_all()
    new = boundaries.polygons("2021").to_crs(3059).union_all()
    assert old.symmetric_difference(new).area / new.area < 1e-6
    assert 14_400 < new.area / 1e6 < 14_700  # km²; the planning region says 14 547


def test_city_is_a_hole_in_its_novads_not_covered_twice():
    gdf = boundaries.polygons("2021").to_crs(3059)
    city, novads = gdf.loc["0002000"].geometry, gdf.loc["0022000"].geometry
    assert city.intersection(novads).area < 1.0  # m²


def test_crosswalk_covers_every_old_unit_and_splits_only_aglona():
    old = set(boundaries.units("2009"))
    assert {r.old_atvk for r in boundaries.crosswalk()} == old
    split = [a for a in old if len(boundaries.successors(a)) > 1]
    assert split == ["0604300"]
    assert {r.new_atvk for r in boundaries.crosswalk()} == set(boundaries.units("2021"))


def test_attribution_is_the_line_the_licence_asks_for():
    text = " ".join((GEO_DIR / "SOURCES.md").read_text(encoding="utf-8").split())
    line = re.search(r"> (Boundaries: EuroGlobalMap.*?GeoNames \(CC BY 4\.0\)\.)", text)
    assert line is not None
    assert " ".join(line.group(1).replace(" > ", " ").split()) == boundaries.ATTRIBUTION


def test_label_points_lie_inside_their_unit():
    from shapely.geometry import Point

    gdf = boundaries.polygons("2009")
    for atvk, (lon, lat) in boundaries.label_points("2009").items():
        assert gdf.loc[atvk].geometry.contains(Point(lon, lat)), atvk


def test_names_in_either_language_cover_every_unit():
    lv, en = boundaries.names("2021", "lv"), boundaries.names("2021", "en")
    assert len(lv) == len(en) == 9
    assert lv["0002000"] == "Daugavpils valstspilsēta" and en["0002000"] == "Daugavpils State City"
