"""The shipped default dataset: reproducible, sourced, and never inventing a number."""

import csv

import pytest

from latgale_di import contract, dataset, default_data
from latgale_di.paths import DATA_DIR, SOURCES_DIR


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
