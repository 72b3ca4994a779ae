"""The minimum services basket (latgale_di/analysis/basket.py, pages/basket.py and the coverage map):
which municipality provides, plans or lacks each community service, and the two services proposed
for 2029."""

from __future__ import annotations

import pandas as pd
import pytest

from latgale_di.analysis import basket, figures
from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.store import dataset
from latgale_di.territory import boundaries
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
    obs,
    site,
)
from tests.handmade import dataset as built

WORKSHOP = "specialised_workshop"
# A figure for an unrelated unit, so that a dataset of sites alone still has a year to show.
ANCHOR = obs(LIVANI, "persons_assessed", 3, service="any")
# An institution: a site that is in the data but never in the basket (as the shipped VSAC branches).
INSTITUTION = site("vsac", LUDZA, services="institutional_care", opened="")


def states(rows: list[dict], sites: list[dict] = (INSTITUTION,), year: int = 2023, group: str = "all") -> pd.DataFrame:
    data = built(rows, sites)
    t = figures.table(data, "2021", [year])
    return basket.matrix(t, data.facilities, "2021", year, group)


def test_every_unit_in_boundary_order_every_service_and_the_2029_proposals():
    shown = states([ANCHOR])
    assert list(shown.index) == list(boundaries.units("2021"))
    assert list(shown.columns) == [*COMMUNITY_SERVICES, *basket.PROPOSED_2029]
    assert (shown[list(COMMUNITY_SERVICES)] == "unknown").all().all()  # no figure is not "missing"
    assert (shown[list(basket.PROPOSED_2029)] == "proposed").all().all()
    assert set(shown.stack()) <= set(basket.STATES)


def test_a_reported_zero_is_missing_and_a_count_above_zero_is_provided():
    shown = states([obs(PREILI, "persons_served", 0, service=DAY), obs(LUDZA, "places", 0, service=GA),
                    obs(BALVI, "persons_served", 4, service=DAY), obs(DAUGAVPILS, "occupied_places", 6, service=GA)])
    assert shown.loc[PREILI, DAY] == shown.loc[LUDZA, GA] == "missing"
    assert shown.loc[BALVI, DAY] == shown.loc[DAUGAVPILS, GA] == "provided"


def test_planned_places_make_a_service_planned_but_none_planned_does_not():
    shown = states([obs(PREILI, "persons_served", 0, service=DAY), obs(PREILI, "planned_places", 6, service=DAY),
                    obs(BALVI, "planned_places", 0, service=GA),
                    obs(LUDZA, "planned_places", 8, service=GA), obs(LUDZA, "places", 8, service=GA)])
    assert shown.loc[PREILI, DAY] == "planned"  # none today, some planned
    assert shown.loc[BALVI, GA] == "unknown"
    assert shown.loc[LUDZA, GA] == "provided"  # places today beat places planned


def test_sites_count_from_the_year_they_open_and_planned_sites_are_planned():
    sites = [site("open", DAUGAVPILS, opened="2021-05-01"), site("later", AUGSDAUGAVA, opened="2024-02-01"),
             site("plan", REZEKNES_NOV, services=f"{DAY};{WORKSHOP}", opened="", status="planned"),
             site("undated", BALVI, services=DAY, opened=""), INSTITUTION]
    early = states([ANCHOR], sites, year=2022)
    late = states([ANCHOR], sites, year=2023)
    assert early.loc[DAUGAVPILS, GA] == late.loc[DAUGAVPILS, GA] == "provided"
    assert late.loc[AUGSDAUGAVA, GA] == "unknown"  # opens in 2024
    assert late.loc[REZEKNES_NOV, DAY] == late.loc[REZEKNES_NOV, WORKSHOP] == "planned"
    # A site whose opening no source dates is known from 2023, when the sources describe it.
    assert (early.loc[BALVI, DAY], late.loc[BALVI, DAY]) == ("unknown", "provided")
    assert (late.loc[LUDZA, list(COMMUNITY_SERVICES)] == "unknown").all()  # an institution is no basket service


