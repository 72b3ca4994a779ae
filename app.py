"""Latgale DI dashboard: entry point. Run with `streamlit run app.py`."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="DI Latgalē", page_icon="🗺️", layout="wide")

from components import sidebar, view_state  # noqa: E402  (set_page_config must come first)
from latgale_di import i18n  # noqa: E402

view_state.seed_from_url()
lang = view_state.current().lang

pages = [
    st.Page("pages/map.py", title=i18n.t("page_map", lang), icon=":material/map:", url_path="karte", default=True),
]
navigation = st.navigation(pages)
sidebar.render()
navigation.run()
