"""DI infrastructure and service funding by municipality, and what running the places costs.

Funding is the sum of the ``eur`` figures of a unit over all years (project totals or eligible
costs as each source states them; the notes say which). Per resident uses the latest population;
per place divides by the places known for the unit. Running cost is an estimate: places × day
rate × 365, with the day rate taken from the data (one real rate is known) or entered by the user.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from latgale_di import metrics
from latgale_di.boundaries import REGION_CODE
from latgale_di.overview import as_of
from latgale_di.population import Denominators

DAYS_PER_YEAR = 365

# The seed's own words on the money, where it gives no exact figure (seed 000, 30 June 2023).
STATEMENTS: tuple[dict[str, str], ...] = (
    {"source": "seed:000_823427077d47131e",
     "lv": "Kopējais plānotais finansējums DI infrastruktūras attīstīšanai ir vairāk nekā 11 milj. [EUR], no kuriem "
           "lielākā daļa ir apgūti.",
     "en": "Total planned funding for DI infrastructure is more than 11 million [EUR], most of it already spent."},
    {"source": "seed:000_823427077d47131e",
     "lv": "Bažas rada pašvaldību spēja uzturēt pakalpojumu spektru un izveidoto infrastruktūru bez valsts atbalsta, "
           "kā arī nodrošināt algas speciālistiem.",
     "en": "The worry is whether municipalities can keep the services and the new infrastructure running without "
           "state support, and pay the specialists."},
)


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
    note: str


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
    return DayRate(float(latest["value"]), str(latest["source"]), f"{latest['note']} ({int(latest['year'])})")


def funding_years(table: pd.DataFrame) -> tuple[int, int] | None:
    """First and last year with a municipal funding figure, or None when there is none."""
    years = table.loc[(table["indicator"] == "eur") & (table["atvk"] != REGION_CODE) & table["value"].notna(), "year"]
    return (int(years.min()), int(years.max())) if not years.empty else None


def by_municipality(table: pd.DataFrame, denominators: Denominators, year: int, service: str,
                    rate: DayRate | None) -> pd.DataFrame:
    """Funding, funding per resident and per place, and yearly running cost, per unit."""
    money = table[(table["indicator"] == "eur") & (table["atvk"] != REGION_CODE) & (table["year"] <= year)
                  & table["value"].notna()]
    places = as_of(table, year)
    places = places[(places["indicator"] == "places") & (places["atvk"] != REGION_CODE)
                    & (places["target_group"] != "all")]
    places_all = places.groupby("atvk")["value"].sum()
    places_service = places[places["service"] == service].groupby("atvk")["value"].sum()
    eur = money.groupby("atvk").agg(eur=("value", "sum"), projects=("note", lambda n: " | ".join(n)),
                                    source=("source", lambda s: "; ".join(dict.fromkeys(s))),
                                    status=("status", lambda s: "incomplete" if "incomplete" in set(s) else
                                            ("estimated" if "estimated" in set(s) else "reported")))
    atvks = sorted(set(eur.index) | set(places_all.index))
    out = pd.DataFrame(index=pd.Index(atvks, name="atvk"))
    out = out.join(eur)
    out["places"] = places_all
    out["service_places"] = places_service
    population = pd.Series({a: (d.value if (d := denominators.get(a, year)) else math.nan) for a in atvks})
    out["eur_per_resident"] = metrics.per_10k(out["eur"], population) / 10_000
    out["eur_per_place"] = out["eur"] / out["places"].where(out["places"] > 0)
    out["running_cost"] = [running_cost(p, rate.value if rate else math.nan) for p in out["service_places"]]
    return out.reset_index()
