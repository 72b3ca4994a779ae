"""Disclosure control that holds against arithmetic: what a determined reader can work out.

The public output publishes, for each year × target group × service × person-count indicator, a
figure (or a bound, or nothing) for the region, the 21 old units and the 9 new units. Those
figures are tied together: the region is the sum of the old units and of the new units, and each
new unit is the sum of its old parts (Aglonas novads split between two successors in unknown whole
parts). A hidden count ("<5", so 1–4) is safe only if, given everything published, it could still
be any of 1–4.

``feasible`` writes all of it as an integer linear program and finds each
hidden cell's smallest and largest possible value, as an attacker would (HiGHS, the solver behind
scipy's ``milp``, through its own ``highspy`` package: one model per group, only the objective
changes between cells); ``audit`` lists the
hidden counts that can be narrowed; ``protect`` hides more cells (secondary suppression, as
τ-ARGUS and sdcTable do) until none can: in a relation that pins a hidden count it hides the
smallest visible non-zero part (a zero hidden beside a small count would still pin it), else the
total.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from latgale_di.core.vocab import SUPPRESSED
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

Cell = tuple[str, str]  # (vintage, atvk); the region's cell is ("*", "LPR")
REGION: Cell = ("*", REGION_CODE)
UNBOUNDED = 10**7  # a finite stand-in for "no upper bound" in the solver


@dataclass(frozen=True)
class Published:
    """What the public output says about one cell: a value, bounds, or nothing."""

    low: float = 0.0
    high: float = math.inf
    hidden_primary: bool = False  # a small count shown as "<threshold"

    @staticmethod
    def value(v: float) -> Published:
        return Published(v, v)


def cell_of(vintage: str, atvk: str) -> Cell:
    """The cell a row of observations publishes (the region's is the same in both vintages)."""
    return REGION if atvk == REGION_CODE else (str(vintage), str(atvk))


def shown(value: float, low: float, high: float) -> Published | None:
    """What a visible row publishes: its value, its bounds ("> 50", "2–3"), or nothing (None)."""
    if not math.isnan(value):
        return Published.value(value)
    if math.isnan(low) and math.isnan(high):
        return None
    return Published(0 if math.isnan(low) else low, math.inf if math.isnan(high) else high)


@dataclass(frozen=True)
class Relation:
    """``total`` = Σ ``parts`` (whole cells), plus the split parts of cells divided between units."""

    total: Cell
    parts: tuple[Cell, ...]
    split_parts: tuple[tuple[Cell, Cell], ...] = ()  # (old cell, new unit it is split into)


def relations(extent_units: dict[str, tuple[str, ...]] | None = None) -> list[Relation]:
    """Every additive relation between the published cells of one indicator."""
    units = extent_units or {v: tuple(boundaries.region_units(v)) for v in boundaries.VINTAGES}
    out = [Relation(REGION, tuple((v, a) for a in units[v])) for v in boundaries.VINTAGES]
    for new in boundaries.units("2021"):
        whole, split = [], []
        for comp in boundaries.components(new):
            if comp.is_whole and len(boundaries.successors(comp.old_atvk)) == 1:
                whole.append(("2009", comp.old_atvk))
            else:
                split.append((("2009", comp.old_atvk), ("2021", new)))
        out.append(Relation(("2021", new), tuple(whole), tuple(split)))
    return out


def _split_cells(rels: list[Relation]) -> dict[Cell, list[tuple[Cell, Cell]]]:
    """Each old cell that is split, and its (old, new) split variables."""
    out: dict[Cell, list[tuple[Cell, Cell]]] = {}
    for rel in rels:
        for pair in rel.split_parts:
            out.setdefault(pair[0], []).append(pair)
    return out


def feasible(published: dict[Cell, Published], targets: Iterable[Cell],
             rels: list[Relation] | None = None) -> dict[Cell, tuple[float, float]]:
    """The smallest and largest value each of ``targets`` can have, given everything published.

    Every cell of the relations is a non-negative whole number; a published value fixes it, a
    published bound bounds it, a cell without a figure is free. Formula: for each target, min and
    max of x_target subject to the relations' equalities and the bounds — integer programs whose
    linear relaxation is exact here (see below), solved with HiGHS (one model per call, only the
    objective changes between targets).
    """
    import highspy

    rels = rels if rels is not None else relations()
    cells: list[Cell] = []
    for rel in rels:
        for c in (rel.total, *rel.parts, *(p[0] for p in rel.split_parts)):
            if c not in cells:
                cells.append(c)
    splits = _split_cells(rels)
    variables: list[object] = [*cells, *(pair for pairs in splits.values() for pair in pairs)]
    index = {v: i for i, v in enumerate(variables)}
    rows: list[dict[int, float]] = []
    for rel in rels:
        row = {index[rel.total]: 1.0}
        for c in rel.parts:
            row[index[c]] = row.get(index[c], 0.0) - 1
        for pair in rel.split_parts:
            row[index[pair]] = row.get(index[pair], 0.0) - 1
        rows.append(row)
    for old, pairs in splits.items():  # the parts of a split unit add up to it
        row = {index[old]: 1.0}
        for pair in pairs:
            row[index[pair]] = -1.0
        rows.append(row)
    low = np.zeros(len(variables))
    high = np.full(len(variables), float(UNBOUNDED))
    for cell, pub in published.items():
        if cell in index:
            low[index[cell]] = pub.low
            high[index[cell]] = min(pub.high, UNBOUNDED)
    h = _solver()
    h.addVars(len(variables), low, high)
    starts: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row in rows:
        starts.append(len(columns))
        columns.extend(row)
        values.extend(row.values())
    h.addRows(len(rows), np.zeros(len(rows)), np.zeros(len(rows)), len(columns), np.array(starts, dtype=np.int32),
              np.array(columns, dtype=np.int32), np.array(values, dtype=np.float64))
    # No integrality constraints needed: every column of these relations has at most two non-zero
    # entries, and the rows split into two sets (the old units' region total and the split rows;
    # the new units' region total and each new unit's parts) so that same signs fall in different
    # sets and opposite signs in the same one: the matrix is totally unimodular, so with whole-number
    # bounds the linear program's optimum is already a whole number.
    out: dict[Cell, tuple[float, float]] = {}
    for target in targets:
        column = index[target]
        h.changeColCost(column, 1.0)
        ends = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            h.changeObjectiveSense(sense)
            h.run()
            solved = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
            ends.append(h.getInfo().objective_function_value if solved else math.nan)
        h.changeColCost(column, 0.0)
        out[target] = (ends[0], ends[1])
    return out


def _solver():  # highspy ships no type hints
    """A HiGHS model that prints nothing: its C++ library writes a banner straight to the process's
    standard output when the first model is made, which would land in the CLI's answer."""
    import os
    import sys

    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            h = highspy.Highs()
            h.silent()
            h.setOptionValue("output_flag", False)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
    return h


def exposed(published: dict[Cell, Published], threshold: int,
            rels: list[Relation] | None = None) -> dict[Cell, tuple[float, float]]:
    """The hidden small counts whose possible values are narrower than 1 … threshold − 1."""
    targets = [c for c, p in published.items() if p.hidden_primary]
    if not targets:
        return {}
    ranges = feasible(published, targets, rels)
    return {c: r for c, r in ranges.items() if not (r[0] <= 1 and r[1] >= threshold - 1)}


def protect(published: dict[Cell, Published], values: dict[Cell, float], threshold: int,
            rels: list[Relation] | None = None) -> set[Cell]:
    """Cells to hide as well (secondary suppression) until no hidden small count can be narrowed.

    ``values`` are the true figures of the visible cells (to choose the smallest). A newly hidden
    cell is published as nothing (0 … ∞).
    """
    rels = rels if rels is not None else relations()
    published = dict(published)
    chosen: set[Cell] = set()
    for _ in range(len(published) + 1):
        bad = exposed(published, threshold, rels)
        if not bad:
            return chosen
        pick = _pick(next(iter(bad)), published, values, rels)
        if pick is None:
            return chosen  # nothing left to hide next to it: the audit will say so
        chosen.add(pick)
        published[pick] = Published()
    return chosen


def _visible(cell: Cell, published: dict[Cell, Published]) -> bool:
    pub = published.get(cell)
    return pub is not None and pub.low == pub.high and not pub.hidden_primary


def _pick(target: Cell, published: dict[Cell, Published], values: dict[Cell, float],
          rels: list[Relation]) -> Cell | None:
    """The visible cell to hide beside ``target``: in a relation with it, the smallest non-zero
    part, else the total; units before the region."""
    candidates: list[tuple[tuple, Cell]] = []
    for rel in rels:
        members = [rel.total, *rel.parts, *(p[0] for p in rel.split_parts)]
        if target not in members:
            continue
        for c in members:
            if c != target and _visible(c, published):
                v = values.get(c, 0.0)
                candidates.append(((v == 0, c == rel.total, c == REGION, v), c))
    if not candidates:
        return None
    return min(candidates)[1]


@dataclass(frozen=True)
class Finding:
    """A hidden small count that the published figures narrow: its group, cell and range."""

    year: int
    target_group: str
    service: str
    indicator: str
    cell: Cell
    low: float
    high: float

    def text(self) -> str:
        vintage, atvk = self.cell
        return (f"{self.year} {self.target_group} {self.service} {self.indicator} {atvk} ({vintage}): "
                f"can only be {self.low:g}–{self.high:g}")


def audit(public: pd.DataFrame, threshold: int, counts: Iterable[str],
          sites: pd.DataFrame | None = None) -> list[Finding]:
    """Play the attacker on a public observations table (after suppression) and, for occupied
    places, the public sites: every hidden small count ("<threshold") whose possible values, given
    everything published, are narrower than 1 … threshold − 1. An empty list means the publication
    is safe against these relations."""
    base = relations()
    findings: list[Finding] = []
    rows = public[public["indicator"].isin(set(counts))]
    for key, group in rows.groupby(["year", "target_group", "service", "indicator"], sort=True):
        rels, published, _ = (site_relations(sites, int(key[0]), str(key[1]), str(key[2]), threshold)
                              if sites is not None and key[3] == "occupied_places" else ([], {}, {}))
        rels = [*base, *rels]
        for r in group.itertuples(index=False):
            cell = cell_of(r.vintage, r.atvk)
            value, low, high = (float(x) for x in (r.value, r.value_min, r.value_max))
            if r.status == SUPPRESSED:
                small = not math.isnan(high) and high == threshold - 1
                published[cell] = Published(1, threshold - 1, True) if small else Published()
            elif (visible := shown(value, low, high)) is not None:
                published[cell] = visible
        if not any(p.hidden_primary for p in published.values()):
            continue
        for cell, (low, high) in exposed(published, threshold, rels).items():
            findings.append(Finding(int(key[0]), str(key[1]), str(key[2]), str(key[3]), cell, low, high))
    return findings


def site_relations(sites: pd.DataFrame, year: int, target_group: str, service: str, threshold: int
                   ) -> tuple[list[Relation], dict[Cell, Published], dict[Cell, float]]:
    """The sites' occupied places as a reader can use them for one group: each 2021 unit's occupied
    places are at least the sum of its sites' (its other residents are an unknown ``rest`` cell).

    ``sites`` are the public sites (``occupied`` hidden where small, ``occupied_hidden`` set).
    Only sites of this one service and target group that were open by ``year`` take part; a site
    of several services or groups does not say how its residents split. Returns the relations,
    what is published of each site cell, and the visible sites' values.
    """
    from latgale_di.analysis import figures

    if sites.empty or "occupied_hidden" not in sites:
        return [], {}, {}
    open_sites = figures.sites_open(sites, year)
    single = open_sites[(open_sites["services"] == service) & (open_sites["target_groups"] == target_group)]
    single = single[single["occupied"].notna() | single["occupied_hidden"]]
    relations_: list[Relation] = []
    published: dict[Cell, Published] = {}
    values: dict[Cell, float] = {}
    for atvk, group in single.groupby("atvk"):
        cells = []
        for r in group.itertuples(index=False):
            cell: Cell = ("site", str(r.id))
            cells.append(cell)
            if r.occupied_hidden:
                published[cell] = Published(1, threshold - 1, True)
            else:
                published[cell] = Published.value(float(r.occupied))
                values[cell] = float(r.occupied)
        relations_.append(Relation(("2021", str(atvk)), (*cells, ("rest", str(atvk)))))
    return relations_, published, values
