"""DI progress (latgale_di/analysis/progress.py and pages/virziba.py): targets, direction by polarity,
cumulative figures kept cumulative, the transition, running costs after the project."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from latgale_di.analysis import figures, progress
from latgale_di.analysis.figures import Figure
from latgale_di.store import dataset
from tests import tables
from tests.apptest.test_app_pages import run, texts

YEARS = list(range(2016, 2025))


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return figures.table(dataset.load(), "2021", YEARS)


def fig(value: float, year: int, qualifier: str = "exact", indicator: str = "persons_served",
        note: str = "") -> Figure:
    return Figure(indicator, value, qualifier=qualifier, status="reported", source="s", note=note, year=year,
                  as_of=year)


def test_a_target_already_exceeded_is_over_100_percent_and_a_rise_is_good():
    p = progress.Progress("LPR", "children_ft", "any", "persons_served", fig(390, 2020, indicator="target_persons"),
                          fig(420, 2023), fig(351, 2021), True)
    assert p.share == pytest.approx(420 / 390 * 100) and p.share > 100
    assert (p.direction, p.assessment, p.change) == ("up", "good", 69)


def test_a_figure_that_fell_is_bad_where_more_is_better_and_good_where_less_is():
    p = progress.Progress("LPR", "adults_grt", "any", "persons_served", fig(389, 2020, indicator="target_persons"),
                          fig(80, 2023), fig(94, 2019), True)
    assert (p.direction, p.assessment) == ("down", "bad")
    assert progress.judge("down", progress.POLARITY["shortfall"]) == "good"
    assert progress.judge("down", progress.INSTITUTIONAL_POLARITY) == "good"


def test_a_missing_latest_figure_gives_no_share_and_no_direction():
    p = progress.Progress("LPR", "adults_grt", "any", "persons_served", fig(389, 2020, indicator="target_persons"),
                          figures.missing("persons_served", 2023), None, False)
    assert math.isnan(p.share) and p.direction == "" and p.assessment == ""


def test_a_partial_latest_figure_gives_a_lower_bound_and_no_change():
    p = progress.Progress("LPR", "adults_grt", "any", "persons_served", fig(389, 2020, indicator="target_persons"),
                          fig(100, 2023, "at_least"), fig(94, 2019), True)
    assert p.share_is_lower_bound and p.share == pytest.approx(100 / 389 * 100)
    assert p.direction == ""  # a lower bound against a figure could be either way


def test_places_planned_by_projects_are_not_a_target_to_divide_by():
    p = progress.Progress("LPR", "adults_grt", "group_apartments", "places",
                          fig(32, 2023, "at_least", "planned_places"), fig(46, 2023, "at_least", "places"), None,
                          False)
    assert not p.comparable and math.isnan(p.share)


def test_the_regions_plan_progress_keeps_cumulative_figures_cumulative(table):
    plan = {(p.target_group, p.measure): p for p in progress.plan_progress(table, "2021", 2023)}
    children = plan[("children_ft", "persons_served")]
    # The 2023 target (533, newspaper; the English page's 3533 is a typo) replaces the DI plan's 390.
    assert children.target.value == 533 and children.target.as_of == 2023
    assert children.latest.value == 460 and children.latest.as_of == 2022
    assert children.cumulative and children.previous.value == 351 and children.assessment == "good"
    adults = plan[("adults_grt", "persons_served")]
    assert adults.target.value == 387 and adults.latest.value == 171 and adults.previous.value == 94
    earlier = {(p.target_group, p.measure): p for p in progress.plan_progress(table, "2021", 2021)}
    assert earlier[("children_ft", "persons_served")].target.value == 390  # the plan as it stood then


def test_the_transition_has_points_only_where_a_source_reports(table):
    moves = progress.transition(table, "2021", "adults_grt")
    institution = moves[moves["series"] == "institution_places"]
    assert institution["year"].tolist() == [2016] and institution["value"].tolist() == [476]  # never carried on
    community = moves[moves["series"] == "community_places"]
    # The region's own count where the council gives one (end of 2021), else a lower bound.
    assert set(community["qualifier"]) <= {"exact", "at_least"}
    assert community.loc[community["year"] == 2021, "qualifier"].tolist() == ["exact"]
    assert community["value"].is_monotonic_increasing


def test_running_costs_only_where_a_day_rate_exists(table):
    costs = progress.running_costs(table, dataset.load().observations, "2021", 2023)
    assert [c.service for c in costs] == ["group_apartments"]
    cost = costs[0]
    assert cost.per_year == pytest.approx(cost.places.value * cost.rate.value * 365)


@pytest.mark.parametrize("lang, reached, words", [("lv", "86 %", "kumulatīvi kopš 2015. g."),
                                                   ("en", "86 %", "cumulative since 2015")])
def test_the_page_shows_targets_direction_and_transition_in_both_languages(lang, reached, words):
    at = run("pages/virziba.py", {"lang": lang, "v": "2021", "year": "2023", "tg": "children_ft"})
    shown = tables.shown(at)[0]
    children = shown.iloc[1]
    assert children.iloc[1] == "533" and words in children.iloc[2] and children.iloc[3] == reached
    assert "↑ 109" in children.iloc[4]
    assert len(at.get("plotly_chart")) == 1
    headings = " ".join(h.value for h in at.subheader)
    assert ("Pēc projekta" if lang == "lv" else "After the project") in headings
    assert "EUR" in texts(at)  # the group apartments' running cost, from their day rate


def test_children_in_care_show_the_published_benchmarks_with_their_source():
    at = run("pages/virziba.py", {"lang": "en", "v": "2021", "year": "2023", "tg": "children_ooc"})
    body = texts(at)
    assert "232" in body and "105" in body and "UNICEF" in body


def test_a_municipality_chosen_on_the_page_is_in_the_shared_link():
    at = run("pages/virziba.py", {"lang": "en", "v": "2021", "year": "2023", "atvk": "0043000"})
    assert at.selectbox(key="vs_atvk").value == "0043000"
    assert at.query_params["atvk"] in ("0043000", ["0043000"])
    region = run("pages/virziba.py", {"lang": "en", "v": "2021", "year": "2023"})
    assert region.selectbox(key="vs_atvk").value == ""
