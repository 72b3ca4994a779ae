"""The map in a real headless Chromium: polygons drawn, tooltip, click, shared link."""

from __future__ import annotations

MAP = "svg.di-map"


def wait_for_map(page) -> None:
    """Until the server-drawn SVG map has its municipalities on screen."""
    page.wait_for_function(
        """() => {
            const paths = document.querySelectorAll("svg.di-map a use");
            return paths.length > 0 && paths[0].getBoundingClientRect().width > 0;
        }""",
        timeout=60_000,
        polling=100,
    )


def test_the_map_is_a_set_of_links_reachable_from_the_keyboard(page, app_url):
    page.goto(f"{app_url}/karte?lang=en&fac=0&v=2021")
    wait_for_map(page)
    first = page.locator(f"{MAP} a").first
    first.focus()
    assert page.evaluate("document.activeElement.getAttribute('data-atvk')") == first.get_attribute("data-atvk")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Municipality profile").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('atvk=')", timeout=30_000)


def test_map_draws_polygons_offline_and_shows_attribution(page, app_url, artifacts):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{app_url}/karte")
    wait_for_map(page)
    page.get_by_text("EuroGlobalMap © EuroGeographics").first.wait_for()
    page.get_by_text("Nav datu", exact=False).first.wait_for()
    page.screenshot(path=str(artifacts / "map_default_lv.png"), full_page=False)
    external = [u for u in requests if not u.startswith(app_url) and not u.startswith(("data:", "blob:"))]
    assert external == [], f"the map must draw with no network: {external[:5]}"


def wait_idle(page) -> None:
    """Wait until the script run has finished (Streamlit shows a status widget while running)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000)


def search(page) -> str:
    # Streamlit updates the address with history.replaceState, which page.url does not follow.
    return page.evaluate("window.location.search")


def test_shared_link_opens_the_same_view_and_survives_reload(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?lang=en&ind=persons_served&tg=adults_grt&year=2019")
    wait_for_map(page)
    caption = "Persons served · Adults with mental disorders (GRT)"
    page.get_by_text(caption).first.wait_for()
    assert page.get_by_role("combobox", name="Target group").input_value() == "Adults with mental disorders (GRT)"
    page.screenshot(path=str(artifacts / "map_shared_link_en.png"))
    page.reload()
    wait_for_map(page)
    page.get_by_text(caption).first.wait_for()
    assert "tg=adults_grt" in search(page) and "lang=en" in search(page)


def test_changing_a_filter_puts_it_in_the_address(page, app_url):
    page.goto(f"{app_url}/karte?lang=en")
    wait_for_map(page)
    page.get_by_role("combobox", name="Target group").click()
    page.get_by_role("option", name="Adults with mental disorders (GRT)").click()
    page.wait_for_function("() => window.location.search.includes('tg=adults_grt')", timeout=30_000)
    page.get_by_text("Adults with mental disorders (GRT) ·", exact=False).first.wait_for(timeout=30_000)
    assert "Adults with mental disorders (GRT)" in page.locator("svg.di-map").get_attribute("aria-label")


def test_clicking_a_municipality_opens_its_profile(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?lang=en&fac=0")
    wait_for_map(page)
    rezeknes = page.locator(f"{MAP} a[data-atvk='0780200'] use")  # Rēzeknes novads, a large polygon
    box = rezeknes.bounding_box()
    tooltip = rezeknes.locator("title").text_content()
    assert tooltip.startswith("Rēzekne Municipality") and "Year: 2019" in tooltip
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    page.get_by_role("heading", name="Rēzekne Municipality · 2019").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('atvk=0780200')", timeout=30_000)
    assert "/pasvaldiba" in page.evaluate("window.location.pathname")
    page.screenshot(path=str(artifacts / "profile_from_map_click_en.png"), full_page=True)
