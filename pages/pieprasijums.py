"""Demand & shortfall: where assessed need outruns what is provided, largest gap first."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, quotes
from components import nearby as nearby_choices
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.table import Column
from latgale_di.analysis import demand, statements
from latgale_di.core import i18n, vocab

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
# The page ranks every service of the target group: any service counts.
keys = {(v, y, g, "any") for v, y, g, _ in data.available(("shortfall",))}
state = nearby_choices.opening(keys, ("any",))  # nothing chosen and nothing to show: the nearest view with figures
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = table_view.names_with_region(state.vintage, lang)

# Compute
rows = demand.ranked(table, state.year, state.target_group)
said = statements.for_view("demand", state.year, state.target_group)

# Show
refs = table_view.References()
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
    table_view.show(rows, [
        Column("atvk", "municipality"), Column("service"),
        Column("persons_assessed", unit="persons"), Column("persons_served", unit="persons"),
        Column("places", unit="places"), Column("shortfall", unit="persons"),
        Column("shortfall_pct", unit="%", decimals=1), Column("status"), Column("source"),
    ], i18n.t("page_demand", lang), refs, names, lang)
if said:
    st.subheader(i18n.t("in_words", lang))
    st.markdown(quotes.markdown(said, dataset, lang))
    refs.add([q.source for q in said])

sources_footer(dataset, refs, lang)
