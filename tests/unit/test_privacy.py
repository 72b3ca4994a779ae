"""Small-count suppression: 1–4 hidden, no total gives a hidden count away, maintainers see all."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd

from latgale_di.analysis import indicators
from latgale_di.confidentiality import disclosure, privacy
from latgale_di.ingest import importing
from latgale_di.server import access
from latgale_di.store import dataset
from latgale_di.territory import boundaries

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
LUDZA_2021 = "0037000"
LUDZA_PARTS = ["0684901", "0681000", "0680200", "0681801"]  # Cibla, Kārsava, Ludza, Zilupe (2009)


def obs(*rows: tuple[str, str, str, float], year: int = 2019, indicator: str = "persons_served") -> pd.DataFrame:
    """Typed observations from (vintage, atvk, service, value) tuples."""
    return pd.DataFrame([{
        "year": year, "atvk": atvk, "vintage": vintage, "target_group": "adults_grt", "service": service,
        "indicator": indicator, "value": float(value), "unit": "persons", "status": "reported", "source": "test",
        "note": "", "value_min": math.nan, "value_max": math.nan,
    } for vintage, atvk, service, value in rows])


def hidden(frame: pd.DataFrame) -> list[str]:
    return sorted(frame.loc[frame["status"] == "suppressed", "atvk"])


def test_counts_from_1_to_4_are_hidden_as_a_bound_and_zero_and_five_are_not():
    out = privacy.suppress(obs(("2009", "0684901", "any", 0), ("2009", "0681000", "any", 3),
                               ("2009", "0680200", "any", 5)))
    assert hidden(out) == ["0681000"]
    row = out[out["atvk"] == "0681000"].iloc[0]
    assert math.isnan(row["value"]) and row["value_max"] == 4 and "privacy" in row["note"]
    assert out.loc[out["atvk"] == "0684901", "value"].item() == 0  # an absent service identifies nobody


def test_places_are_not_person_counts():
    out = privacy.suppress(obs(("2009", "0681000", "any", 2), indicator="places"))
    assert hidden(out) == []


def test_a_region_total_with_every_other_unit_known_forces_a_second_cell_hidden():
    units = list(boundaries.units("2021"))
    values = [3, 10, 40, 7, 12, 20, 9, 15, 30]  # 3 is small; the region's 146 would give it away
    rows = [("2021", a, "any", v) for a, v in zip(units, values)] + [("2021", "LPR", "any", sum(values))]
    out = privacy.suppress(obs(*rows))
    assert hidden(out) == sorted([units[0], units[3]])  # the smallest other (7) goes with it
    secondary = out[out["atvk"] == units[3]].iloc[0]
    assert math.isnan(secondary["value"]) and math.isnan(secondary["value_max"])
    assert "a total cannot reveal" in secondary["note"]


def test_a_missing_unit_already_protects_the_hidden_one():
    units = list(boundaries.units("2021"))
    rows = [("2021", a, "any", v) for a, v in zip(units[:8], [3, 10, 40, 7, 12, 20, 9, 15])]
    out = privacy.suppress(obs(*rows, ("2021", "LPR", "any", 200)))
    assert hidden(out) == [units[0]]


def test_a_2021_unit_cannot_reveal_its_small_2009_part():
    rows = [("2009", a, "any", v) for a, v in zip(LUDZA_PARTS, [2, 11, 30, 6])] + [("2021", LUDZA_2021, "any", 49)]
    out = privacy.suppress(obs(*rows))
    assert hidden(out) == sorted(["0684901", "0681801"])
    assert out.loc[out["atvk"] == LUDZA_2021, "value"].item() == 49


def test_suppression_never_leaves_a_relation_with_a_single_hidden_unknown():
    """Every published total, minus the visible parts, still leaves two or more unknowns."""
    rows = [("2009", a, "any", v) for a, v in zip(LUDZA_PARTS, [2, 11, 30, 6])] + [("2021", LUDZA_2021, "any", 49)]
    units = list(boundaries.units("2021"))
    rows += [("2021", a, "any", v) for a, v in zip(units, [1, 2, 40, 7, 12, 20, 9, 15, 30]) if a != LUDZA_2021]
    out = privacy.suppress(obs(*rows, ("2021", "LPR", "any", 185)))
    known = {("*" if a == "LPR" else v, a) for v, a, s in zip(out["vintage"], out["atvk"], out["status"])
             if s != "suppressed"}
    hid = {("*" if a == "LPR" else v, a) for v, a, s in zip(out["vintage"], out["atvk"], out["status"])
           if s == "suppressed"}
    for rel in disclosure.relations():
        unknown = [c for c in [rel.total, *rel.parts, *(p[0] for p in rel.split_parts)] if c not in known]
        assert not (len(unknown) == 1 and unknown[0] in hid), (rel.total, unknown)


def test_threshold_is_configurable_and_0_turns_it_off(monkeypatch):
    rows = obs(("2009", "0681000", "any", 7))
    assert hidden(privacy.suppress(rows, below=10)) == ["0681000"]
    assert hidden(privacy.suppress(rows, below=0)) == []
    monkeypatch.setenv("LATGALE_DI_SUPPRESS_BELOW", "8")
    assert privacy.threshold() == 8 and hidden(privacy.suppress(rows)) == ["0681000"]


def test_shares_and_shortfalls_of_a_hidden_count_are_hidden_too():
    data = dataset.load()
    public = replace(data, observations=privacy.suppress(data.observations))
    table = indicators.compute(public, vintage="2009", year=2019)
    dagda = table[(table["atvk"] == "0601000") & (table["target_group"] == "adults_grt") & (table["service"] == "any")]
    by_indicator = dagda.set_index("indicator")
    assert by_indicator.loc["persons_assessed", "value"] == 5  # 5 is shown
    for name in ("persons_served", "share_served", "shortfall", "shortfall_pct", "served_per_10k"):
        assert by_indicator.loc[name, "status"] == "suppressed", name
        assert math.isnan(by_indicator.loc[name, "value"]), name


def test_re_aggregation_with_a_hidden_part_is_a_lower_bound_not_a_total():
    data = dataset.load()
    public = replace(data, observations=privacy.suppress(data.observations))
    table = indicators.compute(public, vintage="2021", year=2019)
    kraslava = table[(table["atvk"] == "0032000") & (table["target_group"] == "adults_grt")
                     & (table["service"] == "any") & (table["indicator"] == "persons_served")]
    assert kraslava["status"].tolist() in ([], ["incomplete"])  # Dagda's 3 is not in a "total"


def test_an_import_may_not_claim_the_display_only_status():
    data = (b"year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note\n"
            b"2024,Ludzas novads,2021,adults_grt,any,persons_served,3,persons,suppressed,test,\n")
    reading = importing.read("s.csv", data)
    assert not reading.ok and "column 'status'" in str(reading.problems[0])


def cli_indicators(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "latgale_di", "indicators", "--year", "2019", "--format", "csv",
                           *extra], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", **env}, input="")


def dagda_served(csv_text: str) -> str:
    line = next(x for x in csv_text.splitlines() if ",0601000," in x and ",adults_grt,any,persons_served," in x)
    return line.split(",")[7]


def test_the_cli_hides_small_counts_unless_a_maintainer_signs_in(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[maintainers]\nusers = {{ anna = "{access.hash_password("pw-1", "cd" * 16)}" }}\n')
    public = cli_indicators({})
    assert public.returncode == 0 and dagda_served(public.stdout) == "<5"
    env = {"LATGALE_DI_SECRETS": str(secrets), "LATGALE_DI_PASSWORD": "pw-1"}
    signed_in = cli_indicators(env, "--maintainer", "anna")
    assert signed_in.returncode == 0 and dagda_served(signed_in.stdout) == "3"
    refused = cli_indicators({**env, "LATGALE_DI_PASSWORD": "wrong"}, "--maintainer", "anna")
    assert refused.returncode == 2 and "wrong user name or password" in refused.stderr and refused.stdout == ""
