"""AppTest of the Scenario page: a shared link shows its scenario, the editor writes the URL."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests import markup, tables

APP = str(Path(__file__).resolve().parents[2] / "app.py")
DAUGAVPILS_GA = "0002000.adults_grt.group_apartments:4"
VIEW = {"v": "2021", "year": "2022", "tg": "adults_grt"}


def run(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/scenarijs.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def url_scenario(at: AppTest) -> str | None:
    """The ``sc`` query parameter (AppTest keeps a value set before the run as a list)."""
    if "sc" not in at.query_params:
        return None
    value = at.query_params["sc"]
    return value[-1] if isinstance(value, list) else value


def texts(at: AppTest) -> str:
    parts = markup.shown(at) + [c.value for c in at.caption] + [w.value for w in at.warning]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return "\n".join(parts)


def test_a_shared_link_shows_its_scenario_in_english():
    at = run({"lang": "en", **VIEW, "sc": DAUGAVPILS_GA})
    assert at.title[0].value == "Scenario"
    body = texts(at)
    assert "**Daugavpils State City** · Adults with mental disorders (GRT) · Group apartments / group houses: **+4**" \
        in body
    assert "nothing in it is saved to the data" in body
    table = tables.shown(at)[0].set_index("Indicator")
    assert table.loc["Places", ["Today", "Scenario", "Difference"]].tolist() == ["12", "16", "+4"]
    assert table.loc["Occupancy", ["Today", "Scenario", "Difference"]].tolist() == ["66.7 %", "50 %", "−16.7 pp"]
    assert table.loc["Places", "Scenario status"] == "Illustrative"
    # The only real day rate (Līči group apartments, 12.02 EUR/day) with its source.
    assert "Rate from the data: 12.02 EUR a day" in body and "Preiļu novada Labklājības pārvalde" in body
    assert f"Total per year=+{round(4 * 12.02 * 365):,} EUR" in body
    assert url_scenario(at) == DAUGAVPILS_GA


def test_the_same_link_in_latvian():
    at = run({**VIEW, "sc": DAUGAVPILS_GA})
    assert at.title[0].value == "Scenārijs"
    table = tables.shown(at)[0].set_index("Rādītājs")
    assert table.loc["Noslodze", ["Šodien", "Scenārijā", "Starpība"]].tolist() == ["66,7 %", "50 %", "−16,7 pp"]
    assert "netiek saglabāts datos" in texts(at)
    assert "Kopā gadā=+17\u00a0549 EUR" in texts(at)


def test_adding_a_change_with_the_editor_puts_it_in_the_url():
    at = run({"lang": "en", **VIEW})
    assert "The scenario is empty" in at.info[0].value
    at.selectbox(key="sc_atvk").set_value("0024000")
    at.selectbox(key="sc_service").set_value("day_care_centre")
    at.number_input(key="sc_places").set_value(3)
    at.button(key="sc_add").click().run()
    assert not at.exception
    assert url_scenario(at) == "0024000.adults_grt.day_care_centre:3"
    table = tables.shown(at)[0].set_index("Indicator")
    assert table.loc["Places", ["Today", "Scenario"]].tolist() == ["8", "11"]
    # No day rate in the data for day-care centres: no cost until the user enters one.
    assert "Total per year=no data" in texts(at)
    at.text_input(key="sc_rate_day_care_centre").set_value("20").run()
    body = texts(at)
    assert "Rate entered by the user; not from a source." in body
    assert f"Total per year=+{3 * 20 * 365:,} EUR" in body


def test_adding_twice_sums_and_remove_and_clear_empty_the_url():
    at = run({"lang": "en", **VIEW, "sc": DAUGAVPILS_GA})
    at.selectbox(key="sc_atvk").set_value("0002000")
    at.selectbox(key="sc_service").set_value("group_apartments")
    at.number_input(key="sc_places").set_value(-1)
    at.button(key="sc_add").click().run()
    assert url_scenario(at) == "0002000.adults_grt.group_apartments:3"
    at.selectbox(key="sc_atvk").set_value("0024000")
    at.button(key="sc_add").click().run()
    assert url_scenario(at) == "0002000.adults_grt.group_apartments:3,0024000.adults_grt.group_apartments:-1"
    at.button(key="sc_remove_0").click().run()
    assert url_scenario(at) == "0024000.adults_grt.group_apartments:-1"
    at.button(key="sc_clear").click().run()
    assert url_scenario(at) is None
    assert "The scenario is empty" in at.info[0].value


def test_unknown_places_are_shown_as_a_lower_bound_in_latvian():
    at = run({**VIEW, "sc": "0043000.adults_grt.day_care_centre:+5"})
    row = tables.shown(at)[0].set_index("Rādītājs").loc["Vietas"]
    assert (row["Šodien"], row["Scenārijā"], row["Scenārija statuss"]) == ("nav datu", "≥5", "Nepilnīgs")


def test_changes_for_the_other_boundaries_are_named_not_computed():
    at = run({"lang": "en", **VIEW, "v": "2009", "sc": DAUGAVPILS_GA})
    assert any("other boundaries" in i.value and DAUGAVPILS_GA in i.value for i in at.info)
    assert len(tables.shown(at)) == 0
