"""Services & occupancy: places against occupied places, anything above the threshold marked."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, view_state
from components.page import figure_caption, figure_text, header, sources_footer
from latgale_di import boundaries, i18n, occupancy, overview, vocab

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = boundaries.names(state.vintage, lang)

# Compute
rows = occupancy.by_municipality(table, state.year, state.target_group, state.service, state.threshold)
sites = occupancy.sites(dataset.facilities, state.vintage, state.target_group, state.service, state.threshold)
region = next(h for h in overview.headlines(table, state.year, state.vintage)
              if h.target_group == state.target_group).occupancy if state.target_group == "adults_grt" else None


def flag(value) -> str:
    if value is None or str(value) == "<NA>":
        return i18n.t("unknown", lang)
    return ("⚠ " + i18n.t("yes", lang)) if bool(value) else i18n.t("no", lang)


def pct(value: float) -> str:
    return f"{i18n.format_number(value, lang, 1)} %" if value == value else i18n.t("no_data", lang)


# Show
toolbar = header(i18n.t("page_occupancy", lang), lang, dataset)
labels = [f"{names.get(a, a)} · {vocab.SERVICES[s].label(lang)}" for a, s in zip(rows["atvk"], rows["service"])]
bars = charts.places_vs_occupied(rows, labels, state.threshold, lang)
downloads.offer(toolbar, "noslodze", i18n.t("page_occupancy", lang),
                rows.assign(year=state.year, target_group=state.target_group),
                figures={i18n.t("by_municipality", lang): lambda: bars} if not rows.empty else None)
st.caption(i18n.t("occupancy_intro", lang, threshold=state.threshold))
st.markdown(f"**{vocab.TARGET_GROUPS[state.target_group].label(lang)} · {vocab.SERVICES[state.service].label(lang)}"
            f" · {state.year}**")
if region is not None and region.known:
    st.metric(i18n.t("region_statement", lang), figure_text(region, "%", lang))
    st.caption(figure_caption(region, dataset, lang))

st.subheader(i18n.t("by_municipality", lang))
if rows.empty:
    st.info(i18n.t("no_rows", lang))
else:
    st.plotly_chart(presentation.fit(bars, state), key="occupancy_bars", config={"displayModeBar": False})
    st.dataframe({
        i18n.t("municipality", lang): labels,
        i18n.t("places", lang): [i18n.format_number(v, lang) or i18n.t("no_data", lang) for v in rows["places"]],
        i18n.t("year_col", lang): [int(y) if y == y else "" for y in rows["places_year"]],
        i18n.t("occupied", lang): [i18n.format_number(v, lang) or i18n.t("no_data", lang)
                                   for v in rows["occupied_places"]],
        i18n.t("occupancy", lang): [pct(v) for v in rows["occupancy_rate"]],
        i18n.t("flag", lang): [flag(v) for v in rows["above_threshold"]],
        i18n.t("status", lang): [", ".join(vocab.STATUSES[s].label(lang) for s in v.split(", "))
                                 for v in rows["status"]],
        i18n.t("source", lang): [dataset.cite(s) for s in rows["source"]],
    }, hide_index=True, width="stretch")

st.subheader(i18n.t("by_site", lang))
if sites.empty:
    st.info(i18n.t("no_rows", lang))
else:
    st.dataframe({
        i18n.t("facilities", lang): sites["name"].tolist(),
        i18n.t("municipality", lang): [names.get(a, "") for a in sites["unit"]],
        i18n.t("places", lang): [i18n.format_number(v, lang) or i18n.t("no_data", lang) for v in sites["places"]],
        i18n.t("occupied", lang): [i18n.format_number(v, lang) or i18n.t("no_data", lang) for v in sites["occupied"]],
        i18n.t("occupancy", lang): [pct(v) for v in sites["occupancy_rate"]],
        i18n.t("flag", lang): [flag(v) for v in sites["above_threshold"]],
        i18n.t("facility_status", lang): [vocab.FACILITY_STATUSES[s].label(lang) for s in sites["status"]],
        i18n.t("source", lang): [dataset.cite(s) for s in sites["source"]],
    }, hide_index=True, width="stretch")

sources_footer(dataset, set(rows["source"]) | set(sites["source"]) | ({region.source} if region else set()), lang)
