"""Municipality profile: every indicator against Latgale, its trend, its sites, its basket."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, view_state
from components.page import header, sources_footer
from latgale_di.analysis import basket, figures, profile
from latgale_di.core import formatting, i18n, vocab
from latgale_di.render import briefing, exports
from latgale_di.territory import boundaries, facilities

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)

toolbar = header(i18n.t("page_profile", lang), lang, dataset)
if state.atvk not in units:
    state = view_state.update(atvk=next(iter(units)))
st.selectbox(i18n.t("choose_municipality", lang), list(units), key=view_state.widget_key("atvk"),
             format_func=lambda a: units[a].name(lang))
state = view_state.current()
unit = units[state.atvk]

# Compute
compared = profile.comparison(table, state.atvk, state.year, state.vintage)
history = profile.trend(table, state.atvk)
in_year = figures.sites_in_year(dataset.facilities, state.year)
sites = in_year[facilities.units_of(in_year, state.vintage) == state.atvk]
provided = basket.matrix(table, dataset.facilities, state.vintage, state.year).loc[state.atvk]


def label(r) -> str:
    return (f"{vocab.INDICATORS[r.indicator].label(lang)} · {vocab.TARGET_GROUPS[r.target_group].label(lang)}"
            f" · {vocab.SERVICES[r.service].label(lang)}")


def text(r) -> str:
    return formatting.value_text(r.value, getattr(r, "value_min", float("nan")), getattr(r, "value_max", float("nan")),
                                 r.status, vocab.INDICATOR_UNITS[r.indicator], lang)


def mean_text(r) -> str:
    return formatting.interval_text(r.region_mean, r.region_mean_high, vocab.INDICATOR_UNITS[r.indicator], lang)


def range_text(r) -> str:
    unit = vocab.INDICATOR_UNITS[r.indicator]
    if r.units_with_data == 0:
        return i18n.t("no_data", lang)
    return formatting.range_text(r.region_min, r.region_min_high, r.region_max, r.region_max_high, unit, lang)


def units_text(r) -> str:
    total = int(r.units_with_data + r.units_left_out)
    return i18n.t("of_units", lang, n=int(r.units_with_data), total=total)


# Show
spine = charts.spine(compared, [label(r) for r in compared.itertuples(index=False)],
                     [text(r) for r in compared.itertuples(index=False)], lang)
counts = history[history["indicator"].isin(["persons_served", "places"]) & history["value"].notna()]
trend_chart = charts.lines(counts.assign(series=[label(r) for r in counts.itertuples(index=False)]), "year", "value",
                           "series", "", lang)
hidden_below = data.suppress_below()
downloads.offer(toolbar, "pasvaldiba", i18n.t("page_profile", lang), compared.assign(atvk=state.atvk),
                figures={i18n.t("vs_region", lang): lambda: spine, i18n.t("trend", lang): lambda: trend_chart},
                extra=[(i18n.t("download_pdf", lang),
                        lambda: briefing.pdf(dataset, table, state.atvk, state.year, state.vintage, lang,
                                             suppress_below=hidden_below),
                        f"{exports.file_stem('parskats', state.year, state.atvk)}_{lang}.pdf", "application/pdf")],
                atvk=state.atvk)
st.subheader(f"{unit.name(lang)} · {state.year}")
if unit.boundary_note:
    st.caption(unit.boundary_note)
if compared.empty:
    st.info(i18n.t("no_municipality_figures", lang, year=state.year))
else:
    st.markdown(f"**{i18n.t('vs_region', lang)}**")
    st.caption(i18n.t("vs_region_help", lang) + " " + i18n.t("vs_region_bounds", lang))
    rows = list(compared.itertuples(index=False))
    st.plotly_chart(presentation.fit(spine, state), key="profile_spine", config={"displayModeBar": False})
    st.dataframe({
        i18n.t("indicator_col", lang): [label(r) for r in rows],
        i18n.t("value", lang): [text(r) for r in rows],
        i18n.t("region_mean", lang): [mean_text(r) for r in rows],
        i18n.t("region_range", lang): [range_text(r) for r in rows],
        i18n.t("n_in_average", lang): [units_text(r) for r in rows],
        i18n.t("status", lang): [vocab.STATUSES[r.status].label(lang) for r in rows],
        i18n.t("year_col", lang): [int(r.as_of) for r in rows],
        i18n.t("source", lang): [dataset.cite(r.source) for r in rows],
    }, hide_index=True, width="stretch")

left, right = st.columns(2, gap="large")
with left:
    st.subheader(i18n.t("trend", lang))
    if counts.empty:
        st.caption(i18n.t("no_data_long", lang))
    else:
        st.plotly_chart(presentation.fit(trend_chart, state), key="profile_trend", config={"displayModeBar": False})
        with st.expander(i18n.t("table_of_chart", lang)):
            st.dataframe({
                i18n.t("indicator_col", lang): [label(r) for r in counts.itertuples(index=False)],
                i18n.t("year_col", lang): counts["year"].astype(int).tolist(),
                i18n.t("value", lang): [text(r) for r in counts.itertuples(index=False)],
                i18n.t("status", lang): [vocab.STATUSES[s].label(lang) for s in counts["status"]],
            }, hide_index=True, width="stretch")
with right:
    st.subheader(i18n.t("services_provided", lang))
    st.dataframe({
        i18n.t("service", lang): [vocab.SERVICES[s].label(lang) if s in vocab.SERVICES else i18n.t(s, lang)
                                  for s in provided.index],
        i18n.t("status", lang): [i18n.t(f"basket_{v}", lang) for v in provided.values],
    }, hide_index=True, width="stretch")

st.subheader(i18n.t("facilities", lang))
if sites.empty:
    st.caption(i18n.t("no_data_long", lang))
else:
    st.dataframe({
        i18n.t("facilities", lang): sites["name"].tolist(),
        i18n.t("service", lang): [", ".join(vocab.SERVICES[s].label(lang) for s in v.split(";"))
                                  for v in sites["services"]],
        i18n.t("facility_places", lang): [formatting.format_number(p, lang) or "–" for p in sites["places"]],
        i18n.t("facility_status", lang): [vocab.FACILITY_STATUSES[s].label(lang) for s in sites["status"]],
        i18n.t("source", lang): [dataset.cite(s) for s in sites["source"]],
    }, hide_index=True, width="stretch")

sources_footer(dataset, set(compared["source"]) | set(sites["source"]), lang)
