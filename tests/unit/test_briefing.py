"""The one-page municipality briefing: real PDFs printed by Debian's chromium, read back with poppler."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from latgale_di.analysis import figures, profile
from latgale_di.confidentiality import privacy
from latgale_di.core import formatting, i18n
from latgale_di.render import briefing, locator, pdf
from latgale_di.server import access
from latgale_di.store import dataset, storage
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries

ROOT = Path(__file__).resolve().parents[2]
THRESHOLD = 5
YEARS = list(range(2016, 2025))
SEED_003 = "Ievērojami pieaudzis sabiedrībā balstītu sociālo pakalpojumu saņēmušo skaits DI projekta ietvaros"


@lru_cache(maxsize=1)
def public() -> Dataset:
    """The shipped data as the public sees them: counts below 5 hidden."""
    data = dataset.load()
    return replace(data, observations=privacy.suppress(data.observations, THRESHOLD))


@lru_cache(maxsize=4)
def table_of(vintage: str, below: int = THRESHOLD) -> pd.DataFrame:
    data = public() if below == THRESHOLD else dataset.load()
    return figures.table(data, vintage, YEARS)


def text_of(document: bytes, tmp_path: Path) -> str:
    """The PDF's text in reading order, with line breaks and non-breaking spaces as plain spaces."""
    path = tmp_path / "read.pdf"
    path.write_bytes(document)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.replace(i18n.NBSP, " "))


