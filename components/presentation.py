"""Presentation mode: the content fills a 1920 × 1080 projector and reads from the back of the room.

On with ``?p=1`` or the sidebar toggle. The sidebar, toolbar and header are hidden, type is set
larger, maps and charts grow; a button at the top leaves the mode (the sidebar is not there).
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components import view_state
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n

# The mode is one slide laid out for 1920 × 1080 and scaled to the screen: the type is 22 px there
# and in proportion elsewhere (the CSS below), so a map sized in rem fills any screen alike.
SLIDE_HEIGHT_PX = 1080
ROOT_PX = 22
MAP_WIDTH_PX = 1100  # the map's column: three fifths of a 1920 px screen
OVERVIEW_MAP_WIDTH_PX = 680  # the Overview's map column on the slide: two fifths less the gap, beside the cards
# What stands above each page's map on the slide (title, step line), in rem.
MAP_BELOW_REM = 11.0
OVERVIEW_BELOW_REM = 4.0
MEETING_BELOW_REM = 11.0


def map_height(below_rem: float) -> int:
    """The map's height on the 1080p slide under ``below_rem`` of title: its labels are laid out
    for exactly that box, so they are drawn at their size there (and in proportion elsewhere)."""
    return round(SLIDE_HEIGHT_PX - below_rem * ROOT_PX)


def fit_below(below_rem: float) -> str:
    """The CSS length the map leaves above it on any screen (``svg_map.render``'s ``fit_below``)."""
    return f"{below_rem:g}rem"


FONT_SCALE = 1.45  # charts' type on the projector

_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 1rem 2.5rem 2rem !important; max-width: 100% !important;}
/* One slide scaled to the screen: 22 px type at 1920 × 1080, in proportion elsewhere, 14 px at least. */
html {font-size: max(14px, min(1.1458vw, 2.037vh));}
h1 {font-size: 2.4rem !important; padding: 0 !important;}
[data-testid="stMetricValue"] {font-size: 3rem !important;}
.map-legend {font-size: 1.15rem !important; flex-direction: column; align-items: flex-start !important;}
.map-legend .swatch {width: 2.4rem !important; height: 1.5rem !important;}
/* The Overview's key figures beside its map: compact cards, the legend in a row above them. */
.di-overview-legend .map-legend {flex-direction: row; flex-wrap: wrap; font-size: 1rem !important;}
.di-overview-legend .map-legend .swatch {width: 1.8rem !important; height: 1.1rem !important;}
.di-card {padding: .5rem .9rem !important;}
.di-card h3 {font-size: 1.1rem !important; padding: 0 0 .3rem 0 !important;}
.di-figure {margin: 0 0 .45rem 0 !important;}
.di-figure-label, .di-card .di-note, .di-figure .di-note, .di-card li {font-size: .8rem !important;}
.di-figure-value {font-size: 1.8rem !important; line-height: 1.1 !important;}
</style>
"""


def apply(state: ViewState) -> None:
    """Style the page for the projector; nothing when the mode is off."""
    if state.present:
        # Styles alone: st.html applies them without taking space and without the Markdown pipeline.
        st.html(_CSS)


def exit_button(state: ViewState) -> None:
    """The way out of the mode (the sidebar, with its toggle, is hidden)."""
    st.button(i18n.t("exit_presentation", state.lang), icon=":material/close_fullscreen:",
              on_click=_leave, key="exit_presentation")


def _leave() -> None:
    view_state.update(present=False)


def fit(fig: go.Figure, state: ViewState) -> go.Figure:
    """A chart with type and height scaled up for the projector (unchanged otherwise)."""
    if not state.present:
        return fig
    size = (fig.layout.font.size or 15) * FONT_SCALE
    fig.update_layout(font_size=size, height=int((fig.layout.height or 450) * 1.35),
                      legend_font_size=size, title_font_size=size * 1.2)
    return fig
