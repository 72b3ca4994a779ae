"""Cached access to the dataset and its indicator tables.

The observations come from the current version in the store (SQLite by default, PostgreSQL when
$DATABASE_URL is set; seeded from the shipped dataset on first use); everything is cached per
version, so an import or rollback shows up on the next run of every session without a restart.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from components import sign_in
from latgale_di import dataset, indicators, privacy, storage
from latgale_di.dataset import Dataset


@st.cache_resource(show_spinner=False)
def _store_at(location: str) -> storage.Store:
    store = storage.Store(location)
    store.ensure_initial()
    return store


def _store() -> storage.Store:
    return _store_at(storage.default_location())


def current_version() -> storage.Version:
    return _store().current()


@st.cache_resource(show_spinner=False)
def _dataset(location: str, version_id: int, suppress_below: int) -> Dataset:
    # cache_resource: the frames are shared read-only by every session, not copied per call.
    store = _store_at(location)
    version = next(v for v in store.versions() if v.id == version_id)
    loaded = dataset.from_version(dataset.load(), store.observations(version_id), version.id, version.created_at,
                                  version.action)
    return replace(loaded, observations=privacy.suppress(loaded.observations, suppress_below))


@st.cache_resource(show_spinner=False)
def _indicator_table(location: str, version_id: int, suppress_below: int, vintage: str) -> pd.DataFrame:
    return indicators.compute(_dataset(location, version_id, suppress_below), vintage=vintage)


def suppress_below() -> int:
    """The public sees small counts hidden; a signed-in maintainer sees every figure."""
    return 0 if sign_in.current_maintainer() else privacy.threshold()


def load_dataset() -> Dataset:
    return _dataset(_store().location, current_version().id, suppress_below())


def indicator_table(vintage: str) -> pd.DataFrame:
    """All years' indicators for one vintage; filtering a cached frame is cheap, computing is not."""
    return _indicator_table(_store().location, current_version().id, suppress_below(), vintage)


def store() -> storage.Store:
    return _store()
