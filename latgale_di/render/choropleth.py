"""What the map shows for each municipality: class, colour, label and tooltip. No drawing here.

Classification follows the reader's question, not the data's spread:

* percentages use fixed classes that carry meaning (the occupancy threshold, 50 % served, 100 %);
* counts and rates are classed by Fisher–Jenks natural breaks (mapclassify) over the values on
  the map, at most four classes and never more than there are distinct values, so the legend
  never shows an empty or degenerate class ("1–1");
* zero is its own class (a service that is absent is a finding) and "no data" is another,
  drawn grey and hatched, so that unknown never looks like zero;
* a partial sum ("at least", some parts unknown) is its own class too, never the colour of a
  known value, and does not count as a figure (``latgale_di.analysis.figures``);
* a value the source gives only as a range (">50 %") gets a class when the whole range falls
  into one; estimated values are marked "≈", partial sums "≥";
* the legend lists only the classes that the view's values fall into.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from latgale_di.analysis.figures import View
from latgale_di.core import datanotes, formatting, i18n, indicator_meta, vocab
from latgale_di.territory import boundaries

Colour = tuple[int, int, int]

NO_DATA_COLOUR: Colour = (200, 200, 200)
SUPPRESSED_COLOUR: Colour = (150, 140, 170)  # hidden for privacy: a figure exists, unlike "no data"
# A partial sum: something is known, but not the figure. Hatched on the map and in the legend.
INCOMPLETE_COLOUR: Colour = (210, 165, 150)
THRESHOLD_MARK = "⚠ "  # before a value (and legend class) above the occupancy threshold

# ColorBrewer sequential palettes, light to dark; the first colour is the zero class. Chosen by
# latgale_di.render.contrast (tests/unit/test_contrast.py): neighbouring classes, "no data" and "hidden" stay
# apart (CIEDE2000 ≥ 10) for protan, deutan and tritan readers, and lightness falls steadily.
_PALETTES: dict[str, tuple[str, ...]] = {
    "good": ("#ffffe5", "#addd8e", "#41ab5d", "#238443", "#005a32"),   # more is better (YlGn)
    "bad": ("#fef0d9", "#fdd49e", "#fc8d59", "#e34a33", "#b30000"),    # more is worse (OrRd)
    "occupancy": ("#f7fcfd", "#9ebcda", "#8c6bb1", "#810f7c", "#4d004b"),  # fuller is darker (BuPu)
}
# Each indicator's palette family (good, bad, occupancy) is in data/indicators.yaml.
_DIRECTION: dict[str, str] = {c: m.palette for c, m in indicator_meta.indicators().items()}


def hex_to_rgb(hex_colour: str) -> Colour:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the interval classes (the zero class comes first)."""

    breaks: tuple[float, ...]  # upper bounds; the last may be inf
    unit: str
    palette: tuple[str, ...]
    # Classes above this value (the occupancy threshold) are marked "⚠" on the map and in the
    # legend as well as coloured, so that colour is never the only cue (WCAG 1.4.1).
    flagged_from: float | None = None

    def flagged(self, index: int | None) -> bool:
        """Whether class ``index`` lies wholly above ``flagged_from``."""
        if self.flagged_from is None or index is None or index == 0:
            return False
        lower = self.breaks[index - 2] if index >= 2 else 0.0
        return lower >= self.flagged_from

    def index(self, value: float) -> int:
        """0 for exactly zero, else 1 + the interval ``(previous break, break]`` holding value."""
        if value == 0:
            return 0
        for i, upper in enumerate(self.breaks):
            if value <= upper:
                return i + 1
        return len(self.breaks)

    def index_of_range(self, low: float, high: float) -> int | None:
        """The class of a range, if the whole range falls into one class."""
        if math.isnan(low) or not self.breaks:
            return None
        lo = self.index(low + 1e-9)
        if math.isnan(high):
            return lo if lo == len(self.breaks) and math.isinf(self.breaks[-1]) else None
        return lo if lo == self.index(high) else None

    def colour(self, index: int) -> Colour:
        return hex_to_rgb(self.palette[index])

    def labels(self, lang: str) -> list[str]:
        """Legend labels in real units: "0", then each interval, e.g. "1–5", "6–10", "> 20"."""
        unit = "" if self.unit in ("persons", "places") else f" {vocab.UNITS[self.unit].label(lang)}"
        counts = self.unit in ("persons", "places", "EUR") and all(
            float(b).is_integer() or math.isinf(b) for b in self.breaks)
        out = [f"0{unit}"]
        lower = 0.0
        for upper in self.breaks:
            if math.isinf(upper):
                out.append(f"> {formatting.format_number(lower, lang)}{unit}")
            elif counts and upper == lower + 1:
                out.append(f"{formatting.format_number(upper, lang)}{unit}")
            elif counts:
                out.append(f"{formatting.format_number(lower + 1, lang)}–{formatting.format_number(upper, lang)}{unit}")
            elif lower == 0:
                out.append(i18n.t("up_to", lang, value=f"{formatting.format_number(upper, lang)}{unit}"))
            else:
                out.append(f"{formatting.format_number(lower, lang)}–{formatting.format_number(upper, lang)}{unit}")
            lower = upper
        return [f"{THRESHOLD_MARK}{label}" if self.flagged(i) else label for i, label in enumerate(out)]


