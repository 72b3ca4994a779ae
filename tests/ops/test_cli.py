"""The command line as a maintainer uses it: exit codes and one line per problem."""

import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
    assert result.stdout.startswith("data: ")  # where the figures come from, then the table


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


# --- one data path: the command line reads what the app shows -------------------------------------

HEADER = "year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note\n"
LUDZA = "2024,0037000,2021,adults_grt,day_care_centre,places,{v},places,reported,Ludzas novada sociālais dienests,\n"


def cli_with(db: Path, *args: str) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LATGALE_DI_LOG_JSON")}
    return subprocess.run([sys.executable, "-m", "latgale_di", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**env, "LATGALE_DI_DB": str(db)})


def ludza_places(result: subprocess.CompletedProcess) -> str:
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    (hit,) = [r for r in rows if r["atvk"] == "0037000" and r["service"] == "day_care_centre"
              and r["target_group"] == "adults_grt" and r["indicator"] == "places"]
    return hit["value"]


def write(tmp_path: Path, name: str, value: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + LUDZA.format(v=value), encoding="utf-8")
    return path


def test_after_an_import_indicators_prints_the_current_version_the_app_shows(tmp_path):
    from latgale_di.confidentiality.privacy import threshold
    from latgale_di.store import storage

    db = tmp_path / "store.sqlite3"
    imported = cli_with(db, "import", str(write(tmp_path, "a.csv", "12")), "--author", "anna")
    assert imported.returncode == 0 and "imported as version 2" in imported.stdout, imported.stderr
    assert imported.stderr == "", "a person at a terminal sees the answer, not JSON log lines"
    shown = cli_with(db, "indicators", "--year", "2024", "--vintage", "2021", "--format", "csv")
    assert shown.returncode == 0, shown.stderr
    assert ludza_places(shown) == "12"
    assert "data: version 2 of the sqlite store, current version" in shown.stderr
    # The app's own path to the same table (components/data.py): the same figure.
    from components import data as app_data

    table = app_data._indicator_table(str(db), storage.Store(db).current().id, threshold(), "2021")
    app_value = table[(table["atvk"] == "0037000") & (table["year"] == 2024) & (table["indicator"] == "places")
                      & (table["service"] == "day_care_centre") & (table["target_group"] == "adults_grt")]["value"]
    assert list(app_value) == [12.0]


def test_an_older_version_or_a_folder_is_read_when_asked(tmp_path):
    db = tmp_path / "store.sqlite3"
    cli_with(db, "import", str(write(tmp_path, "a.csv", "12")), "--author", "anna")
    cli_with(db, "import", str(write(tmp_path, "b.csv", "15")), "--author", "anna")
    args = ("indicators", "--year", "2024", "--vintage", "2021", "--format", "csv")
    assert ludza_places(cli_with(db, *args)) == "15"
    assert ludza_places(cli_with(db, *args, "--version", "2")) == "12"
    folder = cli_with(db, *args, "--data", str(ROOT / "data"))
    assert "0037000,Ludzas novads,2021,adults_grt,day_care_centre,places," not in folder.stdout
    assert "data: dataset folder" in folder.stderr
    missing = cli_with(db, *args, "--version", "9")
    assert missing.returncode == 2 and "there is no version 9 in the sqlite store (versions 1–3)" in missing.stderr
    both = cli_with(db, *args, "--version", "2", "--data", "data")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_the_same_figures_again_make_no_version_and_validate_says_so_first(tmp_path):
    db = tmp_path / "store.sqlite3"
    cli_with(db, "import", str(write(tmp_path, "a.csv", "12")), "--author", "anna")
    again = write(tmp_path, "again.csv", "\"12,0\"")  # the same number, written with a decimal comma
    checked = cli_with(db, "validate", str(again))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "against version 2 of the sqlite store" in checked.stdout
    assert "every figure is already there: importing it would make no new version" in checked.stdout
    result = cli_with(db, "import", str(again), "--author", "anna")
    assert result.returncode == 0 and "nothing to import" in result.stdout and "no new version" in result.stdout
    from latgale_di.store import storage

    assert [v.id for v in storage.Store(db).versions()] == [1, 2]


def test_log_lines_are_json_on_stderr_only_when_asked(tmp_path):
    import json

    db = tmp_path / "store.sqlite3"
    quiet = cli_with(db, "validate", str(write(tmp_path, "a.csv", "12")))
    assert quiet.stderr == "" and not quiet.stdout.startswith("{")
    loud = cli_with(db, "import", str(tmp_path / "a.csv"), "--author", "anna", "--log-json")
    events = [json.loads(line)["event"] for line in loud.stderr.splitlines()]
    assert events == ["import_read", "import"] and "imported as version 2" in loud.stdout


def test_a_range_prints_with_its_qualifier_never_as_a_blank_reported_value():
    result = cli("indicators", "--year", "2019", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    (more_than_half,) = [r for r in rows if r["atvk"] == "0210000" and r["target_group"] == "children_ft"
                         and r["service"] == "any" and r["indicator"] == "share_served"]
    assert more_than_half["value"] == ">50"  # the source: 'vairāk nekā 50%'
    assert not [r for r in rows if r["value"] == "" and r["status"] != "suppressed"]


def test_shown_value_gives_each_kind_of_figure_its_mark():
    from latgale_di.cli import shown_value

    nan = float("nan")
    assert shown_value(12.0, "reported", nan, nan, "persons") == "12"
    assert shown_value(nan, "suppressed", nan, 4.0, "persons") == "<5"
    assert shown_value(nan, "reported", 80.0, 100.0, "%") == ">80"
    assert shown_value(nan, "reported", 80.0, nan, "%") == ">80"
    assert shown_value(nan, "reported", 2.0, 3.0, "persons") == "2–3"
    assert shown_value(nan, "reported", nan, 20.0, "%") == "<20"


def test_briefing_takes_the_vintage_from_the_code(tmp_path):
    out = tmp_path / "ludza.pdf"
    result = cli_with(tmp_path / "store.sqlite3", "briefing", "--atvk", "0037000", "--lang", "lv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    wrong = cli_with(tmp_path / "store.sqlite3", "briefing", "--atvk", "0037000", "--vintage", "2009", "--out",
                     str(tmp_path / "no.pdf"))
    assert wrong.returncode == 2 and "it is a 2021 code" in wrong.stderr and not (tmp_path / "no.pdf").exists()


def test_a_code_in_both_vintages_asks_for_the_vintage(monkeypatch):
    from latgale_di import cli as command_line
    from latgale_di.territory import boundaries

    both = {"2009": {"0000001": None}, "2021": {"0000001": None}}
    monkeypatch.setattr(boundaries, "units", lambda vintage: both[vintage])
    assert command_line.briefing_vintage("0000001", None) == (
        None, "ATVK '0000001' is a municipality of both the 2009 and the 2021 boundaries: add --vintage 2009 or "
              "--vintage 2021")
    assert command_line.briefing_vintage("0000001", "2021") == ("2021", "")
