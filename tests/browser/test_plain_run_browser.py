"""A shared link works the way the app is hosted on Streamlit Community Cloud: started with plain
``streamlit run app.py``, the first visitor of a deep link after a fresh start (a woken-up app)
sees the linked page, never "Page not found", and no request of the page load gets a 404, so the
browser's console shows none."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.test_pages_browser import wait_idle
from tests.conftest import ROOT, _free_port

LINKS = [  # (deep link, the heading it must open on)
    ("karte?lang=en&year=2023&v=2021&tg=adults_grt&svc=group_apartments&ind=places", "Map"),
    ("noslodze?year=2023&v=2021&tg=adults_grt", "Pakalpojumi un noslodze"),
    ("sanaksme?step=3&lang=en", "Meeting view"),
]


@contextmanager
def fresh_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LATGALE_DI_DB": str(tmp_path / "store.sqlite3")},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.3)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("link, heading", LINKS)
def test_the_first_visitor_of_a_deep_link_on_a_fresh_plain_server_sees_the_page(browser, tmp_path, artifacts,
                                                                               link, heading):
    with fresh_server(tmp_path) as url:  # nobody has opened the app since it started
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        responses: list[str] = []
        page.on("response", lambda r: responses.append(f"{r.status} {r.url}") if r.status == 404 else None)
        page.goto(f"{url}/{link}")
        page.get_by_role("heading", name=heading, exact=True).first.wait_for(timeout=120_000)
        wait_idle(page)
        body = page.locator("body").inner_text()
        assert "Page not found" not in body and "does not seem to exist" not in body
        # Not even Streamlit's own probes for its server under the page's path (/karte/_stcore/…):
        # the page is told where the server is (components/hosting.py, latgale_di/server/backend_url.py).
        assert responses == [], responses
        assert [c for c in console if "404" in c] == []
        assert link.split("?")[0] in page.url  # the address still names the linked page
        page.screenshot(path=str(artifacts / f"plain_run_{link.split('?')[0]}.png"))
        # A second visitor, another session, gets the same.
        other = context.browser.new_page()
        other.goto(f"{url}/{link}")
        other.get_by_role("heading", name=heading, exact=True).first.wait_for(timeout=60_000)
        assert "Page not found" not in other.locator("body").inner_text()
        other.close()
        context.close()
