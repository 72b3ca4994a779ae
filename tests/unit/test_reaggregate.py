"""Re-aggregation across the 2021 reform: sums, the Aglona split, gaps, conservation."""

import math

import pandas as pd
import pytest

from latgale_di.store.dataset import typed_observations
from latgale_di.territory import boundaries, reaggregate

OLD = boundaries.units("2009")
AGLONA, PREILI_NEW, KRASLAVA_NEW = "0604300", "0042000", "0032000"


def frame(values: dict[str, float], indicator: str = "places", status: str = "reported") -> pd.DataFrame:
    rows = [{"year": "2019", "atvk": atvk, "vintage": "2009", "target_group": "adults_grt",
             "service": "group_apartments", "indicator": indicator, "value": str(v), "unit": "places",
             "status": status, "source": f"src-{atvk}", "note": ""} for atvk, v in values.items()]
    return typed_observations(pd.DataFrame(rows))


def as_dict(df: pd.DataFrame) -> dict[str, dict]:
    return {r["atvk"]: r for r in df.to_dict("records")}


def test_crosswalk_shares_of_every_old_unit_add_up_to_one():
    for atvk in OLD:
        assert sum(r.area_share for r in boundaries.successors(atvk)) == pytest.approx(1.0), atvk
    assert {r.new_atvk for r in boundaries.successors(AGLONA)} == {PREILI_NEW, KRASLAVA_NEW}


def test_complete_components_sum_to_derived_total():
    # Ludzas novads (2021) = Ludzas + Kārsavas + Zilupes + Ciblas novads (2009).
    out = as_dict(reaggregate.to_2021(frame({"0680200": 24, "0681000": 7, "0681801": 0, "0684901": 3})))
    ludza = out["0037000"]
    assert ludza["value"] == 34 and ludza["status"] == "derived"
    assert "Kārsavas novads 7" in ludza["note"]


def test_missing_component_makes_the_aggregate_incomplete_and_says_which():
    out = as_dict(reaggregate.to_2021(frame({"0680200": 24})))
    ludza = out["0037000"]
    assert ludza["status"] == "incomplete"
    assert ludza["value"] == 24  # a lower bound, flagged as such, never a silent total
    for name in ("Kārsavas novads", "Zilupes novads", "Ciblas novads"):
        assert name in ludza["note"]


def test_aglona_is_apportioned_by_area_share_and_marked_estimated():
    values = {"0760202": 10, "0766300": 0, "0769101": 2, AGLONA: 100, "0600202": 5, "0601000": 1}
    out = as_dict(reaggregate.to_2021(frame(values)))
    assert out[PREILI_NEW]["value"] == pytest.approx(10 + 0 + 2 + 34.8)
    assert out[KRASLAVA_NEW]["value"] == pytest.approx(5 + 1 + 65.2)
    assert out[PREILI_NEW]["status"] == out[KRASLAVA_NEW]["status"] == "estimated"


def test_zero_in_aglona_apportions_exactly():
    values = {"0760202": 10, "0766300": 0, "0769101": 2, AGLONA: 0}
    assert as_dict(reaggregate.to_2021(frame(values)))[PREILI_NEW]["status"] == "derived"


def test_totals_are_conserved_over_all_units():
    values = {atvk: float(i * 3 + 1) for i, atvk in enumerate(OLD)}
    out = reaggregate.to_2021(frame(values))
    assert len(out) == 9
    assert out["value"].sum() == pytest.approx(sum(values.values()))
    assert set(out["status"]) <= {"derived", "estimated"}


def test_ratios_carry_over_only_for_one_to_one_units():
    values = {"0050000": 41.8, "0680200": 60.0, "0761201": 20.0}  # Daugavpils city, Ludzas nov., Līvānu nov.
    out = as_dict(reaggregate.to_2021(frame(values, indicator="share_served")))
    assert set(out) == {"0002000", "0036000"}  # Ludza was merged: a share cannot be summed
    assert out["0002000"]["value"] == 41.8 and out["0002000"]["status"] == "derived"


def test_weakest_input_status_wins():
    values = {"0050000": 5}
    out = as_dict(reaggregate.to_2021(frame(values, status="estimated")))
    assert out["0002000"]["status"] == "estimated"


def test_way_back_only_for_same_territory():
    rows = frame({"0050000": 12})
    rows["vintage"] = "2021"
    rows["atvk"] = ["0002000"]
    back = reaggregate.to_2009(pd.concat([rows, rows.assign(atvk="0037000")]))
    assert back["atvk"].tolist() == ["0050000"]


def test_reported_figure_wins_over_converted_one():
    old = frame({"0050000": 12})
    new = old.assign(vintage="2021", atvk="0002000", value=13.0)
    shown = reaggregate.for_vintage(pd.concat([old, new], ignore_index=True), "2021")
    assert shown[shown["atvk"] == "0002000"]["value"].tolist() == [13.0]


def test_only_bounds_are_not_summed():
    df = frame({"0680200": 1})
    df["value"] = math.nan
    df["value_min"] = 50.0
    assert reaggregate.to_2021(df).empty


def test_shipped_figures_are_conserved_when_complete():
    """Real data: for every group, the 9 new units sum to what the 21 old units have."""
    from latgale_di.store import dataset

    obs = dataset.load().observations
    old = obs[(obs["vintage"] == "2009") & (obs["atvk"] != "LPR") & obs["value"].notna()]
    new = reaggregate.to_2021(obs)
    for key, group in old.groupby(list(reaggregate.GROUP_COLUMNS)):
        converted = new[(new[list(reaggregate.GROUP_COLUMNS)] == pd.Series(key, index=reaggregate.GROUP_COLUMNS))
                        .all(axis=1)]
        if key[3] in ("places", "persons_served", "persons_assessed", "planned_places", "eur"):
            assert converted["value"].sum() == pytest.approx(group["value"].sum()), key