def test_an_operating_site_beats_a_reported_zero():
    shown = states([obs(BALVI, "places", 0, service=DAY)], [site("dcc", BALVI, services=DAY, opened="2023-03-01")])
    assert shown.loc[BALVI, DAY] == "provided"


def test_a_target_group_counts_only_its_own_figures_and_sites():
    rows = [obs(LUDZA, "persons_served", 4, service="respite_care", group="children_ft"),
            obs(KRASLAVA, "persons_served", 5, service=DAY, group="adults_grt")]
    sites = [site("kids", REZEKNE, services=DAY, groups="children_ft"),
             site("both", PREILI, services=DAY, groups="adults_grt;children_ft")]
    children = states(rows, sites, group="children_ft")
    assert children.loc[LUDZA, "respite_care"] == "provided"
    assert children.loc[REZEKNE, DAY] == children.loc[PREILI, DAY] == "provided"
    assert children.loc[KRASLAVA, DAY] == "unknown"  # the adults' centre is not the children's
    adults = states(rows, sites, group="adults_grt")
    assert adults.loc[REZEKNE, DAY] == "unknown" and adults.loc[PREILI, DAY] == "provided"
    everyone = states(rows, sites)
    assert everyone.loc[LUDZA, "respite_care"] == everyone.loc[KRASLAVA, DAY] == "provided"


# --- coverage (the map's "who lacks it" view) ------------------------------------------------------------


def coverage(rows: list[dict], sites: list[dict] = (INSTITUTION,), group: str = "adults_grt", service: str = "any",
             year: int = 2023) -> pd.Series:
    data = built(rows, sites)
    return basket.coverage(figures.table(data, "2021", [year]), data.facilities, "2021", year, group, service)


def test_coverage_of_one_service_is_its_basket_column():
    rows = [obs(PREILI, "persons_served", 0, service=DAY), obs(BALVI, "places", 8, service=DAY)]
    assert coverage(rows, service=DAY).to_dict() == states(rows, group="adults_grt")[DAY].to_dict()


def test_coverage_of_any_service_provided_then_planned_then_nobody_served_then_unknown():
    rows = [obs(BALVI, "places", 8, service=DAY), obs(BALVI, "planned_places", 4, service=GA),
            obs(PREILI, "planned_places", 6, service=GA),
            obs(LIVANI, "persons_served", 0, service="any"),
            obs(LUDZA, "persons_served", 0, service="any", group="children_ft")]
    shown = coverage(rows)
    assert shown[BALVI] == "provided" and shown[PREILI] == "planned"
    assert shown[LIVANI] == "missing"  # a source reports nobody of the group served
    assert shown[LUDZA] == "unknown"  # the children's zero says nothing about the adults
    assert list(shown.index) == list(boundaries.units("2021"))


def test_coverage_for_all_groups_is_provided_where_some_group_was_served():
    # Rēzeknes novads, 2019: no adult with mental disorders served, 19 children served.
    rows = [obs(REZEKNES_NOV, "persons_served", 0, service="any", group="adults_grt"),
            obs(REZEKNES_NOV, "persons_served", 19, service="any", group="children_ft")]
    assert coverage(rows, group="all")[REZEKNES_NOV] == "provided"
    assert coverage(rows, group="adults_grt")[REZEKNES_NOV] == "missing"


# --- the download ---------------------------------------------------------------------------------------


def test_the_long_form_has_one_row_per_unit_and_service_with_the_matrix_state():
    shown = states([obs(BALVI, "places", 8, service=DAY)])
    long = basket.long_form(shown, 2023)
    assert list(long.columns) == ["atvk", "year", "service", "basket"]
    assert len(long) == shown.size and set(long["year"]) == {2023}
    back = long.pivot(index="atvk", columns="service", values="basket")
    assert back.loc[BALVI, DAY] == "provided"
    assert back.reindex(index=shown.index, columns=shown.columns).equals(shown)


# --- the shipped data -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dataset.Dataset:
    return dataset.load()


