"""Files as people write them (issue 23 item 1): vintage, unit and status follow from other
columns; what is filled in is said; a 2021 figure for a name of both sets needs the column."""

from __future__ import annotations

import pytest

from latgale_di.ingest import importing

SOCIAL_SERVICE = "year,municipality,target_group,service,indicator,value,source,status\n"


def read(*lines: str, header: str = SOCIAL_SERVICE) -> importing.Reading:
    return importing.read("soc.csv", (header + "".join(lines)).encode("utf-8"))


def test_the_columns_a_social_service_keeps_are_enough():
    reading = read("2019,Kārsavas novads,adults_grt,any,persons_served,7,test,reported\n",
                   "2023,Ludzas novads,adults_grt,any,persons_served,9,test,reported\n",
                   "2023,0037000,adults_grt,day_care_centre,places,12,test,reported\n")
    assert reading.ok, [p.text("en") for p in reading.problems]
    table = reading.table.assign(year=reading.table["year"].astype(int)).set_index("year")
    assert table.loc[2019, "vintage"] == "2009" and table.loc[2019, "atvk"] == "0681000"  # an old unit's name
    assert set(table.loc[2023, "vintage"]) == {"2021"}
    assert set(reading.table["unit"]) == {"persons", "places"}
    said = " ".join(p.text("en") for p in reading.problems if p.severity == "warning")
    assert "the unit from the indicator" in said and "boundaries told by the ATVK code" in said


def test_a_missing_status_is_reported_and_said():
    reading = read("2023,Ludzas novads,adults_grt,any,persons_served,9,test\n",
                   header="year,municipality,target_group,service,indicator,value,source\n")
    assert reading.ok and set(reading.table["status"]) == {"reported"}
    assert any("status “reported” for every row" in p.text("en") for p in reading.problems)


def test_a_2021_figure_for_a_name_of_both_sets_needs_the_column():
    reading = read("2021,Daugavpils,adults_grt,any,persons_served,9,test,reported\n")
    errors = [p for p in reading.problems if p.severity == "error"]
    assert not reading.ok and len(errors) == 1
    assert errors[0].row == 2 and errors[0].column == "vintage"
    assert "a 2021 figure for a municipality whose name exists in both sets" in errors[0].text("en")
    assert "2021. gada skaitlis" in errors[0].text("lv")
    with_column = read("2021,Daugavpils,2009,adults_grt,any,persons_served,9,test,reported\n",
                       header="year,municipality,vintage,target_group,service,indicator,value,source,status\n")
    assert with_column.ok and with_column.table["atvk"].tolist() == ["0050000"]


@pytest.mark.parametrize("name", ["LPR", "lpr", "Latgales plānošanas reģions", "LATGALES PLANOSANAS REGIONS"])
def test_the_region_by_code_or_name_in_any_case(name):
    reading = read(f"2023,{name},adults_grt,any,persons_served,90,test,reported\n")
    assert reading.ok, [p.text("en") for p in reading.problems]
    assert reading.table["atvk"].tolist() == ["LPR"]


def test_an_explicit_column_wins_and_is_checked_against_the_row():
    reading = read("2023,0037000,2009,adults_grt,any,persons_served,9,test,reported\n",
                   header="year,municipality,vintage,target_group,service,indicator,value,source,status\n")
    assert not reading.ok  # 0037000 is a 2021 code
    assert any(p.column == "atvk" for p in reading.problems if p.severity == "error")
