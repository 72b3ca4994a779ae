"""Load a dataset (observations, facilities, population, sources, metadata) from a folder.

A ``Dataset`` keeps data and its metadata together: every observation carries unit, year,
vintage, status and source, and the dataset knows its version, date and whether it is synthetic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from latgale_di.core import digits
from latgale_di.core.paths import data_dir
from latgale_di.ingest import citations, months
from latgale_di.ingest.contract import SOURCE_COLUMNS, read_csv_text

_NUMERIC_OBSERVATION = ("value", "value_min", "value_max")


@dataclass(frozen=True)
class Dataset:
    observations: pd.DataFrame
    facilities: pd.DataFrame
    population: pd.DataFrame
    sources: pd.DataFrame
    metadata: dict = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.metadata.get("version", ""))

    def title(self, lang: str) -> str:
        """The dataset's title in ``lang`` (``title_lv`` for Latvian where the metadata has one)."""
        return str(self.metadata.get(f"title_{lang}") or self.metadata.get("title", ""))

    @property
    def last_updated(self) -> str:
        return str(self.metadata.get("last_updated", ""))

    @property
    def synthetic(self) -> bool:
        return bool(self.metadata.get("synthetic", False))

    def years(self) -> list[int]:
        return sorted(int(y) for y in self.observations["year"].unique())

    def source_titles(self) -> dict[str, str]:
        """Source id → title, for every source the dataset cites."""
        return dict(self._titles)

    @cached_property
    def _titles(self) -> dict[str, str]:
        # A page cites a source for every municipality on every run: read the registry once.
        return dict(zip(self.sources["id"], self.sources["title"]))

    def cite(self, source_field: str, max_chars: int | None = None) -> str:
        """Titles for a ``source`` cell, which may list several ids separated by ";".

        Whole titles; with ``max_chars`` each is shortened at a word boundary and ends with "…".
        """
        titles = self._titles
        return "; ".join(citations.whole_words(titles.get(i, i), max_chars) for i in citations.ids(str(source_field)))

    @cached_property
    def _entries(self) -> dict[str, dict]:
        # Every page lists its sources on every run: index the registry once, not a scan per id.
        entries: dict[str, dict] = {}
        for entry in self.sources.to_dict("records"):
            entries.setdefault(entry["id"], entry)  # the first entry of an id, as a scan finds it
        return entries

    def source(self, source_id: str) -> dict[str, str]:
        """The whole registry record of one source id (a stub with the id as title if unknown).

        Keys: every column of ``contract.SOURCE_COLUMNS`` (blank where the registry has none).
        """
        entry = self._entries.get(source_id)
        if entry is None:
            return {**dict.fromkeys(SOURCE_COLUMNS, ""), "id": source_id, "title": source_id}
        return {**dict.fromkeys(SOURCE_COLUMNS, ""), **{k: str(v) for k, v in entry.items()}}

    def citation(self, source_id: str, lang: str) -> str:
        """The short citation of one source: publisher and year, flagged when it is secondary."""
        return citations.short(self.source(source_id), lang)

    def is_secondary(self, source_field: str) -> bool:
        """Whether any source of a ``source`` cell ("a; b") is a secondary source."""
        return any(self.source(i).get("kind") == "secondary" for i in citations.ids(str(source_field)))


def observations_path(folder: str | Path) -> Path:
    """``observations.csv`` of a dataset folder, or ``observations.csv.gz`` (a large, generated one)."""
    folder = Path(folder)
    plain = folder / "observations.csv"
    packed = folder / "observations.csv.gz"
    return packed if not plain.exists() and packed.exists() else plain


def read_observations(path: str | Path) -> pd.DataFrame:
    """An observations file as text, monthly rows collapsed to yearly ones (``latgale_di.ingest.months``)."""
    return months.collapse(read_csv_text(path))


def typed_observations(df: pd.DataFrame) -> pd.DataFrame:
    """Observations with numeric year/value columns; blank text becomes NaN, never 0."""
    out = months.collapse(df).copy()
    for col in ("note", "value_min", "value_max"):
        if col not in out.columns:
            out[col] = ""
    out["year"] = pd.to_numeric(out["year"]).astype(int)
    for col in _NUMERIC_OBSERVATION:
        text = out[col].replace("", None).astype("string")
        if not text.dropna().str.isascii().all():  # Unicode digits read as validation read them
            text = text.map(lambda v: digits.normalise(v) if isinstance(v, str) else v).astype("string")
        out[col] = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce").astype(float)
    return out


def from_version(base: Dataset, observations: pd.DataFrame, version_id: int, created_at: str, action: str) -> Dataset:
    """``base`` with the observations of one stored version, and that version in its metadata."""
    metadata = {**base.metadata, "store_version": version_id, "store_action": action}
    if action != "initial":
        metadata["version"] = f"{base.version} · v{version_id}"
        metadata["last_updated"] = created_at[:10]
    else:
        metadata["version"] = f"{base.version} · v{version_id}"
    return Dataset(typed_observations(observations), base.facilities, base.population, base.sources, metadata)


def read_population(path: str | Path) -> pd.DataFrame:
    """A population file; one older than the ``statistic`` column reads as one "unspecified" series."""
    population = read_csv_text(path)
    population["value"] = pd.to_numeric(population["value"]).astype(float)
    if "statistic" not in population.columns:
        population["statistic"] = ""
    population["statistic"] = population["statistic"].replace("", "unspecified")
    return population


def read_sources(path: str | Path) -> pd.DataFrame:
    """The source registry; columns a file predates (date accessed, licence, note) read as blank."""
    sources = read_csv_text(path)
    for column in SOURCE_COLUMNS:
        if column not in sources.columns:
            sources[column] = ""
    return sources


def load(folder: str | Path | None = None) -> Dataset:
    """Read the dataset in ``folder`` (``$LATGALE_DI_DATA`` or the shipped default when omitted)."""
    folder = Path(folder) if folder is not None else data_dir()
    observations = typed_observations(read_observations(observations_path(folder)))
    facilities = read_csv_text(folder / "facilities.csv")
    for col in ("places", "occupied", "lat", "lon"):
        facilities[col] = pd.to_numeric(facilities[col].replace("", None), errors="coerce").astype(float)
    population = read_population(folder / "population.csv")
    sources = read_sources(folder / "sources.csv")
    meta_path = folder / "metadata.json"
    metadata = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return Dataset(observations, facilities, population, sources, metadata)
