"""Versioned storage of observations: every import is a new, immutable dataset version.

A version holds a full snapshot of the observations (the dataset is small: hundreds of rows), who
made it, when, from which file (the file itself is kept) and how it differs from its parent.
Nothing is ever updated or deleted: the current version is simply the newest one, and a rollback
is a new version that copies an older one. Two imports at the same time are serialised by the
database's write lock; each merges onto whatever is current inside that lock, so neither is lost.

Two databases, one set of statements:
- SQLite (a file under ``var/``, or ``$LATGALE_DI_DB``) is the default and needs no set-up;
- PostgreSQL when ``$DATABASE_URL`` is set (``postgresql://…``), for hosted deployments where
  several app instances share one database.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from latgale_di import logs
from latgale_di.contract import OBSERVATION_COLUMNS, OBSERVATION_KEY
from latgale_di.paths import DATA_DIR, ROOT, data_dir

DEFAULT_PATH = ROOT / "var" / "latgale_di.sqlite3"
COLUMNS: tuple[str, ...] = (*OBSERVATION_COLUMNS, "value_min", "value_max")


def default_location() -> str:
    """Where the versions live: ``$DATABASE_URL`` (PostgreSQL) if set, else the SQLite file
    ``$LATGALE_DI_DB`` or ``var/latgale_di.sqlite3`` in the project. With another dataset folder
    (``$LATGALE_DI_DATA``) the default file is one of its own, so that a store seeded from one
    dataset (a synthetic one) never serves its figures under another's metadata."""
    given = os.environ.get("DATABASE_URL") or os.environ.get("LATGALE_DI_DB")
    if given:
        return given
    folder = data_dir()
    if folder == DATA_DIR:
        return str(DEFAULT_PATH)
    tag = hashlib.sha256(str(folder).encode()).hexdigest()[:10]
    return str(DEFAULT_PATH.with_name(f"latgale_di-{folder.name}-{tag}.sqlite3"))


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def kind_of(location: str) -> str:
    """What logs and the readiness answer may say about a database: its kind, never its URL."""
    return "postgresql" if is_postgres(location) else "sqlite"


def connect_timeout() -> int:
    """Seconds to wait for PostgreSQL (``$LATGALE_DI_DB_TIMEOUT``, default 5): with the database
    unreachable every page run waits this long before serving the last good data."""
    try:
        return max(1, int(os.environ.get("LATGALE_DI_DB_TIMEOUT", "5")))
    except ValueError:
        return 5


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "the database cannot be reached or used now", not a bug."""
    errors: list[type[BaseException]] = [sqlite3.OperationalError, OSError]
    try:
        import psycopg

        errors.append(psycopg.OperationalError)
    except ImportError:  # SQLite-only installs have no driver
        pass
    return tuple(errors)


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _schema(postgres: bool) -> str:
    # The same tables in both databases; only the id column and the byte type are spelled apart.
    ident = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT"
    blob = "BYTEA" if postgres else "BLOB"
    text_columns = ", ".join(f"{c} TEXT" for c in COLUMNS)
    return f"""
