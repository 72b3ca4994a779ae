"""The synthetic scale dataset (latgale_di.ingest.synthetic, ``python -m latgale_di synthetic``): deterministic,
labelled SINTĒTISKI DATI / SYNTHETIC DATA wherever it shows, valid under the contract, and shown by
the Map page of the Latvia extent with the synthetic banner."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from latgale_di.core.paths import DATA_DIR, ROOT
from latgale_di.ingest import contract, synthetic
from latgale_di.store import dataset

APP = str(ROOT / "app.py")


def test_the_generator_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    done = subprocess.run([sys.executable, "-m", "latgale_di", "synthetic", "--out", str(a), "--start", "2020",
                           "--years", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    synthetic.generate(b, start=2020, years=2)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and "observations.csv.gz" in names
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert synthetic.LABEL in done.stdout


def test_every_table_says_it_is_synthetic(small):
    meta = json.loads((small / "metadata.json").read_text(encoding="utf-8"))
    assert meta["synthetic"] is True and synthetic.LABEL in meta["title"] and synthetic.LABEL in meta["version"]
    data = dataset.load(small)
    assert data.synthetic
    assert set(data.observations["status"]) == {"illustrative"} == set(data.population["status"])
    assert set(data.observations["source"]) == {synthetic.SOURCE_ID} == set(data.facilities["source"])
    assert data.source_titles()[synthetic.SOURCE_ID].startswith(synthetic.LABEL)
    assert all(name.startswith(synthetic.LABEL) for name in data.facilities["name"])


def test_ten_years_monthly_every_service_and_group_for_both_vintages():
    obs = synthetic.observations(start=2016, years=10).iloc[::997]  # a sample: the full table is 1.4 M rows
    assert set(obs["year"].astype(int)) <= set(range(2016, 2026))
    full = synthetic.observations(start=2020, years=2)
    monthly = full[full["month"] != ""]
    assert set(monthly["month"].astype(int)) == set(range(1, 13))
    from latgale_di.core import vocab

    assert set(full["service"]) == set(vocab.SERVICES) and set(full["target_group"]) == set(vocab.TARGET_GROUPS)
    assert full.groupby("vintage")["atvk"].nunique().to_dict() == {"2009": 119, "2021": 43}
    assert (full[full["month"] == ""]["indicator"] == "eur").all()


def test_the_generator_never_writes_into_the_real_data_folder():
    with pytest.raises(ValueError, match="refusing"):
        synthetic.generate(DATA_DIR)
    with pytest.raises(ValueError, match="refusing"):
        synthetic.generate(DATA_DIR / "synthetic")


def test_the_synthetic_dataset_passes_the_contract(latvia, small, tmp_path):
    obs_path = tmp_path / "observations.csv"
    obs_path.write_bytes(gzip.decompress((small / "observations.csv.gz").read_bytes()))
    for path in (obs_path, small / "population.csv", small / "facilities.csv"):
        report = contract.validate_file(path)
        assert report.ok, [str(p) for p in report.errors[:5]]
    # The pre-2021 units too (a sample of a 2020 set: validating 200 000 rows takes a while).
    old = synthetic.observations(start=2020, years=1)
    report = contract.validate_table(old[old["month"].isin(["", "12"])], "observations")
    assert report.ok, [str(p) for p in report.errors[:5]]
