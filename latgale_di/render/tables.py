"""A view's rows as a reader's table, on screen and in the downloads, from one set of rules.

Both paths share the headers (``header``), the labels of vocabulary codes (``labels``) and the
municipality names beside ATVK codes. They differ only where the medium does:

* the downloads (``latgale_di.render.exports.localise``) keep numbers as numbers, so a spreadsheet
  can sum them, and cite each source by its title;
* the screen (``screen``) writes each figure with its marks ("≈" estimate, "≥" at least, "> " a
  lower bound, "hidden" for privacy, "no data") and unit, and refers to sources by number ("[2]"),
  the numbers running over the whole page (``References``) and listed once below it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.analysis import basket
from latgale_di.core import datanotes, formatting, i18n, vocab

# Column → interface string for its header; columns not listed keep their code as the header.
HEADERS: dict[str, str] = {
    "atvk": "col_atvk", "municipality": "municipality", "year": "year_col", "indicator": "indicator_col",
    "target_group": "target_group", "service": "service", "value": "value", "value_min": "col_value_min",
    "value_max": "col_value_max", "unit": "unit", "status": "status", "source": "source", "note": "note",
    "places": "places", "occupied_places": "occupied", "occupancy_rate": "occupancy", "persons_served": "served",
    "persons_assessed": "assessed", "shortfall": "shortfall", "shortfall_pct": "shortfall_pct",
    "above_threshold": "flag", "region_mean": "region_mean", "region_min": "col_region_min",
    "region_max": "col_region_max", "units_with_data": "n_units", "places_year": "col_places_year",
    "waiting_list": "col_waiting_list", "eur": "funding", "eur_per_resident": "per_resident",
    "eur_per_place": "per_place", "running_cost": "running_cost", "projects": "projects", "name": "facilities",
    "services": "service", "basket": "status", "facility_status": "facility_status", "shown": "col_shown",
    "qualifier": "col_qualifier", "as_of": "col_as_of", "target": "plan_target", "share_pct": "plan_share",
    "direction": "plan_change",
}
# Columns holding vocabulary codes, shown as their labels.
LABELS: dict[str, Mapping] = {
    "indicator": vocab.INDICATORS, "target_group": vocab.TARGET_GROUPS, "service": vocab.SERVICES,
    "services": vocab.SERVICES, "status": vocab.STATUSES, "facility_status": vocab.FACILITY_STATUSES,
    "unit": vocab.UNITS,
}
NOTE_COLUMNS = ("note", "projects")
# Money columns say their unit in the header ("Funding, EUR"): cells stay numbers a reader can scan.
UNITS_IN_HEADER = frozenset({"EUR", "EUR/day"})
# Marks before a figure, by its qualifier (``latgale_di.analysis.figures.Figure.qualifier``).
_MARKS: dict[str, str] = {"estimate": "≈", "at_least": "≥", "greater_than": "> "}


def header(column: str, lang: str) -> str:
    """The header a reader sees for a column of rows: its interface string, else its code."""
    return i18n.t(HEADERS[column], lang) if column in HEADERS else column


def _label(codes: Mapping, value: object, lang: str) -> object:
    """The label of a code; "a, b" or "a;b" (a row combining several) labels each part."""
    if not isinstance(value, str) or not value:
        return value
    if value in codes:  # a code with a comma of its own ("per 10,000") is one code
        return codes[value].label(lang)
    parts = [p.strip() for p in value.replace(";", ",").split(",")]
    if all(p in codes for p in parts):
        return ", ".join(codes[p].label(lang) for p in parts)
    if value in i18n.keys():  # a code outside the vocabulary with words of its own (a proposed service)
        return i18n.t(value, lang)
    return value


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def labels(column: str, values: Sequence[object], lang: str) -> list[object]:
    """A column's values as a reader reads them: labels for vocabulary codes, yes/no for flags,
    basket states in words; other values unchanged."""
    if column in LABELS:
        return [_label(LABELS[column], v, lang) for v in values]
    if column == "basket":
        return [f"{basket.SYMBOLS[str(v)]} {i18n.t(f'basket_{v}', lang)}" for v in values]
    if column == "above_threshold":
        return ["" if _missing(v) else i18n.t("yes" if bool(v) else "no", lang) for v in values]
    if column in NOTE_COLUMNS:  # a data note in the reader's language; projects are notes joined by " | "
        return [" | ".join(datanotes.note(p, lang) for p in v.split(" | ")) if isinstance(v, str) else v
                for v in values]
    return list(values)


@dataclass
class References:
    """Numbers for the sources cited on one page, in the order a reader meets them."""

    ids: list[str] = field(default_factory=list)

    def cite(self, value: object) -> str:
        """"[1]" for one source, "[1, 3]" for "a; b"; "" for none. New sources get the next number."""
        if not isinstance(value, str) or not value.strip():
            return ""
        numbers = []
        for sid in (s.strip() for s in value.split(";")):
            if sid and sid not in self.ids:
                self.ids.append(sid)
            if sid:
                numbers.append(self.ids.index(sid) + 1)
        return "[" + ", ".join(str(n) for n in sorted(set(numbers))) + "]"

    def add(self, values: Sequence[object]) -> None:
        """Number sources cited outside a table (a headline, a quote) after those already numbered."""
        for v in values:
            self.cite(v)


@dataclass(frozen=True)
class Column:
    """One column of a screen table, named by the rows' column ``key``.

    A figure column has a ``unit`` ("persons", "places", "%", "EUR", …) or takes each row's unit
    from the column ``unit_from``: numbers are written with the figure rules, with marks from the
    column ``qualifier`` (exact, estimate, at_least, greater_than, hidden, missing) or, failing
    that, from the row's ``status`` column; ``signed`` writes a change ("+4", "−16,7 pp").
    """

    key: str
    header: str = ""  # interface key of the header; default ``HEADERS[key]``
    title: str = ""  # the header's own words, where no interface key has them (a service's label)
    header_values: Mapping[str, object] = field(default_factory=dict)  # fills the header's blanks
    unit: str = ""
    unit_from: str = ""
    qualifier: str = ""
    status: str = ""
    decimals: int | None = None
    signed: bool = False
    bound: str = ""  # column with the highest value a hidden figure can have: shown "<5"
    vocabulary: str = ""  # the codes' vocabulary (a key of LABELS, or "atvk") when not the column's own
    # Codes written as interface text: the key with "{}" where the code goes ("sc_basis_{}").
    code_text: str = ""
    # A missing figure says why: the column ``why`` holds a code for ``why_text`` ("per_place_{}").
    why: str = ""
    why_text: str = ""
    # A figure of only some parts says so: ``part`` names the columns (parts counted, parts in all)
    # and ``part_text`` the interface key with {n} and {total} ("projects_of").
    part: tuple[str, str] | None = None
    part_text: str = ""
    # Bounds of a figure known only within them (columns of the lowest and highest value).
    bounds: tuple[str, str] | None = None
    # A statistic over units known within an interval: the column of its upper end.
    interval: str = ""
    # The lowest and highest figure over units, each an interval: columns of (min high, max low, max high).
    span: tuple[str, str, str] | None = None
    # Labels of several code columns joined: "Occupancy · Adults · Group apartments".
    joined: tuple[str, ...] = ()
    # Cells written by an interface string whose blanks are filled from columns: {"n": "units_with_data"}.
    template: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    numeric: bool = False  # text that is a figure already (the map's labels): aligned as numbers

    @property
    def figure(self) -> bool:
        return bool(self.unit or self.unit_from)


@dataclass(frozen=True)
class ScreenTable:
    """Header → cells (all text), and which headers hold numbers (aligned right)."""

    cells: dict[str, list[str]]
    numeric: list[str]

    @property
    def rows(self) -> int:
        return len(next(iter(self.cells.values()), []))


# The qualifier a status implies where a row has no qualifier of its own.
_STATUS_QUALIFIERS: dict[str, str] = {"estimated": "estimate", "incomplete": "at_least", vocab.SUPPRESSED: "hidden"}


def figure_cell(value: object, unit: str, lang: str, qualifier: str = "exact", decimals: int | None = None,
                bound: object = None, low: object = None, high: object = None) -> str:
    """One figure as text with its mark and unit: "≥62", "≈12,5 %", "> 50 %", "30–59 %", "<5"
    (hidden below a bound), "Slēpts", "nav datu"."""
    if qualifier == "hidden":
        if not _missing(bound):
            return f"<{formatting.format_number(float(bound) + 1, lang)}"  # type: ignore[arg-type]
        return i18n.t("hidden", lang)
    if _missing(value) and not _missing(low) and qualifier != "missing":
        return formatting.value_text(math.nan, float(low), math.nan if _missing(high) else float(high),  # type: ignore[arg-type]
                                     "", unit, lang)
    if _missing(value) or qualifier == "missing":
        return i18n.t("no_data", lang)
    number = formatting.format_number(float(value), lang, decimals)  # type: ignore[arg-type]
    after = formatting.unit_text(unit, lang) if unit in vocab.UNITS and unit not in UNITS_IN_HEADER else ""
    return f"{_MARKS.get(qualifier, '')}{number}{after}"


def signed_cell(value: object, unit: str, lang: str, decimals: int | None = None) -> str:
    """A change with its sign: "+4", "−16,7 pp" (a real minus; a change of a percentage is in
    percentage points); missing → "no data"."""
    if _missing(value):
        return i18n.t("no_data", lang)
    number = float(value)  # type: ignore[arg-type]
    sign = "+" if number > 0 else ("−" if number < 0 else "±")
    return f"{sign}{formatting.format_number(abs(number), lang, decimals)}" + (" pp" if unit == "%" else "")


def _whole(value: object) -> object:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _year(value: object) -> str:
    return "" if _missing(value) else str(int(value))  # type: ignore[call-overload]


def _figures(column: Column, rows: pd.DataFrame, lang: str) -> list[str]:
    values = rows[column.key].tolist()
    n = len(values)
    units = rows[column.unit_from].tolist() if column.unit_from else [column.unit] * n
    if column.signed:
        return [signed_cell(v, u, lang, column.decimals) for v, u in zip(values, units)]
    if column.qualifier:
        qualifiers = [q if isinstance(q, str) else "exact" for q in rows[column.qualifier]]
    elif column.status:
        qualifiers = [_STATUS_QUALIFIERS.get(s, "exact") for s in rows[column.status]]
    else:
        qualifiers = ["exact"] * n
    if column.interval:
        return [formatting.interval_text(float(v), float(h), u, lang, column.decimals)
                for v, h, u in zip(values, rows[column.interval], units)]
    if column.span:
        min_high, max_low, max_high = (rows[c].tolist() for c in column.span)
        return [i18n.t("no_data", lang) if _missing(v) else formatting.range_text(v, a, b, c, u, lang)
                for v, a, b, c, u in zip(values, min_high, max_low, max_high, units)]
    upper = rows[column.bound].tolist() if column.bound else [None] * n
    lows, highs = (rows[c].tolist() for c in column.bounds) if column.bounds else ([None] * n, [None] * n)
    cells = [figure_cell(v, u, lang, q, column.decimals, b, lo, hi)
             for v, u, q, b, lo, hi in zip(values, units, qualifiers, upper, lows, highs)]
    if column.why:
        cells = [i18n.t(column.why_text.format(w), lang) if _missing(v) and w else c
                 for c, v, w in zip(cells, values, rows[column.why])]
    if column.part:
        counted, total = (rows[c].tolist() for c in column.part)
        cells = [f"{c} ({i18n.t(column.part_text, lang, n=int(k), total=int(t))})"
                 if not _missing(v) and not _missing(k) and k < t else c
                 for c, v, k, t in zip(cells, values, counted, total)]
    return cells


def _cells(column: Column, rows: pd.DataFrame, lang: str, names: Mapping[str, str],
           refs: References) -> list[str]:
    values = rows[column.key].tolist()
    if column.figure:
        return _figures(column, rows, lang)
    if column.template:
        filled = {name: rows[c].tolist() for name, c in column.fields.items()}
        return [i18n.t(column.template, lang, **{name: _whole(v[i]) for name, v in filled.items()})
                for i in range(len(values))]
    if column.joined:
        parts = [labels(c, rows[c].tolist(), lang) for c in column.joined]
        return [" · ".join(str(p[i]) for p in parts) for i in range(len(values))]
    if column.code_text:
        return ["" if _missing(v) or v == "" else i18n.t(column.code_text.format(v), lang) for v in values]
    if column.key == "above_threshold":  # unknown is said, never left blank as if "no"
        return [i18n.t("unknown", lang) if _missing(v) else ("⚠ " + i18n.t("yes", lang)) if bool(v)
                else i18n.t("no", lang) for v in values]
    if column.key == "atvk" or column.vocabulary == "atvk":
        return [names.get(v, v) for v in values]
    if column.key == "source":
        return [refs.cite(v) for v in values]
    if column.key in YEAR_COLUMNS:
        return [_year(v) for v in values]
    return ["" if _missing(v) else str(v) for v in labels(column.vocabulary or column.key, values, lang)]


YEAR_COLUMNS = ("year", "as_of", "places_year")


def cells(rows: pd.DataFrame, column: Column, lang: str, names: Mapping[str, str] | None = None) -> list[str]:
    """One column's cells as the screen writes them, e.g. for a chart's labels beside its table."""
    return _cells(column, rows, lang, names or {}, References())


def screen(rows: pd.DataFrame, columns: Sequence[Column], lang: str, names: Mapping[str, str],
           refs: References) -> ScreenTable:
    """``rows`` as the screen shows them: one text cell per row and column of ``columns``.

    ATVK codes become names (``names``; the region's code included), codes become labels, years
    stay whole, sources become reference numbers from ``refs``.
    """
    cells: dict[str, list[str]] = {}
    numeric: list[str] = []
    for column in columns:
        title = column.title or (i18n.t(column.header, lang, **column.header_values) if column.header
                                 else header(column.key, lang))
        cells[title] = _cells(column, rows, lang, names, refs)
        if column.figure or column.numeric or column.key in YEAR_COLUMNS:
            numeric.append(title)
    return ScreenTable(cells, numeric)


def localise(rows: pd.DataFrame, lang: str, names: Mapping[str, str], cite: Callable[[str], str]) -> pd.DataFrame:
    """``rows`` as a download's table: a municipality name beside each ATVK code, labels for codes,
    the source cited by title, headers in ``lang``; numeric columns are left numeric."""
    out = rows.copy()
    if "atvk" in out.columns and "municipality" not in out.columns:
        out.insert(out.columns.get_loc("atvk") + 1, "municipality", out["atvk"].map(lambda a: names.get(a, "")))
    for column in out.columns:
        if column in LABELS or column in ("basket", "above_threshold", *NOTE_COLUMNS):
            out[column] = labels(column, out[column].tolist(), lang)
    if "source" in out.columns:
        out["source"] = [cite(s) if isinstance(s, str) and s else "" for s in out["source"]]
    return out.rename(columns={c: header(c, lang) for c in out.columns if c in HEADERS})
