"""The map in a real headless Chromium: polygons drawn, tooltip, click, shared link."""

from __future__ import annotations

import math

import pytest

from components.map_view import MAP_HEIGHT_PX, fit_zoom
from latgale_di import boundaries

pytestmark = pytest.mark.browser

MAP = "[data-testid='stDeckGlJsonChart']"


def wait_for_map(page) -> None:
    page.wait_for_selector(f"{MAP} canvas", timeout=60_000)
    # deck.gl draws into a WebGL canvas: wait until a frame has non-background pixels.
    page.wait_for_function(
        """() => {
            const c = document.querySelector("[data-testid='stDeckGlJsonChart'] canvas");
            if (!c || c.width === 0) return false;
            const probe = document.createElement('canvas');
            probe.width = 64; probe.height = 64;
            const ctx = probe.getContext('2d');
            ctx.drawImage(c, 0, 0, 64, 64);
            const d = ctx.getImageData(0, 0, 64, 64).data;
            let coloured = 0;
            for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && !(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) coloured++;
            }
            return coloured > 200;
        }""",
        timeout=60_000,
        polling=250,
    )


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


def screen_point(box: dict, vintage: str, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) lands on the map canvas, with the same view fitting as the app."""
    west, south, east, north = boundaries.bounds(vintage)
    scale = 512 * 2 ** fit_zoom((west, south, east, north), 760, MAP_HEIGHT_PX)

    def merc(y: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(y) / 2))

    x = box["width"] / 2 + (lon - (west + east) / 2) / 360 * scale
    y = box["height"] / 2 - (merc(lat) - merc((south + north) / 2)) / (2 * math.pi) * scale
    return box["x"] + x, box["y"] + y


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


def test_clicking_a_municipality_opens_its_profile(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?lang=en&fac=0")
    wait_for_map(page)
    box = page.locator(f"{MAP} canvas").first.bounding_box()
    assert box is not None
    lon, lat = boundaries.label_points("2009")["0780200"]  # Rēzeknes novads, a large polygon
    selected = page.get_by_role("heading", name="Rēzekne Municipality · 2019")
    for _ in range(3):  # a click that lands while the chart is still mounting is lost, as for a person
        wait_idle(page)
        page.mouse.click(*screen_point(box, "2009", lon, lat))
        try:
            selected.wait_for(timeout=10_000)
            break
        except Exception:
            continue
    selected.wait_for(timeout=10_000)
    page.wait_for_function("() => window.location.search.includes('atvk=0780200')", timeout=30_000)
    assert "/pasvaldiba" in page.evaluate("window.location.pathname")
    page.screenshot(path=str(artifacts / "profile_from_map_click_en.png"), full_page=True)
