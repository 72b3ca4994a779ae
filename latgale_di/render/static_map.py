"""The map view as a plotly figure, for a PNG download of exactly what the map shows.

Polygons are plain filled scatter traces on web-Mercator coordinates, so the picture matches the
interactive map's shapes and needs no tiles, no WebGL and no network. The same classes, colours
and labels as on screen (short names, values, callouts with leader lines: ``svg_map.labels``);
"no data" is hatched as well as grey so that colour is not the only cue.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from latgale_di.core import i18n, safety
from latgale_di.render import choropleth, contrast, svg_map
from latgale_di.territory import boundaries

FONT = dict(family="Source Sans Pro, DejaVu Sans, Arial, sans-serif", size=18, color="#1a1a1a")
# The plot area of the 1400 × 1000 picture (less its margins) and the labels' size in it. The
# labels' font is the one whose widths map_labels counts, so their boxes are as laid out.
PLOT_WIDTH_PX, PLOT_HEIGHT_PX = 1380, 880
LABEL_PX = 17.0
LABEL_FONT = "Liberation Sans, Arial, sans-serif"


def mercator_y(lat: float) -> float:
    """Web-Mercator northing in degree units, so that x (longitude) and y share one scale."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def _path(geometries: list[dict]) -> tuple[list[float | None], list[float | None]]:
    """x and y of every ring, rings separated by None (one trace draws many polygons)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for geometry in geometries:
        for ring in _rings(geometry):
            xs += [p[0] for p in ring] + [None]
            ys += [mercator_y(p[1]) for p in ring] + [None]
    return xs, ys


def _from_drawing(vintage: str):
    """The map from svg_map's drawing units to this figure's (longitude, Mercator degrees): both
    are linear in longitude and in Mercator northing, so two points fix the map."""
    geo = svg_map.geometry(vintage)
    (lon_a, lat_a), (lon_b, lat_b) = (20.0, 55.0), (30.0, 58.0)
    (xa, ya), (xb, yb) = geo.to_px(lon_a, lat_a), geo.to_px(lon_b, lat_b)
    my_a, my_b = mercator_y(lat_a), mercator_y(lat_b)

    def to_figure(x: float, y: float) -> tuple[float, float]:
        return lon_a + (x - xa) * (lon_b - lon_a) / (xb - xa), my_a + (y - ya) * (my_b - my_a) / (yb - ya)

    return to_figure


def figure(views: list[choropleth.UnitView], vintage: str, classes, title: str, lang: str) -> go.Figure:
    """One filled trace per legend class (so the legend names them), then the labels as on screen.

    Plotly reads ``<`` in text as markup: labels such as "<5" are escaped.
    """
    geometry = {f["properties"]["atvk"]: f["geometry"] for f in boundaries.feature_collection(vintage)["features"]}
    no_data = i18n.t("no_data", lang)
    entries = choropleth.legend(classes, lang, views)
    fig = go.Figure()
    for label, colour in entries:
        members = [v for v in views if choropleth.fill_colour(v, classes) == colour]
        if not members:
            continue
        xs, ys = _path([geometry[v.atvk] for v in members])
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", name=safety.html_text(label), hoverinfo="skip",
            fillcolor=f"rgb{colour}", line=dict(color=f"rgb{contrast.outline_for(colour)}", width=1.5),
            fillpattern=(dict(shape="/", fgcolor="#ffffff", size=10, solidity=0.25) if label == no_data else
                         dict(shape="\\", fgcolor="#ffffff", size=10, solidity=0.25)
                         if colour == choropleth.INCOMPLETE_COLOUR else None),
        ))
    # The same labels as on screen (short name and value, callouts with leader lines), laid out
    # for the picture's plot area and carried from drawing units to the figure's coordinates.
    placed = svg_map.labels(views, vintage, PLOT_WIDTH_PX, PLOT_HEIGHT_PX, LABEL_PX)
    to_figure = _from_drawing(vintage)
    has_value = {v.atvk: v.qualifier != "missing" for v in views}
    labels, leaders = [], []
    for p in placed:
        x, y = to_figure(p.x, p.y)
        text = "<br>".join(f"<b>{safety.html_text(line)}</b>" for line in p.lines)
        labels.append(dict(x=x, y=y, text=text, showarrow=False, bgcolor="rgba(255,255,255,0.85)", borderpad=1,
                           font=dict(size=LABEL_PX, family=LABEL_FONT,
                                     color="#141414" if has_value[p.atvk] else "#5a5a5a")))
        leader = p.leader()
        if leader is not None:
            (ax, ay), (bx, by) = (to_figure(*point) for point in leader)
            leaders.append(dict(type="line", x0=ax, y0=ay, x1=bx, y1=by, line=dict(color="#333333", width=1.5)))
    # The axes span the drawing the labels were laid out for, so text and map keep their proportions.
    geo = svg_map.geometry(vintage)
    (left, top), (right, bottom) = to_figure(0, 0), to_figure(geo.width, geo.height)
    fig.update_xaxes(visible=False, range=[left, right])
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1, range=[bottom, top])
    fig.update_layout(
        font=FONT, title=dict(text=title, x=0.01, font=dict(size=22)), plot_bgcolor="white",
        paper_bgcolor="white", width=1400, height=1000, margin=dict(l=10, r=10, t=70, b=50),
        legend=dict(orientation="v", x=1.0, xanchor="right", y=1.0, font=dict(size=17),
                    bgcolor="rgba(255,255,255,0.9)"),
        shapes=leaders,
        annotations=[*labels, dict(text=boundaries.attribution(lang), x=0, y=-0.05, xref="paper", yref="paper",
                          showarrow=False, xanchor="left", font=dict(size=12, color="#444"))],
    )
    return fig
