"""The meeting story: the steps file is checked as a maintainer edits it, and each takeaway says
what the figure layer says."""

from __future__ import annotations

from pathlib import Path

import pytest

from latgale_di.analysis import figures, meeting
from latgale_di.analysis.state import ViewState
from latgale_di.render import takeaways
from latgale_di.store import dataset
from latgale_di.territory import boundaries

GOOD_STEP = """
  - id: places
    title: {lv: "Vietas", en: "Places"}
    view: {ind: places, year: 2023, v: "2021", tg: adults_grt, svc: group_apartments}
    takeaway: largest
"""


@pytest.fixture(scope="module")
def loaded():
    data = dataset.load()
    return data, {v: figures.table(data, v, list(range(2016, 2025))) for v in boundaries.VINTAGES}


def story(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "meeting.yaml"
    path.write_text("steps:\n" + text, encoding="utf-8")
    return path


def test_the_shipped_story_loads_with_unique_steps_in_both_languages():
    steps = meeting.load()
    assert len(steps) >= 6 and len({s.id for s in steps}) == len(steps)
    assert all(s.title("lv") != s.title("en") for s in steps)
    assert {"map", "progress"} <= {s.show for s in steps}  # DI progress takes part in the meeting


@pytest.mark.parametrize("text, message", [
    (GOOD_STEP.replace("ind: places", "ind: pleces"), "step 1 (places), view.ind: 'pleces' is not a choice"),
    (GOOD_STEP.replace("year: 2023", "year: 1999"), "view.year: '1999' is not a choice"),
    (GOOD_STEP.replace("svc:", "service:"), "unknown view field 'service'"),
    (GOOD_STEP.replace('en: "Places"', 'en: ""'), "title needs a text for each of lv, en"),
    (GOOD_STEP.replace("takeaway: largest", "takeaway: biggest"), "takeaway: 'biggest'; expected one of largest"),
    (GOOD_STEP + GOOD_STEP, "step 2 (places): the id is used by an earlier step"),
    (GOOD_STEP.replace("id: places", "id: Places!"), "step 1: id 'Places!'"),
])
def test_a_wrong_step_names_the_file_the_step_and_the_field(tmp_path, text, message):
    with pytest.raises(meeting.StoryError) as error:
        meeting.load(story(tmp_path, text))
    assert str(error.value).startswith("meeting.yaml: ") and message in str(error.value)


def test_not_yaml_and_no_steps_are_said_plainly(tmp_path):
    with pytest.raises(meeting.StoryError, match="not valid YAML"):
        meeting.load(story(tmp_path, "  - id: [unclosed"))
    empty = tmp_path / "empty.yaml"
    empty.write_text("title: nothing\n", encoding="utf-8")
    with pytest.raises(meeting.StoryError, match="expected a list under 'steps:'"):
        meeting.load(empty)


def sentence_of(step_id: str, loaded, lang: str = "en") -> tuple[str, meeting.Takeaway]:
    data, tables = loaded
    steps = meeting.load()
    number = next(i for i, s in enumerate(steps, start=1) if s.id == step_id)
    step = steps[number - 1]
    state = step.state(ViewState(lang=lang), number)
    takeaway = meeting.takeaway(step, state, tables[state.vintage], data.observations, lang)
    names = boundaries.names(state.vintage, lang)
    return takeaways.sentence(step, takeaway, state, names, lang), takeaway


def test_the_largest_figure_and_the_region_are_the_maps(loaded):
    text, takeaway = sentence_of("group-apartments-2023", loaded)
    # Augšdaugava and Preiļi both have 16 places: a tie is named as a tie, not one of them.
    assert text == ("Places: ≥62 in Latgale; the largest is Augšdaugava Municipality, Preiļi Municipality: 16. "
                    "With a figure: 5 of 9 municipalities.")
    assert takeaway.sources  # every figure it quotes is cited


def test_a_view_without_a_regional_figure_does_not_invent_one(loaded):
    text, _ = sentence_of("shortfall-2019", loaded)
    assert text.startswith("Demand shortfall: the largest is Daugavpils") and "in Latgale" not in text


def test_occupancy_says_the_source_s_regional_bound_beside_the_municipal_figure(loaded):
    text, _ = sentence_of("occupancy-2023", loaded, "lv")
    assert text == "Reģiona līmenī avots saka: > 80 %; pašvaldību skaitļi: Daugavpils valstspilsēta 66,7 %."


def test_funding_and_running_cost_use_the_data_day_rate_and_say_at_least(loaded):
    text, _ = sentence_of("funding-2023", loaded)
    assert "Running ≥62 group-apartment places costs ≥272,013 EUR a year (12.02 EUR a day per place)" in text
    assert round(62 * 12.02 * 365) == 272013


def test_progress_sets_the_latest_figures_against_the_plan(loaded):
    text, _ = sentence_of("plan-progress", loaded)
    assert "460 of 533 in the plan (86 %, 2022)" in text and "171 of 387 in the plan (44 %, 2021)" in text


def test_a_step_past_the_end_opens_the_first():
    steps = meeting.load()
    assert meeting.number_of(steps, ViewState(step=len(steps) + 1)) == 1
    assert meeting.number_of(steps, ViewState(step=2)) == 2


def test_the_move_from_institutions_gives_first_and_latest_figures(loaded):
    text, _ = sentence_of("transition", loaded)
    assert text.startswith("Persons served in the community (cumulative): 163 (2018) → 460 (2022)")
    assert "Places in community-based services: ≥6 (2023), no earlier figure" in text
