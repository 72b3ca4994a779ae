"""The region at a glance: headline figures per target group and a plain-language summary.

Region totals come from a source's own regional figure (ATVK ``LPR``) when there is one; a sum
over municipalities is used only otherwise, and is ``incomplete`` unless every municipality has
a figure. Stock indicators (places) take each unit's latest figure up to the year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from latgale_di import boundaries, i18n, vocab
from latgale_di.boundaries import REGION_CODE

# Indicators that describe a stock which stays until it changes; a figure of an earlier year still
# describes the present if nothing newer is known (shown with its year).
STOCK_INDICATORS: frozenset[str] = frozenset({"places", "planned_places", "eur_per_day"})
COMMUNITY_SERVICES: tuple[str, ...] = (
    "group_apartments", "day_care_centre", "specialised_workshop", "respite_care", "social_rehabilitation",
    "family_like_care",
)


@dataclass(frozen=True)
class Figure:
    """One number with everything needed to trust it."""

    value: float
    status: str
    source: str
    year: int
    value_min: float = math.nan
    value_max: float = math.nan
    note: str = ""
    units_with_data: int = 0
    units_total: int = 0

    @property
    def known(self) -> bool:
        return not (math.isnan(self.value) and math.isnan(self.value_min))


@dataclass(frozen=True)
class GroupHeadline:
    target_group: str
    persons_served: Figure | None
    places_by_service: dict[str, Figure] = field(default_factory=dict)
    occupancy: Figure | None = None
    without_service: tuple[str, ...] = ()  # ATVK codes with a reported zero
    with_service: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def as_of(table: pd.DataFrame, year: int, indicators: frozenset[str] = STOCK_INDICATORS) -> pd.DataFrame:
    """For stock indicators, each key's latest row with year ≤ ``year``; other rows of ``year`` as is."""
    flows = table[(table["year"] == year) & ~table["indicator"].isin(indicators)]
    stocks = table[(table["year"] <= year) & table["indicator"].isin(indicators)]
    stocks = stocks.sort_values("year").drop_duplicates(["atvk", "target_group", "service", "indicator"], keep="last")
    return pd.concat([flows, stocks], ignore_index=True)


def region_rows(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The region's own rows as of ``year`` (what the overview's headline figures are drawn from)."""
    rows = as_of(table, year)
    rows = rows[rows["atvk"] == REGION_CODE]
    return rows.sort_values(["target_group", "service", "indicator"]).reset_index(drop=True)


def _figure(row: pd.Series, n_with: int = 1, n_total: int = 1) -> Figure:
    return Figure(float(row["value"]), str(row["status"]), str(row["source"]), int(row["year"]),
                  float(row["value_min"]), float(row["value_max"]), str(row.get("note") or ""), n_with, n_total)


def region_figure(rows: pd.DataFrame, vintage: str) -> Figure | None:
    """The region's figure: its own row if reported, else the sum of units (flagged if partial)."""
    own = rows[rows["atvk"] == REGION_CODE]
    n_total = len(boundaries.units(vintage))
    units = rows[(rows["atvk"] != REGION_CODE) & rows["value"].notna()]
    if not own.empty:
        return _figure(own.iloc[0], len(units), n_total)
    if units.empty:
        return None
    statuses = list(units["status"]) + (["incomplete"] if units["atvk"].nunique() < n_total else ["derived"])
    sources = "; ".join(dict.fromkeys(s for src in units["source"] for s in src.split("; ")))
    return Figure(float(units["value"].sum()), vocab.weakest_status(statuses), sources, int(units["year"].max()),
                  note="sum of municipalities", units_with_data=units["atvk"].nunique(), units_total=n_total)


def headlines(table: pd.DataFrame, year: int, vintage: str) -> list[GroupHeadline]:
    """Headline figures for each target group in ``year`` (indicator table of ``vintage``)."""
    current = as_of(table, year)
    out = []
    for group in ("children_ft", "adults_grt", "children_ooc"):
        rows = current[current["target_group"] == group]
        served_rows = rows[(rows["service"] == "any") & (rows["indicator"] == "persons_served")]
        places = {}
        for service in COMMUNITY_SERVICES:
            fig = region_figure(rows[(rows["service"] == service) & (rows["indicator"] == "places")], vintage)
            if fig is not None:
                places[service] = fig
        occupancy = None
        if group == "adults_grt":
            occupancy = region_figure(rows[(rows["service"] == "group_apartments")
                                           & (rows["indicator"] == "occupancy_rate")
                                           & (rows["atvk"] == REGION_CODE)], vintage)
        units = list(boundaries.units(vintage))
        by_unit = served_rows[served_rows["atvk"] != REGION_CODE].set_index("atvk")["value"]
        without = tuple(a for a in units if a in by_unit.index and by_unit[a] == 0)
        with_ = tuple(a for a in units if a in by_unit.index and by_unit[a] > 0)
        unknown = tuple(a for a in units if a not in by_unit.index or pd.isna(by_unit[a]))
        out.append(GroupHeadline(group, region_figure(served_rows, vintage), places, occupancy, without, with_,
                                 unknown))
    return out


def _names(atvks: tuple[str, ...], vintage: str, lang: str) -> str:
    units = boundaries.units(vintage)
    return ", ".join(units[a].name(lang) for a in atvks)


def summary(heads: list[GroupHeadline], year: int, vintage: str, lang: str) -> list[str]:
    """Plain-language sentences generated from the headline figures (no hand-written numbers)."""
    total = len(boundaries.units(vintage))
    sentences = []
    for h in heads:
        group = vocab.TARGET_GROUPS[h.target_group].label(lang)
        fig = h.persons_served
        if fig is not None and fig.known:
            value = i18n.format_number(fig.value, lang)
            prefix = "≥ " if fig.status == "incomplete" else ""
            sentences.append(i18n.t("sum_served", lang, group=group, value=prefix + value, year=fig.year,
                                    count=round(fig.value)))  # the noun's form follows the count
        if h.without_service:
            sentences.append(i18n.t("sum_without", lang, n=len(h.without_service), total=total, group=group,
                                    names=_names(h.without_service, vintage, lang)))
        if (h.without_service or h.with_service) and h.unknown:
            sentences.append(i18n.t("sum_unknown", lang, n=len(h.unknown), total=total))
        if h.occupancy is not None and h.occupancy.known:
            low = h.occupancy.value if not math.isnan(h.occupancy.value) else h.occupancy.value_min
            sentences.append(i18n.t("sum_occupancy", lang, value=i18n.format_number(low, lang),
                                    more="" if not math.isnan(h.occupancy.value) else i18n.t("more_than", lang)))
    if not sentences:
        sentences.append(i18n.t("no_figures_year", lang))
    return sentences
