"""Latgale DI dashboard: the entry point. Run with ``streamlit run app.py``.

This one file is both ends of the app:

- the server: ``streamlit run app.py`` imports it, finds the ``st.App`` below and serves the
  dashboard through it, with the readiness route, the content policy and the rest of
  ``components/hosting.py``: the same server on a laptop, in the Docker image, in CI and on
  Streamlit Community Cloud, which starts apps this way;
- the script that server runs for every page a reader opens or changes (``__main__``):
  ``components/dashboard.py``.
"""

from __future__ import annotations

import streamlit as st

if __name__ == "__main__":  # a page view
    from components import dashboard

    dashboard.run()
else:  # imported by `streamlit run app.py` to serve the app
    from components import hosting

    hosting.prepare()
    app = st.App("app.py", **hosting.options())
