"""Which territory the dashboard covers: the Latgale planning region (default) or all of Latvia.

``$LATGALE_DI_EXTENT`` chooses it when a process starts:

* ``latgale`` (default, also when unset or empty): the 21 pre-2021 and 9 current units of the
  Latgale planning region, with the curated crosswalk — what every normal user sees;
* ``latvia``: all 119 pre-2021 and 43 current municipalities of Latvia, for scale tests and
  national demonstrations (``geo/latvia_municipalities_*.geojson`` and the national crosswalk
  ``geo/crosswalk_latvia_2009_2021.csv``, whose Latgale rows are the curated ones).

The region code ``LPR`` keeps meaning the Latgale planning region in both extents.
"""

from __future__ import annotations

import os
from typing import Literal

Extent = Literal["latgale", "latvia"]
EXTENTS: tuple[Extent, ...] = ("latgale", "latvia")
DEFAULT: Extent = "latgale"
ENV = "LATGALE_DI_EXTENT"

# File names in geo/, per extent.
_GEOJSON = {"latgale": "latgale_municipalities_{vintage}.geojson", "latvia": "latvia_municipalities_{vintage}.geojson"}
_CROSSWALK = {"latgale": "crosswalk_2009_2021.csv", "latvia": "crosswalk_latvia_2009_2021.csv"}


def current() -> Extent:
    """The extent this process runs with (``$LATGALE_DI_EXTENT``); ValueError for an unknown one."""
    raw = os.environ.get("LATGALE_DI_EXTENT", "").strip().lower()
    if not raw:
        return DEFAULT
    if raw not in EXTENTS:
        raise ValueError(f"${ENV}={raw!r} is not an extent; expected one of {', '.join(EXTENTS)}")
    return raw  # type: ignore[return-value]


def geojson_name(extent: str, vintage: str) -> str:
    return _GEOJSON[extent].format(vintage=vintage)


def crosswalk_name(extent: str) -> str:
    return _CROSSWALK[extent]
