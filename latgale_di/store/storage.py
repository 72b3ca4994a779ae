"""Versioned storage of observations: every import is a new, immutable dataset version.

A version is stored as its changes: each row record says in which version it first appeared
(``first_version``) and in which it was replaced or dropped (``removed_in``, empty while it is
current). A version's rows are the records alive at it, so a 5-row import writes 5 records
(and marks the ones they replace) whatever the size of the store, and reads only the current
rows with the same keys. Figures are compared as numbers (``11,0`` is ``11``): an import that
changes nothing makes no version. Each version also says how its rows are ordered (``row_order``:
as its file gave them for a seeded version, by key after an import, or listed for a migrated
version neither rule reproduces), so that every version reads back exactly as it was written.

Nothing is ever updated except ``removed_in`` and nothing is deleted: the current version is the
newest one, and a rollback is a new version that revives the older version's records. Two imports
at the same time are serialised by the database's write lock; each merges onto whatever is
current inside that lock, so neither is lost. Who made a version, when, from which file (the
file itself is kept) and how it differs from its parent are kept with it.

A database written by the earlier layout (a full copy of the rows per version, table
``observations``) is migrated when it is first opened, under the write lock and in one
transaction: every version is rebuilt as changes, read back and compared row by row with its
copy, and only then is the old table dropped; any difference rolls the whole migration back.

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

from latgale_di.core import logs
from latgale_di.core.paths import DATA_DIR, ROOT, data_dir
from latgale_di.ingest.contract import OBSERVATION_COLUMNS, OBSERVATION_KEY

DEFAULT_PATH = ROOT / "var" / "latgale_di.sqlite3"
COLUMNS: tuple[str, ...] = (*OBSERVATION_COLUMNS, "value_min", "value_max")
NUMERIC_COLUMNS: tuple[str, ...] = ("value", "value_min", "value_max")
ROW_ORDERS = ("position", "key", "listed")
# Above this many incoming keys, reading every current row once beats looking keys up in batches.
_LOOKUP_LIMIT = 5000
_BATCH = 500
_WRITE_SLICE = 20_000  # rows per insert statement batch


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
    # Row ids are given by the store (under the write lock), so that a migration and a rollback
    # can refer to the records they write.
    ident = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT"
    row_id = "BIGINT PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY"
    blob = "BYTEA" if postgres else "BLOB"
    text_columns = ", ".join(f"{c} TEXT NOT NULL" for c in COLUMNS)
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
    diff_json TEXT NOT NULL,
    row_order TEXT NOT NULL DEFAULT 'key'
);
CREATE TABLE IF NOT EXISTS observation_rows (
    id {row_id},
    first_version BIGINT NOT NULL REFERENCES versions(id),
    removed_in BIGINT REFERENCES versions(id),
    position INTEGER NOT NULL,
    row_key TEXT NOT NULL,
    {text_columns}
);
CREATE INDEX IF NOT EXISTS observation_rows_current ON observation_rows(row_key) WHERE removed_in IS NULL;
CREATE INDEX IF NOT EXISTS observation_rows_span ON observation_rows(first_version, removed_in);
CREATE TABLE IF NOT EXISTS version_row_order (
    version_id BIGINT NOT NULL REFERENCES versions(id),
    row_no INTEGER NOT NULL,
    row_id BIGINT NOT NULL REFERENCES observation_rows(id),
    PRIMARY KEY (version_id, row_no)
);
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


_VERSION_FIELDS = "id, parent_id, created_at, author, action, file_name, file_sha256, note, diff_json"


def as_text(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with exactly the stored columns, as text (missing → empty)."""
    # Column by column: converting the whole frame to objects at once doubled a large import's memory.
    rows = rows.reset_index(drop=True)
    return pd.DataFrame({c: rows[c].fillna("").astype(str) if c in rows.columns else "" for c in COLUMNS},
                        index=rows.index)


