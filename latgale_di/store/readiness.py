"""Readiness: can this instance read the current version from its database right now?

Streamlit's ``/_stcore/health`` only says the web server is up; a load balancer should stop
sending people to an instance whose database is gone (they would get the read-only fallback),
and an orchestrator should not count an instance as started before its database answers.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from latgale_di.store import storage


def check(location: str | None = None) -> tuple[bool, dict]:
    """``(ready, answer)``: ready when ``SELECT 1`` and the newest version id can be read.

    The answer names the database kind and the current version, never the URL (it can hold a
    password) nor the error's message; a database without any version yet is ready (the first
    page run seeds it).
    """
    location = location or storage.default_location()
    kind = storage.kind_of(location)
    started = time.perf_counter()
    try:
        version = _current_version(location)
    except Exception as exc:  # any failure to read means not ready; the type says which
        return False, {"status": "unavailable", "database": kind, "error_type": type(exc).__name__,
                       "duration_ms": round((time.perf_counter() - started) * 1000)}
    return True, {"status": "ready", "database": kind, "version": version,
                  "duration_ms": round((time.perf_counter() - started) * 1000)}


def _scalar(row: tuple[Any, ...] | None) -> Any:
    """The one value of a one-column row (``None`` when there was no row)."""
    return row[0] if row is not None else None


def _current_version(location: str) -> int | None:
    if storage.is_postgres(location):
        import psycopg

        with psycopg.connect(location, autocommit=True, connect_timeout=storage.connect_timeout()) as db:
            db.execute("SELECT 1")
            exists = _scalar(db.execute("SELECT to_regclass('versions')").fetchone())
            return _scalar(db.execute("SELECT max(id) FROM versions").fetchone()) if exists else None
    path = Path(location)
    if not path.exists():
        # The store creates the file on first use; until then there is nothing to read.
        return None
    # Read-only: a readiness probe must never create or change the database.
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
        db.execute("SELECT 1")
        exists = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='versions'").fetchone()
        return db.execute("SELECT max(id) FROM versions").fetchone()[0] if exists else None
