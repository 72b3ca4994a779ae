"""What if: add or remove places and see coverage, occupancy, shortfall and running cost change.

A scenario is a list of place changes, one per municipality × target group × service, kept in the
URL as ``"<atvk>.<target_group>.<service>:<±places>"`` (comma separated, see
``PATTERN``). Nothing here writes to the data: every function takes the
indicator table and returns a new frame.

Scenario values are hypothetical. Their status is ``illustrative`` (the contract's status for
"never a real figure"), except where the value is a lower bound because today's figure is not
fully known: then it is ``incomplete`` and shown with "≥", because that bound is what a reader
must not miss. Today's values keep the status of their inputs, as everywhere else in the app.

Formulas (``latgale_di.analysis.metrics``), for today and the scenario alike, with the scenario's places:

* places = today's places + change, never below 0 (places of the latest year up to the chosen one);
* occupancy_rate = occupied_places / places × 100 (%), only when occupied places are of the same
  year as the places (as on the occupancy page); the people in the places stay the same;
* shortfall = max(0, persons_assessed − supply) (persons); supply = places when known, else
  persons served + added places (assuming each added place serves one assessed person);
* places_per_10k = places / population × 10 000 (per 10,000 residents).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from latgale_di.analysis import metrics
from latgale_di.analysis.figures import of_year
from latgale_di.analysis.investment import DAYS_PER_YEAR, RateChoice
from latgale_di.analysis.investment import running_cost as _running_cost
from latgale_di.core import vocab
from latgale_di.ingest import citations
from latgale_di.territory.population import Denominators

MAX_CHANGE = 9999  # the URL pattern allows at most four digits per change
MAX_TEXT = 2000  # longer scenario strings are dropped by ViewState.from_params
SHOWN_INDICATORS: tuple[str, ...] = ("places", "occupancy_rate", "shortfall", "places_per_10k")
SCENARIO_STATUS = "illustrative"
COLUMNS: list[str] = [
    "atvk", "target_group", "service", "indicator", "unit", "change", "today", "scenario", "difference",
    "today_status", "status", "basis", "places_year", "source",
]

_PART = re.compile(r"^(\d{7})\.([a-z_]+)\.([a-z_]+):([+-]?\d{1,4})$")
# The whole URL value: one or more parts, comma separated (ViewState.from_params checks it).
PATTERN = re.compile(r"^(\d{7}\.[a-z_]+\.[a-z_]+:[+-]?\d{1,4})(,\d{7}\.[a-z_]+\.[a-z_]+:[+-]?\d{1,4})*$")

# The page's words are in the interface catalogs (latgale_di/locale/*/LC_MESSAGES/messages.po), keys sc_*.


@dataclass(frozen=True)
class Change:
    """Places added (positive) or removed (negative) for one municipality, target group and service."""

    atvk: str
    target_group: str
    service: str
    places: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.atvk, self.target_group, self.service)

    def encode(self) -> str:
        # No "+" for added places: in a query string "+" reads as a space, which would break a
        # link typed or pasted without percent-encoding.
        return f"{self.atvk}.{self.target_group}.{self.service}:{self.places:d}"


def combine(changes: Iterable[Change]) -> list[Change]:
    """Sum changes with the same key, drop those that sum to 0; keys keep their first position."""
    totals: dict[tuple[str, str, str], int] = {}
    for c in changes:
        totals[c.key] = totals.get(c.key, 0) + int(c.places)
    out = [Change(*key, places) for key, places in totals.items() if places != 0]
    too_big = [c for c in out if abs(c.places) > MAX_CHANGE]
    if too_big:
        raise ValueError(f"a change can be at most ±{MAX_CHANGE} places: {too_big[0].encode()}")
    return out


def parse(text: str) -> list[Change]:
    """The changes of a scenario string; "" is an empty scenario.

    Raises ``ValueError`` naming the part that is not ``<7-digit ATVK>.<target group>.<service>:<±places>``
    or that uses an unknown target group or service code.
    """
    text = (text or "").strip()
    if not text:
        return []
    changes = []
    for i, part in enumerate(text.split(","), start=1):
        match = _PART.match(part.strip())
        if match is None:
            raise ValueError(f"part {i} '{part}' is not <7-digit ATVK>.<target group>.<service>:<±places>")
        atvk, group, service, places = match.groups()
        if group not in vocab.TARGET_GROUPS:
            raise ValueError(f"part {i} '{part}': unknown target group '{group}' "
                             f"(one of {', '.join(vocab.TARGET_GROUPS)})")
        if service not in vocab.SERVICES:
            raise ValueError(f"part {i} '{part}': unknown service '{service}' (one of {', '.join(vocab.SERVICES)})")
        changes.append(Change(atvk, group, service, int(places)))
    return combine(changes)


@dataclass(frozen=True)
class Reading:
    """A scenario as read from the address: the changes for this boundary set, those for units of
    the other set, and why the text could not be read (or "")."""

    changes: list[Change]
    elsewhere: list[Change]
    problem: str = ""

    @property
    def all_changes(self) -> list[Change]:
        return [*self.changes, *self.elsewhere]


def read(text: str, atvks: Iterable[str]) -> Reading:
    """``parse`` for a page: unreadable text gives no changes and says why, instead of raising."""
    try:
        changes = parse(text)
    except ValueError as error:
        return Reading([], [], str(error))
    elsewhere = foreign(changes, atvks)
    return Reading([c for c in changes if c not in elsewhere], elsewhere)


def encode(changes: Iterable[Change]) -> str:
    """The scenario string of ``changes`` (combined first), accepted by ``parse`` and the URL pattern.

    Raises ``ValueError`` when the result would be too long for a link (over 2000 characters).
    """
    text = ",".join(c.encode() for c in combine(changes))
    if len(text) > MAX_TEXT or (text and not PATTERN.match(text)):
        raise ValueError(f"the scenario is too long for a link ({len(text)} characters, at most {MAX_TEXT})")
    return text


def foreign(changes: Iterable[Change], atvks: Iterable[str]) -> list[Change]:
    """The changes whose municipality is not one of ``atvks`` (e.g. a code of the other vintage)."""
    known = set(atvks)
    return [c for c in changes if c.atvk not in known]


@dataclass(frozen=True)
class _Input:
    value: float = math.nan
    status: str = ""
    source: str = ""
    year: int | None = None

    @property
    def known(self) -> bool:
        return not math.isnan(self.value)

    @property
    def exact(self) -> bool:
        """Known and not a lower bound: usable in ratios and differences."""
        return self.known and self.status != "incomplete"


def _inputs(rows: pd.DataFrame, key: tuple[str, str, str]) -> dict[str, _Input]:
    atvk, group, service = key
    mine = rows[(rows["atvk"] == atvk) & (rows["target_group"] == group) & (rows["service"] == service)]
    out = {}
    for r in mine.itertuples(index=False):
        value = float(r.value) if pd.notna(r.value) else math.nan
        out[r.indicator] = _Input(value, str(r.status), str(r.source), int(getattr(r, "as_of", r.year)))
    return out


def _sources(*inputs: _Input | None) -> str:
    return "; ".join(dict.fromkeys(s for i in inputs if i for s in citations.ids(i.source)))


def _places(base: _Input, change: int) -> tuple[float, str, str]:
    """Scenario places, their status and the basis code.

    An unknown base is never taken as 0: adding c places gives "≥ c" (incomplete); removing
    places from an unknown base gives no figure.
    """
    if not base.known:
        return (float(change), "incomplete", "unknown_base") if change > 0 else (math.nan, "incomplete",
                                                                                 "unknown_base")
    value = max(0.0, base.value + change)
    return (value, "incomplete", "lower_bound") if base.status == "incomplete" else (value, SCENARIO_STATUS, "known")


def _occupancy(occupied: _Input, places: float, places_in: _Input, exact: bool) -> float:
    """occupied / places × 100 (%), only from exact counts of the same year."""
    if not (exact and occupied.exact and occupied.year == places_in.year):
        return math.nan
    return float(metrics.occupancy_rate(occupied.value, places))


def _shortfall(assessed: _Input, supply: float, supply_exact: bool) -> float:
    """max(0, persons assessed − supply) (persons), only from exact figures."""
    if not (assessed.exact and supply_exact) or math.isnan(supply):
        return math.nan
    return float(metrics.shortfall(assessed.value, supply))


def apply(table: pd.DataFrame, changes: Iterable[Change], year: int,
          denominators: Denominators | None = None) -> pd.DataFrame:
    """Today and the scenario side by side: one row per change × indicator (see ``SHOWN_INDICATORS``).

    ``table`` is the figure layer's table (``latgale_di.analysis.figures.table``); it is not modified.
    Today's figures are each unit's latest places up to ``year`` and the flows of ``year``
    (the year view), recomputed with the same formulas as the scenario, so the difference
    shows only the change. Columns: see ``COLUMNS``. ``difference`` = scenario − today, missing if
    either is missing or a lower bound (a difference of lower bounds can be wrong either way).
    ``status`` is the scenario value's: ``illustrative``, or ``incomplete`` for a lower bound.
    ``basis`` says how scenario places were found (``known``, ``lower_bound``, ``unknown_base``),
    or ``served`` where the shortfall's supply is persons served + added places. Population for
    ``places_per_10k`` comes from ``denominators`` (none given → missing).
    """
    rows = of_year(table, year)
    out = []
    for change in combine(changes):
        pop = denominators.get(change.atvk, year) if denominators is not None else None
        pop_in = _Input(pop.value, pop.status, pop.source) if pop else _Input()
        out.extend(_compare(change, _inputs(rows, change.key), pop_in))
    return pd.DataFrame(out, columns=COLUMNS)


def _row(change: Change, base: _Input, indicator: str, today: float, today_status: str, scenario: float,
         status: str, basis: str, *inputs: _Input | None) -> dict[str, object]:
    lower_bound = "incomplete" in (today_status, status)
    return {
        "atvk": change.atvk, "target_group": change.target_group, "service": change.service,
        "indicator": indicator, "unit": vocab.INDICATOR_UNITS[indicator], "change": change.places, "today": today,
        "scenario": scenario,
        "difference": math.nan if lower_bound else scenario - today,
        "today_status": today_status if not math.isnan(today) else "",
        "status": status if not math.isnan(scenario) else "", "basis": basis,
        "places_year": base.year, "source": _sources(*inputs),
    }


def _compare(change: Change, got: dict[str, _Input], pop: _Input) -> list[dict[str, object]]:
    """The rows of one change: places, occupancy, shortfall and places per 10 000, today and after."""
    base, occupied = got.get("places", _Input()), got.get("occupied_places", _Input())
    assessed, served = got.get("persons_assessed", _Input()), got.get("persons_served", _Input())
    stated = got.get("occupancy_rate", _Input())
    new_places, new_status, basis = _places(base, change.places)
    new_exact = new_status != "incomplete" and not math.isnan(new_places)
    out = [_row(change, base, "places", base.value, base.status, new_places, new_status, basis, base)]

    # The people in the places stay the same; only the number of places changes.
    today_occ = _occupancy(occupied, base.value, base, base.exact)
    today_occ_status = vocab.computed_status([occupied.status, base.status])
    if math.isnan(today_occ) and stated.exact:  # a rate the source states without the counts
        today_occ, today_occ_status = stated.value, stated.status
    out.append(_row(change, base, "occupancy_rate", today_occ, today_occ_status,
                    _occupancy(occupied, new_places, base, new_exact), SCENARIO_STATUS, basis,
                    occupied, base, stated if stated.known else None))

    # Supply is places when known (as in latgale_di.analysis.indicators), else persons served; with
    # unknown places, added places are assumed to serve as many more assessed persons.
    if base.known:
        today_gap = _shortfall(assessed, base.value, base.exact)
        new_gap, gap_basis, supply = _shortfall(assessed, new_places, new_exact), basis, base
    else:
        today_gap = _shortfall(assessed, served.value, served.exact)
        new_gap = _shortfall(assessed, served.value + change.places, served.exact and change.places > 0)
        gap_basis, supply = ("served" if not math.isnan(new_gap) else basis), served
    out.append(_row(change, base, "shortfall", today_gap, vocab.computed_status([assessed.status, supply.status]),
                    new_gap, SCENARIO_STATUS, gap_basis, assessed, supply))

    # A rate per resident of a lower bound is still a lower bound, so it is kept (incomplete).
    out.append(_row(change, base, "places_per_10k", float(metrics.per_10k(base.value, pop.value)),
                    vocab.computed_status([base.status, pop.status]), float(metrics.per_10k(new_places, pop.value)),
                    new_status, basis, base, pop))
    return out


def running_cost(places_delta: float, eur_per_day: float, days: int = DAYS_PER_YEAR) -> float:
    """Yearly running cost of a change in places.

    Formula: ``places_delta × eur_per_day × days`` (days = 365). Unit: EUR per year; negative
    for removed places (a saving). Missing change or rate → missing. The day rate is a cost per
    person per day, so this assumes every place is filled all year.
    """
    return _running_cost(places_delta, eur_per_day, days)


def places_delta(result: pd.DataFrame) -> dict[str, float]:
    """Change in places per service that running costs can be computed from (``apply`` output).

    Where today's places are known this is scenario − today (removing more places than exist
    removes only those); where they are unknown, added places are exactly the change, but how many
    can be removed is not known (missing, and so is the service's sum). Unit: places.
    """
    out: dict[str, float] = {}
    for r in result[result["indicator"] == "places"].itertuples(index=False):
        if r.basis == "known":
            delta = float(r.scenario - r.today)
        elif r.change > 0 or (r.basis == "lower_bound" and r.today + r.change >= 0):
            delta = float(r.change)  # added places, or fewer removed than the known lower bound
        else:
            delta = math.nan
        out[r.service] = out.get(r.service, 0.0) + delta
    return out


def costs(result: pd.DataFrame, rates: Mapping[str, RateChoice]) -> pd.DataFrame:
    """Per service: change in places, day rate (EUR/day), its origin and the yearly cost (EUR/year)."""
    deltas = places_delta(result)
    rows = []
    for service, delta in deltas.items():
        rate = rates.get(service, RateChoice(math.nan, "none"))
        rows.append({"service": service, "places_delta": delta, "eur_per_day": rate.value, "origin": rate.origin,
                     "source": rate.source, "cost": running_cost(delta, rate.value)})
    return pd.DataFrame(rows, columns=["service", "places_delta", "eur_per_day", "origin", "source", "cost"])


def total_cost(cost_rows: pd.DataFrame) -> float:
    """Sum of the yearly costs (EUR/year); missing if any service's cost is missing or there are none."""
    if cost_rows.empty or cost_rows["cost"].isna().any():
        return math.nan
    return float(cost_rows["cost"].sum())
