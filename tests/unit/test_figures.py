"""The figure layer (latgale_di.analysis.figures): one honest figure per view, and the examples of issue 19
that a new user saw on 5 December, each tried again."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from latgale_di.analysis import figures, investment, occupancy, overview, profile, statements
from latgale_di.analysis.figures import Figure
from latgale_di.analysis.state import YEARS, ViewState
from latgale_di.render import choropleth, map_content
from latgale_di.store import dataset
from latgale_di.territory import boundaries, population

GA = "group_apartments"


@pytest.fixture(scope="module")
def data() -> dataset.Dataset:
    return dataset.load()


@pytest.fixture(scope="module")
def tables(data) -> dict[str, pd.DataFrame]:
    years = sorted(set(YEARS) | set(data.years()))
    return {v: figures.table(data, v, years) for v in boundaries.VINTAGES}


def fig(value=math.nan, qualifier="exact", value_min=math.nan, value_max=math.nan, indicator="persons_served",
        status="reported") -> Figure:
    return Figure(indicator, value, value_min, value_max, qualifier, status, "s", year=2020, as_of=2020)


# --- qualifiers --------------------------------------------------------------------------------


@pytest.mark.parametrize("value, vmin, vmax, status, expected", [
    (12.0, math.nan, math.nan, "reported", "exact"),
    (12.0, math.nan, math.nan, "estimated", "estimate"),
    (12.0, math.nan, math.nan, "incomplete", "at_least"),
    (math.nan, 50.0, 100.0, "reported", "greater_than"),
    (math.nan, 30.0, 40.0, "reported", "range"),
    (math.nan, math.nan, 4.0, "suppressed", "hidden"),
    (math.nan, math.nan, math.nan, "", "missing"),
])
def test_qualifier_says_what_a_row_is(value, vmin, vmax, status, expected):
    assert figures.qualifier_of(value, vmin, vmax, status) == expected


def test_a_partial_sum_is_not_a_figure_but_a_hidden_count_is():
    assert not fig(0.0, "at_least", status="incomplete").has_figure
    assert fig(0.0, "at_least", status="incomplete").known
    assert fig(qualifier="hidden", value_max=4.0, status="suppressed").has_figure
    assert not figures.missing("places", 2020).known


# --- example 1: partial sums are not zeros -----------------------------------------------------


def test_example_1_partial_sums_have_their_own_class_and_do_not_count(data, tables):
    state = ViewState(indicator="persons_served", vintage="2021", target_group="adults_grt", year=2019)
    content = map_content.build(data, tables["2021"], state)
    partial = [v for v in content.views if v.partial]
    assert {v.name for v in partial} >= {"Balvu novads", "Preiļu novads", "Rēzeknes novads"}
    for v in partial:
        assert v.class_index is None
        assert choropleth.fill_colour(v, content.classes) == choropleth.INCOMPLETE_COLOUR
        assert choropleth.fill_colour(v, content.classes) != content.classes.colour(0)
        assert v.label.startswith("≥")
    view = figures.view(figures.of_year(tables["2021"], 2019), "2021", 2019, "adults_grt", "any", "persons_served")
    assert content.with_data == view.with_figure == sum(1 for v in content.views if v.has_data)
    missing = [v for v in content.views if v.qualifier == "missing"]
    assert content.with_data == len(content.views) - len(partial) - len(missing)
    labels = [label for label, _ in choropleth.legend(content.classes, "lv", content.views)]
    assert "nepilnīgs: vismaz …" in labels


# --- example 2: the regional mean honours ">50 %" ----------------------------------------------


def test_example_2_regional_mean_of_shares_is_not_pulled_down_by_leaving_bounds_out(tables):
    compared = profile.comparison(tables["2009"], "0601000", 2019, "2009")  # Dagdas novads, 10 %
    row = compared[(compared["target_group"] == "children_ft") & (compared["indicator"] == "share_served")].iloc[0]
    view = figures.view(figures.of_year(tables["2009"], 2019), "2009", 2019, "children_ft", "any", "share_served")
    bounded = [f for f in view.figures() if f.qualifier == "greater_than"]
    exact = [f.value for f in view.figures() if f.qualifier == "exact"]
    assert bounded, "the source reports some municipalities as >50 %"
    # The mean cannot be lower than the exact values with each ">50 %" at its least.
    least = (sum(exact) + 50 * len(bounded)) / (len(exact) + len(bounded))
    assert row["region_mean"] == pytest.approx(least)
    assert row["region_mean"] > 2.5 + 10
    assert row["region_mean_high"] > row["region_mean"]  # said as an interval, not one number
    assert row["region_max"] >= 50
    assert int(row["units_with_data"]) == len(exact) + len(bounded)


# --- example 3: per place only within one project ------------------------------------------------


def test_example_3_funding_per_place_divides_a_project_by_its_own_planned_places(data, tables):
    rate = investment.day_rate_from_data(data.observations, GA)
    rows = investment.by_municipality(tables["2021"], population.denominators(data.population, "2021"), 2023, GA,
                                      rate).set_index("atvk")
    rezekne = rows.loc["0043000"]  # Rēzeknes novads: was 394 142 EUR "per place" (budget ÷ 8 opened)
    assert rezekne["eur_per_place"] == pytest.approx(rezekne["matched_eur"] / rezekne["planned_places"])
    assert rezekne["eur_per_place"] < 100_000
    assert 0 < rezekne["projects_with_places"] < rezekne["projects_total"]  # said on the page
    kraslava = rows.loc["0032000"]  # Krāslavas novads: no planned places on its project's page
    assert math.isnan(kraslava["eur_per_place"]) and kraslava["per_place_reason"] == investment.NO_PLANNED_PLACES
    balvi = rows.loc["0024000"]  # the places shown are the places the running cost is computed on
    assert balvi["running_cost"] == pytest.approx(balvi["service_places"] * rate.value * 365)
    assert balvi["service_places"] == 10


# --- example 4 and 5: places and occupied places agree across pages ------------------------------


def test_example_4_group_apartment_places_are_the_same_on_map_occupancy_and_overview(data, tables):
    state = ViewState(indicator="places", vintage="2021", target_group="adults_grt", service=GA, year=2023)
    content = map_content.build(data, tables["2021"], state)
    on_map = {v.atvk: v.value for v in content.views if v.has_data}
    assert on_map == {"0022000": 16.0, "0024000": 10.0, "0002000": 12.0, "0042000": 16.0, "0043000": 8.0}
    occ = occupancy.by_municipality(tables["2021"], 2023, "adults_grt", GA, 80, "2021")
    occ = occ[occ["atvk"] != boundaries.REGION_CODE].set_index("atvk")["places"].dropna().to_dict()
    assert occ == on_map
    head = next(h for h in overview.headlines(tables["2021"], 2023, "2021") if h.target_group == "adults_grt")
    total = head.places_by_service[GA]
    assert total.value == sum(on_map.values()) and total.qualifier == "at_least"
    assert content.region is not None and content.region.value == total.value
    assert total.units_with_data == len(on_map)


def test_example_4_stocks_carry_forward_with_their_year(tables):
    view = figures.view(figures.of_year(tables["2021"], 2023), "2021", 2023, "adults_grt", GA, "places")
    balvi = view.units["0024000"]
    assert balvi.value == 10 and balvi.as_of == 2021 and balvi.carried


def test_example_5_occupied_places_by_municipality_agree_with_the_sites(tables):
    occ = occupancy.by_municipality(tables["2021"], 2023, "adults_grt", GA, 80, "2021").set_index("atvk")
    daugavpils = occ.loc["0002000"]
    assert daugavpils["occupied_places"] == 8 and daugavpils["places"] == 12
    assert daugavpils["occupancy_rate"] == pytest.approx(8 / 12 * 100)


# --- example 6: legends without degenerate or empty classes -------------------------------------


def test_example_6_a_view_without_data_has_only_the_no_data_legend(data, tables):
    state = ViewState(indicator="places", vintage="2021", target_group="children_ft", service="respite_care",
                      year=2016)
    content = map_content.build(data, tables["2021"], state)
    assert [label for label, _ in choropleth.legend(content.classes, "en", content.views)] == ["no data"]


@pytest.mark.parametrize("values", [[10, 12, 16, 8], [1, 2, 3, 4, 5, 6, 7, 8, 30], [3], [0, 5, 5, 5], []])
def test_count_classes_are_never_degenerate(values):
    classes = choropleth.classes_for("places", pd.Series(values, dtype=float))
    labels = classes.labels("en")
    assert not any(lab.split("–")[0] == lab.split("–")[-1] and "–" in lab for lab in labels)
    assert len(classes.breaks) <= len(set(v for v in values if v > 0))
    for v in values:  # every value falls in a class whose label it belongs to
        assert 0 <= classes.index(v) < len(classes.palette)


def test_legend_lists_only_classes_that_units_fall_into(data, tables):
    state = ViewState(indicator="share_served", vintage="2009", target_group="adults_grt", year=2019)
    content = map_content.build(data, tables["2009"], state)
    used = {v.class_index for v in content.views if v.class_index is not None}
    legend = choropleth.legend(content.classes, "en", content.views)
    class_entries = [e for e in legend if e[0] not in ("no data", "incomplete: at least …", "hidden (privacy)")]
    assert len(class_entries) == len(used)


# --- example 7: one count per view ---------------------------------------------------------------


@pytest.mark.parametrize("vintage", ["2009", "2021"])
def test_example_7_counts_agree_between_card_summary_and_map(data, tables, vintage):
    heads = overview.headlines(tables[vintage], 2019, vintage)
    grt = next(h for h in heads if h.target_group == "adults_grt")
    total = len(boundaries.units(vintage))
    assert grt.units_total == total
    state = ViewState(indicator="persons_served", vintage=vintage, target_group="adults_grt", year=2019)
    content = map_content.build(data, tables[vintage], state)
    assert len(grt.with_service) + len(grt.without_service) == content.with_data
    assert len(grt.unknown) == total - content.with_data
    sentences = overview.summary(heads, 2019, vintage, "en")
    if grt.without_service:
        assert any(s.startswith(f"In {len(grt.without_service)} of {total} municipalities") for s in sentences)
    assert f"For {len(grt.unknown)} of {total} municipalities the sources give no figure." in sentences


# --- example 8: zero is treated alike ----------------------------------------------------------


def test_example_8_nobody_served_is_zero_percent_for_adults_and_children(tables):
    current = figures.of_year(tables["2009"], 2019)
    adults = figures.view(current, "2009", 2019, "adults_grt", "any", "share_served").units["0384400"]
    children = figures.view(current, "2009", 2019, "children_ft", "any", "share_served").units["0604300"]
    assert adults.qualifier == children.qualifier == "exact"
    assert adults.value == children.value == 0


# --- example 9: statements in their year, with the sentence they lean on ------------------------


def test_example_9_statements_only_in_their_year_and_never_alone():
    assert statements.for_view("demand", 2019, "children_ft") == []
    said = statements.for_view("demand", 2023, "children_ft")
    assert [s.id for s in said] == ["demand_grt_day_care", "demand_children_day_care"]
    assert all(s.date == "2023-06-30" for s in said)
    assert statements.for_view("funding", 2019) == []


# --- example 10: sites appear only once open ---------------------------------------------------


def test_example_10_sites_opened_later_are_not_in_an_earlier_year(data):
    in_2019 = figures.sites_in_year(data.facilities, 2019)
    assert "DGV-354V" not in set(in_2019["id"])  # Daugavpils group apartments: not operating in 2019
    assert "BA-VILAKA-GA" not in set(in_2019["id"])  # opened 12 October 2021
    assert "BA-VILAKA-GA" in set(figures.sites_in_year(data.facilities, 2021)["id"])


# --- region sums and spreads: properties ---------------------------------------------------------

_figures = st.lists(st.one_of(
    st.integers(0, 50).map(lambda v: fig(float(v))),
    st.integers(0, 50).map(lambda v: fig(float(v), "at_least", status="incomplete")),
    st.just(figures.missing("persons_served", 2020)),
), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(_figures)
def test_a_partial_sum_is_never_shown_as_exact(units):
    total = figures.region_sum({str(i): f for i, f in enumerate(units)}, "persons_served", 2020)
    all_exact = all(f.qualifier == "exact" for f in units)
    if total.known:
        assert (total.qualifier == "exact") == all_exact
        assert total.value == sum(f.value for f in units if f.qualifier in ("exact", "at_least"))
    else:
        assert not any(f.qualifier in ("exact", "at_least") for f in units)


_shares = st.lists(st.one_of(
    st.floats(0, 100, allow_nan=False).map(lambda v: fig(v, indicator="share_served")),
    st.floats(0, 99, allow_nan=False).map(lambda v: fig(qualifier="greater_than", value_min=v, value_max=100.0,
                                                        indicator="share_served")),
    st.just(figures.missing("share_served", 2020)),
), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(_shares, st.randoms(use_true_random=False))
def test_a_spread_over_bounds_never_falls_below_what_the_bounds_imply(shares, rnd):
    spread = figures.spread(shares)
    usable = [f for f in shares if f.qualifier in ("exact", "greater_than")]
    if not usable:
        assert spread is None
        return
    # Any truth the bounds allow lies inside the intervals the spread states.
    truth = [f.value if f.qualifier == "exact" else rnd.uniform(f.value_min, 100.0) for f in usable]
    mean = sum(truth) / len(truth)
    assert spread.mean_low <= mean + 1e-9 and mean <= spread.mean_high + 1e-9
    assert spread.min_low <= min(truth) + 1e-9 and min(truth) <= spread.min_high + 1e-9
    assert spread.max_low <= max(truth) + 1e-9 and max(truth) <= spread.max_high + 1e-9
    assert spread.used + spread.left_out == len(shares)


_projects = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(1, 5_000_000),
                               st.lists(st.integers(1, 30), max_size=3), st.integers(0, 40)), min_size=1, max_size=4)


@settings(max_examples=100, deadline=None)
@given(_projects)
def test_per_place_never_mixes_a_budget_with_other_places(projects):
    rows = []
    for i, (unit, eur, planned, opened) in enumerate(projects):
        src = f"project-{i}"
        base = {"year": 2022, "as_of": 2022, "atvk": unit, "vintage": "2021", "target_group": "adults_grt",
                "municipality": unit, "unit": "", "note": src, "value_min": math.nan, "value_max": math.nan,
                "status": "reported", "source": src}
        rows.append({**base, "service": "any", "indicator": "eur", "value": float(eur)})
        for j, p in enumerate(planned):
            rows.append({**base, "service": f"s{j}", "indicator": "planned_places", "value": float(p)})
        rows.append({**base, "service": GA, "indicator": "places", "value": float(opened), "source": "other"})
    table = pd.DataFrame(rows)
    out = investment.by_municipality(table, population.Denominators(pd.DataFrame(
        columns=["atvk", "reference_date", "value", "status", "source"]), "2021"), 2023, GA, None).set_index("atvk")
    for unit in out.index:
        mine = [p for p in projects if p[0] == unit]
        with_places = [p for p in mine if p[2]]
        if with_places:  # only budgets whose own project gives planned places, never opened places
            expected = sum(p[1] for p in with_places) / sum(sum(p[2]) for p in with_places)
            assert out.loc[unit, "eur_per_place"] == pytest.approx(expected)
        else:
            assert math.isnan(out.loc[unit, "eur_per_place"])
        assert out.loc[unit, "projects_with_places"] == len(with_places)
