"""One view of the dashboard: what ``app.py`` runs for every page a reader opens or changes.

The page config, the navigation between the pages, the page itself, then the sidebar's filters,
the shared view written back to the address bar, and the garbage collector settled.
"""

from __future__ import annotations

import streamlit as st

from components import data, share, sidebar, view_state
from latgale_di.core import i18n
from latgale_di.server import garbage_collection


def page(path: str, key: str, icon: str, lang: str, url_path: str | None = None) -> st.Page:
    """A page of the navigation, titled in ``lang``."""
    # A page's address is its file's name (pages/karte.py is /karte), so that the first deep link
    # after a fresh start finds the file and hands over to the entry point (components/entry.py).
    # The default page (no url_path) lives at "/".
    return st.Page(path, title=i18n.t(key, lang), icon=icon, url_path=url_path, default=url_path is None)


def pages(lang: str) -> list[st.Page]:
    """Every page, in the order of the navigation."""
    return [
        page("pages/overview.py", "page_overview", ":material/dashboard:", lang),
        page("pages/sanaksme.py", "page_meeting", ":material/co_present:", lang, "sanaksme"),
        page("pages/karte.py", "page_map", ":material/map:", lang, "karte"),
        page("pages/pasvaldiba.py", "page_profile", ":material/location_city:", lang, "pasvaldiba"),
        page("pages/noslodze.py", "page_occupancy", ":material/bed:", lang, "noslodze"),
        page("pages/pieprasijums.py", "page_demand", ":material/trending_down:", lang, "pieprasijums"),
        page("pages/grozs.py", "page_basket", ":material/checklist:", lang, "grozs"),
        page("pages/tendences.py", "page_trends", ":material/show_chart:", lang, "tendences"),
        page("pages/virziba.py", "page_progress", ":material/flag:", lang, "virziba"),
        page("pages/investicijas.py", "page_investment", ":material/euro:", lang, "investicijas"),
        page("pages/scenarijs.py", "page_scenario", ":material/tune:", lang, "scenarijs"),
        page("pages/avoti.py", "page_sources", ":material/menu_book:", lang, "avoti"),
        page("pages/dati.py", "page_data", ":material/database:", lang, "dati"),
        page("pages/pieejamiba.py", "page_accessibility", ":material/accessibility_new:", lang, "pieejamiba"),
    ]


def run() -> None:
    """Draw the page the address names, with the navigation and the sidebar."""
    st.set_page_config(page_title="DI Latgalē", page_icon="🗺️", layout="wide")
    data.begin_run()
    view_state.restore()
    lang = view_state.current().lang
    # Every page listed: a collapsed list ends in Streamlit's own "View 3 more", English on a Latvian page.
    navigation = st.navigation(pages(lang), expanded=True)
    # The page first, the sidebar after it: the filters' values are in the session already, and a
    # filter change repaints the map as soon as its drawing reaches the browser, which then does not
    # wait behind the sidebar's widgets (docs/performance.md). `finally`: a page that stops or
    # switches still leaves the filters drawn.
    try:
        navigation.run()
    finally:
        sidebar.render()
    # Every page ends by putting the shared view in the address bar: sidebar navigation drops the
    # query string, so the state is restored from the session and written back on each page.
    final = view_state.current()
    view_state.write_to_url(final)
    share.fill(final)
    # Last: a run that left many long-lived objects behind (imports, a data load) freezes them, so the
    # collector's full passes stop costing every later filter change (latgale_di/server/garbage_collection.py).
    garbage_collection.settle()
