"""What a map of one view shows, computed once per view: its rows for the download, the region's
own figure, and the table beside the map, drawn once and then reused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from latgale_di.analysis import figures
from latgale_di.analysis.state import ViewState
from latgale_di.render import map_content
from latgale_di.store import dataset
from latgale_di.territory import boundaries


@pytest.fixture(scope="module")
def loaded():
    ds = dataset.load()
    return ds, {v: figures.table(ds, v, list(range(2016, 2025))) for v in boundaries.VINTAGES}


def test_the_download_rows_are_the_map_one_row_per_municipality(loaded):
    ds, tables = loaded
    state = ViewState()
    content = map_content.build(ds, tables[state.vintage], state)
    rows = content.rows
    assert list(rows["atvk"]) == [v.atvk for v in content.views]
    assert set(rows["year"]) == {state.year} and set(rows["indicator"]) == {state.indicator}
    assert list(rows["shown"]) == [v.label for v in content.views]
    unknown = rows[["value", "value_min", "value_max"]].isna().all(axis=1)
    assert unknown.sum() == sum(1 for v in content.views if not v.has_data) > 0  # "no data" rows stay


def test_the_region_figure_is_the_regions_own_row_or_none_never_zero(loaded):
    ds, tables = loaded
    state = replace(ViewState(), indicator="persons_served", year=2019, target_group="adults_grt",
                    service="group_apartments", vintage="2021")
    content = map_content.build(ds, tables["2021"], state)
    expected = figures.of_year(tables["2021"], 2019)
    expected = expected[(expected["atvk"] == boundaries.REGION_CODE) & (expected["target_group"] == "adults_grt")
                        & (expected["service"] == "group_apartments")
                        & (expected["indicator"] == "persons_served")].iloc[0]
    assert content.region.value == expected["value"] and content.region.qualifier == "exact"
    assert content.region.status == expected["status"] and content.region.source == expected["source"]
    none = map_content.build(ds, tables["2021"], replace(state, year=2017))
    assert none.region is None  # no region row that year and no unit figure: no figure, not a zero


def test_the_table_and_region_figure_are_drawn_once_per_view(loaded):
    from components import map_view
    from components.table import References

    ds, tables = loaded
    state = replace(ViewState(), indicator="persons_served", year=2019, target_group="adults_grt",
                    service="group_apartments", vintage="2021")
    content = map_content.build(ds, tables["2021"], state)
    refs = References()
    table = map_view.table_html(content, state, refs)
    assert table.count('href="pasvaldiba?') == len(content.views)  # each name opens its profile
    assert map_view.table_html(content, state, References()) is table  # the markup of a seen view is reused
    assert refs.ids == list(dict.fromkeys(s for s in content.rows["source"] if s))  # numbered as the table
    region = map_view.region_html(content, state, ds)
    assert 'class="di-figure-value"' in region and map_view.region_html(content, state, ds) is region
    assert map_view.region_html(map_content.build(ds, tables["2021"], replace(state, year=2017)), state, ds) == ""
