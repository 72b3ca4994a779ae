"""AppTest of the meeting view: a step per link, on the projector by default, next and previous."""

from __future__ import annotations

from latgale_di.analysis import meeting
from tests.apptest.test_app_pages import run, texts

PAGE = "pages/sanaksme.py"


def step_of(at) -> str:
    return str(at.query_params["step"][-1] if isinstance(at.query_params["step"], list) else at.query_params["step"])


def test_a_link_opens_its_step_on_the_projector_with_its_takeaway():
    at = run(PAGE, {"step": "4"})
    body = texts(at)
    assert "4. solis no 8" in body and "Grupu dzīvokļu noslodze virs 80 %" in body
    assert "Reģiona līmenī avots saka: &gt; 80 %" in body or "Reģiona līmenī avots saka: > 80 %" in body
    assert at.query_params["p"] in ("1", ["1"])  # presentation mode by default
    assert at.query_params["ind"] in ("occupancy_rate", ["occupancy_rate"])  # the step's view is the view


def test_next_and_previous_walk_the_story_and_stop_at_its_ends():
    at = run(PAGE, {"lang": "en", "step": "1"})
    assert at.button(key="meeting_prev").disabled
    assert at.button(key="meeting_next").proto.shortcut.lower() == "right"  # the arrow key
    at.button(key="meeting_next").click().run()
    assert step_of(at) == "2" and "Where assessed need outruns services" in texts(at)
    at.button(key="meeting_prev").click().run()
    assert step_of(at) == "1"
    last = run(PAGE, {"lang": "en", "step": str(len(meeting.load()))})
    assert last.button(key="meeting_next").disabled


def test_a_link_with_p0_stays_out_of_presentation_and_every_step_is_listed():
    at = run(PAGE, {"lang": "en", "step": "7", "p": "0"})
    assert at.query_params.get("p") in (None, "0", ["0"])
    body = texts(at)
    assert "460 of 533 in the plan" in body  # the DI progress step
    steps = meeting.load()
    assert body.count("](sanaksme?") == len(steps) - 1  # every other step is a link
    assert "step=1" in body and f"step={len(steps)}" in body
