"""Every page runs through ``app.py``, even the first deep link after a fresh start.

Before a fresh server's first script run, Streamlit treats a ``pages/`` folder beside the entry
point as an old-style (version 1) pages folder: a deep link such as ``/karte`` runs
``pages/karte.py`` on its own, without ``app.py`` (no navigation, no sidebar, no shared view).
Every page file is named by its address and starts with ``hand_over()``: in that first run it
switches Streamlit to new-style navigation and runs ``app.py`` in its place, which draws the same
page through ``st.navigation`` as every later visit does (in the same run, so nothing the reader
clicked is lost).

The server sets the same switch before its first session (``components/hosting.py``), so there
this is the second net; it is the only one where no server runs the app (AppTest). Streamlit has
no public switch for this (streamlit/streamlit#9624); ``tests/browser/test_plain_run_browser.py``
opens a deep link first on a fresh server, so a Streamlit change that moves it fails a test
instead of a meeting.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st

ENTRY = Path(__file__).resolve().parents[1] / "app.py"


def new_style_navigation() -> bool:
    """Switch Streamlit to new-style navigation; whether it still read ``pages/`` the old way."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the old pages folder: nothing to switch
        return False
    old_style = bool(PagesManager.uses_pages_directory)
    PagesManager.uses_pages_directory = False
    return old_style


def hand_over() -> None:
    """Call first in every page file: a no-op once ``app.py``'s ``st.navigation`` has run."""
    if new_style_navigation():
        runpy.run_path(str(ENTRY), run_name="__main__")  # draws this page through st.navigation
        st.stop()
