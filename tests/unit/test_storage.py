"""The versioned store keeps changes, not copies: what a maintainer and a reader would notice.

Each test runs on SQLite and, with the ``postgres`` marker, on a real PostgreSQL server.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pandas as pd
import pytest

from latgale_di.store import storage

KEY = ["year", "atvk", "vintage", "target_group", "service", "indicator"]


def record_count(store: storage.Store) -> int:
    with store._connect() as db:  # noqa: SLF001 (how many row records the database holds)
        return db.execute("SELECT count(*) FROM observation_rows").fetchone()[0]


def figure(rows: pd.DataFrame, i: int, value: str) -> pd.DataFrame:
    return rows.iloc[[i]].assign(value=value)


def test_a_small_import_writes_only_its_rows_and_old_versions_read_back_unchanged(store):
    first = store.observations(1)
    before = record_count(store)
    change = pd.concat([figure(first, 0, "999"), first.iloc[[1]].assign(year="2031")])
    version = store.import_rows(change, author="anna", file_name="a.csv", data=b"a")
    assert version is not None and version.summary == "+1 ~1 -0"
    assert record_count(store) == before + 2  # the two rows it brings, not a copy of the store
    assert store.observations(1).equals(first)
    now = store.observations()
    assert len(now) == len(first) + 1
    assert now.set_index(KEY).loc[tuple(first.iloc[0][KEY]), "value"] == "999"
    # An import's rows are ordered by key, as before the change layout.
    assert now.equals(now.sort_values(KEY, kind="stable").reset_index(drop=True))


@pytest.mark.parametrize(("stored", "again", "changed"), [
    ("11", "11,0", False), ("11", "11.00", False), ("1200", "1 200", False), ("11.5", "11,5", False),
    ("11", "12", True), ("", "0", True), ("11", "", True),
])
def test_numbers_are_compared_as_numbers(store, stored, again, changed):
    rows = store.observations(1)
    store.import_rows(figure(rows, 0, stored), author="a", file_name="a.csv", data=b"a")
    count = len(store.versions())
    version = store.import_rows(figure(rows, 0, again), author="a", file_name="b.csv", data=b"b")
    assert (version is not None) == changed
    assert len(store.versions()) == count + changed
    assert store.preview(figure(rows, 0, again))["changed"] == 0  # what was imported is now current


def test_a_reimport_that_changes_nothing_makes_no_version_and_says_so_in_the_log(store, capsys):
    rows = store.observations(1)
    same = rows.head(5).assign(value=[f"{v},0" if v.isdigit() else v for v in rows.head(5)["value"]])
    assert store.preview(same) == {**store.preview(same), "added": 0, "changed": 0, "removed": 0}
    capsys.readouterr()
    assert store.import_rows(same, author="a", file_name="same.csv", data=b"s") is None
    assert [v.id for v in store.versions()] == [1]
    (line,) = [json.loads(x) for x in capsys.readouterr().err.splitlines()]
    assert line["event"] == "import" and line["result"] == "unchanged" and line["version"] == 1


def test_a_text_change_beside_the_number_is_a_change(store):
    rows = store.observations(1)
    version = store.import_rows(rows.head(1).assign(note="corrected by the municipality"), author="a",
                                file_name="n.csv", data=b"n")
    assert version is not None and version.summary == "+0 ~1 -0"


def test_rollback_is_a_new_version_with_the_old_rows_in_their_old_order(store):
    first = store.observations(1)
    store.import_rows(pd.concat([figure(first, 3, "1"), first.iloc[[4]].assign(year="2031")]), author="a",
                      file_name="a.csv", data=b"a")
    store.import_rows(figure(first, 5, "2"), author="a", file_name="b.csv", data=b"b")
    second, third = store.observations(2), store.observations(3)
    back = store.rollback(1, author="juris")
    assert back.id == 4 and back.action == "rollback" and back.summary == "+0 ~2 -1"
    assert store.observations().equals(first)  # the file's order, not sorted
    assert store.observations(2).equals(second) and store.observations(3).equals(third)
    again = store.rollback(3, author="juris")
    assert again.id == 5 and store.observations().equals(third)
    assert store.file_of(5) == store.file_of(3)


def test_every_version_reads_back_as_written_after_many_imports_and_rollbacks(store):
    first = store.observations(1)
    written = {1: first}
    for step in range(6):
        if step == 3:
            version = store.rollback(2, author="a")
        else:
            version = store.import_rows(pd.concat([figure(first, step, str(100 + step)),
                                                   first.iloc[[step + 10]].assign(year=str(2040 + step))]),
                                        author="a", file_name=f"{step}.csv", data=b"x")
        written[version.id] = store.observations()
    for version_id, rows in written.items():
        assert store.observations(version_id).equals(rows), version_id


# --- the earlier layout: a full copy of the rows per version ---------------------------------

OLD_SCHEMA = """
CREATE TABLE versions (
    id {ident}, parent_id BIGINT REFERENCES versions(id), created_at TEXT NOT NULL,
    author TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('initial', 'import', 'rollback')),
    file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL, file_bytes {blob} NOT NULL, note TEXT NOT NULL,
    diff_json TEXT NOT NULL);
