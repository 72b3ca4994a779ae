"""The user guide's screenshots (docs/guide/img/), taken fresh on every run so they stay current.

Each shot is of something the guide explains, and each test first checks that the labels the
guide quotes are on the screen. Public screens use the shared server (``app_url``); the
maintainer screens (sign-in, a rejected file, import, rollback) use a server of their own with a
throwaway maintainer account and database, so the imports never touch the data other tests see.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator

from tests.browser.test_map_browser import wait_for_map
from tests.browser.test_pages_browser import wait_idle

ROOT = Path(__file__).resolve().parents[2]
IMG = ROOT / "docs" / "guide" / "img"
VIEWPORT = {"width": 1440, "height": 900}
MAINTAINER, PASSWORD = "anna", "guide-screenshots-1"
# Three rows with three mistakes from tests/files/bad/, each reported with file, row and column.
SOURCE = "Ludzas novada sociālais dienests"
REJECTED_CSV = "".join(line + "\n" for line in (
    "year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note",
    f"1824,Ludzas novads,2021,adults_grt,day_care_centre,places,12,places,reported,{SOURCE},",
    f"2024,Ludzas novads,2021,adults_grt,group_apartments,places,daudz,places,reported,{SOURCE},",
    f"2024,Ludzas novads,2021,children_ft,day_care_centre,places,12,persons,reported,{SOURCE},",
))
REJECTED_WHERE = {  # the messages are in the interface language
    "lv": ("ludzas_2024.csv, 2. rinda, kolonna 'year'", "ludzas_2024.csv, 3. rinda, kolonna 'value'",
           "ludzas_2024.csv, 4. rinda, kolonna 'unit'"),
    "en": ("ludzas_2024.csv, row 2, column 'year'", "ludzas_2024.csv, row 3, column 'value'",
           "ludzas_2024.csv, row 4, column 'unit'"),
}
ACCEPTED = ROOT / "tests" / "files" / "good" / "utf8_bom_comma.csv"


MAP_SHOT = {"width": 1440, "height": 1180}  # tall enough for the whole map below the title
PROFILE_SHOT = {"width": 1440, "height": 1320}  # the title, the comparison chart and its table


@pytest.fixture(scope="module")
def img() -> Path:
    IMG.mkdir(parents=True, exist_ok=True)
    return IMG


@pytest.fixture
def guide_page(page):
    page.set_viewport_size(VIEWPORT)
    return page


def settle(page) -> None:
    """The script run has finished and everything on the page is drawn (no spinner, no skeleton)."""
    wait_idle(page)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSpinner']\")", timeout=60_000)
    page.evaluate("document.fonts.ready")


def shoot(target, path: Path) -> None:
    """A screenshot of ``target`` (page or element) with no caret, animation or hover tooltip."""
    page = target.page if isinstance(target, Locator) else target
    size = page.viewport_size
    page.mouse.move(size["width"] - 20, size["height"] - 20)  # off the sidebar: no collapse button
    target.screenshot(path=str(path), animations="disabled", caret="hide")
    assert path.stat().st_size > 10_000, path


def resize(page, size: dict) -> None:
    page.set_viewport_size(size)
    page.wait_for_timeout(500)  # charts and the map re-lay themselves out
    settle(page)


def open_menu(page, name: str, item: str) -> None:
    """Open a toolbar popover (share, download) and wait until ``item`` in it shows."""
    page.get_by_role("button", name=name).first.click()
    page.get_by_text(item, exact=True).first.wait_for(timeout=10_000)
    page.mouse.move(page.viewport_size["width"] - 20, page.viewport_size["height"] - 20)
    page.wait_for_timeout(700)  # the popover's fade-in, and the button's tooltip fading out


# The minister and municipal staff: public screens ------------------------------------------------

MAP_WORDS = {
    "lv": {"heading": "Karte", "no_data": "nav datu", "marks": ("≈ novērtēts", "≥ nepilnīgs"),
           "table": "Tabula (tie paši dati)", "share": "Kopīgot skatu",
           "share_help": "Saite atver tieši šo skatu: lapu, valodu, filtrus un izvēlēto pašvaldību. Nokopējiet to "
                         "ar pogu saites labajā pusē.",
           "filters": ("Filtri", "Rādītājs", "Gads", "Mērķgrupa", "Pakalpojums", "Robežas",
                       "Noslodzes slieksnis, %", "Rādīt pakalpojumu vietas", "Prezentācijas režīms")},
    "en": {"heading": "Map", "no_data": "no data", "marks": ("≈ estimated", "≥ incomplete"),
           "table": "Table (same data)", "share": "Share this view",
           "share_help": "The link opens exactly this view: page, language, filters and chosen municipality. Copy "
                         "it with the button on its right.",
           "filters": ("Filters", "Indicator", "Year", "Target group", "Service", "Boundaries",
                       "Occupancy threshold, %", "Show service sites", "Presentation mode")},
}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_map_sidebar_and_share(guide_page, app_url, img, lang):
    page, words = guide_page, MAP_WORDS[lang]
    page.set_viewport_size(MAP_SHOT)
    page.goto(f"{app_url}/karte?lang={lang}")
    wait_for_map(page)
    settle(page)
    page.get_by_role("heading", name=words["heading"], exact=True).wait_for()
    page.get_by_role("heading", name=words["table"], exact=True).wait_for()
    page.locator(".map-legend").get_by_text(words["no_data"], exact=True).wait_for()
    for mark in words["marks"]:
        page.get_by_text(mark, exact=False).first.wait_for()
    # Unknown is hatched as well as grey, on the map as in its legend.
    assert page.locator("svg.di-map use[fill^='url(#']").count() >= 1
    box = page.locator("svg.di-map").bounding_box()
    assert box["y"] + box["height"] <= MAP_SHOT["height"], box  # the whole map is in the shot
    shoot(page, img / f"map_{lang}.png")

    if lang == "lv":
        open_menu(page, words["share"], words["share_help"])
        link = page.locator("[data-testid='stCode'] code").first.inner_text().strip()
        assert link.startswith(f"{app_url}/karte"), link
        shoot(page, img / "share_lv.png")
        page.keyboard.press("Escape")

    # The sidebar, tall enough to show every filter at once.
    resize(page, {"width": 1440, "height": 1500})
    sidebar = page.locator("[data-testid='stSidebarUserContent']")
    for label in words["filters"]:
        sidebar.get_by_text(label, exact=True).first.wait_for()
    box = sidebar.bounding_box()
    page.mouse.move(box["x"] + box["width"] + 200, 20)
    page.wait_for_timeout(600)
    path = img / f"sidebar_{lang}.png"  # with the sidebar's own margin around its content
    page.screenshot(path=str(path), animations="disabled", caret="hide",
                    clip={"x": max(box["x"] - 16, 0), "y": max(box["y"] - 16, 0), "width": box["width"] + 32,
                          "height": box["height"] + 16})
    assert path.stat().st_size > 10_000, path


def test_presentation_mode(browser, app_url, img):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="lv-LV")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/karte?p=1")
        wait_for_map(page)
        settle(page)
        page.get_by_role("button", name="Iziet no prezentācijas režīma").wait_for()
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        shoot(page, img / "presentation_lv.png")
    finally:
        context.close()


MEETING_WORDS = {
    "lv": {"step1": "1. solis no 8", "step2": "2. solis no 8", "exit": "Iziet no prezentācijas režīma",
           "takeaway": "lielākais skaitlis — Daugavpils: 39"},
    "en": {"step1": "Step 1 of 8", "step2": "Step 2 of 8", "exit": "Leave presentation mode",
           "takeaway": "the largest is Daugavpils (republican city): 39"},
}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_meeting_story_on_the_projector_by_keyboard(browser, app_url, img, lang):
    """The meeting view fills a 1920 × 1080 projector: the step's map, its names and legend and
    the takeaway are all on screen, and the arrow keys walk the story."""
    words = MEETING_WORDS[lang]
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="lv-LV")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/sanaksme?lang={lang}&step=1")
        wait_for_map(page)
        settle(page)
        page.get_by_text(words["step1"], exact=True).wait_for()
        assert not page.locator("[data-testid='stSidebar']").is_visible()  # on the projector by default
        page.get_by_role("button", name=words["exit"]).wait_for()
        page.mouse.click(960, 5)  # focus the page, not a field: the arrow keys are the story's
        page.keyboard.press("ArrowRight")
        page.get_by_text(words["step2"], exact=True).wait_for(timeout=20_000)
        wait_for_map(page)
        settle(page)
        assert "step=2" in page.url
        page.get_by_text(words["takeaway"], exact=False).first.wait_for()
        for where in ("svg.di-map", ".di-takeaway", ".map-legend"):
            box = page.locator(where).first.bounding_box()
            assert box and box["y"] + box["height"] <= 1080, (where, box)  # nothing below the fold
        assert page.locator("svg.di-map text", has_text="Daugavpils").count() >= 1  # names on the map
        page.evaluate("document.activeElement && document.activeElement.blur()")  # no focus ring in the shot
        shoot(page, img / f"meeting_{lang}.png")
        page.keyboard.press("ArrowLeft")
        page.get_by_text(words["step1"], exact=True).wait_for(timeout=20_000)
    finally:
        context.close()


PROFILE_WORDS = {
    "lv": {"heading": "Pašvaldības profils", "compare": "Salīdzinājumā ar Latgali", "menu": "Lejupielādēt",
           "png": "PNG attēls",
           "items": ("CSV (UTF-8, komats)", "CSV Excel latviski (semikols, decimālkomats)", "XLSX (dati + avoti)",
                     "Pārskats par pašvaldību (PDF, 1 lpp.)")},
    "en": {"heading": "Municipality profile", "compare": "Compared with Latgale", "menu": "Download",
           "png": "PNG image",
           "items": ("CSV (UTF-8, comma)", "CSV for Latvian Excel (semicolon, decimal comma)",
                     "XLSX (data + sources)", "Municipality briefing (PDF, 1 page)")},
}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_profile_and_downloads(guide_page, app_url, img, lang):
    page, words = guide_page, PROFILE_WORDS[lang]
    page.set_viewport_size(PROFILE_SHOT)
    page.goto(f"{app_url}/pasvaldiba?lang={lang}&atvk=0050000")
    page.get_by_role("heading", name=words["heading"], exact=True).wait_for(timeout=60_000)
    page.get_by_text(words["compare"], exact=True).first.wait_for(timeout=60_000)
    settle(page)
    shoot(page, img / f"profile_{lang}.png")

    open_menu(page, words["menu"], words["items"][-1])
    for item in words["items"]:
        page.get_by_role("button", name=item).wait_for()
    assert page.get_by_role("button", name=words["png"]).count() >= 2  # the comparison chart and the trend
    shoot(page, img / f"downloads_{lang}.png")


# Maintainers: a server of their own -------------------------------------------------------------


@pytest.fixture(scope="module")
def maintainer_server() -> Iterator[tuple[str, subprocess.Popen]]:
    """The app with one maintainer account and a database of its own (imports land there only)."""
    from latgale_di.server import access

    folder = Path(tempfile.mkdtemp(prefix="latgale-di-guide-"))
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[maintainers]\nusers = {{ {MAINTAINER} = "{access.hash_password(PASSWORD)}" }}\n',
                       encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--secrets.files", str(secrets)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LATGALE_DI_DB": str(folder / "store.sqlite3")},
    )
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module", autouse=True)
def _start_maintainer_server_early(request):
    """Start that server while the public screens are shot: it is ready when its turn comes."""
    if any("maintainer" in item.name for item in request.session.items if item.module is request.module):
        request.getfixturevalue("maintainer_server")


@pytest.fixture(scope="module")
def maintainer_url(maintainer_server, browser) -> str:
    url, proc = maintainer_server
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("the maintainer server did not become healthy within 90 s")
            time.sleep(0.3)
    warm = browser.new_page()  # a fresh server resolves deep links only after its first run
    warm.goto(url)
    warm.get_by_role("heading").first.wait_for(timeout=120_000)
    warm.close()
    return url


SIGN_IN = {"lv": ("Datu pārvaldība", "Lietotājvārds", "Parole", "Pierakstīties", "Pierakstījies: "),
           "en": ("Data management", "User name", "Password", "Sign in", "Signed in as ")}


def open_data_page(page, url: str, lang: str) -> None:
    page.goto(f"{url}/dati?lang={lang}")
    page.get_by_role("heading", name=SIGN_IN[lang][0], exact=True).wait_for(timeout=60_000)
    settle(page)


def sign_in(page, lang: str) -> None:
    _, user, password, button, signed_in = SIGN_IN[lang]
    page.get_by_role("textbox", name=user, exact=True).fill(MAINTAINER)
    page.get_by_role("textbox", name=password, exact=True).fill(PASSWORD)
    page.get_by_role("button", name=button, exact=True).click()
    page.get_by_text(signed_in + MAINTAINER, exact=True).wait_for(timeout=30_000)
    settle(page)


def scroll_to(locator) -> None:
    """Scroll ``locator`` to the top of the screen, below Streamlit's header bar."""
    locator.evaluate("""e => {
        e.scrollIntoView({block: 'start'});
        let box = e.parentElement;
        while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
        (box || document.scrollingElement).scrollBy(0, -80);
    }""")
    locator.page.wait_for_timeout(300)


