"""Accessibility checked by a machine: axe-core inside the page, on every page in both languages and
in the meeting view, and a keyboard-only walk to the map, its tooltip and a municipality's profile.

axe-core comes from the npm registry into tests/browser/node_modules when the tests are set up
(scripts/setup.sh dev, pinned in tests/browser/package-lock.json); nothing is fetched while they run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_map_browser import MAP, wait_for_map
from tests.browser.test_pages_browser import wait_idle

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "sanaksme?step=2", "karte", "pasvaldiba?atvk=0050000", "noslodze", "pieprasijums", "grozs",
         "tendences", "virziba", "investicijas",
         "scenarijs?sc=0002000.adults_grt.group_apartments:4&v=2021&year=2023&tg=adults_grt", "avoti", "dati",
         "pieejamiba"]
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")}`);
}"""


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_no_serious_or_critical_axe_violation_on_any_page(page, app_url, lang):
    assert AXE.is_file(), "axe-core is missing: run scripts/setup.sh dev"
    found = {}
    for path in PAGES:
        sep = "&" if "?" in path else "?"
        page.goto(f"{app_url}/{path}{sep}lang={lang}&year=2019&v=2009&tg=adults_grt")
        page.locator("h1").first.wait_for(timeout=60_000)
        wait_idle(page)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE)
        if violations:
            found[path or "overview"] = violations
    assert not found, "\n".join(f"{p}: " + "\n  ".join(v) for p, v in found.items())


def test_the_keyboard_reaches_the_map_its_tooltip_and_a_profile(page, app_url):
    page.goto(f"{app_url}/karte?lang=en&fac=0")
    wait_for_map(page)
    wait_idle(page)
    page.locator("h1").first.click()  # start from the page's heading, as a reader's first Tab would
    for _ in range(80):  # past the toolbar and the legend, to the first municipality
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('svg.di-map')"):
            break
    else:
        pytest.fail("Tab never reached a municipality on the map")
    atvk, label = page.evaluate("() => [document.activeElement.dataset.atvk, "
                                "document.activeElement.getAttribute('aria-label')]")
    assert ":" in label  # "Name: figure", as a screen reader says it
    page.locator(f"{MAP} .di-tip[data-for='{atvk}']").wait_for(state="visible", timeout=5_000)
    # The outline grows over a short transition, so wait for it rather than read it mid-way.
    page.wait_for_function("""() => {
        const focused = document.activeElement.querySelector('use');
        const other = [...document.querySelectorAll('svg.di-map a use')].find(u => u !== focused);
        const [f, o] = [focused, other].map(u => parseFloat(getComputedStyle(u).strokeWidth));
        return f >= 1.5 * o;  // focus is visible: the focused outline is drawn much thicker
    }""", timeout=5_000)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Municipality profile").wait_for(timeout=30_000)
    assert f"atvk={atvk}" in page.url
