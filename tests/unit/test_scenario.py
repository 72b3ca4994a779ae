"""The "what if" logic: parsing the URL form, applying place changes honestly, running cost."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from latgale_di.analysis import figures, indicators, investment, scenario
from latgale_di.analysis.investment import DayRate
from latgale_di.analysis.scenario import Change
from latgale_di.analysis.state import ViewState
from latgale_di.render import tables
from latgale_di.render.tables import Column
from latgale_di.store import dataset
from latgale_di.territory import population

GA = "group_apartments"


def table(*rows: tuple) -> pd.DataFrame:
    """A tiny figure table (``figures.table``'s shape) from own-year rows: (year, atvk,
    target_group, service, indicator, value, status), each year's view with stocks carried forward."""
    frame = pd.DataFrame(rows, columns=["year", "atvk", "target_group", "service", "indicator", "value", "status"])
    frame["source"] = "src:" + frame["indicator"]
    frame["note"] = ""
    frame["value_min"] = math.nan
    frame["value_max"] = math.nan
    years = range(int(frame["year"].min()), int(frame["year"].max()) + 2)
    return pd.concat([figures.as_of_rows(frame, y) for y in years], ignore_index=True)


def values(result: pd.DataFrame, indicator: str, atvk: str | None = None) -> pd.Series:
    rows = result[result["indicator"] == indicator]
    if atvk is not None:
        rows = rows[rows["atvk"] == atvk]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# parse / encode


def test_parse_and_encode_round_trip():
    text = "0002000.adults_grt.group_apartments:4,0024000.children_ft.day_care_centre:-2"
    changes = scenario.parse(text)
    assert changes == [Change("0002000", "adults_grt", GA, 4), Change("0024000", "children_ft", "day_care_centre", -2)]
    assert scenario.encode(changes) == text
    assert scenario.parse(scenario.encode(changes)) == changes
    assert scenario.PATTERN.match(text)
    assert ViewState.from_params({"sc": text}).scenario == text  # the URL keeps it


def test_parse_combines_duplicates_drops_zeros_and_keeps_first_order():
    text = ("0024000.adults_grt.group_apartments:3,0002000.adults_grt.group_apartments:+1,"
            "0024000.adults_grt.group_apartments:+2,0002000.adults_grt.group_apartments:-1,"
            "0032000.adults_grt.respite_care:0")
    assert scenario.parse(text) == [Change("0024000", "adults_grt", GA, 5)]
    assert scenario.encode(scenario.parse(text)) == "0024000.adults_grt.group_apartments:5"


def test_a_plus_sign_is_read_but_not_written():
    # "+" in a query string reads as a space, so links carry added places without it.
    assert scenario.parse("0002000.adults_grt.group_apartments:+4") == [Change("0002000", "adults_grt", GA, 4)]
    assert "+" not in scenario.encode([Change("0002000", "adults_grt", GA, 4)])


def test_empty_scenario():
    assert scenario.parse("") == [] and scenario.parse("  ") == []
    assert scenario.encode([]) == ""


@pytest.mark.parametrize("text,message", [
    ("0002000.adults_grt.group_apartments", "part 1"),
    ("2000.adults_grt.group_apartments:+4", "7-digit ATVK"),
    ("0002000.adults_grt.group_apartments:+4,0002000.pets.group_apartments:+1", "unknown target group 'pets'"),
    ("0002000.adults_grt.castles:+1", "unknown service 'castles'"),
    ("0002000.adults_grt.group_apartments:+12345", "is not"),
    ("0002000.adults_grt.group_apartments:+9999,0002000.adults_grt.group_apartments:+1", "at most ±9999"),
])
def test_invalid_scenarios_raise_a_clear_error(text, message):
    with pytest.raises(ValueError, match=message):
        scenario.parse(text)


def test_encode_refuses_a_scenario_too_long_for_a_link():
    many = [Change(f"{i:07d}", "adults_grt", "social_rehabilitation", 1) for i in range(60)]
    with pytest.raises(ValueError, match="too long"):
        scenario.encode(many)


