"""Metric formulas: the edge cases a reader would notice."""

import math

import pandas as pd
import pytest

from latgale_di.analysis import metrics


def test_occupancy_is_occupied_over_places_in_percent():
    assert metrics.occupancy_rate(8, 12) == pytest.approx(66.6667, rel=1e-4)


def test_occupancy_over_100_percent_is_shown_not_clipped():
    assert metrics.occupancy_rate(18, 12) == pytest.approx(150.0)


def test_zero_places_gives_missing_occupancy_not_infinity_or_zero():
    assert math.isnan(metrics.occupancy_rate(3, 0))
    assert math.isnan(metrics.occupancy_rate(0, 0))


def test_missing_input_gives_missing_result_never_zero():
    assert math.isnan(metrics.occupancy_rate(None, 10))
    assert math.isnan(metrics.share_served(5, None))
    assert math.isnan(metrics.shortfall(None, 10))
    assert math.isnan(metrics.shortfall(10, float("nan")))
    assert math.isnan(metrics.per_10k(5, None))


def test_threshold_flag_is_strictly_above_and_missing_stays_missing():
    assert metrics.above_threshold(80.0) is False
    assert metrics.above_threshold(80.1) is True
    assert metrics.above_threshold(95.0, threshold_pct=90) is True
    assert metrics.above_threshold(float("nan")) is pd.NA
    flags = metrics.above_threshold(pd.Series([50.0, 85.0, None]))
    assert flags.tolist()[:2] == [False, True] and pd.isna(flags.iloc[2])


def test_share_served_daugavpils_2019():
    # Seed 003: 28 of 67 assessed adults with GRT in Daugavpils had started services.
    assert metrics.share_served(28, 67) == pytest.approx(41.79, abs=0.01)


def test_shortfall_is_never_negative():
    assert metrics.shortfall(67, 28) == 39
    assert metrics.shortfall(10, 16) == 0


def test_shortfall_percent_of_demand():
    assert metrics.shortfall_pct(67, 28) == pytest.approx(58.21, abs=0.01)
    assert metrics.shortfall_pct(10, 16) == 0
    assert math.isnan(metrics.shortfall_pct(0, 5))  # no demand: a share of nothing is undefined
    assert math.isnan(metrics.shortfall_pct(None, 5))


def test_rate_per_10k_residents():
    assert metrics.per_10k(16, 16_239) == pytest.approx(9.853, abs=1e-3)
    assert math.isnan(metrics.per_10k(16, 0))


def test_vectorised_series_keep_index_and_missing():
    occupied = pd.Series([8.0, None, 5.0], index=["a", "b", "c"])
    places = pd.Series([12.0, 10.0, 0.0], index=["a", "b", "c"])
    out = metrics.occupancy_rate(occupied, places)
    assert list(out.index) == ["a", "b", "c"]
    assert out["a"] == pytest.approx(66.667, abs=1e-3)
    assert math.isnan(out["b"]) and math.isnan(out["c"])


def test_the_sources_page_formula_is_the_one_each_function_documents():
    assert metrics.formula("occupancy_rate") == "occupied_places / places × 100"
    assert metrics.formula("shortfall") == "max(0, demand − supply)"  # not cut at "e.g."
    assert metrics.formula("places_per_10k") == metrics.formula("served_per_10k") == "count / population × 10 000"
    assert metrics.formula("places") is None  # reported, not computed
