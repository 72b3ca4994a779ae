"""Markup the app has built and escaped itself, inserted by the browser's own HTML parser.

``st.markdown(..., unsafe_allow_html=True)`` hands HTML to Streamlit's Markdown pipeline, which
parses it again in JavaScript and turns every node into a React element: for the map's ~70 kB of
SVG that was the largest single piece of the browser's work before the first map was visible, and
every table and source list paid the same again on each filter change (docs/performance.md,
"Markup without the Markdown pipeline"). ``st.html`` would let the
browser parse it natively, but its sanitiser keeps only the HTML profile and removes SVG. So the
markup travels as a JSON string inside a one-line script that ``st.html`` runs, and the script
sets it as the ``innerHTML`` of the element before it.

This changes nothing about what may be in the markup: as with ``unsafe_allow_html``, every data
text in it is escaped where it is built (``latgale_di.core.safety``), and the Content-Security-
Policy stays the second wall. The JSON string escapes ``<``, ``>``, ``&`` and the two JavaScript
line separators, so no markup can end the script early.
"""

from __future__ import annotations

import json
import re

import streamlit as st

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PREFIX = '<div class="di-markup"></div><script>document.currentScript.previousElementSibling.innerHTML='
_SUFFIX = ";</script>"
_BODY = re.compile(re.escape(_PREFIX) + r"(.*)" + re.escape(_SUFFIX), re.DOTALL)


def body(markup: str) -> str:
    """The ``st.html`` body that inserts ``markup``."""
    literal = json.dumps(markup, ensure_ascii=False)
    for char, escape in _ESCAPES.items():
        literal = literal.replace(char, escape)
    return _PREFIX + literal + _SUFFIX


def show(markup: str) -> None:
    """Insert ``markup`` (HTML or SVG, already escaped) as one element of the page."""
    st.html(body(markup), unsafe_allow_javascript=True)


def read(html_body: str) -> str | None:
    """The markup an element made by ``show`` inserts, or None for any other ``st.html`` body
    (what tests read where a reader's browser would see the markup)."""
    match = _BODY.fullmatch(html_body)
    return json.loads(match.group(1)) if match else None
