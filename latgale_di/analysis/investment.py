"""DI infrastructure and service funding by municipality, and what running the places costs.

Funding is the sum of the ``eur`` figures of a unit up to the year (project totals or eligible
costs as each source states them; the notes say which). Per resident uses the population of the
year. Per place divides a project's budget by the places *that project plans* (the planned
places its own source gives): a budget and its places must be the same project at the same
stage, so a budget is never divided by the few places opened so far, nor by places of other
services. Only projects that give their planned places take part, and the page says how many of
the unit's projects that is; where none does, no per-place figure is shown and
``per_place_reason`` says why. Running cost is an estimate: the service's places as
the page shows them (as of the year) × day rate × 365, with the day rate from the data (one real
rate is known) or entered by the user.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from latgale_di.analysis import metrics
from latgale_di.analysis.figures import of_year, own_year
from latgale_di.core import vocab
from latgale_di.territory.boundaries import REGION_CODE
from latgale_di.territory.population import Denominators

DAYS_PER_YEAR = 365

def running_cost(places: float, eur_per_day: float, days: int = DAYS_PER_YEAR) -> float:
    """Yearly cost of running places.

    Formula: ``places × eur_per_day × days`` (days = 365). Unit: EUR per year. Missing places or
    rate → missing.
    """
    if places is None or eur_per_day is None or math.isnan(places) or math.isnan(eur_per_day):
        return math.nan
    return places * eur_per_day * days


@dataclass(frozen=True)
class DayRate:
    value: float
    source: str  # a source id, or "" when entered by the user
    note: str  # the source's note, as stored (``datanotes.note`` says it in the reader's language)
    year: int = 0  # the year the rate is of


@dataclass(frozen=True)
class RateChoice:
    """The day rate used for a service, and where it came from ("data", "user" or "none")."""

    value: float
    origin: str
    source: str = ""
    note: str = ""
    year: int = 0

    @property
    def day_rate(self) -> DayRate | None:
        return None if self.origin == "none" else DayRate(self.value, self.source, self.note, self.year)


def choose_rate(from_data: DayRate | None, entered: float | None) -> RateChoice:
    """The rate to use: the data's own if the user kept it, the user's if they entered another, else none."""
    if entered is None or (isinstance(entered, float) and math.isnan(entered)):
        return RateChoice(math.nan, "none")
    if from_data is not None and math.isclose(float(entered), from_data.value):
        return RateChoice(from_data.value, "data", from_data.source, from_data.note, from_data.year)
    return RateChoice(float(entered), "user")


def shown_service(service: str) -> str:
    """The service whose places and running cost the page shows: group apartments when every
    service is chosen (a day rate belongs to one service)."""
    return "group_apartments" if service == "any" else service


def day_rate_from_data(observations: pd.DataFrame, service: str) -> DayRate | None:
    """The most recent reported cost per person per day for ``service``, if the data have one.

    Read from the observations of any vintage: a day rate is a site's price, not a sum that the
    2021 reform could change.
    """
    table = observations
    rows = table[(table["indicator"] == "eur_per_day") & (table["service"] == service) & table["value"].notna()]
    if rows.empty:
        return None
    latest = rows.sort_values("year").iloc[-1]
    return DayRate(float(latest["value"]), str(latest["source"]), str(latest["note"]), int(latest["year"]))


def funding_years(table: pd.DataFrame) -> tuple[int, int] | None:
    """First and last year with a municipal funding figure, or None when there is none."""
    own = own_year(table)
    years = own.loc[(own["indicator"] == "eur") & (own["atvk"] != REGION_CODE) & own["value"].notna(), "year"]
    return (int(years.min()), int(years.max())) if not years.empty else None


def total_running_cost(rows: pd.DataFrame) -> float:
    """The region's yearly running cost of the shown places (EUR per year): the sum over units
    with a cost, NaN when none has one."""
    return float(rows["running_cost"].sum(min_count=1)) if not rows.empty else math.nan


def region_funding(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The region's own funding figures (ATVK ``LPR``) up to ``year``, each in its own year."""
    own = own_year(table)
    return own[(own["indicator"] == "eur") & (own["atvk"] == REGION_CODE) & (own["year"] <= year)]


