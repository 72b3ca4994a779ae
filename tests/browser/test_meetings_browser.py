"""Meetings in a real headless Chromium: projector mode, embedding, share link, downloads, keyboard."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from tests.browser.test_map_browser import search, wait_for_map, wait_idle

MAP = "svg.di-map"


def test_presentation_mode_fills_a_1920_by_1080_projector(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?p=1&ind=share_served&tg=children_ft")
    wait_for_map(page)
    wait_idle(page)
    page.screenshot(path=str(artifacts / "presentation_map_lv.png"))
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    box = page.locator(MAP).bounding_box()
    # The whole map is on the screen, at (nearly) its full height, with no scrolling.
    assert box["height"] >= 800 and box["width"] >= 1000 and box["y"] + box["height"] <= 1080, box
    legend = page.locator(".map-legend").bounding_box()
    assert legend["x"] + legend["width"] <= box["x"], (legend, box)  # legend beside the map, not above
    title_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert title_px >= 44, title_px  # readable from the back of the room
    exit_button = page.get_by_role("button", name="Iziet no prezentācijas režīma")
    exit_button.wait_for()
    exit_button.click()
    page.locator("[data-testid='stSidebar']").wait_for(state="visible", timeout=30_000)
    page.wait_for_function("() => !window.location.search.includes('p=1')", timeout=30_000)


def test_presentation_mode_works_embedded(page, app_url, artifacts):
    page.goto(f"{app_url}/karte?p=1&embed=true&lang=en")
    wait_for_map(page)
    wait_idle(page)
    page.screenshot(path=str(artifacts / "presentation_embed_en.png"))
    assert "embed=true" in search(page) and "p=1" in search(page)
    box = page.locator(MAP).bounding_box()
    assert box["width"] >= 1000 and box["y"] + box["height"] <= 1080, box
    page.get_by_role("button", name="Leave presentation mode").wait_for()


def open_menu(page, name: str, item: str) -> None:
    """Open a popover menu unless ``item`` in it is already showing (a second click would close it)."""
    if not page.get_by_role("button", name=item).is_visible():
        page.get_by_role("button", name=name).first.click()
    page.get_by_role("button", name=item).wait_for(timeout=10_000)


def test_share_link_reopens_exactly_the_view_after_sidebar_navigation(page, browser, app_url):
    page.goto(f"{app_url}/?lang=en&year=2023&v=2021&tg=adults_grt")
    page.get_by_role("heading", name="Overview").wait_for(timeout=60_000)
    page.get_by_role("link", name="Municipality profile").click()
    page.get_by_role("heading", name="Municipality profile").wait_for(timeout=60_000)
    wait_idle(page)
    chosen = page.get_by_role("combobox", name="Municipality").input_value()
    page.get_by_role("button", name="Share this view").click()
    code = page.locator("[data-testid='stCode'] code").first
    code.wait_for()
    link = code.inner_text().strip()
    assert link.startswith(f"{app_url}/pasvaldiba?"), link
    for part in ("lang=en", "year=2023", "v=2021", "tg=adults_grt", "atvk="):
        assert part in link, (part, link)
    assert page.locator("[data-testid='stCode'] button").count() >= 1  # the copy button

    other = browser.new_context(viewport={"width": 1920, "height": 1080})
    fresh = other.new_page()
    fresh.goto(link)
    fresh.get_by_role("heading", name="Municipality profile").wait_for(timeout=60_000)
    wait_idle(fresh)
    assert fresh.get_by_role("combobox", name="Municipality").input_value() == chosen
    assert fresh.get_by_role("combobox", name="Year").input_value() == "2023"
    other.close()


def download(page, label: str):
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    return info.value


def test_downloads_open_in_excel_with_latvian_letters_and_the_filtered_rows(page, app_url, artifacts):
    page.goto(f"{app_url}/noslodze?year=2023&v=2021&tg=adults_grt")
    page.get_by_role("heading", name="Pakalpojumi un noslodze").wait_for(timeout=60_000)
    wait_idle(page)
    shown = page.locator(".di-table").first
    shown.wait_for()
    shown_rows = shown.locator("tbody tr").count()

    open_menu(page, "Lejupielādēt", "XLSX (dati + avoti)")
    csv_lv = download(page, "CSV Excel latviski (semikols, decimālkomats)")
    assert csv_lv.suggested_filename == "latgale_di_noslodze_2023_excel_lv.csv"
    raw = open(csv_lv.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert len(table) == shown_rows >= 1 and "Pašvaldība" in table.columns  # the rows on screen, no more
    assert set(table["Mērķgrupa"]) == {"Pieaugušie ar garīga rakstura traucējumiem (GRT)"}  # the filter held
    assert pd.api.types.is_numeric_dtype(table["Vietas"])

    open_menu(page, "Lejupielādēt", "XLSX (dati + avoti)")
    xlsx = download(page, "XLSX (dati + avoti)")
    book = openpyxl.load_workbook(io.BytesIO(open(xlsx.path(), "rb").read()))
    assert book.sheetnames == ["Dati", "Par datiem"]
    assert book["Dati"].max_row == len(table) + 1
    about = [c for row in book["Par datiem"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith(f"{app_url}/noslodze?") for c in about)  # the link back to this view

    open_menu(page, "Lejupielādēt", "XLSX (dati + avoti)")
    png = download(page, "Pa pašvaldībām — PNG attēls")
    data = open(png.path(), "rb").read()
    assert data.startswith(b"\x89PNG")
    (artifacts / "export_occupancy_chart.png").write_bytes(data)


def test_the_profile_page_hands_out_a_one_page_briefing(page, app_url, artifacts):
    import subprocess

    page.goto(f"{app_url}/pasvaldiba?atvk=0050000&year=2019")
    page.get_by_role("heading", name="Pašvaldības profils").wait_for(timeout=60_000)
    wait_idle(page)
    open_menu(page, "Lejupielādēt", "Pārskats par pašvaldību (PDF, 1 lpp.)")
    pdf = download(page, "Pārskats par pašvaldību (PDF, 1 lpp.)")
    assert pdf.suggested_filename == "latgale_di_parskats_0050000_2019_lv.pdf"
    target = artifacts / "briefing_from_app.pdf"
    pdf.save_as(target)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Daugavpils — DI pārskats, 2019. g." in text and "Avoti" in text


def test_the_map_downloads_as_the_drawing_on_screen_for_a_slide_and_an_a4_page(page, app_url, artifacts):
    from PIL import Image

    page.goto(f"{app_url}/karte?ind=share_served&tg=adults_grt&year=2019")
    wait_for_map(page)
    wait_idle(page)
    # The colours the screen gives the municipalities: the picture must show every one of them.
    fills = set(page.evaluate("() => [...document.querySelectorAll('svg.di-map a use')]"
                              ".map(u => u.getAttribute('data-fill') || u.getAttribute('fill'))"))
    for label, size, name in (("Karte — PNG attēls slaidam (16:9)", (1920, 1080), "16x9"),
                              ("Karte — PNG attēls A4 lapai", (2480, 3508), "A4")):
        open_menu(page, "Lejupielādēt", label)
        png = download(page, label)
        assert png.suggested_filename == f"latgale_di_karte_2019_{name}.png"
        image = Image.open(png.path()).convert("RGB")
        assert image.size == size
        colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in image.getcolors(maxcolors=1 << 20)}
        assert fills <= colours, fills - colours
        image.save(artifacts / f"export_map_{name}.png")


def test_language_and_menus_work_from_the_keyboard(page, app_url):
    page.goto(f"{app_url}/karte")
    wait_for_map(page)
    wait_idle(page)
    english = page.get_by_role("radio", name="English")
    english.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Map").wait_for(timeout=30_000)
    wait_idle(page)
    share = page.get_by_role("button", name="Share this view")
    share.focus()
    page.keyboard.press("Enter")
    page.locator("[data-testid='stCode']").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    # The table's names are links: the keyboard way to what a click on the map does.
    link = page.locator(".di-table a", has_text="Rēzekne").first
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Municipality profile").wait_for(timeout=30_000)
    assert "/pasvaldiba" in page.url and "lang=en" in page.url  # the profile, in the language chosen by key