def row_keys(rows: pd.DataFrame) -> pd.Series:
    """Each row's key (year|atvk|vintage|target_group|service|indicator): one figure per key."""
    if rows.empty:
        return pd.Series([], dtype=object, index=rows.index)
    first, *rest = (rows[c].astype(str) for c in OBSERVATION_KEY)
    # Plain objects: pandas' Arrow-backed ``isin`` tests element by element in Python.
    return first.str.cat(rest, sep="|").astype(object)


def _comparable(column: pd.Series, numeric: bool) -> pd.Series:
    """What two cells are compared by: a number's value (``11,0`` = ``11`` = ``11.00``) for the
    numeric columns, else the text itself."""
    text = column.astype(str).str.strip()
    if not numeric:
        return text
    cleaned = (text.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
               .str.replace(r"^([+-]?\d*),(\d+)$", r"\1.\2", regex=True))
    numbers = pd.to_numeric(cleaned.mask(cleaned == ""), errors="coerce").astype(float)
    return text.where(numbers.isna(), numbers.map(repr))


def signatures(rows: pd.DataFrame) -> pd.Series:
    """One text per row that is equal for two rows exactly when they say the same thing."""
    if rows.empty:
        return pd.Series([], dtype=object, index=rows.index)
    parts = [_comparable(rows[c], c in NUMERIC_COLUMNS) for c in COLUMNS if c not in OBSERVATION_KEY]
    return parts[0].str.cat(parts[1:], sep="\x1f")


@dataclass(frozen=True)
class Changes:
    """What an import of ``incoming`` onto the current rows does: the current records it replaces
    (``closed``, their ids), the incoming rows it writes (``added``, with their position in the
    file) and the summary a version keeps (``diff``)."""

    closed: list[int]
    added: pd.DataFrame
    diff: dict

    @property
    def empty(self) -> bool:
        return not (self.diff["added"] or self.diff["changed"] or self.diff["removed"])


def _by_key(keys: pd.Series, signs: pd.Series) -> pd.Series:
    """Key → its rows' signatures (sorted, joined: a key given twice is compared as a whole)."""
    if not keys.duplicated().any():
        return pd.Series(signs.to_numpy(), index=keys.to_numpy())
    return signs.groupby(keys.to_numpy()).agg(lambda s: "\x1e".join(sorted(s)))


def _summary(added: list[str], changed: list[str], removed: list[str]) -> dict:
    added, changed, removed = sorted(added), sorted(changed), sorted(removed)
    return {"added": len(added), "changed": len(changed), "removed": len(removed),
            "added_keys": added[:200], "changed_keys": changed[:200], "removed_keys": removed[:200]}


def compare(current: pd.DataFrame, incoming: pd.DataFrame) -> Changes:
    """The changes an import of ``incoming`` makes to ``current`` (the current rows, or only those
    with the incoming keys; an ``id`` column names their records). An incoming row replaces the
    current rows with its key unless they say the same thing (numbers compared as numbers); an
    import never removes a key."""
    incoming = as_text(incoming)
    ids = current["id"] if "id" in current.columns else pd.Series(range(len(current)), index=current.index)
    current = as_text(current).set_axis(current.index)
    in_keys, cur_keys = row_keys(incoming), row_keys(current)
    # Only rows whose key is on both sides are compared cell by cell: a large import of new figures
    # never builds their signatures.
    shared, matched = in_keys.isin(cur_keys).to_numpy(), cur_keys.isin(in_keys).to_numpy()
    mine = _by_key(in_keys[shared], signatures(incoming[shared]))
    theirs = _by_key(cur_keys[matched], signatures(current[matched]))
    common = mine.index
    changed = common[mine.loc[common].to_numpy() != theirs.loc[common].to_numpy()]
    added = pd.Index(in_keys[~shared].unique())
    written = in_keys.isin(changed.union(added))
    closed = [int(i) for i in ids[cur_keys.isin(changed)]]
    return Changes(closed, incoming[written.to_numpy()].assign(position=incoming.index[written.to_numpy()]),
                   _summary(list(added), list(changed), []))


