"""The data contract: which tables exist, their columns, and how a table is checked.

Three tables travel together (see ``docs/data-contract.md``):

* observations — long form, one value per row;
* facilities — one row per service site;
* population — denominators with their reference date.

``validate_table`` returns every problem it finds, each naming the row (as a spreadsheet shows
it: the header is row 1), the column, the value found and what was expected. It never stops at
the first problem, because a maintainer fixing a file wants the whole list at once.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import REGION_CODE

YEAR_MIN, YEAR_MAX = 2000, 2035

OBSERVATION_COLUMNS: tuple[str, ...] = (
    "year", "atvk", "vintage", "target_group", "service", "indicator",
    "value", "unit", "status", "source", "note",
)
# Optional: bounds for a value a source gives only as a range (">50 %", "30–40 %"), and the month
# of a monthly figure (1–12; blank = yearly), collapsed to a yearly figure on loading (latgale_di.ingest.months).
OBSERVATION_OPTIONAL: tuple[str, ...] = ("note", "value_min", "value_max", "month")
# Counts of people and of places: a figure of these is a whole number (12,5 persons is a typo).
WHOLE_NUMBER_INDICATORS: frozenset[str] = frozenset(
    {"places", "planned_places", "occupied_places", "persons_served", "persons_assessed", "waiting_list",
     "target_persons"})
REPEATS_LISTED = 20  # repeated rows warned about one by one; the rest are counted in one warning
# Errors listed one by one; past this many, each column's further errors are counted in one line.
# A file with 200 000 wrong rows needs the first few to be fixed, not 200 000 lines (nor the memory).
ERRORS_LISTED = 500
OBSERVATION_KEY: tuple[str, ...] = ("year", "atvk", "vintage", "target_group", "service", "indicator")

FACILITY_COLUMNS: tuple[str, ...] = (
    "id", "name", "atvk", "services", "target_groups", "places", "occupied",
    "lat", "lon", "location_precision", "opened", "status", "source",
)
FACILITY_OPTIONAL: tuple[str, ...] = ("places", "occupied", "opened", "note", "atvk_2009")

POPULATION_COLUMNS: tuple[str, ...] = (
    "atvk", "vintage", "reference_date", "age_group", "value", "status", "source",
)
# ``statistic``: which count of residents (vocab.POPULATION_STATISTICS); blank or absent in files
# older than it, which then form one series of their own ("unspecified").
POPULATION_OPTIONAL: tuple[str, ...] = ("note", "statistic")

# ``date`` is the date published; a file older than the other columns is read with them blank.
SOURCE_COLUMNS: tuple[str, ...] = ("id", "title", "publisher", "date", "url", "kind", "date_accessed", "licence",
                                   "note")
SOURCE_REQUIRED: tuple[str, ...] = ("id", "title", "publisher", "date", "url", "kind")

TABLE_KINDS: tuple[str, ...] = ("observations", "facilities", "population")

# Latgale lies within these bounds; a point outside is a typo (swapped lat/lon, lost digit).
LAT_RANGE, LON_RANGE = (55.6, 57.6), (25.5, 28.3)
# Latvia (the ``latvia`` extent, see latgale_di.core.extent) lies within these.
LATVIA_LAT_RANGE, LATVIA_LON_RANGE = (55.6, 58.1), (20.9, 28.3)


def coordinate_ranges() -> tuple[str, tuple[float, float], tuple[float, float]]:
    """(territory name, latitude range, longitude range) a site must lie in, for the current extent."""
    from latgale_di.core import extent

    if extent.current() == "latvia":
        return "Latvia", LATVIA_LAT_RANGE, LATVIA_LON_RANGE
    return "Latgale", LAT_RANGE, LON_RANGE


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or the whole file when ``row`` is None).

    ``found`` and ``expected`` are the English text that logs and the command line show;
    ``message`` (and ``found_message`` when ``found`` is the checker's words, not the file's) keep
    the interface key and values, so a page can say the same in the reader's language.
    """

    file: str
    row: int | None
    column: str | None
    found: str
    expected: str
    severity: str = "error"  # "error" rejects the file; "warning" is shown but accepted
    message: i18n.Message | None = None
    found_message: i18n.Message | None = None

    @classmethod
    def of(cls, file: str, row: int | None, column: str | None, found: str | i18n.Message,
           expected: i18n.Message, severity: str = "error") -> Problem:
        """A problem whose texts are interface strings (the English kept as ``found``/``expected``)."""
        found_message = found if isinstance(found, i18n.Message) else None
        found_text = found.text("en") if isinstance(found, i18n.Message) else found
        return cls(file, row, column, found_text, expected.text("en"), severity, expected, found_message)

    @property
    def key(self) -> str:
        """The interface key of what was expected ("" for a problem made from English text alone)."""
        return self.message.key if self.message else ""

    @property
    def params(self) -> dict[str, object]:
        """Everything the message is made of: file, row, column, found, expected and its values."""
        values = self.message.params if self.message else {}
        return {"file": self.file, "row": self.row, "column": self.column, "found": self.found,
                "expected": self.expected, **values}

    def text(self, lang: str) -> str:
        """The problem as one line in ``lang``."""
        where = [self.file]
        if self.row is not None:
            where.append(i18n.t("problem_row", lang, row=self.row))
        if self.column is not None:
            where.append(i18n.t("problem_column", lang, column=self.column))
        found = self.found_message.text(lang) if self.found_message else self.found
        shown = i18n.t("problem_found", lang, found=found) if found else i18n.t("problem_found_nothing", lang)
        expected = self.message.text(lang) if self.message else self.expected
        return i18n.t("problem_line", lang, severity=i18n.t(f"problem_{self.severity}", lang),
                      where=", ".join(where), found=shown, expected=expected)

    def __str__(self) -> str:
        return self.text("en")