def test_the_shipped_2023_basket_of_the_nine_municipalities(shipped):
    t = figures.table(shipped, "2021", [2023])
    shown = basket.matrix(t, shipped.facilities, "2021", 2023)
    assert shown.shape == (9, 8)
    assert shown.loc[BALVI, GA] == "provided"  # Viļaka group apartments, open since 2021
    assert shown.loc[KRASLAVA, GA] == "planned"  # Rīgas iela 159, under construction
    assert shown.loc[LIVANI, DAY] == "unknown"
    # Every municipality with group-apartment places in 2023 provides them.
    for atvk in (AUGSDAUGAVA, BALVI, DAUGAVPILS, PREILI, REZEKNES_NOV):
        assert shown.loc[atvk, GA] == "provided", atvk


def test_the_shipped_2019_basket_counts_no_site_before_it_opened(shipped):
    t = figures.table(shipped, "2009", [2019])
    shown = basket.matrix(t, shipped.facilities, "2009", 2019)
    daugavpils = shown.loc["0050000"]
    assert daugavpils["family_like_care"] == "unknown"  # "Pīlādzis" opened in January 2022
    assert daugavpils[GA] == "provided"  # persons served in 2019 (seed 003)


def test_a_count_hidden_for_privacy_is_a_service_provided_and_a_cell_hidden_for_another_says_nothing():
    from latgale_di.confidentiality import privacy

    rows = [obs(BALVI, "persons_served", 3, service=DAY), obs(PREILI, "persons_served", 9, service=DAY),
            obs(AUGSDAUGAVA, "persons_served", 0, service=GA)]
    public = privacy.public(built(rows, [INSTITUTION]))
    t = figures.table(public, "2021", [2023])
    shown = basket.matrix(t, public.facilities, "2021", 2023)
    # 3 is published as 1–4: someone is served, so the service exists (as the profile says).
    assert shown.at[BALVI, DAY] == "provided" and shown.at[PREILI, DAY] == "provided"
    assert shown.at[AUGSDAUGAVA, GA] == "missing"
    hidden_balvi = t[(t["atvk"] == BALVI) & (t["service"] == DAY)]
    assert hidden_balvi["value"].isna().all()  # the count itself stays hidden


def test_a_dataset_without_sites_still_has_a_basket_for_one_group():
    shown = states([obs(BALVI, "places", 8, service=DAY)], sites=[], group="adults_grt")
    assert shown.at[BALVI, DAY] == "provided"


def test_coverage_cites_the_figures_and_sites_it_rests_on():
    rows = [obs(BALVI, "places", 8, service=DAY, source="day-places"),
            obs(PREILI, "planned_places", 6, service=GA, source="plan"),
            obs(LIVANI, "persons_served", 0, service="any", source="zero"),
            obs(LUDZA, "persons_served", 19, service="any", group="children_ft", source="kids"),
            obs(LUDZA, "persons_served", 0, service="any", source="adults-zero")]
    sites = [INSTITUTION, site("ga1", KRASLAVA, services=GA)]
    data = built(rows, sites)
    t = figures.table(data, "2021", [2023])
    shown = basket.coverage_with_sources(t, data.facilities, "2021", 2023, "all", "any")
    assert shown.at[BALVI, "state"] == "provided" and shown.at[BALVI, "source"] == "day-places"
    assert shown.at[PREILI, "state"] == "planned" and shown.at[PREILI, "source"] == "plan"
    assert shown.at[LIVANI, "state"] == "missing" and shown.at[LIVANI, "source"] == "zero"
    # Provided because children were served: their figure is the source, not the adults' zero.
    assert shown.at[LUDZA, "state"] == "provided" and shown.at[LUDZA, "source"] == "kids"
    assert shown.at[KRASLAVA, "state"] == "provided" and shown.at[KRASLAVA, "source"] == "site:ga1"
    assert (shown.loc[shown["state"] == "unknown", "source"] == "").all()
    one = basket.coverage_with_sources(t, data.facilities, "2021", 2023, "all", DAY)
    assert one.at[BALVI, "source"] == "day-places" and one.at[PREILI, "source"] == ""
