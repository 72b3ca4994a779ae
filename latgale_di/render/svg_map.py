"""The choropleth as inline SVG, drawn on the server: no map library, no WebGL, no network.

Why SVG and not a map library: the browser draws it with the page's first paint (no 4–5 MB
library script to load), a filter change sends only this drawing (tens of kB, where deck.gl and
plotly re-send the whole figure with its geometry), it prints and exports as it looks, and it is
readable by assistive technology: every municipality is a link with a text name and tooltip, so
the map works from the keyboard (Tab, Enter) as well as with a mouse.

Geometry is prepared once per vintage (projected to web Mercator, simplified to well under a
pixel with topology kept, coordinates as whole or tenths of pixels in relative path commands)
and reused for every view; a view only adds colours, labels and links.

The drawing is two pieces, so that a filter change sends only what changed: ``outlines(vintage)``
holds every outline once, as ``<path id>`` in an invisible SVG whose text never changes (Streamlit
then sends it as a reference to the copy its client already has), and ``render(...)`` draws the
view with ``<use href="#…">`` pointing at those outlines: colours, links, tooltips and labels only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import shape

from latgale_di.core import extent as _extent
from latgale_di.core import safety
from latgale_di.render import choropleth, contrast, map_labels
from latgale_di.territory import boundaries

WIDTH_PX = 800  # the drawing's own units; the SVG scales to its container
PAD_PX = 6.0
TOLERANCE_PX = 0.6  # simplification: below what a 1-px outline shows
LABEL_TEXT = {"figure": (20, 20, 20), "no data": (90, 90, 90)}
LABEL_HALO = (255, 255, 255)
HATCH_ID = "di-map-no-data"
PARTIAL_HATCH_ID = "di-map-partial"
# "No data" and partial sums are hatched as well as coloured (pattern id, stripe angle): colour is
# not the only cue, and neither reads as a class of known values. The pictures' legends use it too.
HATCHES: dict[tuple[int, int, int], tuple[str, int]] = {
    choropleth.NO_DATA_COLOUR: (HATCH_ID, 45), choropleth.INCOMPLETE_COLOUR: (PARTIAL_HATCH_ID, -45)}
OUTLINES_CLASS = "di-map-outlines"
LEADER_COLOUR = (51, 51, 51)
SITE_CLEARANCE_PX = 2.0  # screen pixels kept free between a site marker and any label
CALLOUT_UNITS_MAX = 40  # maps with more units give callouts to cities only
# The page's font first; a picture drawn without it takes the next one installed (packages.txt).
LABEL_FONT = "Source Sans Pro, Liberation Sans, Arial, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Geometry:
    """Municipality outlines of one vintage in drawing units, ready to colour."""

    width: float
    height: float
    paths: dict[str, str]  # ATVK → SVG path data
    labels: dict[str, tuple[float, float]]  # ATVK → label anchor (map_labels.anchor)
    to_px: Callable[[float, float], tuple[float, float]]
    shapes: dict = field(default_factory=dict, compare=False, repr=False)  # ATVK → simplified polygon


def _mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.radians(lon), np.log(np.tan(math.pi / 4 + np.radians(lat) / 2))


def _path_data(geometry, decimals: int) -> str:
    """Relative path commands ("M x y l dx dy …z"): about half the characters of absolute ones."""
    polygons = [geometry] if geometry.geom_type == "Polygon" else list(geometry.geoms)
    parts = []
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            points = np.round(np.asarray(ring.coords)[:-1], decimals)
            if len(points) < 3:
                continue
            steps = np.diff(points, axis=0)
            steps = steps[(steps != 0).any(axis=1)]
            moves = " ".join(f"{dx:g} {dy:g}" for dx, dy in steps)
            parts.append(f"M{points[0][0]:g} {points[0][1]:g}l{moves}z")
    return "".join(parts)


@lru_cache(maxsize=8)
def geometry(vintage: str, width_px: float = WIDTH_PX, tolerance_px: float = TOLERANCE_PX) -> Geometry:
    """The vintage's outlines projected and simplified for a drawing ``width_px`` wide (cached)."""
    features = boundaries.feature_collection(vintage)["features"]
    west, south, east, north = boundaries.bounds(vintage)
    (x0, x1), (y0, y1) = _mercator(np.array([west, east]), np.array([south, north]))
    scale = (width_px - 2 * PAD_PX) / (x1 - x0)
    height = float((y1 - y0) * scale + 2 * PAD_PX)

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = _mercator(coords[:, 0], coords[:, 1])
        return np.column_stack([PAD_PX + (x - x0) * scale, PAD_PX + (y1 - y) * scale])  # north up

    def to_px(lon: float, lat: float) -> tuple[float, float]:
        x, y = project(np.array([[lon, lat]]))[0]
        return float(x), float(y)

    paths, shapes = {}, {}
    for f in features:
        projected = shapely.transform(shape(f["geometry"]), project)
        simple = projected.simplify(tolerance_px, preserve_topology=True)
        paths[f["properties"]["atvk"]] = _path_data(simple, 1)
        shapes[f["properties"]["atvk"]] = simple
    labels = {atvk: map_labels.anchor(s) for atvk, s in shapes.items()}
    return Geometry(width_px, height, paths, labels, to_px, shapes)


