"""The command line as a maintainer uses it: exit codes and one line per problem."""

import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "latgale_di", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_indicators_csv_gives_daugavpils_share_served_with_seed_source():
    result = cli("indicators", "--year", "2019", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["year", "atvk", "municipality", "vintage", "target_group", "service", "indicator",
                             "value", "unit", "status", "source"]
    hit = [r for r in rows if r["atvk"] == "0050000" and r["target_group"] == "adults_grt"
           and r["service"] == "any" and r["indicator"] == "share_served"]
    assert len(hit) == 1
    assert float(hit[0]["value"]) == round(28 / 67 * 100, 2) or abs(float(hit[0]["value"]) - 41.79) < 0.01
    assert hit[0]["source"].startswith("seed:003_")
    assert hit[0]["vintage"] == "2009" and hit[0]["municipality"] == "Daugavpils"


def test_indicators_table_format_and_vintage():
    result = cli("indicators", "--year", "2019", "--vintage", "2021")
    assert result.returncode == 0
    assert "Ludzas novads" in result.stdout and "incomplete" in result.stdout


def test_validate_valid_file():
    result = cli("validate", "data/observations.csv")
    assert result.returncode == 0 and "valid observations" in result.stdout


def test_validate_bad_file_lists_each_problem(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note\n"
        "2019,Daugavpils pilsēta,2009,adults_grt,any,persons_served,28,persons,reported,seed,\n"
        "2019,Atlantīda,2009,adults_grt,any,persons_served,-1,persons,reported,seed,\n",
        encoding="utf-8",
    )
    result = cli("validate", str(bad))
    assert result.returncode == 1
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("error")]
    assert len(lines) == 2
    assert all("row 3" in ln for ln in lines)
    assert any("column 'atvk'" in ln and "Atlantīda" in ln for ln in lines)
    assert any("column 'value'" in ln and "zero or more" in ln for ln in lines)


def test_usage_errors_exit_2():
    assert cli().returncode == 2
    assert cli("indicators").returncode == 2
    assert cli("indicators", "--year", "x").returncode == 2
    assert cli("validate").returncode == 2


def test_build_data_check_is_clean():
    result = cli("build-data", "--check")
    assert result.returncode == 0, result.stderr