def pages_of(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def make(atvk: str, vintage: str, lang: str, data: Dataset | None = None, year: int = 2019) -> bytes:
    data = data or public()
    table = table_of(vintage) if data is public() else figures.table(data, vintage, YEARS)
    return briefing.pdf(data, table, atvk, year, vintage, lang, suppress_below=THRESHOLD)


def largest(vintage: str, lang: str, year: int = 2019) -> str:
    """The municipality whose briefing has the most to say (rows, sites, sources)."""
    def size(atvk: str) -> int:
        b = briefing.build(public(), table_of(vintage), atvk, year, vintage, lang)
        return (len(b.indicators) + b.more_indicators + 2 * (len(b.sites) + b.more_sites) + len(b.shortfalls)
                + len(b.sources))
    return max(boundaries.units(vintage), key=size)


# --- content --------------------------------------------------------------------------------------

def test_latvian_briefing_reads_back_with_name_comparison_no_data_sources_and_version(tmp_path):
    atvk = "0780200"  # Rēzeknes novads, 2009 boundaries
    text = text_of(make(atvk, "2009", "lv"), tmp_path)
    assert "Rēzeknes novads — DI pārskats, 2019. g." in text
    assert "Robežas: 21 pašvaldība (2009–2021)" in text
    assert "Datu versija 2026.12-research-pack-2, atjaunināta 05.12.2026." in text
    assert "Galvenie rādītāji salīdzinājumā ar reģionu" in text
    # The region column: the mean and range of the municipalities with a figure, as the profile computes them.
    compared = profile.comparison(table_of("2009"), atvk, 2019)
    row = compared[(compared["indicator"] == "persons_served") & (compared["target_group"] == "children_ft")
                   & (compared["service"] == "any")].iloc[0]
    mean = formatting.format_number(row.region_mean, "lv").replace(i18n.NBSP, " ")
    assert mean in text
    assert f"{formatting.format_number(row.region_min, 'lv')}–{formatting.format_number(row.region_max, 'lv')} · " \
           f"{int(row.units_with_data)} no 21 pašv." in text
    # Persons assessed: other municipalities have a figure, Rēzeknes novads has none.
    assert "nav datu" in text
    assert "Avotos nav iztrūkuma skaitļa." in text
    assert SEED_003 in text
    assert "Skaitļi, kas mazāki par 5, ir slēpti privātuma dēļ" in text
    assert "EuroGeographics" in text


def test_unknown_is_said_in_words_never_zero():
    b = briefing.build(public(), table_of("2009"), "0780200", 2019, "2009", "lv")
    assessed = [r for r in b.indicators if r.indicator == "persons_assessed" and r.target_group == "adults_grt"]
    assert assessed and assessed[0].value == "nav datu" and not assessed[0].known
    assert assessed[0].region != "nav datu"  # the region has figures: the gap is this municipality's
    assert b.shortfalls == () and b.shortfall_messages == ("Avotos nav iztrūkuma skaitļa.",)
    # A reported zero is a finding and stays 0.
    served = [r for r in b.indicators if r.indicator == "persons_served" and r.target_group == "adults_grt"
              and r.service == "any"]
    assert served[0].value == "0" and served[0].known


def test_english_briefing_has_english_headings(tmp_path):
    text = text_of(make("0780200", "2009", "en"), tmp_path)
    assert "Rēzekne Municipality — DI briefing, 2019" in text
    for heading in ("Key indicators against the region", "This municipality", "Service sites", "Shortfalls",
                    "Sources", "Boundaries: 21 municipalities (2009–2021)",
                    "Data version 2026.12-research-pack-2, updated 5 Dec 2026", "no data",
                    "No shortfall figure in the sources.", "Counts below 5 are hidden for privacy"):
        assert heading in text, heading
    assert "pārskats" not in text and "nav datu" not in text


def test_shortfall_rows_for_a_municipality_with_a_gap():
    b = briefing.build(public(), table_of("2009"), "0050000", 2019, "2009", "en")
    assert len(b.shortfalls) == 1
    gap = b.shortfalls[0]
    assert (gap.label, gap.assessed, gap.supply_label, gap.supply, gap.gap) == (
        "Adults with GRT · all services", "67", "Persons served", "28", "39 (58 %)")
    assert b.sources[gap.refs[0] - 1].title == SEED_003


def test_sources_are_numbered_in_order_of_first_citation():
    b = briefing.build(public(), table_of("2009"), "0050000", 2019, "2009", "lv")
    assert [s.number for s in b.sources] == list(range(1, len(b.sources) + 1))
    cited = {n for r in (*b.indicators, *b.sites, *b.shortfalls) for n in r.refs} | set(b.population_refs)
    assert cited == {s.number for s in b.sources}
    assert all(s.url.startswith("http") for s in b.sources if s.url)


def test_small_count_shows_as_below_threshold_not_the_number(tmp_path):
    # Daugavpils' specialised workshops served 1 former VSAC resident in 2019 (seed 003).
    def workshop(b):
        return [r for r in b.indicators if r.indicator == "persons_served" and r.service == "specialised_workshop"]

    hidden = briefing.build(public(), table_of("2009"), "0050000", 2019, "2009", "lv", suppress_below=THRESHOLD)
    assert [r.value for r in workshop(hidden)] == ["<5"] and workshop(hidden)[0].status == "Slēpts"
    text = text_of(make("0050000", "2009", "lv"), tmp_path)
    assert "<5" in text and "Slēpts" in text
    maintainer = briefing.build(dataset.load(), table_of("2009", 0), "0050000", 2019, "2009", "lv", suppress_below=0)
    assert [r.value for r in workshop(maintainer)] == ["1"]
    assert "neizplatīt" in maintainer.privacy_text


def test_synthetic_dataset_shows_the_banner(tmp_path):
    data = public()
    synthetic = replace(data, metadata={**data.metadata, "synthetic": True})
    assert synthetic.synthetic and not data.synthetic
    assert "SYNTHETIC DEMO DATA – not real figures" in text_of(make("0043000", "2021", "en", synthetic), tmp_path)
    assert "SINTĒTISKI DEMONSTRĀCIJAS DATI" in text_of(make("0043000", "2021", "lv", synthetic), tmp_path)
    assert "SYNTHETIC" not in text_of(make("0043000", "2021", "en"), tmp_path)


def test_text_from_data_is_escaped_and_nothing_external_is_referenced(tmp_path):
    data = public()
    sources = data.sources.copy()
    hit = sources["id"] == "seed:003_570bfe9974c00b71"
    sources.loc[hit, "title"] = '<script>alert("x")</script> & <b>bold</b>'
    sources.loc[hit, "url"] = 'https://example.org/?a=1&b="2"'
    hostile = replace(data, sources=sources)
    b = briefing.build(hostile, table_of("2009"), "0050000", 2019, "2009", "en")
    page = briefing.html(b)
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    # Standalone: no fonts, images, styles or scripts from anywhere.
    assert not re.search(r"<(link|img|script|iframe|object)\b|@import|url\(|\bsrc=", page, re.I)
    assert "@page { size: A4; margin: 12mm; }" in page
    text = text_of(pdf.from_html(page), tmp_path)
    assert '<script>alert("x")</script> & <b>bold</b>' in text


def test_unknown_atvk_is_a_clear_value_error():
    with pytest.raises(ValueError, match=r"'0002000' is not a municipality of the 2009 boundaries; valid codes: "
                                         r".*0780200 Rēzeknes novads"):
        briefing.build(public(), table_of("2009"), "0002000", 2019, "2009", "lv")
    with pytest.raises(ValueError, match="not a municipality"):
        briefing.build(public(), table_of("2021"), boundaries.REGION_CODE, 2019, "2021", "lv")


# --- one page -------------------------------------------------------------------------------------

@pytest.mark.parametrize("vintage", ["2009", "2021"])
@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("year", [2019, 2023])
def test_largest_case_fits_one_a4_page(vintage, lang, year, artifacts, tmp_path):
    atvk = largest(vintage, lang, year)
    # The fullest rows must fit; the DI plan lines may give way (briefing.LIMITS[1]).
    b = briefing.build(public(), table_of(vintage), atvk, year, vintage, lang, suppress_below=THRESHOLD,
                       limits=briefing.LIMITS[1])
    # A real test of the space, not an empty page: 2019 has the shortfalls, 2023 the sites (a site
    # appears in a year's briefing only once it is open).
    assert len(b.indicators) >= 6 and (year == 2019 or b.sites)
    document = pdf.from_html(briefing.html(b))
    path = tmp_path / f"briefing_{atvk}_{lang}_{year}.pdf"
    path.write_bytes(document)
    assert pages_of(path) == 1
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path),
                    str(artifacts / f"briefing_{atvk}_{lang}_{year}")], check=True)
    assert (artifacts / f"briefing_{atvk}_{lang}_{year}.png").stat().st_size > 10_000
    text = text_of(document, tmp_path)
    assert b.name in text and b.sources[-1].title[:40] in text and b.generated_text in text


