"""Services & occupancy: places against occupied places, anything above the threshold marked."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation
from components import nearby as nearby_choices
from components import table as table_view
from components.entry import hand_over
from components.page import figure_caption, header, sources_footer
from components.table import Column
from latgale_di.analysis import occupancy
from latgale_di.core import formatting, i18n, vocab

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
keys = data.available(("places", "occupied_places", "occupancy_rate"), any_means_all=True)
state = nearby_choices.opening(keys)  # nothing chosen and nothing to show: the nearest view with figures
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = table_view.names_with_region(state.vintage, lang)

# Compute
rows = occupancy.by_municipality(table, state.year, state.target_group, state.service, state.threshold, state.vintage)
sites = occupancy.sites(dataset.facilities, state.vintage, state.target_group, state.service, state.threshold,
                        state.year)
region_figure = occupancy.region_figure(table, state.year, state.vintage, state.target_group, state.service)

# Show
refs = table_view.References()
toolbar = header(i18n.t("page_occupancy", lang), lang, dataset)
labels = [f"{names.get(a, a)} · {vocab.SERVICES[s].label(lang)}" for a, s in zip(rows["atvk"], rows["service"])]
bars = charts.places_vs_occupied(rows, labels, state.threshold, lang)
downloads.offer(toolbar, "noslodze", i18n.t("page_occupancy", lang),
                rows.assign(year=state.year, target_group=state.target_group),
                figures={i18n.t("by_municipality", lang): lambda: bars} if not rows.empty else None)
st.caption(i18n.t("occupancy_intro", lang, threshold=state.threshold))
st.markdown(f"**{vocab.TARGET_GROUPS[state.target_group].label(lang)} · {vocab.SERVICES[state.service].label(lang)}"
            f" · {state.year}**")
if region_figure is not None:
    st.metric(i18n.t("region_statement", lang), formatting.figure_text(region_figure, lang))
    st.caption(figure_caption(region_figure, dataset, lang))
    refs.add(list(region_figure.sources))

st.subheader(i18n.t("by_municipality", lang))
if rows.empty:
    nearby_choices.offer(state, keys, "noslodze")
else:
    st.plotly_chart(presentation.fit(bars, state), key="occupancy_bars", config={"displayModeBar": False})
    table_view.show(rows, [
        Column("atvk", "municipality"),
        *([Column("service")] if state.service == "any" else []),
        Column("places", unit="places", qualifier="places_qualifier"),
        Column("places_year", "year_col"),
        Column("occupied_places", unit="persons", qualifier="occupied_qualifier"),
        Column("occupancy_rate", unit="%", qualifier="occupancy_qualifier", decimals=1),
        Column("above_threshold"),
        Column("status"),
        Column("source"),
    ], i18n.t("by_municipality", lang), refs, names, lang)

st.subheader(i18n.t("by_site", lang))
if sites.empty:
    st.info(i18n.t("no_rows", lang))
else:
    table_view.show(sites, [
        Column("name", "facilities"),
        Column("unit", "municipality", vocabulary="atvk"),
        Column("places", unit="places", qualifier="places_qualifier"),
        Column("occupied", "occupied", unit="persons", qualifier="occupied_qualifier", bound="occupied_max"),
        Column("occupancy_rate", unit="%", qualifier="occupancy_qualifier", decimals=1),
        Column("above_threshold"),
        Column("status", "facility_status", vocabulary="facility_status"),
        Column("source"),
    ], i18n.t("by_site", lang), refs, names, lang)

sources_footer(dataset, refs, lang)
