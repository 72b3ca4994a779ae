"""The data a run reads while the database comes and goes (latgale_di.store.fallback)."""

from __future__ import annotations

import pytest

from latgale_di.store import fallback, storage


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.setenv("LATGALE_DI_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    monkeypatch.setattr(fallback, "RETRY_AFTER_S", 0.0)  # every run tries the database again
    location = str(tmp_path / "store.sqlite3")
    real = storage.Store(location)
    real.ensure_initial()
    return location, real


class Switch:
    """A database that can be switched off: opening it raises while it is down."""

    def __init__(self, store: storage.Store) -> None:
        self.store, self.up = store, True

    def __call__(self) -> storage.Store:
        if not self.up:
            raise ConnectionError("could not connect to server")
        return self.store


def test_a_reachable_database_is_read_live(place):
    location, real = place
    source = fallback.Supply(location, Switch(real)).source()
    assert source.origin == "database" and not source.read_only and source.version.id == real.current().id


def test_an_outage_serves_the_last_read_version_read_only_and_recovers(place):
    location, real = place
    db = Switch(real)
    supply = fallback.Supply(location, db)
    live = supply.source()
    db.up = False
    down = supply.source()
    assert down.origin == "memory" and down.read_only and down.version.id == live.version.id
    version, rows = supply.rows(down.version.id)
    assert version.id == live.version.id and len(rows) > 0  # the same figures, from memory
    db.up = True
    assert supply.source().origin == "database"


def test_a_restart_during_an_outage_reads_the_snapshot(place):
    location, real = place
    fallback.Supply(location, Switch(real)).source()  # a successful read writes the snapshot
    db = Switch(real)
    db.up = False
    restarted = fallback.Supply(location, db).source()
    assert restarted.origin == "snapshot" and restarted.version.id == real.current().id


def test_never_read_and_down_serves_the_shipped_dataset(place):
    location, real = place
    db = Switch(real)
    db.up = False
    source = fallback.Supply(location, db).source()
    assert source.origin == "default" and source.version.id == fallback.DEFAULT_VERSION_ID
    version, rows = fallback.Supply(location, db).rows(fallback.DEFAULT_VERSION_ID)
    assert version.note == "default dataset shipped with the app" and len(rows) > 100
