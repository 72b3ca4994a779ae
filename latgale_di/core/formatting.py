"""Numbers, dates and figures as a reader sees them, in Latvian or English.

Number and date formats come from Babel's CLDR locale data (Latvian: decimal comma and a
non-breaking space between thousands, 12 345,6; English: 12,345.6), so they match what other
Latvian software shows instead of being hand-written here. The figure texts add the project's own
marks on top: "≈" for an estimate, "≥" for a partial sum, "<5" for a count hidden for privacy and
"12–30" for a range.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Protocol

from babel.dates import format_date as _babel_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from latgale_di.core import i18n, vocab

# Latvian as used in Latvia; British English for the English switch (day before month, as in Latvia).
LOCALES: dict[str, str] = {"lv": "lv_LV", "en": "en_GB"}
# Latvian dates in tables and footers are numeric with the closing full stop (22.11.2026.); English
# uses the locale's medium form (22 Nov 2026).
_DATE_FORMATS: dict[str, str] = {"lv": "dd.MM.y.", "en": "medium"}


def format_number(value: float | None, lang: str = i18n.DEFAULT_LANGUAGE, decimals: int | None = None) -> str:
    """``12345.6`` → ``12 345,6`` (lv) or ``12,345.6`` (en); missing → "" (callers say "no data").

    ``decimals=None`` shows whole numbers without decimals and others with one.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    # Python's rounding of the binary value, as before: Babel would round the decimal text half-even.
    rounded = round(float(value), decimals)
    return format_decimal(rounded, format=pattern, locale=LOCALES[lang], decimal_quantization=True)


def parse_number(text: str, lang: str = i18n.DEFAULT_LANGUAGE) -> float | None:
    """What a reader typed, read the way they write numbers: "12,02" (lv) or "12.02" (en); a
    Latvian reader's "12.02" is read too, as no Latvian number has a point. Empty → None.

    Raises ``ValueError`` when the text is not a number.
    """
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if lang == "lv" and "." in text and "," not in text:
        text = text.replace(".", ",")
    try:
        return float(parse_decimal(text, locale=LOCALES[lang], strict=True))
    except NumberFormatError as error:
        raise ValueError(text) from error


def format_date(iso: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """``2026-11-22`` → ``22.11.2026.`` (lv) or ``22 Nov 2026`` (en); other text is returned as is."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return _babel_date(day, format=_DATE_FORMATS[lang], locale=LOCALES[lang])


class Valued(Protocol):
    """Anything that carries a figure: a value or bounds, a status and a unit (``analysis.figures.Figure``)."""

    @property
    def value(self) -> float: ...
    @property
    def value_min(self) -> float: ...
    @property
    def value_max(self) -> float: ...
    @property
    def status(self) -> str: ...
    @property
    def unit(self) -> str: ...


def unit_text(unit: str, lang: str) -> str:
    """What follows a number: nothing for counts, " %" for percentages, else the unit's label."""
    return "" if unit in ("persons", "places") else (" %" if unit == "%" else f" {vocab.UNITS[unit].label(lang)}")


def value_text(value: float, value_min: float, value_max: float, status: str, unit: str, lang: str) -> str:
    """The value as a reader should see it: marks for estimates, lower bounds and ranges."""
    after = unit_text(unit, lang)
    if status == vocab.SUPPRESSED:  # hidden for privacy: the bound if it is the count itself, else nothing
        return f"<{format_number(value_max + 1, lang)}" if not math.isnan(value_max) else i18n.t("hidden", lang)
    if not math.isnan(value):
        mark = {"estimated": "≈", "incomplete": "≥"}.get(status, "")
        return f"{mark}{format_number(value, lang)}{after}"
    if not math.isnan(value_min) and (math.isnan(value_max) or (unit == "%" and value_max >= 100)):
        return f"> {format_number(value_min, lang)}{after}"
    if not math.isnan(value_min) and not math.isnan(value_max):
        return f"{format_number(value_min, lang)}–{format_number(value_max, lang)}{after}"
    return i18n.t("no_data", lang)


def interval_text(low: float, high: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A statistic known only within [low, high]: "12,5", "≥ 12,5" (no upper bound) or "12,5–30"."""
    if math.isnan(low):
        return i18n.t("no_data", lang)
    after = unit_text(unit, lang)
    lo = format_number(low, lang, decimals)
    if high == low:
        return f"{lo}{after}"
    if math.isinf(high) or math.isnan(high) or (unit == "%" and high >= 100):
        return f"≥ {lo}{after}"
    return f"{lo}–{format_number(high, lang, decimals)}{after}"


def range_text(min_low: float, min_high: float, max_low: float, max_high: float, unit: str, lang: str) -> str:
    """The lowest and highest figure over units, each possibly an interval: "0–49 %" when both are
    known exactly, else "0 % … ≥ 50 %"."""
    if min_low == min_high and max_low == max_high:
        return interval_text(min_low, min_low, "persons", lang) + "–" + interval_text(max_low, max_low, unit, lang)
    return f"{interval_text(min_low, min_high, unit, lang)} … {interval_text(max_low, max_high, unit, lang)}"


def figure_text(fig: Valued, lang: str) -> str:
    """A figure as a reader should see it, with its marks and unit (``value_text``)."""
    return value_text(fig.value, fig.value_min, fig.value_max, fig.status, fig.unit, lang)
