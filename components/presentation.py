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

MAP_HEIGHT_PX = 860  # 1080 less the title line and margins
MAP_WIDTH_PX = 1100  # the map's column: three fifths of a 1920 px screen
MEETING_MAP_HEIGHT_PX = 700  # the meeting view's map, below the step's title, within 1080
FONT_SCALE = 1.45

_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 1rem 2.5rem 2rem !important; max-width: 100% !important;}
html {font-size: 22px;}
h1 {font-size: 2.4rem !important; padding: 0 !important;}
[data-testid="stMetricValue"] {font-size: 3rem !important;}
.map-legend {font-size: 1.15rem !important; flex-direction: column; align-items: flex-start !important;}
.map-legend .swatch {width: 2.4rem !important; height: 1.5rem !important;}
</style>
"""


def apply(state: ViewState) -> None:
    """Style the page for the projector; nothing when the mode is off."""
    if state.present:
        st.markdown(_CSS, unsafe_allow_html=True)


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
