"""Is deinstitutionalisation happening? Progress against the DI plan, and the move from
institutions to community-based care.

Three questions, each answered only from figures the sources give (``latgale_di.analysis.figures``):

* **Progress against the plan**: for each DI target (persons to receive community-based services;
  places to create, by service), the target, the latest figure with its year and status, the
  share reached, and the direction since the previous figure, judged good or bad by the
  indicator's polarity. Cumulative figures ("since 2015") stay cumulative.
* **The transition**: institutional care (places, residents; children in care institutions)
  against community-based care (places, persons served) over the years, per target group.
* **After the project**: what running the created places costs a year, where a day rate is known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from latgale_di.analysis import figures, investment
from latgale_di.analysis.figures import Figure
from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.core import vocab
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

# More of it is better (+1), worse (−1): the indicators' own polarity judges a direction of change.
POLARITY: dict[str, int] = vocab.POLARITY
# Institutional care is what DI moves people out of: fewer places and residents there is better.
INSTITUTIONAL_POLARITY = -1
DI_PROJECT_END = 2023  # the ESF project 9.2.2.1/15/I/005 ran 2015–2023
PLAN_GROUPS: tuple[str, ...] = ("adults_grt", "children_ft")


@dataclass(frozen=True)
class Benchmark:
    """A published reference figure, with its whole source record."""

    value: float
    unit: str
    label_lv: str
    label_en: str
    publisher: str
    title: str
    date: str
    url: str

    def label(self, lang: str) -> str:
        return self.label_lv if lang == "lv" else self.label_en


# UNICEF, "Pathways to Better Protection" (press release of 18 January 2024).
_UNICEF = dict(publisher="UNICEF", date="2024-01-18",
               title="Nearly half a million children in Europe and Central Asia live in residential care facilities",
               url="https://www.unicef.org/press-releases/nearly-half-million-children-europe-and-central-asia-live-"
                   "residential-care")
CHILD_BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark(232.0, "per 100,000 children aged 0–17", "Eiropa un Centrālāzija (UNICEF)",
              "Europe and Central Asia (UNICEF)", **_UNICEF),
    Benchmark(105.0, "per 100,000 children aged 0–17", "Pasaulē (UNICEF)", "World (UNICEF)", **_UNICEF),
)


@dataclass(frozen=True)
class Progress:
    """One DI target and where the region (or a municipality) stands against it."""

    atvk: str
    target_group: str
    service: str
    measure: str  # the indicator that counts towards the target: persons_served or places
    target: Figure
    latest: Figure
    previous: Figure | None
    cumulative: bool  # the figure counts everyone since the project began, not one year

    @property
    def comparable(self) -> bool:
        """Whether the latest figure can be set against the target: a plan's own target (not a sum
        of project plans, whose places need not be the places opened) known exactly."""
        return self.measure == "persons_served" and self.target.qualifier in ("exact", "estimate")

    @property
    def share(self) -> float:
        """Share of the target reached. Formula: ``latest ÷ target × 100``; unit: %. A partial
        latest figure gives a lower bound (see ``share_is_lower_bound``); missing or not
        ``comparable`` → NaN."""
        if not self.comparable or not self.latest.known or not self.target.value:
            return math.nan
        low = self.latest.low
        return low / self.target.value * 100 if not math.isnan(low) else math.nan

    @property
    def share_is_lower_bound(self) -> bool:
        return self.latest.qualifier in ("at_least", "greater_than")

    @property
    def change(self) -> float:
        """Latest − previous (same unit), only between two exact figures; else NaN."""
        if self.previous is None or self.latest.qualifier not in ("exact", "estimate") \
                or self.previous.qualifier not in ("exact", "estimate"):
            return math.nan
        return self.latest.value - self.previous.value

    @property
    def direction(self) -> str:
        """"up", "down", "same", or "" when there is no earlier figure to compare with."""
        change = self.change
        if math.isnan(change):
            return ""
        return "up" if change > 0 else ("down" if change < 0 else "same")

    @property
    def assessment(self) -> str:
        """"good", "bad" or "neutral" by the indicator's polarity; "" without a direction."""
        return judge(self.direction, POLARITY.get(self.measure, 0))


def judge(direction: str, polarity: int) -> str:
    """A direction of change judged by polarity: up is good where more is better."""
    if not direction:
        return ""
    if direction == "same" or polarity == 0:
        return "neutral"
    return "good" if (direction == "up") == (polarity > 0) else "bad"


def _is_cumulative(fig: Figure) -> bool:
    return "cumulative" in fig.note.lower() or "since" in fig.note.lower()