CREATE TABLE observations (version_id BIGINT NOT NULL REFERENCES versions(id), row_no INTEGER NOT NULL, {columns});
CREATE INDEX observations_version ON observations(version_id, row_no)
"""


def old_layout(location: str, versions: list[tuple[str, pd.DataFrame]]) -> None:
    """A database as the full-copy store wrote it: each version with its own copy of every row."""
    postgres = storage.is_postgres(location)
    schema = OLD_SCHEMA.format(
        ident="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT",
        blob="BYTEA" if postgres else "BLOB", columns=", ".join(f"{c} TEXT" for c in storage.COLUMNS))
    if postgres:
        import psycopg

        raw = psycopg.connect(location)
    else:
        raw = sqlite3.connect(location)
    mark = "%s" if postgres else "?"
    with closing(raw) as db:
        for statement in schema.split(";"):
            db.execute(statement)
        for n, (action, rows) in enumerate(versions, start=1):
            db.execute("INSERT INTO versions (parent_id, created_at, author, action, file_name, file_sha256, "
                       f"file_bytes, note, diff_json) VALUES ({mark}, {mark}, 'anna', {mark}, {mark}, 'sha', "
                       f"{mark}, '', '{{}}')",
                       (n - 1 or None, f"2026-11-0{n}T10:00:00+00:00", action, f"{n}.csv", f"file {n}".encode()))
            placeholders = ", ".join([mark] * (len(storage.COLUMNS) + 2))
            db.cursor().executemany(f"INSERT INTO observations VALUES ({placeholders})",
                                    [(n, i, *r) for i, r in enumerate(storage.as_text(rows).itertuples(index=False))])
        db.commit()


def tables(store: storage.Store) -> set[str]:
    with store._connect() as db:  # noqa: SLF001
        return {t for t in ("observations", "observation_rows") if store._has_table(db, t)}  # noqa: SLF001


def test_a_full_copy_database_is_migrated_and_every_version_reads_back_identically(location):
    first = storage.as_text(pd.read_csv(storage.DATA_DIR / "observations.csv", dtype=str, keep_default_na=False))
    imported = pd.concat([first.iloc[3:].copy(), figure(first, 0, "11,0"), first.iloc[[1]].assign(year="2031")])
    imported = imported.sort_values(KEY, kind="stable").reset_index(drop=True)
    shuffled = first.sample(frac=1, random_state=4).reset_index(drop=True)  # an order no rule gives
    history = [("initial", first), ("import", imported), ("rollback", first), ("import", shuffled)]
    old_layout(location, history)
    store = storage.Store(location)
    assert [v.id for v in store.versions()] == [1, 2, 3, 4]
    for n, (_, rows) in enumerate(history, start=1):
        assert store.observations(n).equals(rows), n
        assert store.file_of(n) == (f"{n}.csv", f"file {n}".encode())
    assert tables(store) == {"observation_rows"}
    assert record_count(store) < sum(len(rows) for _, rows in history) / 2  # changes, not copies
    # The migrated store takes new versions as any other.
    version = store.import_rows(figure(first, 2, "7"), author="a", file_name="n.csv", data=b"n")
    assert version is not None and version.id == 5 and store.observations(4).equals(shuffled)
    assert storage.Store(location).observations(2).equals(imported)  # a second open migrates nothing


def test_a_migration_that_cannot_reproduce_a_version_changes_nothing(location, monkeypatch):
    first = storage.as_text(pd.read_csv(storage.DATA_DIR / "observations.csv", dtype=str, keep_default_na=False))
    old_layout(location, [("initial", first)])
    with monkeypatch.context() as patched:
        patched.setattr(storage, "_ordered", lambda rows, order: rows.iloc[::-1])
        with pytest.raises(RuntimeError, match="version 1"):
            storage.Store(location)
    if storage.is_postgres(location):
        import psycopg

        raw = psycopg.connect(location)
    else:
        raw = sqlite3.connect(location)
    with closing(raw) as db:
        assert db.execute("SELECT count(*) FROM observations").fetchone()[0] == len(first)
    assert storage.Store(location).observations(1).equals(first)  # and the next start migrates it


def test_compare_counts_a_key_given_twice_as_one_change():
    rows = pd.DataFrame([dict.fromkeys(storage.COLUMNS, "") | {"year": "2020", "value": "1"}])
    twice = pd.concat([rows, rows.assign(value="2")], ignore_index=True)
    changes = storage.compare(rows.assign(id=7), twice)
    assert changes.diff["changed"] == 1 and changes.closed == [7] and len(changes.added) == 2
    assert storage.compare(twice, twice).empty
