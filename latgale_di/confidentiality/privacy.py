"""Small-count suppression: public views never show how many people 1–4 are, not even by arithmetic.

The data describe people with disabilities and children; in a small municipality "2 children"
can identify a family. Public views therefore hide person counts from 1 to ``threshold − 1``
(primary suppression, shown as "<5"), including counts given only as a range ("2–3") and stored
ratios that would give one away with the denominator beside them (75 % of 4 places). Then
``latgale_di.confidentiality.disclosure`` plays the attacker over every additive relation the output contains —
the region = the sum of the 21 old units and of the 9 new ones, each new unit = the sum of its
old parts (Aglonas novads split in unknown whole parts), published bounds included — and hides
more cells (secondary suppression) until no hidden count can be narrowed below 1 … threshold − 1.
Everything computed from a hidden count (shares, shortfalls, rates) is hidden too (``indicators``
sees the status ``suppressed`` and passes it on), and sites' occupied places are hidden the same
way (``suppress_sites``), since a municipality's figure may be the sum of its sites.

Counts of different services are not added up: one person may use several services.
Zero is not suppressed (it says a service is absent, which identifies nobody), and places are
not person counts.
"""

from __future__ import annotations

import math
import os
from dataclasses import replace

import pandas as pd

from latgale_di.confidentiality import disclosure
from latgale_di.core.vocab import SUPPRESSED
from latgale_di.store.dataset import Dataset

DEFAULT_THRESHOLD = 5
PERSON_COUNTS: frozenset[str] = frozenset({"persons_served", "persons_assessed", "waiting_list", "occupied_places"})
_GROUP = ["year", "target_group", "service", "indicator"]

