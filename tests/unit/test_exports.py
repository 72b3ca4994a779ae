"""Exports read back as a colleague would: pandas for CSV, openpyxl for XLSX, PNG bytes from kaleido."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from latgale_di.analysis import figures, occupancy
from latgale_di.analysis.state import ViewState
from latgale_di.confidentiality import privacy
from latgale_di.render import choropleth, exports, images
from latgale_di.store import dataset
from latgale_di.territory import boundaries


@pytest.fixture(scope="module")
def public():
    data = dataset.load()
    return replace(data, observations=privacy.suppress(data.observations, 5))


@pytest.fixture(scope="module")
def table(public):
    return figures.table(public, "2009", [2019, 2023])


@pytest.fixture(scope="module")
def table_2021(public):
    return figures.table(public, "2021", [2019, 2022, 2023])


def names(lang: str = "lv", vintage: str = "2009") -> dict[str, str]:
    out = boundaries.names(vintage, lang)
    out[boundaries.REGION_CODE] = "Latgales plānošanas reģions"
    return out


def occupancy_export(public, table, lang: str = "lv") -> tuple[pd.DataFrame, exports.Export]:
    rows = occupancy.by_municipality(table, 2023, "adults_grt", "any", 80)
    state = ViewState(lang=lang, year=2023, vintage="2021", target_group="adults_grt", indicator="occupancy_rate")
    export = exports.Export(
        name=exports.file_stem("noslodze", 2023), table=exports.localise(rows, lang, names(lang, "2021"),
                                                                         public.cite),
        sources=exports.cited_sources(public.sources, rows["source"]),
        about=exports.about(public, state, lang, "Noslodze", "http://example.test/noslodze?tg=adults_grt", 5),
        lang=lang)
    return rows, export


def test_csv_has_a_bom_latvian_letters_and_the_filtered_rows(public, table_2021):
    rows, export = occupancy_export(public, table_2021)
    raw = exports.csv_bytes(export.table)
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert len(back) == len(rows) > 0
    assert "Pašvaldība" in back.columns and "Pakalpojums" in back.columns
    codes = back["ATVK kods"].astype(str)
    assert set(codes.where(~codes.str.isdigit(), codes.str.zfill(7))) == set(rows["atvk"])
    assert back["Pašvaldība"].str.contains("ē|ā|ī|ū|ļ|ņ|š|ž|č|ģ|ķ").any()
    assert pd.api.types.is_numeric_dtype(back["Vietas"])  # numbers stay numbers


def test_csv_for_latvian_excel_uses_semicolons_and_a_decimal_comma():
    frame = pd.DataFrame({"atvk": ["0020000"], "value": [83.3], "note": ["Rēzeknes; novads"]})
    table = exports.localise(frame, "lv", names(), lambda s: s)
    raw = exports.csv_bytes(table, excel_lv=True)
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "ATVK kods;Pašvaldība;Vērtība;Piezīme"
    assert "83,3" in text and '"Rēzeknes; novads"' in text  # a separator inside text is quoted
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", dtype={"ATVK kods": str})
    assert back.loc[0, "Vērtība"] == 83.3 and back.loc[0, "ATVK kods"] == "0020000"


def test_text_that_a_spreadsheet_would_run_is_neutralised_in_csv_and_xlsx():
    frame = pd.DataFrame({"note": ["=HYPERLINK(\"http://evil\")", "+1", "plain"], "value": [-1.0, 2.0, 3.0]})
    raw = exports.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in raw and "'+1" in raw and ",-1.0" in raw  # negative numbers stay numbers
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(exports.Export("x", frame, pd.DataFrame(
        columns=["id", "title", "url"]), [("a", "=1+1")]))))
    cells = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://evil\")" in cells and all(c.data_type != "f" for row in book.worksheets[0].iter_rows()
                                                            for c in row)
    assert "'=1+1" in [c.value for row in book.worksheets[1].iter_rows() for c in row]


def test_xlsx_second_sheet_lists_the_view_its_sources_and_status_meanings(public, table_2021):
    rows, export = occupancy_export(public, table_2021)
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(export)))
    assert book.sheetnames == ["Dati", "Par datiem"]
    data_rows = list(book["Dati"].iter_rows(values_only=True))
    assert len(data_rows) == len(rows) + 1 and "Pašvaldība" in data_rows[0]
    about = [c for row in book["Par datiem"].iter_rows(values_only=True) for c in row if c is not None]
    assert "Pieaugušie ar garīga rakstura traucējumiem (GRT)" in " ".join(map(str, about))  # the filter of the view
    assert "http://example.test/noslodze?tg=adults_grt" in about
    assert any("mazāki par 5" in str(c) for c in about)  # the privacy rule that shaped the figures
    titles = set(export.sources.iloc[:, 1])
    assert titles and titles <= set(about)
    assert "Ziņots" in about and "Novērtēts" in about  # what each status means
    assert boundaries.attribution("lv") in about


def test_english_export_has_english_headers_and_labels(public, table_2021):
    _, export = occupancy_export(public, table_2021, "en")
    assert {"Municipality", "Service", "Places", "Occupancy"} <= set(export.table.columns)
    assert openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(export))).sheetnames == ["Data", "About"]


def test_a_count_hidden_for_privacy_is_an_empty_cell_with_its_status(table):
    hidden = table[(table["status"] == "suppressed")].head(3)
    assert not hidden.empty
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(exports.localise(hidden, "en", names("en"), str))),
                       encoding="utf-8-sig")
    assert back["Value"].isna().all()
    assert set(back["Status"]) == {"Hidden"}


def test_map_rows_include_municipalities_without_a_figure(table):
    view = figures.view(figures.of_year(table, 2019), "2009", 2019, "children_ft", "any", "share_served")
    classes = choropleth.classes_for("share_served", pd.Series([f.value for f in view.figures()], dtype=float))
    views = choropleth.unit_views(view, classes, "lv")
    frame = choropleth.views_table(views, "share_served", 2019, "children_ft", "any")
    assert len(frame) == 21
    assert (frame["shown"] == "nav datu").sum() == frame["value"].isna().sum() - (frame["value_min"].notna()).sum()
    shown = exports.localise(frame, "lv", names(), str)
    assert "Kā kartē" in shown.columns and (shown["Kā kartē"] == "nav datu").any()


def test_the_share_address_carries_every_changed_setting():
    state = ViewState(lang="en", year=2023, vintage="2021", atvk="0022000", present=True)
    url = state.url("https://di.example.lv/karte")
    assert url.startswith("https://di.example.lv/karte?")
    assert ViewState.from_params(dict(p.split("=") for p in url.split("?")[1].split("&"))) == state
    assert ViewState().url("https://di.example.lv/") == "https://di.example.lv/"


def test_file_names_say_what_they_hold():
    assert exports.file_stem("pasvaldiba", 2019, "0020000") == "latgale_di_pasvaldiba_0020000_2019"
    assert not math.isnan(len(exports.status_meanings("lv")))


def test_images_do_not_inherit_streamlits_placeholder_template():
    import plotly.graph_objects as go
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (registers and selects the "streamlit" template)

    assert pio.templates.default == "streamlit"
    fig = go.Figure(go.Scatter(x=[0, 1, 1, 0], y=[0, 0, 1, 1], fill="toself", fillcolor="rgb(200, 200, 200)",
                               fillpattern=dict(shape="/", fgcolor="#ffffff", solidity=0.25)))
    png = images.png(fig, width=200, height=200)
    from PIL import Image

    pixels = Image.open(io.BytesIO(png)).convert("RGB")
    centre = pixels.getpixel((100, 100))
    grey = sum(1 for x in range(80, 120) for y in range(80, 120) if pixels.getpixel((x, y))[0] < 230)
    assert grey > 200, (centre, grey)  # the hatched grey fill is drawn, not left white


def test_xlsx_lists_the_whole_record_of_each_source(public, table_2021):
    rows, export = occupancy_export(public, table_2021)
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(export)))
    cells = list(book["Par datiem"].iter_rows(values_only=True))
    header = next(r for r in cells if r and r[0] == "id")
    assert list(header[:9]) == ["id", "Avots", "Izdevējs", "Publicēts", "URL", "Avota veids", "Skatīts", "Licence",
                                "Piezīme"]
    records = [r for r in cells[cells.index(header) + 1:] if r and r[0] and r[0] in set(export.sources["id"])]
    assert len(records) == len(export.sources) > 0
    for record in records:
        assert record[2] and record[5], record  # publisher, kind
        assert record[4].startswith(("https://", "data/sources/seeds/")), record  # a seed ships as text
    assert any(r[3] for r in records)  # the key figures' pages are dated
