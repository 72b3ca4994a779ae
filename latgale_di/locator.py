"""A small locator map: every municipality of a vintage as inline SVG, one of them highlighted.

Inline SVG needs no tiles, images or scripts, so a printed briefing works offline and looks the
same in every viewer. Coordinates are projected to web Mercator (as on the dashboard's map) so
shapes look familiar; SVG's y axis points down, hence the flip.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator

from latgale_di import boundaries

ACCENT = "#9e1b32"  # Latgale planning region colour
HIGHLIGHT_OUTLINE = "#3a0a12"
OTHER_FILL = "#e4e4e4"
OTHER_OUTLINE = "#ffffff"
REGION_OUTLINE = "#9a9a9a"
_PAD_PX = 4.0
# Below this share of the map's width a highlighted unit (a city) gets a ring, or nobody finds it.
_SMALL_SHARE = 0.12

Point = tuple[float, float]


def _mercator(lon: float, lat: float) -> Point:
    """Web-Mercator x, y in radians (y grows northwards)."""
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """A Polygon or MultiPolygon as a list of polygons (each a list of rings)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unsupported geometry type {geometry['type']!r}")


def _rings(geometry: dict) -> Iterator[list[list[float]]]:
    for polygon in _polygons(geometry):
        yield from polygon


def _path(rings: Iterable[list[list[float]]], to_px) -> str:
    """SVG path data; points that round to the same pixel are dropped (a 360 px map needs no more)."""
    parts = []
    for ring in rings:
        last = None
        coords = []
        for lon, lat, *_ in ring:
            x, y = to_px(lon, lat)
            point = (round(x, 1), round(y, 1))
            if point != last:
                coords.append(f"{point[0]:g},{point[1]:g}")
                last = point
        if len(coords) >= 3:
            parts.append("M" + " L".join(coords) + " Z")
    return " ".join(parts)


def svg(vintage: str, highlight: str, width_px: int = 360, title: str | None = None) -> str:
    """Inline SVG of all municipalities of ``vintage`` with ``highlight`` (an ATVK code) filled.

    ``title`` is the accessible name (``<title>``); by default the highlighted unit's Latvian name.
    The drawing scales with its container (``viewBox`` and ``width: 100%``).
    """
    features = boundaries.feature_collection(vintage)["features"]
    lon0, lat0, lon1, lat1 = boundaries.bounds(vintage)
    x0, y0 = _mercator(lon0, lat0)
    x1, y1 = _mercator(lon1, lat1)
    scale = (width_px - 2 * _PAD_PX) / (x1 - x0)
    height_px = (y1 - y0) * scale + 2 * _PAD_PX

    def to_px(lon: float, lat: float) -> Point:
        x, y = _mercator(lon, lat)
        return _PAD_PX + (x - x0) * scale, _PAD_PX + (y1 - y) * scale  # flipped: north is up

    defs, others, chosen = [], [], []
    chosen_box: tuple[float, float, float, float] | None = None
    for i, feature in enumerate(features):
        atvk = feature["properties"]["atvk"]
        defs.append(f'<path id="u{i}" d="{_path(_rings(feature["geometry"]), to_px)}"/>')
        if atvk == highlight:
            chosen.append(f'<use href="#u{i}" fill="{ACCENT}" stroke="{HIGHLIGHT_OUTLINE}" stroke-width="1.2"/>')
            xs, ys = zip(*(to_px(c[0], c[1]) for ring in _rings(feature["geometry"]) for c in ring))
            chosen_box = (min(xs), min(ys), max(xs), max(ys))
        else:
            others.append(f'<use href="#u{i}"/>')
    # The region's edge: a grey halo under everything; neighbours' fills hide it on inner borders,
    # which stay white, so only the outer edge shows grey.
    halo = "".join(f'<use href="#u{i}"/>' for i in range(len(features)))
    ring = ""
    if chosen_box is not None and (chosen_box[2] - chosen_box[0]) < _SMALL_SHARE * width_px:
        cx, cy = (chosen_box[0] + chosen_box[2]) / 2, (chosen_box[1] + chosen_box[3]) / 2
        r = max(chosen_box[2] - chosen_box[0], chosen_box[3] - chosen_box[1]) / 2 + 0.035 * width_px
        ring = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="none" stroke="{ACCENT}" stroke-width="1.5"/>'
    if title is None:
        unit = boundaries.units(vintage).get(highlight)
        title = unit.name_lv if unit else ""
    # Others first, the highlighted unit last, so its dark outline is drawn over its neighbours'.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width_px} {height_px:.1f}" '
        f'width="{width_px}" height="{height_px:.1f}" role="img" aria-label="{html.escape(title)}" '
        'style="width:100%;height:auto" fill-rule="evenodd">'
        f"<title>{html.escape(title)}</title>"
        f'<defs>{"".join(defs)}</defs>'
        f'<g fill="none" stroke="{REGION_OUTLINE}" stroke-width="1.6">{halo}</g>'
        f'<g fill="{OTHER_FILL}" stroke="{OTHER_OUTLINE}" stroke-width="0.8">{"".join(others)}</g>'
        f'<g stroke-linejoin="round">{"".join(chosen)}</g>{ring}</svg>'
    )
