"""The choropleth map: pydeck with no basemap (draws offline), a legend and the attribution."""

from __future__ import annotations

import html
import math

import pydeck as pdk
import streamlit as st

from latgale_di import boundaries, i18n
from latgale_di.choropleth import Colour, UnitView

MAP_LAYER_ID = "municipalities"
MAP_HEIGHT_PX = 600
MAP_WIDTH_PX = 760  # the narrowest the map column gets on a 1920 px projector or a laptop
PHONE_MAP_WIDTH_PX = 340
# Value labels: near-black on a white box; "no data" in grey that still has 4.5:1 on that box.
LABEL_TEXT: dict[str, list[int]] = {"figure": [20, 20, 20, 255], "no data": [90, 90, 90, 255]}
LABEL_BOX = [255, 255, 255, 215]


def _fit_width(present: bool) -> int:
    """The width to fit the map to: the server cannot see the screen, but a phone says it is one."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    if "Mobi" in agent:
        return PHONE_MAP_WIDTH_PX
    from components.presentation import MAP_WIDTH_PX as PROJECTOR_MAP_WIDTH_PX

    return PROJECTOR_MAP_WIDTH_PX if present else MAP_WIDTH_PX


def fit_zoom(bounds: tuple[float, float, float, float], width_px: int, height_px: int, padding: float = 0.92) -> float:
    """The web-Mercator zoom at which ``bounds`` fill the map box (512-px world at zoom 0)."""
    west, south, east, north = bounds

    def merc_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    world_x = (east - west) / 360.0
    world_y = (merc_y(north) - merc_y(south)) / (2 * math.pi)
    return math.log2(min(width_px * padding / (512 * world_x), height_px * padding / (512 * world_y)))


def deck(features: dict, views: list[UnitView], vintage: str, facility_points: list[dict],
         height_px: int = MAP_HEIGHT_PX, present: bool = False) -> pdk.Deck:
    """A deck of municipality polygons, value labels and (optionally) service sites.

    ``present``: fitted to a projector's full width, with labels large enough for the back row.
    """
    west, south, east, north = boundaries.bounds(vintage)
    labels = boundaries.label_points(vintage)
    # "No data" labels are grey so that figures stand out; they still say "no data" in words.
    label_data = [{"position": list(labels[v.atvk]), "text": v.label,
                   "color": LABEL_TEXT["figure" if v.has_data else "no data"]} for v in views]
    # deck.gl's TextLayer draws only the characters it was given: pass exactly those in the
    # labels, Latvian letters included. pydeck turns plain strings into accessor expressions,
    # so literals are wrapped in pdk.types.String.
    characters = pdk.types.String("".join(sorted({ch for item in label_data for ch in item["text"]})))
    layers = [
        pdk.Layer(
            "GeoJsonLayer", id=MAP_LAYER_ID, data=features, pickable=True, stroked=True, filled=True,
            get_fill_color="properties.fill", get_line_color="properties.line", line_width_min_pixels=1,
            auto_highlight=True, highlight_color=[255, 255, 255, 90],
        ),
        pdk.Layer(
            "TextLayer", id="labels",
            data=label_data,
            get_position="position", get_text="text", get_size=24 if present else 14,
            size_units=pdk.types.String("pixels"),
            character_set=characters, font_family=pdk.types.String("'Source Sans Pro', Arial, sans-serif"),
            get_color="color", background=True, get_background_color=LABEL_BOX,
            background_padding=[3, 1], font_weight=700, pickable=False,
        ),
    ]
    if facility_points:
        layers.append(pdk.Layer(
            "ScatterplotLayer", id="facilities", data=facility_points, pickable=True, stroked=True, filled=True,
            get_position="position", get_radius="radius", radius_units=pdk.types.String("meters"),
            radius_min_pixels=4,
            get_fill_color="fill", get_line_color="line", line_width_min_pixels=2,
        ))
    view = pdk.ViewState(longitude=(west + east) / 2, latitude=(south + north) / 2,
                         zoom=fit_zoom((west, south, east, north), _fit_width(present), height_px),
                         min_zoom=5, max_zoom=12)
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None,
                    tooltip={"text": "{tooltip}"})


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

    st.selectbox(i18n.t("open_profile_of", lang), [v.atvk for v in views], index=None, key="map_open_profile",
                 format_func={v.atvk: v.name for v in views}.get, on_change=_open_profile,
                 placeholder=i18n.t("open_profile_of", lang))
    chosen = st.session_state.pop("_open_profile", None)
    if chosen:
        view_state.update(atvk=chosen)
        st.switch_page("pages/profile.py")
