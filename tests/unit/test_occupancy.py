"""Services & occupancy (latgale_di/analysis/occupancy.py, pages/occupancy.py): places against occupied
places per municipality and per site, occupancy = occupied ÷ places × 100, flagged above the line."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from latgale_di.analysis import figures, occupancy
from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.store import dataset
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE
from tests.handmade import (
    AUGSDAUGAVA,
    BALVI,
    DAUGAVPILS,
    DAY,
    GA,
    KRASLAVA,
    LIVANI,
    LUDZA,
    PREILI,
    REZEKNE,
    REZEKNES_NOV,
    hidden,
    obs,
    site,
    table,
)


def rows_of(t: pd.DataFrame, threshold: float = 80, service: str = GA, year: int = 2023,
            group: str = "adults_grt") -> pd.DataFrame:
    return occupancy.by_municipality(t, year, group, service, threshold, "2021")


def one(rows: pd.DataFrame, atvk: str, service: str = GA) -> pd.Series:
    found = rows[(rows["atvk"] == atvk) & (rows["service"] == service)]
    assert len(found) == 1, found
    return found.iloc[0]


def flag(value: object) -> bool | None:
    """The "above threshold?" cell as the page reads it: yes, no, or unknown (None)."""
    return None if pd.isna(value) else bool(value)


# --- the formula and the flag -----------------------------------------------------------------------


def test_occupancy_is_occupied_over_places_in_percent():
    rows = rows_of(table([obs(DAUGAVPILS, "places", 12), obs(DAUGAVPILS, "occupied_places", 9)]))
    daugavpils = one(rows, DAUGAVPILS)
    assert (daugavpils["places"], daugavpils["occupied_places"]) == (12, 9)
    assert daugavpils["occupancy_rate"] == pytest.approx(75.0)
    assert daugavpils["occupancy_qualifier"] == "exact" and daugavpils["status"] == "derived, reported"


@pytest.mark.parametrize("threshold, flagged", [(70, True), (74.9, True), (75, False), (80, False)])
def test_the_flag_is_strictly_above_the_threshold(threshold, flagged):
    rows = rows_of(table([obs(DAUGAVPILS, "places", 12), obs(DAUGAVPILS, "occupied_places", 9)]), threshold)
    assert flag(one(rows, DAUGAVPILS)["above_threshold"]) is flagged


def test_overcrowding_is_shown_above_100_percent_not_clipped():
    rows = rows_of(table([obs(BALVI, "places", 10), obs(BALVI, "occupied_places", 12)]))
    balvi = one(rows, BALVI)
    assert balvi["occupancy_rate"] == pytest.approx(120.0) and flag(balvi["above_threshold"]) is True


def test_zero_places_give_no_occupancy_not_zero_or_infinity():
    rows = rows_of(table([obs(PREILI, "places", 0), obs(PREILI, "occupied_places", 0)]))
    preili = one(rows, PREILI)
    assert preili["places"] == 0 and math.isnan(preili["occupancy_rate"])
    assert preili["occupancy_qualifier"] == "missing" and flag(preili["above_threshold"]) is None


def test_nobody_in_existing_places_is_zero_percent():
    rows = rows_of(table([obs(PREILI, "places", 8), obs(PREILI, "occupied_places", 0)]))
    preili = one(rows, PREILI)
    assert preili["occupancy_rate"] == 0 and preili["occupancy_qualifier"] == "exact"
    assert flag(preili["above_threshold"]) is False


@settings(max_examples=25, deadline=None)
@given(occupied=st.integers(0, 300), places=st.integers(1, 300), threshold=st.sampled_from([50, 80, 95, 100]))
def test_any_valid_counts_give_a_non_negative_rate_flagged_only_above_the_line(occupied, places, threshold):
    rows = rows_of(table([obs(LUDZA, "places", places), obs(LUDZA, "occupied_places", occupied)]), threshold)
    ludza = one(rows, LUDZA)
    rate = ludza["occupancy_rate"]
    assert rate >= 0 and rate == pytest.approx(occupied / places * 100)
    assert flag(ludza["above_threshold"]) is (occupied / places * 100 > threshold)


# --- which rows: kept, dropped, in which order ------------------------------------------------------


def test_a_unit_with_places_only_is_listed_with_unknown_occupancy_and_a_unit_without_figures_is_not():
    rows = rows_of(table([obs(BALVI, "places", 10), obs(DAUGAVPILS, "places", 12),
                          obs(DAUGAVPILS, "occupied_places", 8)]))
    assert list(rows["atvk"]) == [BALVI, DAUGAVPILS]  # boundary order; Rēzeknes novads etc. left out
    balvi = one(rows, BALVI)
    assert math.isnan(balvi["occupied_places"]) and math.isnan(balvi["occupancy_rate"])
    assert balvi["occupied_qualifier"] == "missing" and flag(balvi["above_threshold"]) is None


def test_only_the_chosen_target_group_counts():
    t = table([obs(REZEKNE, "places", 5, group="children_ft"), obs(REZEKNE, "occupied_places", 5, group="children_ft"),
               obs(LUDZA, "places", 6), obs(LUDZA, "occupied_places", 3)])
    assert list(rows_of(t)["atvk"]) == [LUDZA]
    children = rows_of(t, group="children_ft")
    assert list(children["atvk"]) == [REZEKNE] and children["occupancy_rate"].tolist() == [100.0]


def test_any_service_lists_every_community_service_in_order_and_never_the_institutions():
    t = table([obs(BALVI, "places", 8, service=DAY), obs(BALVI, "places", 10),
               obs(AUGSDAUGAVA, "places", 14, service=DAY), obs(LUDZA, "places", 100, service="institutional_care")])
    rows = rows_of(t, service="any")
    assert list(zip(rows["service"], rows["atvk"])) == [(GA, BALVI), (DAY, AUGSDAUGAVA), (DAY, BALVI)]
    assert set(rows["service"]) <= set(COMMUNITY_SERVICES)


def test_an_empty_view_has_the_columns_and_no_rows():
    empty = rows_of(table([obs(BALVI, "places", 10)]), year=2016)
    assert empty.empty and list(empty.columns) == occupancy.COLUMNS
    assert rows_of(table([])).empty


# --- the region row -----------------------------------------------------------------------------------


def test_the_region_is_listed_only_with_a_sources_own_regional_figure():
    units = [obs(BALVI, "places", 10), obs(DAUGAVPILS, "places", 12), obs(DAUGAVPILS, "occupied_places", 9)]
    assert REGION_CODE not in set(rows_of(table(units))["atvk"])  # a mere sum stays on the overview
    rows = rows_of(table([*units, obs(REGION_CODE, "occupancy_rate", value_min=80, value_max=100)]))
    assert rows["atvk"].iloc[0] == REGION_CODE  # first, before the units
    region = one(rows, REGION_CODE)
    assert region["occupancy_qualifier"] == "greater_than" and region["occupancy_rate"] == 80  # "> 80 %"
    # Its places are the units' sum, which is only a lower bound while most units have none.
    assert region["places"] == 22 and region["places_qualifier"] == "at_least"


@pytest.mark.parametrize("threshold, flagged", [(70, True), (80, True), (90, None)])
def test_a_bound_settles_the_flag_only_when_it_can(threshold, flagged):
    """">80 %" is above a line at 70 or 80, but says nothing about a line at 90."""
    rows = rows_of(table([obs(REGION_CODE, "occupancy_rate", value_min=80, value_max=100)]), threshold)
    assert flag(one(rows, REGION_CODE)["above_threshold"]) is flagged


def test_a_range_entirely_below_the_line_is_not_flagged():
    rows = rows_of(table([obs(REGION_CODE, "occupancy_rate", value_min=60, value_max=70)]), 80)
    region = one(rows, REGION_CODE)
    assert region["occupancy_qualifier"] == "range" and flag(region["above_threshold"]) is False


# --- qualifiers carried through -------------------------------------------------------------------------


def test_an_estimate_stays_an_estimate_and_a_partial_sum_gives_no_rate():
    t = table([obs(LIVANI, "places", 6, status="estimated"), obs(LIVANI, "occupied_places", 5),
               obs(KRASLAVA, "places", 6, status="incomplete"), obs(KRASLAVA, "occupied_places", 5)])
    rows = rows_of(t)
    livani, kraslava = one(rows, LIVANI), one(rows, KRASLAVA)
    assert livani["places_qualifier"] == "estimate" and livani["occupancy_qualifier"] == "estimate"
    assert livani["occupancy_rate"] == pytest.approx(500 / 6) and "estimated" in livani["status"]
    # "At least 6 places": occupancy could be anything up to 83 %, so none is computed.
    assert kraslava["places_qualifier"] == "at_least" and kraslava["occupancy_qualifier"] == "missing"
    assert math.isnan(kraslava["occupancy_rate"]) and flag(kraslava["above_threshold"]) is None


def test_a_hidden_count_hides_the_occupancy_too_and_says_hidden():
    rows = rows_of(table([obs(LUDZA, "places", 8), hidden(LUDZA, "occupied_places")]))
    ludza = one(rows, LUDZA)
    assert ludza["occupied_qualifier"] == ludza["occupancy_qualifier"] == "hidden"
    assert math.isnan(ludza["occupied_places"]) and math.isnan(ludza["occupancy_rate"])
    assert flag(ludza["above_threshold"]) is None and "suppressed" in ludza["status"]


def test_places_carry_forward_with_the_year_they_are_from():
    rows = rows_of(table([obs(AUGSDAUGAVA, "places", 16, year=2021), obs(AUGSDAUGAVA, "occupied_places", 12)]))
    augsdaugava = one(rows, AUGSDAUGAVA)
    assert augsdaugava["places"] == 16 and augsdaugava["places_year"] == 2021
    assert augsdaugava["occupancy_rate"] == pytest.approx(75.0)
    # Occupied places are a flow: they are of their own year, never carried into the next.
    nothing_occupied = rows_of(table([obs(AUGSDAUGAVA, "places", 16), obs(AUGSDAUGAVA, "occupied_places", 12)],
                                     years=[2023, 2024]), year=2024)
    assert math.isnan(one(nothing_occupied, AUGSDAUGAVA)["occupied_places"])


def test_a_unit_without_its_own_figure_gets_the_sum_of_its_open_sites():
    t = table([obs(LUDZA, "places", 6, year=2022)],
              [site("a", REZEKNES_NOV, places=8, occupied=6, opened="2023-05-30"),
               site("b", REZEKNES_NOV, places=4, occupied=4, opened="2022-01-01")], years=[2022, 2023])
    in_2023 = one(rows_of(t), REZEKNES_NOV)
    assert (in_2023["places"], in_2023["occupied_places"]) == (12, 10)
    assert in_2023["occupancy_rate"] == pytest.approx(10 / 12 * 100)
    assert one(rows_of(t, year=2022), REZEKNES_NOV)["places"] == 4  # site a opened in 2023


# --- by site --------------------------------------------------------------------------------------------


def test_sites_get_their_own_occupancy_and_flag_for_the_chosen_group_service_and_year():
    from tests.handmade import dataset as built

    sites = built([], [site("full", BALVI, places=10, occupied=10), site("half", LUDZA, places=10, occupied=5),
                       site("none", PREILI, places=0, occupied=0), site("unknown", LIVANI, places=6),
                       site("later", DAUGAVPILS, places=12, occupied=12, opened="2024-01-01"),
                       site("kids", KRASLAVA, places=4, occupied=4, groups="children_ft"),
                       site("day", AUGSDAUGAVA, services=DAY, places=14, occupied=14),
                       site("vsac", REZEKNES_NOV, services="institutional_care", places=100, occupied=90)]).facilities
    shown = occupancy.sites(sites, "2021", "adults_grt", GA, 80, 2023).set_index("id")
    assert list(shown.index) == ["full", "half", "none", "unknown"]
    assert shown.loc["full", "occupancy_rate"] == 100 and flag(shown.loc["full", "above_threshold"]) is True
    assert shown.loc["half", "occupancy_rate"] == 50 and flag(shown.loc["half", "above_threshold"]) is False
    for sid in ("none", "unknown"):  # no places, or no occupied count: no rate and no flag
        assert math.isnan(shown.loc[sid, "occupancy_rate"]) and flag(shown.loc[sid, "above_threshold"]) is None
    assert shown.loc["half", "unit"] == LUDZA
    assert "later" in set(occupancy.sites(sites, "2021", "adults_grt", GA, 80, 2024)["id"])
    every = occupancy.sites(sites, "2021", "all", "any", 80, 2023)
    assert set(every["id"]) == {"full", "half", "none", "unknown", "kids", "day"}  # never an institution


# --- the shipped data -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> tuple[dataset.Dataset, pd.DataFrame]:
    data = dataset.load()
    return data, figures.table(data, "2021", [2022, 2023])


def test_group_apartment_places_2023_are_the_known_ones_and_the_region_at_least_their_sum(shipped):
    _, t = shipped
    rows = rows_of(t)
    units = rows[rows["atvk"] != REGION_CODE].set_index("atvk")
    assert units["places"].to_dict() == {AUGSDAUGAVA: 16, BALVI: 10, DAUGAVPILS: 12, PREILI: 16, REZEKNES_NOV: 8}
    assert list(units.index) == [a for a in boundaries.units("2021") if a in units.index]
    region = one(rows, REGION_CODE)
    assert region["places"] == 62 and region["places_qualifier"] == "at_least"
    assert region["occupancy_qualifier"] == "greater_than"
    assert flag(region["above_threshold"]) is True  # "more than 80 %"
    daugavpils = units.loc[DAUGAVPILS]
    assert daugavpils["occupancy_rate"] == pytest.approx(8 / 12 * 100)
    assert flag(daugavpils["above_threshold"]) is False
    assert units.loc[BALVI, "places_year"] == 2021  # carried forward from the opening year


def test_the_sites_of_2023_include_the_daugavpils_apartments_and_none_of_2019(shipped):
    data, _ = shipped
    in_2023 = occupancy.sites(data.facilities, "2021", "adults_grt", GA, 80, 2023).set_index("id")
    assert in_2023.loc["DGV-354V", "occupancy_rate"] == pytest.approx(8 / 12 * 100)
    assert occupancy.sites(data.facilities, "2021", "adults_grt", GA, 80, 2019).empty