def threshold() -> int:
    """The smallest count shown: ``$LATGALE_DI_SUPPRESS_BELOW`` (default 5; 0 or 1 turns it off)."""
    raw = os.environ.get("LATGALE_DI_SUPPRESS_BELOW", "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_THRESHOLD


def suppress(observations: pd.DataFrame, below: int | None = None) -> pd.DataFrame:
    """Typed observations with small person counts hidden for public view (see ``_suppress``)."""
    return _suppress(observations, threshold() if below is None else below, None)[0]


def _suppress(observations: pd.DataFrame, below: int, sites: pd.DataFrame | None) -> tuple[pd.DataFrame, set[str]]:
    """Typed observations with small person counts hidden for public view.

    Primary: a person count from 1 to ``below − 1`` — or a range of them ("2–3") — keeps only its
    bound (value missing, ``value_max`` = below − 1: "<5"); a stored share or occupancy rate that,
    with its visible denominator, gives such a count away (75 % of 4 places), or whose count is
    hidden, is hidden too. Secondary: more cells, chosen by ``disclosure.protect`` over every
    additive relation both boundary sets publish, until no hidden count can be narrowed by
    arithmetic (bounds included); they keep nothing. All get status ``suppressed`` and a note.
    With the public ``sites``, a unit's occupied places also count as at least the sum of its
    sites'; the ids of sites to hide as well are returned beside the table.
    """
    if below <= 1 or observations.empty:
        return observations, set()
    out = observations.copy()
    counts = out["indicator"].isin(PERSON_COUNTS)
    small_value = counts & out["value"].notna() & (out["value"] >= 1) & (out["value"] < below)
    small_range = counts & out["value"].isna() & out["value_max"].notna() & (out["value_max"] >= 1) \
        & (out["value_max"] < below)
    primary = small_value | small_range
    primary |= _revealing_ratios(out, primary, below)
    rels = disclosure.relations()
    secondary_rows: list[int] = []
    hidden_sites: set[str] = set()
    for key, group in out[counts].groupby(_GROUP, sort=False):
        site_rels, published, values = (
            disclosure.site_relations(sites, int(key[0]), str(key[1]), str(key[2]), below)
            if sites is not None and key[3] == "occupied_places" else ([], {}, {}))
        if not primary[group.index].any() and not any(p.hidden_primary for p in published.values()):
            continue
        cell_of = {i: disclosure.cell_of(v, a) for i, v, a in zip(group.index, group["vintage"], group["atvk"])}
        for i in group.index:
            cell = cell_of[i]
            value, low, high = (float(out.at[i, c]) for c in ("value", "value_min", "value_max"))
            if primary[i]:
                published[cell] = disclosure.Published(1, below - 1, hidden_primary=True)
            elif (visible := disclosure.shown(value, low, high)) is not None:
                published[cell] = visible
                if not math.isnan(value):
                    values[cell] = value
        extra = disclosure.protect(published, values, below, [*rels, *site_rels])
        secondary_rows += [i for i, c in cell_of.items() if c in extra]
        hidden_sites |= {c[1] for c in extra if c[0] == "site"}
    out.loc[primary & counts, ["value", "value_min"]] = float("nan")
    out.loc[primary & counts, "value_max"] = float(below - 1)
    out.loc[primary & counts, "note"] = f"fewer than {below}: hidden to protect privacy"
    out.loc[primary & ~counts, ["value", "value_min", "value_max"]] = float("nan")
    out.loc[primary & ~counts, "note"] = f"hidden: with the figures beside it, it would give away a count below {below}"
    out.loc[secondary_rows, ["value", "value_min", "value_max"]] = float("nan")
    out.loc[secondary_rows, "note"] = f"hidden so that a total cannot reveal a count below {below}"
    out.loc[primary | out.index.isin(secondary_rows), "status"] = SUPPRESSED
    return out, hidden_sites


# A stored ratio and the counts it is made of: (ratio, numerator, denominator).
_RATIOS: tuple[tuple[str, str, str], ...] = (("share_served", "persons_served", "persons_assessed"),
                                             ("occupancy_rate", "occupied_places", "places"))


def _revealing_ratios(out: pd.DataFrame, primary: pd.Series, below: int) -> pd.Series:
    """Stored ratios that give a small count away: their count is hidden, or the ratio times a
    visible denominator is a count from 1 to ``below − 1`` (75 % of 4 places is 3 occupied)."""
    key = ["year", "vintage", "atvk", "target_group", "service"]
    reveal = pd.Series(False, index=out.index)
    for ratio, numerator, denominator in _RATIOS:
        ratios = out[(out["indicator"] == ratio) & out["value"].notna()]
        if ratios.empty:
            continue
        hidden_counts = set(map(tuple, out.loc[primary & out["indicator"].isin([numerator, denominator]),
                                               key].itertuples(index=False)))
        denominators = {tuple(k): v for *k, v in out.loc[(out["indicator"] == denominator) & out["value"].notna(),
                                                         [*key, "value"]].itertuples(index=False)}
        for i, row in ratios.iterrows():
            k = tuple(row[c] for c in key)
            implied = row["value"] / 100 * denominators[k] if k in denominators else math.nan
            if k in hidden_counts or (not math.isnan(implied) and 1 <= round(implied) < below):
                reveal[i] = True
    return reveal


def suppress_sites(facilities: pd.DataFrame, below: int | None = None) -> pd.DataFrame:
    """Sites with small occupied-place counts hidden (``occupied`` missing, ``occupied_hidden``
    true): a site's residents are people, and a municipality's figure may be the sum of its sites."""
    below = threshold() if below is None else below
    out = facilities.copy()
    small = out["occupied"].notna() & (out["occupied"] >= 1) & (out["occupied"] < below) if below > 1 else \
        pd.Series(False, index=out.index)
    out["occupied_hidden"] = small
    out["occupied_small"] = small  # hidden as "<threshold" (a site hidden only beside one: False)
    # What the public may know of a small count: it is below the threshold (shown "<5").
    out["occupied_max"] = float("nan")
    out.loc[small, "occupied_max"] = float(below - 1)
    out.loc[small, "occupied"] = float("nan")
    return out


def public(data: Dataset, below: int | None = None) -> Dataset:
    """``data`` as the public may see it: small counts hidden in the figures and at the sites."""
    below = threshold() if below is None else below
    if below <= 1:
        return data
    sites = suppress_sites(data.facilities, below)
    observations, more = _suppress(data.observations, below, sites)
    if more:  # hidden so that a unit's figure minus its other sites cannot reveal a small one
        also = sites["id"].isin(more)
        sites.loc[also, "occupied"] = float("nan")
        sites.loc[also, "occupied_hidden"] = True
    return replace(data, observations=observations, facilities=sites)
