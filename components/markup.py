"""Markup the app has built and escaped itself, inserted by the browser's own HTML parser.

``st.markdown(..., unsafe_allow_html=True)`` hands HTML to Streamlit's Markdown pipeline, which
parses it again in JavaScript and turns every node into a React element: for the map's ~70 kB of
SVG that was the largest single piece of the browser's work before the first map was visible, and
every table and source list paid the same again on each filter change (docs/performance.md,
"Memory, Streamlit's performance extra and markup without the Markdown pipeline"). ``st.html``
would let the browser parse it natively, but its sanitiser keeps only the HTML profile and removes
SVG. So the markup travels as a JavaScript string inside a one-line script that ``st.html`` runs,
and the script sets it as the ``innerHTML`` of the element before it.

This changes nothing about what may be in the markup: as with ``unsafe_allow_html``, every data
text in it is escaped where it is built (``latgale_di.core.safety``), and the Content-Security-
Policy stays the second wall. The string escapes every ``<``, so no markup can end the script
early (below).
"""

from __future__ import annotations

import re

import streamlit as st

# The markup goes into a single-quoted JavaScript string. Escaped: what would end the string (the
# quote, a backslash, line breaks) and every "<", so that neither the HTML parser ("</script") nor
# st.html's sanitiser (which drops an element whose text looks like a tag) sees markup in it. The
# markup's many double quotes and its letters travel as they are: a filter change sends no more
# bytes than the Markdown element did, give or take the "<"s.
_ESCAPES = {"\\": "\\\\", "'": "\\'", "<": "\\x3c", "\n": "\\n", "\r": "\\r",
            "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPE = re.compile("|".join(re.escape(c) for c in _ESCAPES))
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}
_UNESCAPE = re.compile("|".join(re.escape(e) for e in _UNESCAPES))
_PREFIX = '<div class="di-markup"></div><script>document.currentScript.previousElementSibling.innerHTML=\''
_SUFFIX = "';</script>"
_BODY = re.compile(re.escape(_PREFIX) + r"(.*)" + re.escape(_SUFFIX), re.DOTALL)


def body(markup: str) -> str:
    """The ``st.html`` body that inserts ``markup``."""
    return _PREFIX + _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], markup) + _SUFFIX


def show(markup: str) -> None:
    """Insert ``markup`` (HTML or SVG, already escaped) as one element of the page."""
    st.html(body(markup), unsafe_allow_javascript=True)


def read(html_body: str) -> str | None:
    """The markup an element made by ``show`` inserts, or None for any other ``st.html`` body
    (what tests read where a reader's browser would see the markup)."""
    match = _BODY.fullmatch(html_body)
    return _UNESCAPE.sub(lambda m: _UNESCAPES[m.group(0)], match.group(1)) if match else None
