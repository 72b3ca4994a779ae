"""The choropleth map on a page: the server-drawn SVG (``latgale_di.svg_map``), its legend and
attribution, and the keyboard list that opens a profile."""

from __future__ import annotations

import html
from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from latgale_di import boundaries, i18n, svg_map
from latgale_di.choropleth import Colour, UnitView
from latgale_di.state import ViewState

MAP_HEIGHT_PX = 600
MAP_WIDTH_PX = 760  # the narrowest the map column gets on a 1920 px projector or a laptop
PHONE_MAP_WIDTH_PX = 340


def _fit_width() -> int:
    """The width to size text for: the server cannot see the screen, but a phone says it is one."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return PHONE_MAP_WIDTH_PX if "Mobi" in agent else MAP_WIDTH_PX


def profile_link(state: ViewState, atvk: str) -> str:
    """The profile of ``atvk`` with the rest of the view unchanged (relative, so it works under any
    base path): a click on the map is an ordinary link that opens exactly that view."""
    query = urlencode(replace(state, atvk=atvk).to_params())
    return f"pasvaldiba?{query}" if query else "pasvaldiba"


def show(views: list[UnitView], classes, state: ViewState, title: str, tooltips: dict[str, str],
         sites: list[dict], width_px: int | None = None, height_px: int = MAP_HEIGHT_PX,
         label_px: float = 15.0) -> None:
    """Draw the map as two markdown elements: the vintage's outlines, whose text is the same on
    every run (so Streamlit re-sends it as a reference, not as ~40 kB of paths), and the view's
    colours, links and labels drawn over them, which is all a filter change sends."""
    drawing = svg_map.render(views, state.vintage, classes, title, lambda a: profile_link(state, a), tooltips,
                             sites, width_px=width_px or _fit_width(), max_height_px=height_px, label_px=label_px)
    with st.container(gap=None):
        st.markdown(svg_map.CSS + svg_map.outlines(state.vintage), unsafe_allow_html=True)
        st.markdown(drawing, unsafe_allow_html=True)


def legend(title: str, entries: list[tuple[str, Colour]], lang: str) -> None:
    """Colour swatches with labels in real units; the no-data swatch is hatched, not just grey."""
    items = []
    for label, (r, g, b) in entries:
        hatched = label == i18n.t("no_data", lang)
        style = (f"background: repeating-linear-gradient(45deg, rgb({r},{g},{b}) 0 4px, #ffffff 4px 7px);"
                 if hatched else f"background: rgb({r},{g},{b});")
        items.append(
            f'<span class="legend-item"><span class="swatch" style="{style}"></span>{html.escape(label)}</span>'
        )
    st.markdown(
        f'<div class="map-legend" role="list" aria-label="{html.escape(title)}">'
        f'<strong>{html.escape(title)}</strong> {"".join(items)}</div>',
        unsafe_allow_html=True,
    )


def attribution(lang: str) -> None:
    st.caption(boundaries.ATTRIBUTION)


LEGEND_CSS = """
<style>
.map-legend {display:flex; flex-wrap:wrap; gap:.4rem 1rem; align-items:center; font-size:1rem; margin:.25rem 0;}
.map-legend .legend-item {display:inline-flex; align-items:center; gap:.35rem;}
.map-legend .swatch {display:inline-block; width:1.4rem; height:1rem; border:1px solid #444;}
</style>
"""


def _open_profile() -> None:
    chosen = st.session_state.get("map_open_profile")
    if chosen:
        st.session_state["map_open_profile"] = None  # so coming back to the map does not jump again
        st.session_state["_open_profile"] = chosen


def profile_picker(views: list[UnitView], lang: str) -> None:
    """A list to open a municipality's profile without a mouse (the map canvas takes no keys)."""
    from components import view_state

    names = {v.atvk: v.name for v in views}
    st.selectbox(i18n.t("open_profile_of", lang), list(names), index=None, key="map_open_profile",
                 format_func=names.__getitem__, on_change=_open_profile,
                 placeholder=i18n.t("open_profile_of", lang))
    chosen = st.session_state.pop("_open_profile", None)
    if chosen:
        view_state.update(atvk=chosen)
        st.switch_page("pages/profile.py")