CREATE TABLE IF NOT EXISTS versions (
    id {ident},
    parent_id BIGINT REFERENCES versions(id),
    created_at TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('initial', 'import', 'rollback')),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_bytes {blob} NOT NULL,
    note TEXT NOT NULL,
    diff_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS observations (
    version_id BIGINT NOT NULL REFERENCES versions(id),
    row_no INTEGER NOT NULL,
    {text_columns}
);
CREATE INDEX IF NOT EXISTS observations_version ON observations(version_id, row_no);
"""


class _Connection:
    """One database connection that speaks ``?`` placeholders whichever database is behind it."""

    def __init__(self, raw: Any, postgres: bool) -> None:
        self.raw = raw
        self.postgres = postgres

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgres else sql

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        if self.postgres:
            return self.raw.execute(self._sql(sql), params or None)
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if self.postgres:
            with self.raw.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.raw.executemany(sql, rows)

    def begin_write(self) -> None:
        """Start a transaction that holds the one write lock: writers queue, readers go on."""
        if self.postgres:
            # An advisory lock rather than a table lock: it also covers creating the tables.
            self.raw.execute("BEGIN")
            self.raw.execute("SELECT pg_advisory_xact_lock(4242)")
        else:
            self.raw.execute("BEGIN IMMEDIATE")


@dataclass(frozen=True)
class Version:
    id: int
    parent_id: int | None
    created_at: str
    author: str
    action: str
    file_name: str
    file_sha256: str
    note: str
    diff: dict

    @property
    def summary(self) -> str:
        d = self.diff
        return f"+{d.get('added', 0)} ~{d.get('changed', 0)} -{d.get('removed', 0)}"


def _version_of(row: Sequence[Any]) -> Version:
    """A ``versions`` row (id … note, diff_json) as a Version."""
    return Version(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], json.loads(row[8]))


def _key(df: pd.DataFrame) -> pd.Series:
    return df[list(OBSERVATION_KEY)].astype(str).agg("|".join, axis=1)


def diff(old: pd.DataFrame, new: pd.DataFrame) -> dict:
    """Rows added, changed (same key, other content) and removed between two snapshots."""
    a = old.assign(_k=_key(old)).set_index("_k")[list(COLUMNS)] if not old.empty else pd.DataFrame(columns=COLUMNS)
    b = new.assign(_k=_key(new)).set_index("_k")[list(COLUMNS)] if not new.empty else pd.DataFrame(columns=COLUMNS)
    added = sorted(set(b.index) - set(a.index))
    removed = sorted(set(a.index) - set(b.index))
    common = sorted(set(a.index) & set(b.index))
    changed = [k for k in common if not a.loc[k].fillna("").astype(str).equals(b.loc[k].fillna("").astype(str))]
    return {"added": len(added), "changed": len(changed), "removed": len(removed),
            "added_keys": added[:200], "changed_keys": changed[:200], "removed_keys": removed[:200]}


def merge(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """The current rows with the incoming rows added, an incoming row replacing one with its key."""
    incoming = incoming.reindex(columns=list(COLUMNS)).astype(object).fillna("").astype(str)
    if current.empty:
        return incoming.reset_index(drop=True)
    keep = ~_key(current).isin(set(_key(incoming)))
    merged = pd.concat([current[keep], incoming], ignore_index=True)
    return merged.sort_values(list(OBSERVATION_KEY), kind="stable").reset_index(drop=True)


class Store:
    """The observation versions in one SQLite file or one PostgreSQL database."""

    def __init__(self, location: str | Path | None = None) -> None:
        self.location = str(location) if location else default_location()
        self.postgres = is_postgres(self.location)
        self.kind = kind_of(self.location)
        if not self.postgres:
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
        with self._write() as db:  # under the write lock: two instances starting at once both succeed
            for statement in _schema(self.postgres).split(";"):
                if statement.strip():
                    db.execute(statement)

    @contextmanager
    def _connect(self) -> Iterator[_Connection]:
        raw: Any  # a psycopg or an sqlite3 connection: _Connection hides the difference
        if self.postgres:
            import psycopg  # only deployments with a DATABASE_URL need the driver loaded

            raw = psycopg.connect(self.location, autocommit=True, connect_timeout=connect_timeout())
        else:
            raw = sqlite3.connect(self.location, timeout=60, isolation_level=None)
            raw.execute("PRAGMA journal_mode=WAL")
            raw.execute("PRAGMA foreign_keys=ON")
        try:
            yield _Connection(raw, self.postgres)
        finally:
            raw.close()

    @contextmanager
    def _write(self) -> Iterator[_Connection]:
        """One write transaction holding the database's write lock from its first statement."""
        with self._connect() as db:
            db.begin_write()
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    # --- reading ---------------------------------------------------------------------------
    def versions(self) -> list[Version]:
        with self._connect() as db:
            rows = db.execute("SELECT id, parent_id, created_at, author, action, file_name, file_sha256, note, "
                              "diff_json FROM versions ORDER BY id").fetchall()
        return [_version_of(r) for r in rows]

    def current(self) -> Version | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def observations(self, version_id: int | None = None, db: _Connection | None = None) -> pd.DataFrame:
        """The snapshot of one version (the current one when omitted) as contract text columns."""
        if db is None:
            with self._connect() as conn:
                return self.observations(version_id, conn)
        if version_id is None:
            row = db.execute("SELECT max(id) FROM versions").fetchone()
            version_id = row[0]
            if version_id is None:
                return pd.DataFrame(columns=list(COLUMNS))
        rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM observations WHERE version_id = ? ORDER BY row_no",
                          (version_id,)).fetchall()
        return pd.DataFrame(rows, columns=list(COLUMNS)).fillna("")

    def file_of(self, version_id: int) -> tuple[str, bytes]:
        with self._connect() as db:
            name, data = db.execute("SELECT file_name, file_bytes FROM versions WHERE id = ?", (version_id,)).fetchone()
        return name, bytes(data)

    # --- writing ---------------------------------------------------------------------------
    def _insert(self, db: _Connection, parent: int | None, author: str, action: str, file_name: str,
                data: bytes, note: str, rows: pd.DataFrame, changes: dict) -> Version:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        sha = hashlib.sha256(data).hexdigest()
        version_id = db.execute("INSERT INTO versions (parent_id, created_at, author, action, file_name, file_sha256, "
                                "file_bytes, note, diff_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                (parent, created, author, action, file_name, sha, data, note,
                                 json.dumps(changes))).fetchone()[0]
        records = rows.reindex(columns=list(COLUMNS)).fillna("").astype(str).itertuples(index=False)
        db.executemany(f"INSERT INTO observations (version_id, row_no, {', '.join(COLUMNS)}) VALUES "
                       f"(?, ?, {', '.join('?' * len(COLUMNS))})",
                       [(version_id, i, *r) for i, r in enumerate(records)])
        return Version(version_id, parent, created, author, action, file_name, sha, note, changes)

    def ensure_initial(self, folder: Path | None = None) -> Version:
        """Seed version 1 from the dataset folder (``$LATGALE_DI_DATA`` or the shipped default) if
        the store is empty; monthly rows are stored collapsed to yearly ones."""
        from latgale_di.dataset import observations_path, read_observations

        with self._write() as db:
            existing = db.execute("SELECT max(id) FROM versions").fetchone()[0]
            if existing is not None:
                return self._version(db, existing)
            path = observations_path(folder if folder is not None else data_dir())
            rows = read_observations(path)
            return self._insert(db, None, "system", "initial", path.name, path.read_bytes(),
                                "default dataset shipped with the app", rows, diff(pd.DataFrame(), rows))

    def _version(self, db: _Connection, version_id: int) -> Version:
        r = db.execute("SELECT id, parent_id, created_at, author, action, file_name, file_sha256, note, diff_json "
                       "FROM versions WHERE id = ?", (version_id,)).fetchone()
        return _version_of(r)

    def import_rows(self, rows: pd.DataFrame, *, author: str, file_name: str, data: bytes, note: str = "") -> Version:
        """A new version: the current rows with ``rows`` merged in (the caller validated them)."""
        started = time.perf_counter()
        facts: dict[str, Any] = {"rows": len(rows), "file_sha256": hashlib.sha256(data).hexdigest(),
                                 "file_bytes": len(data), "database": self.kind}
        try:
            with self._write() as db:
                parent = db.execute("SELECT max(id) FROM versions").fetchone()[0]
                current = self.observations(parent, db) if parent is not None else pd.DataFrame(columns=list(COLUMNS))
                merged = merge(current, rows)
                version = self._insert(db, parent, author, "import", file_name, data, note, merged,
                                       diff(current, merged))
        except Exception as exc:
            logs.emit("import", "error", result="failed", error_type=type(exc).__name__, where=logs.where(exc),
                      duration_ms=_ms(started), **facts)
            raise
        logs.emit("import", result="ok", version=version.id, parent=parent, added=version.diff["added"],
                  changed=version.diff["changed"], removed=version.diff["removed"], duration_ms=_ms(started),
                  **facts)
        return version

    def rollback(self, to_version: int, *, author: str, note: str = "") -> Version:
        """A new version whose content is that of ``to_version`` (history is kept, never rewritten)."""
        started = time.perf_counter()
        parent = None
        try:
            with self._write() as db:
                parent = db.execute("SELECT max(id) FROM versions").fetchone()[0]
                target = db.execute("SELECT file_name, file_bytes FROM versions WHERE id = ?",
                                    (to_version,)).fetchone()
                if target is None:
                    raise KeyError(f"there is no version {to_version}")
                current = self.observations(parent, db)
                old = self.observations(to_version, db)
                version = self._insert(db, parent, author, "rollback", target[0], bytes(target[1]),
                                       note or f"rollback to version {to_version}", old, diff(current, old))
        except Exception as exc:
            logs.emit("rollback", "error", result="failed", from_version=parent, to_version=to_version,
                      error_type=type(exc).__name__, where=logs.where(exc), duration_ms=_ms(started),
                      database=self.kind)
            raise
        logs.emit("rollback", result="ok", from_version=parent, to_version=to_version, version=version.id,
                  rows=len(old), duration_ms=_ms(started), database=self.kind)
        return version