def _picked(palette: tuple[str, ...], k: int) -> tuple[str, ...]:
    """The zero colour and ``k`` class colours spread over the palette's ramp, darkest last, so
    that fewer classes keep the ramp's ends and stay as far apart as the full ramp's."""
    ramp = palette[1:]
    if k >= len(ramp):
        return palette
    if k == 1:  # one class: a middle-dark colour, clearly not the zero class
        return (palette[0], ramp[-2])
    step = (len(ramp) - 1) / (k - 1)
    return (palette[0], *(ramp[round(i * step)] for i in range(k)))


def natural_breaks(values: pd.Series, k: int = 4) -> tuple[float, ...]:
    """Upper bounds of at most ``k`` Fisher–Jenks classes of the positive ``values`` (mapclassify);
    fewer when there are fewer distinct values, none when there is no positive value."""
    positive = sorted({float(v) for v in values.dropna() if v > 0})
    if not positive:
        return ()
    if len(positive) <= k:
        return tuple(positive)
    # Imported here: mapclassify brings scipy and scikit-learn (~1 s), needed only for count maps.
    import warnings

    import mapclassify
    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed": the pure-Python path is fast enough here
        bins = mapclassify.FisherJenks(np.asarray(positive), k=k).bins
    return tuple(float(b) for b in bins)


def classes_for(indicator: str, values: pd.Series, threshold: float = 80.0) -> Classes:
    """The classification of ``indicator`` given the values on the map now (exact values only)."""
    palette = _PALETTES[_DIRECTION.get(indicator, "good")]
    unit = vocab.INDICATOR_UNITS[indicator]
    if indicator == "occupancy_rate":
        return Classes((50.0, float(threshold), 100.0, math.inf), unit, palette, flagged_from=float(threshold))
    if indicator == "share_served":
        return Classes((10.0, 30.0, 50.0, math.inf), unit, palette)
    if indicator == "shortfall_pct":
        return Classes((25.0, 50.0, 75.0, math.inf), unit, palette)
    breaks = natural_breaks(values, len(palette) - 1)
    return Classes(breaks, unit, _picked(palette, len(breaks)))


@dataclass(frozen=True)
class Categories:
    """Classes of a categorical indicator (service coverage); duck-types ``Classes`` for the map."""

    states: tuple[str, ...] = ("provided", "planned", "missing")
    # Blue for provided, orange-red for no service: distinguishable with red-green colour blindness.
    palette: tuple[str, ...] = ("#2166ac", "#92c5de", "#d6604d")

    def colour(self, index: int) -> Colour:
        return hex_to_rgb(self.palette[index])

    def labels(self, lang: str) -> list[str]:
        return [i18n.t(f"basket_{s}", lang) for s in self.states]


@dataclass(frozen=True)
class UnitView:
    """Everything the map, its table and its tooltip say about one municipality."""

    atvk: str
    name: str
    value: float
    value_min: float
    value_max: float
    status: str
    source: str
    note: str
    class_index: int | None  # None: no data, a partial sum, or a range that spans classes
    label: str  # short text drawn on the map
    qualifier: str = "missing"  # latgale_di.analysis.figures.QUALIFIERS
    as_of: int = 0  # the year the figure describes (a stock carried forward is older than the view)

    @property
    def has_data(self) -> bool:
        """Whether the unit has a figure (one hidden for privacy counts: it exists; a partial sum
        does not)."""
        return self.qualifier in ("exact", "estimate", "greater_than", "range", "hidden")

    @property
    def partial(self) -> bool:
        return self.qualifier == "at_least"


def unit_views(view: View, classes: Classes, lang: str) -> list[UnitView]:
    """One ``UnitView`` per municipality of the view, in boundary-file order."""
    out = []
    for atvk, u in boundaries.units(view.vintage).items():
        fig = view.units[atvk]
        name = u.name(lang)
        if not fig.known:
            out.append(UnitView(atvk, name, math.nan, math.nan, math.nan, "", "", "", None, i18n.t("no_data", lang),
                                "missing", fig.as_of))
            continue
        if fig.qualifier in ("exact", "estimate"):
            index: int | None = classes.index(fig.value)
        elif fig.qualifier in ("greater_than", "range"):
            index = classes.index_of_range(fig.value_min, fig.value_max)
        else:
            index = None  # a partial sum or a hidden figure has a class of its own
        text = formatting.figure_text(fig, lang)
        if classes.flagged(index):
            text = THRESHOLD_MARK + text
        out.append(UnitView(atvk, name, fig.value, fig.value_min, fig.value_max, fig.status, fig.source, fig.note,
                            index, text, fig.qualifier, fig.as_of))
    return out