# Why a unit has no funding per place.
NO_PLANNED_PLACES = "no_planned_places"  # a project's source gives no planned places
NO_FUNDING = "no_funding"


def _per_project(own: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each funded project of a unit up to ``year`` with the places the same source plans.

    A project is one ``eur`` figure; its planned places are the ``planned_places`` figures of the
    same unit that cite the same source (the project's own page), summed over services.
    """
    money = own[(own["indicator"] == "eur") & (own["atvk"] != REGION_CODE) & (own["year"] <= year)
                & own["value"].notna()]
    planned = own[(own["indicator"] == "planned_places") & (own["atvk"] != REGION_CODE) & (own["year"] <= year)
                  & own["value"].notna()]
    # A sum across the 2021 reform may be "incomplete" because other old units lack a figure; the
    # places that cite the project's own source are still all of that project's places.
    places_of = planned.groupby(["atvk", "source"])["value"].sum()
    out = money[["atvk", "year", "value", "status", "source", "note"]].rename(columns={"value": "eur"}).copy()
    out["planned_places"] = [places_of.get((a, src), math.nan) for a, src in zip(out["atvk"], out["source"])]
    return out


def by_municipality(table: pd.DataFrame, denominators: Denominators, year: int, service: str,
                    rate: DayRate | None) -> pd.DataFrame:
    """Funding, funding per resident and per planned place, and yearly running cost, per unit.

    Columns: ``eur`` (sum of the unit's project budgets up to ``year``), ``eur_per_resident``,
    ``planned_places`` (of the projects whose source gives them), ``eur_per_place`` = the budgets of
    those projects ÷ their planned places (``projects_with_places`` of ``projects_total``; missing
    when none gives them, ``per_place_reason``), ``service_places`` (the
    service's places as of ``year``, with ``places_year`` and ``places_status``), ``running_cost`` =
    service_places × day rate × 365 (EUR per year), ``status``, ``projects``, ``source``.
    """
    projects = _per_project(own_year(table), year)
    current = of_year(table, year)
    places = current[(current["indicator"] == "places") & (current["atvk"] != REGION_CODE)
                     & (current["service"] == service) & (current["target_group"] != "all") & current["value"].notna()]
    service_places = places.groupby("atvk").agg(service_places=("value", "sum"), places_year=("as_of", "max"),
                                                places_status=("status", lambda s: vocab.weakest_status(set(s))),
                                                places_source=("source", lambda s: "; ".join(dict.fromkeys(s))))
    projects["matched_eur"] = projects["eur"].where(projects["planned_places"] > 0)
    eur = projects.groupby("atvk").agg(
        eur=("eur", "sum"), planned_places=("planned_places", lambda p: p.sum(min_count=1)),
        matched_eur=("matched_eur", lambda e: e.sum(min_count=1)),
        projects_with_places=("planned_places", lambda p: int((p > 0).sum())), projects_total=("eur", "size"),
        projects=("note", lambda n: " | ".join(n)),
        source=("source", lambda s: "; ".join(dict.fromkeys(s))),
        status=("status", lambda s: vocab.weakest_status(set(s))))
    atvks = sorted(set(eur.index) | set(service_places.index))
    out = pd.DataFrame(index=pd.Index(atvks, name="atvk"))
    out = out.join(eur).join(service_places)
    population = pd.Series({a: (d.value if (d := denominators.get(a, year)) else math.nan) for a in atvks},
                           dtype=float)
    out["eur_per_resident"] = metrics.per_10k(out["eur"], population) / 10_000
    out["eur_per_place"] = out["matched_eur"] / out["planned_places"].where(out["planned_places"] > 0)
    out["per_place_reason"] = [
        "" if p == p else (NO_FUNDING if e != e else NO_PLANNED_PLACES)
        for e, p in zip(out["eur"], out["eur_per_place"])]
    out["running_cost"] = [running_cost(p, rate.value if rate else math.nan) for p in out["service_places"]]
    # A sum of some old units' places is a lower bound, and so is the cost of running them.
    out["places_qualifier"] = ["missing" if p != p else ("at_least" if s == "incomplete" else "exact")
                               for p, s in zip(out["service_places"], out["places_status"])]
    out["running_cost_qualifier"] = [q if c == c else "missing"
                                     for c, q in zip(out["running_cost"], out["places_qualifier"])]
    return out.reset_index()
