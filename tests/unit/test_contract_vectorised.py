"""Observations are checked column by column, and only the rows those checks cannot vouch for one
by one (issue 21, item 4). The column-wide checks must never vouch for a row the row checks would
fault, nor change a word of any message: a file gives the same problems, in the same order,
whichever way each row was checked."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from latgale_di.core import vocab
from latgale_di.ingest import contract

POOLS = {  # right and wrong cells, the wrong ones as maintainers' files have them
    "year": ["2019", "2023", "2019.0", " 2021 ", "1999", "abc", "", "２０１９", "2019,5", "2040"],
    "atvk": ["0022000", "0050000", "LPR", "Daugavpils", "0440200", "", "9999999", "Balvu novads"],
    "vintage": ["2009", "2021", "2021.0", "2010", ""],
    "target_group": ["adults_grt", "children_ft", "x", ""],
    "service": ["any", "group_apartments", "day_care_centre", "nope"],
    "indicator": ["places", "occupied_places", "persons_served", "share_served", "eur_per_day", "coverage", "zzz"],
    "value": ["12", "3", "0", "12,5", "1 234", "-1", "", "abc", "150", "１２", "7.0", "4"],
    "unit": ["persons", "places", "%", "EUR/day", "x"],
    "status": ["reported", "estimated", "bogus"],
    "source": ["s1", "", "  "],
    "note": ["", "n"],
    "value_min": ["", "", "", "2", "x"],
    "value_max": ["", "", "", "3", "-1"],
    "month": ["", "", "", "1", "12", "13", "01", "2.0", "x"],
}


def crafted(rng: random.Random, n: int, spreadsheet: bool, right: float = 0.7) -> pd.DataFrame:
    """Mostly right rows with repeating keys (repeats, conflicts, months mixed with yearly rows,
    more occupied than places), the rest drawn from every pool; ``spreadsheet``: cells as a
    spreadsheet reader gives them (numbers, None, NaN, pd.NA)."""
    with_month = rng.random() < 0.5
    rows = []
    for _ in range(n):
        r = {c: rng.choice(v) for c, v in POOLS.items()}
        if rng.random() < right:
            indicator = rng.choice(["places", "occupied_places", "persons_served", "share_served", "eur_per_day"])
            r.update(year=rng.choice(["2019", "2023"]), vintage="2021", atvk=rng.choice(["0022000", "LPR"]),
                     target_group="adults_grt", service=rng.choice(["any", "group_apartments"]), status="reported",
                     source="s1", value=rng.choice(["3", "4", "12", "0"]), value_min="",
                     value_max=rng.choice(["", "5"]), indicator=indicator, unit=vocab.INDICATOR_UNITS[indicator],
                     month="")
            if right < 1 and rng.random() < 0.3:  # a right row with one wrong cell: each check on its own
                column = rng.choice(list(POOLS))
                r[column] = rng.choice(POOLS[column])
        if not with_month:
            r.pop("month")
        rows.append(r)
    df = pd.DataFrame(rows, dtype=object if spreadsheet else str)
    if spreadsheet:
        for column in df.columns:
            for i in range(len(df)):
                x, v = rng.random(), df.at[i, column]
                if x < 0.05:
                    df.at[i, column] = None
                elif x < 0.08:
                    df.at[i, column] = float("nan")
                elif x < 0.09:
                    df.at[i, column] = pd.NA
                elif x < 0.3 and isinstance(v, str) and v.strip().isascii() and v.strip().isdigit():
                    df.at[i, column] = int(v) if rng.random() < 0.5 else float(v)
    return df


def problems(df: pd.DataFrame) -> list[str]:
    return [str(p) for p in contract.validate_table(df, "observations", "f.csv").problems]


@pytest.mark.parametrize("seed", range(6))
def test_a_row_vouched_for_by_columns_gives_what_the_row_checks_give(seed, monkeypatch):
    rng = random.Random(seed)
    frames = [crafted(rng, rng.randint(1, 40), spreadsheet=i % 2 == 1, right=1.0 if i % 5 == 0 else 0.7)
              for i in range(40)]
    frames.append(crafted(rng, 1500, spreadsheet=False))  # past the 500 errors listed
    vectorised = [problems(df) for df in frames]
    vouch = contract._vouched_observations
    monkeypatch.setattr(contract, "_vouched_observations", lambda df: vouch(df).assign(ok=False))
    one_by_one = [problems(df) for df in frames]
    assert vectorised == one_by_one
    assert any(vectorised) and any(all("warning" in p for p in found) for found in vectorised)  # right and wrong


def test_most_rows_of_a_right_file_are_vouched_for_without_a_row_check():
    right = crafted(random.Random(1), 2000, spreadsheet=False, right=1.0)
    assert contract._vouched_observations(right)["ok"].all()
    for cell, wrong in (("year", "２０１９"), ("value", "1 234"), ("value", "-1"), ("atvk", "Atlantīda"),
                        ("unit", "x"), ("source", " ")):
        assert not contract._vouched_observations(right.assign(**{cell: wrong}))["ok"].any(), (cell, wrong)


def test_between_rows_the_first_of_a_key_is_the_reference():
    base = {"year": "2023", "atvk": "0022000", "vintage": "2021", "target_group": "adults_grt",
            "service": "group_apartments", "unit": "places", "status": "reported", "source": "s", "note": ""}
    rows = [{**base, "indicator": "places", "value": "4"},
            {**base, "indicator": "places", "value": "4"},  # a repeat: a warning
            {**base, "indicator": "places", "value": "5"},  # a conflict: an error naming row 2
            {**base, "indicator": "occupied_places", "value": "6"}]  # more than the 5 places of row 4
    report = contract.validate_table(pd.DataFrame(rows), "observations", "f.csv")
    assert [(p.row, p.severity, p.key) for p in report.problems] == [
        (3, "warning", "exp_key_once"), (4, "error", "exp_same_value"), (5, "warning", "exp_at_most_places_of_row")]
    assert report.problems[1].params["row"] == 2 and report.problems[2].params["row"] == 4


POPULATION_POOLS = {
    "atvk": ["0022000", "0024000", "LPR", "Balvu novads", "", "9999999", "Atlantīda"],
    "vintage": ["2021", "2009", "2021.0", "2010", ""],
    "reference_date": ["2020-01-01", "2023-01-01", "01.01.2020", "２０２０-01-01", ""],
    "age_group": ["total", "0-17", "", " "],
    "value": ["1234", "0", "12,5", "-3", "", "1 234", "７"],
    "status": ["reported", "estimated", "bogus"],
    "source": ["csp", "", " "],
    "statistic": ["", "csp_usual", "pmlp_declared", "nope"],
}


def right_rows_with_wrong_cells(rng: random.Random, right, pools: dict[str, list[str]]) -> list[pd.DataFrame]:
    """Thirty files of right rows (``right(n)``: the n-th row), some with one or two cells drawn
    from ``pools`` instead."""
    frames = []
    for _ in range(30):
        rows = []
        for n in range(rng.randint(1, 30)):
            row = right(n)
            for column in rng.sample(list(pools), k=rng.choice([0, 0, 1, 2])):
                row[column] = rng.choice(pools[column])
            rows.append(row)
        frames.append(pd.DataFrame(rows, dtype=str))
    return frames


def assert_vouching_changes_nothing(frames: list[pd.DataFrame], kind: str, vouch: str, monkeypatch) -> None:
    """The problems of each file are the same when no row is vouched for by ``vouch``."""
    def found(df: pd.DataFrame) -> list[str]:
        return [str(p) for p in contract.validate_table(df, kind, "f.csv").problems]

    vectorised = [found(df) for df in frames]
    monkeypatch.setattr(contract, vouch, lambda df, *_: pd.Series(False, index=df.index))
    assert vectorised == [found(df) for df in frames]
    assert any(vectorised) and not all(vectorised)  # right and wrong files both drawn


@pytest.mark.parametrize("seed", range(3))
def test_population_rows_vouched_for_by_columns_give_what_the_row_checks_give(seed, monkeypatch):
    def right(_n: int) -> dict:
        return {"atvk": "0022000", "vintage": "2021", "reference_date": "2020-01-01", "age_group": "total",
                "value": "1234", "status": "reported", "source": "csp", "statistic": ""}

    frames = right_rows_with_wrong_cells(random.Random(seed), right, POPULATION_POOLS)
    assert_vouching_changes_nothing(frames, "population", "_vouched_population", monkeypatch)


FACILITY_POOLS = {
    "id": ["s1", "s2", "s1", "", " "],
    "name": ["Grupu dzīvoklis", "", " "],
    "atvk": ["0022000", "LPR", "Atlantīda", "", "Balvu novads"],
    "services": ["group_apartments", "group_apartments;day_care_centre", ";", "", "nope", "day_care_centre; x"],
    "target_groups": ["adults_grt", "adults_grt;children_ft", "", "kids"],
    "places": ["8", "", "2,5", "-1", "１０"],
    "occupied": ["6", "", "12", "x"],
    "lat": ["56.5", "56,5", "59.0", "", "abc"],
    "lon": ["27.3", "21.0", "", "27,3"],
    "location_precision": ["settlement", "exact", "nope"],
    "opened": ["2020-01-01", ""],
    "status": ["operating", "planned", "nope"],
    "source": ["registry", "", " "],
}


@pytest.mark.parametrize("seed", range(3))
def test_site_rows_vouched_for_by_columns_give_what_the_row_checks_give(seed, monkeypatch):
    rng = random.Random(seed)

    def right(n: int) -> dict:
        # Ids repeat now and then: a later row is told which row had its id first.
        return {"id": f"site-{rng.randint(0, 40) if rng.random() < 0.3 else n}", "name": "Dienas centrs",
                "atvk": "0022000", "services": "day_care_centre", "target_groups": "adults_grt", "places": "10",
                "occupied": "7", "lat": "56.5", "lon": "27.3", "location_precision": "settlement",
                "opened": "2021-05-01", "status": "operating", "source": "registry"}

    frames = right_rows_with_wrong_cells(rng, right, FACILITY_POOLS)
    assert_vouching_changes_nothing(frames, "facilities", "_vouched_facilities", monkeypatch)
