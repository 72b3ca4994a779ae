"""Backup and restore as docs/operations.md says: the store sees the same versions afterwards."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from latgale_di.ingest import importing
from latgale_di.store import storage

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "files" / "good" / "utf8_bom_comma.csv"


def _import_one(store: storage.Store) -> None:
    store.ensure_initial()
    reading = importing.read(GOOD.name, GOOD.read_bytes(), kind="observations")
    assert reading.ok
    store.import_rows(reading.table, author="maintainer", file_name=GOOD.name, data=GOOD.read_bytes())


def _state(store: storage.Store) -> tuple:
    """What a reader and a maintainer would see: every version, its rows and its kept file."""
    versions = store.versions()
    return (versions, [store.observations(v.id).to_dict("list") for v in versions],
            [store.file_of(v.id) for v in versions])


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_bring_back_every_version(postgres_server, postgres_url, tmp_path):
    store = storage.Store(postgres_url)
    _import_one(store)
    before = _state(store)
    assert len(before[0]) == 2

    dump = tmp_path / "latgale_di.dump"
    subprocess.run(["pg_dump", "-Fc", "--no-owner", "-d", postgres_url, "-f", str(dump)], check=True, timeout=120)
    listing = subprocess.run(["pg_restore", "--list", str(dump)], check=True, capture_output=True, text=True)
    assert "TABLE DATA public versions" in listing.stdout and "TABLE DATA public observation_rows" in listing.stdout

    name = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(postgres_server, autocommit=True) as admin:  # the database is lost
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    assert storage.Store(postgres_url).versions() == []

    subprocess.run(["pg_restore", "--no-owner", "--clean", "--if-exists", "-d", postgres_url, str(dump)],
                   check=True, timeout=120)
    restored = storage.Store(postgres_url)
    assert _state(restored) == before
    # The restored database knows what it holds (the same file again makes no version) and takes
    # new versions after the old ones.
    reading = importing.read(GOOD.name, GOOD.read_bytes(), kind="observations")
    assert restored.import_rows(reading.table, author="maintainer", file_name=GOOD.name, data=b"again") is None
    restored.import_rows(reading.table.assign(value="4242"), author="maintainer", file_name="fix.csv", data=b"fix")
    assert [v.id for v in restored.versions()] == [1, 2, 3]


def test_sqlite_online_backup_brings_back_every_version(tmp_path):
    live = tmp_path / "latgale_di.sqlite3"
    store = storage.Store(live)
    _import_one(store)
    before = _state(store)
    backup = tmp_path / "backup.sqlite3"
    # The command docs/operations.md gives when the sqlite3 shell is not installed.
    subprocess.run(["python3", "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup("
                    "sqlite3.connect(sys.argv[2]))", str(live), str(backup)], check=True)
    with closing(sqlite3.connect(backup)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    live.unlink()
    backup.rename(live)
    assert _state(storage.Store(live)) == before
