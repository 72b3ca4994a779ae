"""Trends: each indicator over the years, the 2021 reform marked, the vintage explained."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, view_state
from components.page import header, sources_footer
from latgale_di.analysis import trends
from latgale_di.core import formatting, i18n, vocab
from latgale_di.territory import boundaries

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)
names = boundaries.names(state.vintage, lang)
names[boundaries.REGION_CODE] = i18n.t("region", lang)

toolbar = header(i18n.t("page_trends", lang), lang, dataset)
st.caption(i18n.t("trends_intro", lang, vintage=boundaries.vintage_label(state.vintage, lang)))
default = [state.atvk] if state.atvk in units else []
chosen = st.multiselect(i18n.t("choose_municipalities", lang), list(units), default=default,
                        placeholder=i18n.t("choose_placeholder", lang),
                        format_func=lambda a: names[a], key=view_state.labelled(f"trend_units_{state.vintage}"))

# Compute
rows = trends.series(table, state.indicator, state.target_group, state.service, chosen)
unit = vocab.INDICATOR_UNITS[state.indicator]

# Show
title = (f"{vocab.INDICATORS[state.indicator].label(lang)} · {vocab.TARGET_GROUPS[state.target_group].label(lang)}"
         f" · {vocab.SERVICES[state.service].label(lang)}")
chart = None
if not rows.empty:
    chart = charts.lines(rows.assign(series=rows["atvk"].map(names)), "year", "value", "series", title, lang,
                         unit=vocab.UNITS[unit].label(lang), reform_year=trends.REFORM_YEAR)
downloads.offer(toolbar, "tendences", i18n.t("page_trends", lang), rows,
                figures={title: lambda: chart} if chart is not None else None)
if chart is None:
    st.info(i18n.t("no_rows", lang))
else:
    st.plotly_chart(presentation.fit(chart, state), key="trend_chart", config={"displayModeBar": False})
    st.dataframe({
        i18n.t("year_col", lang): rows["year"].tolist(),
        i18n.t("municipality", lang): rows["atvk"].map(names).tolist(),
        i18n.t("value", lang): [formatting.value_text(v, lo, hi, s, unit, lang) for v, lo, hi, s in
                                zip(rows["value"], rows["value_min"], rows["value_max"], rows["status"])],
        i18n.t("status", lang): [vocab.STATUSES[s].label(lang) for s in rows["status"]],
        i18n.t("note", lang): rows["note"].tolist(),
        i18n.t("source", lang): [dataset.cite(s) for s in rows["source"]],
    }, hide_index=True, width="stretch")
sources_footer(dataset, set(rows["source"]), lang)
