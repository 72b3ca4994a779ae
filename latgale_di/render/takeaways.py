"""A meeting step's takeaway as one sentence in the reader's language, every figure with its marks."""

from __future__ import annotations

import math
from collections.abc import Mapping

from latgale_di.analysis.meeting import Step, Takeaway
from latgale_di.analysis.state import ViewState
from latgale_di.core import formatting, i18n, vocab


def _figure(takeaway: Takeaway, key: str, lang: str) -> str:
    return formatting.figure_text(takeaway.figures[key], lang)


def sentence(step: Step, takeaway: Takeaway, state: ViewState, names: Mapping[str, str], lang: str) -> str:
    """The takeaway as one sentence (plain text) in ``lang``, every figure with its marks."""
    kind, numbers = takeaway.kind, takeaway.numbers
    indicator = vocab.INDICATORS[state.indicator].label(lang)
    if kind in ("largest", "largest_no_region"):
        values = {"indicator": indicator, "unit": ", ".join(names.get(a, a) for a in takeaway.units["unit"].split(";")),
                  "top": _figure(takeaway, "top", lang), "n": int(numbers["n"]), "total": int(numbers["total"])}
        if kind == "largest":
            values["region"] = _figure(takeaway, "region", lang)
        return i18n.t(f"meeting_{kind}", lang, **values)
    if kind in ("threshold", "threshold_region"):
        def listed(key: str) -> str:
            atvks = [a for a in takeaway.units[key].split(";") if a]
            return ", ".join(f"{names.get(a, a)} {_figure(takeaway, a, lang)}" for a in atvks) or "—"

        threshold = formatting.format_number(numbers["threshold"], lang)
        parts = [i18n.t("meeting_threshold", lang, threshold=threshold, above=listed("above"))] if kind == "threshold" \
            else []
        if "region" in takeaway.figures:
            parts.append(i18n.t("meeting_threshold_region", lang, region=_figure(takeaway, "region", lang),
                                below=listed("below")))
        return " ".join(parts)
    if kind == "statement":
        return i18n.t("meeting_statement", lang, said=takeaway.texts["said"],
                      date=formatting.format_date(takeaway.texts["date"], lang))
    if kind == "funding":
        money = {"eur": formatting.format_number(numbers["eur"], lang, 0), "year": int(numbers["funding_year"])}
        if "places" not in takeaway.figures:
            return i18n.t("meeting_funding_only", lang, **money)
        return i18n.t("meeting_funding", lang, **money, places=_figure(takeaway, "places", lang),
                      cost=takeaway.texts["at_least"] + formatting.format_number(numbers["cost"], lang, 0),
                      rate=formatting.format_number(numbers["rate"], lang, 2))
    if kind == "progress":
        clauses = []
        for i in range(1, int(numbers["groups"]) + 1):
            share = numbers[f"share{i}"]
            clauses.append(i18n.t(
                "meeting_progress_clause", lang, group=vocab.TARGET_GROUPS[takeaway.texts[f"group{i}"]].label(lang),
                latest=_figure(takeaway, f"latest{i}", lang), target=_figure(takeaway, f"target{i}", lang),
                share=i18n.t("no_data", lang) if math.isnan(share) else f"{formatting.format_number(share, lang, 0)} %",
                year=int(numbers[f"year{i}"])))
        return "; ".join(clauses) + "."
    if kind == "transition":
        clauses = []
        for i in range(1, int(numbers["series"]) + 1):
            series = i18n.t(f"series_{takeaway.texts[f'series{i}']}", lang)
            end = takeaway.texts[f"mark{i}"] + formatting.format_number(numbers[f"to{i}"], lang)
            end_year = int(numbers[f"to_year{i}"])
            if int(numbers[f"from_year{i}"]) == end_year:  # one figure: no change to speak of
                clauses.append(i18n.t("meeting_transition_one", lang, series=series, end=end, end_year=end_year))
                continue
            clauses.append(i18n.t("meeting_transition_clause", lang, series=series, end=end, end_year=end_year,
                                  start=formatting.format_number(numbers[f"from{i}"], lang),
                                  start_year=int(numbers[f"from_year{i}"])))
        return "; ".join(clauses) + "."
    return i18n.t(f"meeting_{kind}", lang)
