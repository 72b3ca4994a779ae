"""Names and values on the map without collisions (issue 22, item 1): short names, two-line
labels, callouts for the cities and small units, labels clear of each other, of the site markers
and of the drawing's edge, for both vintages, Latgale and all of Latvia, normal and presentation size."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from latgale_di.analysis import figures
from latgale_di.analysis.state import ViewState
from latgale_di.core import extent
from latgale_di.render import choropleth, map_content, map_labels, svg_map
from latgale_di.store import dataset
from latgale_di.territory import boundaries, facilities

SVG = "{http://www.w3.org/2000/svg}"
# (width, height, label px): the Map page, its presentation slide (and the meeting view's), the
# overview, a phone, and the Overview's presentation slide (components/presentation.py).
SIZES = [(760, 600, 15.0), (1100, 838, 24.0), (520, 420, 12.0), (340, 600, 15.0), (680, 992, 24.0)]


@pytest.fixture(params=["latgale", "latvia"])
def each_extent(request, monkeypatch):
    svg_map.geometry.cache_clear()
    svg_map.outlines.cache_clear()
    monkeypatch.setenv(extent.ENV, request.param)
    yield request.param
    svg_map.geometry.cache_clear()
    svg_map.outlines.cache_clear()


@pytest.mark.parametrize(("name", "short"), [
    ("Rēzeknes valstspilsēta", "Rēzekne"), ("Rēzekne", "Rēzekne"), ("Rēzeknes novads", "Rēzeknes n."),
    ("Krāslavas novads", "Krāslavas n."), ("Daugavpils (republican city)", "Daugavpils"),
    ("Daugavpils State City", "Daugavpils"), ("Krāslava Municipality", "Krāslava mun."), ("novads", "novads"),
])
def test_short_names_keep_city_and_novads_apart(name, short):
    assert map_labels.short_name(name) == short


def test_text_width_counts_diacritics_as_their_letter_and_grows_with_text():
    assert map_labels.text_width("Rēzeknes n.", 15) == map_labels.text_width("Rezeknes n.", 15)
    assert map_labels.text_width("63,6 %", 24) > map_labels.text_width("6 %", 24) > 0
    assert map_labels.text_width("Ab", 30) == 2 * map_labels.text_width("Ab", 15)


def _shipped_sites() -> list[dict]:
    ds = dataset.load()
    return facilities.points(ds.facilities, "lv", ds.cite)


def _views(vintage: str, lang: str, value: str | None) -> list[choropleth.UnitView]:
    """A view of every unit with ``value`` (None: no figure), as the map would get it."""
    return [choropleth.UnitView(atvk, u.name(lang), 1.0, math.nan, math.nan, "reported", "", "", 0,
                                value or "nav datu", "exact" if value else "missing")
            for atvk, u in boundaries.units(vintage).items()]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box_hits_circle(box, circle) -> bool:
    x, y, r = circle
    nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (nx - x) ** 2 + (ny - y) ** 2 < r**2


def _check(placed: list[map_labels.Placed], vintage: str, width: float, height: float, sites: list[dict]) -> None:
    geo = svg_map.geometry(vintage)
    boxes = {p.atvk: p.box for p in placed}
    clashes = [(a, b) for i, a in enumerate(boxes) for b in list(boxes)[i + 1:] if _overlap(boxes[a], boxes[b])]
    assert not clashes, f"labels overlap: {clashes}"
    px = 1 / min(width / geo.width, height / geo.height)
    # The marker as drawn, its outline's half-width included.
    circles = [(x, y, r + 0.75 * px) for x, y, r in svg_map.site_circles(sites, vintage, width, height)]
    covered = [(p.atvk, c) for p in placed for c in circles if _box_hits_circle(p.box, c)]
    assert not covered, f"site markers cover labels: {covered[:5]}"
    outside = [p.atvk for p in placed if p.box[0] < 0 or p.box[1] < 0 or p.box[2] > geo.width or p.box[3] > geo.height]
    assert not outside, f"labels outside the drawing: {outside}"


@pytest.mark.parametrize(("width", "height", "label_px"), SIZES)
@pytest.mark.parametrize("vintage", ["2009", "2021"])
@pytest.mark.parametrize("value", ["63,6 %", "≈1 234", None])
def test_labels_never_overlap_each_other_a_site_or_the_edge(each_extent, vintage, width, height, label_px, value):
    views = _views(vintage, "lv", value)
    sites = _shipped_sites()
    obstacles = tuple((x, y, r + svg_map.SITE_CLEARANCE_PX / min(width / svg_map.geometry(vintage).width,
                                                                   height / svg_map.geometry(vintage).height))
                      for x, y, r in svg_map.site_circles(sites, vintage, width, height))
    placed = svg_map.labels(views, vintage, width, height, label_px, obstacles)
    by_atvk = {v.atvk: v for v in views}
    _check(placed, vintage, width, height, sites)
    if each_extent == "latgale" and width >= 520:
        # Every unit is named, and shows its value when it has one.
        expected = {v.atvk: (map_labels.short_name(v.name), *([value] if value else [])) for v in views}
        assert {p.atvk: p.lines for p in placed} == expected
        cities = {a for a, u in boundaries.units(vintage).items() if u.is_city}
        assert {p.atvk for p in placed if p.leader_to} >= cities  # the cities always get a callout
    else:
        # All of Latvia, and a phone, are thinned: what is drawn is a unit's name and value, or its
        # value alone; the rest stay in the tooltips.
        assert placed and all(p.lines[0] == map_labels.short_name(by_atvk[p.atvk].name) or p.lines == (value,)
                              for p in placed)


def test_the_drawn_map_has_one_text_per_label_name_over_value_and_one_leader_path():
    ds = dataset.load()
    state = ViewState(vintage="2009", year=2019, target_group="adults_grt")
    content = map_content.build(ds, figures.table(ds, "2009", [2019]), state)
    sites = _shipped_sites()
    svg = svg_map.render(content.views, "2009", content.classes, "t", lambda a: a, content.tooltips, sites,
                         width_px=1100, max_height_px=860, label_px=24)
    root = ET.fromstring(svg)
    labels = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "labels")
    texts = {t.get("data-label"): ["".join(s.itertext()) for s in t.findall(f"{SVG}tspan")] or [t.text]
             for t in labels}
    assert labels.get("pointer-events") == "none"
    by_atvk = {v.atvk: v for v in content.views}
    assert set(texts) == set(by_atvk)
    for atvk, lines in texts.items():
        v = by_atvk[atvk]
        # No "nav datu" on a polygon: a unit without a figure shows its name only.
        assert lines == ([map_labels.short_name(v.name), v.label] if v.qualifier != "missing"
                         else [map_labels.short_name(v.name)])
    assert "nav datu" not in "".join(labels.itertext())
    assert texts["0210000"] == ["Rēzekne", "33,3 %"] and texts["0050000"] == ["Daugavpils", "41,8 %"]
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "leaders")
    assert group.get("pointer-events") == "none"
    leaders = [p for p in group.iter(f"{SVG}path") if p.get("class") == "leaders"]
    assert len(leaders) == 1
    # One move + line per callout, the cities' among them.
    assert len(re.findall("M", leaders[0].get("d"))) >= 2
    # Site markers are drawn under the labels.
    order = [g.get("class") for g in root if g.tag == f"{SVG}g"]
    assert order.index("sites") < order.index("labels")


@pytest.mark.parametrize(("year", "target_group", "indicator"), [
    (2019, "children_ft", "persons_served"), (2023, "adults_grt", "coverage"), (2019, "adults_grt", "share_served")])
@pytest.mark.parametrize(("width", "height", "label_px"), SIZES[:3])
def test_a_city_hemmed_in_by_its_neighbours_labels_still_gets_its_callout(year, target_group, indicator, width,
                                                                           height, label_px):
    # Views where, labelling the novads first, no room was left round Daugavpils or Rēzekne.
    ds = dataset.load()
    state = ViewState(vintage="2009", year=year, target_group=target_group, indicator=indicator)
    content = map_content.build(ds, figures.table(ds, "2009", [year]), state)
    geo = svg_map.geometry("2009")
    px = 1 / min(width / geo.width, height / geo.height)
    obstacles = tuple((x, y, r + svg_map.SITE_CLEARANCE_PX * px)
                      for x, y, r in svg_map.site_circles(content.sites, "2009", width, height))
    placed = {p.atvk: p for p in svg_map.labels(content.views, "2009", width, height, label_px, obstacles)}
    assert {p.lines[0] for p in placed.values()} == {map_labels.short_name(v.name) for v in content.views}
    assert placed["0050000"].leader_to and placed["0210000"].leader_to
    _check(list(placed.values()), "2009", width, height, content.sites)
