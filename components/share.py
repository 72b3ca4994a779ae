""""Copy link to this view": the full-state address, shown with Streamlit's copy button."""

from __future__ import annotations

import streamlit as st

from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n


def link(state: ViewState) -> str:
    """The address of this page with every setting of the view in its query string."""
    # st.context.url is the page's address as the browser has it, without the query string.
    base = st.context.url or ""
    return state.url(base)


_SLOT = "_share_link_slot"


def control(state: ViewState) -> None:
    """The share menu; its link is written by ``fill`` once the page has settled the view."""
    with st.popover(i18n.t("share", state.lang), icon=":material/share:"):
        st.caption(i18n.t("share_help", state.lang))
        st.session_state[_SLOT] = st.empty()


def fill(state: ViewState) -> None:
    """Write the link at the end of the run: a page may still change the view (e.g. pick a default
    municipality) after its header is drawn, and the link must be the address the page ends on."""
    slot = st.session_state.pop(_SLOT, None)
    if slot is not None:
        # st.code has a keyboard-reachable copy button; the link also stays selectable as text.
        slot.code(link(state), language=None, wrap_lines=True)
