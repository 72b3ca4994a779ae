"""Small-count suppression: public views never show how many people 1–4 are.

The data describe people with disabilities and children; in a small municipality "2 children"
can identify a family. Public views therefore hide person counts from 1 to ``threshold − 1``
(primary suppression, shown as "<5") and, where a published total would let a reader subtract
the visible parts and recover a hidden cell, hide one more cell (secondary suppression, shown as
"hidden"). Everything computed from a hidden count (shares, shortfalls, rates) is hidden too
(``indicators`` sees the status ``suppressed`` and passes it on).

Additive relations checked, for each year × target group × service × indicator:

* the region's figure (ATVK ``LPR``) = the sum over the 9 units, and = the sum over the 21 units;
* a 2021 unit's figure = the sum over its 2009 components (Aglonas novads counted as a component
  of both its successors: an apportioned figure leaks nearly as much as an exact one).

Counts of different services are not added up: one person may use several services.
Zero is not suppressed (it says a service is absent, which identifies nobody), and places are
not person counts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd

from latgale_di import boundaries
from latgale_di.boundaries import REGION_CODE
from latgale_di.vocab import SUPPRESSED

DEFAULT_THRESHOLD = 5
PERSON_COUNTS: frozenset[str] = frozenset({"persons_served", "persons_assessed", "waiting_list", "occupied_places"})
_GROUP = ["year", "target_group", "service", "indicator"]

Cell = tuple[str, str]  # (vintage, atvk); the region's cell is ("*", "LPR")


def threshold() -> int:
    """The smallest count shown: ``$LATGALE_DI_SUPPRESS_BELOW`` (default 5; 0 or 1 turns it off)."""
    raw = os.environ.get("LATGALE_DI_SUPPRESS_BELOW", "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_THRESHOLD


def _relations() -> list[tuple[Cell, list[Cell]]]:
    """(total, parts) pairs that hold for every person count."""
    region: Cell = ("*", REGION_CODE)
    out: list[tuple[Cell, list[Cell]]] = [(region, [(v, a) for a in boundaries.region_units(v)])
                                          for v in boundaries.VINTAGES]
    for new in boundaries.units("2021"):
        out.append((("2021", new), [("2009", c.old_atvk) for c in boundaries.components(new)]))
    return out


def _secondary(values: dict[Cell, float], hidden: set[Cell], relations: Iterable[tuple[Cell, list[Cell]]]) -> set[Cell]:
    """More cells to hide until no relation has exactly one unknown cell that is hidden.

    A cell is unknown to the reader when it is hidden or has no figure. When only one cell of a
    relation is unknown and it is hidden, the others give it away; the smallest other visible
    part (a non-zero one first) is hidden with it, else the total.
    """
    hidden = set(hidden)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            cells = [total, *parts]
            unknown = [c for c in cells if c in hidden or c not in values]
            if len(unknown) != 1 or unknown[0] not in hidden:
                continue
            visible = sorted((c for c in parts if c not in hidden and c in values),
                             key=lambda c: (values[c] == 0, values[c]))
            pick = visible[0] if visible else (total if total in values and total not in hidden else None)
            if pick is not None:
                hidden.add(pick)
                changed = True
    return hidden


def suppress(observations: pd.DataFrame, below: int | None = None) -> pd.DataFrame:
    """Typed observations with small person counts hidden for public view.

    A primarily hidden row keeps only its bound: value missing, ``value_max`` = below − 1 ("<5").
    A secondarily hidden row keeps nothing. Both get status ``suppressed`` and a note saying why.
    """
    below = threshold() if below is None else below
    if below <= 1 or observations.empty:
        return observations
    out = observations.copy()
    counts = out["indicator"].isin(PERSON_COUNTS) & out["value"].notna()
    primary = counts & (out["value"] >= 1) & (out["value"] < below)
    relations = _relations()
    secondary_rows: list[int] = []
    for _, group in out[counts].groupby(_GROUP, sort=False):
        if not primary[group.index].any():
            continue
        cell_of = {i: ("*" if a == REGION_CODE else v, a) for i, v, a in zip(group.index, group["vintage"],
                                                                             group["atvk"])}
        values = {cell_of[i]: float(x) for i, x in zip(group.index, group["value"])}
        hidden = {cell_of[i] for i in group.index if primary[i]}
        extra = _secondary(values, hidden, relations) - hidden
        secondary_rows += [i for i, c in cell_of.items() if c in extra]
    out.loc[primary, ["value", "value_min"]] = float("nan")
    out.loc[primary, "value_max"] = float(below - 1)
    out.loc[primary, "note"] = f"fewer than {below}: hidden to protect privacy"
    out.loc[secondary_rows, ["value", "value_min", "value_max"]] = float("nan")
    out.loc[secondary_rows, "note"] = f"hidden so that a total cannot reveal a count below {below}"
    out.loc[primary | out.index.isin(secondary_rows), "status"] = SUPPRESSED
    return out
