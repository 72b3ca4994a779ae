"""The map view as a plotly figure, for a PNG download of exactly what the map shows.

Polygons are plain filled scatter traces on web-Mercator coordinates, so the picture matches the
interactive map's shapes and needs no tiles, no WebGL and no network. The same classes, colours
and labels as on screen; "no data" is hatched as well as grey so that colour is not the only cue.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from latgale_di import boundaries, choropleth, contrast, i18n, safety

FONT = dict(family="Source Sans Pro, DejaVu Sans, Arial, sans-serif", size=18, color="#1a1a1a")


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


def figure(views: list[choropleth.UnitView], vintage: str, classes, title: str, lang: str) -> go.Figure:
    """One filled trace per legend class (so the legend names them), then the value labels.

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
    points = boundaries.label_points(vintage)
    # Labels on a white box, as on screen: black text stays readable on the darkest class.
    labels = [dict(x=points[v.atvk][0], y=mercator_y(points[v.atvk][1]), text=f"<b>{safety.html_text(v.label)}</b>",
                   showarrow=False, bgcolor="rgba(255,255,255,0.85)", borderpad=2,
                   font=dict(size=15, color="#141414" if v.has_data else "#5a5a5a")) for v in views]
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    fig.update_layout(
        font=FONT, title=dict(text=title, x=0.01, font=dict(size=22)), plot_bgcolor="white",
        paper_bgcolor="white", width=1400, height=1000, margin=dict(l=10, r=10, t=70, b=50),
        legend=dict(orientation="v", x=1.0, xanchor="right", y=1.0, font=dict(size=17),
                    bgcolor="rgba(255,255,255,0.9)"),
        annotations=[*labels, dict(text=boundaries.ATTRIBUTION, x=0, y=-0.05, xref="paper", yref="paper",
                          showarrow=False, xanchor="left", font=dict(size=12, color="#444"))],
    )
    return fig
