"""Accessibility statement (WCAG 2.1 AA / EN 301 549), from docs/accessibility/statement.<lang>.md."""

from __future__ import annotations

import streamlit as st

from components import data, view_state
from components.entry import hand_over
from components.page import header
from latgale_di.core import i18n
from latgale_di.render import accessibility

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

state = view_state.current()
lang = state.lang
dataset = data.load_dataset()

header(i18n.t("page_accessibility", lang), lang, dataset)
# The statement is project text (not data), so it is rendered as markdown.
st.markdown(accessibility.statement(lang))
