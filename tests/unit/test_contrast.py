"""Colour accessibility (WCAG 2.1 AA): the contrast functions, then the colours the app really draws.

The second half asks what a colour-blind reader, or anyone in front of a washed-out projector,
would notice: two neighbouring map classes that look the same, a "no data" municipality that
looks like a class, a label that cannot be read, a chart mark that vanishes into the white.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from components import charts
from latgale_di.render import choropleth, contrast, svg_map
from latgale_di.render.choropleth import (
    _PALETTES,
    INCOMPLETE_COLOUR,
    NO_DATA_COLOUR,
    SUPPRESSED_COLOUR,
    Categories,
    hex_to_rgb,
)
from latgale_di.render.contrast import (
    blend,
    check_categorical,
    check_palette,
    consecutive_problems,
    contrast_ratio,
    delta_e,
    delta_e_lab,
    luminance_order_problems,
    outline_for,
    outline_problems,
    pair_problems,
    relative_luminance,
    simulate,
    srgb_to_lab,
)

ROOT = Path(__file__).resolve().parents[2]
WHITE, BLACK = (255, 255, 255), (0, 0, 0)
KINDS = ("protan", "deutan", "tritan")

# ---------------------------------------------------------------------------------------------
# The functions, against known values
# ---------------------------------------------------------------------------------------------


def test_contrast_black_on_white_is_21_and_a_colour_on_itself_is_1():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, BLACK) == pytest.approx(21.0)
    assert contrast_ratio((120, 30, 200), (120, 30, 200)) == pytest.approx(1.0)


def test_contrast_of_777_on_white_is_just_under_aa_text():
    """#777777 on white is the classic near miss: 4.48:1, below 4.5 for text, above 3 for graphics."""
    assert contrast_ratio("#777777", WHITE) == pytest.approx(4.478, abs=0.001)
    assert contrast_ratio("#777", "#fff") == contrast_ratio((119, 119, 119), WHITE)


# WCAG prints the coefficients to 4 places (0.2126, 0.7152, 0.0722); coloraide derives them from
# the sRGB primaries (0.212639…, 0.715169…, 0.072192…), which agree to 1e-4.
@pytest.mark.parametrize("colour,luminance", [
    (WHITE, 1.0), (BLACK, 0.0), ((255, 0, 0), 0.2126), ((0, 255, 0), 0.7152), ((0, 0, 255), 0.0722),
    ("#777777", 0.18447), ((128, 128, 128), 0.21586),
])
def test_relative_luminance_known_values(colour, luminance):
    assert relative_luminance(colour) == pytest.approx(luminance, abs=1e-4)


def test_luminance_threshold_0_03928_or_0_04045_gives_the_same_for_every_8_bit_value():
    """WCAG 2.1 prints 0.03928, sRGB (IEC 61966-2-1) has 0.04045: no 8-bit value falls between them."""
    def linear(c: float, threshold: float) -> float:
        return c / 12.92 if c <= threshold else ((c + 0.055) / 1.055) ** 2.4

    for v in range(256):
        assert linear(v / 255, 0.03928) == linear(v / 255, 0.04045)
        assert relative_luminance((v, v, v)) == pytest.approx(linear(v / 255, 0.04045), abs=1e-12)


def test_srgb_to_lab_known_values():
    assert srgb_to_lab(WHITE) == pytest.approx((100.0, 0.0, 0.0), abs=1e-6)
    assert srgb_to_lab(BLACK) == pytest.approx((0.0, 0.0, 0.0), abs=1e-6)
    # Lindbloom's table (53.2408, 80.0925, 67.2032) uses a D65 white rounded to 4 places; coloraide's
    # exact one moves L* and a* by under 0.004.
    assert srgb_to_lab((255, 0, 0)) == pytest.approx((53.2408, 80.0925, 67.2032), abs=5e-3)
    lightness, a, b = srgb_to_lab("#777777")  # any grey is neutral: a* = b* = 0
    assert (a, b) == pytest.approx((0.0, 0.0), abs=1e-9) and lightness == pytest.approx(50.03, abs=0.01)


