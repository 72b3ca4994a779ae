"""Investment & sustainability: funding by municipality and what running the places costs."""

from __future__ import annotations

import math

import streamlit as st

from components import data, downloads, quotes, view_state
from components.page import header, sources_footer
from latgale_di.analysis import investment, statements
from latgale_di.core import formatting, i18n, vocab
from latgale_di.core.safety import escape_markdown
from latgale_di.territory import boundaries, population

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = boundaries.names(state.vintage, lang)
service = state.service if state.service != "any" else "group_apartments"

toolbar = header(i18n.t("page_investment", lang), lang, dataset)
st.caption(i18n.t("investment_intro", lang))

# The day rate: from the data where there is one, else (or instead) the user's own.
rate = investment.day_rate_from_data(dataset.observations, service)
st.markdown(f"**{vocab.SERVICES[service].label(lang)}**")
entered = st.number_input(i18n.t("day_rate", lang), min_value=0.0, max_value=500.0, step=0.5, format="%.2f",
                          value=rate.value if rate else None, key=f"day_rate_{service}")
if rate and entered is not None and math.isclose(entered, rate.value):
    st.caption(i18n.t("day_rate_from_data", lang, value=formatting.format_number(rate.value, lang, 2),
                      note=escape_markdown(rate.note), source=escape_markdown(dataset.cite(rate.source))))
elif entered is not None:
    rate = investment.DayRate(float(entered), "", "")
    st.caption(i18n.t("day_rate_user", lang))
else:
    rate = None
    st.caption(i18n.t("day_rate_none", lang))

# Compute
rows = investment.by_municipality(table, population.denominators(dataset.population, state.vintage), state.year,
                                  service, rate)
region = investment.region_funding(table, state.year)


def eur(value: float, decimals: int = 0) -> str:
    return formatting.format_number(value, lang, decimals) if value == value else i18n.t("no_data", lang)


def per_place(value: float, reason: str, with_places: float, total: float) -> str:
    if value != value:
        return i18n.t(f"per_place_{reason}", lang)
    if with_places < total:  # only the projects that give their planned places take part
        return f"{eur(value)} ({i18n.t('projects_of', lang, n=int(with_places), total=int(total))})"
    return eur(value)


def places(value: float, status: object, year: float) -> str:
    if value != value:
        return i18n.t("no_data", lang)
    mark = "≥" if status == "incomplete" else ""
    as_of = f" ({i18n.t('as_of_year', lang, year=int(year))})" if year == year and int(year) != state.year else ""
    return f"{mark}{eur(value)}{as_of}"


# Show
downloads.offer(toolbar, "investicijas", i18n.t("page_investment", lang), rows)
if rows.empty:
    known = investment.funding_years(table)
    st.info(i18n.t("no_funding_yet", lang, first=known[0], last=known[1], year=state.year) if known
            else i18n.t("no_rows", lang))
else:
    total = rows["running_cost"].sum(min_count=1)
    st.metric(i18n.t("running_total", lang), eur(total) + (" EUR" if total == total else ""),
              help=i18n.t("estimated_mark", lang) if total == total else None)
    st.dataframe({
        i18n.t("municipality", lang): [names.get(a, a) for a in rows["atvk"]],
        i18n.t("funding", lang): [eur(v) for v in rows["eur"]],
        i18n.t("per_resident", lang): [eur(v, 1) for v in rows["eur_per_resident"]],
        i18n.t("planned_places_of_projects", lang): [eur(v) for v in rows["planned_places"]],
        i18n.t("per_planned_place", lang): [per_place(v, r, k, n) for v, r, k, n in zip(
            rows["eur_per_place"], rows["per_place_reason"], rows["projects_with_places"], rows["projects_total"])],
        i18n.t("service_places", lang, service=vocab.SERVICES[service].label(lang)): [
            places(v, s, y) for v, s, y in zip(rows["service_places"], rows["places_status"], rows["places_year"])],
        i18n.t("running_cost", lang): [eur(v) for v in rows["running_cost"]],
        i18n.t("status", lang): [vocab.STATUSES[s].label(lang) if isinstance(s, str) else "" for s in rows["status"]],
        i18n.t("projects", lang): rows["projects"].fillna("").tolist(),
        i18n.t("source", lang): [dataset.cite(s) if isinstance(s, str) else "" for s in rows["source"]],
    }, hide_index=True, width="stretch")
    st.caption(i18n.t("per_place_rule", lang))
st.subheader(i18n.t("region_funding", lang))
for r in region.itertuples(index=False):
    st.markdown(f"- **{eur(r.value)} EUR** ({r.year}) — {escape_markdown(r.note)}  \n"
                f"  {escape_markdown(dataset.cite(r.source))}")
said = statements.for_view("funding", state.year)
if said:
    st.subheader(i18n.t("in_words", lang))
    st.markdown(quotes.markdown(said, dataset, lang))

sources_footer(dataset, {s for s in rows["source"] if isinstance(s, str)} | set(region["source"])
               | {q.source for q in said} | ({rate.source} if rate and rate.source else set()),
               lang)
