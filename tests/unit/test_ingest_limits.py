"""Imports that scale and files named for what they are (issue 21 item 4, issue 23 item 2): limits
checked before parsing, a linear validation, whole numbers for people and places, and Unicode
digits read the same by validation and loading."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from latgale_di.ingest import importing
from latgale_di.store import dataset

HEADER = "year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note\n"
LINE = "2024,Ludzas novads,2021,adults_grt,day_care_centre,{indicator},{v},{unit},reported,test,\n"


def csv(*lines: str) -> bytes:
    return (HEADER + "".join(lines)).encode("utf-8")


def first_problem(reading: importing.Reading, lang: str = "en") -> str:
    assert not reading.ok
    return reading.problems[0].text(lang)


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an old-format Excel workbook (XLS)"),
])
def test_a_pdf_or_an_old_xls_renamed_is_named_as_what_it_is(data, what):
    text = first_problem(importing.read("dati.xlsx", data))
    assert what in text and "a CSV text file or an XLSX workbook" in text and "dati.xlsx" in text


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return buffer.getvalue()


def test_an_ods_or_a_plain_zip_is_named_as_what_it_is():
    ods = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert "an OpenDocument spreadsheet (ODS)" in first_problem(importing.read("dati.xlsx", ods))
    assert "(ODS)" in first_problem(importing.read("dati.xlsx", ods), "en")
    assert "OpenDocument izklājlapa (ODS)" in first_problem(importing.read("dati.xlsx", ods), "lv")
    plain = _zip({"dati.csv": b"a,b\n1,2\n"})
    assert "a ZIP archive (not an XLSX workbook)" in first_problem(importing.read("dati.xlsx", plain))


def test_more_rows_than_the_limit_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 100)
    text = first_problem(importing.read("liels.csv", csv(*[LINE.format(indicator="places", v=i, unit="places")
                                                            for i in range(150)])))
    assert "150 rows" in text and "at most 100 rows in one file" in text


def test_an_xlsx_with_more_rows_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 50)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    for i in range(80):
        sheet.append([2024, "Ludzas novads", "2021", "adults_grt", "day_care_centre", "places", i, "places",
                      "reported", "test", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    assert "at most 50 rows in one file" in first_problem(importing.read("liels.xlsx", buffer.getvalue()))


@pytest.mark.parametrize("indicator, unit", [("persons_served", "persons"), ("places", "places")])
def test_people_and_places_are_whole_numbers(indicator, unit):
    text = first_problem(importing.read("dati.csv", csv(LINE.format(indicator=indicator, v='"12,5"', unit=unit))))
    assert "row 2" in text and "'value'" in text and "'12.5'" in text and "a whole number" in text


def test_fullwidth_digits_validate_and_load_as_the_same_number(tmp_path):
    reading = importing.read("dati.csv", csv(LINE.format(indicator="places", v="１２", unit="places")))
    assert reading.ok, [p.text("en") for p in reading.problems]
    loaded = dataset.typed_observations(reading.table)
    assert loaded["value"].tolist() == [12.0]
    # Loading a stored "１２" (an older store) reads the same figure, not a missing one.
    assert dataset.typed_observations(reading.table.assign(value="١٢"))["value"].tolist() == [12.0]


def test_many_repeated_rows_give_a_few_warnings_and_one_count():
    line = LINE.format(indicator="places", v=12, unit="places")
    reading = importing.read("dati.csv", csv(*[line] * 500))
    assert reading.ok
    assert len(reading.problems) == 21
    assert "479 more repeated rows" in reading.problems[-1].text("en")


def test_a_missing_column_message_lists_only_the_required_ones():
    data = "year,atvk,vintage,target_group,service,indicator,value,unit,status\n2024,Ludzas novads,2021,adults_grt," \
           "any,places,1,places,reported\n"
    text = first_problem(importing.read("dati.csv", data.encode()))
    assert "'source'" in text and "note" not in text


def test_a_file_with_many_wrong_rows_lists_the_first_500_and_counts_the_rest():
    import pandas as pd

    from latgale_di.ingest import contract

    rows = pd.DataFrame([{"year": 2023, "atvk": "0002000", "vintage": "2021", "target_group": "adults_grt",
                          "service": "group_apartments", "indicator": "places", "value": "daudz", "unit": "places",
                          "status": "reported", "source": "s", "note": ""} for _ in range(700)])
    report = contract.validate_table(rows, "observations", "big.csv")
    assert not report.ok and len(report.errors) == contract.ERRORS_LISTED + 1
    assert report.errors[0].text("en").startswith("error: big.csv, row 2, column 'value'")
    assert report.errors[-1].text("en") == ("error: big.csv, column 'value': found 200 more errors in this column; "
                                            "expected fix the 500 errors listed first: the rest are usually the same")