# Sharma, Wu & Dalal (2005), Table 1: all 34 CIEDE2000 test pairs, L*a*b* and ΔE00 to 4 decimals.
SHARMA_2005 = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -1.1848, -84.8006), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -0.9009, -85.5211), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, -1.0000, 2.0000), (50.0000, 0.0000, 0.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0010), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0012), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0010, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2972, 0.0000), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 1.8634, 0.5757), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize("lab1,lab2,expected", SHARMA_2005, ids=[f"pair{i + 1}" for i in range(len(SHARMA_2005))])
def test_ciede2000_matches_sharma_2005_test_data(lab1, lab2, expected):
    assert delta_e_lab(lab1, lab2) == pytest.approx(expected, abs=5e-5)
    assert delta_e_lab(lab2, lab1) == pytest.approx(expected, abs=5e-5)  # symmetric


def test_delta_e_between_srgb_colours():
    assert delta_e(WHITE, BLACK) == pytest.approx(100.0)
    assert delta_e("#2c7fb8", "#2c7fb8") == 0.0
    assert delta_e("#2c7fb8", (44, 127, 184)) == 0.0


# Reference: colour-science 0.4.7, matrix_cvd_Machado2009(deficiency, 1.0) applied to linear sRGB.
MACHADO_REFERENCE = [
    ("protan", (255, 0, 0), (109, 95, 0)), ("protan", (0, 255, 0), (255, 229, 0)),
    ("protan", (0, 0, 255), (0, 89, 255)), ("protan", (214, 96, 77), (126, 117, 75)),
    ("deutan", (255, 0, 0), (163, 144, 0)), ("deutan", (0, 255, 0), (239, 214, 58)),
    ("deutan", (0, 0, 255), (0, 61, 251)), ("deutan", (214, 96, 77), (156, 142, 74)),
    ("tritan", (255, 0, 0), (255, 0, 15)), ("tritan", (0, 255, 0), (0, 247, 217)),
    ("tritan", (0, 0, 255), (0, 107, 150)), ("tritan", (214, 96, 77), (234, 73, 92)),
]


@pytest.mark.parametrize("kind,colour,seen", MACHADO_REFERENCE)
def test_simulate_matches_machado_2009_reference(kind, colour, seen):
    assert simulate(colour, kind) == seen


@pytest.mark.parametrize("kind", KINDS)
def test_simulate_leaves_greys_grey(kind):
    """Each Machado row sums to 1, so neutral colours are seen as they are (to 8-bit rounding)."""
    for v in range(0, 256, 5):
        assert all(abs(c - v) <= 1 for c in simulate((v, v, v), kind)), v


def test_simulate_merges_red_and_green_for_protan_and_deutan_only():
    red, green = "#d62728", "#2ca02c"  # a red/green pair any colour-blind reader knows
    normal = delta_e(red, green)
    assert normal > 60
    for kind in ("protan", "deutan"):  # protanopes still see the red darker, so less merged
        assert delta_e(simulate(red, kind), simulate(green, kind)) < normal / 2, kind
    assert delta_e(simulate(red, "deutan"), simulate(green, "deutan")) < 10
    assert delta_e(simulate(red, "tritan"), simulate(green, "tritan")) > normal / 2
    assert simulate(red, "normal") == hex_to_rgb(red)
    with pytest.raises(ValueError):
        simulate(red, "achromat")


def test_outline_for_picks_the_stronger_and_always_reaches_3_to_1():
    assert outline_for(WHITE) == (40, 40, 40)
    assert outline_for(BLACK) == (255, 255, 255)
    assert outline_for("#ffffcc") == (40, 40, 40) and outline_for("#253494") == (255, 255, 255)
    worst = min(contrast_ratio(c, outline_for(c))
                for c in [(v, v, v) for v in range(256)]
                + [(r, g, b) for r in range(0, 256, 15) for g in range(0, 256, 15) for b in range(0, 256, 15)])
    # The bound in outline_for's docstring: sqrt(1.05 / (L(40,40,40) + 0.05)) ≈ 3.84.
    bound = math.sqrt(1.05 / (relative_luminance((40, 40, 40)) + 0.05))
    assert bound == pytest.approx(3.84, abs=0.01)
    assert bound <= worst < bound + 0.05
    assert math.sqrt(1.05 / 0.05) == pytest.approx(math.sqrt(21))  # pure black and white: 4.58


