"""Presentation mode fills the screen: on three common projector and laptop screens the Map page,
the Overview and the meeting view's map step show the whole region, every municipality's name, the
legend (and on the Overview the headline cards) without scrolling, with labels read from the back.

Label size: computed font size × the SVG's scale on screen (``getScreenCTM().a``: user units to
CSS px, which counts the letterboxing of a map narrower than its box; the rendered width over the
viewBox width would not). The slide is laid out for 1920 × 1080 and scaled to the screen
(components/presentation.py), so labels are 24 px there and at least 24 px × the screen's scale
``min(w / 1920, h / 1080)`` elsewhere: 18 px at 1440 × 900, 17 px at 1366 × 768.

Screenshots: tests/artifacts/presentation_<page>_<w>x<h>.png.
"""

from __future__ import annotations

import pytest

from tests.browser.test_map_browser import wait_for_map
from tests.browser.test_pages_browser import wait_idle

SCREENS = [(1920, 1080), (1440, 900), (1366, 768)]
PAGES = {  # name: (address, where and what shows that it is the right page)
    "map": ("karte?p=1", "h1", "Karte"),
    "overview": ("?p=1", "h1", "Pārskats"),
    "meeting": ("sanaksme?step=2", ".di-step", "2. solis no 8"),
}
LABEL_PX = 24  # on the 1080p slide
SLACK_PX = 0.5  # sub-pixel rounding of boxes

MEASURE = """() => {
    const box = (e) => { const r = e.getBoundingClientRect();
                         return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height}; };
    const svg = document.querySelector('svg.di-map');
    const scale = svg.getScreenCTM().a;
    const labels = [...svg.querySelectorAll('g.labels text')].map((t) => ({
        name: t.textContent, box: box(t),
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        glyphs: Math.min(...[...(t.querySelectorAll('tspan').length ? t.querySelectorAll('tspan') : [t])]
                               .map((s) => s.getBoundingClientRect().height)),
    }));
    return {map: box(svg), scale, labels,
            legend: [...document.querySelectorAll('.map-legend')].map(box),
            cards: [...document.querySelectorAll('.di-card')].map(box)};
}"""


def inside(box: dict, width: int, height: int) -> bool:
    return (box["left"] >= -SLACK_PX and box["top"] >= -SLACK_PX and box["right"] <= width + SLACK_PX
            and box["bottom"] <= height + SLACK_PX)


def floor_px(width: int, height: int) -> float:
    """The smallest label the slide allows on this screen: 24 px at 1080p, scaled with the slide."""
    return LABEL_PX * min(width / 1920, height / 1080, 1.0)


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("width,height", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_the_region_its_names_and_legend_fill_the_screen(browser, app_url, artifacts, name, width, height):
    address, where, mark = PAGES[name]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="lv-LV")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/{address}")
        wait_for_map(page)
        wait_idle(page)
        page.evaluate("document.fonts.ready")
        page.locator(where, has_text=mark).wait_for()
        assert not page.locator("[data-testid='stSidebar']").is_visible()  # presentation mode is on
        page.mouse.move(width - 5, height - 5)  # no hover outline in the shot
        page.screenshot(path=str(artifacts / f"presentation_{name}_{width}x{height}.png"))
        seen = page.evaluate(MEASURE)
    finally:
        context.close()

    assert inside(seen["map"], width, height), seen["map"]  # the whole region, no scrolling
    assert len(seen["labels"]) >= 9, seen["labels"]  # a name for every municipality (9 or 21)
    outside = [label["name"] for label in seen["labels"] if not inside(label["box"], width, height)]
    assert not outside, outside
    assert seen["legend"] and all(inside(box, width, height) for box in seen["legend"]), seen["legend"]
    if name == "overview":
        assert len(seen["cards"]) == 3 and all(inside(box, width, height) for box in seen["cards"]), seen["cards"]
    smallest = min(label["px"] for label in seen["labels"])
    glyphs = min(label["glyphs"] for label in seen["labels"])
    floor = floor_px(width, height)
    assert smallest >= floor - 0.05, (smallest, floor)  # font size on screen
    assert glyphs >= floor, (glyphs, floor)  # and the box of its glyphs, as drawn
    if height == 1080:
        assert smallest >= LABEL_PX - 0.05, smallest
    # The map takes the screen's height: at most a title's and a margin's worth left unused.
    assert seen["map"]["height"] >= 0.7 * height, seen["map"]


@pytest.mark.parametrize("address", ["karte?p=1", "?p=1"])
def test_presentation_on_a_phone_has_no_sideways_scroll(browser, app_url, address):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/156.0 Mobile Safari/537.36",
    )
    phone = context.new_page()
    try:
        phone.goto(f"{app_url}/{address}")
        wait_for_map(phone)
        wait_idle(phone)
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        box = phone.locator("svg.di-map").bounding_box()
    finally:
        context.close()
    assert overflow <= 1
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 + SLACK_PX, box
