"""The indicator table: the figures a minister would quote, with status and source."""

import math

import pytest

from latgale_di.analysis import indicators
from latgale_di.store import dataset


@pytest.fixture(scope="module")
def data():
    return dataset.load()


def one(table, **where):
    mask = True
    for column, value in where.items():
        mask = mask & (table[column] == value)
    rows = table[mask]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_daugavpils_share_served_adults_grt_2019(data):
    table = indicators.compute(data, vintage="2009", year=2019)
    row = one(table, atvk="0050000", target_group="adults_grt", service="any", indicator="share_served")
    assert row["value"] == pytest.approx(28 / 67 * 100)
    assert row["status"] == "derived" and row["unit"] == "%"
    assert row["source"] == "seed:003_570bfe9974c00b71"
    assert row["municipality"] == "Daugavpils"


def test_shortfall_uses_assessed_minus_served_when_places_are_unknown(data):
    table = indicators.compute(data, vintage="2009", year=2019)
    row = one(table, atvk="0050000", target_group="adults_grt", service="any", indicator="shortfall")
    assert row["value"] == 39
    pct = one(table, atvk="0050000", target_group="adults_grt", service="any", indicator="shortfall_pct")
    assert pct["value"] == pytest.approx(39 / 67 * 100)


def test_served_per_10k_uses_population_of_1_january_2020(data):
    table = indicators.compute(data, vintage="2009", year=2019)
    row = one(table, atvk="0050000", target_group="adults_grt", service="any", indicator="served_per_10k")
    assert row["value"] == pytest.approx(28 / 82046 * 10_000)
    assert "2020-01-01" in row["note"]


def test_group_apartment_occupancy_daugavpils(data):
    table = indicators.compute(data, vintage="2021", year=2022)
    row = one(table, atvk="0002000", target_group="adults_grt", service="group_apartments",
              indicator="occupancy_rate")
    assert row["value"] == pytest.approx(8 / 12 * 100)


def test_region_stated_occupancy_keeps_its_bound(data):
    table = indicators.compute(data, vintage="2021", year=2023)
    row = one(table, atvk="LPR", target_group="adults_grt", service="group_apartments", indicator="occupancy_rate")
    assert math.isnan(row["value"]) and row["value_min"] == 80


def test_no_computed_value_from_missing_inputs(data):
    table = indicators.compute(data, vintage="2009", year=2019)
    # Krāslavas novads: 0 adults served, assessed unknown → no shortfall (the gap needs the demand) ...
    assert table[(table["atvk"] == "0600202") & (table["indicator"] == "shortfall")].empty
    # ... but nobody served is 0 % of any number assessed (the zero rule), said in the note.
    share = one(table, atvk="0600202", target_group="adults_grt", service="any", indicator="share_served")
    assert share["value"] == 0 and share["status"] == "derived" and share["note"] == indicators.ZERO_SHARE_NOTE
    assert not table["value"].isin([math.inf, -math.inf]).any()


def test_columns_of_the_indicator_table(data):
    table = indicators.compute(data, vintage="2021")
    assert list(table.columns[:11]) == ["year", "atvk", "municipality", "vintage", "target_group", "service",
                                        "indicator", "value", "unit", "status", "source"]
    assert set(table["status"]) <= {"reported", "derived", "estimated", "incomplete"}


def test_no_ratio_or_difference_from_lower_bounds(data):
    # Ludzas novads (2021 units), 2019: assessed is known for Kārsava only, served for Ludza and
    # Kārsava: both sums are lower bounds, so share served and shortfall must not be computed.
    table = indicators.compute(data, vintage="2021", year=2019)
    ludza = table[(table["atvk"] == "0037000") & (table["target_group"] == "adults_grt")
                  & (table["service"] == "any")]
    assert set(ludza["indicator"]) >= {"persons_served", "persons_assessed"}
    assert not set(ludza["indicator"]) & {"share_served", "shortfall", "shortfall_pct"}
    per_10k = ludza[ludza["indicator"] == "served_per_10k"]
    assert per_10k["status"].tolist() == ["incomplete"]


def test_rows_from_which_nothing_is_computed_still_make_a_table():
    """Places without a population, or a source's own ratio, are figures even when no indicator can be
    computed from them (a small import, a year with bounds only)."""
    from tests.handmade import dataset as built
    from tests.handmade import obs

    table = indicators.compute(built([obs("0024000", "places", 10),
                                      obs("LPR", "occupancy_rate", value_min=80, value_max=100)]), "2021")
    assert sorted(table["indicator"]) == ["occupancy_rate", "places"]
    assert one(table, indicator="places")["value"] == 10
    assert one(table, indicator="occupancy_rate")["value_min"] == 80