def test_blend_composites_alpha_over_the_background():
    assert blend((255, 255, 255, 255), BLACK) == WHITE
    assert blend((255, 255, 255, 0), (10, 20, 30)) == (10, 20, 30)
    assert blend((255, 255, 255, 215), BLACK) == (215, 215, 215)
    assert blend((200, 100, 0, 51), (0, 0, 0)) == (40, 20, 0)
    assert blend((1, 2, 3), WHITE) == (1, 2, 3)  # no alpha: opaque
    with pytest.raises(ValueError):
        blend((0, 0, 0, 300), WHITE)


def test_check_palette_passes_a_well_spaced_ramp():
    assert check_palette(["#f0f0f0", "#bdbdbd", "#969696", "#636363", "#252525"]) == []


def test_check_palette_reports_close_classes_with_vision_and_figure():
    problems = check_palette(["#ffffff", "#fafafa", "#000000"])
    assert len(problems) == 4 and all("class 0 #ffffff vs class 1 #fafafa" in p for p in problems)
    assert any("under normal vision" in p and "ΔE00 = 1." in p for p in problems)


def test_check_palette_reports_a_pair_only_a_colour_blind_reader_confuses():
    # Red and green of equal lightness: far apart in normal vision, one colour for a deuteranope.
    problems = consecutive_problems(["#e0e0e0", "#d62728", "#2ca02c"], min_delta_e=10)
    assert problems and all("class 1 #d62728 vs class 2 #2ca02c" in p for p in problems)
    assert any("deutan" in p for p in problems) and not any("normal" in p for p in problems)


def test_check_palette_reports_a_luminance_reversal():
    problems = luminance_order_problems(["#ffffcc", "#41b6c4", "#a1dab4", "#253494"])
    assert any("luminance does not fall from class 1 #41b6c4" in p and "under normal vision" in p for p in problems)
    assert any(p.startswith("luminance") for p in check_palette(["#ffffcc", "#41b6c4", "#a1dab4", "#253494"]))


def test_check_categorical_compares_every_pair():
    assert check_categorical(["#ffffff", "#000000", "#ff0000"]) == []
    problems = check_categorical(["#ffffff", "#000000", "#fcfcfc"], names=["a", "b", "c"])
    assert problems and all("a #ffffff vs c #fcfcfc" in p for p in problems)


# ---------------------------------------------------------------------------------------------
# The colours the app draws
# ---------------------------------------------------------------------------------------------

PALETTES = {name: [hex_to_rgb(h) for h in hexes] for name, hexes in _PALETTES.items()}
CATEGORIES = Categories()
CATEGORY_COLOURS = [hex_to_rgb(h) for h in CATEGORIES.palette]

# latgale_di/render/svg_map.py: label text drawn over an opaque white halo (stroke under the glyphs).
LABEL_TEXT = dict(svg_map.LABEL_TEXT)
LABEL_BOX = (*svg_map.LABEL_HALO, 255)


def _listing(problems: list[str]) -> str:
    return "\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_map_palette_runs_light_to_dark_from_the_zero_class(name):
    """The zero class is the lightest and each class is darker than the one before, in every vision."""
    colours = PALETTES[name]
    problems = luminance_order_problems(colours)
    assert relative_luminance(colours[0]) > relative_luminance(colours[-1]), f"palette {name!r} is not light → dark"
    assert not problems, f"palette {name!r}: the order of classes cannot be read from lightness:{_listing(problems)}"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_map_palette_classes_have_3_to_1_against_their_outline(name):
    problems = outline_problems(PALETTES[name])
    assert not problems, f"palette {name!r}: polygons would not stand out from their outline:{_listing(problems)}"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_map_palette_neighbouring_classes_distinguishable_in_every_vision(name):
    """Neighbouring classes differ by ΔE00 >= 10 in normal vision and simulated protan/deutan/tritan."""
    problems = consecutive_problems(PALETTES[name])
    assert not problems, (f"palette {name!r} ({', '.join(_PALETTES[name])}): neighbouring classes look alike:"
                          f"{_listing(problems)}")


