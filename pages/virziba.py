"""DI progress: is deinstitutionalisation happening? Targets, the move out of institutions, and
what running the new services costs once the project ends."""

from __future__ import annotations

import streamlit as st

from components import data, downloads, markup, presentation, quotes, view_state
from components.entry import hand_over
from components.page import header, sources_footer
from components.progress_view import benchmark_text, cost_line, plan_table, transition_chart
from latgale_di.analysis import progress, statements
from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)

toolbar = header(i18n.t("page_progress", lang), lang, dataset)
st.caption(i18n.t("progress_intro", lang))
if state.atvk and state.atvk not in units:
    state = view_state.update(atvk="")
# The municipality is part of the view (and of a shared link); none chosen is the region.
where = st.selectbox(i18n.t("progress_where", lang), ["", *units],
                     placeholder=i18n.t("choose_placeholder", lang), key=view_state.widget_key("atvk"),
                     format_func=lambda a: units[a].name(lang) if a else i18n.t("region", lang))

# Compute
plan = progress.plan_progress(table, state.vintage, state.year, where or boundaries.REGION_CODE)
group = state.target_group if state.target_group in progress.TRANSITION_SERIES else "adults_grt"
moves = progress.transition(table, state.vintage, group)
costs = progress.running_costs(table, dataset.observations, state.vintage, state.year)
after = statements.for_view("funding", state.year)
rows = progress.rows(plan)
chart = transition_chart(moves, group, lang) if not moves.empty else None

# Show
downloads.offer(toolbar, "virziba", i18n.t("page_progress", lang), rows,
                figures={i18n.t("transition", lang): lambda: chart} if chart is not None else None)
st.subheader(i18n.t("plan_progress", lang, year=state.year))
if plan:
    markup.show(plan_table(plan, dataset, lang))
else:
    st.info(i18n.t("no_plan_figures", lang, year=state.year))

st.subheader(i18n.t("transition", lang) + " · " + vocab.TARGET_GROUPS[group].label(lang))
if chart is None:
    st.info(i18n.t("no_rows", lang))
else:
    st.plotly_chart(presentation.fit(chart, state), key="transition_chart", config={"displayModeBar": False})
    st.caption(i18n.t("transition_note", lang))
if group == "children_ooc":
    st.caption(benchmark_text(lang))

st.subheader(i18n.t("after_project", lang))
if costs:
    for cost in costs:
        st.markdown(f"- {cost_line(cost, lang)}")
else:
    st.caption(i18n.t("no_running_costs", lang))
if after:
    st.markdown(quotes.markdown(after, dataset, lang))

sources_footer(dataset, {p.target.source for p in plan} | {p.latest.source for p in plan}
               | set(moves["source"]) | {c.rate.source for c in costs} | {q.source for q in after}, lang)
