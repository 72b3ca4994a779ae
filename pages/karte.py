"""Map: where are we short? One indicator, coloured by municipality, with its sources."""

from __future__ import annotations

import streamlit as st

from components import data, downloads, map_view, markup, presentation, share, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from latgale_di.core import i18n, vocab
from latgale_di.render import choropleth
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()

# Compute
content = data.map_of(state)
classes, views = content.classes, content.views

# Show
toolbar = header(i18n.t("page_map", lang), lang, dataset)
indicator_label = vocab.INDICATORS[state.indicator].label(lang)
legend = (indicator_label, choropleth.legend(classes, lang, views))
# What the map shows, how many units have figures and, when none has, a notice: one element
# (docs/architecture.md, rule: fewer elements).
about = (map_view.caption_html(content.caption)
         + map_view.note_html(i18n.t("shown_units", lang, n=content.with_data, total=len(views))
                              + (f"; {i18n.t('partial_units', lang, n=content.partial)}" if content.partial else ""))
         + (map_view.notice_html(i18n.t("no_figures_year", lang)) if content.with_data == 0 else ""))
# On a projector: what the map shows and its legend on the left, the map at full height on the
# right, the table below; otherwise what it shows across the page, the legend above the map and
# the table beside it. Written in reading order, into no more containers than the layout needs:
# a filter change re-sends every element, containers included (docs/performance.md).
if state.present:
    info_column, map_column = st.columns([2, 3], gap="large")
    with info_column:
        markup.show(about)
        map_view.legend(*legend, lang)
    side_column = st.container()
else:
    markup.show(about)
    map_column, side_column = st.columns([3, 2], gap="medium")
height = presentation.map_height(presentation.MAP_BELOW_REM) if state.present else map_view.MAP_HEIGHT_PX
with map_column:
    # A click on a municipality opens its profile with the same filters (each one is a link).
    map_view.show(content, state, width_px=presentation.MAP_WIDTH_PX if state.present else None, height_px=height,
                  label_px=24 if state.present else 15, legend=None if state.present else legend,
                  fit_below=presentation.fit_below(presentation.MAP_BELOW_REM) if state.present else "",
                  notes=(" · ".join([i18n.t("estimated_mark", lang), i18n.t("incomplete_mark", lang),
                                     i18n.t("range_mark", lang)]), boundaries.attribution(lang)))
# The map as a picture (a slide and an A4 page), drawn only when someone asks for it.
downloads.offer(toolbar, "karte", i18n.t("page_map", lang), content.rows,
                pictures=map_view.pictures(content, state, dataset, share.link(state)))

# The region's own figure above the table (beside the map on a projector), in the same element
# as the table where both are in one place (docs/architecture.md, rule: fewer elements).
region = map_view.region_html(content, state, dataset)
if state.present and region:
    with info_column:
        markup.show(region)
refs = table_view.References()
with side_column:
    # A plain HTML table, not st.dataframe: the data grid's script would delay the map's first paint.
    markup.show(("" if state.present else region) + map_view.table_html(content, state, refs))

sources_footer(dataset, refs, lang)
