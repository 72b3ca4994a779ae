"""The meeting story on screen: the step's title and takeaway sentence, and the way through the steps."""

from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from components import view_state
from latgale_di.analysis import meeting
from latgale_di.analysis.meeting import Step, Takeaway
from latgale_di.analysis.state import ViewState
from latgale_di.core import formatting, i18n, safety, vocab


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
    return i18n.t(f"meeting_{kind}", lang)


CSS = """
<style>
.di-takeaway {font-size: 1.6rem !important; line-height: 1.35 !important; font-weight: 600; margin: .2rem 0 1rem;}
.di-step {color: #555; font-size: 1rem !important; margin: 0;}
</style>
"""


def heading_html(step: Step, number: int, total: int, lang: str) -> str:
    """"Step 2 of 8" above the step's title, as one element."""
    return (CSS + f'<p class="di-step">{safety.html_text(i18n.t("meeting_step", lang, n=number, total=total))}</p>'
            f"<h2>{safety.html_text(step.title(lang))}</h2>")


def takeaway_html(text: str) -> str:
    return f'<p class="di-takeaway">{safety.html_text(text)}</p>'


def _go(number: int) -> None:
    view_state.update(step=number)


def controls(number: int, total: int, lang: str) -> None:
    """Previous and next, by button or by the arrow keys; the step is in the address, so a link
    opens it."""
    back, forward = st.columns(2, vertical_alignment="center")
    back.button(i18n.t("meeting_prev", lang), icon=":material/arrow_back:", key="meeting_prev",
                disabled=number <= 1, on_click=_go, args=(number - 1,), shortcut="Left", width="stretch")
    forward.button(i18n.t("meeting_next", lang), icon=":material/arrow_forward:", key="meeting_next", type="primary",
                   disabled=number >= total, on_click=_go, args=(number + 1,), shortcut="Right", width="stretch")


def step_links(steps: list[Step], number: int, lang: str, link_of) -> str:
    """Every step as a link (the current one marked), as one Markdown list."""
    lines = []
    for i, s in enumerate(steps, start=1):
        title = safety.escape_markdown(s.title(lang))
        lines.append(f"{i}. **{title}**" if i == number else f"{i}. [{title}]({link_of(i)})")
    return "\n".join(lines)


def apply_step(steps: list[Step], state: ViewState) -> tuple[int, Step, ViewState]:
    """The step the view asks for, and the view set to it (written to the session, so the sidebar,
    the address and every other page follow the meeting)."""
    number = meeting.number_of(steps, state)
    step = steps[number - 1]
    wanted = step.state(state, number)
    if wanted != state:
        changes = {f: getattr(wanted, f) for f in ("step", "indicator", "year", "vintage", "target_group", "service",
                                                   "threshold", "atvk") if getattr(wanted, f) != getattr(state, f)}
        wanted = view_state.update(**changes)
    return number, step, wanted
