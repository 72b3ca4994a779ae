"""The overview (latgale_di/analysis/overview.py, pages/overview.py and its headline cards): the
region's figures per target group, the count of municipalities with and without a service, and
the summary sentences written from them."""

from __future__ import annotations

import math

import pytest

from latgale_di.analysis import figures, overview
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
    LUDZA,
    PREILI,
    REZEKNE,
    REZEKNES_NOV,
    hidden,
    obs,
    table,
)

ANY = "any"


def heads(rows: list[dict], year: int = 2023) -> dict[str, overview.GroupHeadline]:
    found = overview.headlines(table(rows), year, "2021")
    assert [h.target_group for h in found] == list(overview.HEADLINE_GROUPS)
    return {h.target_group: h for h in found}


ADULTS = [obs(BALVI, "persons_served", 0, service=ANY), obs(LUDZA, "persons_served", 12, service=ANY),
          hidden(PREILI, "persons_served", service=ANY),
          obs(KRASLAVA, "persons_served", 5, service=ANY, status="incomplete"),
          obs(DAUGAVPILS, "persons_served", 7, service=ANY, status="estimated")]


# --- headlines ------------------------------------------------------------------------------------------


def test_the_region_figure_is_the_sum_of_units_and_at_least_while_some_are_unknown():
    served = heads(ADULTS)["adults_grt"].persons_served
    # 0 + 12 + 7 + at least 5; the hidden count is not added, the unknown units are not zeros.
    assert served.value == 24 and served.qualifier == "at_least"
    assert served.units_total == 9


def test_a_sources_own_regional_figure_is_the_headline():
    served = heads([obs(REZEKNE, "persons_served", 30, service=ANY, group="children_ft"),
                    obs(REGION_CODE, "persons_served", 100, service=ANY, group="children_ft")])["children_ft"]
    assert (served.persons_served.value, served.persons_served.qualifier) == (100, "exact")


def test_no_figure_anywhere_is_no_headline_not_zero():
    nothing = heads(ADULTS)["children_ooc"]
    assert nothing.persons_served is None and nothing.places_by_service == {}
    assert nothing.unknown == tuple(boundaries.units("2021")) and nothing.units_total == 9


def test_units_are_counted_as_without_with_or_unknown_as_the_map_counts_them():
    adults = heads(ADULTS)["adults_grt"]
    assert adults.without_service == (BALVI,)  # a reported zero: nobody had started
    assert adults.with_service == (DAUGAVPILS, LUDZA, PREILI)  # an estimate and a hidden count are figures
    assert adults.unknown == (AUGSDAUGAVA, KRASLAVA, "0036000", REZEKNES_NOV, REZEKNE)  # a partial sum is not
    assert adults.units_total == len(adults.without_service) + len(adults.with_service) + len(adults.unknown) == 9
    assert adults.served_view.with_figure == len(adults.with_service) + len(adults.without_service)


def test_places_per_service_only_where_the_region_has_a_figure():
    adults = heads([obs(BALVI, "places", 10), obs(DAUGAVPILS, "places", 12),
                    obs(AUGSDAUGAVA, "places", 14, service=DAY, year=2021)])["adults_grt"]
    assert set(adults.places_by_service) == {GA, DAY}
    apartments = adults.places_by_service[GA]
    assert apartments.value == 22 and apartments.qualifier == "at_least" and apartments.units_with_data == 2
    assert adults.places_by_service[DAY].as_of == 2021  # a stock carried forward says from when


def test_occupancy_is_on_the_adults_card_only_when_a_source_gives_the_regions_own():
    rows = [obs(DAUGAVPILS, "places", 12), obs(DAUGAVPILS, "occupied_places", 8)]
    assert heads(rows)["adults_grt"].occupancy is None  # units' rates are not a regional rate
    adults = heads([*rows, obs(REGION_CODE, "occupancy_rate", value_min=80, value_max=100)])["adults_grt"]
    assert adults.occupancy.qualifier == "greater_than" and adults.occupancy.value_min == 80
    assert heads([*rows, obs(REGION_CODE, "occupancy_rate", 90, group="children_ft")])["children_ft"].occupancy is None


