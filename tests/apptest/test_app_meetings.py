"""AppTest: what a meeting needs on every page — share link, downloads, presentation mode."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests import markup
from tests.apptest.test_app_pages import run

PAGES = ["pages/overview.py", "pages/karte.py", "pages/pasvaldiba.py", "pages/noslodze.py", "pages/pieprasijums.py",
         "pages/grozs.py", "pages/tendences.py", "pages/virziba.py", "pages/investicijas.py", "pages/scenarijs.py",
         "pages/avoti.py", "pages/dati.py"]  # every page with data (the accessibility statement has none)
CHART_PAGES = {"pages/karte.py": 2, "pages/pasvaldiba.py": 2, "pages/noslodze.py": 1, "pages/pieprasijums.py": 1,
               "pages/tendences.py": 1}


def map_box(at) -> str:
    """The style of the drawn map (its size on screen)."""
    from tests.apptest.test_app_map import drawing

    return drawing(at).get("style")


def download_labels(at) -> list[str]:
    return [el.proto.label for el in at.get("download_button")]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_offers_its_data_as_csv_excel_csv_and_xlsx_and_a_share_link(page):
    params = {"year": "2023", "v": "2021", "tg": "adults_grt", "atvk": "0022000"}
    at = run(page, params)
    labels = download_labels(at)
    assert "CSV (UTF-8, komats)" in labels
    assert "CSV Excel latviski (semikols, decimālkomats)" in labels
    assert "XLSX (dati + avoti)" in labels
    pngs = [label for label in labels if "PNG attēls" in label]
    if page in ("pages/karte.py", "pages/pasvaldiba.py"):  # these always draw their figures
        assert len(pngs) == CHART_PAGES[page]
    if page == "pages/karte.py":  # the map for a slide and for a report page
        assert pngs == ["Karte — PNG attēls slaidam (16:9)", "Karte — PNG attēls A4 lapai"]
    links = [c.value for c in at.code if c.value.startswith("?") or "://" in c.value or c.value.startswith("/")]
    assert links, "no share link on the page"
    link = links[0]
    for key, value in params.items():
        assert f"{key}={value}" in link, (key, link)


def test_the_profile_page_offers_the_one_page_briefing():
    at = run("pages/pasvaldiba.py", {"atvk": "0022000", "v": "2021", "year": "2023"})
    assert "Pārskats par pašvaldību (PDF, 1 lpp.)" in download_labels(at)


def test_presentation_mode_hides_the_chrome_and_enlarges_the_map():
    at = run("pages/karte.py", {"p": "1"})
    assert at.button(key="exit_presentation").label == "Iziet no prezentācijas režīma"
    assert not download_labels(at) and not at.code  # no share or download menus on the projector
    assert "max-height:min(838px, calc(100vh - 11rem))" in map_box(at)  # the projector's height, below the title
    at.button(key="exit_presentation").click().run()
    assert "p" not in at.query_params
    assert "max-height:600px" in map_box(at)
    assert download_labels(at)


def test_the_presentation_toggle_puts_the_flag_in_the_link():
    at = run("pages/karte.py")
    at.toggle(key="vs_present").set_value(True).run()
    assert at.query_params["p"] == ["1"] or at.query_params["p"] == "1"
    assert at.button(key="exit_presentation")


def test_each_name_in_the_map_table_links_to_its_profile_with_the_same_view():
    at = run("pages/karte.py", {"v": "2021", "year": "2023"})
    table_markup = next(m for m in markup.shown(at) if 'class="di-table"' in m)
    links = dict(re.findall(r'<a href="([^"]+)" target="_self">([^<]+)</a>', table_markup))
    assert len(links) == 9  # every current municipality, by name
    rezekne = next(href for href, name in links.items() if name == "Rēzeknes novads")
    params = parse_qs(urlparse(html.unescape(rezekne)).query)
    assert urlparse(html.unescape(rezekne)).path == "pasvaldiba"
    assert params["atvk"] == ["0043000"] and params["year"] == ["2023"] and params["v"] == ["2021"]


@pytest.mark.parametrize("lang, heading, status", [("lv", "Piekļūstamība", "Daļēji atbilst"),
                                                   ("en", "Accessibility", "Partially compliant")])
def test_the_accessibility_statement_page(lang, heading, status, monkeypatch):
    at = run("pages/pieejamiba.py", {"lang": lang})
    assert at.title[0].value == heading
    body = "\n".join(markup.shown(at))
    assert status in body and "EN 301 549" in body and "WCAG 2.1" in body
    assert "LATGALE_DI_CONTACT" in body  # no contact configured here: it says so, it does not invent one
    monkeypatch.setenv("LATGALE_DI_CONTACT", "pieejamiba@example.lv")
    at = run("pages/pieejamiba.py", {"lang": lang})
    assert "pieejamiba@example\\.lv" in "\n".join(markup.shown(at))
