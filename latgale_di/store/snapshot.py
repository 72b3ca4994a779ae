"""The last version read from the database, kept in a local file for when the database is down.

Written after each successful read of a new current version, read only when the database cannot
be reached: an instance restarted during an outage still serves the last good data instead of
the shipped default. One file per database (named by a hash of its location, which may hold a
password), written atomically so a crash mid-write leaves the previous snapshot intact.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from latgale_di.core.paths import ROOT
from latgale_di.store.storage import COLUMNS, Version, is_postgres

DEFAULT_FOLDER = ROOT / "var" / "snapshots"


def path_for(location: str) -> Path:
    """``$LATGALE_DI_SNAPSHOT_DIR`` / a file named by the location's hash. Without the variable:
    ``snapshots/`` beside a SQLite file (a throwaway database has throwaway snapshots), or
    ``var/snapshots`` in the project for PostgreSQL."""
    given = os.environ.get("LATGALE_DI_SNAPSHOT_DIR")
    if given:
        folder = Path(given)
    else:
        folder = DEFAULT_FOLDER if is_postgres(location) else Path(location).parent / "snapshots"
    return folder / f"{hashlib.sha256(location.encode()).hexdigest()[:16]}.json"


def write(path: Path, version: Version, observations: pd.DataFrame) -> None:
    """Replace the snapshot at ``path`` with this version and its rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = observations.reindex(columns=list(COLUMNS)).fillna("").astype(str).values.tolist()
    payload = {"format": 1, "version": asdict(version), "columns": list(COLUMNS), "rows": rows}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read(path: Path) -> tuple[Version, pd.DataFrame] | None:
    """The snapshot's version and rows, or None if there is none or it cannot be read."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        version = Version(**payload["version"])
        rows = pd.DataFrame(payload["rows"], columns=payload["columns"]).reindex(columns=list(COLUMNS))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return version, rows.fillna("")
