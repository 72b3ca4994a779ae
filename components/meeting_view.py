"""The meeting story on screen: the step's title and takeaway sentence, and the way through the steps."""

from __future__ import annotations

import streamlit as st

from components import view_state
from latgale_di.analysis import meeting
from latgale_di.analysis.meeting import Step
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n, safety

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
