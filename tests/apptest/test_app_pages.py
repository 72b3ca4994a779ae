"""AppTest of the dashboard pages: the figures a reader sees, in Latvian and English."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import markup, tables

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


FIGURE = re.compile(r'<div class="di-figure-label">(.*?)</div><div class="di-figure-value">(.*?)</div>')


def texts(at: AppTest) -> str:
    """Every text on the page; a metric, or a figure on a headline card, as ``label=value``."""
    parts = markup.shown(at) + [c.value for c in at.caption]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    parts += [html.unescape(f"{label}={value}") for m in markup.shown(at) for label, value in FIGURE.findall(m)]
    return "\n".join(parts)


def test_overview_is_the_default_page_with_generated_summary_in_latvian():
    at = run("pages/overview.py")
    assert at.title[0].value == "Pārskats"
    body = texts(at)
    assert "pakalpojumus saņēmuši 219 cilvēki (līdz 2019. g. beigām)" in body
    assert "3 no 21 pašvaldībām (Aglonas novads, Vārkavas novads, Zilupes novads)" in body
    assert "Pakalpojumu saņēmēji=219" in body and "Pakalpojumu saņēmēji=94" in body
    assert "Ziņots" in body and "Ievērojami pieaudzis" in body  # status and source under each number


def test_overview_in_english_2023_shows_occupancy_above_the_line():
    at = run("pages/overview.py", {"lang": "en", "year": "2023", "v": "2021"})
    body = texts(at)
    assert "Group-apartment occupancy=> 80 %" in body
    assert "more than 80 % full" in body
    # The region's own count (LPR council, end of 2021: 58) is contradicted by what the municipalities
    # have reported since (at least 62 places open by 2023): the newer sum is shown, as a lower bound.
    assert "Group apartments / group houses: <strong>≥62</strong>" in body
    body_2021 = texts(run("pages/overview.py", {"lang": "en", "year": "2021", "v": "2021"}))
    assert "Group apartments / group houses: <strong>58</strong>" in body_2021  # the region's own, that year
    body_2020 = texts(run("pages/overview.py", {"lang": "en", "year": "2020", "v": "2021"}))
    # A partial sum is marked, never a total.
    assert "Group apartments / group houses: <strong>≥16</strong>" in body_2020


def test_profile_compares_with_the_region_and_lists_sites():
    at = run("pages/pasvaldiba.py", {"lang": "en", "v": "2009", "year": "2019", "atvk": "0050000",
                                  "tg": "adults_grt"})
    assert at.selectbox(key="vs_atvk").value == "0050000"
    table = tables.shown(at)[0]
    row = table[table["Indicator"].str.startswith("Share of assessed persons served · Adults")].iloc[0]
    # Nine municipalities have a share (nobody served is 0 %), but Dagda's rests on 3 people
    # served: hidden for privacy, so it is left out of the average.
    assert row["Value"] == "41.8 %" and row["Municipalities in the average"] == "8 of 21"
    assert row["Latgale range"] == "0–63.6 %"
    assert len(at.get("plotly_chart")) >= 1
    # The group apartments at 18. Novembra iela 354V opened after 2019: not in the 2019 profile.
    assert not any("Service sites" in t.columns for t in tables.shown(at))
    later = run("pages/pasvaldiba.py", {"lang": "en", "v": "2009", "year": "2023", "atvk": "0050000"})
    sites = tables.shown(later)[-1]
    assert "Grupu dzīvokļi, 18. Novembra iela 354V" in sites["Service sites"].tolist()


def test_profile_of_a_unit_without_figures_says_so():
    at = run("pages/pasvaldiba.py", {"lang": "en", "v": "2009", "year": "2019", "atvk": "0761201"})
    assert [i.value for i in at.info] == ["The sources give no figures for this municipality in 2019."]


def test_basket_matrix_marks_provided_planned_and_proposed_services():
    at = run("pages/grozs.py", {"lang": "en", "v": "2021", "year": "2023"})
    matrix = tables.shown(at)[0].set_index("Municipality")
    assert matrix.shape == (9, 8)
    assert matrix.loc["Balvi Municipality", "Group apartments / group houses"] == "✔ provides"
    assert matrix.loc["Krāslava Municipality", "Group apartments / group houses"] == "◐ planned"
    assert matrix.loc["Līvāni Municipality", "Day-care centre"] == "? no data"
    assert (matrix["Social mentor"] == "☆ proposed for 2029").all()


def test_sources_page_lists_formulas_statuses_and_attribution():
    at = run("pages/avoti.py", {"lang": "en"})
    definitions = tables.shown(at)[0]
    occupancy = definitions[definitions["Code"] == "occupancy_rate"].iloc[0]
    assert "occupied places / places × 100" in occupancy["Formula"]
    assert occupancy["More is"] == "neither better nor worse"
    assert definitions[definitions["Code"] == "shortfall"].iloc[0]["More is"] == "worse"
    lv = tables.shown(run("pages/avoti.py", {"lang": "lv"}))[0]
    assert lv[lv["Kods"] == "occupancy_rate"].iloc[0]["Skaidrojums"].startswith("Datos glabā tikai tad")
    assert "EuroGlobalMap" in texts(at)
    records = at.dataframe[-1].value
    assert len(records) == 76  # every source of the dataset, as a whole record
    assert {"Publisher", "Published", "URL", "Kind of source", "Accessed", "Licence"} <= set(records.columns)
    assert "secondary source" in set(records["Kind of source"])


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/karte.py", "pages/pasvaldiba.py", "pages/noslodze.py",
                                  "pages/pieprasijums.py", "pages/grozs.py", "pages/tendences.py", "pages/virziba.py",
                                  "pages/investicijas.py", "pages/avoti.py"])
@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_page_runs_in_both_languages_and_keeps_the_view_in_the_url(page, lang):
    at = run(page, {"lang": lang, "tg": "adults_grt"})
    assert at.query_params["tg"] in ("adults_grt", ["adults_grt"])
    if lang == "en":
        assert at.query_params["lang"] in ("en", ["en"])


def test_occupancy_page_shows_places_against_occupied_and_flags_the_threshold():
    at = run("pages/noslodze.py", {"lang": "en", "v": "2021", "year": "2022", "tg": "adults_grt",
                                    "svc": "group_apartments", "thr": "60"})
    table = tables.shown(at)[0]
    daugavpils = table[table["Municipality"].str.startswith("Daugavpils State City")].iloc[0]
    assert daugavpils["Places"] == "12" and daugavpils["Occupied places"] == "8"
    assert daugavpils["Occupancy"] == "66.7 %" and daugavpils["Above threshold?"] == "⚠ yes"  # threshold 60 %
    preili = table[table["Municipality"].str.startswith("Preiļi")].iloc[0]
    # Places: the sum of its sites open in 2022 (Līči, 16, open since 2021), not the partial sum
    # "≥16" of the old units.
    assert preili["Places"] == "16" and preili["Occupancy"] == "no data" and preili["Year"] == "2021"
    assert len(at.get("plotly_chart")) == 1


def test_occupancy_threshold_from_the_slider_changes_the_flag():
    at = run("pages/noslodze.py", {"lang": "en", "v": "2021", "year": "2022", "tg": "adults_grt",
                                    "svc": "group_apartments"})
    table = tables.shown(at)[0]
    assert table[table["Municipality"].str.startswith("Daugavpils")]["Above threshold?"].tolist() == ["no"]


def test_demand_page_ranks_the_largest_shortfall_first():
    at = run("pages/pieprasijums.py", {"lang": "en", "v": "2009", "year": "2019", "tg": "adults_grt"})
    table = tables.shown(at)[0]
    assert table["Municipality"].tolist()[0].startswith("Daugavpils (republican city)")
    first = table.iloc[0]
    assert first["Persons assessed"] == "67" and first["Persons served"] == "28" and first["Shortfall"] == "39"
    # The sources' words are of 30 June 2023: not in the 2019 view.
    assert "Demand for day-care centre services" not in texts(at)


def test_demand_page_quotes_statements_of_its_year_with_their_date_and_the_sentence_they_lean_on():
    at = run("pages/pieprasijums.py", {"lang": "en", "v": "2021", "year": "2023", "tg": "children_ft"})
    body = texts(at)
    first = body.index("centre services for people with mental disorders is greater than the places")
    then = body.index("The same holds for day")
    assert first < then and "30 Jun 2023" in body[then:]


def test_trends_show_region_and_chosen_municipality_over_the_years():
    at = run("pages/tendences.py", {"lang": "en", "v": "2021", "ind": "persons_served", "tg": "children_ft",
                                 "atvk": "0002000"})
    table = tables.shown(at)[0]
    region = table[table["Municipality"] == "Latgale planning region"]
    assert region["Year"].tolist() == ["2018", "2019", "2020", "2021", "2022"]
    assert region["Value"].tolist() == ["163", "219", "287", "351", "460"]
    city = table[table["Municipality"] == "Daugavpils State City"]
    assert city["Value"].tolist() == ["32", "57", "92", "122"]  # cumulative to the end of 2019, 2020, 2021, 2022
    chart = at.get("plotly_chart")[0]
    assert '"type":"line"' in chart.proto.spec.replace(" ", "") or "2021.5" in chart.proto.spec  # reform marked
    spec = json.loads(chart.proto.spec)
    assert spec["layout"]["showlegend"] is True  # even one series says whose it is
    assert spec["layout"]["annotations"][0]["text"] == "2021 reform"
    assert spec["layout"]["yaxis"]["title"]["text"] == "persons"


def test_charts_use_latvian_decimal_comma_and_space_separator():
    at = run("pages/tendences.py", {"v": "2021", "ind": "persons_served", "tg": "children_ft"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["separators"] == ", "
    assert spec["layout"]["annotations"][0]["text"] == "2021. g. reforma"


def test_investment_in_a_year_before_any_funding_says_which_years_have_it():
    at = run("pages/investicijas.py", {"lang": "en", "v": "2009", "year": "2018"})
    assert any("figures exist for 2019–2023" in i.value for i in at.info)


def test_investment_uses_the_real_day_rate_with_its_source_and_the_users_rate():
    at = run("pages/investicijas.py", {"lang": "en", "v": "2021", "year": "2023", "svc": "group_apartments"})
    assert at.text_input[0].value == "12.02"
    assert any("Rate from the data: 12.02 EUR a day" in c.value for c in at.caption)
    table = tables.shown(at)[0]
    rezekne_nov = table[table["Municipality"] == "Rēzekne Municipality"].iloc[0]
    assert rezekne_nov["Running cost per year, EUR"] == "35,098"  # 8 places × 12.02 × 365
    at.text_input[0].set_value("20").run()
    assert any("entered by the user" in c.value for c in at.caption)
    table = tables.shown(at)[0]
    assert table[table["Municipality"] == "Rēzekne Municipality"].iloc[0]["Running cost per year, EUR"] == "58,400"


def test_investment_without_a_day_rate_says_no_data_not_zero():
    at = run("pages/investicijas.py", {"lang": "en", "v": "2021", "year": "2023", "svc": "day_care_centre"})
    assert at.text_input[0].value == ""
    assert any("no day rate for this service" in c.value for c in at.caption)
    assert set(tables.shown(at)[0]["Running cost per year, EUR"]) == {"no data"}


def test_basket_does_not_count_sites_of_unknown_opening_date_in_early_years():
    at = run("pages/grozs.py", {"lang": "en", "v": "2009", "year": "2019"})
    matrix = tables.shown(at)[0].set_index("Municipality")
    # Daugavpils: "Pīlādzis" opened in January 2022: a site belongs to a year's view only once open,
    # and no source says it was planned in 2019, so 2019 has no figure for it.
    assert matrix.loc["Daugavpils (republican city)", "Family-like care"] == "? no data"
    # …but group apartments are proven by the 2019 figure of persons served (seed 003).
    assert matrix.loc["Daugavpils (republican city)", "Group apartments / group houses"] == "✔ provides"
