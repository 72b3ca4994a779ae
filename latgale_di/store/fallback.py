"""Which data a run reads: the database's current version, or the last good data, read-only.

When the database cannot be reached, a run serves the last good data read-only and says so:
the version this process last read (kept in memory), else the snapshot file written after each
successful read (so a restart during an outage still has it), else the shipped default dataset.
Every run tries the database again, so the app recovers by itself when it is back.

One ``Supply`` per database is shared by every session of a process (the app keeps it in
Streamlit's resource cache); nothing here imports Streamlit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from latgale_di.core import logs
from latgale_di.core.paths import data_dir
from latgale_di.store import dataset, snapshot, storage

# After a failed attempt, the rest of the same run (and any run within this many seconds) uses
# the fallback at once: a page reads the data several times, and an unreachable host costs a
# whole connect timeout per attempt.
RETRY_AFTER_S = 2.0
DEFAULT_VERSION_ID = 0  # the shipped dataset, served when nothing was ever read


@dataclass(frozen=True)
class Source:
    """Where a run's data comes from: ``database`` (live), or a read-only fallback:
    ``memory`` (last read by this process), ``snapshot`` (the local file) or ``default``."""

    origin: str
    version: storage.Version

    @property
    def read_only(self) -> bool:
        return self.origin != "database"


def _default_rows() -> tuple[storage.Version, pd.DataFrame]:
    path = dataset.observations_path(data_dir())  # $LATGALE_DI_DATA, else the shipped dataset
    version = storage.Version(DEFAULT_VERSION_ID, None, "", "system", "initial", path.name, "",
                              "default dataset shipped with the app", {})
    return version, dataset.read_observations(path)


class Supply:
    """The last good data of one database, and whether the database is down."""

    def __init__(self, location: str, open_store: Callable[[], storage.Store]) -> None:
        self.location = location
        self._open_store = open_store
        self._held: tuple[storage.Version, pd.DataFrame] | None = None
        self._held_origin: str | None = None
        self._down = False
        self._failed_at = 0.0
        self._default: tuple[storage.Version, pd.DataFrame] | None = None

    def source(self) -> Source:
        """The database's current version, or the last good data when it cannot be read."""
        if self._down and time.monotonic() - self._failed_at < RETRY_AFTER_S:
            return self._fallback()
        try:
            store = self._open_store()
            version = store.current()
            if version is None:  # the store seeds itself: no version means it could not be read
                raise RuntimeError("the database holds no version")
            self._remember(store, version)
        except Exception as exc:  # whatever the driver raises, the reader gets the last good data
            self._failed_at = time.monotonic()
            if not self._down:  # one line per outage, not one per page run
                self._down = True
                logs.error(exc, "page_data", event="database_unavailable", database=storage.kind_of(self.location))
            return self._fallback()
        if self._down:
            self._down = False
            logs.emit("database_recovered", version=version.id)
        return Source("database", version)

    def rows(self, version_id: int) -> tuple[storage.Version, pd.DataFrame]:
        """A version and its observations: held in memory when it is the last read, else read."""
        if version_id == DEFAULT_VERSION_ID:
            return self._default or _default_rows()
        if self._held is not None and self._held[0].id == version_id:
            return self._held
        store = self._open_store()
        version = next(v for v in store.versions() if v.id == version_id)
        return version, store.observations(version_id)

    def _remember(self, store: storage.Store, version: storage.Version) -> None:
        if self._held is not None and self._held[0].id == version.id and self._held_origin == "database":
            return
        rows = store.observations(version.id)
        self._held, self._held_origin = (version, rows), "database"
        try:
            snapshot.write(snapshot.path_for(self.location), version, rows)
        except OSError as exc:  # a read-only disk only costs the restart-during-outage fallback
            logs.error(exc, "snapshot_write")

    def _fallback(self) -> Source:
        if self._held is None:
            held = snapshot.read(snapshot.path_for(self.location))
            if held is not None:
                self._held, self._held_origin = held, "snapshot"
        if self._held is not None:
            return Source("memory" if self._held_origin == "database" else "snapshot", self._held[0])
        if self._default is None:
            self._default = _default_rows()
        return Source("default", self._default[0])
