"""The shared view state: read once from the URL, kept in session state, written back every run.

Real sidebar navigation drops the query string on a page switch, so the URL cannot be the only
store: the state lives in ``st.session_state`` and every page writes it back to the URL. A link
opened in a new session seeds the session from the URL.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import streamlit as st

from latgale_di.analysis.state import ViewState

_VIEW = "_view"  # the last complete view, outside any widget's key
_PREFIX = "vs_"  # widget keys: vs_<field>
_LABELLED = "_labelled"  # keys of page widgets whose option labels are in the UI language
_LINK = "_link_params"  # the address the session was opened with, as it was


def opened_with(key: str) -> str | None:
    """What the link that opened this session said for ``key`` (before any page rewrote the
    address), e.g. whether it asked for ``p=0`` explicitly."""
    value = st.session_state.get(_LINK, {}).get(key)
    return value[-1] if isinstance(value, list) else value


def widget_key(field: str) -> str:
    return _PREFIX + field


def labelled(key: str) -> str:
    """Mark a page widget whose option labels depend on the language; returns its key.

    The shared ``vs_`` widgets need no mark: a language switch relabels them all.
    """
    st.session_state.setdefault(_LABELLED, set()).add(key)
    return key


def restore() -> None:
    """Give every widget its value before it is drawn.

    A session's first run takes the view from the URL. Later runs take it from ``_view``:
    Streamlit forgets a widget's value when a page switch interrupts the run that drew it, so the
    view is also kept under a key no widget owns.
    """
    if _VIEW not in st.session_state:
        st.session_state[_LINK] = st.query_params.to_dict()
        st.session_state[_VIEW] = ViewState.from_params(st.session_state[_LINK])
    remembered: ViewState = st.session_state[_VIEW]
    for f in fields(ViewState):
        if widget_key(f.name) not in st.session_state:
            st.session_state[widget_key(f.name)] = getattr(remembered, f.name)
    if st.session_state[widget_key("lang")] != remembered.lang:
        _relabel()


def _relabel() -> None:
    """Make every keyed widget show its value in the new language in this same run.

    A select box, radio or multiselect tells the browser its value as the option's *label*, and
    with a key Streamlit keeps the widget's identity when only the labels change: the browser
    would keep showing the old language's label until the next rerun. A value written through
    session state is sent to the browser again, formatted with this run's labels.
    """
    keys = [widget_key(f.name) for f in fields(ViewState) if f.name != "lang"]
    keys += sorted(st.session_state.get(_LABELLED, set()))
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def current() -> ViewState:
    """The view as the widgets hold it now (remembered for the next run)."""
    remembered: ViewState = st.session_state.get(_VIEW, ViewState())
    values = {f.name: st.session_state.get(widget_key(f.name), getattr(remembered, f.name)) for f in fields(ViewState)}
    state = ViewState(**values)
    st.session_state[_VIEW] = state
    return state


def update(**changes: Any) -> ViewState:
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
