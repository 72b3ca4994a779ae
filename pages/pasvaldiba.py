"""Municipality profile: every indicator against Latgale, its trend, its sites, its basket."""

from __future__ import annotations

import streamlit as st

from components import charts, data, downloads, presentation, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.table import Column
from latgale_di.analysis import basket, profile
from latgale_di.core import i18n
from latgale_di.render import briefing, exports, tables
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)
# What each figure is, and its value with its marks: the same in the chart, its table and the comparison.
FIGURE = Column("indicator", "indicator_col", joined=("indicator", "target_group", "service"))
VALUE = Column("value", unit_from="unit", qualifier="qualifier", bounds=("value_min", "value_max"), bound="value_max")
YEAR_VALUE = Column("value", unit_from="unit", status="status", bounds=("value_min", "value_max"))  # a trend's rows

toolbar = header(i18n.t("page_profile", lang), lang, dataset)
if state.atvk not in units:
    state = view_state.update(atvk=next(iter(units)))
st.selectbox(i18n.t("choose_municipality", lang), list(units),
             placeholder=i18n.t("choose_placeholder", lang), key=view_state.widget_key("atvk"),
             format_func=lambda a: units[a].name(lang))
state = view_state.current()
unit = units[state.atvk]

# Compute
compared = profile.comparison(table, state.atvk, state.year, state.vintage)
counts = profile.count_trend(profile.trend(table, state.atvk))
sites = profile.sites(dataset.facilities, state.year, state.vintage, state.atvk)
provided = basket.of_unit(table, dataset.facilities, state.vintage, state.year, state.atvk)

# Show
refs = table_view.References()
names = table_view.names_with_region(state.vintage, lang)
spine = charts.spine(compared, tables.cells(compared, FIGURE, lang), tables.cells(compared, VALUE, lang), lang)
trend_chart = charts.lines(counts.assign(series=tables.cells(counts, FIGURE, lang)), "year", "value", "series", "",
                           lang)
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
    st.plotly_chart(presentation.fit(spine, state), key="profile_spine", config={"displayModeBar": False})
    table_view.show(compared, [
        FIGURE, VALUE,
        Column("region_mean", unit_from="unit", interval="region_mean_high"),
        Column("region_min", "region_range", unit_from="unit",
               span=("region_min_high", "region_max", "region_max_high")),
        Column("units_with_data", "n_in_average", template="of_units",
               fields={"n": "units_with_data", "total": "units_total"}),
        Column("status"), Column("as_of", "year_col"), Column("source"),
    ], i18n.t("vs_region", lang), refs, names, lang)

left, right = st.columns(2, gap="large")
with left:
    st.subheader(i18n.t("trend", lang))
    if counts.empty:
        st.caption(i18n.t("no_data_long", lang))
    else:
        st.plotly_chart(presentation.fit(trend_chart, state), key="profile_trend", config={"displayModeBar": False})
        with st.expander(i18n.t("table_of_chart", lang)):
            table_view.show(counts, [FIGURE, Column("year", "year_col"), YEAR_VALUE, Column("status"),
                                     Column("source")], i18n.t("table_of_chart", lang), refs, names, lang)
with right:
    st.subheader(i18n.t("services_provided", lang))
    table_view.show(provided, [Column("service"), Column("basket", "status")], i18n.t("services_provided", lang),
                    refs, names, lang)

st.subheader(i18n.t("facilities", lang))
if sites.empty:
    st.caption(i18n.t("no_data_long", lang))
else:
    table_view.show(sites, [
        Column("name", "facilities"), Column("services", "service"),
        Column("places", "facility_places", unit="places"),
        Column("status", "facility_status", vocabulary="facility_status"), Column("source"),
    ], i18n.t("facilities", lang), refs, names, lang)

sources_footer(dataset, refs, lang)
