"""Trends: each indicator over the years, the 2021 reform marked, the vintage explained."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.table import Column
from latgale_di.analysis import trends
from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)
names = table_view.names_with_region(state.vintage, lang)

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
refs = table_view.References()
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
    table_view.show(rows, [
        Column("year", "year_col"), Column("atvk", "municipality"),
        Column("value", unit=unit, status="status", bounds=("value_min", "value_max")),
        Column("status"), Column("note"), Column("source"),
    ], title, refs, names, lang)
sources_footer(dataset, refs, lang)
