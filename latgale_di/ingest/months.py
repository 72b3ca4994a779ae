"""Monthly observations collapsed to the yearly figures the dashboard shows.

The observations contract has an optional ``month`` column (1–12; blank = a yearly figure). When
a table is loaded, seeded into the store or imported, every key (year, unit, vintage, target
group, service, indicator) given by month becomes one yearly row (see ``docs/data-contract.md``):

* **stock** figures — what exists at a moment (places, occupied places, persons served, waiting
  list, targets, and the stored ratios) — take the value of the **last month given** in the year,
  i.e. the position at the year's end when December is there; the note says which month it is;
* **flow** figures — what happens over time (``persons_assessed``: assessments made; ``eur``:
  funding paid) — are the **sum** of the months; with fewer than 12 months the sum is a lower
  bound, so it is ``incomplete``.

A summed figure is ``derived`` (at least; the weakest input status wins, so synthetic
``illustrative`` rows stay ``illustrative``) and cites every month's sources. Persons served is a
stock on purpose: the same person is served in many months, so monthly counts do not add up to
the people served in a year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from latgale_di.core import vocab

MONTH_COLUMN = "month"
FLOW_INDICATORS: frozenset[str] = frozenset({"persons_assessed", "eur"})
KEY: list[str] = ["year", "atvk", "vintage", "target_group", "service", "indicator"]


def _numbers(text: pd.Series) -> pd.Series:
    cleaned = text.astype(str).str.strip().str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    cleaned = cleaned.str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)
    return pd.to_numeric(cleaned.replace("", None), errors="coerce")


def _join(values: pd.Series) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _text(value: float) -> str:
    return "" if pd.isna(value) else format(float(value), ".12g")


def collapse(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (observations as text, as read from a file) with monthly rows collapsed to yearly rows
    and without the ``month`` column; unchanged when it has no month column. The caller validated
    the table (every month 1–12, no key both yearly and monthly)."""
    if MONTH_COLUMN not in df.columns:
        return df
    months = df[MONTH_COLUMN].astype(str).str.strip()
    yearly = df[months == ""].drop(columns=[MONTH_COLUMN])
    monthly = df[months != ""].copy()
    if monthly.empty:
        return yearly.reset_index(drop=True)
    for col in ("note", "value_min", "value_max"):
        if col not in monthly.columns:
            monthly[col] = ""
    monthly["_month"] = pd.to_numeric(months[months != ""]).astype(int)
    monthly = monthly.sort_values([*KEY, "_month"], kind="stable")
    is_flow = monthly["indicator"].astype(str).str.strip().isin(FLOW_INDICATORS)
    columns = [c for c in df.columns if c != MONTH_COLUMN]
    pieces = [yearly]

    stock = monthly[~is_flow]
    if not stock.empty:
        last = stock.groupby(KEY, sort=False).tail(1).copy()
        last["note"] = [_join([n, f"monthly figures: month {m}, the last given in the year"])
                        for n, m in zip(last["note"], last["_month"])]
        pieces.append(last[columns])

    flow = monthly[is_flow]
    if not flow.empty:
        flow = flow.assign(_value=_numbers(flow["value"]),
                           _rank=flow["status"].map({s: i for i, s in enumerate(vocab.STATUS_ORDER)}).fillna(0))
        grouped = flow.groupby(KEY, sort=False)
        out = pd.DataFrame({"value": grouped["_value"].sum(min_count=1), "months": grouped["_month"].nunique(),
                            "missing": grouped.size() - grouped["_value"].count(), "rank": grouped["_rank"].max(),
                            "unit": grouped["unit"].first()})
        for col in ("source", "note"):
            texts = flow[flow[col] != ""].drop_duplicates([*KEY, col]).groupby(KEY, sort=False)[col].agg("; ".join)
            out[col] = texts.reindex(out.index).fillna("")
        out = out.reset_index()
        rank = np.maximum(out["rank"].astype(int), vocab.STATUS_ORDER.index("derived"))
        short = (out["months"] < 12) | (out["missing"] > 0)
        rank = np.where(short, np.maximum(rank, vocab.STATUS_ORDER.index("incomplete")), rank)
        out["status"] = [vocab.STATUS_ORDER[r] for r in rank]
        out["note"] = [_join([n, f"monthly figures: sum of {k} month{'s' if k != 1 else ''}"
                              + ("" if k == 12 and not miss else " (not all 12: a lower bound)")])
                       for n, k, miss in zip(out["note"], out["months"], out["missing"])]
        out["value"] = [_text(v) for v in out["value"]]
        for col in columns:
            if col not in out.columns:
                out[col] = ""
        pieces.append(out[columns])
    return pd.concat(pieces, ignore_index=True)[columns]