def outline_id(vintage: str, atvk: str) -> str:
    """The id of a municipality's outline in :func:`outlines` (one per vintage, so both can coexist)."""
    return f"di-geo-{vintage}-{atvk}"


@lru_cache(maxsize=4)
def outlines(vintage: str) -> str:
    """Every outline of the vintage as an invisible ``<svg>`` of ``<path id>``: the same text on every
    run, for :func:`render`'s ``<use>`` elements to point at. Not ``display:none``: a pattern or
    path inside an undisplayed SVG is not drawn by every browser."""
    geo = geometry(vintage)
    paths = "".join(f'<path id="{outline_id(vintage, atvk)}" d="{d}"/>' for atvk, d in geo.paths.items())
    return (f'<svg class="{OUTLINES_CLASS}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" '
            f'width="0" height="0" style="position:absolute;width:0;height:0;overflow:hidden">'
            f"<defs>{paths}</defs></svg>")


def hex_colour(colour: Sequence[int]) -> str:
    """"#rrggbb" of an RGB(A) colour."""
    return "#{:02x}{:02x}{:02x}".format(*colour[:3])


def _site_radius_px(radius_m: float, lat: float, geo: Geometry) -> float:
    """A site's radius in drawing units: ``radius_m`` metres at that latitude."""
    _, y_a = geo.to_px(0.0, lat)
    _, y_b = geo.to_px(0.0, lat + radius_m / 111_320)
    return abs(y_a - y_b)


def render(views: list[choropleth.UnitView], vintage: str, classes, title: str, link: Callable[[str], str],
           tooltips: dict[str, str], sites: list[dict] | None = None, width_px: int = 760,
           max_height_px: int = 600, label_px: float = 15.0, fit_below: str = "") -> str:
    """The map of ``views`` as one ``<svg class="di-map">``: fills, outlines, links, labels, sites.

    ``fit_below`` (a CSS length, e.g. "11rem"): the map is also never taller than the screen less
    that much, so that on a projector of any size the whole region shows below what is above it.

    The outlines themselves are ``<use>`` references to :func:`outlines` of the same vintage, which
    must be on the page too. ``link(atvk)`` is where a click on a municipality goes (its profile);
    ``tooltips`` are the plain-text tooltips by ATVK code. The drawing fits a box of ``width_px`` ×
    ``max_height_px``; text and lines are sized for that box (``label_px`` on screen), so they stay
    legible. Each unit is labelled with its short name over its value (:func:`labels`: callouts with
    leader lines for the cities and units too small for their label, none over another label or a
    site); a unit without a figure shows its name only, the hatch and the legend say "no data".
    """
    geo = geometry(vintage)
    body = _layers(views, vintage, classes, sites, width_px, max_height_px, label_px, link)
    px = _px_per_unit(vintage, width_px, max_height_px)
    tips, tip_rules = _tips(views, tooltips, geo, px, label_px)
    fit = f"min({max_height_px}px, calc(100vh - {fit_below}))" if fit_below else f"{max_height_px}px"
    return (
        f'<svg class="di-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {geo.width:g} {geo.height:.0f}" '
        f'role="group" aria-label="{safety.html_text(title)}" fill-rule="evenodd" '
        f'style="width:100%;height:auto;max-height:{fit};display:block;margin:auto">'
        f"<title>{safety.html_text(title)}</title>{body}"
        f'<style>{tip_rules}</style><g class="di-tips" pointer-events="none">{tips}</g></svg>'
    )


