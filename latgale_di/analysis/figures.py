"""The figure layer: every number a user sees comes from here, and says what it is.

A *view* is one year, boundary vintage, target group, service and indicator. For each unit of
the view (and for the region) this module gives one :class:`Figure`: a value or bounds, a
qualifier, a status, its sources, the year it describes ("as of") and, when there is nothing to
show, why. The map, its legend and header, the overview's cards and sentences, the tables, the
charts, the profile, the briefing PDF, the downloads and the CLI all read figures through it, so
that the same view says the same thing everywhere.

The rules (``docs/data-contract.md``, "One figure per view"):

* **Stocks carry forward.** Places, planned places, day rates and plan targets describe what
  exists until it changes: a view of year *Y* shows each unit's latest figure up to *Y*, with the year it is
  from (``as_of``). Flows (persons served, assessed, occupied places) are of their own year only.
* **Sites fill gaps.** A unit with no places (or occupied places) figure of its own gets the sum
  over its single-service sites that were open by *Y* (status ``derived``; "at least" when a site
  has no figure). A site counts in a year only if it was open by then.
* **Qualifiers.** ``exact`` and ``estimate`` are values; ``greater_than`` and ``range`` are
  bounds a source gives (">50 %"); ``at_least`` is a partial sum (some parts unknown): a lower
  bound that is *not* a figure for the unit, drawn in its own class and never counted among the
  units "with a figure"; ``hidden`` is a count withheld for privacy (it exists, so it counts);
  ``missing`` has a reason.
* **Counts agree.** "N of M municipalities have a figure" is :attr:`View.with_figure` of the
  view, computed once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from latgale_di.analysis import indicators
from latgale_di.core import vocab
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries, facilities, reaggregate
from latgale_di.territory.boundaries import REGION_CODE

# Indicators that describe a stock which stays until it changes.
# A plan's target stays until a new plan replaces it.
STOCK_INDICATORS: frozenset[str] = frozenset({"places", "planned_places", "eur_per_day", "target_persons"})
# Site columns that add up to a unit's figure of the same indicator.
SITE_COLUMNS: dict[str, str] = {"places": "places", "occupied_places": "occupied"}
# A site whose opening date no source gives is known to operate at the time of the research
# pack's sources (2023 or later), not before: for earlier years it says nothing.
UNDATED_SITES_FROM = 2023

QUALIFIERS: tuple[str, ...] = ("exact", "estimate", "greater_than", "range", "at_least", "hidden", "missing")
# What counts as "a figure for the unit" in "N of M have a figure".
WITH_FIGURE: frozenset[str] = frozenset({"exact", "estimate", "greater_than", "range", "hidden"})
# Why a figure is missing.
NO_SOURCE = "no_source"
NOT_ADDITIVE = "not_additive"

YEAR_COLUMNS: list[str] = [*indicators.OUTPUT_COLUMNS, "as_of"]


@dataclass(frozen=True)
class Figure:
    """One number (or its bounds) with everything needed to trust it.

    ``value`` is the figure for ``exact`` and ``estimate`` (and the known part of an ``at_least``
    sum); ``value_min``/``value_max`` are the bounds a source gives. ``source`` is the data cell's
    form: source ids separated by "; ".
    """

    indicator: str
    value: float = math.nan
    value_min: float = math.nan
    value_max: float = math.nan
    qualifier: str = "missing"
    status: str = ""
    source: str = ""
    note: str = ""
    year: int = 0  # the view's year
    as_of: int = 0  # the year the figure describes (a stock's latest figure up to ``year``)
    missing_reason: str = ""
    units_with_data: int = 0  # for a sum over units: how many units it covers
    units_total: int = 0

    @property
    def unit(self) -> str:
        return vocab.INDICATOR_UNITS.get(self.indicator, "")

    @property
    def has_figure(self) -> bool:
        """Whether the unit has a figure ("with a figure" counts): a partial sum has not."""
        return self.qualifier in WITH_FIGURE

    @property
    def known(self) -> bool:
        """Whether there is anything to print (a partial sum prints as "≥ …")."""
        return self.qualifier != "missing"

    @property
    def low(self) -> float:
        """The smallest the true figure can be (NaN when unknown or hidden)."""
        if self.qualifier in ("exact", "estimate", "at_least"):
            return self.value
        if self.qualifier in ("greater_than", "range"):
            return self.value_min
        return math.nan

    @property
    def high(self) -> float:
        """The largest the true figure can be (inf when unbounded, NaN when unknown or hidden)."""
        if self.qualifier in ("exact", "estimate"):
            return self.value
        if self.qualifier == "range":
            return self.value_max if not math.isnan(self.value_max) else math.inf
        if self.qualifier == "greater_than":
            return 100.0 if self.unit == "%" and self.value_max >= 100 else math.inf
        if self.qualifier == "at_least":
            return math.inf
        return math.nan

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.strip() for s in self.source.split(";") if s.strip()))

    @property
    def carried(self) -> bool:
        """Whether the figure is from an earlier year than the view (a stock carried forward)."""
        return bool(self.as_of) and self.as_of != self.year


def qualifier_of(value: float, value_min: float, value_max: float, status: str) -> str:
    """What a stored or computed row is: a value, a source's bound, a partial sum, hidden, missing."""
    if status == vocab.SUPPRESSED:
        return "hidden"
    if not math.isnan(value):
        return {"incomplete": "at_least", "estimated": "estimate"}.get(status, "exact")
    if not math.isnan(value_min):
        return "greater_than" if math.isnan(value_max) or value_max >= 100 else "range"
    if not math.isnan(value_max):
        return "range"
    return "missing"


