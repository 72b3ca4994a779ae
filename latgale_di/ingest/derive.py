"""Columns that follow from other columns, filled in for files as people write them.

A municipal social service keeps ``year, municipality, target_group, service, indicator, value,
source, status``: the boundary vintage follows from an ATVK code, from a name that exists in only
one set of boundaries, or from the year (before 2021 the 21 old units, after it the 9 new ones);
the unit follows from the indicator; a missing status is ``reported``. What is derived is said, so
the import preview can show it; an explicit column always wins and the contract checks it against
the rest of the row.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.core import vocab
from latgale_di.core.folding import fold
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

REFORM_YEAR = 2021  # units changed on 1 July 2021: a 2021 figure may be of either set
REGION_NAMES: frozenset[str] = frozenset({"lpr", "latgales planosanas regions", "latgales plānošanas reģions",
                                          "latgale planning region", "latgale"})


@dataclass
class Derived:
    table: pd.DataFrame
    filled: dict[str, int] = field(default_factory=dict)  # column → rows filled in
    ambiguous_rows: list[int] = field(default_factory=list)  # spreadsheet row numbers without a vintage


def _vintages_of(text: str) -> set[str]:
    from latgale_di.territory.names import UnknownMunicipality, match_atvk

    found: set[str] = set()
    for vintage in boundaries.VINTAGES:
        try:
            match_atvk(text, vintage)
        except (UnknownMunicipality, ValueError):
            continue
        found.add(vintage)
    return found


def is_region(text: object) -> bool:
    """Whether a municipality cell names the planning region itself ("LPR", any case, or its name)."""
    value = str(text).strip()
    return value.upper() == REGION_CODE or fold(value) in _folded_region_names()


@functools.cache
def _folded_region_names() -> frozenset[str]:
    return frozenset(fold(n) for n in REGION_NAMES)


def observations(df: pd.DataFrame) -> Derived:
    """``df`` (an observations table, headers normalised) with vintage, unit and status filled
    where the file has no such column; rows whose vintage cannot be told are listed."""
    out = df.copy(deep=False)  # columns are replaced, never changed in place (copy-on-write)
    filled: dict[str, int] = {}
    ambiguous: list[int] = []
    if "atvk" in out.columns:
        regions = pd.Series([is_region(v) for v in out["atvk"]], index=out.index, dtype=bool)
        if regions.any():
            out.loc[regions, "atvk"] = REGION_CODE
    if "vintage" not in out.columns and {"atvk", "year"} <= set(out.columns):
        cache: dict[str, set[str]] = {}
        vintages = []
        for i, (unit, year) in enumerate(zip(out["atvk"].astype(str), out["year"].astype(str))):
            text = unit.strip()
            if text not in cache:
                cache[text] = set(boundaries.VINTAGES) if text == REGION_CODE else _vintages_of(text)
            candidates = cache[text]
            year_number = int(year) if year.strip().isdigit() else None
            if len(candidates) == 1:
                vintages.append(next(iter(candidates)))
            elif year_number is not None and year_number < REFORM_YEAR:
                vintages.append("2009")
            elif year_number is not None and year_number > REFORM_YEAR:
                vintages.append("2021")
            elif text == REGION_CODE:
                vintages.append("2021")  # the region is the same territory in both sets
            else:
                vintages.append("")
                ambiguous.append(i + 2)
        out["vintage"] = vintages
        filled["vintage"] = len(out) - len(ambiguous)
    if "unit" not in out.columns and "indicator" in out.columns:
        out["unit"] = [vocab.INDICATOR_UNITS.get(str(i).strip(), "") for i in out["indicator"]]
        filled["unit"] = len(out)
    if "status" not in out.columns:
        out["status"] = "reported"
        filled["status"] = len(out)
    return Derived(out, filled, ambiguous)
