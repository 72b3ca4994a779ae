"""What the server adds around the dashboard when ``streamlit run app.py`` serves it.

Streamlit (≥ 1.67) serves a main file that defines an ``st.App`` through that app, so the same
command runs the same server everywhere: on a laptop, in the Docker image, in CI and on Streamlit
Community Cloud. ``app.py`` builds it from :func:`options`, which add:

- ``GET /healthz``: 200 with JSON when the database answers, 503 when it does not (Streamlit's
  own ``/_stcore/health`` stays, and only says the web server is up);
- a log line for every uncaught exception in a page run (``latgale_di.core.logs``);
- a Content-Security-Policy on every page: no image, frame or connection to another host, as a
  second wall behind escaping (``latgale_di.server.content_policy``);
- deep links that connect at once: each HTML page tells the browser where the server is
  (``latgale_di.server.backend_url``), so a page opened at ``/karte`` does not first look for the
  server at ``/karte/_stcore/health``, log two 404s and wait.

:func:`prepare` makes deep links work for the very first visitor after a start.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from components import entry
from latgale_di.core import logs
from latgale_di.server import backend_url, content_policy
from latgale_di.store import readiness


def prepare() -> None:
    """Tell Streamlit, before any session starts, that this app navigates with ``st.navigation``."""
    # Streamlit decides once per process, at its first session, whether an app with a pages/
    # folder is an old-style multipage app; until app.py's st.navigation has run once it knows no
    # /karte, and the first visitor of a deep link sees "Page not found". (The same switch as the
    # page files' second net, components/entry.py; tests/ops/test_hosting.py and
    # tests/browser/test_plain_run_browser.py open a deep link first on a fresh server.)
    entry.new_style_navigation()


async def healthz(request: Request) -> JSONResponse:
    """Readiness: whether the database answers (200) or not (503), as JSON."""
    # The check blocks on the database driver: off the event loop, so sessions keep flowing.
    ready, answer = await run_in_threadpool(readiness.check)
    return JSONResponse(answer, status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})


def options() -> dict[str, Any]:
    """The ``st.App`` keyword arguments: the readiness route, the middlewares and the error log."""
    return {
        "routes": [Route("/healthz", healthz, methods=["GET", "HEAD"])],
        "middleware": [Middleware(content_policy.ContentSecurityPolicy),
                       Middleware(backend_url.BackendBaseUrl,
                                  base_url_path=lambda: st.config.get_option("server.baseUrlPath"))],
        "on_script_error": logs.script_error,
    }