def _float(x: object) -> float:
    return float(x) if x is not None and not pd.isna(x) else math.nan  # type: ignore[arg-type]


def from_row(row: dict, year: int) -> Figure:
    """The figure of one row of ``table``'s result, in the view of ``year``."""
    value, vmin, vmax = _float(row["value"]), _float(row["value_min"]), _float(row["value_max"])
    status = str(row["status"] or "")
    as_of = int(row["as_of"]) if "as_of" in row and not pd.isna(row["as_of"]) else int(row["year"])
    return Figure(str(row["indicator"]), value, vmin, vmax, qualifier_of(value, vmin, vmax, status), status,
                  str(row["source"] or ""), str(row["note"] or ""), year, as_of)


def missing(indicator: str, year: int, reason: str = NO_SOURCE) -> Figure:
    return Figure(indicator, year=year, as_of=year, missing_reason=reason)


# --- The year table: one year's figures with stocks carried forward and sites summed -------------


def known_from(sites: pd.DataFrame) -> pd.Series:
    """The first year each site belongs to: the year it opened, or 2023 for a site whose opening
    date no source gives (the sources describe it then)."""
    opened = sites["opened"].fillna("").astype(str).str[:4]
    return opened.where(opened.str.fullmatch(r"\d{4}"), str(UNDATED_SITES_FROM)).astype(int)


def sites_open(sites: pd.DataFrame, year: int) -> pd.DataFrame:
    """Sites operating in ``year``: status operating and opened by then (undated: from 2023)."""
    return sites[(sites["status"] == "operating") & (known_from(sites) <= year)]


def sites_in_year(sites: pd.DataFrame, year: int) -> pd.DataFrame:
    """Sites that belong to a view of ``year``: those open by then, and those planned or being
    built when the sources describe them (undated plans: from 2023), never a later opening."""
    return sites[known_from(sites) <= year]


def _site_sums(sites: pd.DataFrame, units: pd.Series, year: int) -> pd.DataFrame:
    """Per (unit, target group, service, indicator): the sum over the sites open by ``year``.

    ``units`` is each site's unit in the view's vintage (``facilities.units_of``). A site offering
    several services or groups does not say how its places split: it makes the sum of each of them
    "at least" (incomplete) without adding to it, as does a site with no figure.
    """
    open_sites = sites_open(sites, year)
    if open_sites.empty:
        return pd.DataFrame()
    records: list[dict] = []
    for r, unit, first in zip(open_sites.to_dict("records"), units[open_sites.index], known_from(open_sites)):
        services = [s for s in str(r["services"]).split(";") if s and s != "institutional_care"]
        groups = [g for g in str(r["target_groups"]).split(";") if g]
        single = len(services) == 1 and len(groups) == 1
        for indicator, column in SITE_COLUMNS.items():
            value = _float(r[column])
            for service in services:
                for group in groups:
                    records.append({"atvk": unit, "target_group": group, "service": service,
                                    "indicator": indicator, "value": value if single else math.nan,
                                    "source": r["source"], "since": first})
    if not records:
        return pd.DataFrame()
    parts = pd.DataFrame.from_records(records)
    parts = parts[parts["atvk"] != ""]
    out = []
    for key, group in parts.groupby(["atvk", "target_group", "service", "indicator"], sort=True):
        known = group["value"].notna()
        if not known.any():
            continue
        complete = bool(known.all())
        out.append({
            "atvk": key[0], "target_group": key[1], "service": key[2], "indicator": key[3],
            "value": float(group.loc[known, "value"].sum()), "value_min": math.nan, "value_max": math.nan,
            "status": "derived" if complete else "incomplete",
            "source": "; ".join(dict.fromkeys(group["source"])),
            "as_of": int(group["since"].max()),  # the sum stands as it is since the last site opened
            "note": f"sum of {len(group)} sites open by {year}" if complete else
                    f"sum of {int(known.sum())} of {len(group)} sites open by {year}; the others give no figure",
        })
    return pd.DataFrame.from_records(out)