# --- the summary sentences --------------------------------------------------------------------------------


def test_the_summary_says_at_least_names_the_units_without_and_counts_the_unknown():
    sentences = overview.summary(list(heads(ADULTS).values()), 2023, "2021", "en")
    assert sentences == [
        "Adults with mental disorders (GRT): ≥ 24 people had received services (by the end of 2023).",
        "In 1 of 9 municipalities (Balvi Municipality) nobody in the group “Adults with mental disorders (GRT)” "
        "had started receiving services yet.",
        "For 5 of 9 municipalities the sources give no figure.",
    ]


def test_a_bound_on_occupancy_is_said_as_more_than():
    sentences = overview.summary(list(heads([obs(REGION_CODE, "occupancy_rate", value_min=80,
                                                 value_max=100)]).values()), 2023, "2021", "en")
    assert sentences == ["Group apartments for adults with GRT in the region are more than 80 % full (line: 80 %)."]


def test_with_no_figure_at_all_the_summary_says_so_in_the_language_asked():
    empty = list(heads([obs(BALVI, "places", 10)]).values())
    assert overview.summary(empty, 2023, "2021", "en") == ["The sources give no figure for this year and selection."]
    (latvian,) = overview.summary(empty, 2023, "2021", "lv")
    assert latvian and latvian != "The sources give no figure for this year and selection."


# --- the download ---------------------------------------------------------------------------------------


def test_the_download_holds_the_regions_own_rows_of_the_year_sorted():
    t = table([obs(REGION_CODE, "persons_served", 100, service=ANY, group="children_ft"),
               obs(REGION_CODE, "occupancy_rate", value_min=80, value_max=100),
               obs(REGION_CODE, "places", 58, year=2021), obs(BALVI, "places", 10)], years=[2021, 2023])
    rows = overview.region_rows(t, 2023)
    assert set(rows["atvk"]) == {REGION_CODE} and set(rows["year"]) == {2023}
    assert list(zip(rows["target_group"], rows["indicator"])) == [
        ("adults_grt", "occupancy_rate"), ("adults_grt", "places"), ("children_ft", "persons_served")]
    assert list(rows.index) == [0, 1, 2]
    assert rows.loc[1, "as_of"] == 2021  # the 58 places are the 2021 figure, carried forward


# --- the shipped data -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, object]:
    data = dataset.load()
    return {v: figures.table(data, v, [2019, 2021, 2023]) for v in boundaries.VINTAGES}


def test_shipped_2019_headlines_and_summary_in_latvian(shipped):
    found = {h.target_group: h for h in overview.headlines(shipped["2009"], 2019, "2009")}
    children = found["children_ft"]
    assert children.persons_served.value == 219 and children.persons_served.qualifier == "exact"
    assert children.without_service == ("0604300", "0769101", "0681801")  # Aglona, Vārkava, Zilupe
    sentences = overview.summary(list(found.values()), 2019, "2009", "lv")
    assert any("pakalpojumus saņēmuši 219 cilvēki (līdz 2019. g. beigām)" in s for s in sentences)
    assert any("3 no 21 pašvaldībām (Aglonas novads, Vārkavas novads, Zilupes novads)" in s for s in sentences)


def test_shipped_2023_group_apartments_are_at_least_62_in_five_municipalities(shipped):
    adults = next(h for h in overview.headlines(shipped["2021"], 2023, "2021") if h.target_group == "adults_grt")
    apartments = adults.places_by_service[GA]
    assert apartments.value == 62 and apartments.qualifier == "at_least"
    assert (apartments.units_with_data, apartments.units_total) == (5, 9)
    assert adults.occupancy.qualifier == "greater_than" and adults.occupancy.value_min == 80
    assert math.isnan(adults.occupancy.value)
    in_2021 = next(h for h in overview.headlines(shipped["2021"], 2021, "2021") if h.target_group == "adults_grt")
    assert (in_2021.places_by_service[GA].value, in_2021.places_by_service[GA].qualifier) == (58, "exact")
