"""How the DI progress page shows its figures: the plan table, the transition chart, a cost line,
and the rows its downloads hold. Every figure is written as the figure layer says it is."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components.charts import FONT, separators
from latgale_di.analysis import progress
from latgale_di.core import formatting, i18n, safety, vocab
from latgale_di.render import html_table
from latgale_di.store.dataset import Dataset

# Good and bad are said in words and arrows, never by colour alone.
_ARROWS = {"up": "↑", "down": "↓", "same": "→", "": ""}


def _label(p: progress.Progress, lang: str) -> str:
    what = (i18n.t("plan_persons", lang) if p.measure == "persons_served"
            else f"{i18n.t('plan_places', lang)}: {vocab.SERVICES[p.service].label(lang)}")
    return f"{vocab.TARGET_GROUPS[p.target_group].label(lang)} · {what}"


def _latest(p: progress.Progress, lang: str) -> str:
    if not p.latest.known:
        return i18n.t("no_data", lang)
    text = f"{formatting.figure_text(p.latest, lang)} ({p.latest.as_of})"
    return text + (f" · {i18n.t('cumulative_since', lang)}" if p.cumulative else "")


def _share(p: progress.Progress, lang: str) -> str:
    if not p.comparable:
        return "—"  # said once below the table (``plan_table``)
    if math.isnan(p.share):
        return i18n.t("no_data", lang)
    return ("≥ " if p.share_is_lower_bound else "") + f"{formatting.format_number(p.share, lang, 0)} %"


def _trend(p: progress.Progress, lang: str) -> str:
    if not p.direction:
        return i18n.t("no_earlier_figure", lang)
    change = formatting.format_number(abs(p.change), lang)
    return (f"{_ARROWS[p.direction]} {change} {i18n.t('since_year', lang, year=p.previous.as_of)}"
            f" · {i18n.t('assessment_' + p.assessment, lang)}") if p.previous else ""


def plan_table(plan: list[progress.Progress], dataset: Dataset, lang: str) -> str:
    """The targets as one HTML table: target, latest figure with its year, share reached, change."""
    return html_table.CSS + html_table.render({
        i18n.t("plan_target_col", lang): [_label(p, lang) for p in plan],
        i18n.t("plan_target", lang): [formatting.figure_text(p.target, lang) for p in plan],
        i18n.t("plan_latest", lang): [_latest(p, lang) for p in plan],
        i18n.t("plan_share", lang): [_share(p, lang) for p in plan],
        i18n.t("plan_change", lang): [_trend(p, lang) for p in plan],
        i18n.t("status", lang): [vocab.STATUSES[p.latest.status].label(lang) if p.latest.status else ""
                                 for p in plan],
        i18n.t("source", lang): [dataset.cite(p.latest.source or p.target.source) for p in plan],
    }, i18n.t("plan_progress", lang, year=""), numeric=[i18n.t("plan_target", lang), i18n.t("plan_share", lang)]) + (
        f'<p class="di-note">— {safety.html_text(i18n.t("share_not_comparable", lang))}</p>'
        if any(not p.comparable for p in plan) else "")


def transition_chart(moves: pd.DataFrame, group: str, lang: str) -> go.Figure:
    """Institutional against community-based care over the years: one line per series, institutions
    dashed; the 2021 reform and the DI project's end marked; partial sums said in the hover."""
    fig = go.Figure()
    for series, rows in moves.groupby("series", sort=False):
        institution = rows["side"].iloc[0] == "institution"
        texts = [("≥ " if q == "at_least" else "") + formatting.format_number(v, lang) for v, q in
                 zip(rows["value"], rows["qualifier"])]
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows["value"], mode="lines+markers+text", text=texts, textposition="top center",
            name=i18n.t(f"series_{series}", lang), hoverinfo="text+name",
            line=dict(dash="dash" if institution else "solid", width=3),
            marker=dict(size=11, symbol="square" if institution else "circle")))
    for year, key in ((2021, "reform_marker"), (progress.DI_PROJECT_END, "project_end_marker")):
        fig.add_vline(x=year + 0.5, line=dict(color="#888", dash="dot"),
                      annotation=dict(text=i18n.t(key, lang), font=dict(size=13, color="#555")),
                      annotation_position="top left")
    fig.update_layout(font=FONT, separators=separators(lang), height=420, margin=dict(l=10, r=10, t=40, b=10),
                      plot_bgcolor="white", legend=dict(orientation="h", y=-0.15),
                      xaxis=dict(dtick=1, range=[2015.5, 2024.5]),
                      yaxis=dict(rangemode="tozero", gridcolor="#e6e6e6"))
    return fig


def cost_line(cost: progress.RunningCost, lang: str) -> str:
    """One service's yearly running cost, with the places and day rate it is computed from (Markdown)."""
    mark = "≥ " if cost.places.qualifier == "at_least" else ""
    return i18n.t("running_cost_line", lang, service=vocab.SERVICES[cost.service].label(lang),
                  places=mark + formatting.format_number(cost.places.value, lang),
                  rate=formatting.format_number(cost.rate.value, lang, 2),
                  total=mark + formatting.format_number(round(cost.per_year), lang))


def benchmark_text(lang: str) -> str:
    """The published benchmarks of children in residential care, with their source and date."""
    first = progress.CHILD_BENCHMARKS[0]
    values = " · ".join(f"{b.label(lang)}: {formatting.format_number(b.value, lang)}"
                        for b in progress.CHILD_BENCHMARKS)
    return i18n.t("benchmark_line", lang, values=values, publisher=first.publisher,
                  date=formatting.format_date(first.date, lang))
