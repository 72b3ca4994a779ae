"""What a map of one view shows: its classes, each municipality's figure and tooltip, the sites.

Shared by the Map page and the Overview's small map, and by the map's PNG export, so that every
drawing of a view says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from latgale_di.analysis import basket, figures
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n, vocab
from latgale_di.render import choropleth
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries, facilities


@dataclass(frozen=True)
class MapContent:
    classes: choropleth.Classes | choropleth.Categories
    views: list[choropleth.UnitView]
    tooltips: dict[str, str]  # ATVK → plain-text tooltip
    sites: list[dict]  # facilities.points records ([] when the layer is off)
    caption: str  # indicator · group · service · year · boundaries
    rows: pd.DataFrame  # the map as rows (choropleth.views_table): what its download holds; read-only
    region: figures.Figure | None  # the region's figure (its own, or the sum of units), if any

    @property
    def with_data(self) -> int:
        """Units with a figure: the same count as ``figures.View.with_figure`` (partial sums do not count)."""
        return sum(1 for v in self.views if v.has_data)

    @property
    def partial(self) -> int:
        """Units with only a partial sum ("≥"): not counted as having a figure."""
        return sum(1 for v in self.views if v.partial)


def build(dataset: Dataset, table: pd.DataFrame, state: ViewState) -> MapContent:
    """The map of ``state``'s indicator, year, target group, service and vintage, in its language."""
    lang = state.lang
    classes: choropleth.Classes | choropleth.Categories
    if state.indicator == "coverage":
        classes = choropleth.Categories()
        covered = basket.coverage_with_sources(table, dataset.facilities, state.vintage, state.year,
                                               state.target_group, state.service)
        views = choropleth.coverage_views(covered["state"], state.vintage, lang, classes, covered["source"])
    else:
        figures_of_view = figures.view(figures.of_year(table, state.year), state.vintage, state.year,
                                       state.target_group, state.service, state.indicator)
        exact = [f.value for f in figures_of_view.figures() if f.qualifier in ("exact", "estimate")]
        classes = choropleth.classes_for(state.indicator, pd.Series(exact, dtype=float), state.threshold)
        views = choropleth.unit_views(figures_of_view, classes, lang)
    tooltips = {v.atvk: choropleth.tooltip_text(v, state.indicator, state.year, lang, dataset.cite) for v in views}
    chosen = figures.sites_in_year(facilities.select(dataset.facilities, state.target_group, state.service),
                                   state.year)
    sites = facilities.points(chosen, lang, dataset.cite) if state.facilities else []
    caption = i18n.t("map_caption", lang, indicator=vocab.INDICATORS[state.indicator].label(lang),
                     group=vocab.TARGET_GROUPS[state.target_group].label(lang),
                     service=vocab.SERVICES[state.service].label(lang), year=state.year,
                     vintage=boundaries.vintage_label(state.vintage, lang))
    region = figures_of_view.region if state.indicator != "coverage" else None
    as_rows = choropleth.views_table(views, state.indicator, state.year, state.target_group, state.service)
    return MapContent(classes, views, tooltips, sites, caption, rows=as_rows,
                      region=region if region is not None and region.known else None)