def drawing(views: list[choropleth.UnitView], vintage: str, classes, sites: list[dict] | None, x: float, y: float,
            width_px: int, max_height_px: int, label_px: float) -> tuple[str, float, float]:
    """The same map as :func:`render`, for a picture rather than a page: one self-contained
    ``<svg>`` at (``x``, ``y``) of a larger drawing, its outlines inside it, with no links, tooltips
    or CSS (a picture has no pointer). Returns the markup and the width and height it takes."""
    geo = geometry(vintage)
    scale = min(width_px / geo.width, max_height_px / geo.height)
    width, height = geo.width * scale, geo.height * scale
    paths = "".join(f'<path id="{outline_id(vintage, atvk)}" d="{d}"/>' for atvk, d in geo.paths.items())
    body = _layers(views, vintage, classes, sites, width_px, max_height_px, label_px, None)
    return (f'<svg x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'viewBox="0 0 {geo.width:g} {geo.height:.0f}" fill-rule="evenodd"><defs>{paths}</defs>{body}</svg>',
            width, height)


def _layers(views: list[choropleth.UnitView], vintage: str, classes, sites: list[dict] | None, width_px: int,
            max_height_px: int, label_px: float, link: Callable[[str], str] | None) -> str:
    """Hatches, units, sites, leader lines and labels: what the page and the picture both draw.
    With ``link`` each unit is a link to it (the page), without it a plain group (the picture)."""
    px = _px_per_unit(vintage, width_px, max_height_px)  # drawing units per screen pixel
    units = []
    for v in views:
        fill = choropleth.fill_colour(v, classes)
        line = contrast.outline_for(fill)
        hatched = HATCHES.get(fill)
        paint = (f'fill="url(#{hatched[0]})" data-fill="{hex_colour(fill)}"' if hatched
                 else f'fill="{hex_colour(fill)}"')
        shape_ = f'<use href="#{outline_id(vintage, v.atvk)}" {paint} stroke="{hex_colour(line)}"/>'
        if link is None:
            units.append(f'<g data-atvk="{v.atvk}">{shape_}</g>')
            continue
        spoken = safety.html_text(f"{v.name}: {v.label}")
        units.append(f'<a href="{safety.html_text(link(v.atvk))}" target="_self" data-atvk="{v.atvk}" '
                     f'aria-label="{spoken}">{shape_}</a>')
    circles, obstacles = [], []
    for s, (x, y, r) in zip(sites or [], site_circles(sites or [], vintage, width_px, max_height_px)):
        site_fill = hex_colour(s["fill"]) if s["fill"][3] else "none"
        circles.append(f'<circle data-id="{safety.html_text(str(s["id"]))}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                       f'fill="{site_fill}" fill-opacity="0.8" stroke="{hex_colour(s["line"])}">'
                       f'<title>{safety.html_lines(s["tooltip"])}</title></circle>')
        # A label keeps clear of the marker's outline and a little air round it.
        obstacles.append((x, y, round(r + SITE_CLEARANCE_PX * px, 1)))
    placed = labels(views, vintage, width_px, max_height_px, label_px, tuple(obstacles))
    has_value = {v.atvk: bool(_value_line(v)) for v in views}
    texts, leaders = [], []
    for p in placed:
        colour = LABEL_TEXT["figure" if has_value[p.atvk] else "no data"]
        lines = [safety.html_text(line) for line in p.lines]
        if len(lines) == 2:
            body = (f'<tspan x="{p.x:.1f}" dy="-{map_labels.LINE_EM / 2:g}em">{lines[0]}</tspan>'
                    f'<tspan x="{p.x:.1f}" dy="{map_labels.LINE_EM:g}em">{lines[1]}</tspan>')
        else:
            body = lines[0]
        texts.append(f'<text data-label="{p.atvk}" x="{p.x:.1f}" y="{p.y:.1f}" fill="{hex_colour(colour)}">'
                     f"{body}</text>")
        leader = p.leader()
        if leader is not None:
            (ax, ay), (bx, by) = leader
            leaders.append(f"M{ax:.1f} {ay:.1f}L{bx:.1f} {by:.1f}")
    # The leader lines: a white halo under a dark line, so that a line reads over the darkest class
    # and over the hatch alike, and a dot at the unit's end (zero-length segments with round caps:
    # no <circle>, which would read as a site).
    d = "".join(leaders)
    ends = "".join(f"M{p.leader_to[0]:.1f} {p.leader_to[1]:.1f}l0 0" for p in placed if p.leader_to)
    leader_path = (
        f'<g class="leaders" fill="none" stroke-linecap="round" pointer-events="none">'
        f'<path class="leader-halo" d="{d}" stroke="{hex_colour(LABEL_HALO)}" stroke-width="{3.5 * px:.2f}"/>'
        f'<path class="leaders" d="{d}" stroke="{hex_colour(LEADER_COLOUR)}" stroke-width="{1.3 * px:.2f}"/>'
        f'<path class="leader-ends" d="{ends}" stroke="{hex_colour(LEADER_COLOUR)}" stroke-width="{4.5 * px:.2f}"/></g>'
        if leaders else "")
    return (
        f"<defs>{''.join(hatch(pid, colour, angle, px) for colour, (pid, angle) in HATCHES.items())}</defs>"
        f'<g class="units" stroke-width="{1.2 * px:.2f}" stroke-linejoin="round">{"".join(units)}</g>'
        f'<g class="sites" stroke-width="{1.5 * px:.2f}">{"".join(circles)}</g>'
        f"{leader_path}"
        # Labels ignore the pointer so that a click on a label still reaches its municipality.
        f'<g class="labels" font-family="{LABEL_FONT}" font-weight="700" '
        f'font-size="{label_px * px:.1f}" text-anchor="middle" dominant-baseline="central" paint-order="stroke" '
        f'stroke="{hex_colour(LABEL_HALO)}" stroke-width="{4 * px:.1f}" stroke-linejoin="round" pointer-events="none">'
        f'{"".join(texts)}</g>'
    )


