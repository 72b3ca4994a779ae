"""The data contract: good files pass, bad ones get one precise message per problem."""

import pandas as pd
import pytest

from latgale_di.core.paths import DATA_DIR
from latgale_di.ingest import contract

GOOD = {
    "year": "2019", "atvk": "0050000", "vintage": "2009", "target_group": "adults_grt", "service": "any",
    "indicator": "persons_served", "value": "28", "unit": "persons", "status": "reported",
    "source": "seed:003_570bfe9974c00b71", "note": "",
}


def check(*rows: dict, kind: str = "observations") -> contract.Report:
    return contract.validate_table(pd.DataFrame(list(rows), dtype=str), kind, "obs.csv")


def messages(report: contract.Report) -> list[str]:
    return [str(p) for p in report.problems]


@pytest.mark.parametrize("name", ["observations.csv", "facilities.csv", "population.csv"])
def test_shipped_files_are_valid(name):
    report = contract.validate_file(DATA_DIR / name)
    assert report.ok, messages(report)


def test_good_row_passes():
    assert check(GOOD).problems == []


def test_municipality_names_are_accepted_in_place_of_codes():
    assert check({**GOOD, "atvk": "Daugavpils pilsēta"}).ok
    assert check({**GOOD, "atvk": "LPR"}).ok


@pytest.mark.parametrize("column,value,expected", [
    ("year", "1999", "a year from 2000 to 2035"),
    ("year", "twenty", "a year as four digits"),
    ("vintage", "2015", "2009 (the 21 units"),
    ("atvk", "Rezknes novads", "closest: Rēzeknes novads"),
    ("target_group", "kids", "one of children_ft, adults_grt, children_ooc, all"),
    ("service", "spa", "one of group_apartments"),
    ("indicator", "occupancy", "one of places"),
    ("value", "-3", "a number that is zero or more"),
    ("value", "abc", "a number such as 12 or 12,5"),
    ("unit", "%", "'persons' for indicator 'persons_served'"),
    ("status", "guessed", "one of reported, derived, estimated, incomplete, illustrative"),
    ("source", "", "a non-empty value"),
])
def test_each_bad_cell_names_row_column_value_and_expectation(column, value, expected):
    report = check(GOOD, {**GOOD, column: value, "year": GOOD["year"] if column != "year" else value})
    assert not report.ok
    errors = [p for p in report.errors if p.column == column]
    assert len(errors) == 1, messages(report)
    problem = errors[0]
    assert problem.row == 3  # header is row 1, the bad row is the second data row
    assert expected in problem.expected
    text = str(problem)
    assert "obs.csv" in text and "row 3" in text and f"column '{column}'" in text


def test_computed_indicators_are_not_stored():
    report = check({**GOOD, "indicator": "shortfall", "unit": "persons"})
    assert "computed indicators are not stored" in report.errors[0].expected


def test_decimal_comma_is_a_number():
    assert check({**GOOD, "indicator": "eur", "unit": "EUR", "value": "12,5"}).ok


def test_missing_columns_are_listed():
    df = pd.DataFrame([{k: v for k, v in GOOD.items() if k not in ("status", "source")}], dtype=str)
    report = contract.validate_table(df, "observations", "obs.csv")
    assert sorted(p.column for p in report.errors) == ["source", "status"]


def test_duplicate_rows_that_disagree_are_an_error_and_agreeing_ones_a_warning():
    disagree = check(GOOD, {**GOOD, "value": "29"})
    assert not disagree.ok and "row 2" in disagree.errors[0].expected
    agree = check(GOOD, dict(GOOD))
    assert agree.ok and len(agree.warnings) == 1


def test_more_occupied_than_places_is_a_warning_not_an_error():
    places = {**GOOD, "service": "group_apartments", "indicator": "places", "unit": "places", "value": "12"}
    occupied = {**places, "indicator": "occupied_places", "value": "14"}
    report = check(places, occupied)
    assert report.ok and "over 100 % occupancy" in report.warnings[0].expected


def test_empty_table_and_unknown_header():
    empty = contract.validate_table(pd.DataFrame(columns=list(GOOD)), "observations", "e.csv")
    assert not empty.ok and "at least one data row" in empty.errors[0].expected
    unknown = contract.validate_table(pd.DataFrame([{"a": "1"}]), None, "x.csv")
    assert not unknown.ok and "header of an observations" in unknown.errors[0].expected


def test_bounds_without_value_are_allowed_for_ranges():
    ranged = {**GOOD, "indicator": "share_served", "unit": "%", "value": "", "value_min": "50", "value_max": "100"}
    assert check(ranged).ok
    assert not check({**GOOD, "value": ""}).ok


def test_unreadable_file(tmp_path):
    binary = tmp_path / "bad.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01\x02")
    report = contract.validate_file(binary)
    assert not report.ok and "bad.csv" in str(report.errors[0])
    assert not contract.validate_file(tmp_path / "missing.csv").ok


def test_facility_coordinates_must_be_in_latgale():
    facility = {"id": "X", "name": "Test", "atvk": "0002000", "services": "group_apartments",
                "target_groups": "adults_grt", "places": "12", "occupied": "", "lat": "26.5", "lon": "55.9",
                "location_precision": "settlement", "opened": "", "status": "operating", "source": "s"}
    report = check(facility, kind="facilities")
    assert {p.column for p in report.errors} == {"lat", "lon"}


def test_a_problem_keeps_its_message_key_and_values_and_reads_in_either_language():
    problem = check(GOOD, {**GOOD, "atvk": "Ludzs novads", "vintage": "2021"}).errors[0]
    assert problem.key == "exp_atvk"
    assert problem.params["file"] == "obs.csv" and problem.params["row"] == 3 and problem.params["column"] == "atvk"
    assert problem.params["found"] == "'Ludzs novads'"
    assert str(problem) == problem.text("en")  # logs and the command line keep the English line
    assert "expected an ATVK code or name of a municipality of the 2021 boundaries" in problem.text("en")
    lv = problem.text("lv")
    assert lv.startswith("kļūda: obs.csv, 3. rinda, kolonna 'atvk': atrasts 'Ludzs novads'; gaidīts: 2021. gada")
    assert "Ludzas novads" in lv  # the closest name, in the Latvian sentence too


def test_the_checkers_own_words_are_translated_too():
    warning = check(GOOD, GOOD).warnings[0]
    assert warning.text("en").endswith("found a repeat of row 2; expected each key once")
    assert warning.text("lv").endswith("atrasts 2. rindas atkārtojums; gaidīts: katra atslēga vienreiz")