@dataclass
class Report:
    """The outcome of checking one table."""

    kind: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def detect_kind(columns: Iterable[str]) -> str | None:
    """Which contract table a header belongs to, by its distinctive columns."""
    cols = set(columns)
    if {"indicator", "value"} <= cols:
        return "observations"
    if {"lat", "lon"} <= cols or "services" in cols:
        return "facilities"
    if {"reference_date", "value"} <= cols:
        return "population"
    return None


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def _shown(value: object) -> str:
    return "nothing" if _is_blank(value) else repr(str(value))


def _number(value: object) -> float | None:
    """Parse a number as people write it (decimal comma, spaces as thousands separator)."""
    if _is_blank(value):
        return None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _choices(terms: dict[str, vocab.Term]) -> i18n.Message:
    return i18n.message("exp_one_of", codes=", ".join(terms))


class _Checker:
    """Collects problems for one table; each check names row and column."""

    def __init__(self, file: str, kind: str) -> None:
        self.report = Report(kind)
        self.file = file
        # Counted as they come: asking the report per row rebuilt its error list every time, which
        # made a large file quadratic (80 000 repeated rows took minutes).
        self.errors = 0
        self.repeats = 0
        self.unlisted: dict[str | None, int] = {}  # column → errors past ERRORS_LISTED

    def add(self, row: int | None, column: str | None, found: object, expected: i18n.Message,
            severity: str = "error") -> None:
        """``found`` is a cell of the file (quoted) or the checker's own words (a Message)."""
        if severity == "error" and self.errors >= ERRORS_LISTED:
            self.errors += 1
            self.unlisted[column] = self.unlisted.get(column, 0) + 1
            return
        shown = found if isinstance(found, i18n.Message) else "" if _is_blank(found) else repr(str(found))
        self.report.problems.append(Problem.of(self.file, row, column, shown, expected, severity))
        self.errors += severity == "error"

    def repeat(self, row: int, first_row: int) -> None:
        """A row that repeats an earlier one: a warning each for the first few, then one count."""
        self.repeats += 1
        if self.repeats <= REPEATS_LISTED:
            self.add(row, None, i18n.message("found_repeat", row=first_row), i18n.message("exp_key_once"), "warning")

    def close(self) -> None:
        for column, n in self.unlisted.items():
            self.report.problems.append(Problem.of(self.file, None, column, i18n.message("found_errors_more", n=n),
                                                   i18n.message("exp_fix_listed", n=ERRORS_LISTED), "error"))
        if self.repeats > REPEATS_LISTED:
            self.add(None, None, i18n.message("found_repeats_more", n=self.repeats - REPEATS_LISTED),
                     i18n.message("exp_key_once"), "warning")

    def columns(self, df: pd.DataFrame, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        missing = [c for c in required if c not in df.columns and c not in optional]
        needed = ", ".join(c for c in required if c not in optional)
        for c in missing:
            self.add(1, c, "", i18n.message("exp_column", column=c, required=needed))
        return not missing

    def in_vocab(self, row: int, column: str, value: object, terms: dict[str, vocab.Term]) -> None:
        if str(value).strip() not in terms:
            self.add(row, column, value, _choices(terms))

    def required_text(self, row: int, column: str, value: object) -> None:
        if _is_blank(value):
            self.add(row, column, value, i18n.message("exp_non_empty"))

    def count(self, row: int, column: str, value: object, *, required: bool, integer: bool = False) -> float | None:
        if _is_blank(value):
            if required:
                self.add(row, column, value, i18n.message("exp_number_required"))
            return None
        number = _number(value)
        if number is None:
            self.add(row, column, value, i18n.message("exp_number"))
        elif number < 0:
            self.add(row, column, value, i18n.message("exp_non_negative"))
            return None
        elif integer and number != int(number):
            self.add(row, column, value, i18n.message("exp_whole"))
        return number

    def year(self, row: int, column: str, value: object) -> int | None:
        number = _number(value)
        if number is None or number != int(number):
            self.add(row, column, value, i18n.message("exp_year_digits", low=YEAR_MIN, high=YEAR_MAX))
            return None
        if not YEAR_MIN <= number <= YEAR_MAX:
            self.add(row, column, value, i18n.message("exp_year_range", low=YEAR_MIN, high=YEAR_MAX))
            return None
        return int(number)

    def month(self, row: int, value: object) -> int | None:
        """A month 1–12, or None for a blank cell (a yearly figure)."""
        if _is_blank(value):
            return None
        number = _number(value)
        if number is None or number != int(number) or not 1 <= number <= 12:
            self.add(row, "month", value, i18n.message("exp_month"))
            return None
        return int(number)

    def vintage(self, row: int, value: object) -> str | None:
        text = str(value).strip()
        if text.endswith(".0"):  # spreadsheets turn 2021 into 2021.0
            text = text[:-2]
        if text not in boundaries.VINTAGES:
            self.add(row, "vintage", value, i18n.message("exp_vintage"))
            return None
        return text

    def municipality(self, row: int, value: object, vintage: str | None, *, allow_region: bool) -> str | None:
        from latgale_di.territory.names import UnknownMunicipality

        text = "" if _is_blank(value) else str(value).strip()
        if allow_region and text == REGION_CODE:
            return REGION_CODE
        if not text:
            self.add(row, "atvk", value, i18n.message("exp_atvk_blank"))
            return None
        try:
            return _match_atvk(text, vintage)
        except UnknownMunicipality as exc:
            where = i18n.message("exp_atvk_vintage", vintage=vintage) if vintage else i18n.message("exp_atvk_latgale")
            extra = i18n.message("exp_atvk_region", region=REGION_CODE) if allow_region else ""
            close = i18n.message("exp_atvk_closest", names=", ".join(exc.suggestions)) if exc.suggestions else ""
            self.add(row, "atvk", value, i18n.message("exp_atvk", where=where, extra=extra, close=close))
            return None


@functools.lru_cache(maxsize=4096)
def _match_atvk(text: str, vintage: str | None) -> str:
    # A file names the same few municipalities on every row: each name is looked up once.
    from latgale_di.territory.names import match_atvk

    return match_atvk(text, vintage)


def _rows(df: pd.DataFrame, positions: Iterable[int] | None = None) -> Iterable[tuple[int, dict]]:
    # Row 1 is the header, as a spreadsheet numbers it. One small dict at a time, not a list of
    # them all (200 000 rows of records took a quarter of a gigabyte). ``positions``: only these rows.
    columns = list(df.columns)
    chosen = list(range(len(df))) if positions is None else list(positions)
    for start in range(0, len(chosen), _CHUNK):
        part = chosen[start:start + _CHUNK]
        chunk = df.iloc[part]
        for i, values in zip(part, zip(*(chunk[c].tolist() for c in columns))):
            yield i + 2, dict(zip(columns, values))


_CHUNK = 10_000  # rows turned into Python objects at a time


# --- Observations, vectorised: most rows of a large file are right, and are vouched for by
# column-wide checks; only the rows those cannot vouch for are checked one by one, with the same
# words as ever. The checks between rows (a key given twice, months mixed with yearly figures,
# more occupied than places) run on whole columns.

_ASCII_WHOLE = r"[0-9]+(?:\.0+)?"
_ASCII_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"


class _Cells:
    """The columns of a table as the row checks read their cells, each worked out once."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self._text: dict[str, pd.Series] = {}
        self._blank: dict[str, pd.Series] = {}

    def text(self, column: str) -> pd.Series:
        """``str(value).strip()`` of each cell ("nan" for a missing one), as the row checks compare."""
        if column not in self._text:
            series = self.df[column]
            text = series.astype(str) if series.dtype == object or pd.api.types.is_string_dtype(series) else None
            if text is None or series.isna().any():  # a missing cell reads "nan", as str() gives it
                text = series.astype(object).map(str)
            self._text[column] = text.str.strip()
        return self._text[column]

    def blank(self, column: str) -> pd.Series:
        """Exactly the row checks' blank (``_is_blank``) for each cell."""
        if column not in self._blank:
            series = self.df[column]
            blank = self.text(column).eq("")
            missing = series.isna()
            if missing.any():  # None and NaN are blank; pd.NA and NaT are not, as _is_blank says
                blank[missing] = series[missing].map(_is_blank).astype(bool)
            self._blank[column] = blank.astype(bool)
        return self._blank[column]

    def number(self, column: str, whole: bool | pd.Series) -> tuple[pd.Series, pd.Series]:
        """(value, vouched): a cell written as plain ASCII digits (a decimal comma or point;
        ``whole``: no fraction), which :func:`_number` reads the same way; anything else (a
        minus, spaces, other digits) is left to the row checks."""
        text = self.text(column)
        number = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        plain = text.str.fullmatch(_ASCII_NUMBER).fillna(False).astype(bool)
        integral = text.str.fullmatch(_ASCII_WHOLE).fillna(False).astype(bool)
        vouched = plain & (integral | ~pd.Series(whole, index=text.index).astype(bool))
        return number.where(vouched), vouched


def _vouched_observations(df: pd.DataFrame) -> pd.DataFrame:
    """Every row's parsed key and value, and ``ok``: whether column-wide checks vouch that the row
    checks would find nothing wrong in it (a row not vouched for is checked one by one)."""
    cells = _Cells(df)
    out = pd.DataFrame(index=df.index)
    ok = pd.Series(True, index=df.index)
    if "month" in df.columns:
        month, vouched = cells.number("month", True)
        ok &= cells.blank("month") | (vouched & month.between(1, 12))
        out["month"] = month.where(~cells.blank("month"))
    else:
        out["month"] = float("nan")
    year, vouched = cells.number("year", True)
    ok &= vouched & year.between(YEAR_MIN, YEAR_MAX)
    out["year"] = year
    vintage = cells.text("vintage").str.replace(r"\.0$", "", regex=True)
    ok &= vintage.isin(boundaries.VINTAGES)
    out["vintage"] = vintage
    atvk_text = cells.text("atvk")
    pairs = atvk_text + "\x00" + vintage  # a file names the same few municipalities on every row
    out["atvk"] = pairs.map({pair: _atvk_or_none(*pair.rsplit("\x00", 1)) for pair in pairs.unique()})
    ok &= out["atvk"].notna() & ~cells.blank("atvk")
    for column, terms in (("target_group", vocab.TARGET_GROUPS), ("service", vocab.SERVICES),
                          ("status", vocab.STORED_STATUSES)):
        ok &= cells.text(column).isin(list(terms))
        out[column] = cells.text(column)
    indicator = cells.text("indicator")
    ok &= indicator.isin(list(vocab.STORED_INDICATORS))
    out["indicator"] = indicator
    whole = indicator.isin(list(WHOLE_NUMBER_INDICATORS))
    bounded = pd.Series(False, index=df.index)
    for column in ("value_min", "value_max"):
        if column in df.columns:
            _, vouched = cells.number(column, whole)
            ok &= cells.blank(column) | vouched
            bounded |= ~cells.blank(column)
    value, vouched = cells.number("value", whole)
    ok &= (cells.blank("value") & bounded) | vouched
    out["value"] = value.where(~cells.blank("value"))
    ok &= cells.text("unit").eq(indicator.map(vocab.INDICATOR_UNITS))
    ok &= ~(indicator.eq("share_served") & (out["value"] > 100))
    ok &= ~cells.blank("source")
    out["ok"] = ok.fillna(False).astype(bool)
    out["row"] = range(2, len(df) + 2)
    return out


def _atvk_or_none(text: str, vintage: str) -> str | None:
    from latgale_di.territory.names import UnknownMunicipality

    if not text or vintage not in boundaries.VINTAGES:
        return None
    if text == REGION_CODE:
        return REGION_CODE
    try:
        return _match_atvk(text, vintage)
    except UnknownMunicipality:
        return None


def _check_observation_row(row: int, r: dict, c: _Checker, has_month: bool) -> dict | None:
    """One row's own checks (its cells, not other rows); its parsed key and value when right."""
    errors_before = c.errors
    month = c.month(row, r["month"]) if has_month else None
    year = c.year(row, "year", r["year"])
    vintage = c.vintage(row, r["vintage"])
    atvk = c.municipality(row, r["atvk"], vintage, allow_region=True)
    c.in_vocab(row, "target_group", r["target_group"], vocab.TARGET_GROUPS)
    c.in_vocab(row, "service", r["service"], vocab.SERVICES)
    indicator = str(r["indicator"]).strip()
    if indicator not in vocab.STORED_INDICATORS:
        codes = ", ".join(vocab.STORED_INDICATORS)
        computed = indicator in vocab.COMPUTED_INDICATORS
        c.add(row, "indicator", r["indicator"],
              i18n.message("exp_stored_indicator", codes=codes) if computed else _choices(vocab.STORED_INDICATORS))
        indicator = ""
    has_bounds = not (_is_blank(r.get("value_min")) and _is_blank(r.get("value_max")))
    whole = indicator in WHOLE_NUMBER_INDICATORS  # people and places come in whole numbers
    value = c.count(row, "value", r["value"], required=not has_bounds, integer=whole)
    for col in ("value_min", "value_max"):
        c.count(row, col, r.get(col), required=False, integer=whole)
    if indicator:
        unit = vocab.INDICATOR_UNITS[indicator]
        if str(r["unit"]).strip() != unit:
            c.add(row, "unit", r["unit"], i18n.message("exp_unit", unit=unit, indicator=indicator))
        if unit == "%" and value is not None and indicator == "share_served" and value > 100:
            c.add(row, "value", r["value"], i18n.message("exp_share"))
    c.in_vocab(row, "status", r["status"], vocab.STORED_STATUSES)
    c.required_text(row, "source", r["source"])
    if c.errors > errors_before:
        return None  # a row already wrong is not compared with others: one message per problem
    return {"row": row, "year": year, "atvk": atvk, "vintage": vintage, "target_group": str(r["target_group"]).strip(),
            "service": str(r["service"]).strip(), "indicator": indicator,
            "month": float("nan") if month is None else float(month),
            "value": float("nan") if value is None else value}


_YEARLY_KEY = list(OBSERVATION_KEY)  # a figure is one per key and month


def _check_observations(df: pd.DataFrame, c: _Checker) -> None:
    if not c.columns(df, OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL):
        return
    has_month = "month" in df.columns
    parsed = _vouched_observations(df)
    # The rows the column-wide checks could not vouch for, one by one (their own checker: their
    # problems are merged with the between-row ones in row order below).
    cells = _Checker(c.file, c.report.kind)
    right = [checked for row, r in _rows(df, [i for i, ok in enumerate(parsed["ok"]) if not ok])
             if (checked := _check_observation_row(row, r, cells, has_month)) is not None]
    keys = parsed.loc[parsed["ok"], ["row", *_YEARLY_KEY, "month", "value"]]
    if right:
        keys = pd.concat([keys, pd.DataFrame(right)], ignore_index=True)
    keys = keys.sort_values("row", kind="stable").reset_index(drop=True)
    keys["year"] = keys["year"].astype(int)
    between = _Checker(c.file, c.report.kind)
    amounts = _check_keys(keys, df, between)
    _merge(c, [cells, between])
    for problem in amounts:
        c.report.problems.append(problem)


def _check_keys(keys: pd.DataFrame, df: pd.DataFrame, c: _Checker) -> list[Problem]:
    """Between rows, on whole columns: months mixed with yearly figures, a key given twice (the
    same value: a repeat; another: an error), and more occupied places than places (a warning,
    returned to go last, after every row's problems). ``keys``: the rows without problems of
    their own, in row order."""
    rows = keys["row"].to_numpy()
    monthly = keys["month"].notna()
    yearly = keys.groupby(_YEARLY_KEY, sort=False, dropna=False).ngroup()
    first_monthly = monthly.groupby(yearly).transform("first").to_numpy()
    first_row = keys["row"].groupby(yearly).transform("first").to_numpy()
    mixed = monthly.to_numpy() != first_monthly
    # (row, column, cell, message key, its values): made into messages only while they are listed.
    errors: list[tuple[int, str, object, str, dict]] = []
    month_cells = df["month"] if "month" in df.columns else pd.Series(index=df.index, dtype=object)
    for i in np.flatnonzero(mixed):
        errors.append((int(rows[i]), "month", month_cells.iat[rows[i] - 2],
                       "exp_month_like" if first_monthly[i] else "exp_no_month_like", {"row": int(first_row[i])}))
    keyed = keys[~mixed].reset_index(drop=True)
    rows = keyed["row"].to_numpy()
    group = keyed.groupby([*_YEARLY_KEY, "month"], sort=False, dropna=False).ngroup()
    firsts = (~group.duplicated()).to_numpy()
    first_row = keyed["row"].groupby(group).transform("first").to_numpy()
    values = keyed["value"].to_numpy(dtype=float)
    first_value = group.map(pd.Series(values[firsts], index=group[firsts].to_numpy())).to_numpy(dtype=float)
    same = (values == first_value) | (np.isnan(values) & np.isnan(first_value))
    repeats = np.flatnonzero(~firsts & same)
    for i in repeats[:REPEATS_LISTED]:
        c.repeat(int(rows[i]), int(first_row[i]))
    c.repeats += max(len(repeats) - REPEATS_LISTED, 0)
    for i in np.flatnonzero(~firsts & ~same):
        before = first_value[i]
        errors.append((int(rows[i]), "value", df["value"].iat[rows[i] - 2],
                       "exp_same_value" if not np.isnan(before) else "exp_no_second_row",
                       {"row": int(first_row[i]), **({"value": f"{before:g}"} if not np.isnan(before) else {})}))
    errors.sort(key=lambda e: e[0])
    for row, column, cell, key, params in errors:
        if c.errors >= ERRORS_LISTED:  # counted only: no message made for what is not listed
            c.errors += 1
            c.unlisted[column] = c.unlisted.get(column, 0) + 1
            continue
        c.add(row, column, cell, i18n.message(key, **params))
    # The last figure of each (key, month) for places and occupied places, as the row order gives it.
    counted = keyed[keyed["indicator"].isin(["places", "occupied_places"]) & keyed["value"].notna()]
    counted = counted.assign(month=counted["month"].fillna(-1))  # a yearly figure: no month, one key
    where = ["year", "atvk", "vintage", "target_group", "service", "month"]
    last = counted.groupby([*where, "indicator"], sort=False, dropna=False).tail(1)
    places = last[last["indicator"] == "places"].set_index(where)
    occupied = last[last["indicator"] == "occupied_places"].set_index(where)
    both = occupied.join(places, suffixes=("_occupied", "_places"), how="inner")
    over = both[both["value_occupied"] > both["value_places"]]
    order = counted.drop_duplicates(where).set_index(where).index
    warnings = []
    for key in [k for k in order if k in over.index]:
        found = over.loc[[key]].iloc[0]
        warnings.append(Problem.of(c.file, int(found["row_occupied"]), "value",
                                   i18n.message("found_occupied", occupied=f"{found['value_occupied']:g}"),
                                   i18n.message("exp_at_most_places_of_row", places=f"{found['value_places']:g}",
                                                row=int(found["row_places"])), "warning"))
    return warnings


def _merge(c: _Checker, parts: list[_Checker]) -> None:
    """The problems of checkers that each saw some rows, in row order, as if one checker had seen
    every row in turn: the first ``ERRORS_LISTED`` errors listed, the rest counted by column."""
    for problem in sorted((p for part in parts for p in part.report.problems), key=lambda p: p.row or 0):
        if problem.severity == "error":
            if c.errors >= ERRORS_LISTED:
                c.errors += 1
                c.unlisted[problem.column] = c.unlisted.get(problem.column, 0) + 1
                continue
            c.errors += 1
        c.report.problems.append(problem)
    for part in parts:
        for column, n in part.unlisted.items():
            c.unlisted[column] = c.unlisted.get(column, 0) + n
            c.errors += n
        c.repeats += part.repeats


def _check_facilities(df: pd.DataFrame, c: _Checker) -> None:
    if not c.columns(df, FACILITY_COLUMNS, FACILITY_OPTIONAL):
        return
    territory, lat_range, lon_range = coordinate_ranges()
    ids = _Cells(df).text("id")
    first_row = dict(zip(ids[::-1], range(len(df) + 1, 1, -1)))  # each id's first row
    vouched = _vouched_facilities(df, lat_range, lon_range)
    for row, r in _rows(df, [i for i, ok in enumerate(vouched) if not ok]):
        fid = str(r["id"]).strip()
        c.required_text(row, "id", r["id"])
        if first_row[fid] != row:
            c.add(row, "id", r["id"], i18n.message("exp_unique_id", row=first_row[fid]))
        c.required_text(row, "name", r["name"])
        c.municipality(row, r["atvk"], "2021", allow_region=False)
        for column, terms in (("services", vocab.SERVICES), ("target_groups", vocab.TARGET_GROUPS)):
            codes = [s.strip() for s in str(r[column]).split(";") if s.strip()] if not _is_blank(r[column]) else []
            if not codes:
                c.add(row, column, r[column], i18n.message("exp_codes", codes=", ".join(terms)))
            for code in codes:
                if code not in terms:
                    c.add(row, column, code, _choices(terms))
        places = c.count(row, "places", r.get("places"), required=False, integer=True)
        occupied = c.count(row, "occupied", r.get("occupied"), required=False, integer=True)
        if places is not None and occupied is not None and occupied > places:
            c.add(row, "occupied", r.get("occupied"), i18n.message("exp_at_most_places", places=f"{places:g}"),
                  "warning")
        for column, (low, high) in (("lat", lat_range), ("lon", lon_range)):
            number = _number(r[column])
            if number is None or not low <= number <= high:
                c.add(row, column, r[column], i18n.message("exp_degree", territory=territory, low=low, high=high))
        c.in_vocab(row, "location_precision", r["location_precision"], vocab.LOCATION_PRECISION)
        c.in_vocab(row, "status", r["status"], vocab.FACILITY_STATUSES)
        c.required_text(row, "source", r["source"])


def _vouched_facilities(df: pd.DataFrame, lat_range: tuple[float, float],
                        lon_range: tuple[float, float]) -> pd.Series:
    """Whether column-wide checks vouch that the row checks would find nothing in each row (an
    id's later rows never: they are told which row had it first)."""
    cells = _Cells(df)
    ok = ~cells.blank("id") & ~cells.text("id").duplicated() & ~cells.blank("name")
    atvk = cells.text("atvk")
    found = atvk.map({text: _atvk_or_none(text, "2021") for text in atvk.unique()})
    ok &= found.notna() & ~found.eq(REGION_CODE) & ~cells.blank("atvk")
    for column, terms in (("services", vocab.SERVICES), ("target_groups", vocab.TARGET_GROUPS)):
        codes = cells.text(column).str.split(";").explode().str.strip()
        codes = codes[codes.ne("")]
        known = codes.isin(list(terms)).groupby(level=0).all().reindex(df.index, fill_value=False)
        ok &= known & ~cells.blank(column)
    places = occupied = None
    for column in ("places", "occupied"):
        if column in df.columns:
            value, vouched = cells.number(column, True)
            ok &= cells.blank(column) | vouched
            places, occupied = (value, occupied) if column == "places" else (places, value)
    if places is not None and occupied is not None:
        ok &= ~(occupied > places)
    for column, (low, high) in (("lat", lat_range), ("lon", lon_range)):
        value, vouched = cells.number(column, False)
        ok &= vouched & value.between(low, high)
    ok &= cells.text("location_precision").isin(list(vocab.LOCATION_PRECISION))
    ok &= cells.text("status").isin(list(vocab.FACILITY_STATUSES)) & ~cells.blank("source")
    return ok.fillna(False).astype(bool)


def _check_population(df: pd.DataFrame, c: _Checker) -> None:
    if not c.columns(df, POPULATION_COLUMNS, POPULATION_OPTIONAL):
        return
    # No check here compares rows, so the rows the columns vouch for need nothing more.
    vouched = _vouched_population(df)
    for row, r in _rows(df, [i for i, ok in enumerate(vouched) if not ok]):
        vintage = c.vintage(row, r["vintage"])
        c.municipality(row, r["atvk"], vintage, allow_region=False)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r["reference_date"]).strip()):
            c.add(row, "reference_date", r["reference_date"], i18n.message("exp_date"))
        c.required_text(row, "age_group", r["age_group"])
        c.count(row, "value", r["value"], required=True, integer=True)
        c.in_vocab(row, "status", r["status"], vocab.STORED_STATUSES)
        c.required_text(row, "source", r["source"])
        if not _is_blank(r.get("statistic")):
            c.in_vocab(row, "statistic", r["statistic"], vocab.POPULATION_STATISTICS)


