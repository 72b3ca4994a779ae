"""Colour accessibility checks (WCAG 2.1 AA) for the map and chart colours. Pure functions, no drawing.

What a reader with a colour-vision deficiency (CVD), or anyone in front of a washed-out
projector, must still be able to do:

* tell a polygon from its neighbours and from the background: its outline has >= 3:1 contrast
  with its fill (WCAG 2.1 SC 1.4.11, non-text contrast);
* tell neighbouring classes of a sequential palette apart, and read their order: consecutive
  classes are far apart in CIEDE2000 under normal vision and under simulated protanopia,
  deuteranopia and tritanopia, and luminance rises (or falls) strictly along the palette;
* read the value labels: text has >= 4.5:1 contrast with its (composited) background box
  (WCAG 2.1 SC 1.4.3, contrast minimum).

Colours are 8-bit sRGB triples ``(r, g, b)``; every public function also takes ``"#rrggbb"``
(or ``"#rgb"``) strings. The colour science (luminance, contrast, colour-vision simulation,
CIELAB and CIEDE2000) is coloraide's, a maintained library; this module holds the project's own
rules on top: which pairs must stay apart, by how much, and in which order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

from coloraide import Color

Rgb = tuple[int, int, int]
ColourLike = Rgb | Sequence[int] | str
Lab = tuple[float, float, float]

DARK_OUTLINE: Rgb = (40, 40, 40)
LIGHT_OUTLINE: Rgb = (255, 255, 255)
MIN_NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3, normal-size text
VISIONS: tuple[str, ...] = ("normal", "protan", "deutan", "tritan")

def rgb(colour: ColourLike) -> Rgb:
    """``colour`` as an ``(r, g, b)`` tuple of ints 0-255 (accepts "#rrggbb", "#rgb" or a triple)."""
    if isinstance(colour, str):
        h = colour.strip().lstrip("#")
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        if len(h) != 6:
            raise ValueError(f"not a hex colour: {colour!r}")
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    r, g, b = (int(c) for c in tuple(colour)[:3])
    for c in (r, g, b):
        if not 0 <= c <= 255:
            raise ValueError(f"channel out of 0-255: {colour!r}")
    return r, g, b


def hex_of(colour: ColourLike) -> str:
    """``"#rrggbb"`` for messages."""
    return "#{:02x}{:02x}{:02x}".format(*rgb(colour))


def _color(colour: ColourLike) -> Color:
    return Color("srgb", [c / 255 for c in rgb(colour)])


def relative_luminance(colour: ColourLike) -> float:
    """Relative luminance L in [0, 1] (WCAG 2.1): 0.2126 R + 0.7152 G + 0.0722 B of the linearised
    sRGB channels (coloraide's ``luminance``, sRGB as IEC 61966-2-1 decodes it)."""
    return float(_color(colour).luminance())


def contrast_ratio(a: ColourLike, b: ColourLike) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 (same) to 21 (black/white).

    Thresholds: SC 1.4.3 (4.5:1 text) and SC 1.4.11 (3:1 graphical objects).
    """
    return float(_color(a).contrast(_color(b), method="wcag21"))


def simulate(colour: ColourLike, kind: str) -> Rgb:
    """``colour`` as seen with full dichromacy: "protan", "deutan" or "tritan" ("normal": unchanged).

    coloraide's colour-vision-deficiency filter with the model of Machado, Oliveira & Fernandes
    (2009) at severity 1 for all three: the map's palettes were chosen and checked under it
    (docs/accessibility/statement.en.md), and one model for the three keeps the checks comparable. The
    result is clipped to sRGB and rounded to 8 bits.
    """
    if kind == "normal":
        return rgb(colour)
    if kind not in VISIONS:
        raise ValueError(f"kind must be one of {VISIONS}, not {kind!r}")
    seen = _color(colour).filter(kind, 1.0, method="machado", out_space="srgb").clip()
    r, g, b = (int(round(v * 255)) for v in seen.coords())
    return r, g, b


def srgb_to_lab(colour: ColourLike) -> Lab:
    """CIELAB (D65) of an sRGB colour."""
    lightness, a, b = (float(v) for v in _color(colour).convert("lab-d65").coords())
    return lightness, a, b


def delta_e_lab(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIEDE2000 colour difference ΔE00 between two CIELAB (D65) colours (kL = kC = kH = 1).

    About 1 is a just-noticeable difference for patches side by side; map classes need far more.
    """
    return float(Color("lab-d65", list(lab1)).delta_e(Color("lab-d65", list(lab2)), method="2000"))


def delta_e(a: ColourLike, b: ColourLike) -> float:
    """CIEDE2000 ΔE00 between two sRGB colours, in CIELAB D65.

    CIEDE2000 rather than CIE76 (plain Euclidean L*a*b* distance): CIE76 overstates differences
    between saturated colours and understates them between blues and near-greys, exactly the
    colours of the map's sequential palettes and the grey "no data" fill.
    """
    return float(_color(a).delta_e(_color(b), method="2000", space="lab-d65"))


def outline_for(fill: ColourLike) -> Rgb:
    """The outline to draw around a polygon of ``fill``: dark grey (40, 40, 40) or white, whichever contrasts more.

    Why one of them always reaches 3:1 (WCAG SC 1.4.11): contrast with white is
    1.05 / (L + 0.05), falling in the fill's luminance L; contrast with a dark outline of
    luminance L_d is (L + 0.05) / (L_d + 0.05), rising in L. The larger of the two is smallest
    where they are equal, (L + 0.05)^2 = 1.05 (L_d + 0.05), and there both equal
    sqrt(1.05 / (L_d + 0.05)). With pure black (L_d = 0) that is sqrt(21) ≈ 4.58. With
    (40, 40, 40), L_d = 0.0212, it is sqrt(1.05 / 0.0712) ≈ 3.84 >= 3 (the worst fill has
    L ≈ 0.223, e.g. grey (131, 131, 131)). The guarantee holds for any dark outline with
    L_d <= 1.05 / 9 - 0.05 ≈ 0.0667, i.e. a grey no lighter than about (72, 72, 72).
    """
    return _outline_for(rgb(fill))


@lru_cache(maxsize=256)
def _outline_for(fill: Rgb) -> Rgb:
    # A map has a handful of fills and is drawn often: each is worked out once.
    dark = contrast_ratio(fill, DARK_OUTLINE)
    light = contrast_ratio(fill, LIGHT_OUTLINE)
    return DARK_OUTLINE if dark >= light else LIGHT_OUTLINE


def blend(fg_rgba: Sequence[int], bg_rgb: ColourLike) -> Rgb:
    """``fg`` (r, g, b, a), a in 0-255 as in deck.gl, composited over an opaque ``bg`` ("source over").

    out = α · fg + (1 − α) · bg per channel, α = a / 255, on 8-bit sRGB values (no
    linearisation: browsers and deck.gl's WebGL blending composite the encoded values);
    rounded to 8 bits. Porter & Duff (1984), "Compositing Digital Images", SIGGRAPH. A triple
    (no alpha) is opaque.
    """
    values = tuple(fg_rgba)
    if len(values) == 3:
        return rgb(values)
    r, g, b, a = values
    if not 0 <= a <= 255:
        raise ValueError(f"alpha out of 0-255: {a!r}")
    alpha = a / 255.0
    fr, fg, fb = rgb((r, g, b))
    br, bg, bb = rgb(bg_rgb)
    return (int(round(alpha * fr + (1 - alpha) * br)), int(round(alpha * fg + (1 - alpha) * bg)),
            int(round(alpha * fb + (1 - alpha) * bb)))


def worst_delta_e(a: ColourLike, b: ColourLike) -> tuple[float, str]:
    """The smallest ΔE00 between ``a`` and ``b`` over normal vision and the three simulations, and where."""
    return min(((delta_e(simulate(a, v), simulate(b, v)), v) for v in VISIONS), key=lambda t: t[0])


def pair_problems(pairs: Iterable[tuple[str, ColourLike, str, ColourLike]], min_delta_e: float = 10.0) -> list[str]:
    """For each named pair ``(name_a, colour_a, name_b, colour_b)``: a problem per vision where ΔE00 < min."""
    problems = []
    for name_a, a, name_b, b in pairs:
        for vision in VISIONS:
            sa, sb = simulate(a, vision), simulate(b, vision)
            d = delta_e(sa, sb)
            if d < min_delta_e:
                seen = "" if vision == "normal" else f" (seen as {hex_of(sa)} / {hex_of(sb)})"
                problems.append(f"{name_a} {hex_of(a)} vs {name_b} {hex_of(b)}: ΔE00 = {d:.1f} < {min_delta_e:g} "
                                f"under {vision} vision{seen}")
    return problems


def outline_problems(colours: Sequence[ColourLike], names: Sequence[str] | None = None) -> list[str]:
    """A problem for each colour with less than 3:1 against its ``outline_for``."""
    names = names or [f"class {i}" for i in range(len(colours))]
    problems = []
    for name, c in zip(names, colours):
        outline = outline_for(c)
        ratio = contrast_ratio(c, outline)
        if ratio < MIN_NON_TEXT_CONTRAST:
            problems.append(f"{name} {hex_of(c)}: contrast with its outline {hex_of(outline)} is {ratio:.2f}:1 "
                            f"< {MIN_NON_TEXT_CONTRAST:g}:1")
    return problems


def luminance_order_problems(colours: Sequence[ColourLike], names: Sequence[str] | None = None) -> list[str]:
    """A problem wherever relative luminance fails to rise (or fall) strictly along ``colours``.

    The direction is set by the first and last colour; the check is made under normal vision and
    under each simulation, so an order readable by luminance alone survives a CVD and greyscale.
    """
    names = names or [f"class {i}" for i in range(len(colours))]
    if len(colours) < 2:
        return []
    direction = math.copysign(1.0, relative_luminance(colours[-1]) - relative_luminance(colours[0]))
    trend = "rise" if direction > 0 else "fall"
    problems = []
    for vision in VISIONS:
        lum = [relative_luminance(simulate(c, vision)) for c in colours]
        for i in range(len(colours) - 1):
            if (lum[i + 1] - lum[i]) * direction <= 0:
                problems.append(f"luminance does not {trend} from {names[i]} {hex_of(colours[i])} ({lum[i]:.4f}) "
                                f"to {names[i + 1]} {hex_of(colours[i + 1])} ({lum[i + 1]:.4f}) under {vision} vision")
    return problems


def consecutive_problems(colours: Sequence[ColourLike], min_delta_e: float = 10.0) -> list[str]:
    """A problem for each pair of neighbouring classes closer than ``min_delta_e`` under some vision."""
    names = [f"class {i}" for i in range(len(colours))]
    return pair_problems(((names[i], colours[i], names[i + 1], colours[i + 1]) for i in range(len(colours) - 1)),
                         min_delta_e)


def check_palette(colours: Sequence[ColourLike], min_delta_e: float = 10.0) -> list[str]:
    """Human-readable problems with a sequential (ordered) palette; empty if it is fine.

    1. every colour has >= 3:1 contrast with its ``outline_for`` (WCAG SC 1.4.11; cannot fail
       with the outlines above, see ``outline_for``, but guards a change of them);
    2. consecutive classes have ΔE00 >= ``min_delta_e`` under normal vision and under each of
       the protan, deutan and tritan simulations (``simulate``). 10 is a deliberately wide
       margin: about 1 is just noticeable side by side, but classes must be told apart on a
       map, in small polygons far apart, matched against a legend, on a projector;
    3. relative luminance is strictly monotonic along the palette, in one direction, under
       normal vision and under each simulation, so that the order survives any CVD and a
       greyscale print or projection (``luminance_order_problems``).
    """
    return (outline_problems(colours) + consecutive_problems(colours, min_delta_e)
            + luminance_order_problems(colours))


def check_categorical(colours: Sequence[ColourLike], min_delta_e: float = 10.0,
                      names: Sequence[str] | None = None) -> list[str]:
    """Problems with an unordered palette: >= 3:1 against its outline, and every pair ΔE00 >= min (all visions)."""
    names = list(names or [f"category {i}" for i in range(len(colours))])
    problems = outline_problems(colours, names)
    problems += pair_problems(((names[i], colours[i], names[j], colours[j])
                               for i in range(len(colours)) for j in range(i + 1, len(colours))), min_delta_e)
    return problems
