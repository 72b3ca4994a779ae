"""Minimum services basket: municipality × service, provides / planned / missing / no data."""

from __future__ import annotations

import streamlit as st

from components import data, downloads, view_state
from components.page import header
from latgale_di.analysis import basket
from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries

# Load
state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
units = boundaries.units(state.vintage)

# Compute
states = basket.matrix(table, dataset.facilities, state.vintage, state.year)

# Show
toolbar = header(i18n.t("page_basket", lang), lang, dataset)
downloads.offer(toolbar, "grozs", i18n.t("page_basket", lang), basket.long_form(states, state.year))
st.caption(i18n.t("basket_intro", lang))
symbols = {"provided": "✔", "planned": "◐", "missing": "✖", "unknown": "?", "proposed": "☆"}
st.markdown("  ".join(f"{symbols[s]} {i18n.t(f'basket_{s}', lang)}" for s in basket.STATES))
shown = states.apply(lambda col: col.map(lambda s: f"{symbols[s]} {i18n.t(f'basket_{s}', lang)}"))
shown.index = [units[a].name(lang) for a in states.index]
shown.columns = [vocab.SERVICES[c].label(lang) if c in vocab.SERVICES else i18n.t(c, lang) for c in states.columns]
st.dataframe(shown, width="stretch", height=38 * (len(shown) + 1) + 4)
