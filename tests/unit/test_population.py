"""Denominators a ministry would cite: one statistic per series, its date, and the right age group."""

from __future__ import annotations

import pandas as pd
import pytest

from latgale_di.analysis import indicators
from latgale_di.core import vocab
from latgale_di.store import dataset
from latgale_di.territory import population


def _table(rows: list[tuple[str, str, str, int, str]]) -> pd.DataFrame:
    """(atvk, reference_date, age_group, value, statistic) rows of 2009 units."""
    return pd.DataFrame([{"atvk": a, "vintage": "2009", "reference_date": d, "age_group": g, "value": float(v),
                          "status": "reported", "source": f"src-{s}", "statistic": s} for a, d, g, v, s in rows])


def test_csp_and_pmlp_are_never_mixed_in_one_series():
    table = _table([("0680200", "2020-01-01", "total", 11920, "csp_usual"),
                    ("0680200", "2022-01-01", "total", 12500, "pmlp_declared")])
    # For 2021 figures the PMLP date (1 Jan 2022) is the closer one, but the series is CSP's.
    found = population.denominators(table, "2009").get("0680200", 2021)
    assert (found.value, found.reference_date, found.statistic) == (11920, "2020-01-01", "csp_usual")
    pmlp = population.denominators(table, "2009", "pmlp_declared").get("0680200", 2019)
    assert (pmlp.value, pmlp.statistic) == (12500, "pmlp_declared")


def test_a_unit_with_only_pmlp_has_no_denominator_in_the_csp_series():
    table = _table([("0680200", "2020-01-01", "total", 11920, "csp_usual"),
                    ("0681000", "2020-01-01", "total", 5506, "pmlp_declared")])
    assert population.denominators(table, "2009").get("0681000", 2019) is None


def test_a_file_without_the_statistic_column_is_one_unspecified_series():
    table = _table([("0680200", "2020-01-01", "total", 11920, "x")]).drop(columns="statistic")
    found = population.denominators(table, "2009").get("0680200", 2019)
    assert found.value == 11920 and found.statistic == "unspecified"
    assert "statistic not stated" in found.note()


def test_childrens_figures_divide_by_children_0_17_when_the_data_hold_them():
    table = _table([("0680200", "2020-01-01", "total", 11920, "csp_usual"),
                    ("0680200", "2020-01-01", "0-17", 2000, "csp_usual")])
    dens = population.target_denominators(table, "2009")
    child, note = dens.get("0680200", 2019, "children_ft")
    assert child.value == 2000 and note == "per 10 000 CSP usual residents, children aged 0–17, on 2020-01-01"
    adult, note = dens.get("0680200", 2019, "adults_grt")
    assert adult.value == 11920
    assert note == ("per 10 000 CSP usual residents, all ages, on 2020-01-01; no count of adults aged 18 and over "
                    "in the data, so all residents")


def test_an_age_band_that_is_not_0_17_is_never_used_for_children():
    # PMLP 7-18 is not 0-17: children's rates fall back to all residents and say so.
    table = _table([("0680200", "2016-01-01", "total", 13000, "pmlp_declared"),
                    ("0680200", "2016-01-01", "7-18", 1500, "pmlp_declared")])
    found, note = population.target_denominators(table, "2009").get("0680200", 2016, "children_ft")
    assert found.value == 13000 and "no count of children aged 0–17" in note


def test_the_shipped_population_says_which_statistic_every_row_is():
    pop = dataset.load().population
    assert set(pop["statistic"]) <= set(vocab.POPULATION_STATISTICS)
    assert not pop.duplicated(["atvk", "vintage", "reference_date", "age_group", "statistic"]).any()
    csp_2020 = pop[(pop["reference_date"] == "2020-01-01") & (pop["statistic"] == "csp_usual")
                   & (pop["vintage"] == "2009") & (pop["age_group"] == "total")]
    assert len(csp_2020) == 21  # every unit of Latgale before the reform
    checked = csp_2020[csp_2020["note"].str.contains("checked: equals the CSP figure")]
    assert set(checked["atvk"]) >= {"0604300", "0384400", "0684901", "0387500", "0681801", "0780200"}
    assert checked["source"].str.startswith("csp-irs030; ").all()
    # PMLP declared residents are kept, as their own statistic.
    assert (pop[pop["source"].str.contains("blis.lps.lv")]["statistic"] == "pmlp_declared").all()


def test_every_per_resident_figure_says_which_statistic_and_date():
    table = indicators.compute(dataset.load(), "2009")
    rates = table[table["indicator"].isin(["served_per_10k", "places_per_10k"])]
    assert not rates.empty
    assert rates["note"].str.match(r"per 10 000 CSP usual residents, .*, on \d{4}-\d{2}-\d{2}").all()
    daugavpils = rates[(rates["atvk"] == "0050000") & (rates["year"] == 2019)
                       & (rates["indicator"] == "served_per_10k") & (rates["target_group"] == "children_ft")]
    assert daugavpils["value"].iloc[0] == pytest.approx(32 / 82046 * 10_000)  # 32 children, CSP 1 Jan 2020
    assert "no count of children aged 0–17 in the data, so all residents" in daugavpils["note"].iloc[0]


def test_no_lead_is_shown_as_sourced():
    """population_leads_unverified.csv holds figures without a visible source: none enters the data."""
    from latgale_di.core.paths import SOURCES_DIR

    assert not (SOURCES_DIR / "population_leads_unverified.csv").exists()
    pop = dataset.load().population
    baltinava_2021 = pop[(pop["atvk"] == "0384400") & (pop["reference_date"].str.startswith("2021"))]
    assert baltinava_2021.empty  # 937 (2021) is only a lead