def test_more_than_fits_gives_fewer_rows_not_a_second_page(tmp_path):
    data = public()
    extra = pd.DataFrame([{
        "id": f"TEST-{i}", "name": f"Ļoti garš pakalpojumu vietas nosaukums Nr. {i} ar adresi un filiāles aprakstu",
        "atvk": "0002000", "services": "day_care_centre;respite_care;social_rehabilitation;specialised_workshop",
        "target_groups": "adults_grt;children_ft", "places": float(i), "occupied": math.nan, "lat": 55.88333,
        "lon": 26.53333, "location_precision": "settlement", "opened": "", "status": "planned",
        "source": f"test/source-{i}", "note": "",
    } for i in range(20)])
    sources = pd.DataFrame([{
        "id": f"test/source-{i}", "title": f"Izdomāts avots ar garu nosaukumu par pakalpojumu vietu numur {i} " * 2,
        "publisher": "test", "date": "", "url": f"https://example.org/{'garš-ceļš/' * 12}{i}", "kind": "test",
    } for i in range(20)])
    crowded = replace(data, facilities=pd.concat([data.facilities, extra], ignore_index=True),
                      sources=pd.concat([data.sources, sources], ignore_index=True))
    document = make("0002000", "2021", "en", crowded, year=2023)
    path = tmp_path / "crowded.pdf"
    path.write_bytes(document)
    assert pages_of(path) == 1
    assert re.search(r"\d+ more sites in the dashboard", text_of(document, tmp_path))


# --- locator map ----------------------------------------------------------------------------------

@pytest.mark.parametrize("vintage", boundaries.VINTAGES)
def test_locator_map_draws_every_unit_and_highlights_one(vintage):
    units = boundaries.units(vintage)
    atvk = next(iter(units))
    drawing = locator.svg(vintage, atvk, title='Name <with> "quotes"')
    assert drawing.startswith("<svg") and drawing.endswith("</svg>")
    assert drawing.count("<path id=") == len(units)
    assert drawing.count(f'fill="{locator.ACCENT}"') == 1
    assert "<title>Name &lt;with&gt; &quot;quotes&quot;</title>" in drawing
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', drawing).groups())
    # Web Mercator at 56° N stretches north–south: Latgale is taller than wide, as on the app's map.
    assert width == 360 and 1.15 < height / width < 1.35
    assert "http://www.w3.org/2000/svg" in drawing and "href=\"http" not in drawing


def test_locator_rings_a_small_city_so_it_can_be_found():
    assert "<circle" in locator.svg("2021", "0002000")  # Daugavpils valstspilsēta
    assert "<circle" not in locator.svg("2021", "0043000")  # Rēzeknes novads


# --- browser ------------------------------------------------------------------------------------

