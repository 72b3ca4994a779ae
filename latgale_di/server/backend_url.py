"""Tell the browser where the Streamlit server is, so that a deep link connects at once.

Streamlit's page does not know which part of its address is the app and which is a page. Opened
at ``/karte`` it first looks for the server at ``/karte/_stcore/health``, gets a 404, waits and
only then tries ``/_stcore/health``. That cost about 150 ms on every first load of a page other
than the overview, which is what a shared link opens (docs/performance.md, "Deep links").

The page reads ``window.__streamlit.BACKEND_BASE_URL`` when its script starts; with it set to
the app's own root it tries that address alone. :class:`BackendBaseUrl` is an ASGI middleware
for the app's server (``components/hosting.py``) that writes this setting into every HTML page
the server sends, before the page's own scripts. The address is built in the browser from
``location.origin`` (so a proxy's host and scheme are kept) and the server's ``server.baseUrlPath``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEAD_TAG = b"<head>"


def snippet(base_url_path: str) -> bytes:
    """The ``<script>`` that sets the server's address: ``location.origin`` + ``/`` +
    ``base_url_path`` + ``/``; any other ``window.__streamlit`` settings are kept."""
    path = "/" + "/".join(part for part in base_url_path.split("/") if part)
    path = path if path.endswith("/") else path + "/"
    # json.dumps quotes the path for JavaScript; "</" cannot end the script early.
    literal = json.dumps(path).replace("</", "<\\/")
    return (f"<script>window.__streamlit=Object.assign({{BACKEND_BASE_URL:location.origin+{literal}}},"
            "window.__streamlit||{});</script>").encode()


def inject(html: bytes, script: bytes) -> bytes:
    """``html`` with ``script`` right after its ``<head>`` tag (unchanged when it has none)."""
    at = html.find(HEAD_TAG)
    if at < 0:
        return html
    at += len(HEAD_TAG)
    return html[:at] + script + html[at:]


class BackendBaseUrl:
    """ASGI middleware: every full HTML page a GET returns gets :func:`snippet` in its head."""

    def __init__(self, app: ASGIApp, base_url_path: str | Callable[[], str] = "") -> None:
        self.app = app
        self._base_url_path = base_url_path

    def _script(self) -> bytes:
        path = self._base_url_path() if callable(self._base_url_path) else self._base_url_path
        return snippet(path or "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        # A file response may hand the file to the server to send (``pathsend``); ask for the bytes.
        extensions = {k: v for k, v in (scope.get("extensions") or {}).items() if k != "http.response.pathsend"}
        scope = {**scope, "extensions": extensions}
        start: Message | None = None
        body: list[bytes] = []

        async def send_page(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                # Streamlit's own middleware (inside this one) may have gzipped the page.
                is_page = (message.get("status") == 200 and headers.get(b"content-type", b"").startswith(b"text/html")
                           and headers.get(b"content-encoding", b"gzip") == b"gzip")
                if not is_page:
                    await send(message)
                    return
                start = message  # held until the whole body is here
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            page = b"".join(body)
            zipped = any(k.lower() == b"content-encoding" for k, _ in start.get("headers", []))
            page = inject(gzip.decompress(page) if zipped else page, self._script())
            page = gzip.compress(page, mtime=0) if zipped else page
            sized = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            sized.append((b"content-length", str(len(page)).encode()))
            await send({**start, "headers": sized})
            await send({"type": "http.response.body", "body": page, "more_body": False})

        await self.app(scope, receive, send_page)
