"""The disclosure audit plays the attacker (latgale_di/confidentiality/disclosure.py): every hidden small count
must still be any of 1–4 given everything published. The attacks a reader could make on 5 December
(issue 21) are crafted here; each is unsafe without secondary suppression and safe with it."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latgale_di.confidentiality import disclosure, privacy
from latgale_di.store import dataset
from latgale_di.territory import boundaries

BELOW = 5
OLD = list(boundaries.units("2009"))
NEW = list(boundaries.units("2021"))


def obs(*rows: tuple, indicator: str = "persons_served") -> pd.DataFrame:
    """Typed observations from (vintage, atvk, value[, value_min, value_max]) tuples."""
    out = []
    for row in rows:
        vintage, atvk, value, *bounds = row
        low, high = bounds if bounds else (math.nan, math.nan)
        out.append({"year": 2019, "atvk": atvk, "vintage": vintage, "target_group": "adults_grt", "service": "any",
                    "indicator": indicator, "value": float(value), "unit": "persons", "status": "reported",
                    "source": "test", "note": "", "value_min": float(low), "value_max": float(high)})
    return pd.DataFrame(out)


def naive(frame: pd.DataFrame) -> pd.DataFrame:
    """Primary suppression only: what an attacker could work on without secondary suppression."""
    out = frame.copy()
    small = out["value"].between(1, BELOW - 1)
    out.loc[small, ["value", "value_min"]] = math.nan
    out.loc[small, "value_max"] = BELOW - 1
    out.loc[small, "status"] = "suppressed"
    return out


def audit(frame: pd.DataFrame) -> list[disclosure.Finding]:
    return disclosure.audit(frame, BELOW, privacy.PERSON_COUNTS)


def test_bounds_attack_two_hidden_ones_summing_to_two():
    # Region 12, Daugavpils 10, eighteen units 0, two cells "<5": both must be 1.
    units = [a for a in OLD if a != "0050000"]
    rows = [("2009", "LPR", 12), ("2009", "0050000", 10), ("2009", units[0], 1), ("2009", units[1], 1)]
    rows += [("2009", a, 0) for a in units[2:]]
    frame = obs(*rows)
    findings = audit(naive(frame))
    assert {f.cell[1] for f in findings} == {units[0], units[1]} and all(f.low == f.high == 1 for f in findings)
    public = privacy.suppress(frame, BELOW)
    assert audit(public) == []
    assert public.loc[public["atvk"] == "0050000", "status"].item() == "suppressed"  # hidden beside them


def test_cross_vintage_attack_through_a_2021_unit_reported_directly():
    # Baltinava hidden, Cibla without a figure; Ludzas novads 2021 reported: Cibla by subtraction,
    # then Baltinava from the region total.
    ludza_parts = {"0684901": None, "0681000": 11, "0680200": 30, "0681801": 6}  # Cibla, Kārsava, Ludza, Zilupe
    baltinava = "0384400"
    rows = [("2009", a, v) for a, v in ludza_parts.items() if v is not None]
    rows += [("2021", "0037000", 49), ("2009", baltinava, 2)]
    others = [a for a in OLD if a not in ludza_parts and a != baltinava]
    rows += [("2009", a, 5 + i) for i, a in enumerate(others)]
    total = 49 + 2 + sum(5 + i for i in range(len(others)))
    rows.append(("2009", "LPR", total))
    frame = obs(*rows)
    assert any(f.cell == ("2009", baltinava) for f in audit(naive(frame)))
    assert audit(privacy.suppress(frame, BELOW)) == []


def test_a_small_count_given_as_a_range_is_hidden():
    frame = obs(("2009", "0681000", math.nan, 2, 3))
    public = privacy.suppress(frame, BELOW)
    row = public.iloc[0]
    assert row["status"] == "suppressed" and math.isnan(row["value_min"]) and row["value_max"] == BELOW - 1


@pytest.mark.parametrize("ratio, denominator, indicator", [(75, 4, "places"), (60, 5, "persons_assessed")])
def test_a_stored_ratio_beside_its_denominator_is_hidden_when_it_gives_a_small_count(ratio, denominator,
                                                                                     indicator):
    name = "occupancy_rate" if indicator == "places" else "share_served"
    frame = pd.concat([obs(("2021", "0037000", denominator), indicator=indicator),
                       obs(("2021", "0037000", ratio), indicator=name)], ignore_index=True)
    public = privacy.suppress(frame, BELOW)
    shown = public.set_index("indicator")
    assert shown.loc[name, "status"] == "suppressed" and math.isnan(shown.loc[name, "value"])
    assert shown.loc[indicator, "value"] == denominator  # the denominator itself is no small count of people


def test_a_sites_occupied_places_are_hidden_when_small():
    sites = pd.DataFrame({"id": ["A", "B"], "occupied": [3.0, 8.0], "places": [12.0, 12.0]})
    public = privacy.suppress_sites(sites, BELOW)
    assert math.isnan(public.loc[0, "occupied"]) and public.loc[0, "occupied_hidden"]
    assert public.loc[1, "occupied"] == 8 and not public.loc[1, "occupied_hidden"]


def test_the_shipped_data_pass_the_audit():
    public = privacy.public(dataset.load(), BELOW)
    assert disclosure.audit(public.observations, BELOW, privacy.PERSON_COUNTS, public.facilities) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 12), min_size=len(NEW), max_size=len(NEW)), st.booleans())
def test_random_publications_are_safe_after_suppression(values, with_region):
    rows = [("2021", a, v) for a, v in zip(NEW, values)]
    if with_region:
        rows.append(("2021", "LPR", sum(values)))
    assert audit(privacy.suppress(obs(*rows), BELOW)) == []


def test_the_privacy_audit_command_says_the_shipped_data_are_safe(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "LATGALE_DI_DB": str(tmp_path / "store.sqlite3")}
    done = subprocess.run([sys.executable, "-m", "latgale_di", "privacy-audit"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("data: ") and "safe: each of the" in done.stdout
    assert "HiGHS" not in done.stdout  # the solver's banner never lands in the answer


def test_a_units_figure_minus_its_other_sites_cannot_reveal_a_small_site():
    # Ludzas novads: 10 occupied group-apartment places; its sites: A with 8, B with 2 ("<5").
    # Reading "at least 8 + B = 10" pins B ≤ 2: site A (or the unit's figure) must be hidden too.
    from latgale_di.store.dataset import Dataset

    frame = obs(("2021", "0037000", 10), indicator="occupied_places").assign(year=2023, service="group_apartments")
    sites = pd.DataFrame([
        {"id": site, "name": site, "atvk": "0037000", "services": "group_apartments", "target_groups": "adults_grt",
         "places": 12.0, "occupied": occupied, "lat": 56.5, "lon": 27.7, "location_precision": "settlement",
         "opened": "2022-01-01", "status": "operating", "source": "test", "note": ""}
        for site, occupied in (("A", 8.0), ("B", 2.0))])
    data = Dataset(frame, sites, pd.DataFrame(), pd.DataFrame(columns=["id", "title", "url"]))
    naive_sites = privacy.suppress_sites(sites, BELOW)
    assert disclosure.audit(frame, BELOW, privacy.PERSON_COUNTS, naive_sites)  # B can be narrowed
    public = privacy.public(data, BELOW)
    assert disclosure.audit(public.observations, BELOW, privacy.PERSON_COUNTS, public.facilities) == []
    assert public.facilities["occupied"].isna().sum() == 2 or public.observations["status"].eq("suppressed").any()
