"""Trends (latgale_di/analysis/trends.py, pages/trends.py): one indicator over the years for the region
and the chosen municipalities, each figure in the year it describes, gaps left as gaps."""

from __future__ import annotations

import pandas as pd
import pytest

from latgale_di.analysis import figures, trends
from latgale_di.core import vocab
from latgale_di.store import dataset
from latgale_di.territory.boundaries import REGION_CODE
from tests.handmade import BALVI, DAUGAVPILS, GA, LUDZA, hidden, obs, table

ANY, CHILDREN = "any", "children_ft"


def served(atvk: str, value: float, year: int, **kw) -> dict:
    return obs(atvk, "persons_served", value, service=ANY, group=CHILDREN, year=year, **kw)


ROWS = [served(REGION_CODE, 163, 2018), served(REGION_CODE, 219, 2019), served(REGION_CODE, 351, 2021),
        served(DAUGAVPILS, 32, 2019), served(DAUGAVPILS, 57, 2020), served(BALVI, 5, 2019),
        obs(DAUGAVPILS, "persons_served", 9, service=ANY, group="adults_grt", year=2019),
        obs(DAUGAVPILS, "persons_assessed", 40, service=ANY, group=CHILDREN, year=2019)]


def series(rows: list[dict], atvks: list[str], indicator: str = "persons_served", group: str = CHILDREN,
           service: str = ANY) -> pd.DataFrame:
    return trends.series(table(rows, years=list(range(2018, 2024))), indicator, group, service, atvks)


def points(frame: pd.DataFrame) -> list[tuple[str, int, float]]:
    return [(a, int(y), v) for a, y, v in zip(frame["atvk"], frame["year"], frame["value"])]


def test_the_region_and_the_chosen_units_only_sorted_by_unit_then_year():
    shown = series(ROWS, [DAUGAVPILS])
    assert points(shown) == [(DAUGAVPILS, 2019, 32), (DAUGAVPILS, 2020, 57),
                             (REGION_CODE, 2018, 163), (REGION_CODE, 2019, 219), (REGION_CODE, 2021, 351)]
    assert set(shown["indicator"]) == {"persons_served"} and set(shown["target_group"]) == {CHILDREN}
    assert list(shown.index) == list(range(len(shown)))


def test_nothing_chosen_shows_the_region_alone():
    assert set(series(ROWS, [])["atvk"]) == {REGION_CODE}


def test_a_missing_year_stays_missing_no_point_is_interpolated():
    years = series(ROWS, [])["year"].tolist()
    assert years == [2018, 2019, 2021]  # 2020 has no regional figure: no point between 219 and 351


def test_a_stock_appears_in_the_year_it_describes_and_is_not_repeated():
    shown = series([obs(REGION_CODE, "places", 58, year=2021), obs(BALVI, "places", 10, year=2021),
                    obs(BALVI, "places", 12, year=2023)], [BALVI], "places", "adults_grt", GA)
    # The figure table carries 58 and 10 into 2022 and 2023; the trend shows each once, in 2021.
    assert points(shown) == [(BALVI, 2021, 10), (BALVI, 2023, 12), (REGION_CODE, 2021, 58)]
    assert (shown["as_of"] == shown["year"]).all()


def test_a_bound_is_a_point_of_the_series_with_its_bound():
    shown = series([obs(REGION_CODE, "share_served", value_min=50, value_max=100, service=ANY, group=CHILDREN,
                        year=2020)], [], "share_served")
    assert len(shown) == 1 and shown.iloc[0]["value_min"] == 50 and pd.isna(shown.iloc[0]["value"])


def test_a_hidden_count_is_listed_with_its_bound_and_never_drawn_as_a_number():
    shown = series([*ROWS, hidden(LUDZA, "persons_served", service=ANY, group=CHILDREN, year=2019)], [LUDZA])
    ludza = shown[shown["atvk"] == LUDZA]
    # Listed, as the profile lists it ("<5", hidden for privacy), so that it does not read as no figure …
    assert len(ludza) == 1 and ludza.iloc[0]["status"] == vocab.SUPPRESSED and ludza.iloc[0]["value_max"] == 4
    # … but it has no value a chart could draw.
    assert ludza["value"].isna().all() and ludza["value_min"].isna().all()
    assert not (shown["value"] == 0).any()


def test_an_indicator_without_figures_gives_an_empty_series():
    assert series(ROWS, [DAUGAVPILS], "places_per_10k").empty
    assert series([], [DAUGAVPILS]).empty


def test_the_shipped_childrens_services_over_the_years():
    t = figures.table(dataset.load(), "2021", list(range(2016, 2025)))
    shown = trends.series(t, "persons_served", CHILDREN, ANY, [DAUGAVPILS])
    region = shown[shown["atvk"] == REGION_CODE]
    assert points(region) == [(REGION_CODE, y, v) for y, v in
                              zip(range(2018, 2023), (163, 219, 287, 351, 460))]
    city = shown[shown["atvk"] == DAUGAVPILS]
    # Cumulative counts to the end of 2019–2022; up to the reform, converted from the 2009 city.
    assert city["value"].tolist() == [32, 57, 92, 122]
    assert city["year"].tolist() == [2019, 2020, 2021, 2022]
    assert set(city.loc[city["year"] <= trends.REFORM_YEAR, "status"]) == {"derived"}


@pytest.mark.parametrize("atvks", [[BALVI], [BALVI, DAUGAVPILS]])
def test_units_not_chosen_are_never_in_the_series(atvks):
    assert set(series(ROWS, atvks)["atvk"]) <= {REGION_CODE, *atvks}
    assert BALVI in set(series(ROWS, atvks)["atvk"])
