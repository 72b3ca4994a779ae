"""Small counts on the Map page: shown as a bound to the public, as the count to a signed-in maintainer."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import tables

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.mark.parametrize("lang, shown", [("lv", "<5"), ("en", "<5")])
def test_the_map_shows_a_hidden_count_as_a_bound_and_a_maintainer_sees_it(lang, shown, tmp_path, monkeypatch):
    monkeypatch.setenv("LATGALE_DI_DB", str(tmp_path / "store.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"lang": lang, "v": "2009", "year": "2019", "tg": "adults_grt", "ind": "persons_served"}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/karte.py").run()
    assert not at.exception, [e.message for e in at.exception]
    table = tables.shown(at)[0]
    row = table[table.iloc[:, 0].str.startswith("Dagda")].iloc[0]
    assert row.iloc[1] == shown and row.iloc[2] in ("Slēpts", "Hidden")
    at.session_state["_maintainer"] = "anna"  # signed in (the sign-in form itself is tested elsewhere)
    at.run()
    table = tables.shown(at)[0]
    assert table[table.iloc[:, 0].str.startswith("Dagda")].iloc[0].iloc[1] == "3"
