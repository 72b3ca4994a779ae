"""Small hand-built datasets for the domain tests, read through the same figure layer the pages use.

A test writes the few observations and sites it is about (``obs``, ``site``) and gets the figure
table of ``latgale_di.analysis.figures.table`` for them (``table``): stocks carried forward, sites
summed, occupancy, shares and shortfalls computed, exactly as for the shipped data.
"""

from __future__ import annotations

import math

import pandas as pd

from latgale_di.analysis import figures
from latgale_di.core import vocab
from latgale_di.store.dataset import Dataset

GA = "group_apartments"
DAY = "day_care_centre"
# Units of the 2021 boundaries, in boundary order.
AUGSDAUGAVA, BALVI, DAUGAVPILS, KRASLAVA, LIVANI, LUDZA, PREILI, REZEKNES_NOV, REZEKNE = (
    "0022000", "0024000", "0002000", "0032000", "0036000", "0037000", "0042000", "0043000", "0006000")
SITE_COLUMNS = ["id", "name", "atvk", "services", "target_groups", "places", "occupied", "lat", "lon",
                "location_precision", "opened", "status", "source", "note"]
POPULATION_COLUMNS = ["atvk", "vintage", "reference_date", "age_group", "value", "status", "source", "statistic",
                      "note"]


def obs(atvk: str, indicator: str, value: float = math.nan, *, year: int = 2023, group: str = "adults_grt",
        service: str = GA, status: str = "reported", source: str = "src", value_min: float = math.nan,
        value_max: float = math.nan, vintage: str = "2021", note: str = "") -> dict:
    """One typed observation row."""
    return {"year": year, "atvk": atvk, "vintage": vintage, "target_group": group, "service": service,
            "indicator": indicator, "value": float(value), "unit": vocab.INDICATOR_UNITS[indicator],
            "status": status, "source": source, "note": note, "value_min": float(value_min),
            "value_max": float(value_max)}


def hidden(atvk: str, indicator: str, **kw) -> dict:
    """A count withheld for privacy, as ``privacy.suppress`` leaves it: no value, at most 4."""
    return obs(atvk, indicator, status=vocab.SUPPRESSED, value_max=4, **kw)


def site(sid: str, atvk: str, services: str = GA, groups: str = "adults_grt", places: float = math.nan,
         occupied: float = math.nan, opened: str = "2020-01-01", status: str = "operating") -> dict:
    return {"id": sid, "name": f"Site {sid}", "atvk": atvk, "services": services, "target_groups": groups,
            "places": float(places), "occupied": float(occupied), "lat": 56.0, "lon": 27.0,
            "location_precision": "settlement", "opened": opened, "status": status, "source": f"site:{sid}",
            "note": ""}


def dataset(rows: list[dict], sites: list[dict] = (), population: list[dict] = ()) -> Dataset:
    observations = pd.DataFrame(rows, columns=list(obs("x", "places")))
    return Dataset(observations, pd.DataFrame(list(sites), columns=SITE_COLUMNS),
                   pd.DataFrame(list(population), columns=POPULATION_COLUMNS),
                   pd.DataFrame(columns=["id", "title", "url"]))


def table(rows: list[dict], sites: list[dict] = (), years: list[int] | None = None,
          vintage: str = "2021") -> pd.DataFrame:
    """The figure table (``figures.table``) of these rows and sites."""
    return figures.table(dataset(rows, sites), vintage, years)