def upload(page, path: Path) -> None:
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))


def serving(page, version: str) -> None:
    """Wait until the page says it shows data version ``version`` ("… · v2, atjaunināta …")."""
    page.get_by_text(f" · {version}, ", exact=False).first.wait_for(timeout=30_000)
    settle(page)


def test_maintainer_sign_in_reject_import_roll_back(guide_page, maintainer_url, img, tmp_path):
    page = guide_page
    open_data_page(page, maintainer_url, "lv")
    for label in ("Veidne (CSV)", "Veidne (XLSX)", "Versijas", "Lietotājvārds", "Parole"):
        page.get_by_text(label, exact=True).first.wait_for()
    assert page.get_by_role("button", name="Atgriezt (jauna versija)").count() == 0  # signed out: no rollback
    assert page.locator("[data-testid='stFileUploader']").count() == 0  # and no upload
    shoot(page, img / "data_sign_in_lv.png")
    sign_in(page, "lv")

    # A file with mistakes: nothing is written, every problem is listed with file, row and column.
    bad = tmp_path / "ludzas_2024.csv"
    bad.write_text(REJECTED_CSV, encoding="utf-8")
    upload(page, bad)
    page.get_by_text("Fails noraidīts, nekas netika ierakstīts. Izlabojiet un ielādējiet vēlreiz:",
                     exact=True).wait_for(timeout=30_000)
    settle(page)
    problems = page.locator("[data-testid='stCode'] code").last.inner_text()
    for where in REJECTED_WHERE["lv"]:
        assert where in problems, problems
    shoot(page, img / "data_rejected_lv.png")

    # A good file: the changes against the current version, then import.
    upload(page, ACCEPTED)
    page.get_by_text("Fails atbilst līgumam", exact=False).wait_for(timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Ielādēt kā jaunu versiju").wait_for()
    shoot(page, img / "data_accepted_lv.png")
    page.get_by_role("button", name="Ielādēt kā jaunu versiju").click()
    serving(page, "v2")
    page.get_by_text("Fails atbilst līgumam", exact=False).wait_for(state="detached", timeout=30_000)
    settle(page)
    # The app empties the uploader after an import: the same file cannot be imported twice.
    assert page.locator("[data-testid='stFileChipDeleteBtn']").count() == 0
    page.wait_for_function("() => document.querySelector(\"input[aria-label='Versija']\").value === '2'")

    # Roll back to the first version: a third version with the first one's content.
    page.get_by_role("combobox", name="Versija").click()
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector(\"input[aria-label='Versija']\").value === '1'")
    settle(page)
    page.get_by_role("button", name="Atgriezt (jauna versija)").click()
    serving(page, "v3")
    page.get_by_text("Atgriezts: jaunā versija 3 ir versijas 1 saturs.", exact=True).wait_for()
    page.get_by_role("button", name="Lejupielādēt versijas failu").wait_for()
    scroll_to(page.get_by_text("Datu fails (CSV vai XLSX)", exact=True))
    shoot(page, img / "versions_lv.png")

    # The same rejection in English, in the same session (switching the language keeps the sign-in).
    # Only the page itself is shot: the sidebar is not what this screenshot is about.
    page.get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Data management", exact=True).wait_for(timeout=30_000)
    page.get_by_text(f"Signed in as {MAINTAINER}", exact=True).wait_for(timeout=30_000)
    settle(page)
    upload(page, bad)
    page.get_by_text("The file was rejected, nothing was written. Fix it and load it again:",
                     exact=True).wait_for(timeout=30_000)
    settle(page)
    problems = page.locator("[data-testid='stCode'] code").last.inner_text()
    for where in REJECTED_WHERE["en"]:
        assert where in problems, problems
    scroll_to(page.get_by_role("button", name="Template (CSV)"))
    main = page.locator("[data-testid='stMain']").bounding_box()
    top = page.get_by_role("button", name="Template (CSV)").bounding_box()["y"] - 10
    code = page.locator("[data-testid='stCode']").last.bounding_box()
    path = img / "data_rejected_en.png"  # from the templates to the list of problems
    page.mouse.move(VIEWPORT["width"] - 20, VIEWPORT["height"] - 20)
    page.screenshot(path=str(path), animations="disabled", caret="hide",
                    clip={"x": main["x"] + 2, "y": top, "width": main["width"] - 2,
                          "height": code["y"] + code["height"] + 24 - top})
    assert path.stat().st_size > 10_000, path
