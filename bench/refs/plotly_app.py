"""Reference: the 9 polygons as a plotly ``choropleth_map`` on a blank (``white-bg``) MapLibre map."""

from __future__ import annotations

import plotly.express as px
import streamlit as st
from refdata import CENTER, COLUMNS, LABEL, codes, geojson, values

st.title("Latgale: plotly reference")
column = st.selectbox(LABEL, COLUMNS)
vals = values(column)
fig = px.choropleth_map(
    {"atvk": codes(), column: [vals[c] for c in codes()]}, geojson=geojson(), locations="atvk",
    featureidkey="properties.atvk", color=column, color_continuous_scale="YlGn", map_style="white-bg",
    center={"lat": CENTER[0], "lon": CENTER[1]}, zoom=6.6, height=600,
)
fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
st.plotly_chart(fig, key="map", width="stretch")