def _own_year_figures(own: pd.DataFrame, vintage: str, atvk: str, group: str, service: str,
                      indicator: str, up_to: int) -> list[Figure]:
    """The unit's (or region's) own figures of each year up to ``up_to``, oldest first (``own``:
    ``figures.own_year`` of the table)."""
    years = sorted(int(y) for y in own.loc[(own["indicator"] == indicator) & (own["target_group"] == group)
                                           & (own["service"] == service) & (own["year"] <= up_to), "year"].unique())
    out = []
    for year in years:
        view = figures.view(own[own["year"] == year], vintage, year, group, service, indicator)
        fig = view.region if atvk == REGION_CODE else view.units.get(atvk)
        if fig is not None and fig.known:
            out.append(fig)
    return out


def plan_progress(table: pd.DataFrame, vintage: str, year: int, atvk: str = REGION_CODE) -> list[Progress]:
    """Progress against each DI target for the region (or ``atvk``) as known in ``year``.

    Persons: the DI plan's target persons (``target_persons``) against persons served with any
    community-based service (cumulative since the project began). Places: for each community
    service, the places planned (the latest plan figure up to ``year``) against the places opened
    (``places`` as of ``year``).
    """
    out: list[Progress] = []
    current = figures.of_year(table, year)
    own = figures.own_year(table)  # once: each target looks through it
    for group in PLAN_GROUPS:
        view = figures.view(current, vintage, year, group, "any", "target_persons")
        target = view.region if atvk == REGION_CODE else view.units[atvk]
        if not target.known:
            continue
        served = _own_year_figures(own, vintage, atvk, group, "any", "persons_served", year)
        latest = served[-1] if served else figures.missing("persons_served", year)
        previous = served[-2] if len(served) > 1 else None
        out.append(Progress(atvk, group, "any", "persons_served", target, latest, previous,
                            _is_cumulative(latest) if served else False))
    for group in PLAN_GROUPS:
        for service in COMMUNITY_SERVICES:
            planned_view = figures.view(current, vintage, year, group, service, "planned_places")
            target = planned_view.region if atvk == REGION_CODE else planned_view.units[atvk]
            if not target.known or target.qualifier not in ("exact", "estimate", "at_least"):
                continue
            places = _own_year_figures(own, vintage, atvk, group, service, "places", year)
            opened_view = figures.view(current, vintage, year, group, service, "places")
            latest = opened_view.region if atvk == REGION_CODE else opened_view.units[atvk]
            previous = next((f for f in reversed(places) if f.as_of < latest.as_of), None) if latest.known else None
            out.append(Progress(atvk, group, service, "places", target, latest, previous, False))
    return out


# --- the transition ------------------------------------------------------------------------------

TRANSITION_SERIES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # target group: (series key, services, indicator, side) — side "institution" or "community"
    "adults_grt": (("institution_places", "institutional_care", "places", "institution"),
                   ("institution_residents", "institutional_care", "persons_served", "institution"),
                   ("community_places", "community", "places", "community"),
                   ("community_served", "any", "persons_served", "community")),
    "children_ft": (("community_places", "community", "places", "community"),
                    ("community_served", "any", "persons_served", "community")),
    "children_ooc": (("institution_residents", "institutional_care", "persons_served", "institution"),
                     ("community_places", "community", "places", "community")),
}