def as_of_rows(obs: pd.DataFrame, year: int) -> pd.DataFrame:
    """Flows of ``year`` and each stock's latest row up to ``year``, with the year each describes."""
    flows = obs[(obs["year"] == year) & ~obs["indicator"].isin(STOCK_INDICATORS)]
    stocks = obs[(obs["year"] <= year) & obs["indicator"].isin(STOCK_INDICATORS)]
    stocks = stocks.sort_values("year", kind="stable").drop_duplicates(
        ["atvk", "target_group", "service", "indicator"], keep="last")
    out = pd.concat([flows, stocks], ignore_index=True)
    out["as_of"] = out["year"].astype(int)
    out["year"] = year
    return out


def _with_sites(rows: pd.DataFrame, sums: pd.DataFrame, vintage: str, year: int) -> pd.DataFrame:
    """``rows`` plus site sums for units without a figure of their own; a complete site sum also
    replaces a unit's own partial sum (an exact figure beats a lower bound)."""
    if sums.empty:
        return rows
    key = ["atvk", "target_group", "service", "indicator"]
    own = rows.set_index(key)
    take = []
    for r in sums.to_dict("records"):
        k = tuple(r[c] for c in key)
        if k in own.index:
            mine = own.loc[[k]].iloc[0]
            replaceable = mine["status"] == "incomplete" and r["status"] == "derived" and r["value"] >= mine["value"]
            if not replaceable:
                continue
        take.append(r)
    if not take:
        return rows
    added = pd.DataFrame.from_records(take)
    drop = set(map(tuple, added[key].itertuples(index=False)))
    rows = rows[[tuple(r) not in drop for r in rows[key].itertuples(index=False)]]
    added = added.assign(year=year, vintage=vintage, unit=added["indicator"].map(vocab.INDICATOR_UNITS))
    return pd.concat([rows, added[[c for c in rows.columns if c in added.columns]]], ignore_index=True)


# Computed indicators and the stored inputs they are made of (for their "as of" year).
_INPUTS: dict[str, tuple[str, ...]] = {
    "occupancy_rate": ("occupied_places", "places"),
    "share_served": ("persons_served", "persons_assessed"),
    "shortfall": ("persons_assessed", "places", "persons_served"),
    "shortfall_pct": ("persons_assessed", "places", "persons_served"),
    "places_per_10k": ("places",),
    "served_per_10k": ("persons_served",),
}


def table(dataset: Dataset, vintage: str, years: list[int] | None = None) -> pd.DataFrame:
    """Every figure of every year view in ``vintage`` (``year`` is the view's year, ``as_of`` the
    year a figure describes): the one table the pages, downloads, briefing and CLI read.

    For each year, stocks carry forward, sites fill units without a figure, and the computed
    indicators (occupancy, share served, shortfall, rates) are computed from those same figures,
    so that a ratio and its parts agree. A figure of its own year has ``as_of == year`` (what a
    time series shows).
    """
    obs = reaggregate.for_vintage(dataset.observations, vintage)
    years = sorted(int(y) for y in obs["year"].unique()) if years is None else years
    if obs.empty or not years:
        return pd.DataFrame(columns=YEAR_COLUMNS)
    site_units = facilities.units_of(dataset.facilities, vintage)
    rows = pd.concat([_with_sites(as_of_rows(obs, y), _site_sums(dataset.facilities, site_units, y), vintage, y)
                      for y in years], ignore_index=True)
    key = ["year", "atvk", "target_group", "service", "indicator"]
    as_of = dict(zip(map(tuple, rows[key].itertuples(index=False)), rows["as_of"]))
    out = indicators.from_observations(rows.drop(columns="as_of"), dataset.population, vintage)
    years_of = []
    for year, atvk, group, service, indicator in out[key].itertuples(index=False):
        own = as_of.get((year, atvk, group, service, indicator))
        if own is None or indicator in _INPUTS:
            inputs = [as_of.get((year, atvk, group, service, i)) for i in _INPUTS.get(indicator, ())]
            found = [y for y in inputs if y is not None]
            own = min(found) if found else (own if own is not None else year)
        years_of.append(int(own))
    out["as_of"] = years_of
    return out[YEAR_COLUMNS]