def test_foreign_units():
    changes = [Change("0002000", "adults_grt", GA, 1), Change("0050000", "adults_grt", GA, 1)]
    assert scenario.foreign(changes, ["0002000", "0024000"]) == [changes[1]]


# apply


BASE = table(
    (2022, "0002000", "adults_grt", GA, "places", 12, "reported"),
    (2022, "0002000", "adults_grt", GA, "occupied_places", 8, "reported"),
    (2022, "0002000", "adults_grt", GA, "persons_assessed", 20, "reported"),
    (2021, "0024000", "adults_grt", GA, "places", 10, "reported"),  # a stock of an earlier year
    (2022, "0042000", "adults_grt", GA, "places", 16, "incomplete"),
    (2022, "0050000", "adults_grt", "any", "persons_assessed", 67, "reported"),
    (2022, "0050000", "adults_grt", "any", "persons_served", 28, "reported"),
)


def test_apply_with_known_base_recomputes_occupancy_and_shortfall():
    result = scenario.apply(BASE, [Change("0002000", "adults_grt", GA, 4)], 2022)
    places = values(result, "places")
    assert (places["today"], places["scenario"], places["difference"]) == (12, 16, 4)
    assert places["today_status"] == "reported" and places["status"] == "illustrative"
    occupancy = values(result, "occupancy_rate")
    assert occupancy["today"] == pytest.approx(8 / 12 * 100)
    assert occupancy["scenario"] == pytest.approx(8 / 16 * 100)  # same people, more places
    assert occupancy["difference"] == pytest.approx(50 - 200 / 3)
    assert occupancy["today_status"] == "derived" and occupancy["status"] == "illustrative"
    gap = values(result, "shortfall")
    assert (gap["today"], gap["scenario"], gap["difference"]) == (8, 4, -4)
    assert "src:persons_assessed" in gap["source"] and "src:places" in gap["source"]


def test_apply_does_not_touch_the_table():
    before = BASE.copy()
    scenario.apply(BASE, [Change("0002000", "adults_grt", GA, 100)], 2022)
    pd.testing.assert_frame_equal(BASE, before)


def test_unknown_base_is_a_lower_bound_never_zero():
    result = scenario.apply(BASE, [Change("0043000", "adults_grt", GA, 5)], 2022)
    places = values(result, "places")
    assert math.isnan(places["today"])  # not 0
    assert places["scenario"] == 5 and places["status"] == "incomplete" and places["basis"] == "unknown_base"
    assert math.isnan(places["difference"])
    assert math.isnan(values(result, "occupancy_rate")["scenario"])
    shown = side_by_side(result, "en")
    assert shown["Today"][0] == "no data" and shown["Scenario"][0] == "≥5"


def test_removing_from_an_unknown_base_gives_no_figure():
    result = scenario.apply(BASE, [Change("0043000", "adults_grt", GA, -5)], 2022)
    assert math.isnan(values(result, "places")["scenario"])


def test_places_never_go_below_zero():
    result = scenario.apply(BASE, [Change("0002000", "adults_grt", GA, -30)], 2022)
    places = values(result, "places")
    assert places["scenario"] == 0 and places["difference"] == -12
    assert math.isnan(values(result, "occupancy_rate")["scenario"])  # zero places: no rate, not infinity
    assert values(result, "shortfall")["scenario"] == 20


def test_incomplete_base_stays_a_lower_bound_without_differences():
    result = scenario.apply(BASE, [Change("0042000", "adults_grt", GA, -3)], 2022)
    places = values(result, "places")
    assert places["scenario"] == 13 and places["status"] == "incomplete" and places["basis"] == "lower_bound"
    assert math.isnan(places["difference"])


def test_places_of_an_earlier_year_are_the_base():
    result = scenario.apply(BASE, [Change("0024000", "adults_grt", GA, 2)], 2022)
    places = values(result, "places")
    assert (places["today"], places["scenario"], places["places_year"]) == (10, 12, 2021)


