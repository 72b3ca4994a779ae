"""Population denominators: which resident count to divide by, and how sure it is.

A denominator series is one statistic and one age group: CSP usual residents (``csp_usual``, the
official statistic) and PMLP declared residents (``pmlp_declared``) differ by up to 10 % and are
never mixed, not across units and not across years. By default the series is CSP's when the table
has any CSP row, else the only statistic it has (``preferred_statistic``).

For figures of year *Y* the denominator is the population at the reference date closest to
1 January of *Y + 1* (the end of the year the figure describes). Units of the 2021 vintage with
no figure of their own get the sum of their 2009 components (``derived``; ``estimated`` where
Aglonas novads is apportioned by area share). The region's denominator is the sum of all its
units at one date, only if every unit has a figure at that date.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from latgale_di.territory import boundaries, reaggregate
from latgale_di.territory.boundaries import REGION_CODE

STATISTIC_PREFERENCE: tuple[str, ...] = ("csp_usual", "pmlp_declared", "unspecified")
# The age group whose count is the denominator of each target group's per-resident figures.
TARGET_AGE_GROUPS: dict[str, str] = {"children_ft": "0-17", "children_ooc": "0-17", "adults_grt": "18+"}
_STATISTIC_WORDS = {"csp_usual": "CSP usual residents", "pmlp_declared": "PMLP declared residents",
                    "unspecified": "residents (statistic not stated)"}
_AGE_WORDS = {"total": "all ages", "0-17": "children aged 0–17", "18+": "adults aged 18 and over"}


@dataclass(frozen=True)
class Denominator:
    value: float
    reference_date: str
    status: str
    source: str
    statistic: str = "unspecified"
    age_group: str = "total"

    def note(self) -> str:
        """What the denominator is, e.g. "CSP usual residents, all ages, on 2020-01-01"."""
        words = _STATISTIC_WORDS.get(self.statistic, self.statistic)
        return f"{words}, {_AGE_WORDS.get(self.age_group, self.age_group)}, on {self.reference_date}"


def statistics_of(population: pd.DataFrame) -> list[str]:
    """The statistics a population table holds (rows of a file without the column: "unspecified")."""
    return sorted(set(_statistic_column(population)))


def preferred_statistic(population: pd.DataFrame) -> str:
    """CSP usual residents when the table has any, else the first statistic it has."""
    held = statistics_of(population)
    return next((s for s in STATISTIC_PREFERENCE if s in held), held[0] if held else "csp_usual")


def _statistic_column(population: pd.DataFrame) -> pd.Series:
    if "statistic" not in population.columns:
        return pd.Series("unspecified", index=population.index)
    return population["statistic"].replace("", "unspecified")


def _one_series(population: pd.DataFrame, statistic: str, age_group: str) -> pd.DataFrame:
    return population[(_statistic_column(population) == statistic) & (population["age_group"] == age_group)]


def _as_observations(population: pd.DataFrame) -> pd.DataFrame:
    """Population rows shaped like observations, so re-aggregation applies unchanged."""
    pop = population
    return pd.DataFrame({
        "year": pop["reference_date"].str[:4].astype(int),
        "reference_date": pop["reference_date"],
        "atvk": pop["atvk"], "vintage": pop["vintage"], "target_group": "all", "service": "any",
        "indicator": "persons_served",  # any additive count; only the arithmetic matters here
        "value": pop["value"].astype(float), "unit": "persons", "status": pop["status"],
        "source": pop["source"], "note": pop.get("note", ""), "value_min": float("nan"), "value_max": float("nan"),
    })


def candidates(population: pd.DataFrame, vintage: str, statistic: str | None = None,
               age_group: str = "total") -> pd.DataFrame:
    """Every usable (atvk, reference_date, value, status, source) for ``vintage``, in one series."""
    statistic = statistic or preferred_statistic(population)
    obs = _as_observations(_one_series(population, statistic, age_group))
    own = obs[obs["vintage"] == vintage]
    parts = [own]
    if vintage == "2021":
        for date, at_date in obs[obs["vintage"] == "2009"].groupby("reference_date"):
            converted = reaggregate.to_2021(at_date.drop(columns="reference_date"))
            converted = converted[converted["status"] != "incomplete"].copy()
            converted["reference_date"] = date
            parts.append(converted)
    out = pd.concat(parts, ignore_index=True)[["atvk", "reference_date", "value", "status", "source"]]
    # A reported figure (listed first) wins over a re-aggregated one at the same date.
    return out[~out.duplicated(["atvk", "reference_date"], keep="first")].reset_index(drop=True)


def _pick(rows: pd.DataFrame, year: int, statistic: str, age_group: str) -> Denominator | None:
    if rows.empty:
        return None
    target = pd.Timestamp(year + 1, 1, 1)
    distance = (pd.to_datetime(rows["reference_date"]) - target).abs()
    best = rows.loc[distance.sort_values(kind="stable").index[0]]
    return Denominator(float(best["value"]), str(best["reference_date"]), str(best["status"]), str(best["source"]),
                       statistic, age_group)


@dataclass(frozen=True)
class Denominators:
    """Denominator look-up for one vintage, one statistic and one age group (build once, ask many times)."""

    table: pd.DataFrame
    vintage: str
    statistic: str = "unspecified"
    age_group: str = "total"

    def get(self, atvk: str, year: int) -> Denominator | None:
        if atvk == REGION_CODE:
            return self._region(year)
        return _pick(self.table[self.table["atvk"] == atvk], year, self.statistic, self.age_group)

    def _region(self, year: int) -> Denominator | None:
        region = set(boundaries.region_units(self.vintage))  # LPR is Latgale in either extent
        table = self.table[self.table["atvk"].isin(region)]
        complete = table.groupby("reference_date").filter(lambda g: g["atvk"].nunique() == len(region))
        if complete.empty:
            return None
        sums = complete.groupby("reference_date").agg(
            value=("value", "sum"),
            status=("status", lambda s: "estimated" if "estimated" in set(s) else "derived"),
            source=("source", lambda s: "; ".join(dict.fromkeys(i.strip() for f in s for i in f.split(";")))),
        ).reset_index()
        return _pick(sums, year, self.statistic, self.age_group)


def denominators(population: pd.DataFrame, vintage: str, statistic: str | None = None,
                 age_group: str = "total") -> Denominators:
    """Denominators of ``vintage`` from one series of a population table (``statistic`` × ``age_group``).

    ``statistic`` None means ``preferred_statistic``; the series never takes a row of another one.
    """
    statistic = statistic or preferred_statistic(population)
    return Denominators(candidates(population, vintage, statistic, age_group), vintage, statistic, age_group)


@dataclass(frozen=True)
class TargetDenominators:
    """Per target group: its own age group's series where the table has one, else all ages (said in the note)."""

    total: Denominators
    by_age: dict[str, Denominators]

    def get(self, atvk: str, year: int, target_group: str) -> tuple[Denominator | None, str]:
        """(denominator, note) for a figure of ``target_group``; the note says what it divides by."""
        age = TARGET_AGE_GROUPS.get(target_group)
        if age in self.by_age:
            found = self.by_age[age].get(atvk, year)
            if found is not None:
                return found, f"per 10 000 {found.note()}"
        found = self.total.get(atvk, year)
        if found is None:
            return None, ""
        missing = f"; no count of {_AGE_WORDS[age]} in the data, so all residents" if age else ""
        return found, f"per 10 000 {found.note()}{missing}"


def target_denominators(population: pd.DataFrame, vintage: str, statistic: str | None = None) -> TargetDenominators:
    """Denominators for every target group in one statistic: the age groups the table holds, and all ages."""
    statistic = statistic or preferred_statistic(population)
    held = set(population.loc[_statistic_column(population) == statistic, "age_group"])
    by_age = {age: denominators(population, vintage, statistic, age)
              for age in set(TARGET_AGE_GROUPS.values()) if age in held}
    return TargetDenominators(denominators(population, vintage, statistic), by_age)
