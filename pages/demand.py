"""Demand & shortfall: where assessed need outruns what is provided, largest gap first."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, quotes
from components import nearby as nearby_choices
from components.page import header, sources_footer
from latgale_di.analysis import demand, statements
from latgale_di.core import formatting, i18n, vocab
from latgale_di.territory import boundaries

# Load
# The page ranks every service of the target group: any service counts.
keys = {(v, y, g, "any") for v, y, g, _ in data.available(("shortfall",))}
state = nearby_choices.opening(keys, ("any",))  # nothing chosen and nothing to show: the nearest view with figures
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = boundaries.names(state.vintage, lang)

# Compute
rows = demand.ranked(table, state.year, state.target_group)
said = statements.for_view("demand", state.year, state.target_group)


def count(value: float) -> str:
    return formatting.format_number(value, lang) or i18n.t("no_data", lang)


# Show
toolbar = header(i18n.t("page_demand", lang), lang, dataset)
labels = [f"{names.get(a, a)} · {vocab.SERVICES[s].label(lang)}" for a, s in zip(rows["atvk"], rows["service"])]
bars = charts.demand_bars(rows, labels, lang)
downloads.offer(toolbar, "pieprasijums", i18n.t("page_demand", lang), rows,
                figures={i18n.t("page_demand", lang): lambda: bars} if not rows.empty else None)
st.caption(i18n.t("demand_intro", lang))
st.markdown(f"**{vocab.TARGET_GROUPS[state.target_group].label(lang)} · {state.year}**")
if rows.empty:
    nearby_choices.offer(state, keys, "pieprasijums", ("any",))
else:
    st.plotly_chart(presentation.fit(bars, state), key="demand_bars", config={"displayModeBar": False})
    st.dataframe({
        i18n.t("municipality", lang): labels,
        i18n.t("assessed", lang): [count(v) for v in rows["persons_assessed"]],
        i18n.t("served", lang): [count(v) for v in rows["persons_served"]],
        i18n.t("places", lang): [count(v) for v in rows["places"]],
        i18n.t("shortfall", lang): [count(v) for v in rows["shortfall"]],
        i18n.t("shortfall_pct", lang): [f"{formatting.format_number(v, lang, 1)} %" for v in rows["shortfall_pct"]],
        i18n.t("status", lang): [vocab.STATUSES[s].label(lang) for s in rows["status"]],
        i18n.t("source", lang): [dataset.cite(s) for s in rows["source"]],
    }, hide_index=True, width="stretch")
if said:
    st.subheader(i18n.t("in_words", lang))
    st.markdown(quotes.markdown(said, dataset, lang))

sources_footer(dataset, set(rows["source"]) | {q.source for q in said}, lang)
