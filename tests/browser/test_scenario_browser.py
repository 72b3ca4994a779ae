"""The Scenario page in a real browser: a shared link opens its scenario side by side with today."""

from __future__ import annotations

SCENARIO = "0002000.adults_grt.group_apartments:4,0024000.adults_grt.day_care_centre:3"


def wait_idle(page) -> None:
    """Script run finished and every table drawn (as in test_pages_browser)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000)
    page.wait_for_function(
        """() => document.querySelectorAll("[data-testid='stDataFrame'] canvas").length
                 >= document.querySelectorAll("[data-testid='stDataFrame']").length
                 && document.querySelectorAll("[data-testid='stSkeleton']").length === 0""",
        timeout=60_000,
    )
    page.wait_for_timeout(300)


def test_shared_scenario_link_shows_the_comparison(page, app_url, artifacts):
    page.goto(f"{app_url}/scenarijs?lang=en&v=2021&year=2022&tg=adults_grt&sc={SCENARIO}")
    page.get_by_role("heading", name="Scenario", exact=True).wait_for(timeout=60_000)
    page.get_by_role("heading", name="Today and in the scenario").wait_for(timeout=60_000)
    page.get_by_text("nothing in it is saved to the data", exact=False).wait_for(timeout=60_000)
    page.get_by_text("Daugavpils State City", exact=False).first.wait_for(timeout=60_000)
    wait_idle(page)
    tables = page.locator(".di-table table")
    assert tables.count() == 2  # side by side, and running cost
    side_by_side = tables.nth(0).inner_text()
    assert "Daugavpils State City" in side_by_side and "+4" in side_by_side  # the shared change, signed
    assert "sc=0002000.adults_grt.group_apartments" in page.evaluate("decodeURIComponent(window.location.search)")
    # Streamlit scrolls inside its own container, so a full-page shot needs a tall window.
    page.set_viewport_size({"width": 1920, "height": 2300})
    wait_idle(page)
    page.screenshot(path=str(artifacts / "page_scenarijs_en.png"), full_page=True)
