"""Services & occupancy: places against occupied places, anything above the threshold marked."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation
from components import nearby as nearby_choices
from components.page import figure_caption, header, sources_footer
from latgale_di.analysis import figures, occupancy
from latgale_di.core import formatting, i18n, vocab
from latgale_di.territory import boundaries

# Load
keys = data.available(("places", "occupied_places", "occupancy_rate"), any_means_all=True)
state = nearby_choices.opening(keys)  # nothing chosen and nothing to show: the nearest view with figures
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = boundaries.names(state.vintage, lang)

# Compute
rows = occupancy.by_municipality(table, state.year, state.target_group, state.service, state.threshold, state.vintage)
sites = occupancy.sites(dataset.facilities, state.vintage, state.target_group, state.service, state.threshold,
                        state.year)
# A site's small number of residents is hidden for privacy ("<5"), not missing.
hidden_sites = sites["occupied_hidden"].tolist() if "occupied_hidden" in sites else [False] * len(sites)
small_sites = sites["occupied_small"].tolist() if "occupied_small" in sites else [False] * len(sites)
region = figures.view(figures.of_year(table, state.year), state.vintage, state.year, state.target_group,
                      "group_apartments" if state.service == "any" else state.service, "occupancy_rate")
region_figure = region.region if region.region_reported else None
names = {**names, boundaries.REGION_CODE: i18n.t("region", lang)}


def flag(value) -> str:
    if value is None or str(value) == "<NA>":
        return i18n.t("unknown", lang)
    return ("⚠ " + i18n.t("yes", lang)) if bool(value) else i18n.t("no", lang)


def pct(value: float, qualifier: str = "exact") -> str:
    if value != value:
        return i18n.t("no_data", lang)
    return ("> " if qualifier == "greater_than" else "") + f"{formatting.format_number(value, lang, 1)} %"


def count(value: float, qualifier: str = "exact") -> str:
    if qualifier == "hidden":
        return i18n.t("hidden", lang)
    if value != value:
        return i18n.t("no_data", lang)
    return ("≥" if qualifier == "at_least" else "") + formatting.format_number(value, lang)


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
if region_figure is not None and region_figure.known:
    st.metric(i18n.t("region_statement", lang), formatting.figure_text(region_figure, lang))
    st.caption(figure_caption(region_figure, dataset, lang))

st.subheader(i18n.t("by_municipality", lang))
if rows.empty:
    nearby_choices.offer(state, keys, "noslodze")
else:
    st.plotly_chart(presentation.fit(bars, state), key="occupancy_bars", config={"displayModeBar": False})
    st.dataframe({
        i18n.t("municipality", lang): labels,
        i18n.t("places", lang): [count(v, q) for v, q in zip(rows["places"], rows["places_qualifier"])],
        i18n.t("year_col", lang): [int(y) if y == y else "" for y in rows["places_year"]],
        i18n.t("occupied", lang): [count(v, q) for v, q in zip(rows["occupied_places"], rows["occupied_qualifier"])],
        i18n.t("occupancy", lang): [pct(v, q) for v, q in zip(rows["occupancy_rate"], rows["occupancy_qualifier"])],
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
        i18n.t("places", lang): [formatting.format_number(v, lang) or i18n.t("no_data", lang) for v in sites["places"]],
        i18n.t("occupied", lang): [(f"<{data.suppress_below()}" if small else i18n.t("hidden", lang)) if hid else
                                   (formatting.format_number(v, lang) or i18n.t("no_data", lang))
                                   for v, hid, small in zip(sites["occupied"], hidden_sites, small_sites)],
        i18n.t("occupancy", lang): [i18n.t("hidden", lang) if hid else pct(v)
                                    for v, hid in zip(sites["occupancy_rate"], hidden_sites)],
        i18n.t("flag", lang): [flag(v) for v in sites["above_threshold"]],
        i18n.t("facility_status", lang): [vocab.FACILITY_STATUSES[s].label(lang) for s in sites["status"]],
        i18n.t("source", lang): [dataset.cite(s) for s in sites["source"]],
    }, hide_index=True, width="stretch")

cited = set(rows["source"]) | set(sites["source"]) | ({region_figure.source} if region_figure else set())
sources_footer(dataset, cited, lang)
