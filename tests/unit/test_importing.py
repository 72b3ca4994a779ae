"""Import and versioned storage: real-world files in, precise errors out, nothing ever lost."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latgale_di.ingest import importing
from latgale_di.store import storage

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parents[1] / "files"
EXPECTED = json.loads((FILES / "bad" / "expected.json").read_text(encoding="utf-8"))
LINE = "2024,Ludzas novads,2021,adults_grt,day_care_centre,places,{v},places,reported,test,\n"
HEADER = "year,atvk,vintage,target_group,service,indicator,value,unit,status,source,note\n"


def cli(*args: str, db: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "latgale_di", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=db_env(db))


def db_env(location: Path | str) -> dict[str, str]:
    """The environment a CLI run needs to use ``location`` (an SQLite file or a PostgreSQL URL)."""
    key = "DATABASE_URL" if storage.is_postgres(str(location)) else "LATGALE_DI_DB"
    return {"PATH": "/usr/bin:/bin", key: str(location)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_rejected_with_the_exact_error_and_nothing_written(name, tmp_path):
    db = tmp_path / "db.sqlite3"  # the rejection happens before any database is touched
    storage.Store(db).ensure_initial()
    before = storage.Store(db).versions()
    for command in ("validate", "import"):
        args = [command, str(FILES / "bad" / name)] + (["--author", "test"] if command == "import" else [])
        result = cli(*args, db=db)
        assert result.returncode == 1, result.stdout + result.stderr
        for needle in EXPECTED[name]:
            assert needle in result.stdout, f"{name}: {needle!r} not in {result.stdout!r}"
        assert name in result.stdout  # every message names the file
    assert storage.Store(db).versions() == before


@pytest.mark.parametrize("name", sorted(p.name for p in (FILES / "good").iterdir()))
def test_files_people_really_have_are_read(name):
    sheet = "Dati" if name == "named_sheet.xlsx" else None
    reading = importing.read(name, (FILES / "good" / name).read_bytes(), sheet=sheet)
    assert reading.ok, [str(p) for p in reading.problems]
    first = reading.table.iloc[0]
    assert first["atvk"] == "0037000" and first["target_group"] == "adults_grt"
    assert first["service"] == "day_care_centre" and first["indicator"] == "places" and first["value"] == "12"
    assert first["status"] == "reported"


def test_latvian_letters_survive_windows_1257():
    reading = importing.read("x.csv", (FILES / "good" / "latvian_headers_cp1257_semicolon.csv").read_bytes())
    assert reading.table.iloc[0]["source"] == "Ludzas novada sociālais dienests"
    assert reading.table.iloc[1]["value"] == "10.0"  # decimal comma


def test_missing_sheet_is_named():
    reading = importing.read("w.xlsx", (FILES / "good" / "named_sheet.xlsx").read_bytes(), sheet="Nav")
    assert "no sheet named 'Nav' (sheets: Kopsavilkums, Dati)" in str(reading.problems[0])


def test_oversized_file_is_refused_before_reading():
    reading = importing.read("big.csv", b"x" * (importing.MAX_BYTES + 1))
    assert not reading.ok and "at most 10 MB" in str(reading.problems[0])


def test_import_makes_a_new_version_with_author_file_and_diff(store):
    data = (HEADER + LINE.format(v=12)).encode()
    version = store.import_rows(importing.read("a.csv", data).table, author="anna", file_name="a.csv", data=data)
    assert version.id == 2 and version.parent_id == 1 and version.author == "anna"
    assert version.diff["added"] == 1 and version.summary == "+1 ~0 -0"
    assert store.file_of(2) == ("a.csv", data)  # the file itself is kept
    data2 = (HEADER + LINE.format(v=14)).encode()
    v3 = store.import_rows(importing.read("b.csv", data2).table, author="anna", file_name="b.csv", data=data2)
    assert v3.summary == "+0 ~1 -0"
    assert len(store.observations(1)) == 143  # old versions are never changed (the shipped dataset)


def test_rollback_is_a_new_version_and_keeps_history(store):
    data = (HEADER + LINE.format(v=12)).encode()
    store.import_rows(importing.read("a.csv", data).table, author="anna", file_name="a.csv", data=data)
    back = store.rollback(1, author="juris")
    assert back.id == 3 and back.action == "rollback" and back.summary == "+0 ~0 -1"
    assert store.observations().equals(store.observations(1))
    assert [v.action for v in store.versions()] == ["initial", "import", "rollback"]


def test_two_imports_at_the_same_time_lose_nothing(store):
    def run(value: int) -> None:
        line = LINE.replace("Ludzas novads", "Balvu novads" if value == 1 else "Ludzas novads").format(v=value)
        data = (HEADER + line).encode()
        store.import_rows(importing.read(f"{value}.csv", data).table, author=f"user{value}", file_name="f.csv",
                          data=data)

    threads = [threading.Thread(target=run, args=(v,)) for v in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    versions = store.versions()
    assert [v.id for v in versions] == [1, 2, 3] and [v.parent_id for v in versions] == [None, 1, 2]
    final = store.observations()
    assert len(final) == 145  # both imports are in the current version (143 shipped + 2)


def test_two_processes_importing_at_once(tmp_path, location):
    db = location
    storage.Store(db).ensure_initial()
    files = []
    for i, name in enumerate(("Balvu novads", "Ludzas novads", "Preiļu novads")):
        f = tmp_path / f"{i}.csv"
        f.write_text(HEADER + LINE.replace("Ludzas novads", name).format(v=i + 1), encoding="utf-8")
        files.append(f)
    procs = [subprocess.Popen([sys.executable, "-m", "latgale_di", "import", str(f), "--author", "t"], cwd=ROOT,
                              env=db_env(db), stdout=subprocess.PIPE)
             for f in files]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    store = storage.Store(db)
    assert len(store.versions()) == 4 and len(store.observations()) == 146


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: (HEADER + t).encode("utf-8")))
def test_the_parser_never_crashes_and_never_writes_on_rejection(store, data):
    before = store.versions()
    reading = importing.read("fuzz.csv", data)
    assert isinstance(reading.problems, list)
    if not reading.ok:
        assert reading.problems and all(p.file == "fuzz.csv" for p in reading.problems)
        assert store.versions() == before
    else:
        assert isinstance(reading.table, pd.DataFrame)


def test_the_template_reads_back_and_names_its_placeholders():
    from latgale_di.ingest import template

    csv_reading = importing.read("t.csv", template.csv_bytes())
    xlsx_reading = importing.read("t.xlsx", template.xlsx_bytes())
    # The template's value cells are empty on purpose: it is rejected until someone fills it in.
    for reading in (csv_reading, xlsx_reading):
        assert not reading.ok
        assert {p.column for p in reading.problems} == {"value"}
    vocabularies = pd.read_excel(__import__("io").BytesIO(template.xlsx_bytes()), sheet_name="vocabularies")
    assert "Dienas aprūpes centrs" in vocabularies["latviski"].tolist()
    filled = template.csv_bytes().decode("utf-8-sig")
    filled = filled.replace(",,places,", ",12,places,").replace(",,persons,", ",40,persons,")
    assert importing.read("t.csv", filled.encode()).ok
