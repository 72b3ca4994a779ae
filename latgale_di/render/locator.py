"""A small locator map: every municipality of a vintage as inline SVG, one of them highlighted.

Inline SVG needs no tiles, images or scripts, so a printed briefing works offline and looks the
same in every viewer. The outlines are the dashboard map's own (``svg_map.geometry``: web
Mercator, north up), so shapes look as they do on screen.
"""

from __future__ import annotations

from shapely.geometry import shape

from latgale_di.core import safety
from latgale_di.render import svg_map
from latgale_di.territory import boundaries

ACCENT = "#9e1b32"  # Latgale planning region colour
HIGHLIGHT_OUTLINE = "#3a0a12"
OTHER_FILL = "#e4e4e4"
OTHER_OUTLINE = "#ffffff"
REGION_OUTLINE = "#9a9a9a"
# Below this share of the map's width a highlighted unit (a city) gets a ring, or nobody finds it.
_SMALL_SHARE = 0.12


def svg(vintage: str, highlight: str, width_px: int = 360, title: str | None = None) -> str:
    """Inline SVG of all municipalities of ``vintage`` with ``highlight`` (an ATVK code) filled.

    ``title`` is the accessible name (``<title>``); by default the highlighted unit's Latvian name.
    The drawing scales with its container (``viewBox`` and ``width: 100%``).
    """
    # The dashboard's own projected, simplified outlines (latgale_di.render.svg_map), at this width.
    geo = svg_map.geometry(vintage, width_px)
    features = boundaries.feature_collection(vintage)["features"]
    height_px = geo.height

    defs, others, chosen = [], [], []
    chosen_box: tuple[float, float, float, float] | None = None
    for i, feature in enumerate(features):
        atvk = feature["properties"]["atvk"]
        defs.append(f'<path id="u{i}" d="{geo.paths[atvk]}"/>')
        if atvk == highlight:
            chosen.append(f'<use href="#u{i}" fill="{ACCENT}" stroke="{HIGHLIGHT_OUTLINE}" stroke-width="1.2"/>')
            # Web Mercator keeps the order of coordinates: the corners of the lon/lat box are the box.
            west, south, east, north = shape(feature["geometry"]).bounds
            (left, bottom), (right, top) = geo.to_px(west, south), geo.to_px(east, north)
            chosen_box = (left, top, right, bottom)
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
        f'width="{width_px}" height="{height_px:.1f}" role="img" aria-label="{safety.html_text(title)}" '
        'style="width:100%;height:auto" fill-rule="evenodd">'
        f"<title>{safety.html_text(title)}</title>"
        f'<defs>{"".join(defs)}</defs>'
        f'<g fill="none" stroke="{REGION_OUTLINE}" stroke-width="1.6">{halo}</g>'
        f'<g fill="{OTHER_FILL}" stroke="{OTHER_OUTLINE}" stroke-width="0.8">{"".join(others)}</g>'
        f'<g stroke-linejoin="round">{"".join(chosen)}</g>{ring}</svg>'
    )
