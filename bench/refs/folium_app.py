"""Reference: the 9 polygons as a folium GeoJson choropleth via streamlit-folium, no tiles."""

from __future__ import annotations

import folium
import streamlit as st
from refdata import CENTER, COLUMNS, LABEL, coloured_geojson
from streamlit_folium import st_folium

st.title("Latgale: folium reference")
column = st.selectbox(LABEL, COLUMNS)
# Tiles off: no network, like the app. A fixed view rather than fit_bounds(), whose 250 ms zoom
# animation would be timed as part of every repaint.
fmap = folium.Map(location=CENTER, zoom_start=8, tiles=None)
# Leaflet from this folder's static/ (served with --server.enableStaticServing), not folium's CDN:
# the benchmark runs offline. See static/leaflet/README.md.
fmap.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
fmap.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
folium.GeoJson(
    coloured_geojson(column),
    style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": "#444444", "weight": 1,
                              "fillOpacity": 0.85},
    tooltip=folium.GeoJsonTooltip(fields=["name", "value"]),
).add_to(fmap)
# A stable key updates the component in place; returned_objects=[] stops map moves from rerunning.
st_folium(fmap, key="map", height=600, use_container_width=True, returned_objects=[])
