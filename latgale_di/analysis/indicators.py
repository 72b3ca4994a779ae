"""The indicator table: stored observations plus computed indicators, for one boundary vintage.

Computed indicators, per year × unit × target group × service:

* ``occupancy_rate`` = occupied_places / places × 100 (%), flagged above a threshold by the UI;
* ``share_served`` = persons_served / persons_assessed × 100 (%); a reported zero served is 0 %
  even where the number assessed is not given (the zero rule, ``docs/data-contract.md``);
* ``shortfall`` = max(0, demand − supply) (persons) and ``shortfall_pct`` (% of demand), where
  demand = persons_assessed and supply = places when known, else persons_served;
* ``places_per_10k`` and ``served_per_10k`` = count / population × 10 000.

Ratios and differences are not computed from incomplete (lower-bound) inputs: the result could be
wrong in either direction. Rates per resident of a lower bound are kept, marked incomplete.

A computed value takes the weakest status of its inputs (at least ``derived``) and cites all
their sources; one computed from a count hidden for privacy is hidden (``suppressed``).
Where a source states a ratio without the counts (e.g. "more than 80 % full"),
that stored ratio stays; a ratio computed from counts replaces a stored one for the same key.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from latgale_di.analysis import metrics
from latgale_di.core import vocab
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries, reaggregate
from latgale_di.territory.boundaries import REGION_CODE
from latgale_di.territory.population import target_denominators

KEY: list[str] = ["year", "atvk", "target_group", "service"]
ZERO_SHARE_NOTE = "nobody served: 0 % of any number assessed"
OUTPUT_COLUMNS: list[str] = [
    "year", "atvk", "municipality", "vintage", "target_group", "service", "indicator",
    "value", "unit", "status", "source", "note", "value_min", "value_max",
]


def _wide(obs: pd.DataFrame, field: str) -> pd.DataFrame:
    """One column per indicator; every key keeps its row, even when all its values are missing."""
    return obs.drop_duplicates([*KEY, "indicator"]).set_index([*KEY, "indicator"])[field].unstack("indicator")


def _combine_text(*series: pd.Series) -> pd.Series:
    # zip over plain lists, not DataFrame.apply: the same result, and national tables stay fast
    # (docs/performance.md, national scale).
    values = [s.tolist() for s in series]
    return pd.Series(["; ".join(dict.fromkeys(v for v in row if isinstance(v, str) and v)) for row in zip(*values)],
                     index=series[0].index, dtype=object)


def _combine_status(*series: pd.Series) -> pd.Series:
    values = [s.tolist() for s in series]
    return pd.Series([vocab.computed_status([v for v in row if isinstance(v, str)]) for row in zip(*values)],
                     index=series[0].index, dtype=object)


def _computed(values: pd.Series, indicator: str, inputs: list[str], wide_v: pd.DataFrame, wide_s: pd.DataFrame,
              wide_src: pd.DataFrame, note: str = "", bound_ok: bool = False) -> pd.DataFrame:
    """Computed rows with status and sources of their inputs.

    An incomplete input is a lower bound. A rate per resident of a lower bound is a lower bound
    (``bound_ok``), but a ratio or difference of two lower bounds could be off in either
    direction, so those results are dropped rather than shown.
    """
    keep = values.notna()
    if not bound_ok:
        for column in inputs:
            keep &= wide_s[column] != "incomplete"
    # A result from a count hidden for privacy is hidden too, and says so (not "no data").
    hidden = pd.concat([wide_s[c].eq(vocab.SUPPRESSED) for c in inputs], axis=1).any(axis=1)
    keep |= hidden
    if not keep.any():
        return pd.DataFrame(columns=[*KEY, "indicator", "value", "status", "source", "note"])
    status = _combine_status(*(wide_s[c] for c in inputs))
    source = _combine_text(*(wide_src[c] for c in inputs))
    values = values.where(~hidden)
    out = pd.DataFrame({"value": values, "status": status, "source": source})[keep].reset_index()
    out["indicator"] = indicator
    out["note"] = note
    return out


def _column(wide: pd.DataFrame, name: str) -> pd.Series:
    return wide[name] if name in wide.columns else pd.Series(np.nan, index=wide.index, dtype=object)


def compute(dataset: Dataset, vintage: str = "2021", year: int | None = None) -> pd.DataFrame:
    """The full indicator table for ``vintage`` (all years, or one ``year``): each figure in the
    year it was reported for. A view of one year with stocks carried forward and sites summed is
    ``latgale_di.analysis.figures.table``."""
    obs = reaggregate.for_vintage(dataset.observations, vintage)
    if year is not None:
        obs = obs[obs["year"] == year]
    return from_observations(obs, dataset.population, vintage)


def from_observations(obs: pd.DataFrame, population: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """Stored rows of ``obs`` (already in ``vintage``) plus the indicators computed from them."""
    if obs.empty:
        return pd.DataFrame(columns=OUTPUT_COLUMNS)
    wide_v = _wide(obs, "value").astype(float)
    wide_s = _wide(obs, "status")
    wide_src = _wide(obs, "source")
    for frame in (wide_v, wide_s, wide_src):
        for name in vocab.STORED_INDICATORS:
            if name not in frame.columns:
                frame[name] = np.nan

    pieces = []
    pieces.append(_computed(metrics.occupancy_rate(wide_v["occupied_places"], wide_v["places"]), "occupancy_rate",
                            ["occupied_places", "places"], wide_v, wide_s, wide_src))
    share = metrics.share_served(wide_v["persons_served"], wide_v["persons_assessed"])
    # The zero rule (docs/data-contract.md): nobody served is 0 % of any number assessed, so a
    # reported zero gives a share of zero even where the number assessed is not given.
    nobody = wide_v["persons_served"].eq(0) & wide_v["persons_assessed"].isna()
    pieces.append(_computed(share.where(~nobody), "share_served", ["persons_served", "persons_assessed"],
                            wide_v, wide_s, wide_src))
    zeros = pd.Series(0.0, index=wide_v.index)[nobody]
    pieces.append(_computed(zeros, "share_served", ["persons_served"], wide_v[nobody], wide_s[nobody],
                            wide_src[nobody], ZERO_SHARE_NOTE))
    supply_is_places = wide_v["places"].notna()
    supply = wide_v["places"].where(supply_is_places, wide_v["persons_served"])
    demand = wide_v["persons_assessed"]
    for is_places, label in ((True, "places"), (False, "persons_served")):
        mask = supply_is_places == is_places
        note = f"demand = persons assessed; supply = {label.replace('_', ' ')}"
        inputs = ["persons_assessed", label]
        pieces.append(_computed(metrics.shortfall(demand[mask], supply[mask]), "shortfall", inputs,
                                wide_v[mask], wide_s[mask], wide_src[mask], note))
        pieces.append(_computed(metrics.shortfall_pct(demand[mask], supply[mask]), "shortfall_pct", inputs,
                                wide_v[mask], wide_s[mask], wide_src[mask], note))

    # Each target group divides by its own age group where the data hold it, in one statistic.
    dens = target_denominators(population, vintage)
    index = wide_v.index.to_frame(index=False)
    keys = list(zip(index["atvk"], index["year"].astype(int), index["target_group"]))
    looked_up = {key: dens.get(*key) for key in dict.fromkeys(keys)}  # once per unit, year and group
    found = [looked_up[key][0] for key in keys]
    pop = pd.Series([d.value if d else np.nan for d in found], index=wide_v.index, dtype=float)
    pop_status = pd.Series([d.status if d else None for d in found], index=wide_v.index, dtype=object)
    pop_source = pd.Series([d.source if d else None for d in found], index=wide_v.index, dtype=object)
    pop_note = pd.Series([looked_up[key][1] for key in keys], index=wide_v.index)
    for count, name in (("places", "places_per_10k"), ("persons_served", "served_per_10k")):
        values = metrics.per_10k(wide_v[count], pop)
        piece = _computed(values, name, [count], wide_v, wide_s, wide_src, bound_ok=True)
        if not piece.empty:
            keyed = piece.set_index(KEY)
            keyed["status"] = [vocab.computed_status([s, p]) for s, p in zip(keyed["status"], pop_status[keyed.index])]
            keyed["source"] = [f"{s}; {p}" for s, p in zip(keyed["source"], pop_source[keyed.index])]
            keyed["note"] = pop_note[keyed.index].to_numpy()
            piece = keyed.reset_index()
        pieces.append(piece)

    # Rows from which nothing can be computed (places without a population, a source's own ratio)
    # are still figures: the table is then the stored rows alone.
    found = [p for p in pieces if not p.empty]
    computed = (pd.concat(found, ignore_index=True) if found
                else obs.iloc[:0][[*KEY, "indicator", "value", "status", "source", "note"]].copy())
    computed["value_min"] = np.nan
    computed["value_max"] = np.nan
    stored = obs[[*KEY, "indicator", "value", "status", "source", "note", "value_min", "value_max"]]
    if not computed.empty:
        ck = set(map(tuple, computed[[*KEY, "indicator"]].itertuples(index=False)))
        stored = stored[[tuple(r) not in ck for r in stored[[*KEY, "indicator"]].itertuples(index=False)]]
    table = pd.concat([stored, computed], ignore_index=True)
    table["vintage"] = vintage
    table["unit"] = table["indicator"].map(vocab.INDICATOR_UNITS)
    names = {a: u.name_lv for a, u in boundaries.units(vintage).items()}
    names[REGION_CODE] = "Latgales plānošanas reģions"
    table["municipality"] = table["atvk"].map(names)
    table["year"] = table["year"].astype(int)
    table = table.sort_values(["year", "atvk", "target_group", "service", "indicator"], kind="stable")
    return table[OUTPUT_COLUMNS].reset_index(drop=True)