def _vouched_population(df: pd.DataFrame) -> pd.Series:
    """Whether column-wide checks vouch that the row checks would find nothing in each row."""
    cells = _Cells(df)
    vintage = cells.text("vintage").str.replace(r"\.0$", "", regex=True)
    ok = vintage.isin(boundaries.VINTAGES)
    pairs = cells.text("atvk") + "\x00" + vintage
    found = pairs.map({pair: _atvk_or_none(*pair.rsplit("\x00", 1)) for pair in pairs.unique()})
    ok &= found.notna() & ~found.eq(REGION_CODE) & ~cells.blank("atvk")
    ok &= cells.text("reference_date").str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fillna(False).astype(bool)
    ok &= ~cells.blank("age_group") & cells.number("value", True)[1]
    ok &= cells.text("status").isin(list(vocab.STORED_STATUSES)) & ~cells.blank("source")
    if "statistic" in df.columns:
        ok &= cells.blank("statistic") | cells.text("statistic").isin(list(vocab.POPULATION_STATISTICS))
    return ok.fillna(False).astype(bool)


_CHECKS: dict[str, Callable[[pd.DataFrame, _Checker], None]] = {
    "observations": _check_observations,
    "facilities": _check_facilities,
    "population": _check_population,
}


def validate_table(df: pd.DataFrame, kind: str | None = None, file: str = "<table>") -> Report:
    """Check ``df`` against the contract for ``kind`` (detected from the header when None)."""
    kind = kind or detect_kind(df.columns)
    df = df.reset_index(drop=True)  # the column-wide checks align rows by position
    checker = _Checker(file, kind or "unknown")
    if kind is None:
        checker.add(1, None, ", ".join(map(str, df.columns)) or i18n.message("found_no_columns"),
                    i18n.message("exp_header"))
        return checker.report
    if df.empty:
        checker.add(None, None, i18n.message("found_no_rows"), i18n.message("exp_a_row"))
        return checker.report
    _CHECKS[kind](df, checker)
    checker.close()
    return checker.report


def read_csv_text(path: str | Path) -> pd.DataFrame:
    """Read a contract CSV with every cell as text, so that codes keep their leading zeros."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def validate_file(path: str | Path, kind: str | None = None) -> Report:
    """Check a CSV file against the contract; unreadable files give one file-level problem."""
    name = str(path)
    try:
        df = read_csv_text(path)
    except FileNotFoundError:
        return Report(kind or "unknown", [Problem.of(name, None, None, i18n.message("found_no_file"),
                                                     i18n.message("exp_readable_csv"))])
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        unreadable = i18n.message("found_unreadable_csv", error=first)
        return Report(kind or "unknown", [Problem.of(name, None, None, unreadable, i18n.message("exp_utf8_csv"))])
    return validate_table(df, kind, name)
