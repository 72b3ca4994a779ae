"""The region at a glance: headline figures per target group and a plain-language summary.

Every figure comes from ``latgale_di.analysis.figures``: the region's own figure (ATVK ``LPR``) when a
source gives one, else the sum over municipalities, "at least" unless every municipality has a
figure; stocks (places) as of the year, with the year they are from. The counts of
municipalities with and without a figure are the view's own (``figures.View``), the same as on
the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.analysis import figures
from latgale_di.analysis.figures import Figure
from latgale_di.core import formatting, i18n, vocab
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

COMMUNITY_SERVICES: tuple[str, ...] = (
    "group_apartments", "day_care_centre", "specialised_workshop", "respite_care", "social_rehabilitation",
    "family_like_care",
)
HEADLINE_GROUPS: tuple[str, ...] = ("children_ft", "adults_grt", "children_ooc")


@dataclass(frozen=True)
class GroupHeadline:
    target_group: str
    persons_served: Figure | None
    places_by_service: dict[str, Figure] = field(default_factory=dict)
    occupancy: Figure | None = None
    without_service: tuple[str, ...] = ()  # ATVK codes with a reported zero
    with_service: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # no figure of their own (missing, or only a partial sum)
    served_view: figures.View | None = None  # the view the counts are of (the map's, for this group)

    @property
    def units_total(self) -> int:
        return len(self.without_service) + len(self.with_service) + len(self.unknown)


def region_rows(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The region's own rows of the year view (what the overview's download holds)."""
    rows = figures.of_year(table, year)
    rows = rows[rows["atvk"] == REGION_CODE]
    return rows.sort_values(["target_group", "service", "indicator"]).reset_index(drop=True)


def headlines(table: pd.DataFrame, year: int, vintage: str) -> list[GroupHeadline]:
    """Headline figures for each target group in ``year`` (``table`` from ``figures.table``)."""
    current = figures.of_year(table, year)
    out = []
    for group in HEADLINE_GROUPS:
        served = figures.view(current, vintage, year, group, "any", "persons_served")
        places = {}
        for service in COMMUNITY_SERVICES:
            fig = figures.view(current, vintage, year, group, service, "places").region
            if fig.known:
                places[service] = fig
        occupancy = None
        if group == "adults_grt":
            occupancy_view = figures.view(current, vintage, year, group, "group_apartments", "occupancy_rate")
            occupancy = occupancy_view.region if occupancy_view.region_reported else None
        without = tuple(a for a, f in served.units.items() if f.qualifier == "exact" and f.value == 0)
        with_ = tuple(a for a, f in served.units.items() if f.has_figure and a not in without)
        unknown = tuple(a for a, f in served.units.items() if not f.has_figure)
        out.append(GroupHeadline(group, served.region if served.region.known else None, places, occupancy,
                                 without, with_, unknown, served))
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
        if fig is not None and fig.known and not math.isnan(fig.value):
            value = formatting.format_number(fig.value, lang)
            prefix = "≥ " if fig.qualifier == "at_least" else ""
            sentences.append(i18n.t("sum_served", lang, group=group, value=prefix + value, year=fig.year,
                                    count=round(fig.value)))  # the noun's form follows the count
        if h.without_service:
            sentences.append(i18n.t("sum_without", lang, n=len(h.without_service), total=total, group=group,
                                    names=_names(h.without_service, vintage, lang)))
        if (h.without_service or h.with_service) and h.unknown:
            sentences.append(i18n.t("sum_unknown", lang, n=len(h.unknown), total=total))
        if h.occupancy is not None and h.occupancy.known:
            low = h.occupancy.value if not math.isnan(h.occupancy.value) else h.occupancy.value_min
            sentences.append(i18n.t("sum_occupancy", lang, value=formatting.format_number(low, lang),
                                    more="" if not math.isnan(h.occupancy.value) else i18n.t("more_than", lang)))
    if not sentences:
        sentences.append(i18n.t("no_figures_year", lang))
    return sentences
