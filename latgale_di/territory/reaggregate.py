"""Re-aggregation across the 2021 reform: figures for the 21 old units → the 9 new units.

Rules (see ``docs/data-contract.md``):

* counts (``vocab.ADDITIVE_INDICATORS``) are summed over the old units that form a new unit;
* Aglonas novads was split: its figure is apportioned by the crosswalk's area share
  (0.348 → Preiļu, 0.652 → Krāslava), which makes the result ``estimated`` whenever that share
  is not zero;
* if some component has no figure, the result is ``incomplete`` and its note names the missing
  components: a partial sum is a lower bound, never passed off as a total;
* ratios (shares, rates, costs per day) cannot be summed: they carry over only where the new
  unit is exactly one old unit (the two cities and Līvānu novads), as ``derived``;
* the way back (2021 → 2009) exists only for those same one-to-one units.

Totals are conserved: summing the re-aggregated values over the 9 new units gives the sum over
the 21 old units (apportioned shares add up to 1).
"""

from __future__ import annotations

import pandas as pd

from latgale_di.core import vocab
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

GROUP_COLUMNS: tuple[str, ...] = ("year", "target_group", "service", "indicator")


def _join_unique(values: list[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _one_to_one() -> dict[str, str]:
    """new ATVK → old ATVK for 2021 units that are exactly one whole 2009 unit."""
    out = {}
    for new in boundaries.units("2021"):
        comps = boundaries.components(new)
        if len(comps) == 1 and comps[0].is_whole and len(boundaries.successors(comps[0].old_atvk)) == 1:
            out[new] = comps[0].old_atvk
    return out


def _empty_like(obs: pd.DataFrame) -> pd.DataFrame:
    return obs.iloc[0:0].copy()


def to_2021(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations of 2009 units re-aggregated to 2021 units (vintage "2021" rows).

    ``obs`` is a typed observations table (``dataset.typed_observations``); rows of other
    vintages and region-wide rows are ignored.
    """
    old = obs[(obs["vintage"] == "2009") & (obs["atvk"] != REGION_CODE)]
    if old.empty:
        return _empty_like(obs)
    names_old = {a: u.name_lv for a, u in boundaries.units("2009").items()}
    one_to_one = _one_to_one()
    records: list[dict] = []
    for key, group in old.groupby(list(GROUP_COLUMNS), sort=True):
        indicator = key[3]
        by_atvk = {r["atvk"]: r for r in group.to_dict("records")}
        for new_atvk in boundaries.units("2021"):
            comps = boundaries.components(new_atvk)
            present = [c for c in comps if c.old_atvk in by_atvk]
            if not present:
                continue
            base = dict(zip(GROUP_COLUMNS, key))
            base.update(atvk=new_atvk, vintage="2021", unit=vocab.INDICATOR_UNITS[indicator])
            rows = [by_atvk[c.old_atvk] for c in present]
            if indicator not in vocab.ADDITIVE_INDICATORS:
                if new_atvk in one_to_one:
                    (row,) = rows
                    records.append({**row, **base, "status": vocab.computed_status([row["status"]]),
                                    "note": _join_unique([row["note"], "same territory in both vintages"])})
                continue
            # A component hidden for privacy counts as missing: the sum is then a lower bound.
            parts, statuses, missing = [], [r["status"] for r in rows if r["status"] != vocab.SUPPRESSED], []
            total = 0.0
            for comp in comps:
                row = by_atvk.get(comp.old_atvk)
                value = None if row is None else row["value"]
                if value is None or pd.isna(value):
                    missing.append(names_old[comp.old_atvk])
                    continue
                share = comp.area_share
                total += value * share
                if share < 1.0:
                    parts.append(f"{names_old[comp.old_atvk]} {value:g} × {share:g} (area share)")
                    if value:
                        statuses.append("estimated")
                else:
                    parts.append(f"{names_old[comp.old_atvk]} {value:g}")
            if len(missing) == len(comps):
                continue  # only bounds, no values: nothing to add up
            if missing:
                statuses.append("incomplete")
            note = "re-aggregated from 2009 units: " + " + ".join(parts)
            if missing:
                note += "; no figure for " + ", ".join(missing)
            records.append({
                **base,
                "value": round(total, 6),
                "value_min": float("nan"),
                "value_max": float("nan"),
                "status": vocab.computed_status(statuses),
                "source": _join_unique([r["source"] for r in rows]),
                "note": note,
            })
    return pd.DataFrame.from_records(records, columns=obs.columns) if records else _empty_like(obs)


def to_2009(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations of 2021 units carried back to 2009 units where the territory is the same."""
    new = obs[(obs["vintage"] == "2021") & (obs["atvk"].isin(_one_to_one()))]
    if new.empty:
        return _empty_like(obs)
    out = new.copy()
    out["atvk"] = out["atvk"].map(_one_to_one())
    out["vintage"] = "2009"
    out["status"] = [vocab.computed_status([s]) for s in out["status"]]
    out["note"] = [_join_unique([n, "same territory in both vintages"]) for n in out["note"]]
    return out


def for_vintage(obs: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """Everything that can be shown in ``vintage``: its own rows, converted rows, region rows.

    A figure reported directly for a unit wins over one converted from the other vintage.
    Region-wide rows (ATVK ``LPR``) describe the same territory in both vintages.
    """
    own = obs[(obs["vintage"] == vintage) & (obs["atvk"] != REGION_CODE)]
    converted = to_2021(obs) if vintage == "2021" else to_2009(obs)
    region = obs[obs["atvk"] == REGION_CODE]
    key = ["year", "atvk", "target_group", "service", "indicator"]
    if not converted.empty:
        have = set(map(tuple, own[key].itertuples(index=False)))
        converted = converted[[tuple(r) not in have for r in converted[key].itertuples(index=False)]]
    parts = [p for p in (own, converted, region) if not p.empty]
    if not parts:
        return _empty_like(obs)
    return pd.concat(parts, ignore_index=True)
