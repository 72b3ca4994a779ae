"""Minimum services basket: municipality × service, provides / planned / missing / no data."""

from __future__ import annotations

import streamlit as st

from components import data, downloads, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header
from components.table import Column
from latgale_di.analysis import basket
from latgale_di.core import i18n
from latgale_di.render import tables

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)

# Compute
states = basket.matrix(table, dataset.facilities, state.vintage, state.year)

# Show
toolbar = header(i18n.t("page_basket", lang), lang, dataset)
downloads.offer(toolbar, "grozs", i18n.t("page_basket", lang), basket.long_form(states, state.year))
st.caption(i18n.t("basket_intro", lang))
st.markdown("  ".join(f"{basket.SYMBOLS[s]} {i18n.t(f'basket_{s}', lang)}" for s in basket.STATES))
table_view.show(states.rename_axis("atvk").reset_index(), [
    Column("atvk", "municipality"),
    *(Column(service, title=str(tables.labels("service", [service], lang)[0]), vocabulary="basket")
      for service in states.columns),
], i18n.t("page_basket", lang), table_view.References(), table_view.names_with_region(state.vintage, lang), lang)