def test_shortfall_from_persons_served_when_places_are_unknown():
    result = scenario.apply(BASE, [Change("0050000", "adults_grt", "any", 10)], 2022)
    gap = values(result, "shortfall")
    assert (gap["today"], gap["scenario"], gap["difference"]) == (39, 29, -10)
    assert gap["basis"] == "served"


def test_places_per_10k_with_real_population():
    data = dataset.load()
    real = indicators.compute(data, vintage="2021")
    dens = population.denominators(data.population, "2021")
    result = scenario.apply(real, [Change("0002000", "adults_grt", GA, 4)], 2022, dens)
    rate = values(result, "places_per_10k")
    pop = dens.get("0002000", 2022).value
    assert rate["today"] == pytest.approx(12 / pop * 10_000)
    assert rate["scenario"] == pytest.approx(16 / pop * 10_000)
    assert values(result, "occupancy_rate")["today"] == pytest.approx(8 / 12 * 100)
    without_population = scenario.apply(real, [Change("0002000", "adults_grt", GA, 4)], 2022)
    assert math.isnan(values(without_population, "places_per_10k")["scenario"])


# running cost


def test_running_cost_formula():
    assert scenario.running_cost(4, 12.02) == pytest.approx(4 * 12.02 * 365)
    assert scenario.running_cost(-2, 10, days=30) == -600
    assert math.isnan(scenario.running_cost(4, math.nan))


def test_rate_choice_says_where_the_rate_came_from():
    real = DayRate(12.02, "preili.lv/grupu-dzivokli", "Līči group apartments (2021)")
    assert investment.choose_rate(real, 12.02).origin == "data"
    assert investment.choose_rate(real, 12.02).source == "preili.lv/grupu-dzivokli"
    user = investment.choose_rate(real, 30.0)
    assert (user.origin, user.value, user.source) == ("user", 30.0, "")
    assert investment.choose_rate(None, None).origin == "none"


def test_costs_per_service_and_total():
    changes = [Change("0002000", "adults_grt", GA, 4), Change("0043000", "adults_grt", GA, 2),
               Change("0024000", "adults_grt", "day_care_centre", 3)]
    result = scenario.apply(BASE, changes, 2022)
    assert scenario.places_delta(result) == {GA: 6, "day_care_centre": 3}
    rates = {GA: investment.RateChoice(12.02, "data")}
    rows = scenario.costs(result, rates)
    assert rows.set_index("service").loc[GA, "cost"] == pytest.approx(6 * 12.02 * 365)
    assert math.isnan(scenario.total_cost(rows))  # day-care centres have no rate: no total, never 0
    rates["day_care_centre"] = investment.RateChoice(20.0, "user")
    assert scenario.total_cost(scenario.costs(result, rates)) == pytest.approx((6 * 12.02 + 3 * 20) * 365)


def test_removal_beyond_the_base_costs_only_what_exists():
    result = scenario.apply(BASE, [Change("0002000", "adults_grt", GA, -30)], 2022)
    assert scenario.places_delta(result) == {GA: -12}


def test_display_uses_latvian_numbers_and_signs():
    result = scenario.apply(BASE, [Change("0002000", "adults_grt", GA, 4)], 2022)
    shown = pd.DataFrame(side_by_side(result, "lv"))
    occupancy = shown[shown["Rādītājs"] == "Noslodze"].iloc[0]
    assert (occupancy["Šodien"], occupancy["Scenārijā"], occupancy["Starpība"]) == ("66,7 %", "50 %", "−16,7 pp")
    assert occupancy["Scenārija statuss"] == "Ilustratīvs"
    assert tables.signed_cell(17549.2, "EUR", "lv", decimals=0) == "+17\u00a0549"


def side_by_side(result: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The page's side-by-side columns (pages/scenarijs.py), through the one table path."""
    return tables.screen(result, [
        Column("indicator"), Column("today", "sc_today", unit_from="unit", status="today_status"),
        Column("scenario", "sc_scenario", unit_from="unit", status="status"),
        Column("difference", "sc_difference", unit_from="unit", signed=True),
        Column("status", "sc_scenario_status"),
    ], lang, {}, tables.References()).cells
