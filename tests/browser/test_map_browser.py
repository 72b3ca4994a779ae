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
    # Hovering shows the map's own tooltip, over the map, in the page's language.
    tip = page.locator(f"{MAP} .di-tip[data-for='0780200']")
    assert not tip.is_visible()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.text_content().startswith("Rēzekne Municipality") and "Year: 2019" in tip.text_content()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    page.get_by_role("heading", name="Rēzekne Municipality · 2019").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('atvk=0780200')", timeout=30_000)
    assert "/pasvaldiba" in page.evaluate("window.location.pathname")
    page.screenshot(path=str(artifacts / "profile_from_map_click_en.png"), full_page=True)


def test_the_tooltip_shows_on_keyboard_focus_in_the_pages_language(page, app_url):
    page.goto(f"{app_url}/karte?fac=0")
    wait_for_map(page)
    unit = page.locator(f"{MAP} a[data-atvk='0780200']")
    unit.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard: :focus-visible, as a keyboard user gets it
    tip = page.locator(f"{MAP} .di-tip[data-for='0780200']")
    tip.wait_for(state="visible", timeout=5_000)
    text = tip.text_content()
    assert text.startswith("Rēzeknes novads") and "Gads: 2019" in text and "Year" not in text


def test_on_a_phone_the_first_tap_shows_the_tooltip_and_the_second_opens_the_profile(browser, app_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/156.0 Mobile Safari/537.36")
    phone = context.new_page()
    try:
        phone.goto(f"{app_url}/karte?lang=en&fac=0")
        wait_for_map(phone)
        phone.wait_for_function("() => window.__diMapTaps === true", timeout=30_000)
        unit = phone.locator(f"{MAP} a[data-atvk='0780200'] use")
        box = unit.bounding_box()
        point = (box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
        phone.touchscreen.tap(*point)
        phone.locator(f"{MAP} .di-tip[data-for='0780200']").wait_for(state="visible", timeout=5_000)
        assert "/karte" in phone.url  # still on the map: the first tap only shows the tooltip
        phone.touchscreen.tap(*point)
        phone.wait_for_function("() => window.location.pathname.endsWith('/pasvaldiba')", timeout=30_000)
    finally:
        context.close()
