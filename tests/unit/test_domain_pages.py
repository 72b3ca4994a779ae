"""The domain behind the pages, without Streamlit: occupancy, demand, investment, basket, overview,
trends and the tables they are shown in. Each test states a figure or rule a reader of that page
relies on, on the shipped data (as the pages show it, small counts hidden) or on small frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from latgale_di.analysis import basket, demand, figures, investment, metrics, occupancy, overview, trends
from latgale_di.confidentiality import privacy
from latgale_di.render import tables
from latgale_di.render.tables import Column, References
from latgale_di.store import dataset
from latgale_di.territory import boundaries, population
from latgale_di.territory.boundaries import REGION_CODE

GA = "group_apartments"


@pytest.fixture(scope="module")
def data():
    return privacy.public(dataset.load())


@pytest.fixture(scope="module")
def tables_by_vintage(data):
    return {v: figures.table(data, v, list(range(2016, 2025))) for v in boundaries.VINTAGES}


# Occupancy ----------------------------------------------------------------------------------------

def test_occupancy_rows_give_each_units_latest_places_and_the_rate_from_the_same_figures(tables_by_vintage):
    rows = occupancy.by_municipality(tables_by_vintage["2021"], 2023, "adults_grt", GA, 80, "2021")
    by = rows.set_index("atvk")
    # Group-apartment places known by 2023 (2021 boundaries): Augšdaugava 16, Balvi 10,
    # Daugavpils 12, Preiļi 16, Rēzeknes novads 8.
    assert by.loc[["0022000", "0024000", "0002000", "0042000", "0043000"], "places"].tolist() == [16, 10, 12, 16, 8]
    daugavpils = by.loc["0002000"]
    assert daugavpils["occupancy_rate"] == pytest.approx(8 / 12 * 100) and daugavpils["above_threshold"] is False
    assert by.loc["0024000", "places_year"] == 2021  # Balvi's figure is of 2021, carried to 2023, and says so
    # The region's row is a source's own occupancy (> 80 %), never a sum of rates.
    assert by.loc[REGION_CODE, "occupancy_qualifier"] == "greater_than" and by.loc[REGION_CODE, "above_threshold"]


def test_a_unit_with_no_figure_is_left_out_not_shown_as_zero(tables_by_vintage):
    rows = occupancy.by_municipality(tables_by_vintage["2021"], 2023, "adults_grt", GA, 80, "2021")
    assert "0037000" not in set(rows["atvk"])  # Ludza: no group-apartment figure
    assert (rows["places"].dropna() > 0).all()


def test_the_threshold_decides_the_flag_and_an_unknown_rate_stays_unknown(tables_by_vintage):
    low = occupancy.by_municipality(tables_by_vintage["2021"], 2022, "adults_grt", GA, 60, "2021").set_index("atvk")
    high = occupancy.by_municipality(tables_by_vintage["2021"], 2022, "adults_grt", GA, 80, "2021").set_index("atvk")
    assert low.loc["0002000", "above_threshold"] is True and high.loc["0002000", "above_threshold"] is False
    assert low.loc["0042000", "above_threshold"] is pd.NA  # Preiļi: places, no occupied count


def test_sites_keep_a_hidden_small_count_as_a_bound(data):
    sites = occupancy.sites(data.facilities, "2021", "adults_grt", GA, 80, 2023)
    assert {"occupied_qualifier", "occupancy_qualifier", "occupied_max"} <= set(sites.columns)
    hidden = sites[sites["occupied_qualifier"] == "hidden"]
    assert hidden["occupied"].isna().all() and (hidden["occupancy_qualifier"] == "hidden").all()


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_occupancy_is_occupied_over_places_and_never_clipped(occupied, places):
    rate = metrics.occupancy_rate(pd.Series([float(occupied)]), pd.Series([float(places)]))[0]
    assert rate == pytest.approx(occupied / places * 100)
    assert bool(metrics.above_threshold(pd.Series([rate]), 80.0)[0]) == (rate > 80)


# Demand -------------------------------------------------------------------------------------------

def test_demand_ranks_the_largest_shortfall_first_and_never_below_zero(tables_by_vintage):
    rows = demand.ranked(tables_by_vintage["2009"], 2019, "adults_grt")
    assert rows.iloc[0]["atvk"] == "0050000"  # Daugavpils: 67 assessed, 28 served
    assert (rows.iloc[0]["persons_assessed"], rows.iloc[0]["persons_served"], rows.iloc[0]["shortfall"]) == (67, 28, 39)
    assert (rows["shortfall"] >= 0).all() and rows["shortfall"].is_monotonic_decreasing
    assert REGION_CODE not in set(rows["atvk"])


def test_a_year_without_a_shortfall_figure_gives_no_rows(tables_by_vintage):
    assert demand.ranked(tables_by_vintage["2021"], 2016, "children_ft").empty


# Investment ---------------------------------------------------------------------------------------

def test_running_cost_is_places_times_the_day_rate_times_365(tables_by_vintage, data):
    rate = investment.day_rate_from_data(data.observations, GA)
    assert rate is not None and rate.value == pytest.approx(12.02) and rate.year == 2021
    rows = investment.by_municipality(tables_by_vintage["2021"], population.denominators(data.population, "2021"),
                                      2023, GA, rate).set_index("atvk")
    assert rows.loc["0043000", "running_cost"] == pytest.approx(8 * 12.02 * 365)  # Rēzeknes novads, 8 places
    assert investment.total_running_cost(rows.reset_index()) == pytest.approx(rows["running_cost"].sum())


def test_without_a_day_rate_the_cost_is_missing_not_zero(tables_by_vintage, data):
    rows = investment.by_municipality(tables_by_vintage["2021"], population.denominators(data.population, "2021"),
                                      2023, "day_care_centre", None)
    assert rows["running_cost"].isna().all() and math.isnan(investment.total_running_cost(rows))


def test_the_users_rate_and_the_datas_rate_are_told_apart():
    real = investment.DayRate(12.02, "src", "note", 2021)
    assert investment.choose_rate(real, 12.02).origin == "data"
    assert investment.choose_rate(real, 20.0).origin == "user" and investment.choose_rate(real, None).origin == "none"
    assert investment.choose_rate(real, 12.02).day_rate == real
    assert investment.shown_service("any") == GA and investment.shown_service("respite_care") == "respite_care"


# Basket -------------------------------------------------------------------------------------------

def test_the_basket_marks_provided_planned_and_proposed(tables_by_vintage, data):
    matrix = basket.matrix(tables_by_vintage["2021"], data.facilities, "2021", 2023)
    assert matrix.shape == (9, 8) and list(matrix.index) == list(boundaries.units("2021"))
    assert matrix.loc["0024000", GA] == "provided" and (matrix["social_mentor"] == "proposed").all()
    row = basket.of_unit(tables_by_vintage["2021"], data.facilities, "2021", 2023, "0024000")
    assert row.set_index("service").loc[GA, "basket"] == "provided" and len(row) == 8
    assert set(basket.long_form(matrix, 2023)["basket"]) <= set(basket.STATES)


# Overview -----------------------------------------------------------------------------------------

def test_the_overview_says_how_many_were_served_and_where_nobody_was(tables_by_vintage):
    heads = overview.headlines(tables_by_vintage["2009"], 2019, "2009")
    adults = next(h for h in heads if h.target_group == "adults_grt")
    assert adults.persons_served is not None and adults.persons_served.value == 94
    assert adults.units_total == 21 and adults.without_service  # some municipalities served nobody
    sentences = overview.summary(heads, 2019, "2009", "en")
    assert any("94" in s for s in sentences)


# Trends -------------------------------------------------------------------------------------------

def test_a_trend_shows_each_figure_in_its_own_year_and_no_invented_years(tables_by_vintage):
    rows = trends.series(tables_by_vintage["2021"], "persons_served", "children_ft", "any", ["0002000"])
    region = rows[rows["atvk"] == REGION_CODE]
    assert region["year"].tolist() == [2018, 2019, 2020, 2021, 2022]
    assert region["value"].tolist() == [163, 219, 287, 351, 460]
    assert rows.groupby("atvk")["year"].apply(lambda y: y.is_unique).all()


# The one table path -------------------------------------------------------------------------------

def test_the_screen_table_writes_each_figure_with_its_mark_and_numbers_sources_page_wide():
    rows = pd.DataFrame({"atvk": ["0002000", REGION_CODE], "places": [12.0, 62.0],
                         "places_qualifier": ["exact", "at_least"], "source": ["b; a", "a"]})
    refs = References()
    shown = tables.screen(rows, [Column("atvk", "municipality"), Column("places", unit="places",
                                                                        qualifier="places_qualifier"),
                                 Column("source")], "lv", {"0002000": "Daugavpils", REGION_CODE: "Latgale"}, refs)
    assert shown.cells == {"Pašvaldība": ["Daugavpils", "Latgale"], "Vietas": ["12", "≥62"], "Avots": ["[1, 2]", "[2]"]}
    assert refs.ids == ["b", "a"] and shown.numeric == ["Vietas"]


def test_the_download_keeps_numbers_and_the_screen_writes_them(data):
    rows = pd.DataFrame({"atvk": ["0002000"], "occupancy_rate": [66.666], "source": ["x"]})
    download = tables.localise(rows, "lv", {"0002000": "Daugavpils"}, lambda s: f"title of {s}")
    assert download.iloc[0]["Noslodze"] == pytest.approx(66.666) and download.iloc[0]["Avots"] == "title of x"
    screen = tables.screen(rows, [Column("occupancy_rate", unit="%", decimals=1)], "lv", {}, References())
    assert screen.cells == {"Noslodze": ["66,7 %"]}