def test_missing_browser_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(RuntimeError, match=r"PDF export needs chromium on PATH or \$BROWSER_PATH"):
        pdf.from_html("<p>x</p>")


def test_page_count_reads_chromium_pdfs():
    two = pdf.from_html('<p>one</p><p style="break-before: page">two</p>')
    assert pdf.page_count(two) == 2 and pdf.page_count(pdf.from_html("<p>one</p>")) == 1


# --- command line -------------------------------------------------------------------------------

def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "latgale_di", "briefing", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def test_cli_writes_a_one_page_pdf(tmp_path):
    out = tmp_path / "rezeknes-novads.pdf"
    started = time.monotonic()
    result = cli("--atvk", "0043000", "--lang", "lv", "--out", str(out), "--vintage", "2021")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < 20
    assert str(out) in result.stdout and re.search(r"in \d+\.\d s", result.stdout)
    assert out.read_bytes().startswith(b"%PDF") and pages_of(out) == 1
    assert "Rēzeknes novads — DI pārskats, 2019. g." in text_of(out.read_bytes(), tmp_path)
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed, not left behind


def test_cli_defaults_to_latvian_and_2009_boundaries_for_2019(tmp_path):
    out = tmp_path / "b.pdf"
    result = cli("--atvk", "0210000", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out.read_bytes(), tmp_path)
    assert "Rēzekne — DI pārskats, 2019. g." in text and "21 pašvaldība (2009–2021)" in text


def test_cli_bad_atvk_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "nothing.pdf"
    result = cli("--atvk", "0043000", "--lang", "en", "--out", str(out), "--vintage", "2009")  # a 2021 code
    assert result.returncode == 2
    assert "not a municipality of the 2009 boundaries" in result.stderr
    assert "it is a 2021 code" in result.stderr and "valid codes: 2009: 0604300 Aglonas novads" in result.stderr
    result = cli("--atvk", "9999999", "--out", str(out))
    assert result.returncode == 2 and "valid codes" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_uses_the_current_stored_version(tmp_path):
    store = storage.Store(tmp_path / "store.sqlite3")
    store.ensure_initial()
    rows = store.observations()
    changed = rows[(rows["year"] == "2019") & (rows["atvk"] == "0780200") & (rows["target_group"] == "children_ft")
                   & (rows["service"] == "any") & (rows["indicator"] == "persons_served")].assign(value="777")
    assert len(changed) == 1
    store.import_rows(changed, author="test", file_name="fix.csv", data=b"fix")
    out = tmp_path / "stored.pdf"
    result = cli("--atvk", "0780200", "--out", str(out), env={"LATGALE_DI_DB": str(tmp_path / "store.sqlite3")})
    assert result.returncode == 0, result.stderr
    text = text_of(out.read_bytes(), tmp_path)
    assert "2026.12-research-pack-2 · v2" in text and "777" in text


def test_cli_maintainer_sees_small_counts_and_a_wrong_password_writes_nothing(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[maintainers]\nusers = {{ anna = "{access.hash_password("pw-1", "cd" * 16)}" }}\n')
    env = {"LATGALE_DI_SECRETS": str(secrets), "LATGALE_DI_PASSWORD": "pw-1"}
    out = tmp_path / "maintainer.pdf"
    result = cli("--atvk", "0050000", "--lang", "en", "--out", str(out), "--maintainer", "anna", env=env)
    assert result.returncode == 0, result.stderr
    text = text_of(out.read_bytes(), tmp_path)
    assert "Maintainer view: small counts are shown" in text and "<5" not in text
    refused = tmp_path / "refused.pdf"
    result = cli("--atvk", "0050000", "--out", str(refused), "--maintainer", "anna",
                 env={**env, "LATGALE_DI_PASSWORD": "wrong"})
    assert result.returncode == 2 and "wrong user name or password" in result.stderr and not refused.exists()


def test_the_briefing_says_where_latgale_stands_against_the_di_plan_when_it_fits(tmp_path):
    b = briefing.build(public(), table_of("2021"), "0037000", 2023, "2021", "en", suppress_below=THRESHOLD)
    lines = [text for text, _ in b.plan_lines]
    assert any(line.startswith("Children with FT: 460 of 533 (86 %), cumulative to 2022") for line in lines)
    assert all(refs for _, refs in b.plan_lines)  # each line cites its figures
    text = text_of(make("0037000", "2021", "en", year=2023), tmp_path)
    assert "Latgale against the DI plan" in text and "460 of 533" in text
