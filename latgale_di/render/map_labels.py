"""Where the map's labels go: a short name and the value of every municipality, none over another.

Each unit gets a two-line label (short name, value; the name alone when it has no figure, since
the hatch and the legend already say "no data"). A label sits inside its unit when it fits there;
the cities, and any unit too small for its label, get a *callout*: the label outside the polygon
and a thin leader line to it. Site markers are obstacles like labels, so a marker never covers a
label.

The layout is greedy and deterministic (same input, same picture): units are visited in a fixed
order, each takes the first free candidate position nearest its anchor. Text widths come from a
per-character table of Arial Bold, whose metrics Liberation Sans Bold (the browsers' fallback for
the map's font here) shares; the map's first choice, Source Sans Pro, is narrower, so the boxes
are on the safe side. No font file is read, so the layout is the same on every machine.

All lengths are in the drawing's own units (the SVG viewBox), given the font size in those units.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
import shapely.ops

# Advance widths of Arial Bold (= Liberation Sans Bold) in 1/1000 em, for ' ' … '~'.
_ASCII_WIDTHS = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
    722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
    278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
_WIDTHS = {chr(32 + i): w for i, w in enumerate(_ASCII_WIDTHS)}
_WIDTHS.update({"\u00a0": 278, "\u202f": 278, "–": 556, "—": 1000, "≈": 549, "≥": 549, "≤": 549, "…": 1000})
_WIDE_DEFAULT = 722  # an unknown character counts as a wide capital

LINE_EM = 1.2  # line height, in em
HALO_EM = 0.15  # room kept round the text for its halo and air between labels, in em
# A label "fits" its unit when its centre is in the unit and this share of its box: a little
# overlap of a neighbour reads fine, a label mostly over a neighbour would name the wrong place.
INSIDE_SHARE = 0.6
LOOSE_SHARE = 0.35  # … and when no unit is left that wants the room: still more over it than a callout
LAST_SHARE = 0.1  # … and for a unit hemmed in by labels, which no callout can leave

# Name endings and their short forms, in the interface languages (the official names end so).
# A Latvian city name before "valstspilsēta" is a genitive, named in the nominative on its own.
_CITY_GENITIVE = (" valstspilsēta", " republikas pilsēta")
_SHORT_ENDINGS = (
    (" (republican city)", ""),
    (" State City", ""),
    (" novads", " n."),
    (" Municipality", " mun."),
)


def short_name(name: str) -> str:
    """A municipality's name short enough for the map, from its name in the interface language.

    A city is its bare name ("Rēzeknes valstspilsēta" → "Rēzekne", "Rēzekne (republican
    city)" → "Rēzekne"); a novads keeps its genitive and an abbreviation of the kind, as Latvian
    maps write it ("Rēzeknes novads" → "Rēzeknes n.", "Krāslava Municipality" → "Krāslava mun."),
    so that a city and the novads round it stay apart. Other names are kept whole.
    """
    for ending in _CITY_GENITIVE:
        if name.endswith(ending) and len(name) > len(ending):
            return _nominative(name[: -len(ending)])
    for ending, short in _SHORT_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)] + short
    return name


def _nominative(genitive: str) -> str:
    """The nominative of a Latvian city's genitive name: Rēzeknes → Rēzekne, Rīgas → Rīga,
    Daugavpils → Daugavpils (the -s declension's genitive is the nominative)."""
    for ending, nominative in (("es", "e"), ("as", "a")):
        if genitive.endswith(ending):
            return genitive[: -len(ending)] + nominative
    return genitive


def text_width(text: str, size: float) -> float:
    """The advance width of ``text`` set in bold at ``size``: Σ character width (em) × size.

    A letter with a diacritic is as wide as its base letter (ā as a, Ķ as K)."""
    total = 0
    for char in text:
        width = _WIDTHS.get(char)
        if width is None:
            base = unicodedata.normalize("NFD", char)[:1]
            width = _WIDTHS.get(base, _WIDE_DEFAULT)
        total += width
    return total * size / 1000


@dataclass(frozen=True)
class LabelText:
    """What one unit's label says: its short name and its value ("" for none)."""

    atvk: str
    name: str
    value: str = ""
    callout: bool = False  # always outside the unit, with a leader line (the cities)


@dataclass(frozen=True)
class Placed:
    """A label's place: the centre of its box, its size, its lines and, for a callout, the point
    its leader line goes to (None when the label sits inside its unit)."""

    atvk: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    leader_to: tuple[float, float] | None = None

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the space the label takes, halo included."""
        return (self.x - self.width / 2, self.y - self.height / 2, self.x + self.width / 2, self.y + self.height / 2)

    def leader(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The leader line from the unit's anchor to the nearest point of the label's box."""
        if self.leader_to is None:
            return None
        left, top, right, bottom = self.box
        ax, ay = self.leader_to
        return (ax, ay), (min(max(ax, left), right), min(max(ay, top), bottom))


def _box_size(lines: Sequence[str], size: float) -> tuple[float, float]:
    pad = 2 * HALO_EM * size
    return max(text_width(line, size) for line in lines) + pad, len(lines) * LINE_EM * size + pad


class _Free:
    """The space already taken (label boxes, site circles, leader lines) and the drawing's edge."""

    def __init__(self, width: float, height: float, circles: Sequence[tuple[float, float, float]]):
        self.width, self.height = width, height
        self.circles = np.asarray(circles, dtype=float).reshape(-1, 3)
        self.boxes = np.empty((0, 4))
        self.leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []

    def take(self, placed: Placed) -> None:
        self.boxes = np.vstack([self.boxes, np.asarray(placed.box)[None, :]])
        leader = placed.leader()
        if leader is not None:
            self.leaders.append(leader)

    def ok(self, boxes: np.ndarray) -> np.ndarray:
        """For each candidate box (n × 4: left, top, right, bottom): inside the drawing, clear of
        every taken box and circle and not crossed by a leader line."""
        left, top, right, bottom = boxes.T
        good = (left >= 0) & (top >= 0) & (right <= self.width) & (bottom <= self.height)
        if len(self.boxes):
            t = self.boxes
            overlap = ((left[:, None] < t[None, :, 2]) & (right[:, None] > t[None, :, 0])
                       & (top[:, None] < t[None, :, 3]) & (bottom[:, None] > t[None, :, 1]))
            good &= ~overlap.any(axis=1)
        if len(self.circles):
            cx, cy, r = self.circles.T
            nearest_x = np.clip(cx[None, :], left[:, None], right[:, None])
            nearest_y = np.clip(cy[None, :], top[:, None], bottom[:, None])
            good &= ~(((nearest_x - cx) ** 2 + (nearest_y - cy) ** 2) < r**2).any(axis=1)
        for a, b in self.leaders:
            good &= ~_segment_hits_boxes(a, b, boxes)
        return good

    def uncovered(self, shape, anchor: tuple[float, float], size: float) -> tuple[float, float] | None:
        """``anchor`` if no label covers it, else the nearest point of ``shape`` that none does:
        where a leader line can start without running out from under another unit's label."""
        xs = np.asarray([anchor[0]])
        ys = np.asarray([anchor[1]])
        if not len(self.boxes) or not self._covered(xs, ys)[0]:
            return anchor
        minx, miny, maxx, maxy = shape.bounds
        gx, gy = (a.ravel() for a in np.meshgrid(np.arange(minx, maxx, size / 4), np.arange(miny, maxy, size / 4)))
        inside = shapely.contains_xy(shape, gx, gy)
        gx, gy = gx[inside], gy[inside]
        free = ~self._covered(gx, gy)
        if not free.any():
            return None
        gx, gy = gx[free], gy[free]
        i = int(np.argmin(np.hypot(gx - anchor[0], gy - anchor[1])))
        return float(gx[i]), float(gy[i])

    def _covered(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        t = self.boxes
        inside = ((xs[:, None] >= t[None, :, 0]) & (xs[:, None] <= t[None, :, 2])
                  & (ys[:, None] >= t[None, :, 1]) & (ys[:, None] <= t[None, :, 3]))
        return np.asarray(inside.any(axis=1))


def _segment_hits_boxes(a: tuple[float, float], b: tuple[float, float], boxes: np.ndarray) -> np.ndarray:
    """Which boxes the segment a–b passes through (Liang–Barsky clipping, vectorised over boxes)."""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t0 = np.zeros(len(boxes))
    t1 = np.ones(len(boxes))
    hit = np.ones(len(boxes), dtype=bool)
    for p, q in ((-dx, ax - boxes[:, 0]), (dx, boxes[:, 2] - ax), (-dy, ay - boxes[:, 1]), (dy, boxes[:, 3] - ay)):
        if p == 0:
            hit &= q >= 0
            continue
        r = q / p
        if p < 0:
            t0 = np.maximum(t0, r)
        else:
            t1 = np.minimum(t1, r)
    return hit & (t0 < t1)


def _leaders_hit_boxes(a: tuple[float, float], bx: np.ndarray, by: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which of the boxes (m) each segment from ``a`` to (bx, by)[i] (n) passes through: n × m
    (Liang–Barsky clipping, as :func:`_segment_hits_boxes`, for many segments at once)."""
    ax, ay = a
    dx, dy = (bx - ax)[:, None], (by - ay)[:, None]
    t0 = np.zeros((len(bx), len(boxes)))
    t1 = np.ones((len(bx), len(boxes)))
    hit = np.ones((len(bx), len(boxes)), dtype=bool)
    for p, q in ((-dx, (ax - boxes[:, 0])[None, :]), (dx, (boxes[:, 2] - ax)[None, :]),
                 (-dy, (ay - boxes[:, 1])[None, :]), (dy, (boxes[:, 3] - ay)[None, :])):
        p = np.broadcast_to(p, t0.shape)
        q = np.broadcast_to(q, t0.shape)
        parallel = p == 0
        hit &= ~parallel | (q >= 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        t0 = np.where(p < 0, np.maximum(t0, r), t0)
        t1 = np.where(p > 0, np.minimum(t1, r), t1)
    return hit & (t0 < t1)


def _boxes(cx: np.ndarray, cy: np.ndarray, w: float, h: float) -> np.ndarray:
    return np.column_stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])


def _inside(shape, anchor: tuple[float, float], w: float, h: float, free: _Free,
            min_share: float) -> tuple[float, float] | None:
    """The free spot nearest ``anchor`` where a w × h box is centred in ``shape`` with at least
    ``min_share`` of its area in it. Candidates run over the whole unit, nearest the anchor first."""
    minx, miny, maxx, maxy = shape.bounds
    sx, sy = w / 4, h / 2
    kx = np.arange(np.floor((minx - anchor[0]) / sx), np.ceil((maxx - anchor[0]) / sx) + 1)
    ky = np.arange(np.floor((miny - anchor[1]) / sy), np.ceil((maxy - anchor[1]) / sy) + 1)
    dx, dy = (a.ravel() for a in np.meshgrid(kx * sx, ky * sy))
    order = np.argsort(np.hypot(dx, dy * 1.5), kind="stable")
    cx, cy = anchor[0] + dx[order], anchor[1] + dy[order]
    good = shapely.contains_xy(shape, cx, cy)
    cx, cy = cx[good], cy[good]
    good = free.ok(_boxes(cx, cy, w, h))
    cx, cy = cx[good], cy[good]
    # The share of a box in the unit, from a 5 × 3 grid of points over the box: a point-in-polygon
    # test per point is far cheaper than intersecting polygons, and exact enough to judge a fit.
    fx, fy = (a.ravel() for a in np.meshgrid(np.linspace(-0.4, 0.4, 5) * w, np.linspace(-1 / 3, 1 / 3, 3) * h))
    shapely.prepare(shape)
    share = shapely.contains_xy(shape, cx[:, None] + fx[None, :], cy[:, None] + fy[None, :]).mean(axis=1)
    fits = np.flatnonzero(share >= min_share)
    if not len(fits):
        return None
    return float(cx[fits[0]]), float(cy[fits[0]])


def _callout(shape, anchor: tuple[float, float], w: float, h: float, free: _Free, size: float,
             clear_of_shape: bool, reach: float = 6.0,
             cross: bool = False) -> tuple[float, float, tuple[float, float]] | None:
    """The free spot nearest ``anchor`` for a w × h label with a leader line to ``anchor`` that
    crosses no other label: the shortest leader wins, then the spot nearest the anchor's level (a
    label beside its place reads as belonging to it). With ``clear_of_shape`` the label stays off
    the unit itself (a city stays visible under its callout); otherwise it only leaves the anchor free.
    ``reach`` (in font sizes) is how far beyond the unit the label may go; with ``cross`` the leader
    may pass under other labels (the last resort for a unit hemmed in by them)."""
    start = free.uncovered(shape, anchor, size)
    if start is None:
        return None
    anchor = start
    minx, miny, maxx, maxy = shape.bounds
    step = size / 2
    xs = np.arange(minx - w / 2 - reach * size, maxx + w / 2 + reach * size, step)
    ys = np.arange(miny - h / 2 - reach * size, maxy + h / 2 + reach * size, step)
    cx, cy = (a.ravel() for a in np.meshgrid(xs, ys))
    boxes = _boxes(cx, cy, w, h)
    # The leader runs from the anchor to the nearest point of the box.
    ex, ey = np.clip(anchor[0], boxes[:, 0], boxes[:, 2]), np.clip(anchor[1], boxes[:, 1], boxes[:, 3])
    length = np.hypot(ex - anchor[0], ey - anchor[1])
    near = (length <= (reach + 2) * size) & (length >= 0.5 * size)
    cx, cy, boxes, ex, ey, length = cx[near], cy[near], boxes[near], ex[near], ey[near], length[near]
    order = np.lexsort((np.abs(cy - anchor[1]), np.round(length / step)))
    # Nearest first, in batches: the first batches nearly always hold the spot, so the rest of the
    # candidates are not tested at all.
    for first in range(0, len(order), 128):
        batch = order[first:first + 128]
        batch = batch[free.ok(boxes[batch])]
        if clear_of_shape and len(batch):
            batch = batch[~shapely.intersects(shapely.box(*boxes[batch].T), shape)]
        if not cross and len(free.boxes) and len(batch):
            batch = batch[~_leaders_hit_boxes(anchor, ex[batch], ey[batch], free.boxes).any(axis=1)]
        if len(batch):
            return float(cx[batch[0]]), float(cy[batch[0]]), anchor
    return None


def layout(texts: Sequence[LabelText], shapes: Mapping[str, object], anchors: Mapping[str, tuple[float, float]],
           size: float, width: float, height: float, circles: Sequence[tuple[float, float, float]] = (),
           callouts_for_small: bool = True, cities_first: bool = False) -> list[Placed]:
    """Every label's place, none overlapping another, a circle (x, y, r) or the drawing's edge.

    ``size`` is the font size; ``shapes`` the units' polygons and ``anchors`` a point well inside
    each, in drawing units. The steps are below; a unit that fits no way keeps only its value
    inside, if that fits, or goes unlabelled
    (its name stays in the tooltip); ``callouts_for_small=False`` keeps small units out of
    callouts, for maps with too many units for a leader line each.
    """
    free = _Free(width, height, circles)
    placed: dict[str, Placed] = {}
    areas = {t.atvk: shapely.area(shapes[t.atvk]) for t in texts}

    def lines_of(t: LabelText) -> tuple[str, ...]:
        return (t.name, t.value) if t.value else (t.name,)

    def put(t: LabelText, spot: tuple | None, lines: tuple[str, ...], w: float, h: float) -> bool:
        """Take ``spot``: (x, y) inside, or (x, y, where its leader line goes) for a callout."""
        if spot is None:
            return False
        placed[t.atvk] = Placed(t.atvk, spot[0], spot[1], w, h, lines, leader_to=spot[2] if len(spot) > 2 else None)
        free.take(placed[t.atvk])
        return True

    def call(t: LabelText, reach: float, cross: bool = False) -> bool:
        w, h = _box_size(lines_of(t), size)
        return put(t, _callout(shapes[t.atvk], anchors[t.atvk], w, h, free, size, t.callout, reach, cross),
                   lines_of(t), w, h)

    def inside(t: LabelText, share: float) -> bool:
        w, h = _box_size(lines_of(t), size)
        return put(t, _inside(shapes[t.atvk], anchors[t.atvk], w, h, free, share), lines_of(t), w, h)

    by_area = sorted((t for t in texts if not t.callout), key=lambda t: (areas[t.atvk], t.atvk))
    # Each step for every unit still without a place, smallest unit first (it has the fewest
    # places): well inside; the cities' callouts; near callouts for units too small; loosely inside
    # (a label mostly over its neighbours would name the wrong place, so only after a callout was
    # tried); farther callouts. With ``cities_first`` the cities' callouts go before all else.
    cities = [t for t in texts if t.callout]
    city_steps: list[tuple[list[LabelText], Callable[[LabelText], bool]]] = [
        (cities, lambda t: call(t, 4.0)), (cities, lambda t: call(t, 10.0)), (cities, lambda t: call(t, 20.0))]
    well_inside: list[tuple[list[LabelText], Callable[[LabelText], bool]]] = [
        (by_area, lambda t: inside(t, INSIDE_SHARE))]
    steps = [*city_steps, *well_inside] if cities_first else [*well_inside, *city_steps]
    if callouts_for_small:
        steps.append((by_area, lambda t: call(t, 4.0)))
    steps.append((by_area, lambda t: inside(t, LOOSE_SHARE)))
    if callouts_for_small:
        steps.append((by_area, lambda t: call(t, 10.0)))
        steps.append((by_area, lambda t: call(t, 10.0, cross=True)))
    for group, step in steps:
        for t in group:
            if t.atvk not in placed:
                step(t)
    # A unit hemmed in by its neighbours' labels: its label mostly over them, centred in it.
    for t in by_area:
        if t.atvk not in placed:
            put(t, _inside(shapes[t.atvk], anchors[t.atvk], *_box_size(lines_of(t), size), free, LAST_SHARE),
                lines_of(t), *_box_size(lines_of(t), size))
    # Thinning: whatever found no place keeps its value alone, inside, if that fits.
    for t in texts:
        if t.atvk not in placed and t.value:
            w, h = _box_size((t.value,), size)
            put(t, _inside(shapes[t.atvk], anchors[t.atvk], w, h, free, LOOSE_SHARE), (t.value,), w, h)
    out = [placed[t.atvk] for t in texts if t.atvk in placed]
    unnamed_city = any(t.callout and (t.atvk not in placed or placed[t.atvk].lines[0] != t.name) for t in texts)
    if callouts_for_small and not cities_first and unnamed_city:
        # A city hemmed in by its neighbours' labels: once more, the cities first. (Only where
        # every unit is to be named: a map thinned anyway keeps its first layout.)
        return layout(texts, shapes, anchors, size, width, height, circles, callouts_for_small, cities_first=True)
    return out


def anchor(shape) -> tuple[float, float]:
    """A point deep inside a unit, where its label is best centred: the pole of inaccessibility
    of its largest part (the point farthest from its edge), found to a tenth of a unit."""
    part = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)
    point = shapely.ops.polylabel(part, tolerance=max(math.sqrt(part.area) / 50, 0.1))
    return float(point.x), float(point.y)
