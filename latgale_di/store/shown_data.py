"""The observations a command reads: by default what the app shows, the store's current version.

One data path for the command line and the app: ``indicators``, ``briefing`` and ``validate``
read the current version of the store the app reads (``$DATABASE_URL``, else ``$LATGALE_DI_DB``,
else the SQLite file under ``var/``), an older version when asked (``--version N``), or a dataset
folder (``--data DIR``). Before anything has created the store, the current data are the dataset
the app would seed it with (``$LATGALE_DI_DATA`` or the shipped ``data/``), and that is said.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from latgale_di.core.paths import data_dir
from latgale_di.store import dataset, storage
from latgale_di.store.dataset import Dataset


class Unavailable(ValueError):
    """The data asked for do not exist (no such version, no store, no folder): the message says which."""


@dataclass(frozen=True)
class Shown:
    """Observations as stored text (``rows``), where they come from (``label``, one line for a
    person) and the store version they are, if any."""

    rows: pd.DataFrame
    label: str
    version: storage.Version | None = None
    folder: Path | None = None

    def dataset(self) -> Dataset:
        """The whole dataset (facilities, population, sources, metadata) with these observations."""
        if self.folder is not None:
            return dataset.load(self.folder)
        base = dataset.load()
        if self.version is None:
            return base
        return dataset.from_version(base, self.rows, self.version.id, self.version.created_at, self.version.action)


def _store_exists(location: str) -> bool:
    return storage.is_postgres(location) or Path(location).exists()


def choose(folder: str | Path | None = None, version: int | None = None, location: str | None = None) -> Shown:
    """The data a command reads: the folder if given, else version ``version`` (default: the
    current one) of the store at ``location`` (default: the app's)."""
    if folder is not None:
        folder = Path(folder)
        if not dataset.observations_path(folder).exists():
            raise Unavailable(f"{folder}: no observations.csv in this folder")
        return Shown(dataset.read_observations(dataset.observations_path(folder)), f"dataset folder {folder}",
                     folder=folder)
    location = location or storage.default_location()
    kind = storage.kind_of(location)
    if _store_exists(location):
        store = storage.Store(location)
        versions = store.versions()
        if versions:
            chosen = versions[-1] if version is None else next((v for v in versions if v.id == version), None)
            if chosen is None:
                raise Unavailable(f"there is no version {version} in the {kind} store (versions "
                                  f"{versions[0].id}–{versions[-1].id})")
            state = "current version" if chosen.id == versions[-1].id else f"older version (current: {versions[-1].id})"
            label = (f"version {chosen.id} of the {kind} store, {state}, {chosen.action} of "
                     f"{chosen.created_at[:10]}")
            return Shown(store.observations(chosen.id), label, chosen)
    if version is not None:
        raise Unavailable(f"there is no {kind} store yet, so no version {version}: versions are made by "
                          "'import' and by the app's first start")
    folder = data_dir()
    return Shown(dataset.read_observations(dataset.observations_path(folder)),
                 f"the dataset in {folder} (no store yet: the app would start from it as version 1)")