def transition(table: pd.DataFrame, vintage: str, target_group: str) -> pd.DataFrame:
    """Institutional against community-based care for one target group, year by year.

    Rows: year, series (see ``TRANSITION_SERIES``), side, value, qualifier, as_of, status, source,
    note. Each value is the region's own figure, or the sum over municipalities (an "at least"
    where some have none); places are as known in that year (``as_of`` says from the oldest part),
    persons of that year only; community places add up every community-based service. A year is a
    row only where some figure of that year was reported: a stock carried on is not a new point,
    and no figure is not zero.
    """
    # Stocks (places) as known in each year; flows (persons) of their own year only.
    own = figures.own_year(table)
    last = int(own["year"].max()) if not own.empty else 0
    rows = []
    for year in sorted(int(y) for y in table["year"].unique() if y <= last):
        carried = figures.of_year(table, year)
        for key, service, indicator, side in TRANSITION_SERIES.get(target_group, ()):
            current = carried if indicator in figures.STOCK_INDICATORS else carried[carried["as_of"] == year]
            services = COMMUNITY_SERVICES if service == "community" else (service,)
            reported = own[(own["year"] == year) & (own["target_group"] == target_group)
                           & (own["indicator"] == indicator) & own["service"].isin(services)]
            if reported.empty:
                continue  # nothing new that year: a stock carried on is not a new point
            if service == "community":
                parts = [figures.view(current, vintage, year, target_group, s, indicator).region
                         for s in COMMUNITY_SERVICES]
                parts = [p for p in parts if p.known and not math.isnan(p.value)]
                if not parts:
                    continue
                partial = any(p.qualifier == "at_least" for p in parts)
                fig = Figure(indicator, float(sum(p.value for p in parts)),
                             qualifier="at_least" if partial else "exact",
                             status="incomplete" if partial else "derived",
                             source="; ".join(dict.fromkeys(s for p in parts for s in p.sources)),
                             note="sum of community-based services", year=year, as_of=year)
            else:
                fig = figures.view(current, vintage, year, target_group, service, indicator).region
            if not fig.known or math.isnan(fig.low):
                continue
            rows.append({"year": year, "series": key, "side": side, "value": fig.low, "qualifier": fig.qualifier,
                         "as_of": fig.as_of, "status": fig.status, "source": fig.source, "note": fig.note})
    return pd.DataFrame(rows, columns=["year", "series", "side", "value", "qualifier", "as_of", "status", "source",
                                       "note"])


def per_100k_children(count: float, children_0_17: float) -> float:
    """Children in residential care per 100 000 children aged 0–17.

    Formula: ``count ÷ children aged 0–17 × 100 000``; unit: per 100 000 children. Missing or zero
    population → NaN.
    """
    if math.isnan(count) or not children_0_17 or math.isnan(children_0_17):
        return math.nan
    return count / children_0_17 * 100_000


def children_0_17(population: pd.DataFrame, year: int) -> tuple[float, str, str] | None:
    """The region's children aged 0–17 closest to the end of ``year`` (value, date, source), only
    where the population data have that age band for every unit at one date; else None."""
    band = population[population["age_group"].isin(["0-17", "0–17"])]
    if band.empty:
        return None
    units = set(boundaries.region_units("2009")) | set(boundaries.region_units("2021"))
    region = band[band["atvk"] == REGION_CODE]
    if region.empty:
        for (vintage, date), group in band[band["atvk"].isin(units)].groupby(["vintage", "reference_date"]):
            if set(group["atvk"]) >= set(boundaries.region_units(str(vintage))):
                region = pd.DataFrame([{"reference_date": date, "value": group["value"].sum(),
                                        "source": "; ".join(dict.fromkeys(group["source"]))}])
                break
    if region.empty:
        return None
    target = pd.Timestamp(year + 1, 1, 1)
    best = region.loc[(pd.to_datetime(region["reference_date"]) - target).abs().sort_values().index[0]]
    return float(best["value"]), str(best["reference_date"]), str(best["source"])


# --- after the project ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningCost:
    service: str
    places: Figure
    rate: investment.DayRate
    per_year: float  # EUR a year; a lower bound where places are


def running_costs(table: pd.DataFrame, observations: pd.DataFrame, vintage: str, year: int,
                  target_group: str = "adults_grt") -> list[RunningCost]:
    """What running the community places open in ``year`` costs a year, per service with a known
    day rate. Formula: ``places × EUR per day × 365``; unit: EUR a year. Only where both exist."""
    current = figures.of_year(table, year)
    out = []
    for service in COMMUNITY_SERVICES:
        rate = investment.day_rate_from_data(observations, service)
        places = figures.view(current, vintage, year, target_group, service, "places").region
        if rate is None or not places.known or math.isnan(places.value):
            continue
        out.append(RunningCost(service, places, rate, investment.running_cost(places.value, rate.value)))
    return out


def rows(plan: list[Progress]) -> pd.DataFrame:
    """What the download holds: one row per target, numbers as numbers, qualifiers said."""
    return pd.DataFrame({
        "atvk": [p.atvk for p in plan], "target_group": [p.target_group for p in plan],
        "service": [p.service for p in plan], "indicator": [p.measure for p in plan],
        "target": [p.target.value for p in plan], "target_qualifier": [p.target.qualifier for p in plan],
        "value": [p.latest.value for p in plan], "qualifier": [p.latest.qualifier for p in plan],
        "as_of": [p.latest.as_of if p.latest.known else None for p in plan],
        "share_pct": [p.share for p in plan],
        "direction": [p.direction for p in plan], "assessment": [p.assessment for p in plan],
        "cumulative": [p.cumulative for p in plan],
        "status": [p.latest.status for p in plan], "source": [p.latest.source or p.target.source for p in plan],
    })
