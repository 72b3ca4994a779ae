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
(or ``"#rgb"``) strings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Rgb = tuple[int, int, int]
ColourLike = Rgb | Sequence[int] | str
Lab = tuple[float, float, float]

DARK_OUTLINE: Rgb = (40, 40, 40)
LIGHT_OUTLINE: Rgb = (255, 255, 255)
MIN_NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3, normal-size text
VISIONS: tuple[str, ...] = ("normal", "protan", "deutan", "tritan")

# Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
# Vision Deficiency", IEEE TVCG 15(6):1291-1298, Table 1 (severity 1.0: dichromacy); rows give
# the simulated linear R, G, B from the input linear R, G, B. Identical to
# colour-science's ``matrix_cvd_Machado2009(deficiency, 1.0)``.
_MACHADO_2009: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protan": ((0.152286, 1.052583, -0.204868),
               (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968),
               (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779),
               (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}

# Linear sRGB -> CIE XYZ, D65 (IEC 61966-2-1 primaries, full precision as tabulated by
# B. Lindbloom); the reference white is the image of (1, 1, 1), so sRGB white is exactly
# L* = 100, a* = b* = 0.
_SRGB_TO_XYZ = ((0.4124564, 0.3575761, 0.1804375),
                (0.2126729, 0.7151522, 0.0721750),
                (0.0193339, 0.1191920, 0.9503041))
_WHITE_D65 = tuple(sum(row) for row in _SRGB_TO_XYZ)


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


def _to_linear(channel_8bit: int) -> float:
    """sRGB decoding (IEC 61966-2-1): c/12.92 up to 0.04045, else ((c + 0.055)/1.055)^2.4."""
    c = channel_8bit / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_8bit(linear: float) -> int:
    """sRGB encoding of a linear value, clipped to [0, 1] first, rounded to 8 bits."""
    v = min(1.0, max(0.0, linear))
    c = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return int(round(c * 255.0))


def relative_luminance(colour: ColourLike) -> float:
    """Relative luminance L in [0, 1] (WCAG 2.1, "relative luminance" in Understanding SC 1.4.3).

    L = 0.2126 R + 0.7152 G + 0.0722 B, where each channel c = C_8bit / 255 is linearised as
    c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4.

    The WCAG 2.0/2.1 text prints the threshold as 0.03928 (from an early sRGB draft); the sRGB
    standard IEC 61966-2-1 has 0.04045, which is used here. No 8-bit value lies between them
    (10/255 = 0.03922, 11/255 = 0.04314), so the result is the same for every 8-bit colour.
    """
    r, g, b = (_to_linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: ColourLike, b: ColourLike) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 (same) to 21 (black/white).

    Source: WCAG 2.1, definition of "contrast ratio"; thresholds SC 1.4.3 (4.5:1 text) and
    SC 1.4.11 (3:1 graphical objects).
    """
    la, lb = relative_luminance(a), relative_luminance(b)
    lighter, darker = max(la, lb), min(la, lb)
    return (lighter + 0.05) / (darker + 0.05)


def simulate(colour: ColourLike, kind: str) -> Rgb:
    """``colour`` as seen with a colour-vision deficiency: "protan", "deutan" or "tritan".

    Machado, Oliveira & Fernandes (2009), severity 1.0 (protanopia, deuteranopia, tritanopia):
    decode sRGB to linear RGB, multiply by the 3x3 matrix of Table 1, clip to [0, 1], encode
    back to 8-bit sRGB. ``kind="normal"`` returns the colour unchanged.
    """
    c = rgb(colour)
    if kind == "normal":
        return c
    try:
        matrix = _MACHADO_2009[kind]
    except KeyError:
        raise ValueError(f"kind must be one of {VISIONS}, not {kind!r}") from None
    lin = [_to_linear(v) for v in c]
    r, g, b = (_to_8bit(sum(m * v for m, v in zip(row, lin))) for row in matrix)
    return r, g, b


def srgb_to_lab(colour: ColourLike) -> Lab:
    """CIELAB (D65) of an sRGB colour: linear sRGB -> XYZ (IEC 61966-2-1) -> L*a*b* (CIE 15:2004)."""
    lin = [_to_linear(v) for v in rgb(colour)]
    x, y, z = (sum(m * v for m, v in zip(row, lin)) / w for row, w in zip(_SRGB_TO_XYZ, _WHITE_D65))
    delta = 6 / 29

    def f(t: float) -> float:
        return t ** (1 / 3) if t > delta ** 3 else t / (3 * delta ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e_lab(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIEDE2000 colour difference ΔE00 between two CIELAB colours (kL = kC = kH = 1).

    Formula as in Sharma, Wu & Dalal (2005), "The CIEDE2000 Color-Difference Formula:
    Implementation Notes, Supplementary Test Data, and Mathematical Observations", Color Res.
    Appl. 30(1):21-30, eqs. (1)-(22): a' = (1 + G) a* with G = 0.5 (1 - sqrt(C̄^7 / (C̄^7 + 25^7))),
    then ΔE00 = sqrt((ΔL'/S_L)^2 + (ΔC'/S_C)^2 + (ΔH'/S_H)^2 + R_T (ΔC'/S_C)(ΔH'/S_H)).
    About 1 is a just-noticeable difference for patches side by side; map classes need far more.
    """
    l1, a1, b1 = (float(v) for v in lab1)
    l2, a2, b2 = (float(v) for v in lab2)
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)

    def hue(b: float, ap: float) -> float:
        return 0.0 if b == 0 and ap == 0 else math.degrees(math.atan2(b, ap)) % 360

    h1p, h2p = hue(b1, a1p), hue(b2, a2p)
    dlp, dcp = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dhp_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp) / 2)

    lp_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30)) + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6)) - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25.0 ** 7))
    s_l = 1 + 0.015 * (lp_bar - 50) ** 2 / math.sqrt(20 + (lp_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dlp / s_l) ** 2 + (dcp / s_c) ** 2 + (dhp_big / s_h) ** 2
                     + r_t * (dcp / s_c) * (dhp_big / s_h))


def delta_e(a: ColourLike, b: ColourLike) -> float:
    """CIEDE2000 ΔE00 between two sRGB colours, via CIELAB D65 (see ``srgb_to_lab``, ``delta_e_lab``).

    CIEDE2000 rather than CIE76 (plain Euclidean L*a*b* distance): CIE76 overstates differences
    between saturated colours and understates them between blues and near-greys, exactly the
    colours of the map's sequential palettes and the grey "no data" fill.
    """
    return delta_e_lab(srgb_to_lab(a), srgb_to_lab(b))


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
