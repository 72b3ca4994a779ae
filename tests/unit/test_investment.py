"""Investment & sustainability (latgale_di/analysis/investment.py, pages/investment.py): funding per
municipality, per resident and per planned place of the same project, and what running the places
costs a year (places × day rate × 365)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from latgale_di.analysis import figures, investment
from latgale_di.store import dataset
from latgale_di.territory import population
from latgale_di.territory.boundaries import REGION_CODE
from tests.handmade import BALVI, DAUGAVPILS, DAY, GA, LUDZA, PREILI, REZEKNES_NOV, obs
from tests.handmade import dataset as built

YEARS = list(range(2019, 2025))


def resident(atvk: str, value: int) -> dict:
    return {"atvk": atvk, "vintage": "2021", "reference_date": "2024-01-01", "age_group": "total", "value": value,
            "status": "reported", "source": "csp", "statistic": "csp_usual", "note": ""}


def project(atvk: str, eur: float, source: str, year: int = 2022) -> dict:
    return obs(atvk, "eur", eur, group="all", service="any", source=source, year=year)


def planned(atvk: str, places: float, source: str, service: str = GA, year: int = 2022) -> dict:
    return obs(atvk, "planned_places", places, service=service, source=source, year=year)


def funding(rows: list[dict], year: int = 2023, service: str = GA, rate: investment.DayRate | None = None,
            residents: list[dict] = ()) -> pd.DataFrame:
    data = built(rows, population=residents)
    t = figures.table(data, "2021", YEARS)
    return investment.by_municipality(t, population.denominators(data.population, "2021"), year, service,
                                      rate).set_index("atvk")


RATE = investment.DayRate(12.02, "preili.lv/grupu-dzivokli", "Līči")


# --- running cost ---------------------------------------------------------------------------------------


def test_running_cost_is_places_times_day_rate_times_365():
    assert investment.running_cost(8, 12.02) == pytest.approx(35_098.4)
    assert investment.running_cost(10, 20, days=30) == 6_000
    assert investment.running_cost(0, 12.02) == 0  # no places cost nothing: a figure, not a gap


@pytest.mark.parametrize("places, rate", [(math.nan, 12.0), (8, math.nan), (None, 12.0), (8, None)])
def test_running_cost_without_places_or_a_rate_is_unknown_never_zero(places, rate):
    assert math.isnan(investment.running_cost(places, rate))


# --- the day rate from the data -----------------------------------------------------------------------


def test_the_day_rate_is_the_latest_reported_for_that_service():
    observations = built([obs(PREILI, "eur_per_day", 12.02, year=2021, source="a"),
                          obs(PREILI, "eur_per_day", 15.0, year=2023, source="b"),
                          obs(LUDZA, "eur_per_day", value_min=10, year=2024, source="bound only"),
                          obs(PREILI, "eur_per_day", 30.0, service=DAY, year=2024, source="c")]).observations
    rate = investment.day_rate_from_data(observations, GA)
    assert (rate.value, rate.source, rate.year) == (15.0, "b", 2023)
    assert investment.day_rate_from_data(observations, DAY).value == 30.0
    assert investment.day_rate_from_data(observations, "respite_care") is None


# --- funding years and the region's own funding ---------------------------------------------------------


def test_funding_years_span_the_municipal_figures_only():
    t = figures.table(built([project(BALVI, 1e6, "p1", 2020), project(LUDZA, 5e5, "p2", 2022),
                             project(REGION_CODE, 8e6, "esf", 2024)]), "2021", YEARS)
    assert investment.funding_years(t) == (2020, 2022)  # the region's 2024 figure is not a municipality's
    assert investment.funding_years(figures.table(built([obs(BALVI, "places", 10)]), "2021", YEARS)) is None


def test_the_regions_funding_is_listed_in_its_own_years_up_to_the_view():
    t = figures.table(built([project(REGION_CODE, 7e6, "esf1", 2021), project(REGION_CODE, 8e6, "esf2", 2023),
                             project(BALVI, 1e6, "p1", 2021)]), "2021", YEARS)
    shown = investment.region_funding(t, 2022)
    assert shown[["year", "value"]].values.tolist() == [[2021, 7e6]]  # not carried into 2022, not 2023's
    assert investment.region_funding(t, 2023)["value"].tolist() == [7e6, 8e6]


# --- by municipality --------------------------------------------------------------------------------------


def test_funding_sums_a_units_projects_up_to_the_year_and_divides_by_its_residents():
    rows = funding([project(BALVI, 1_000_000, "p1", 2020), project(BALVI, 600_000, "p2", 2022),
                    project(BALVI, 999, "p3", 2024)], residents=[resident(BALVI, 20_000)])
    balvi = rows.loc[BALVI]
    assert balvi["eur"] == 1_600_000 and balvi["projects_total"] == 2  # 2024's project is not yet in 2023
    assert balvi["eur_per_resident"] == pytest.approx(80.0)


def test_per_place_divides_only_budgets_by_the_places_their_own_project_plans():
    rows = funding([project(BALVI, 1_000_000, "p1"), planned(BALVI, 8, "p1"), planned(BALVI, 4, "p1", DAY),
                    project(BALVI, 600_000, "p2"),  # gives no planned places
                    obs(BALVI, "places", 10, year=2021)])
    balvi = rows.loc[BALVI]
    assert balvi["planned_places"] == 12 and balvi["matched_eur"] == 1_000_000
    assert balvi["eur_per_place"] == pytest.approx(1_000_000 / 12)  # never 1.6 M ÷ 10 opened places
    assert (balvi["projects_with_places"], balvi["projects_total"]) == (1, 2)
    assert balvi["per_place_reason"] == ""


def test_without_planned_places_or_funding_there_is_no_per_place_figure_and_the_reason_says_why():
    rows = funding([project(LUDZA, 500_000, "p4"), obs(DAUGAVPILS, "places", 12, year=2022)])
    assert math.isnan(rows.loc[LUDZA, "eur_per_place"])
    assert rows.loc[LUDZA, "per_place_reason"] == investment.NO_PLANNED_PLACES
    assert math.isnan(rows.loc[DAUGAVPILS, "eur"]) and math.isnan(rows.loc[DAUGAVPILS, "eur_per_place"])
    assert rows.loc[DAUGAVPILS, "per_place_reason"] == investment.NO_FUNDING
    assert math.isnan(rows.loc[LUDZA, "eur_per_resident"])  # no population: no rate, not 0


def test_running_cost_is_on_the_services_places_as_of_the_year():
    rows = funding([obs(BALVI, "places", 10, year=2021), obs(DAUGAVPILS, "places", 12, year=2022),
                    obs(DAUGAVPILS, "places", 30, group="all", year=2022),  # an all-groups total: not added
                    obs(PREILI, "places", 5, service=DAY, year=2022),  # another service
                    obs(REGION_CODE, "places", 58, year=2021)], rate=RATE)
    assert list(rows.index) == [DAUGAVPILS, BALVI]  # ATVK code order; Preiļi and the region not listed
    assert rows.loc[BALVI, "service_places"] == 10 and rows.loc[BALVI, "places_year"] == 2021
    assert rows.loc[DAUGAVPILS, "service_places"] == 12
    assert rows.loc[BALVI, "running_cost"] == pytest.approx(10 * 12.02 * 365)
    no_rate = funding([obs(BALVI, "places", 10, year=2021)], rate=None)
    assert math.isnan(no_rate.loc[BALVI, "running_cost"])


def test_a_year_with_no_funding_and_no_places_has_no_rows():
    assert funding([project(BALVI, 1e6, "p1", 2024)], year=2023).empty


# --- the shipped data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> tuple[dataset.Dataset, pd.DataFrame]:
    data = dataset.load()
    return data, figures.table(data, "2021", YEARS)


def test_the_shipped_day_rate_and_running_costs_of_the_group_apartments(shipped):
    data, t = shipped
    rate = investment.day_rate_from_data(data.observations, GA)
    assert (rate.value, rate.source) == (12.02, "preili.lv/grupu-dzivokli")
    rows = investment.by_municipality(t, population.denominators(data.population, "2021"), 2023, GA,
                                      rate).set_index("atvk")
    assert rows.loc[REZEKNES_NOV, "running_cost"] == pytest.approx(8 * 12.02 * 365)  # 35 098 EUR on the page
    assert rows.loc[BALVI, "service_places"] == 10 and rows.loc[BALVI, "per_place_reason"] == investment.NO_FUNDING
    assert investment.funding_years(t) == (2019, 2023)
    assert investment.region_funding(t, 2023)["value"].tolist() == [8_596_069]  # the ESF share
