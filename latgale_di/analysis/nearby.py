"""Nearby choices that have figures: so that no page leaves a reader at "no figures".

A page that has nothing to show for the chosen year, target group, service and boundaries names
the closest choices that do (one change first, then two), and a page opened with nothing chosen
opens on the closest one that has figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import product

import pandas as pd

from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.analysis.state import YEARS, ViewState
from latgale_di.core import vocab
from latgale_di.territory import boundaries

Key = tuple[str, int, str, str]  # vintage, year, target group, service
_GROUPS = tuple(g for g in vocab.TARGET_GROUPS if g != "all")
_SERVICES = tuple(vocab.SERVICES)
# Community-based services and "any" of them: what the occupancy and demand pages are about.
COMMUNITY_CHOICES: tuple[str, ...] = ("any", *COMMUNITY_SERVICES)


def available(tables: Mapping[str, pd.DataFrame], indicators: Iterable[str], any_means_all: bool = False) -> set[Key]:
    """Every (vintage, year, target group, service) for which ``tables`` (``figures.table`` by
    vintage) hold a figure of one of ``indicators``. With ``any_means_all`` (pages that list every
    community service under "any"), "any" is available wherever one community service is."""
    wanted = set(indicators)
    out: set[Key] = set()
    for vintage, table in tables.items():
        rows = table[table["indicator"].isin(wanted) & (table["value"].notna() | table["value_min"].notna())]
        keys = set(zip(rows["year"].astype(int), rows["target_group"], rows["service"]))
        out |= {(vintage, y, g, s) for y, g, s in keys}
        if any_means_all:
            out |= {(vintage, y, g, "any") for y, g, s in keys if s in COMMUNITY_SERVICES}
    return out


def has_figures(state: ViewState, keys: set[Key]) -> bool:
    return (state.vintage, state.year, state.target_group, state.service) in keys


def nearby(state: ViewState, keys: set[Key], limit: int = 6, services: Iterable[str] = _SERVICES) -> list[ViewState]:
    """Up to ``limit`` views close to ``state`` that have figures: those one choice away first (the
    nearest year first), then two choices away; only ``services`` (those the page is about)."""
    def distance(view: ViewState) -> tuple[int, int, int]:
        changed = sum(getattr(view, f) != getattr(state, f) for f in ("year", "target_group", "service", "vintage"))
        return (changed, abs(view.year - state.year), -view.year)

    candidates = [replace(state, vintage=v, year=y, target_group=g, service=s)
                  for v, y, g, s in product(boundaries.VINTAGES, YEARS, _GROUPS, tuple(services))
                  if (v, y, g, s) in keys]
    candidates = [c for c in candidates if c != state and distance(c)[0] <= 2]
    return sorted(candidates, key=distance)[:limit]


def opening_view(state: ViewState, keys: set[Key], services: Iterable[str] = _SERVICES) -> ViewState:
    """The view a page opens on when nothing was chosen: ``state`` if it has figures, else the
    nearest one that has."""
    if has_figures(state, keys):
        return state
    found = nearby(state, keys, limit=1, services=services)
    return found[0] if found else state


def untouched(state: ViewState) -> bool:
    """Whether the reader has chosen none of year, target group, service and boundaries (all as
    the defaults)."""
    default = ViewState()
    return all(getattr(state, f) == getattr(default, f) for f in ("year", "target_group", "service", "vintage"))
