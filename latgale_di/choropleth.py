"""What the map shows for each municipality: class, colour, label and tooltip. No drawing here.

Classification follows the reader's question, not the data's spread:

* percentages use fixed breaks that carry meaning (the occupancy threshold, 50 % served, 100 %);
* counts and rates use a few "nice" equal steps from zero, so the legend reads in whole units;
* zero is its own class (a service that is absent is a finding) and "no data" is another,
  drawn grey and labelled, so that unknown never looks like zero;
* a value the source gives only as a range (">50 %") gets a class when the whole range falls
  into one; estimated and incomplete values are marked "≈" and "≥" on the map and in the legend.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from latgale_di import boundaries, i18n, vocab

Colour = tuple[int, int, int]

NO_DATA_COLOUR: Colour = (200, 200, 200)
SUPPRESSED_COLOUR: Colour = (150, 140, 170)  # hidden for privacy: a figure exists, unlike "no data"
THRESHOLD_MARK = "⚠ "  # before a value (and legend class) above the occupancy threshold

# ColorBrewer sequential palettes, light to dark; the first colour is the zero class. Chosen by
# latgale_di.contrast (tests/test_contrast.py): neighbouring classes, "no data" and "hidden" stay
# apart (CIEDE2000 ≥ 10) for protan, deutan and tritan readers, and lightness falls steadily.
_PALETTES: dict[str, tuple[str, ...]] = {
    "good": ("#ffffe5", "#addd8e", "#41ab5d", "#238443", "#005a32"),   # more is better (YlGn)
    "bad": ("#fef0d9", "#fdd49e", "#fc8d59", "#e34a33", "#b30000"),    # more is worse (OrRd)
    "occupancy": ("#f7fcfd", "#9ebcda", "#8c6bb1", "#810f7c", "#4d004b"),  # fuller is darker (BuPu)
}
_DIRECTION: dict[str, str] = {"shortfall": "bad", "shortfall_pct": "bad", "occupancy_rate": "occupancy",
                              "waiting_list": "bad"}


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
        if math.isnan(low):
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
                out.append(f"> {i18n.format_number(lower, lang)}{unit}")
            elif counts:
                out.append(f"{i18n.format_number(lower + 1, lang)}–{i18n.format_number(upper, lang)}{unit}")
            elif lower == 0:
                out.append(i18n.t("up_to", lang, value=f"{i18n.format_number(upper, lang)}{unit}"))
            else:
                out.append(f"{i18n.format_number(lower, lang)}–{i18n.format_number(upper, lang)}{unit}")
            lower = upper
        return [f"{THRESHOLD_MARK}{label}" if self.flagged(i) else label for i, label in enumerate(out)]


def _nice_step(maximum: float, n: int) -> float:
    raw = maximum / n
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def classes_for(indicator: str, values: pd.Series, threshold: float = 80.0) -> Classes:
    """The classification of ``indicator`` given the values on the map now."""
    palette = _PALETTES[_DIRECTION.get(indicator, "good")]
    unit = vocab.INDICATOR_UNITS[indicator]
    if indicator == "occupancy_rate":
        return Classes((50.0, float(threshold), 100.0, math.inf), unit, palette, flagged_from=float(threshold))
    if indicator == "share_served":
        return Classes((10.0, 30.0, 50.0, math.inf), unit, palette)
    if indicator == "shortfall_pct":
        return Classes((25.0, 50.0, 75.0, math.inf), unit, palette)
    finite = values.dropna()
    maximum = float(finite.max()) if not finite.empty else 0.0
    n = len(palette) - 1
    if maximum <= 0:
        return Classes(tuple(float(i) for i in range(1, n + 1)), unit, palette)
    step = _nice_step(maximum, n)
    if unit in ("persons", "places", "EUR"):
        step = max(1.0, math.ceil(step))
    return Classes(tuple(step * i for i in range(1, n + 1)), unit, palette)


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
    class_index: int | None  # None: no data, or a range that spans classes
    label: str  # short text drawn on the map

    @property
    def has_data(self) -> bool:
        """Whether the sources give a figure (one hidden for privacy counts: it exists)."""
        return self.status == vocab.SUPPRESSED or not (
            math.isnan(self.value) and math.isnan(self.value_min) and math.isnan(self.value_max))


def value_text(value: float, value_min: float, value_max: float, status: str, unit: str, lang: str) -> str:
    """The value as a reader should see it: marks for estimates, lower bounds and ranges."""
    unit_text = "" if unit in ("persons", "places") else (" %" if unit == "%" else f" {vocab.UNITS[unit].label(lang)}")
    if status == vocab.SUPPRESSED:  # hidden for privacy: the bound if it is the count itself, else nothing
        return f"<{i18n.format_number(value_max + 1, lang)}" if not math.isnan(value_max) else i18n.t("hidden", lang)
    if not math.isnan(value):
        mark = {"estimated": "≈", "incomplete": "≥"}.get(status, "")
        return f"{mark}{i18n.format_number(value, lang)}{unit_text}"
    if not math.isnan(value_min) and (math.isnan(value_max) or (unit == "%" and value_max >= 100)):
        return f"> {i18n.format_number(value_min, lang)}{unit_text}"
    if not math.isnan(value_min) and not math.isnan(value_max):
        return f"{i18n.format_number(value_min, lang)}–{i18n.format_number(value_max, lang)}{unit_text}"
    return i18n.t("no_data", lang)


def unit_views(table: pd.DataFrame, vintage: str, indicator: str, classes: Classes, lang: str) -> list[UnitView]:
    """One ``UnitView`` per municipality of ``vintage``, in boundary-file order.

    ``table`` holds the indicator rows for one year, target group and service (at most one row
    per municipality).
    """
    rows = {r["atvk"]: r for r in table[table["indicator"] == indicator].to_dict("records")}
    unit = vocab.INDICATOR_UNITS[indicator]
    out = []
    for atvk, u in boundaries.units(vintage).items():
        r = rows.get(atvk)
        name = u.name(lang)
        if r is None:
            out.append(UnitView(atvk, name, math.nan, math.nan, math.nan, "", "", "", None, i18n.t("no_data", lang)))
            continue
        value, vmin, vmax = (float(r[c]) if pd.notna(r[c]) else math.nan for c in ("value", "value_min", "value_max"))
        index = classes.index(value) if not math.isnan(value) else classes.index_of_range(vmin, vmax)
        text = value_text(value, vmin, vmax, str(r["status"]), unit, lang)
        if classes.flagged(index):
            text = THRESHOLD_MARK + text
        out.append(UnitView(atvk, name, value, vmin, vmax, str(r["status"]), str(r["source"]), str(r["note"] or ""),
                            index, text))
    return out


def legend(classes: Classes | Categories, lang: str, shown: list[UnitView]) -> list[tuple[str, Colour]]:
    """Legend entries (label, colour): the classes, then "no data" if any unit lacks a figure."""
    entries = list(zip(classes.labels(lang), (classes.colour(i) for i in range(len(classes.palette)))))
    if any(v.status == vocab.SUPPRESSED for v in shown):
        entries.append((i18n.t("hidden_legend", lang), SUPPRESSED_COLOUR))
    if any((not v.has_data or v.class_index is None) and v.status != vocab.SUPPRESSED for v in shown):
        entries.append((i18n.t("no_data", lang), NO_DATA_COLOUR))
    return entries


def fill_colour(view: UnitView, classes: Classes) -> Colour:
    """A unit's colour: its class, else the hidden-for-privacy or the no-data colour."""
    if view.status == vocab.SUPPRESSED:
        return SUPPRESSED_COLOUR
    return classes.colour(view.class_index) if view.class_index is not None else NO_DATA_COLOUR


