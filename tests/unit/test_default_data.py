"""The shipped default dataset: reproducible, sourced, and never inventing a number."""

import csv
import dataclasses

import pytest

from latgale_di.core.paths import DATA_DIR, SOURCES_DIR
from latgale_di.ingest import contract, default_data
from latgale_di.store import dataset


def test_shipped_files_are_exactly_what_the_build_makes():
    assert default_data.differences() == [], "run: python -m latgale_di build-data"


def test_build_is_deterministic():
    assert default_data.build() == default_data.build()


def test_every_value_has_a_source_and_a_status():
    data = dataset.load()
    for table in (data.observations, data.facilities, data.population):
        assert table["source"].str.strip().ne("").all()
        assert table["status"].str.strip().ne("").all()
    cited = {s.strip() for field in data.observations["source"] for s in field.split(";")}
    assert cited <= set(data.sources["id"]), "every cited source is in the registry"


def test_every_value_appears_in_the_research_pack():
    """No invented numbers: each observation's value or bound is a number of a research row."""
    research = set()
    # The off-schema file gives shares as fractions (0.3); the contract stores % (30).
    for name, scale in (("seed_facts.csv", 1), ("other_facts.csv", 1), ("facts_round2.csv", 1),
                        ("facts_round2_offschema.csv", 100)):
        with open(SOURCES_DIR / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for col in ("value", "value_min", "value_max"):
                    try:
                        research.add(round(float(row[col]) * scale, 6))
                    except ValueError:
                        pass
    research.add(100.0)  # the upper bound of "more than 50 %"
    obs = dataset.load().observations
    for col in ("value", "value_min", "value_max"):
        values = obs[col].dropna()
        assert set(values) <= research, f"{col}: {sorted(set(values) - research)}"


def test_dataset_is_marked_real_not_synthetic():
    data = dataset.load()
    assert data.synthetic is False
    assert (data.observations["status"] != "illustrative").all()


def test_seed_figures_are_where_the_seed_puts_them():
    obs = dataset.load().observations
    row = obs[(obs["atvk"] == "0050000") & (obs["target_group"] == "adults_grt")
              & (obs["indicator"] == "persons_assessed")]
    assert row["value"].tolist() == [67.0] and row["year"].tolist() == [2019]
    assert row["source"].tolist() == ["seed:003_570bfe9974c00b71"]


@pytest.mark.parametrize("name", ["observations.csv", "facilities.csv", "population.csv"])
def test_shipped_files_pass_the_contract(name):
    report = contract.validate_file(DATA_DIR / name)
    assert report.ok, [str(p) for p in report.errors]


# --- the second research round (issue 23) ---

def _obs(year, atvk, group, service, indicator):
    obs = dataset.load().observations
    rows = obs[(obs["year"] == year) & (obs["atvk"] == atvk) & (obs["target_group"] == group)
               & (obs["service"] == service) & (obs["indicator"] == indicator)]
    assert len(rows) == 1, (year, atvk, group, service, indicator)
    return rows.iloc[0]


def test_every_round2_row_has_exactly_one_decision_and_every_skip_a_reason():
    from latgale_di.ingest import research_round2 as r2

    rows = default_data._round2_rows(default_data.ROUND2, r2.DECISIONS)
    assert len(rows) == 130
    skipped = default_data.skipped_rows()
    assert all(s["reason"] for s in skipped)
    with open(DATA_DIR / "skipped_rows.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(skipped)


def test_cumulative_counts_keep_their_period():
    for year, atvk in ((2020, "0050000"), (2022, "0002000"), (2022, "LPR")):
        row = _obs(year, atvk, "children_ft", "any", "persons_served")
        assert "cumulative" in row["note"] and "since the DI project began (2015)" in row["note"], row["note"]
        assert "not a yearly count" in row["note"]


@pytest.mark.parametrize(("key", "value", "kept"), [
    ((2020, "0440801", "adults_grt", "any", "eur"), 446953.06, "447 060.00"),  # final cost over the plan
    ((2023, "LPR", "adults_grt", "any", "target_persons"), 387, "389"),  # project page (2023) over the DI plan
    ((2020, "LPR", "adults_grt", "any", "target_persons"), 389, "387"),
    ((2023, "LPR", "children_ft", "any", "target_persons"), 533, "3533"),  # 3533 is a typo
    ((2023, "LPR", "all", "any", "eur"), 8596069, "7 306 658.60"),  # the ESF share: newest page, older in note
    ((2023, "0043000", "adults_grt", "any", "eur"), 2555201.09, "1 724 688.24"),  # Viļāni grew between plans
    ((2021, "0760202", "children_ft", "any", "share_served"), 17, "30–40 %"),  # Preiļi, newer report
    ((2020, "0781800", "adults_grt", "group_apartments", "planned_places"), 16, "4 group-apartment places"),
    ((2022, "0022000", "all", "any", "eur"), 1346004.38, "910 188.50"),  # ERAF share: newer page in the text
])
def test_conflicts_are_settled_by_the_newest_statement_with_the_other_in_the_note(key, value, kept):
    row = _obs(*key)
    assert row["value"] == pytest.approx(value)
    assert kept in row["note"]


def test_the_daugavpils_places_cite_the_citys_notice_not_a_video_mirror():
    row = _obs(2022, "0002000", "adults_grt", "group_apartments", "places")
    assert row["source"] == "daugavpils.lv/di-20-06-16"
    sources = " ".join(dataset.load().sources["url"])
    assert "newtuber" not in sources


def test_round2_opening_dates_reach_the_sites():
    sites = dataset.load().facilities.set_index("id")
    assert sites.loc["AD-NICGALE", ["opened", "status"]].tolist() == ["2022-10-05", "operating"]
    assert sites.loc["RN-VILANI-GH", ["opened", "status"]].tolist() == ["2024-05-10", "operating"]
    assert sites.loc["LU-DSPC", "opened"] == "2020-07-20"
    assert "lpr.gov.lv/nicgale-atklati" in sites.loc["AD-NICGALE", "source"]


def test_an_edited_research_row_stops_the_build(monkeypatch):
    from latgale_di.ingest import research_round2 as r2

    wrong = tuple(dataclasses.replace(d, value="999") if isinstance(d, r2.Take) and d.row == 5 else d
                  for d in r2.DECISIONS)
    monkeypatch.setattr(r2, "DECISIONS", wrong)
    with pytest.raises(ValueError, match="facts_round2.csv row 5: value '16', the curation expects '999'"):
        default_data.build()
