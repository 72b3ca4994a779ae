"""Pages never leave a reader at "no figures": they open on a view with figures, or name the
nearby choices that have some (latgale_di/analysis/nearby.py, components/nearby.py)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from latgale_di.analysis import figures, nearby
from latgale_di.render.state import YEARS, ViewState
from latgale_di.store import dataset
from latgale_di.territory import boundaries
from tests.test_app_pages import run

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


@pytest.mark.parametrize("page", ["pages/occupancy.py", "pages/demand.py"])
def test_pages_opened_with_nothing_chosen_show_figures_and_say_which_view_in_the_address(page):
    at = run(page, {"lang": "en"})
    assert not [m for m in at.markdown if NOTICE in m.value]
    assert len(at.dataframe) >= 1 and len(at.dataframe[0].value) > 0
    # A shared link of what the page opened on opens the same view.
    params = {k: at.query_params[k] for k in at.query_params}
    again = run(page, {k: (v[-1] if isinstance(v, list) else v) for k, v in params.items()})
    assert again.dataframe[0].value.equals(at.dataframe[0].value)


def test_a_chosen_view_without_figures_names_nearby_choices_that_open_with_figures():
    at = run("pages/occupancy.py", {"lang": "en", "tg": "children_ooc", "year": "2018"})
    notice = next(m.value for m in at.markdown if NOTICE in m.value)
    assert "Nearby choices with figures:" in notice
    href = notice.split('href="')[1].split('"')[0].replace("&amp;", "&")
    params = {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}
    opened = run("pages/occupancy.py", params)
    assert len(opened.dataframe) >= 1 and len(opened.dataframe[0].value) > 0
