"""AppTest of the map page: what a user reads, in both languages and for shared links."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from latgale_di.territory import boundaries
from tests import markup, tables

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run(params: dict[str, str] | None = None, page: str = "pages/karte.py") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


SVG = "{http://www.w3.org/2000/svg}"


def drawing(at: AppTest) -> ET.Element:
    """The map as drawn: the one element holding ``<svg class="di-map">``, parsed."""
    maps = [m for m in markup.shown(at) if 'class="di-map"' in m]
    assert len(maps) == 1
    start = maps[0].index("<svg")
    return ET.fromstring(maps[0][start:maps[0].index("</svg>", start) + len("</svg>")])


def units(svg: ET.Element) -> dict[str, dict[str, str]]:
    """ATVK → fill, outline, tooltip and link of each municipality on the map."""
    tips = {g.get("data-for"): "\n".join(t.text or "" for t in g.iter(f"{SVG}tspan"))
            for g in svg.iter(f"{SVG}g") if g.get("class") == "di-tip"}
    out = {}
    for a in svg.iter(f"{SVG}a"):
        path = a.find(f"{SVG}use")
        out[a.get("data-atvk")] = {"fill": path.get("data-fill") or path.get("fill"), "paint": path.get("fill"),
                                   "stroke": path.get("stroke"), "href": a.get("href"),
                                   "tooltip": tips[a.get("data-atvk")], "label": a.get("aria-label")}
    return out


def sites(svg: ET.Element) -> dict[str, dict[str, str]]:
    return {c.get("data-id"): {"r": float(c.get("r")), "tooltip": c.find(f"{SVG}title").text}
            for c in svg.iter(f"{SVG}circle")}


def table(at: AppTest):
    return tables.shown(at)[0]


def test_default_view_is_latvian_with_real_figures_and_attribution():
    at = run()
    assert at.title[0].value == "Karte"
    # Under the map, in the same element as the drawing (small print, as a caption).
    assert any(boundaries.attribution("lv") in m and 'class="di-map"' in m for m in markup.shown(at))
    df = table(at)
    shares = dict(zip(df["Pašvaldība"], df.iloc[:, 1]))
    assert shares["Dagdas novads"] == "10 %"
    assert shares["Rēzekne (republican city)".replace(" (republican city)", "")] == "> 50 %"
    assert shares["Aglonas novads"] == "0 %"
    assert shares["Krāslavas novads"] == "nav datu"  # unknown is not zero


def test_map_draws_without_a_basemap_and_colours_no_data_differently():
    at = run()
    svg = drawing(at)
    # Nothing is fetched from anywhere: no attribute points off the page.
    assert not [v for el in svg.iter() for v in el.attrib.values() if "//" in v or v.startswith("http")]
    drawn = units(svg)
    assert len(drawn) == 21  # 2019 figures are for the 21 pre-2021 units
    assert drawn["0600202"]["fill"] == "#c8c8c8"  # Krāslavas novads: no data → grey
    assert drawn["0600202"]["paint"] == "url(#di-map-no-data)"  # and hatched
    assert drawn["0600202"]["label"] == "Krāslavas novads: nav datu"  # and said in words
    assert drawn["0604300"]["fill"] != drawn["0600202"]["fill"]  # Aglonas novads: 0 % is a class, not "no data"
    assert not at.get("deck_gl_json_chart")


def outlines(at: AppTest) -> str:
    shown = [m for m in markup.shown(at) if 'class="di-map-outlines"' in m]
    assert len(shown) == 1
    return shown[0]


def test_a_filter_change_recolours_the_map_but_leaves_its_outlines_untouched():
    # The outlines are one element whose text never changes, so Streamlit re-sends it as a
    # reference; the drawing over them holds no geometry of its own.
    at = run({"lang": "en"})
    before, drawn_before = outlines(at), units(drawing(at))
    at.selectbox(key="vs_target_group").set_value("adults_grt").run()
    assert outlines(at) == before
    drawn_after = units(drawing(at))
    assert drawn_after != drawn_before  # other figures, other colours and tooltips
    ids = set(re.findall(r'<path id="([^"]+)"', before))
    assert len(ids) == 21
    refs = [u.get("href") for u in drawing(at).iter(f"{SVG}use")]
    assert len(refs) == 21 and {r.removeprefix("#") for r in refs} == ids  # every <use> finds its outline
    # No outline is sent again: the only paths in the view are the callouts' leader lines.
    assert [p.get("class") for p in drawing(at).iter(f"{SVG}path")] in ([], ["leader-halo", "leaders", "leader-ends"])


def test_tooltip_has_name_value_unit_year_status_source_and_a_click_opens_the_profile():
    rezekne = units(drawing(run({"lang": "en"})))["0210000"]
    assert rezekne["href"] == "pasvaldiba?lang=en&atvk=0210000"  # the same view, that municipality's profile
    tip = rezekne["tooltip"]
    for text in ("Rēzekne", "> 50 %", "Year: 2019", "Status: Reported", "Source: Ievērojami pieaudzis"):
        assert text in tip


def test_shared_link_opens_that_view_in_english():
    at = run({"lang": "en", "ind": "share_served", "tg": "adults_grt", "year": "2019"})
    assert at.title[0].value == "Map"
    df = table(at)
    values = dict(zip(df["Municipality"], df.iloc[:, 1]))
    assert values["Daugavpils (republican city)"] == "41.8 %"
    assert values["Rēzekne (republican city)"] == "33.3 %"
    assert at.query_params["tg"] == ["adults_grt"] or at.query_params["tg"] == "adults_grt"


def test_changing_a_filter_updates_the_url():
    at = run()
    at.selectbox(key="vs_target_group").set_value("adults_grt").run()
    assert not at.exception
    assert "adults_grt" in str(at.query_params["tg"])


def test_2021_vintage_shows_nine_units_with_reaggregated_marks():
    at = run({"lang": "en", "v": "2021", "ind": "persons_served", "tg": "children_ft", "year": "2019"})
    assert len(units(drawing(at))) == 9
    values = dict(zip(table(at)["Municipality"], table(at).iloc[:, 1]))
    assert values["Daugavpils State City"] == "32"
    assert values["Ludza Municipality"].startswith("≥")  # Ciblas, Kārsavas novads unknown


def test_facilities_layer_sizes_points_by_places():
    by_id = sites(drawing(run({"lang": "en", "v": "2021", "year": "2023", "tg": "adults_grt",
                               "svc": "group_apartments", "ind": "places"})))
    assert by_id["PR-LICI"]["r"] > by_id["BA-VILAKA-GA"]["r"]  # 16 places vs 10
    assert "16 places" in by_id["PR-LICI"]["tooltip"]


@pytest.mark.parametrize("lang,word", [("lv", "Rādītājs"), ("en", "Indicator")])
def test_sidebar_is_translated(lang, word):
    at = run({"lang": lang})
    assert at.selectbox(key="vs_indicator").label == word


def test_coverage_map_answers_who_lacks_day_care_for_adults_with_mental_disorders():
    at = run({"lang": "en", "v": "2021", "year": "2023", "tg": "adults_grt", "svc": "day_care_centre",
              "ind": "coverage"})
    values = dict(zip(table(at)["Municipality"], table(at).iloc[:, 1]))
    assert values["Balvi Municipality"] == "provides"  # Viļaka day-care centre, opened 2021
    assert values["Krāslava Municipality"] == "planned"
    assert values["Līvāni Municipality"] == "no data"
    fills = {atvk: u["fill"] for atvk, u in units(drawing(at)).items()}
    assert fills["0036000"] == "#c8c8c8" and fills["0024000"] != fills["0032000"]


def test_coverage_any_service_marks_reported_zero_as_no_service():
    at = run({"lang": "en", "v": "2009", "year": "2019", "tg": "adults_grt", "ind": "coverage"})
    values = dict(zip(table(at)["Municipality"], table(at).iloc[:, 1]))
    assert values["Baltinava Municipality"] == "no service"  # seed: nobody had started services by end-2019