def tooltip_text(view: UnitView, indicator: str, year: int, lang: str, cite: Callable[[str], str]) -> str:
    """Plain-text tooltip: name, value with unit, year, status, source (Streamlit escapes it)."""
    lines = [view.name, f"{vocab.INDICATORS[indicator].label(lang)}: {view.label}", f"{i18n.t('year', lang)}: {year}"]
    if view.has_data:
        lines.append(f"{i18n.t('status', lang)}: {vocab.STATUSES[view.status].label(lang)}")
        lines.append(f"{i18n.t('source', lang)}: {cite(view.source)}")
        if view.note:
            lines.append(f"{i18n.t('note', lang)}: {view.note[:160]}")
    else:
        lines.append(i18n.t("no_data_long", lang))
    return "\n".join(lines)


def coverage_views(states: pd.Series, vintage: str, lang: str, categories: Categories = Categories()) -> list[UnitView]:
    """One ``UnitView`` per municipality from coverage states (provided/planned/missing/unknown)."""
    out = []
    for atvk, u in boundaries.units(vintage).items():
        state = str(states.get(atvk, "unknown"))
        name = u.name(lang)
        if state not in categories.states:
            out.append(UnitView(atvk, name, math.nan, math.nan, math.nan, "", "", "", None, i18n.t("no_data", lang)))
            continue
        index = categories.states.index(state)
        out.append(UnitView(atvk, name, float(index), math.nan, math.nan, "derived", "",
                            i18n.t("coverage_note", lang), index, i18n.t(f"basket_{state}", lang)))
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
        "unit": vocab.INDICATOR_UNITS.get(indicator, ""),
        "status": [v.status for v in views], "source": [v.source for v in views], "note": [v.note for v in views],
    })