def test_coverage_categories_distinguishable_in_every_vision():
    """Provided / planned / missing: every pair ΔE00 >= 10 in every vision, and 3:1 against the outline."""
    problems = check_categorical(CATEGORY_COLOURS, names=CATEGORIES.states)
    assert not problems, f"coverage categories {CATEGORIES.palette}:{_listing(problems)}"


SPECIAL = {"no data": NO_DATA_COLOUR, "suppressed": SUPPRESSED_COLOUR, "incomplete": INCOMPLETE_COLOUR}


@pytest.mark.parametrize("special", sorted(SPECIAL))
@pytest.mark.parametrize("name", sorted(PALETTES))
def test_no_data_and_hidden_never_look_like_a_class(special, name):
    """A municipality without a figure, with one hidden for privacy, or with only a partial sum
    must not pass for a class."""
    colour = SPECIAL[special]
    problems = pair_problems((special, colour, f"{name} class {i}", c) for i, c in enumerate(PALETTES[name]))
    assert not problems, f"{special} {contrast.hex_of(colour)} on the {name!r} map:{_listing(problems)}"


def test_no_data_never_looks_like_a_coverage_category():
    """Coverage maps draw unknown municipalities in the no-data grey (never the hidden colour)."""
    problems = pair_problems(("no data", NO_DATA_COLOUR, state, c) for state, c in zip(CATEGORIES.states,
                                                                                       CATEGORY_COLOURS))
    assert not problems, f"no data on the coverage map:{_listing(problems)}"


def test_no_data_hidden_and_incomplete_are_told_apart_and_stand_out_from_their_outline():
    names = sorted(SPECIAL)
    problems = pair_problems([(a, SPECIAL[a], b, SPECIAL[b]) for i, a in enumerate(names) for b in names[i + 1:]])
    problems += outline_problems([SPECIAL[n] for n in names], names)
    assert not problems, _listing(problems)


def _every_fill() -> list[tuple[str, tuple[int, int, int]]]:
    fills = [(f"{name} class {i}", c) for name, cs in PALETTES.items() for i, c in enumerate(cs)]
    fills += [(f"coverage {s}", c) for s, c in zip(CATEGORIES.states, CATEGORY_COLOURS)]
    return fills + [(name, colour) for name, colour in SPECIAL.items()]


@pytest.mark.parametrize("kind", sorted(LABEL_TEXT))
def test_map_label_text_has_4_5_to_1_on_its_box_over_any_fill(kind):
    """WCAG 1.4.3: the label box (white, alpha 215) is composited over the fill; worst case over all fills.

    The fill is taken opaque: on the page it is drawn at alpha 235 over white, which only makes
    the box lighter, so this is the conservative case.
    """
    text = LABEL_TEXT[kind]
    measured = sorted((contrast_ratio(text, blend(LABEL_BOX, fill)), label, fill) for label, fill in _every_fill())
    failing = [f"{label} {contrast.hex_of(fill)}: box {contrast.hex_of(blend(LABEL_BOX, fill))}, {ratio:.2f}:1"
               for ratio, label, fill in measured if ratio < contrast.MIN_TEXT_CONTRAST]
    assert not failing, (f"{kind} label text {contrast.hex_of(text)} below 4.5:1 (worst {measured[0][0]:.2f}:1):"
                         f"{_listing(failing)}")


def _drawn(indicator: str, vintage: str = "2009") -> ET.Element:
    from latgale_di.analysis import figures
    from latgale_di.store import dataset

    table = figures.table(dataset.load(), vintage, [2019])
    view = figures.view(table, vintage, 2019, "children_ft", "any", indicator)
    exact = [f.value for f in view.figures() if f.qualifier == "exact"]
    import pandas as pd

    classes = choropleth.classes_for(indicator, pd.Series(exact, dtype=float))
    views = choropleth.unit_views(view, classes, "lv")
    svg = svg_map.render(views, vintage, classes, "t", lambda a: a, {}, [])
    return ET.fromstring(svg)


