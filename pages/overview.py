"""Overview: the region at a glance for the chosen year, with a summary written from the data."""

from __future__ import annotations

from contextlib import nullcontext

import streamlit as st

from components import data, downloads, figure_card, map_view, markup, presentation, view_state
from components.entry import hand_over
from components.page import header, sources_footer
from latgale_di.analysis import overview
from latgale_di.core import i18n, vocab
from latgale_di.render import choropleth
from latgale_di.render.tables import References
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)

# Compute
heads = data.headlines_of(state.year, state.vintage)
sentences = overview.summary(heads, state.year, state.vintage, lang)
glance = data.map_of(state)

# Show
legend = (vocab.INDICATORS[state.indicator].label(lang), choropleth.legend(glance.classes, lang, glance.views))
caption = map_view.caption_html(glance.caption)
# On a projector the title, the map's legend, the key figures and the summary on the left, the
# map at the screen's height on the right from the top; otherwise the title across the page, the
# summary beside the map, the key figures below. Written in reading order, into no more
# containers than the layout needs (docs/architecture.md, rule: fewer elements).
if state.present:
    words, picture = st.columns([3, 2], gap="large")
# Outside presentation mode the title, the key figures and the rest go straight into the page.
on_the_left = words if state.present else nullcontext()
with on_the_left:
    toolbar = header(i18n.t("page_overview", lang), lang, dataset)
    downloads.offer(toolbar, "parskats", i18n.t("page_overview", lang), overview.region_rows(table, state.year))
    st.markdown("**" + i18n.t("year_and_vintage", lang, year=state.year,
                              vintage=boundaries.vintage_label(state.vintage, lang)) + "**")
    if state.present:  # what the map shows, beside it, above the key figures
        markup.show(f'<div class="di-overview-legend">{caption}{map_view.legend_html(*legend, lang)}</div>')
if not state.present:
    words, picture = st.columns([3, 2], gap="large")
with picture:
    # The map page's view, small: the same figures, and a click opens a municipality's profile.
    if state.present:
        map_view.show(glance, state, width_px=presentation.OVERVIEW_MAP_WIDTH_PX,
                      height_px=presentation.map_height(presentation.OVERVIEW_BELOW_REM), label_px=24, sites=False,
                      fit_below=presentation.fit_below(presentation.OVERVIEW_BELOW_REM))
    else:
        map_view.show(glance, state, width_px=520, height_px=420, label_px=12, sites=False, legend=legend,
                      above=caption)
    st.page_link("pages/karte.py", label=i18n.t("to_map", lang), icon=":material/map:")
# On a projector a card's source is its number in the page's list, so that the cards fit the screen.
refs = References() if state.present else None
cited: set[str] = set()
with on_the_left:
    for column, head in zip(st.columns(3, gap="medium" if state.present else "large"), heads):
        with column:
            cited |= figure_card.headline(head, dataset, state, refs)
with words:
    # Heading and sentences in one element (docs/architecture.md, rule: fewer elements).
    st.markdown(f"### {i18n.t('summary', lang)}\n\n" + "\n".join(f"- {sentence}" for sentence in sentences))

sources_footer(dataset, refs if refs is not None else cited, lang)
