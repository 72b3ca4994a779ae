"""Text from a data file is shown as text in a real browser: no HTML, no script, no image loaded."""

from __future__ import annotations

import os

import pytest

from latgale_di.store import storage

ATTACK = '<img src=x onerror="window.__pwned=1">'


def test_municipality_note_with_html_shows_as_text(page, app_url, artifacts):
    store = storage.Store(os.environ["LATGALE_DI_DB"])
    store.ensure_initial()  # run alone, the server may not have seeded the store yet
    current = store.observations()
    row = current[(current["atvk"] == "0050000") & (current["indicator"] == "persons_assessed")].copy()
    row["note"] = ATTACK
    row["source"] = f"[click](javascript:alert(1)) {ATTACK}"
    version = store.import_rows(row, author="xss-test", file_name="xss.csv", data=b"test")
    try:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{app_url}/pasvaldiba?lang=en&v=2009&year=2019&atvk=0050000&tg=adults_grt")
        page.get_by_role("heading", name="Daugavpils (republican city) · 2019").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        page.goto(f"{app_url}/karte?lang=en&v=2009&year=2019&tg=adults_grt&ind=persons_assessed")
        page.wait_for_selector("svg.di-map a use", timeout=60_000)
        expander = page.locator("[data-testid='stExpander']").last  # lists every source title
        expander.locator("summary").click()
        expander.get_by_text("javascript:alert(1)", exact=False).first.wait_for(timeout=30_000)
        # The map's own tooltip boxes hold the same text, as text: escaped, not dropped.
        page.locator("svg.di-map .di-tip text", has_text="onerror=").first.wait_for(state="attached", timeout=30_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(artifacts / "xss_source_as_text.png"), full_page=True)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert page.locator("img[src='x']").count() == 0
    finally:
        store.rollback(version.parent_id, author="xss-test")


MARKDOWN_AFTER_BLANK_LINE = ("Ziņa\n\n![t](http://evil.example/t.png) [click](http://evil.example/c) "
                             "<a href=\"javascript:alert(1)\">js</a> \u202eevil\u202c")


@pytest.mark.parametrize("path", [
    "karte?lang=lv&v=2009&year=2019&tg=adults_grt&ind=persons_assessed",
    "?lang=lv&v=2009&year=2019&tg=adults_grt&ind=persons_assessed",
    "pieprasijums?lang=lv&v=2009&year=2019&tg=adults_grt",
    "pasvaldiba?lang=lv&v=2009&year=2019&atvk=0050000&tg=adults_grt",
    "avoti?lang=lv",
])
def test_markdown_after_a_blank_line_in_a_data_cell_loads_nothing_and_links_nowhere(page, app_url, artifacts, path):
    """A source or note cell with a blank line and markdown after it (the end of an HTML block in
    markdown) must stay text: no request to a foreign host, no foreign or javascript: link."""
    store = storage.Store(os.environ["LATGALE_DI_DB"])
    store.ensure_initial()
    current = store.observations()
    row = current[(current["atvk"] == "0050000") & (current["indicator"] == "persons_assessed")].copy()
    row["note"] = MARKDOWN_AFTER_BLANK_LINE
    row["source"] = MARKDOWN_AFTER_BLANK_LINE
    version = store.import_rows(row, author="xss-test", file_name="xss.csv", data=b"test")
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(app_url.rsplit(":", 1)[0])
            and not r.url.startswith(("data:", "blob:", "about:")) else None)
    try:
        page.goto(f"{app_url}/{path}")
        page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
        page.wait_for_timeout(2500)
        for summary in page.locator("[data-testid='stExpander'] summary").all():
            summary.click()
        page.wait_for_timeout(800)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if "evil.example" in h or h.strip().lower().startswith("javascript:")], hrefs
        assert page.locator("img[src*='evil.example']").count() == 0
        assert foreign == [], foreign
        name = path.split("?")[0] or "overview"
        page.screenshot(path=str(artifacts / f"xss_markdown_{name}.png"), full_page=True)
    finally:
        store.rollback(version.parent_id, author="xss-test")
