"""Plotly charts shared by pages; colours and fonts readable on a projector."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from latgale_di.core import i18n

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#1a1a1a")
MUNICIPALITY_COLOUR = "#9e1b32"
REGION_COLOUR = "#4a4a4a"
RANGE_COLOUR = "#d5d0c8"
OUTLINE_COLOUR = "#777777"  # around light marks: 4.5:1 against the white plot


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: decimal comma and a (thin) space in Latvian."""
    return ", " if lang == "lv" else ".,"


_VERDICT_MARKS: dict[str, tuple[str, str]] = {
    "better": ("#2166ac", "triangle-up"), "similar": ("#4a4a4a", "circle"), "worse": ("#c0392b", "triangle-down"),
    "": (MUNICIPALITY_COLOUR, "diamond"),
}


def spine(rows: pd.DataFrame, labels: list[str], value_texts: list[str], lang: str) -> go.Figure:
    """One line per indicator: region range as a bar, region mean as a tick, the unit as a dot.

    Indicators have different units, so each line is scaled to its own range (0 = the lowest
    municipality, 1 = the highest); the real values are in the hover text and the table.
    """
    fig = go.Figure()
    y = list(range(len(rows)))
    # A bound is drawn where it lies (">50 %" at 50); the text beside the dot says what it is.
    position = rows["value"].fillna(rows["value_min"]) if "value_min" in rows else rows["value"]
    top = rows["region_max_high"].where(rows["region_max_high"].map(math.isfinite), rows["region_max"]) \
        if "region_max_high" in rows else rows["region_max"]
    span = (top - rows["region_min"]).replace(0, math.nan)

    def scaled(values: pd.Series) -> list[float]:
        return [0.5 if math.isnan(s) or math.isnan(v) else (v - lo) / s
                for v, lo, s in zip(values, rows["region_min"], span)]

    for i in y:
        # The range bar is outlined (a wider #777 line beneath it) so that it has 3:1 against white.
        fig.add_shape(type="line", x0=0, x1=1, y0=i, y1=i, line=dict(color=OUTLINE_COLOUR, width=12))
        fig.add_shape(type="line", x0=0, x1=1, y0=i, y1=i, line=dict(color=RANGE_COLOUR, width=9))
    fig.add_trace(go.Scatter(x=scaled(rows["region_mean"]), y=y, mode="markers", name=i18n.t("region_mean", lang),
                             marker=dict(symbol="line-ns-open", size=22, color=REGION_COLOUR, line=dict(width=3)),
                             hoverinfo="skip"))
    # Better / similar / worse than Latgale by the indicator's polarity: colour, shape and words,
    # never colour alone (blue and orange stay apart for red-green colour blindness).
    verdicts = rows["versus"].fillna("").tolist() if "versus" in rows else [""] * len(rows)
    for verdict in ("better", "similar", "worse", ""):
        chosen = [i for i, v in enumerate(verdicts) if v == verdict]
        if not chosen:
            continue
        colour, symbol = _VERDICT_MARKS[verdict]
        name = i18n.t(f"versus_{verdict}", lang) if verdict else i18n.t("municipality", lang)
        fig.add_trace(go.Scatter(
            x=[scaled(position)[i] for i in chosen], y=[y[i] for i in chosen], mode="markers+text", name=name,
            text=[value_texts[i] for i in chosen], textposition="top center", cliponaxis=False,
            marker=dict(size=17, color=colour, symbol=symbol, line=dict(color="white", width=2)),
            hovertext=[f"{labels[i]}: {value_texts[i]}" + (f" · {name}" if verdict else "") for i in chosen],
            hoverinfo="text"))
    fig.update_yaxes(tickvals=y, ticktext=labels, autorange="reversed", showgrid=False)
    fig.update_xaxes(range=[-0.08, 1.08], showticklabels=False, showgrid=False, zeroline=False)
    fig.update_layout(font=FONT, separators=separators(lang), height=70 + 58 * len(rows),
                      margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="white",
                      legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"))
    return fig


def lines(frame: pd.DataFrame, x: str, y: str, colour: str, title: str, lang: str, unit: str = "",
          reform_year: int | None = 2021, years: tuple[int, int] = (2016, 2024)) -> go.Figure:
    """A line per group over the years, with the 2021 reform marked; the axis always spans all years.

    The legend shows even for a single series: a lone dot must still say whose it is.
    """
    fig = go.Figure()
    for name, group in frame.groupby(colour, sort=False):
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="lines+markers", name=str(name),
                                 marker=dict(size=10)))
    if reform_year is not None:
        fig.add_vline(x=reform_year + 0.5, line=dict(color="#888", dash="dash"),
                      annotation=dict(text=i18n.t("reform_marker", lang), font=dict(size=13, color="#555")),
                      annotation_position="top right")
    fig.update_layout(font=FONT, separators=separators(lang), title=title, height=400,
                      margin=dict(l=10, r=10, t=50, b=10), plot_bgcolor="white", showlegend=True,
                      xaxis=dict(dtick=1, range=[years[0] - 0.5, years[1] + 0.5]),
                      yaxis=dict(rangemode="tozero", title=dict(text=unit), gridcolor="#e6e6e6"),
                      legend=dict(orientation="h", y=-0.15))
    return fig


def places_vs_occupied(rows: pd.DataFrame, labels: list[str], threshold: float, lang: str) -> go.Figure:
    """Horizontal bars: places and occupied places per row; rows above the threshold in red."""
    above = rows["above_threshold"].fillna(False).astype(bool).tolist()
    fig = go.Figure()
    fig.add_trace(go.Bar(y=labels, x=rows["places"], orientation="h", name=i18n.t("places", lang),
                         marker=dict(color=RANGE_COLOUR, line=dict(color=OUTLINE_COLOUR, width=1))))
    fig.add_trace(go.Bar(y=labels, x=rows["occupied_places"], orientation="h", name=i18n.t("occupied", lang),
                         marker=dict(color=[MUNICIPALITY_COLOUR if a else REGION_COLOUR for a in above],
                                     pattern=dict(shape=["x" if a else "" for a in above]))))
    return _overlaid_bars(fig, len(rows), lang)


def demand_bars(rows: pd.DataFrame, labels: list[str], lang: str) -> go.Figure:
    """Assessed against served (or places) per row, with the gap as the difference."""
    fig = go.Figure()
    fig.add_trace(go.Bar(y=labels, x=rows["persons_assessed"], orientation="h", name=i18n.t("assessed", lang),
                         marker=dict(color=RANGE_COLOUR, line=dict(color=OUTLINE_COLOUR, width=1))))
    supply = rows["places"].fillna(rows["persons_served"])
    fig.add_trace(go.Bar(y=labels, x=supply, orientation="h", name=i18n.t("served", lang),
                         marker=dict(color=REGION_COLOUR)))
    return _overlaid_bars(fig, len(rows), lang)


def _overlaid_bars(fig: go.Figure, n_rows: int, lang: str) -> go.Figure:
    """The layout both horizontal bar charts share: one row per bar pair, first row on top."""
    fig.update_layout(font=FONT, separators=separators(lang), barmode="overlay", height=90 + 44 * n_rows,
                      margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="white",
                      legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"), yaxis=dict(autorange="reversed"))
    return fig
