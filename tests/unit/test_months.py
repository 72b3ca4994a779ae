"""Monthly observations (optional ``month`` column): validated like every other cell, collapsed to
yearly figures on loading — stocks take the last month given, flows are summed."""

from __future__ import annotations

import pandas as pd
import pytest

from latgale_di.ingest import contract, months
from latgale_di.store import dataset

HEADER = ["year", "atvk", "vintage", "target_group", "service", "indicator", "value", "unit", "status", "source",
          "note", "month"]


def rows(*records: tuple) -> pd.DataFrame:
    return pd.DataFrame([list(r) for r in records], columns=HEADER, dtype=str)


def monthly(indicator: str, unit: str, values: dict[int, str], status: str = "reported", atvk: str = "0002000"):
    return [("2022", atvk, "2021", "all", "day_care_centre", indicator, v, unit, status, f"src{m % 2}", "", str(m))
            for m, v in values.items()]


def test_a_table_without_months_is_unchanged():
    table = rows(("2022", "0002000", "2021", "all", "day_care_centre", "places", "10", "places", "reported", "s",
                  "", "")).drop(columns=["month"])
    assert months.collapse(table) is table


def test_stocks_take_the_last_month_given_and_flows_are_summed():
    table = rows(*monthly("places", "places", {m: str(10 + m) for m in range(1, 13)}),
                 *monthly("persons_assessed", "persons", {m: "3" for m in range(1, 13)}),
                 *monthly("occupied_places", "places", {3: "7", 11: "9", 6: "8"}),
                 ("2022", "0006000", "2021", "all", "day_care_centre", "places", "5", "places", "reported", "y", "",
                  ""))
    out = months.collapse(table).set_index(["atvk", "indicator"])
    assert "month" not in out.columns and len(out) == 4
    assert out.loc[("0002000", "places"), "value"] == "22"  # December
    assert "month 12" in out.loc[("0002000", "places"), "note"]
    assert out.loc[("0002000", "occupied_places"), "value"] == "9"  # November, the last given
    assert out.loc[("0002000", "occupied_places"), "status"] == "reported"
    assessed = out.loc[("0002000", "persons_assessed")]
    assert assessed["value"] == "36" and assessed["status"] == "derived" and "sum of 12 months" in assessed["note"]
    assert assessed["source"] == "src1; src0"
    assert out.loc[("0006000", "places"), "value"] == "5"  # a yearly row stays as it is


def test_a_flow_with_months_missing_is_a_lower_bound_and_synthetic_stays_illustrative():
    table = rows(*monthly("eur", "EUR", {1: "100,5", 2: "200"}))
    (out,) = months.collapse(table).to_dict("records")
    assert float(out["value"]) == pytest.approx(300.5)
    assert out["status"] == "incomplete" and "not all 12" in out["note"]
    # "illustrative" is weaker than any other status: a synthetic figure never looks real.
    for given in ({1: "1"}, {m: "1" for m in range(1, 13)}):
        table = rows(*monthly("eur", "EUR", given, status="illustrative"))
        assert months.collapse(table)["status"].tolist() == ["illustrative"]


@pytest.mark.parametrize("bad", ["0", "13", "1.5", "März", "-1"])
def test_a_bad_month_is_an_error_naming_file_row_and_column(bad):
    table = rows(*monthly("places", "places", {1: "4"}))
    table.loc[0, "month"] = bad
    report = contract.validate_table(table, file="monthly.csv")
    (problem,) = report.errors
    assert (problem.file, problem.row, problem.column) == ("monthly.csv", 2, "month")
    assert "1 to 12" in problem.expected and str(problem).startswith("error: monthly.csv, row 2, column 'month'")


def test_a_key_is_either_yearly_or_monthly_and_each_month_once():
    table = rows(*monthly("places", "places", {1: "4", 2: "5"}),
                 ("2022", "0002000", "2021", "all", "day_care_centre", "places", "6", "places", "reported", "s", "",
                  ""),
                 *monthly("places", "places", {2: "7"}))
    report = contract.validate_table(table, file="m.csv")
    assert [(p.row, p.column) for p in report.errors] == [(4, "month"), (5, "value")]
    assert "yearly or monthly" in report.errors[0].expected
    good = rows(*monthly("places", "places", {m: "4" for m in range(1, 13)}))
    assert contract.validate_table(good).ok


def test_a_monthly_dataset_folder_loads_as_yearly_figures(tmp_path):
    import shutil

    from latgale_di.core.paths import DATA_DIR

    for name in ("facilities.csv", "population.csv", "sources.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    rows(*monthly("places", "places", {m: str(m) for m in range(1, 13)})).to_csv(
        tmp_path / "observations.csv.gz", index=False)
    data = dataset.load(tmp_path)
    assert data.observations[["year", "indicator", "value"]].values.tolist() == [[2022, "places", 12.0]]


def test_an_imported_monthly_file_becomes_yearly_rows():
    from latgale_di.ingest import importing

    text = "gads,atvk,robežas,mērķgrupa,pakalpojums,rādītājs,vērtība,mērvienība,statuss,avots,mēnesis\n" + "".join(
        f"2022,Daugavpils,2021,all,day_care_centre,persons_assessed,2,persons,reported,s,{m}\n" for m in range(1, 13))
    reading = importing.read("m.csv", text.encode("utf-8"))
    assert reading.ok, [str(p) for p in reading.problems]
    assert reading.table[["atvk", "value", "status"]].values.tolist() == [["0002000", "24", "derived"]]
