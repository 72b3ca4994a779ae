"""Investment & sustainability: funding by municipality and what running the places costs."""

from __future__ import annotations

import streamlit as st

from components import data, day_rate, downloads, quotes, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.table import Column
from latgale_di.analysis import investment, statements
from latgale_di.core import datanotes, formatting, i18n, vocab
from latgale_di.core.safety import escape_markdown
from latgale_di.territory import population

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = table_view.names_with_region(state.vintage, lang)
service = investment.shown_service(state.service)

toolbar = header(i18n.t("page_investment", lang), lang, dataset)
st.caption(i18n.t("investment_intro", lang))

# Choose: the day rate
st.markdown(f"**{vocab.SERVICES[service].label(lang)}**")
rate = day_rate.choose(service, i18n.t("day_rate", lang), dataset, lang, key=f"day_rate_{service}")

# Compute
rows = investment.by_municipality(table, population.denominators(dataset.population, state.vintage), state.year,
                                  service, rate.day_rate)
region = investment.region_funding(table, state.year)
total = investment.total_running_cost(rows)
said = statements.for_view("funding", state.year)

# Show
refs = table_view.References()
downloads.offer(toolbar, "investicijas", i18n.t("page_investment", lang), rows)
if rows.empty:
    known = investment.funding_years(table)
    st.info(i18n.t("no_funding_yet", lang, first=known[0], last=known[1], year=state.year) if known
            else i18n.t("no_rows", lang))
else:
    st.metric(i18n.t("running_total", lang),
              i18n.t("no_data", lang) if total != total else f"{formatting.format_number(total, lang, 0)} EUR",
              help=i18n.t("estimated_mark", lang) if total == total else None)
    table_view.show(rows, [
        Column("atvk", "municipality"),
        Column("eur", "funding", unit="EUR", decimals=0),
        Column("eur_per_resident", "per_resident", unit="EUR", decimals=1),
        Column("planned_places", "planned_places_of_projects", unit="places"),
        Column("eur_per_place", "per_planned_place", unit="EUR", decimals=0, why="per_place_reason",
               why_text="per_place_{}", part=("projects_with_places", "projects_total"), part_text="projects_of"),
        Column("service_places", "service_places", unit="places", qualifier="places_qualifier",
               header_values={"service": vocab.SERVICES[service].label(lang)}),
        Column("places_year", "year_col"),
        Column("running_cost", "running_cost", unit="EUR", decimals=0, qualifier="running_cost_qualifier"),
        Column("status"),
        Column("projects"),
        Column("source"),
    ], i18n.t("page_investment", lang), refs, names, lang)
    st.caption(i18n.t("per_place_rule", lang))
st.subheader(i18n.t("region_funding", lang))
for r in region.itertuples(index=False):
    note = escape_markdown(datanotes.note(r.note, lang))
    st.markdown(f"- **{formatting.format_number(r.value, lang, 0)} EUR** ({r.year}) — {note} {refs.cite(r.source)}")
if said:
    st.subheader(i18n.t("in_words", lang))
    st.markdown(quotes.markdown(said, dataset, lang))
    refs.add([q.source for q in said])
refs.add([rate.source])

sources_footer(dataset, refs, lang)