def _ordered(rows: pd.DataFrame, order: str) -> pd.DataFrame:
    """Rows (with ``position`` and ``id``) in the order their version gives them."""
    by = ["position", "id"] if order == "position" else [*OBSERVATION_KEY, "position", "id"]
    return rows.sort_values(by, kind="stable")


class Store:
    """The observation versions in one SQLite file or one PostgreSQL database."""

    def __init__(self, location: str | Path | None = None) -> None:
        self.location = str(location) if location else default_location()
        self.postgres = is_postgres(self.location)
        self.kind = kind_of(self.location)
        if not self.postgres:
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
        with self._write() as db:  # under the write lock: two instances starting at once both succeed
            if self._has_table(db, "versions") and "row_order" not in self._columns(db, "versions"):
                db.execute("ALTER TABLE versions ADD COLUMN row_order TEXT NOT NULL DEFAULT 'key'")
            for statement in _schema(self.postgres).split(";"):
                if statement.strip():
                    db.execute(statement)
            if self._has_table(db, "observations"):
                self._migrate(db)

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

    def _has_table(self, db: _Connection, name: str) -> bool:
        if self.postgres:
            sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        else:
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return db.execute(sql, (name,)).fetchone() is not None

    def _columns(self, db: _Connection, table: str) -> set[str]:
        if self.postgres:
            rows = db.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                              "current_schema() AND table_name = ?", (table,)).fetchall()
            return {r[0] for r in rows}
        return {r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()}

    # --- reading ---------------------------------------------------------------------------
    def versions(self) -> list[Version]:
        with self._connect() as db:
            rows = db.execute(f"SELECT {_VERSION_FIELDS} FROM versions ORDER BY id").fetchall()
        return [_version_of(r) for r in rows]

    def current(self) -> Version | None:
        with self._connect() as db:
            row = db.execute(f"SELECT {_VERSION_FIELDS} FROM versions ORDER BY id DESC LIMIT 1").fetchone()
        return _version_of(row) if row is not None else None

    def observations(self, version_id: int | None = None, db: _Connection | None = None) -> pd.DataFrame:
        """The rows of one version (the current one when omitted) as contract text columns."""
        if db is None:
            with self._connect() as conn:
                return self.observations(version_id, conn)
        newest = db.execute("SELECT max(id) FROM versions").fetchone()[0]
        if version_id is None:
            version_id = newest
        found = db.execute("SELECT row_order FROM versions WHERE id = ?", (version_id,)).fetchone()
        if found is None:
            if version_id is None:
                return pd.DataFrame(columns=list(COLUMNS))
            raise KeyError(f"there is no version {version_id}")
        order = found[0]
        columns = ", ".join(f"r.{c}" for c in COLUMNS)
        if order == "listed":
            rows = db.execute(f"SELECT {columns} FROM version_row_order o JOIN observation_rows r ON r.id = o.row_id "
                              "WHERE o.version_id = ? ORDER BY o.row_no", (version_id,)).fetchall()
            return pd.DataFrame(rows, columns=list(COLUMNS))
        if version_id == newest:  # the current rows: the partial index holds exactly them
            rows = db.execute(f"SELECT r.position, r.id, {columns} FROM observation_rows r "
                              "WHERE r.removed_in IS NULL").fetchall()
        else:
            rows = db.execute(f"SELECT r.position, r.id, {columns} FROM observation_rows r WHERE r.first_version <= ? "
                              "AND (r.removed_in IS NULL OR r.removed_in > ?)", (version_id, version_id)).fetchall()
        frame = pd.DataFrame(rows, columns=["position", "id", *COLUMNS])
        return _ordered(frame, order)[list(COLUMNS)].reset_index(drop=True)

    def file_of(self, version_id: int) -> tuple[str, bytes]:
        with self._connect() as db:
            name, data = db.execute("SELECT file_name, file_bytes FROM versions WHERE id = ?", (version_id,)).fetchone()
        return name, bytes(data)

    def _current_with_keys(self, db: _Connection, keys: set[str]) -> pd.DataFrame:
        """The current records (``id`` and the stored columns) whose key is one of ``keys``."""
        select = f"SELECT id, {', '.join(COLUMNS)} FROM observation_rows WHERE removed_in IS NULL"
        if len(keys) > _LOOKUP_LIMIT:
            rows = db.execute(select).fetchall()
            frame = pd.DataFrame(rows, columns=["id", *COLUMNS])
            return frame[row_keys(frame).isin(keys).to_numpy()].reset_index(drop=True)
        wanted, rows = sorted(keys), []
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start:start + _BATCH]
            rows += db.execute(f"{select} AND row_key IN ({', '.join('?' * len(batch))})", batch).fetchall()
        return pd.DataFrame(rows, columns=["id", *COLUMNS])

    def preview(self, rows: pd.DataFrame) -> dict:
        """What importing ``rows`` now would change (the ``diff`` its version would keep), read-only."""
        keys = set(row_keys(as_text(rows)))
        with self._connect() as db:
            return compare(self._current_with_keys(db, keys), rows).diff

    # --- writing ---------------------------------------------------------------------------
    def _insert(self, db: _Connection, parent: int | None, author: str, action: str, file_name: str,
                data: bytes, note: str, changes: dict, row_order: str) -> Version:
        """The version's own row (who, when, which file, what changed); its rows are written apart."""
        created = datetime.now(UTC).isoformat(timespec="seconds")
        sha = hashlib.sha256(data).hexdigest()
        version_id = db.execute("INSERT INTO versions (parent_id, created_at, author, action, file_name, file_sha256, "
                                "file_bytes, note, diff_json, row_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                "RETURNING id", (parent, created, author, action, file_name, sha, data, note,
                                                 json.dumps(changes), row_order)).fetchone()[0]
        return Version(version_id, parent, created, author, action, file_name, sha, note, changes)

    def _add_rows(self, db: _Connection, version_id: int, rows: pd.DataFrame, positions: Sequence[int]) -> list[int]:
        """Write ``rows`` as records first seen in ``version_id``; returns their ids."""
        first = int(db.execute("SELECT coalesce(max(id), 0) FROM observation_rows").fetchone()[0]) + 1
        text = as_text(rows)
        ids = list(range(first, first + len(text)))
        keys = row_keys(text).tolist()
        positions = [int(p) for p in positions]
        sql = (f"INSERT INTO observation_rows (id, first_version, removed_in, position, row_key, {', '.join(COLUMNS)}) "
               f"VALUES (?, ?, NULL, ?, ?, {', '.join('?' * len(COLUMNS))})")
        # In slices, as plain Python lists: a large import never holds every row twice more, and
        # iterating pandas' Arrow-backed text row by row is far slower.
        for start in range(0, len(text), _WRITE_SLICE):
            end = start + _WRITE_SLICE
            values = text.iloc[start:end].astype(object).to_numpy().tolist()
            db.executemany(sql, [(i, version_id, p, k, *r) for i, p, k, r in
                                 zip(ids[start:end], positions[start:end], keys[start:end], values)])
        return ids

    def _close(self, db: _Connection, version_id: int, ids: Sequence[int]) -> None:
        if ids:
            db.executemany("UPDATE observation_rows SET removed_in = ? WHERE id = ?", [(version_id, i) for i in ids])

    def ensure_initial(self, folder: Path | None = None) -> Version:
        """Seed version 1 from the dataset folder (``$LATGALE_DI_DATA`` or the shipped default) if
        the store is empty; monthly rows are stored collapsed to yearly ones, in the file's order."""
        from latgale_di.store.dataset import observations_path, read_observations

        with self._write() as db:
            existing = db.execute("SELECT max(id) FROM versions").fetchone()[0]
            if existing is not None:
                return self._version(db, existing)
            path = observations_path(folder if folder is not None else data_dir())
            rows = as_text(read_observations(path))
            version = self._insert(db, None, "system", "initial", path.name, path.read_bytes(),
                                   "default dataset shipped with the app",
                                   _summary(list(row_keys(rows)), [], []), "position")
            self._add_rows(db, version.id, rows, range(len(rows)))
            return version

    def _version(self, db: _Connection, version_id: int) -> Version:
        r = db.execute(f"SELECT {_VERSION_FIELDS} FROM versions WHERE id = ?", (version_id,)).fetchone()
        return _version_of(r)

    def import_rows(self, rows: pd.DataFrame, *, author: str, file_name: str, data: bytes,
                    note: str = "") -> Version | None:
        """A new version: the current rows with ``rows`` merged in (the caller validated them), an
        incoming row replacing the current one with its key. None, and no version, when nothing
        would change (every row already there, numbers compared as numbers)."""
        started = time.perf_counter()
        facts: dict[str, Any] = {"rows": len(rows), "file_sha256": hashlib.sha256(data).hexdigest(),
                                 "file_bytes": len(data), "database": self.kind}
        try:
            with self._write() as db:
                parent = db.execute("SELECT max(id) FROM versions").fetchone()[0]
                changes = compare(self._current_with_keys(db, set(row_keys(as_text(rows)))), rows)
                if changes.empty:
                    logs.emit("import", result="unchanged", version=parent, duration_ms=_ms(started), **facts)
                    return None
                version = self._insert(db, parent, author, "import", file_name, data, note, changes.diff, "key")
                self._close(db, version.id, changes.closed)
                self._add_rows(db, version.id, changes.added, changes.added["position"].tolist())
        except Exception as exc:
            logs.emit("import", "error", result="failed", error_type=type(exc).__name__, where=logs.where(exc),
                      duration_ms=_ms(started), **facts)
            raise
        logs.emit("import", result="ok", version=version.id, parent=parent, added=version.diff["added"],
                  changed=version.diff["changed"], removed=version.diff["removed"], duration_ms=_ms(started),
                  **facts)
        return version

    def rollback(self, to_version: int, *, author: str, note: str = "") -> Version:
        """A new version whose content is that of ``to_version`` (history is kept, never rewritten):
        the current records the older version lacks are closed, and its records that are no longer
        current are written again (same content, same position)."""
        started = time.perf_counter()
        parent = None
        try:
            with self._write() as db:
                parent = db.execute("SELECT max(id) FROM versions").fetchone()[0]
                target = db.execute("SELECT file_name, file_bytes, row_order FROM versions WHERE id = ?",
                                    (to_version,)).fetchone()
                if target is None:
                    raise KeyError(f"there is no version {to_version}")
                columns = ", ".join(COLUMNS)
                leaving = pd.DataFrame(db.execute(f"SELECT id, position, {columns} FROM observation_rows WHERE "
                                                  "removed_in IS NULL AND first_version > ?",
                                                  (to_version,)).fetchall(), columns=["id", "position", *COLUMNS])
                back = pd.DataFrame(db.execute(f"SELECT id, position, {columns} FROM observation_rows WHERE "
                                               "first_version <= ? AND removed_in IS NOT NULL AND removed_in > ?",
                                               (to_version, to_version)).fetchall(),
                                    columns=["id", "position", *COLUMNS])
                gone, kept = _by_key(row_keys(leaving), signatures(leaving)), _by_key(row_keys(back), signatures(back))
                both = gone.index.intersection(kept.index)
                changes = _summary(list(kept.index.difference(gone.index)),
                                   list(both[gone.loc[both].to_numpy() != kept.loc[both].to_numpy()]),
                                   list(gone.index.difference(kept.index)))
                # A listed order names the old records; the revived copies are ordered by key.
                order = target[2] if target[2] != "listed" else "key"
                version = self._insert(db, parent, author, "rollback", target[0], bytes(target[1]),
                                       note or f"rollback to version {to_version}", changes, order)
                self._close(db, version.id, leaving["id"].tolist())
                self._add_rows(db, version.id, back, back["position"].tolist())
                rows = db.execute("SELECT count(*) FROM observation_rows WHERE removed_in IS NULL").fetchone()[0]
        except Exception as exc:
            logs.emit("rollback", "error", result="failed", from_version=parent, to_version=to_version,
                      error_type=type(exc).__name__, where=logs.where(exc), duration_ms=_ms(started),
                      database=self.kind)
            raise
        logs.emit("rollback", result="ok", from_version=parent, to_version=to_version, version=version.id,
                  rows=rows, duration_ms=_ms(started), database=self.kind)
        return version

    # --- the earlier layout ------------------------------------------------------------------
    def _migrate(self, db: _Connection) -> None:
        """Rebuild every version of the full-copy layout (table ``observations``) as changes, check
        that each reads back row for row as its copy, then drop the copies. Runs inside the
        caller's write transaction: an exception leaves the database as it was."""
        started = time.perf_counter()
        columns = ", ".join(COLUMNS)
        old_versions = [r[0] for r in db.execute("SELECT id FROM versions ORDER BY id").fetchall()]
        key_at = [COLUMNS.index(c) for c in OBSERVATION_KEY]
        # A row is matched by a digest of its content, so that the previous version's rows need
        # not stay in memory: digest → the records alive now with that content (a row may repeat).
        alive: dict[bytes, list[int]] = {}
        position: dict[int, int] = {}
        next_id = int(db.execute("SELECT coalesce(max(id), 0) FROM observation_rows").fetchone()[0]) + 1
        insert = (f"INSERT INTO observation_rows (id, first_version, removed_in, position, row_key, {columns}) "
                  f"VALUES (?, ?, NULL, ?, ?, {', '.join('?' * len(COLUMNS))})")

        def old_rows(version_id: int) -> list[tuple]:
            got = db.execute(f"SELECT {columns} FROM observations WHERE version_id = ? ORDER BY row_no",
                             (version_id,)).fetchall()
            return [tuple("" if v is None else str(v) for v in r) for r in got]

        def increasing(sort_keys: Iterator[tuple]) -> bool:
            previous = None
            for current in sort_keys:
                if previous is not None and current < previous:
                    return False
                previous = current
            return True

        for version_id in old_versions:
            rows = old_rows(version_id)
            digests = [hashlib.blake2b(repr(r).encode(), digest_size=16).digest() for r in rows]
            listed: list[int] = []
            first_seen: list[int] = []  # row numbers of the rows this version brought
            for row_no, digest in enumerate(digests):
                waiting = alive.get(digest)
                if waiting:
                    listed.append(waiting.pop(0))
                else:
                    listed.append(next_id)
                    position[next_id] = row_no
                    first_seen.append(row_no)
                    next_id += 1
            self._close(db, version_id, [i for ids in alive.values() for i in ids])  # not in this version
            for start in range(0, len(first_seen), _WRITE_SLICE):
                db.executemany(insert, [(listed[n], version_id, n, "|".join(rows[n][k] for k in key_at), *rows[n])
                                        for n in first_seen[start:start + _WRITE_SLICE]])
            alive = {}
            for record, digest in zip(listed, digests):
                alive.setdefault(digest, []).append(record)
            # The rule that gives this version's order: its rows are increasing under it.
            if increasing((position[i], i) for i in listed):
                order = "position"
            elif increasing((tuple(r[k] for k in key_at), position[i], i) for r, i in zip(rows, listed)):
                order = "key"
            else:
                order = "listed"
                db.executemany("INSERT INTO version_row_order (version_id, row_no, row_id) VALUES (?, ?, ?)",
                               [(version_id, n, i) for n, i in enumerate(listed)])
            db.execute("UPDATE versions SET row_order = ? WHERE id = ?", (order, version_id))
            del rows, digests
        for version_id in old_versions:  # nothing is dropped before every version reads back as it was
            copy = pd.DataFrame(old_rows(version_id), columns=list(COLUMNS))
            same = self.observations(version_id, db).equals(copy)
            del copy
            if not same:
                raise RuntimeError(f"migrating version {version_id} to the change layout would alter its rows; "
                                   "the database was left unchanged")
        db.execute("DROP TABLE observations")
        logs.emit("store_migrated", versions=len(old_versions), rows=next_id - 1, duration_ms=_ms(started),
                  database=self.kind)