@pytest.mark.parametrize("indicator", ["share_served", "occupancy_rate", "shortfall", "persons_served"])
def test_the_map_draws_every_polygon_outline_with_3_to_1_against_its_fill(indicator):
    """What the browser receives: each municipality's outline colour against its own fill."""
    # Each outline is drawn through <use> (the geometry itself sits in svg_map.outlines).
    paths = list(_drawn(indicator).iter("{http://www.w3.org/2000/svg}use"))
    assert paths
    for path in paths:
        fill = path.get("data-fill") or path.get("fill")  # hatched "no data" keeps its grey in data-fill
        ratio = contrast_ratio(fill, path.get("stroke"))
        assert ratio >= contrast.MIN_NON_TEXT_CONTRAST, (indicator, fill, path.get("stroke"), ratio)


def test_the_labels_drawn_on_the_map_are_the_colours_tested():
    svg = _drawn("share_served")
    labels = next(g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "labels")
    assert labels.get("stroke") == contrast.hex_of(svg_map.LABEL_HALO) and labels.get("paint-order") == "stroke"
    colours = {t.get("fill") for t in labels}
    assert colours == {contrast.hex_of(c) for c in LABEL_TEXT.values()}


@pytest.mark.parametrize("name", ["MUNICIPALITY_COLOUR", "REGION_COLOUR"])
def test_chart_marks_have_3_to_1_against_the_white_plot(name):
    colour = getattr(charts, name)
    ratio = contrast_ratio(colour, WHITE)
    assert ratio >= contrast.MIN_NON_TEXT_CONTRAST, f"charts.{name} {colour} on white: {ratio:.2f}:1 < 3:1"


def test_light_bars_and_ranges_are_outlined_with_3_to_1_against_white():
    """RANGE_COLOUR itself is pale (a backdrop), so bars and range lines carry an outline that reaches 3:1."""
    import pandas as pd

    rows = pd.DataFrame({"places": [10.0], "occupied_places": [9.0], "above_threshold": [True],
                         "persons_assessed": [12.0], "persons_served": [9.0]})
    for fig in (charts.places_vs_occupied(rows, ["A"], 80, "lv"), charts.demand_bars(rows, ["A"], "lv")):
        pale = [t for t in fig.data if t.marker.color == charts.RANGE_COLOUR]
        assert pale and all(t.marker.line.color == charts.OUTLINE_COLOUR for t in pale)
    spine_rows = pd.DataFrame({"value": [5.0], "region_mean": [4.0], "region_min": [1.0], "region_max": [9.0]})
    spine = charts.spine(spine_rows, ["A"], ["5"], "lv")
    assert [s.line.color for s in spine.layout.shapes] == [charts.OUTLINE_COLOUR, charts.RANGE_COLOUR]
    ratio = contrast_ratio(charts.OUTLINE_COLOUR, WHITE)
    assert ratio >= contrast.MIN_NON_TEXT_CONTRAST, f"outline {charts.OUTLINE_COLOUR} on white: {ratio:.2f}:1 < 3:1"


def test_colour_is_never_the_only_cue_for_threshold_and_no_data_classes():
    """Above the occupancy threshold: "⚠" on the map label and in the legend; no data: said in words."""
    import pandas as pd

    from latgale_di.analysis import figures

    rows = pd.DataFrame({"atvk": ["0022000", "0024000"], "indicator": "occupancy_rate", "value": [92.0, 60.0],
                         "value_min": float("nan"), "value_max": float("nan"), "status": "reported",
                         "source": "s", "note": "", "year": 2023, "target_group": "adults_grt",
                         "service": "group_apartments"})
    classes = choropleth.classes_for("occupancy_rate", rows["value"], threshold=80)
    view = figures.view(rows, "2021", 2023, "adults_grt", "group_apartments", "occupancy_rate")
    views = {v.atvk: v for v in choropleth.unit_views(view, classes, "en")}
    assert views["0022000"].label == "⚠ 92 %" and views["0024000"].label == "60 %"
    assert [v.label for a, v in views.items() if a not in rows["atvk"].tolist()][0] == "no data"
    legend = [label for label, _ in choropleth.legend(classes, "en", list(views.values()))]
    # Only the classes some unit falls into; the threshold's class marked in words, not colour alone.
    assert legend == ["50–80 %", "⚠ 80–100 %", "no data"]
