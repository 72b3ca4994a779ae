"""Indicator metadata: one file (data/indicators.yaml) that the contract, pages, map and docs read."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from latgale_di.analysis import metrics
from latgale_di.core import indicator_meta, vocab
from latgale_di.core.paths import DATA_DIR
from latgale_di.ingest import contract
from latgale_di.render import choropleth

ROOT = Path(__file__).resolve().parents[2]


def test_the_file_loads_and_every_indicator_the_data_holds_is_in_it():
    meta = indicator_meta.indicators()
    stored = pd.read_csv(DATA_DIR / "observations.csv", dtype=str)["indicator"].unique()
    assert set(stored) <= {c for c, m in meta.items() if m.stored}
    assert set(vocab.INDICATORS) == set(meta) and list(vocab.INDICATOR_UNITS) == list(meta)


def test_vocabulary_contract_and_map_read_the_file_not_copies_of_it():
    meta = indicator_meta.indicators()
    assert vocab.POLARITY == {c: m.polarity for c, m in meta.items() if m.polarity}
    assert vocab.ADDITIVE_INDICATORS == {c for c, m in meta.items() if m.additive}
    assert {c: vocab.INDICATOR_UNITS[c] for c in meta} == {c: m.unit for c, m in meta.items()}
    assert choropleth.classes_for("shortfall", pd.Series([1.0, 5.0, 9.0])).palette[0] == "#fef0d9"  # "bad": OrRd


@pytest.mark.parametrize("indicator", ["occupancy_rate", "share_served", "shortfall"])
def test_each_computed_formula_agrees_with_its_function(indicator):
    # The function's docstring and the file say the same formula, in the same words where they overlap.
    code_formula = metrics.formula(indicator)
    words = indicator_meta.indicators()[indicator].formula["en"]
    assert code_formula and code_formula.split(" ×")[0].split(")")[0].replace("_", " ") in words


def test_the_contract_rejects_a_wrong_unit_for_an_indicator_as_the_file_says():
    row = {"year": 2023, "atvk": "0002000", "vintage": "2021", "target_group": "adults_grt",
           "service": "group_apartments", "indicator": "places", "value": 12, "unit": "persons",
           "status": "reported", "source": "s", "note": ""}
    report = contract.validate_table(pd.DataFrame([row]), "observations", "f.csv")
    assert [p.text("en") for p in report.errors] == [
        "error: f.csv, row 2, column 'unit': found 'persons'; expected 'places' for indicator 'places'"]


def bad(tmp_path, change) -> str:
    document = yaml.safe_load((DATA_DIR / "indicators.yaml").read_text(encoding="utf-8"))
    change(document["indicators"])
    path = tmp_path / "indicators.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with pytest.raises(indicator_meta.IndicatorFileError) as error:
        indicator_meta.load(path)
    return str(error.value)


def test_a_wrong_field_names_the_file_the_indicator_and_the_field(tmp_path):
    assert bad(tmp_path, lambda d: d["places"].update(unit="seats")) == (
        "indicators.yaml: indicator 'places', unit: 'seats'; expected one of places, persons, EUR, EUR/day, %, "
        "per 10,000, category")
    assert bad(tmp_path, lambda d: d["shortfall"].update(polarity="bad")).startswith(
        "indicators.yaml: indicator 'shortfall', polarity: 'bad'; expected one of better, worse, none")
    assert bad(tmp_path, lambda d: d["eur"]["label"].pop("lv")) == (
        "indicators.yaml: indicator 'eur', label: expected a text for each of lv and en")
    assert "unknown field 'colour'" in bad(tmp_path, lambda d: d["eur"].update(colour="red"))
    assert "neither stored nor computed" in bad(tmp_path, lambda d: d["eur"].update(stored=False))


def test_the_data_contract_documents_the_indicators_as_the_file_says():
    doc = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- indicators:begin -->\n(.*?)\n<!-- indicators:end -->", doc, re.S)
    assert shown and shown.group(1) == indicator_meta.markdown_table()  # regenerate it from the file
