"""AppTest of the language switch: one click relabels every list in the same run."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def shown(widget) -> str:
    """The choice the browser shows in a select box or radio after this run.

    The browser keeps the label it has unless the run sends the value again (``set_value``): with
    a key, a widget whose labels changed is still the same widget to Streamlit.
    """
    assert widget.proto.set_value, f"{widget.key}: the browser keeps its old label"
    return widget.proto.raw_value


def switch_to_english(page: str) -> AppTest:
    # Not the overview: AppTest reruns the default page's file without app.py (Streamlit's
    # pages/ folder convention), so its sidebar would not be drawn at all.
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert at.selectbox(key="vs_target_group").value == "children_ft"
    at.get("button_group")[0].set_value("en").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_language_switch_relabels_the_sidebar_choices_in_the_same_run():
    at = switch_to_english("pages/avoti.py")
    assert at.selectbox(key="vs_indicator").label == "Indicator"
    assert shown(at.selectbox(key="vs_indicator")) == "Share of assessed persons served"
    assert shown(at.selectbox(key="vs_target_group")) == "Children with functional disorders (FT)"
    assert shown(at.selectbox(key="vs_service")) == "Any community-based service"
    vintage = next(b.proto for b in at.get("button_group") if b.proto.id.endswith("vs_vintage"))
    assert vintage.set_value, "vs_vintage: the browser keeps its old label"
    assert list(vintage.raw_values) == ["21 municipalities (2009–2021)"]
    assert at.selectbox(key="vs_target_group").value == "children_ft"  # the same choice, in English


def test_language_switch_relabels_the_scenario_choices_too():
    at = switch_to_english("pages/scenarijs.py")
    assert shown(at.selectbox(key="sc_service")) in at.selectbox(key="sc_service").options
    assert shown(at.selectbox(key="sc_service")).startswith(("Group", "Day", "Supported", "Family"))



@pytest.mark.parametrize("lang, placeholder", [("lv", "Izvēlieties…"), ("en", "Choose…")])
def test_the_trends_picker_asks_in_the_pages_language(lang, placeholder):
    from tests.apptest.test_app_pages import run

    at = run("pages/tendences.py", {"lang": lang})
    assert [m.placeholder for m in at.multiselect] == [placeholder]  # not Streamlit's "Choose options"
