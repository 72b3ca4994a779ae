"""The shared view state: read once from the URL, kept in session state, written back every run.

Real sidebar navigation drops the query string on a page switch, so the URL cannot be the only
store: the state lives in ``st.session_state`` and every page writes it back to the URL. A link
opened in a new session seeds the session from the URL.
"""

from __future__ import annotations

from dataclasses import fields, replace

import streamlit as st

from latgale_di.state import ViewState

_SEEDED = "_view_seeded"
_PREFIX = "vs_"  # widget keys: vs_<field>


def widget_key(field: str) -> str:
    return _PREFIX + field


def seed_from_url() -> None:
    """On a session's first run, put the URL's view into the widgets' session-state keys."""
    if st.session_state.get(_SEEDED):
        return
    state = ViewState.from_params(st.query_params.to_dict())
    for f in fields(ViewState):
        st.session_state[widget_key(f.name)] = getattr(state, f.name)
    st.session_state[_SEEDED] = True


def current() -> ViewState:
    """The view as the widgets hold it now."""
    values = {f.name: st.session_state.get(widget_key(f.name), getattr(ViewState(), f.name)) for f in fields(ViewState)}
    return ViewState(**values)


def update(**changes: object) -> ViewState:
    """Change fields outside a widget (e.g. a click on the map) and return the new view."""
    state = replace(current(), **changes)
    for name, value in changes.items():
        st.session_state[widget_key(name)] = value
    return state


def write_to_url(state: ViewState) -> None:
    """Make the address bar show exactly this view (only touching it when it differs)."""
    params = state.to_params()
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
