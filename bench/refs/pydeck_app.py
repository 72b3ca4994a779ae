"""Reference: the 9 polygons as a pydeck ``GeoJsonLayer`` with no basemap (``map_provider=None``)."""

from __future__ import annotations

import pydeck as pdk
import streamlit as st
from refdata import CENTER, COLUMNS, LABEL, coloured_geojson, rgb

st.title("Latgale: pydeck reference")
column = st.selectbox(LABEL, COLUMNS)
data = coloured_geojson(column)
for feature in data["features"]:
    feature["properties"]["rgb"] = rgb(feature["properties"]["fill"])
layer = pdk.Layer("GeoJsonLayer", data=data, id="polygons", pickable=True, stroked=True, filled=True,
                  get_fill_color="properties.rgb", get_line_color=[68, 68, 68], line_width_min_pixels=1)
deck = pdk.Deck(layers=[layer], map_provider=None,
                initial_view_state=pdk.ViewState(latitude=CENTER[0], longitude=CENTER[1], zoom=6.6),
                tooltip={"text": "{name}: {value}"})
st.pydeck_chart(deck, key="map", height=600)