def of_year(full: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of one year view from ``table``'s result."""
    return full[full["year"] == year]


def own_year(full: pd.DataFrame) -> pd.DataFrame:
    """Each figure in the year it describes (no stock carried forward): for time series."""
    return full[full["as_of"] == full["year"]]


# --- A view: one figure per unit, the region's figure, and the count of units with a figure ------


@dataclass(frozen=True)
class View:
    """The figures of one view: every unit of the vintage (in boundary order) and the region."""

    year: int
    vintage: str
    target_group: str
    service: str
    indicator: str
    units: dict[str, Figure]
    region: Figure
    region_reported: bool  # the region's figure is a source's own, not a sum over units

    @property
    def with_figure(self) -> int:
        """How many units have a figure (partial sums and missing ones do not count)."""
        return sum(1 for f in self.units.values() if f.has_figure)

    @property
    def partial(self) -> int:
        return sum(1 for f in self.units.values() if f.qualifier == "at_least")

    @property
    def total(self) -> int:
        return len(self.units)

    def figures(self) -> list[Figure]:
        return list(self.units.values())


def region_sum(units: dict[str, Figure], indicator: str, year: int) -> Figure:
    """The region's figure as the sum over its units: exact only when every unit has an exact (or
    estimated) figure; else "at least" the known part, saying how many units it covers."""
    if indicator not in vocab.ADDITIVE_INDICATORS:
        return missing(indicator, year, NOT_ADDITIVE)
    values = [f for f in units.values() if f.qualifier in ("exact", "estimate", "at_least")]
    if not values:
        return missing(indicator, year)
    complete = all(f.qualifier in ("exact", "estimate") for f in units.values())
    statuses = [f.status for f in values]
    status = vocab.computed_status(statuses) if complete else "incomplete"
    qualifier = ("estimate" if status == "estimated" else "exact") if complete else "at_least"
    source = "; ".join(dict.fromkeys(s for f in values for s in f.sources))
    exact_units = sum(1 for f in values if f.qualifier in ("exact", "estimate"))
    return Figure(indicator, float(sum(f.value for f in values)), qualifier=qualifier, status=status, source=source,
                  # The sum stands as of its newest part (older parts are still the latest known).
                  note="sum of municipalities", year=year, as_of=max(f.as_of for f in values),
                  units_with_data=exact_units, units_total=len(units))


def view(table: pd.DataFrame, vintage: str, year: int, target_group: str, service: str, indicator: str) -> View:
    """The figures of one view from the rows of its year (``of_year(table(...), year)``)."""
    rows = table[(table["target_group"] == target_group) & (table["service"] == service)
                 & (table["indicator"] == indicator)]
    by_atvk = {r["atvk"]: r for r in rows.to_dict("records")}
    units = {atvk: (from_row(by_atvk[atvk], year) if atvk in by_atvk else missing(indicator, year))
             for atvk in boundaries.units(vintage)}
    own = by_atvk.get(REGION_CODE)
    summed = region_sum(units, indicator, year)
    region = from_row(own, year) if own is not None else summed
    # A source's own regional figure from an earlier year gives way to the units' sum once that sum
    # alone is larger: the older figure would be contradicted by what the units have since reported.
    reported = own is not None and not (region.carried and summed.known and summed.low > region.high)
    if reported:
        region = _with_counts(region, sum(1 for f in units.values() if f.has_figure), len(units))
    else:
        region = summed
    return View(year, vintage, target_group, service, indicator, units, region, reported)


def _with_counts(fig: Figure, n_with: int, n_total: int) -> Figure:
    return replace(fig, units_with_data=n_with, units_total=n_total)


# --- Honest statistics over units ------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Mean, minimum and maximum over units, each as an interval [low, high] that the units'
    bounds allow (equal ends: an exact statistic). ``used`` units take part; ``left_out`` have no
    figure, or a hidden one."""

    mean_low: float
    mean_high: float
    min_low: float
    min_high: float
    max_low: float
    max_high: float
    used: int
    left_out: int

    @property
    def exact(self) -> bool:
        return self.mean_low == self.mean_high and self.max_low == self.max_high and self.min_low == self.min_high


def spread(figures: list[Figure]) -> Spread | None:
    """The mean, minimum and maximum of ``figures``, honouring bounds.

    Formula: mean = Σ figure ÷ n over the n units with a value or bounds; with bounds the mean lies
    in [Σ low ÷ n, Σ high ÷ n] (high = ∞ for an open bound such as ">50 %" on a count; 100 for a
    share). Min lies in [min low, min high], max in [max low, max high]. Units without a figure,
    hidden ones and partial sums ("at least") of other units' parts are left out and counted.
    Unit: the indicator's unit. ``None`` when no unit has a figure.
    """
    usable = [f for f in figures if f.qualifier in ("exact", "estimate", "greater_than", "range")]
    if not usable:
        return None
    lows = [f.low for f in usable]
    highs = [f.high for f in usable]
    n = len(usable)
    return Spread(sum(lows) / n, sum(highs) / n, min(lows), min(highs), max(lows), max(highs), n,
                  len(figures) - n)
