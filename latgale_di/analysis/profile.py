"""One municipality against the region: every indicator with the Latgale average and range."""

from __future__ import annotations

import math

import pandas as pd

from latgale_di.analysis import figures
from latgale_di.analysis.figures import of_year, own_year
from latgale_di.core import vocab
from latgale_di.territory.facilities import units_of

COMPARISON_COLUMNS = ["target_group", "service", "indicator", "unit", "value", "value_min", "value_max", "qualifier",
                      "status", "source", "note", "year", "as_of", "region_mean", "region_mean_high", "region_min",
                      "region_min_high", "region_max", "region_max_high", "units_with_data", "units_left_out",
                      "units_total", "versus"]
# Within this share of the Latgale average, a figure is "similar" (no better, no worse).
SIMILAR_WITHIN = 0.10


def versus(low: float, high: float, mean_low: float, mean_high: float, polarity: int) -> str:
    """"better", "worse" or "similar" than the Latgale average, by the indicator's polarity (more
    is better: +1; more is worse: −1); "" without a polarity or a comparable figure.

    Rule: the figure's interval [low, high] against the mean's [mean_low, mean_high] widened by
    ``SIMILAR_WITHIN`` × the mean: wholly above is "more", wholly below "less", else similar.
    """
    if polarity == 0 or any(math.isnan(x) for x in (low, mean_low)):
        return ""
    margin = SIMILAR_WITHIN * max(abs(mean_low), abs(mean_high) if math.isfinite(mean_high) else abs(mean_low))
    high = high if not math.isnan(high) else math.inf
    if low > mean_high + margin:
        more = True
    elif high < mean_low - margin:
        more = False
    else:
        return "similar"
    return "better" if more == (polarity > 0) else "worse"


def comparison(table: pd.DataFrame, atvk: str, year: int, vintage: str | None = None) -> pd.DataFrame:
    """Each figure the municipality has in the year view, with the mean, min and max over units.

    The statistics are ``figures.spread`` over the units of the same view: the unweighted mean of
    unit figures ("a typical municipality", not the regional rate), each statistic an interval
    [``region_mean``, ``region_mean_high``] that the units' bounds allow (equal ends: exact;
    ``region_*_high`` = inf: "at least"). ``units_with_data`` units take part; ``units_left_out``
    have no figure, a hidden one or only a partial sum. ``year`` is the view's, ``as_of`` the
    year the municipality's figure describes.
    """
    current = of_year(table, year)
    own = current[current["atvk"] == atvk]
    if own.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    vintage = vintage or str(own["vintage"].iloc[0])
    records = []
    for group, service, indicator in own[["target_group", "service", "indicator"]].drop_duplicates().itertuples(
            index=False):
        view = figures.view(current, vintage, year, group, service, indicator)
        fig = view.units.get(atvk)
        if fig is None or not fig.known:
            continue
        spread = figures.spread(view.figures())
        nan = math.nan
        records.append({
            "target_group": group, "service": service, "indicator": indicator,
            "unit": vocab.INDICATOR_UNITS[indicator], "value": fig.value,
            "value_min": fig.value_min, "value_max": fig.value_max, "qualifier": fig.qualifier,
            "status": fig.status, "source": fig.source, "note": fig.note, "year": year, "as_of": fig.as_of,
            "region_mean": spread.mean_low if spread else nan, "region_mean_high": spread.mean_high if spread else nan,
            "region_min": spread.min_low if spread else nan, "region_min_high": spread.min_high if spread else nan,
            "region_max": spread.max_low if spread else nan, "region_max_high": spread.max_high if spread else nan,
            "units_with_data": spread.used if spread else 0,
            "units_left_out": spread.left_out if spread else len(view.units),
            "units_total": (spread.used + spread.left_out) if spread else len(view.units),
            "versus": versus(fig.low, fig.high, spread.mean_low, spread.mean_high,
                             vocab.POLARITY.get(indicator, 0)) if spread and spread.used > 1 else "",
        })
    out = pd.DataFrame.from_records(records, columns=COMPARISON_COLUMNS)
    return out.sort_values(["target_group", "service", "indicator"]).reset_index(drop=True)


def trend(table: pd.DataFrame, atvk: str) -> pd.DataFrame:
    """All years of every indicator of one municipality (long form, sorted by year)."""
    rows = own_year(table)
    rows = rows[rows["atvk"] == atvk]
    return rows.sort_values(["target_group", "service", "indicator", "year"]).reset_index(drop=True)


# The trend chart of a profile shows counts only: rates on one axis with counts would mislead.
TREND_INDICATORS: tuple[str, ...] = ("persons_served", "places")


def count_trend(history: pd.DataFrame) -> pd.DataFrame:
    """The counts of ``trend`` that have a value, each row with its unit (for the chart and its table)."""
    counts = history[history["indicator"].isin(TREND_INDICATORS) & history["value"].notna()]
    return counts.assign(unit=[vocab.INDICATOR_UNITS[i] for i in counts["indicator"]])


def sites(facilities: pd.DataFrame, year: int, vintage: str, atvk: str) -> pd.DataFrame:
    """The municipality's service sites that belong to the year view (open, or planned, by then)."""
    in_year = figures.sites_in_year(facilities, year)
    return in_year[units_of(in_year, vintage) == atvk]
