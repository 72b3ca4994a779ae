"""The data a page reads, through Streamlit's caches: the dataset, its indicator tables, map
content and headlines, each computed once per data version and shared by every session.

Which version that is (the database's current one, or the last good data read-only while the
database is down) is ``latgale_di.store.fallback``'s decision; this module only caches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from components import sign_in
from latgale_di.analysis import figures, nearby, overview
from latgale_di.analysis.state import YEARS, ViewState
from latgale_di.confidentiality import privacy
from latgale_di.core import formatting, i18n
from latgale_di.render import map_content
from latgale_di.store import dataset, fallback, storage
from latgale_di.store.dataset import Dataset
from latgale_di.store.fallback import Source
from latgale_di.territory import boundaries

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _store_at(location: str) -> storage.Store:
    store = storage.Store(location)
    store.ensure_initial()
    return store


@st.cache_resource(show_spinner=False)
def _supply(location: str) -> fallback.Supply:
    # One per database, shared by every session of this process: the last good data and whether
    # the database is down.
    return fallback.Supply(location, lambda: _store_at(location))


def _store() -> storage.Store:
    return _store_at(storage.default_location())


_RUN = "_data_this_run"


def begin_run() -> None:
    """Forget the last run's answers: ``app.py`` calls this first, so each run asks the store once."""
    st.session_state.pop(_RUN, None)


def _this_run(key: tuple, make: Callable[[], T]) -> T:
    """``make()``, asked once per script run: a page reads the same data several times per run,
    and even a cache hit costs hashing its arguments (≈ 1 ms for a dataset)."""
    held = st.session_state.get(_RUN)
    if held is None:
        held = st.session_state[_RUN] = {}
    if key not in held:
        held[key] = make()
    return held[key]


def source() -> Source:
    """This run's data source: the database's current version, or the last good data.

    Asked once per run (a page reads the data several times, and each ask is a round trip to
    the database); a change a run makes itself is followed by ``st.rerun``, which asks again."""
    return _this_run(("source",), _read_source)


def _read_source() -> Source:
    return _supply(storage.default_location()).source()


def _rows(location: str, version_id: int) -> tuple[storage.Version, pd.DataFrame]:
    return _supply(location).rows(version_id)


def current_version() -> storage.Version:
    return source().version


@st.cache_resource(show_spinner=False)
def _dataset(location: str, version_id: int, suppress_below: int) -> Dataset:
    # cache_resource: the frames are shared read-only by every session, not copied per call.
    version, rows = _rows(location, version_id)
    loaded = dataset.from_version(dataset.load(), rows, version.id, version.created_at or "", version.action)
    return privacy.public(loaded, suppress_below)


@st.cache_resource(show_spinner=False)
def _indicator_table(location: str, version_id: int, suppress_below: int, vintage: str) -> pd.DataFrame:
    loaded = _dataset(location, version_id, suppress_below)
    return figures.table(loaded, vintage, sorted(set(YEARS) | set(loaded.years())))


# A view's content and its drawings are tens of kB: the most recent views, not every one ever seen.
@st.cache_resource(show_spinner=False, max_entries=100)
def _map_content(location: str, version_id: int, suppress_below: int, state: ViewState) -> map_content.MapContent:
    return map_content.build(_dataset(location, version_id, suppress_below),
                             _indicator_table(location, version_id, suppress_below, state.vintage), state)


@st.cache_resource(show_spinner=False, max_entries=100)
def _headlines(location: str, version_id: int, suppress_below: int, year: int,
               vintage: str) -> list[overview.GroupHeadline]:
    return overview.headlines(_indicator_table(location, version_id, suppress_below, vintage), year, vintage)


@st.cache_resource(show_spinner=False, max_entries=20)
def _available(location: str, version_id: int, suppress_below: int, indicators: tuple[str, ...],
               any_means_all: bool) -> set[nearby.Key]:
    tables: dict[str, pd.DataFrame] = {v: _indicator_table(location, version_id, suppress_below, v)
                                       for v in boundaries.VINTAGES}
    return nearby.available(tables, indicators, any_means_all)


def available(indicators: tuple[str, ...], any_means_all: bool = False) -> set[nearby.Key]:
    """The choices (vintage, year, target group, service) that have figures of ``indicators``,
    once per data version: what a page offers when the reader's choice has none."""
    key = _key()
    return _this_run(("available", *key, indicators, any_means_all),
                     lambda: _available(*key, indicators, any_means_all))


def suppress_below() -> int:
    """The public sees small counts hidden; a signed-in maintainer sees every figure (asked once
    per run: signing in or out is followed by ``st.rerun``)."""
    return _this_run(("suppress_below",), lambda: 0 if sign_in.current_maintainer() else privacy.threshold())


def _key() -> tuple[str, int, int]:
    """What every cached table depends on: the store, its current version, the privacy threshold."""
    return storage.default_location(), current_version().id, suppress_below()


def load_dataset() -> Dataset:
    key = _key()
    return _this_run(("dataset", *key), lambda: _dataset(*key))


def indicator_table(vintage: str) -> pd.DataFrame:
    """Every year view's figures for one vintage (``figures.table``): filtering a cached frame is
    cheap, computing is not."""
    key = _key()
    return _this_run(("indicators", *key, vintage), lambda: _indicator_table(*key, vintage))


def map_of(state: ViewState) -> map_content.MapContent:
    """What the map of ``state`` shows, computed once per data version and view: shared by every
    session (read-only), so a view someone has seen costs the next one nothing."""
    key = _key()
    return _this_run(("map", *key, state), lambda: _map_content(*key, state))


@st.cache_resource(show_spinner=False, max_entries=100)
def _drawings(location: str, version_id: int, suppress_below: int, state: ViewState) -> dict[tuple, str]:
    return {}


def drawings_of(state: ViewState) -> dict[tuple, str]:
    """Markup drawn for the map of ``state``, by what it was drawn for (size, layers), kept as
    long as its content: a view seen before is drawn once, not on every run."""
    key = _key()
    return _this_run(("drawings", *key, state), lambda: _drawings(*key, state))


def headlines_of(year: int, vintage: str) -> list[overview.GroupHeadline]:
    """The overview's headline figures, computed once per data version, year and vintage (shared,
    read-only): the overview's script reruns on every filter change."""
    key = _key()
    return _this_run(("headlines", *key, year, vintage), lambda: _headlines(*key, year, vintage))


def read_only_notice(lang: str) -> bool:
    """Draw the database-down notice if this run is read-only; True if it was drawn."""
    current = source()
    if not current.read_only:
        return False
    if current.origin == "default":
        st.warning(i18n.t("db_down_default", lang), icon=":material/cloud_off:")
    else:
        st.warning(i18n.t("db_down_last_good", lang, version=current.version.id,
                          date=formatting.format_date(current.version.created_at[:10], lang)),
                   icon=":material/cloud_off:")
    return True


def store() -> storage.Store:
    return _store()
