"""The dashboard with a readiness route: what the Docker image and scripts/serve.sh run.

``streamlit run serve.py`` (or ``python serve.py``) serves exactly ``app.py`` through Streamlit's
ASGI server (``st.App``, Streamlit ≥ 1.67) and adds:

- ``GET /healthz``: 200 with JSON when the database answers, 503 when it does not (Streamlit's
  own ``/_stcore/health`` stays, and only says the web server is up);
- a log line for every uncaught exception in a page run (``latgale_di.logs``).

Streamlit Community Cloud runs ``app.py`` directly: the same app, without ``/healthz``.
"""

from __future__ import annotations

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from latgale_di import logs, readiness


async def healthz(request: Request) -> JSONResponse:
    # The check blocks on the database driver: off the event loop, so sessions keep flowing.
    ready, answer = await run_in_threadpool(readiness.check)
    return JSONResponse(answer, status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})


app = st.App("app.py", routes=[Route("/healthz", healthz, methods=["GET", "HEAD"])],
             on_script_error=logs.script_error)

if __name__ == "__main__":
    app.run()