TIP_LINES = 6  # name, figure, year, status, source, note: what a tooltip says, and no more
TIP_CHARS = 70  # a longer line (a source's title) is cut with "…"; the table below has it whole


def _tips(views: list[choropleth.UnitView], tooltips: dict[str, str], geo: Geometry, px: float,
          label_px: float) -> tuple[str, str]:
    """A tooltip box per unit, hidden until its municipality is hovered, focused or tapped, and
    the CSS rules that show it. Drawn last, so that it lies over every outline and label; the
    browser's own tooltip (a ``<title>``) would be small, late, and absent on touch and keyboard."""
    size = max(13.0, label_px * 0.85) * px
    pad = 0.5 * size
    boxes, rules = [], []
    for v in views:
        lines = [line if len(line) <= TIP_CHARS else line[:TIP_CHARS - 1] + "…"
                 for line in str(tooltips.get(v.atvk, v.name)).splitlines() if line.strip()][:TIP_LINES]
        width = max(len(line) for line in lines) * 0.48 * size + 2 * pad
        height = len(lines) * 1.3 * size + 2 * pad
        ax, ay = geo.labels.get(v.atvk, (geo.width / 2, geo.height / 2))
        x = min(max(ax - width / 2, 0.0), max(geo.width - width, 0.0))
        y = ay - height - 1.2 * size  # above its municipality's label, or below where there is no room
        if y < 0:
            y = min(ay + 1.2 * size, max(geo.height - height, 0.0))
        bold = ' font-weight="700"'  # the municipality's name
        body = "".join(f'<tspan x="{x + pad:.1f}" dy="{1.3 if i else 1.05:g}em"{bold if i == 0 else ""}>'
                       f"{safety.html_text(line)}</tspan>" for i, line in enumerate(lines))
        boxes.append(f'<g class="di-tip" data-for="{v.atvk}"><rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                     f'height="{height:.1f}" rx="{0.4 * size:.1f}" fill="#ffffff" fill-opacity="0.97" '
                     f'stroke="#333333" stroke-width="{1.2 * px:.2f}"/><text x="{x + pad:.1f}" y="{y + pad:.1f}" '
                     f'font-size="{size:.1f}" fill="#111111" font-family="{LABEL_FONT}">'
                     f"{body}</text></g>")
        rules.append(f'.di-map:has([data-atvk="{v.atvk}"]:is(:hover,:focus-visible,.di-tapped)) '
                     f'[data-for="{v.atvk}"]{{display:inline}}')
    return "".join(boxes), "".join(rules)


