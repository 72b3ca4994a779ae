"""Meeting view ("Sanāksmes skats"): Latgale's DI story, one view per step, each with its takeaway."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import data, map_view, markup, meeting_view, presentation, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header, sources_footer
from components.progress_view import plan_table, transition_chart
from latgale_di.analysis import meeting, progress
from latgale_di.core import i18n
from latgale_di.render import choropleth, takeaways
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

_OPENED = "_meeting_opened"

# Load
steps = meeting.load()
state = view_state.current()
if not st.session_state.get(_OPENED):  # a meeting opens on the projector unless the link says p=0
    st.session_state[_OPENED] = True
    if not state.present and view_state.opened_with("p") != "0":
        state = view_state.update(present=True)

# Choose: the step (from the address, or the buttons and arrow keys)
number, step, state = meeting_view.apply_step(steps, state)
lang = state.lang
dataset = data.load_dataset()
table = data.indicator_table(state.vintage)
names = table_view.names_with_region(state.vintage, lang)


# Compute
takeaway = meeting.takeaway(step, state, table, dataset.observations, lang)
sentence = takeaways.sentence(step, takeaway, state, names, lang)

# Show
header(i18n.t("page_meeting", lang), lang, dataset)
# On a projector the step's title stands beside the map, which takes the screen's height below the
# page title; otherwise the title is above both.
heading = meeting_view.heading_html(step, number, len(steps), lang)
if not state.present:
    markup.show(heading)
view_column, words_column = st.columns([3, 2], gap="large")
with view_column:
    if step.show == "map":
        content = data.map_of(state)
        map_view.show(content, state, width_px=presentation.MAP_WIDTH_PX if state.present else None,
                      height_px=(presentation.map_height(presentation.MEETING_BELOW_REM) if state.present
                                 else map_view.MAP_HEIGHT_PX),
                      label_px=24 if state.present else 15,
                      notes=() if state.present else (boundaries.attribution(lang),),
                      fit_below=presentation.fit_below(presentation.MEETING_BELOW_REM) if state.present else "")
    elif step.show == "progress":
        plan = progress.plan_progress(table, state.vintage, state.year, boundaries.REGION_CODE)
        markup.show(plan_table(plan, dataset, lang))
    else:
        moves = progress.transition(table, state.vintage, state.target_group)
        if not moves.empty:
            st.plotly_chart(presentation.fit(transition_chart(moves, state.target_group, lang), state),
                            key="meeting_transition", config={"displayModeBar": False})
with words_column:
    markup.show((heading if state.present else "") + meeting_view.takeaway_html(sentence))
    if step.show == "map":
        map_view.legend(content.caption, choropleth.legend(content.classes, lang, content.views), lang)
    meeting_view.controls(number, len(steps), lang)
    st.caption(i18n.t("meeting_keys", lang))
    if step.show == "map" and state.present:  # beside the map, not under it: the map keeps the height
        st.caption(boundaries.attribution(lang))
    st.link_button(i18n.t("meeting_open_full", lang), replace(state, step=0, present=False).url(step.page),
                   icon=":material/open_in_new:")
with st.expander(i18n.t("meeting_steps", lang)):
    st.caption(i18n.t("meeting_intro", lang))
    st.markdown(meeting_view.step_links(steps, number, lang, lambda i: replace(state, step=i).url("sanaksme")))

refs = table_view.References()
refs.add(takeaway.sources)
sources_footer(dataset, refs, lang)
