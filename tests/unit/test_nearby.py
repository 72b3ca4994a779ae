"""Pages never leave a reader at "no figures": they open on a view with figures, or name the
nearby choices that have some (latgale_di/analysis/nearby.py, components/nearby.py)."""

from __future__ import annotations

import pytest

from latgale_di.analysis import figures, nearby
from latgale_di.analysis.state import YEARS, ViewState
from latgale_di.store import dataset
from latgale_di.territory import boundaries

NOTICE = 'class="di-notice"'


@pytest.fixture(scope="module")
def keys() -> set[nearby.Key]:
    data = dataset.load()
    tables = {v: figures.table(data, v, list(YEARS)) for v in boundaries.VINTAGES}
    return nearby.available(tables, ["places", "occupied_places", "occupancy_rate"], any_means_all=True)


def test_nearby_views_are_one_change_away_first_and_all_have_figures(keys):
    state = ViewState(year=2019, target_group="children_ooc")
    found = nearby.nearby(state, keys, limit=10, services=nearby.COMMUNITY_CHOICES)
    assert found and all(nearby.has_figures(v, keys) for v in found)
    changes = [sum(getattr(v, f) != getattr(state, f) for f in ("year", "target_group", "service", "vintage"))
               for v in found]
    assert changes == sorted(changes) and max(changes) <= 2
    assert all(v.service in nearby.COMMUNITY_CHOICES for v in found)  # never an institution


def test_a_view_with_figures_opens_as_it_is(keys):
    state = ViewState(year=2023, target_group="adults_grt", service="group_apartments", vintage="2021")
    assert nearby.opening_view(state, keys) == state
