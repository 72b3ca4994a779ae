"""Every page in a real browser, and the shared view surviving page switches and reloads."""

from __future__ import annotations

import pytest

PAGES = [  # (url path, heading in English, something the page must show)
    ("", "Overview", "people had received services"),
    ("karte", "Map", "EuroGlobalMap"),
    ("pasvaldiba", "Municipality profile", "Compared with Latgale"),
    ("noslodze", "Services & occupancy", "By municipality"),
    ("pieprasijums", "Demand & shortfall", "ranked by unmet demand"),
    ("grozs", "Minimum services basket", "proposed for 2029"),
    ("tendences", "Trends", "Dashed line"),
    ("virziba", "DI progress", "From institutions to community-based care"),
    ("investicijas", "Investment & sustainability", "Region-wide projects"),
    ("avoti", "Sources & methods", "Indicators and formulas"),
]


def wait_idle(page) -> None:
    """Script run finished, and every chart and table on the page drawn (not a placeholder)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000)
    page.wait_for_function(
        """() => {
            const n = (sel) => document.querySelectorAll(sel).length;
            return n("[data-testid='stPlotlyChart'] .main-svg") >= n("[data-testid='stPlotlyChart']")
                && n("[data-testid='stDataFrame'] canvas") >= n("[data-testid='stDataFrame']")
                && n("[data-testid='stSkeleton']") === 0;
        }""",
        timeout=60_000,
    )
    page.wait_for_timeout(300)


@pytest.mark.parametrize("path,heading,content", PAGES)
def test_page_renders_with_its_content(page, app_url, artifacts, path, heading, content):
    page.goto(f"{app_url}/{path}?lang=en&year=2019&v=2009&atvk=0050000&tg=adults_grt")
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)
    page.get_by_text(content, exact=False).first.wait_for(timeout=60_000)
    wait_idle(page)
    assert page.locator("[data-testid='stException']").count() == 0  # no traceback anywhere on the page
    assert "Page not found" not in page.locator("body").inner_text()
    page.screenshot(path=str(artifacts / f"page_{path or 'overview'}_en.png"), full_page=True)


def test_view_survives_sidebar_navigation_and_reload(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?lang=en&tg=adults_grt&year=2019&ind=persons_served")
    page.get_by_role("heading", name="Map", exact=True).wait_for(timeout=60_000)
    wait_idle(page)
    # Switch pages with the sidebar, as a person does: Streamlit drops the query string here.
    page.get_by_role("link", name="Minimum services basket").click()
    page.get_by_role("heading", name="Minimum services basket", exact=True).wait_for(timeout=60_000)
    page.wait_for_function("() => window.location.search.includes('tg=adults_grt')", timeout=30_000)
    assert "lang=en" in page.evaluate("window.location.search")
    page.reload()
    page.get_by_role("heading", name="Minimum services basket", exact=True).wait_for(timeout=60_000)
    assert page.get_by_role("combobox", name="Target group").input_value() == "Adults with mental disorders (GRT)"
    page.get_by_role("link", name="Overview").click()
    page.get_by_role("heading", name="Overview", exact=True).wait_for(timeout=60_000)
    page.wait_for_function("() => window.location.search.includes('ind=persons_served')", timeout=30_000)
    page.screenshot(path=str(artifacts / "round_trip_overview_en.png"), full_page=True)


def test_language_switch_translates_the_page(page, app_url):
    page.goto(f"{app_url}/")
    page.get_by_role("heading", name="Pārskats", exact=True).wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Overview", exact=True).wait_for(timeout=60_000)
    page.wait_for_function("() => window.location.search.includes('lang=en')", timeout=30_000)
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "Map" in nav and "Karte" not in nav  # the navigation changed language with the page


@pytest.mark.parametrize("path", ["", "karte"])
def test_phone_layout_has_no_sideways_scroll(browser, app_url, artifacts, path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/156.0 Mobile Safari/537.36",
    )
    phone = context.new_page()
    phone.goto(f"{app_url}/{path}")
    phone.get_by_role("heading").first.wait_for(timeout=60_000)
    wait_idle(phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    phone.screenshot(path=str(artifacts / f"phone_{path or 'overview'}_lv.png"), full_page=True)
    context.close()
    assert overflow <= 1


def test_di_progress_on_a_projector(browser, app_url, artifacts):
    """The DI progress page at 1920 × 1080 in Latvian: targets, share reached, the transition chart."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="lv-LV")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/virziba?year=2023&v=2021&tg=adults_grt")
        page.get_by_role("heading", name="DI virzība", exact=True).wait_for(timeout=60_000)
        page.get_by_text("kumulatīvi kopš 2015. g.", exact=False).first.wait_for(timeout=60_000)
        wait_idle(page)
        table = page.locator(".di-table table").first
        assert "86 %" in table.inner_text() and "labā virzienā" in table.inner_text()
        assert page.locator("[data-testid='stPlotlyChart'] .main-svg").count() >= 1
        page.screenshot(path=str(artifacts / "progress_1080p_lv.png"), full_page=True)
    finally:
        context.close()