def legend(classes: Classes | Categories, lang: str, shown: list[UnitView]) -> list[tuple[str, Colour]]:
    """Legend entries (label, colour): the classes that some unit falls into, then "incomplete",
    "hidden" and "no data" where a unit is so."""
    present = {v.class_index for v in shown if v.class_index is not None}
    entries = [(label, classes.colour(i)) for i, label in enumerate(classes.labels(lang)) if i in present]
    if any(v.partial for v in shown):
        entries.append((i18n.t("incomplete_legend", lang), INCOMPLETE_COLOUR))
    if any(v.status == vocab.SUPPRESSED for v in shown):
        entries.append((i18n.t("hidden_legend", lang), SUPPRESSED_COLOUR))
    if any(v.class_index is None and not v.partial and v.status != vocab.SUPPRESSED for v in shown):
        entries.append((i18n.t("no_data", lang), NO_DATA_COLOUR))
    return entries


def fill_colour(view: UnitView, classes: Classes) -> Colour:
    """A unit's colour: its class, else the hidden-for-privacy, partial-sum or no-data colour."""
    if view.status == vocab.SUPPRESSED:
        return SUPPRESSED_COLOUR
    if view.partial:
        return INCOMPLETE_COLOUR
    return classes.colour(view.class_index) if view.class_index is not None else NO_DATA_COLOUR


def tooltip_text(view: UnitView, indicator: str, year: int, lang: str, cite: Callable[[str], str]) -> str:
    """Plain-text tooltip: name, value with unit, year, status, source (Streamlit escapes it)."""
    carried = view.as_of and view.as_of != year
    when = f"{year}" + (f" ({i18n.t('as_of_year', lang, year=view.as_of)})" if carried else "")
    lines = [view.name, f"{vocab.INDICATORS[indicator].label(lang)}: {view.label}", f"{i18n.t('year', lang)}: {when}"]
    if view.partial:
        lines.append(i18n.t("incomplete_long", lang))
    if view.has_data or view.partial:
        lines.append(f"{i18n.t('status', lang)}: {vocab.STATUSES[view.status].label(lang)}")
        lines.append(f"{i18n.t('source', lang)}: {cite(view.source)}")
        if view.note:
            lines.append(f"{i18n.t('note', lang)}: {datanotes.note(view.note, lang)[:160]}")
    else:
        lines.append(i18n.t("no_data_long", lang))
    return "\n".join(lines)


def coverage_views(states: pd.Series, vintage: str, lang: str, categories: Categories = Categories(),
                   sources: pd.Series | None = None) -> list[UnitView]:
    """One ``UnitView`` per municipality from coverage states (provided/planned/missing/unknown),
    citing ``sources`` (by ATVK: the source ids the state rests on)."""
    out = []
    for atvk, u in boundaries.units(vintage).items():
        state = str(states.get(atvk, "unknown"))
        name = u.name(lang)
        if state not in categories.states:
            out.append(UnitView(atvk, name, math.nan, math.nan, math.nan, "", "", "", None, i18n.t("no_data", lang)))
            continue
        index = categories.states.index(state)
        source = str(sources.get(atvk, "")) if sources is not None else ""
        out.append(UnitView(atvk, name, float(index), math.nan, math.nan, "derived", source,
                            i18n.t("coverage_note", lang), index, i18n.t(f"basket_{state}", lang), "exact"))
    return out


def views_table(views: list[UnitView], indicator: str, year: int, target_group: str, service: str) -> pd.DataFrame:
    """The map as rows: one per municipality, with the figure, its marks as shown, status and source.

    Municipalities without a figure are rows too (empty value): "no data" is part of the answer.
    """
    numeric = indicator != "coverage"  # coverage values are category numbers, not figures
    return pd.DataFrame({
        "atvk": [v.atvk for v in views],
        "year": year, "indicator": indicator, "target_group": target_group, "service": service,
        "value": [v.value if numeric else math.nan for v in views],
        "value_min": [v.value_min for v in views], "value_max": [v.value_max for v in views],
        "shown": [v.label for v in views],
        "qualifier": [v.qualifier for v in views],
        "as_of": [(v.as_of or year) if v.status else math.nan for v in views],  # no figure, no year
        "unit": vocab.INDICATOR_UNITS.get(indicator, ""),
        "status": [v.status for v in views], "source": [v.source for v in views], "note": [v.note for v in views],
    })
