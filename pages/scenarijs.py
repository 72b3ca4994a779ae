"""Scenario ("what if"): add or remove places and compare with today. Nothing is written to the data."""

from __future__ import annotations

import math

import streamlit as st

from components import data, day_rate, downloads, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.table import Column
from latgale_di.analysis import scenario
from latgale_di.core import i18n, vocab
from latgale_di.render import tables
from latgale_di.territory import boundaries, population

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)
names = table_view.names_with_region(state.vintage, lang)
services = [s for s in vocab.SERVICES if s != "any"]


def current_changes() -> list[scenario.Change]:
    return scenario.read(view_state.current().scenario, units).all_changes


def save(changes: list[scenario.Change]) -> None:
    # The scenario lives only in the view state (and so in the URL): never in the data.
    try:
        view_state.update(scenario=scenario.encode(changes))
    except ValueError:
        st.session_state["sc_error"] = i18n.t("sc_cannot_add", view_state.current().lang)


def add() -> None:
    places = int(st.session_state.get("sc_places") or 0)
    if places == 0:
        st.session_state["sc_error"] = i18n.t("sc_zero", view_state.current().lang)
        return
    save([*current_changes(), scenario.Change(st.session_state["sc_atvk"], view_state.current().target_group,
                                              st.session_state["sc_service"], places)])


def remove(key: tuple[str, str, str]) -> None:
    save([c for c in current_changes() if c.key != key])


# Filter
reading = scenario.read(state.scenario, units)
changes, elsewhere, problem = reading.changes, reading.elsewhere, reading.problem

# Compute
result = scenario.apply(table, changes, state.year, population.denominators(dataset.population, state.vintage))

# Show
toolbar = header(i18n.t("page_scenario", lang), lang, dataset)
downloads.offer(toolbar, "scenarijs", i18n.t("page_scenario", lang), result)
st.caption(i18n.t("sc_intro", lang))
st.warning(i18n.t("sc_not_saved", lang), icon=":material/science:")
if problem:
    st.error(i18n.t("sc_invalid", lang, error=problem))
if "sc_error" in st.session_state:
    st.error(st.session_state.pop("sc_error"))
if elsewhere:
    st.info(i18n.t("sc_foreign", lang, changes=", ".join(c.encode() for c in elsewhere)))

st.subheader(i18n.t("sc_editor", lang))
if st.session_state.get("sc_atvk") not in units:  # e.g. after a switch of boundaries
    st.session_state["sc_atvk"] = state.atvk if state.atvk in units else next(iter(units))
if "sc_service" not in st.session_state:
    st.session_state["sc_service"] = state.service if state.service in services else "group_apartments"
pick_unit, pick_service, pick_places, pick_add = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
pick_unit.selectbox(i18n.t("municipality", lang), list(units),
                    placeholder=i18n.t("choose_placeholder", lang), key=view_state.labelled("sc_atvk"),
                    format_func=names.__getitem__)
pick_service.selectbox(i18n.t("service", lang), services,
                       placeholder=i18n.t("choose_placeholder", lang), key=view_state.labelled("sc_service"),
                       format_func=lambda s: vocab.SERVICES[s].label(lang))
pick_places.number_input(i18n.t("sc_places_change", lang), min_value=-scenario.MAX_CHANGE,
                         max_value=scenario.MAX_CHANGE, value=1, step=1, key="sc_places")
pick_add.button(i18n.t("sc_add", lang), on_click=add, type="primary", icon=":material/add:", key="sc_add")
st.caption(f"{i18n.t('target_group', lang)}: **{vocab.TARGET_GROUPS[state.target_group].label(lang)}** "
           f"({i18n.t('sc_group_from_sidebar', lang)})")

st.subheader(i18n.t("sc_changes", lang))
if not changes:
    st.info(i18n.t("sc_empty", lang))
for i, change in enumerate(changes):
    text, button = st.columns([8, 2], vertical_alignment="center")
    text.markdown(f"**{names.get(change.atvk, change.atvk)}** · {vocab.TARGET_GROUPS[change.target_group].label(lang)}"
                  f" · {vocab.SERVICES[change.service].label(lang)}: "
                  f"**{tables.signed_cell(change.places, 'places', lang)}**")
    button.button(i18n.t("sc_remove", lang), key=f"sc_remove_{i}", on_click=remove, args=(change.key,),
                  icon=":material/close:")
if changes or elsewhere:
    st.button(i18n.t("sc_clear", lang), on_click=save, args=([],), key="sc_clear", icon=":material/delete:")

refs = table_view.References()
if changes:
    st.subheader(i18n.t("sc_side_by_side", lang))
    st.caption(i18n.t("sc_side_help", lang, year=state.year))
    table_view.show(result, [
        Column("atvk", "municipality"), Column("target_group"), Column("service"), Column("indicator"),
        Column("today", "sc_today", unit_from="unit", status="today_status"),
        Column("scenario", "sc_scenario", unit_from="unit", status="status"),
        Column("difference", "sc_difference", unit_from="unit", signed=True),
        Column("today_status", "sc_today_status", vocabulary="status"),
        Column("status", "sc_scenario_status"),
        Column("basis", "sc_basis", code_text="sc_basis_{}"),
        Column("source"),
    ], i18n.t("sc_side_by_side", lang), refs, names, lang)

    st.subheader(i18n.t("sc_cost", lang))
    st.caption(i18n.t("sc_cost_help", lang))
    rates = {service: day_rate.choose(service, f"{i18n.t('day_rate', lang)} · {vocab.SERVICES[service].label(lang)}",
                                      dataset, lang, key=f"sc_rate_{service}")
             for service in dict.fromkeys(c.service for c in changes)}
    cost_rows = scenario.costs(result, rates)
    total = scenario.total_cost(cost_rows)
    st.metric(i18n.t("sc_cost_total", lang), i18n.t("no_data", lang) if math.isnan(total)
              else f"{tables.signed_cell(total, 'EUR', lang, 0)} EUR")
    if math.isnan(total):
        st.caption(i18n.t("sc_cost_missing", lang))
    table_view.show(cost_rows, [
        Column("service"),
        Column("places_delta", "sc_places_delta", unit="places", signed=True),
        Column("eur_per_day", "day_rate", unit="EUR/day", decimals=2),
        Column("origin", "sc_rate_origin", code_text="sc_origin_{}"),
        Column("cost", "running_cost", unit="EUR", signed=True, decimals=0),
        Column("source"),
    ], i18n.t("sc_cost", lang), refs, names, lang)

sources_footer(dataset, refs, lang)