def site_circles(sites: list[dict], vintage: str, width_px: float = 760,
                 max_height_px: float = 600) -> list[tuple[float, float, float]]:
    """Each site's marker as drawn (x, y, radius in drawing units, to a tenth): its radius in metres,
    but never under 4 screen pixels."""
    geo = geometry(vintage)
    px = _px_per_unit(vintage, width_px, max_height_px)
    out = []
    for s in sites:
        x, y = geo.to_px(*s["position"])
        r = max(_site_radius_px(s["radius"], s["position"][1], geo), 4 * px)
        out.append((round(x, 1), round(y, 1), round(r, 1)))
    return out


def _value_line(view: choropleth.UnitView) -> str:
    """The figure under a unit's name; none for a unit without one (the hatch and legend say so)."""
    return "" if view.qualifier == "missing" else view.label


def _px_per_unit(vintage: str, width_px: float, max_height_px: float) -> float:
    geo = geometry(vintage)
    return 1 / min(width_px / geo.width, max_height_px / geo.height)


def labels(views: list[choropleth.UnitView], vintage: str, width_px: float = 760, max_height_px: float = 600,
           label_px: float = 15.0, obstacles: tuple[tuple[float, float, float], ...] = ()) -> list[map_labels.Placed]:
    """Where :func:`render` puts each unit's label (short name and value) for a drawing of that size,
    clear of each other, of the ``obstacles`` (site circles x, y, r in drawing units) and of the
    drawing's edge. Cached: the same view at the same size is laid out once."""
    units = boundaries.units(vintage)
    texts = tuple(map_labels.LabelText(v.atvk, map_labels.short_name(v.name), _value_line(v),
                                       callout=units[v.atvk].is_city) for v in views)
    return list(_layout(_extent.current(), vintage, float(width_px), float(max_height_px), float(label_px), texts,
                        obstacles))


@lru_cache(maxsize=64)
def _layout(extent: str, vintage: str, width_px: float, max_height_px: float, label_px: float,
            texts: tuple[map_labels.LabelText, ...],
            obstacles: tuple[tuple[float, float, float], ...]) -> tuple[map_labels.Placed, ...]:
    geo = geometry(vintage)
    px = _px_per_unit(vintage, width_px, max_height_px)
    # On a map of many units (all of Latvia) a leader line for every small one would be a thicket:
    # there only the cities get callouts, and small units keep their value or stay unlabelled.
    return tuple(map_labels.layout(texts, geo.shapes, geo.labels, label_px * px, geo.width, geo.height, obstacles,
                                   callouts_for_small=len(texts) <= CALLOUT_UNITS_MAX))


def hatch(pattern_id: str, colour: Sequence[int], angle: int, px: float) -> str:
    """A fill of ``colour`` with white stripes at ``angle`` degrees (no data: 45; partial sum: −45)."""
    return (f'<pattern id="{pattern_id}" width="{7 * px:.1f}" height="{7 * px:.1f}" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate({angle})"><rect width="{7 * px:.1f}" height="{7 * px:.1f}" '
            f'fill="{hex_colour(colour)}"/><rect width="{2 * px:.1f}" height="{7 * px:.1f}" '
            f'fill="#ffffff" fill-opacity="0.6"/></pattern>')


# Hover and keyboard focus outline the municipality: the map is a set of links.
CSS = """
<style>
.di-map a use {transition: stroke-width .1s;}
/* vector-effect is not inherited: the outline drawn through <use> takes the hover's explicitly. */
.di-map-outlines path {vector-effect: inherit;}
.di-map a:hover use, .di-map a:focus use {stroke: #000000; stroke-width: 3px; vector-effect: non-scaling-stroke;}
.di-map a:focus {outline: none;}
.di-map a:focus-visible use {stroke: #000000; stroke-width: 4px; vector-effect: non-scaling-stroke;}
.di-map .di-tip {display: none;}
</style>
"""
