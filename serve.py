"""The dashboard with a readiness route: what the Docker image and scripts/serve.sh run.

``streamlit run serve.py`` (or ``python serve.py``) serves exactly ``app.py`` through Streamlit's
ASGI server (``st.App``, Streamlit ≥ 1.67) and adds:

- ``GET /healthz``: 200 with JSON when the database answers, 503 when it does not (Streamlit's
  own ``/_stcore/health`` stays, and only says the web server is up);
- a log line for every uncaught exception in a page run (``latgale_di.core.logs``);
- deep links that work for the very first visitor after a start (see ``_new_style_navigation``);
- a Content-Security-Policy on every page: no image, frame or connection to another host, as a
  second wall behind escaping (``latgale_di.server.content_policy``);
- deep links that connect at once: each HTML page tells the browser where the server is
  (``latgale_di.server.backend_url``), so a page opened at ``/karte`` does not first look for the
  server at ``/karte/_stcore/health`` and wait.

Streamlit Community Cloud runs ``app.py`` directly: the same app, without ``/healthz``.
"""

from __future__ import annotations

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from latgale_di.core import logs
from latgale_di.server import backend_url, content_policy
from latgale_di.store import readiness


def _new_style_navigation() -> None:
    # Streamlit decides once per process, at its first session, whether an app with a pages/
    # folder is an old-style multipage app; until app.py's st.navigation has run once it knows no
    # /karte, and the first visitor of a deep link sees "Page not found". This app always uses
    # st.navigation, so tell Streamlit before any session starts. (Internal attribute: guarded,
    # and tests/ops/test_hosting.py opens a deep link first on a fresh server to catch a change.)
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return
    PagesManager.uses_pages_directory = False


async def healthz(request: Request) -> JSONResponse:
    # The check blocks on the database driver: off the event loop, so sessions keep flowing.
    ready, answer = await run_in_threadpool(readiness.check)
    return JSONResponse(answer, status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})


_new_style_navigation()
app = st.App("app.py", routes=[Route("/healthz", healthz, methods=["GET", "HEAD"])],
             middleware=[Middleware(content_policy.ContentSecurityPolicy),
                         Middleware(backend_url.BackendBaseUrl,
                                    base_url_path=lambda: st.config.get_option("server.baseUrlPath"))],
             on_script_error=logs.script_error)

if __name__ == "__main__":
    app.run()
