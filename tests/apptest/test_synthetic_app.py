"""The Map page of the Latvia extent shows the synthetic scale dataset with its banner."""

from __future__ import annotations

from latgale_di.core.paths import ROOT
from latgale_di.ingest import synthetic
from tests import markup

APP = str(ROOT / "app.py")


def test_the_map_page_shows_latvia_with_the_synthetic_banner(latvia, small, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LATGALE_DI_DATA", str(small))
    monkeypatch.setenv("LATGALE_DI_DB", str(tmp_path / "store.sqlite3"))
    for lang, banner in (("lv", "SINTĒTISKI DATI"), ("en", "SYNTHETIC DATA")):
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in {"year": "2021", "v": "2021", "ind": "places_per_10k", "lang": lang}.items():
            at.query_params[key] = value
        at.run()
        at.switch_page("pages/karte.py").run()
        assert not at.exception, [e.message for e in at.exception]
        assert any(e.value.startswith(banner) for e in at.error), [e.value for e in at.error]
        drawing = next(m for m in markup.shown(at) if 'class="di-map"' in m)
        assert drawing.count('target="_self" data-atvk=') == 43  # every current Latvian municipality
        assert synthetic.LABEL in " ".join(c.value for c in at.caption)  # the data version line
