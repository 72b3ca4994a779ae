"""Reference: the framework floor. A title and one selectbox, no map.

What any Streamlit app pays before drawing a map. The caption under the selectbox depends on
the choice, so a change has something to repaint: its rerun round trip is the floor for
"change → repaint". The caption lives in a keyed container (class ``st-key-bench-value``) so
the in-page probe can watch it.
"""

from __future__ import annotations

import streamlit as st
from refdata import COLUMNS, LABEL

st.title("Latgale: reference floor")
column = st.selectbox(LABEL, COLUMNS)
with st.container(key="bench-value"):
    st.caption(f"Colouring by: {column}")
