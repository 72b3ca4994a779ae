"""One truth per figure, across pages: for a set of views, every page that shows a unit's figure
(map and its table, the map's download, the overview's cards, the occupancy table, the profile)
shows the figure layer's figure for it, with the same marks, and the same count of units with a
figure.

The views are the examples a new user tried on 5 December (issue 19), in both vintages and for
each target group.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from latgale_di.analysis import figures
from latgale_di.analysis.state import YEARS, ViewState
from latgale_di.confidentiality import privacy
from latgale_di.core import formatting, i18n, vocab
from latgale_di.store import dataset
from latgale_di.territory import boundaries
from tests import markup, tables

APP = str(Path(__file__).resolve().parents[2] / "app.py")

VIEWS: list[dict[str, str]] = [
    # example 1: partial sums in 2021 boundaries
    {"v": "2021", "year": "2019", "tg": "adults_grt", "ind": "persons_served"},
    {"v": "2009", "year": "2019", "tg": "adults_grt", "ind": "persons_served"},
    # example 2 and 8: shares with bounds and zeros
    {"v": "2009", "year": "2019", "tg": "children_ft", "ind": "share_served"},
    {"v": "2009", "year": "2019", "tg": "adults_grt", "ind": "share_served"},
    # example 4: group-apartment places carried forward and summed from sites
    {"v": "2021", "year": "2023", "tg": "adults_grt", "svc": "group_apartments", "ind": "places"},
    {"v": "2009", "year": "2023", "tg": "adults_grt", "svc": "group_apartments", "ind": "places"},
    # example 5: occupancy
    {"v": "2021", "year": "2022", "tg": "adults_grt", "svc": "group_apartments", "ind": "occupancy_rate"},
    # example 6: a year with no own figures
    {"v": "2021", "year": "2024", "tg": "children_ft", "ind": "persons_served"},
    {"v": "2021", "year": "2021", "tg": "children_ooc", "svc": "family_like_care", "ind": "places"},
]


def _public() -> dataset.Dataset:
    loaded = dataset.load()
    return privacy.public(loaded)


@pytest.fixture(scope="module")
def expected_tables() -> dict[str, pd.DataFrame]:
    data = _public()
    years = sorted(set(YEARS) | set(data.years()))
    return {v: figures.table(data, v, years) for v in boundaries.VINTAGES}


def _state(params: dict[str, str]) -> ViewState:
    return ViewState(lang="en", indicator=params["ind"], year=int(params["year"]), vintage=params["v"],
                     target_group=params["tg"], service=params.get("svc", "any"))


def _view(tables_: dict[str, pd.DataFrame], state: ViewState) -> figures.View:
    return figures.view(figures.of_year(tables_[state.vintage], state.year), state.vintage, state.year,
                        state.target_group, state.service, state.indicator)


def _run(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"lang": "en", **params}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _shown(fig: figures.Figure) -> str:
    text = formatting.figure_text(fig, "en")
    return text


@pytest.mark.parametrize("params", VIEWS, ids=lambda p: "-".join(p.values()))
def test_map_table_header_and_download_show_the_figure_layers_figures(params, expected_tables):
    state = _state(params)
    view = _view(expected_tables, state)
    at = _run("pages/karte.py", params)
    shown = tables.shown(at)[0]
    label = vocab.INDICATORS[state.indicator].label("en")
    names = boundaries.units(state.vintage)
    for atvk, fig in view.units.items():
        row = shown[shown["Municipality"] == names[atvk].name("en")].iloc[0]
        cell = row[label].replace("⚠ ", "")
        assert cell == _shown(fig), (atvk, fig)
        if fig.known and fig.status:
            assert row["Status"] == vocab.STATUSES[fig.status].label("en")
            assert row["Year"] == str(fig.as_of)  # a stock carried from an earlier year says which
    header = i18n.t("shown_units", "en", n=view.with_figure, total=view.total)
    assert any(header in m for m in markup.shown(at))


@pytest.mark.parametrize("params", VIEWS, ids=lambda p: "-".join(p.values()))
def test_map_download_rows_carry_value_qualifier_and_status(params, expected_tables):
    from latgale_di.render import map_content

    state = _state(params)
    view = _view(expected_tables, state)
    content = map_content.build(_public(), expected_tables[state.vintage], state)
    rows = content.rows.set_index("atvk")
    for atvk, fig in view.units.items():
        row = rows.loc[atvk]
        assert row["qualifier"] == fig.qualifier
        assert row["status"] == fig.status
        assert row["shown"].replace("⚠ ", "") == _shown(fig)
        if fig.qualifier in ("exact", "estimate", "at_least"):
            assert row["value"] == pytest.approx(fig.value)


FIGURE = re.compile(r'<div class="di-figure-label">(.*?)</div><div class="di-figure-value">(.*?)</div>')
ITEM = re.compile(r"<li>(.*?): <strong>(.*?)</strong>")


@pytest.mark.parametrize("vintage, year", [("2009", "2019"), ("2021", "2019"), ("2021", "2023"), ("2009", "2023")])
def test_overview_cards_show_the_region_figures_and_the_maps_counts(vintage, year, expected_tables):
    at = _run("pages/overview.py", {"v": vintage, "year": year})
    cards = [m for m in markup.shown(at) if 'class="di-card"' in m]
    assert len(cards) == 3
    for card, group in zip(cards, ("children_ft", "adults_grt", "children_ooc")):
        state = ViewState(lang="en", indicator="persons_served", year=int(year), vintage=vintage, target_group=group)
        view = _view(expected_tables, state)
        values = {html.unescape(k): html.unescape(v) for k, v in FIGURE.findall(card)}
        served = values["Persons served"]
        assert served == (_shown(view.region) if view.region.known and view.region.value == view.region.value
                          else "no data")
        if "Municipalities with no service" in values:
            assert card.count(i18n.t("shown_units", "en", n=view.with_figure, total=view.total)) == 1
        for service_label, text in ITEM.findall(card):
            service = next(c for c, t in vocab.SERVICES.items() if t.label("en") == html.unescape(service_label))
            places = _view(expected_tables, replace(state, service=service, indicator="places")).region
            assert html.unescape(text).split(" (")[0] == _shown(places)


@pytest.mark.parametrize("vintage, year", [("2021", "2023"), ("2021", "2022"), ("2009", "2023")])
def test_occupancy_table_shows_the_maps_places(vintage, year, expected_tables):
    params = {"v": vintage, "year": year, "tg": "adults_grt", "svc": "group_apartments"}
    at = _run("pages/noslodze.py", params)
    shown = tables.shown(at)[0]
    state = replace(_state({**params, "ind": "places"}))
    view = _view(expected_tables, state)
    names = boundaries.units(vintage)
    for atvk, fig in view.units.items():
        rows = shown[shown["Municipality"] == names[atvk].name("en")]
        if not fig.known:
            assert rows.empty or rows.iloc[0]["Places"] == "no data"
            continue
        assert rows.iloc[0]["Places"] == _shown(fig)


@pytest.mark.parametrize("atvk, vintage, year", [("0050000", "2009", "2019"), ("0002000", "2021", "2023"),
                                                 ("0601000", "2009", "2019")])
def test_profile_values_are_the_maps(atvk, vintage, year, expected_tables):
    at = _run("pages/pasvaldiba.py", {"v": vintage, "year": year, "atvk": atvk})
    shown = tables.shown(at)[0]
    for row in shown.to_dict("records"):
        label, group, service = row["Indicator"].split(" · ")
        indicator = next(c for c, t in vocab.INDICATORS.items() if t.label("en") == label)
        tg = next(c for c, t in vocab.TARGET_GROUPS.items() if t.label("en") == group)
        svc = next(c for c, t in vocab.SERVICES.items() if t.label("en") == service)
        fig = _view(expected_tables, ViewState(lang="en", indicator=indicator, year=int(year), vintage=vintage,
                                               target_group=tg, service=svc)).units[atvk]
        assert row["Value"] == _shown(fig)


@pytest.mark.parametrize("params", [VIEWS[4], VIEWS[0]], ids=lambda p: "-".join(p.values()))
def test_the_command_line_prints_the_figure_layers_figures(params, expected_tables, tmp_path):
    import csv
    import io
    import os
    import subprocess
    import sys

    state = _state(params)
    view = _view(expected_tables, state)
    env = {**os.environ, "LATGALE_DI_DB": str(tmp_path / "store.sqlite3")}
    result = subprocess.run([sys.executable, "-m", "latgale_di", "indicators", "--year", str(state.year), "--vintage",
                             state.vintage, "--format", "csv"], capture_output=True, text=True, env=env,
                            cwd=Path(APP).parent, check=True)
    printed = {r["atvk"]: r for r in csv.DictReader(io.StringIO(result.stdout))
               if r["target_group"] == state.target_group and r["service"] == state.service
               and r["indicator"] == state.indicator}
    for atvk, fig in view.units.items():
        if not fig.known:
            assert atvk not in printed or printed[atvk]["value"] == ""
            continue
        shown = printed[atvk]["value"]
        if fig.qualifier in ("exact", "estimate"):
            assert float(shown) == pytest.approx(fig.value)
        elif fig.qualifier == "at_least":
            assert shown.startswith("≥") or shown.startswith(">=") or printed[atvk]["status"] == "incomplete"
        assert printed[atvk]["status"] == fig.status
