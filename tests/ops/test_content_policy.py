"""The served app's Content-Security-Policy: every HTTP response says no foreign image, frame or
connection may load (latgale_di/server/content_policy.py); websockets pass untouched."""

from __future__ import annotations

import asyncio

from latgale_di.server import content_policy


def _run(scope: dict) -> list[dict]:
    sent: list[dict] = []

    async def app(scope, receive, send):
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"text/html"), (b"content-security-policy", b"old")]})
            await send({"type": "http.response.body", "body": b"<html></html>"})
        else:
            await send({"type": "websocket.accept"})

    async def receive():
        return {}

    async def send(message):
        sent.append(message)

    middleware = content_policy.ContentSecurityPolicy(app)
    # A thread of its own: after the browser tests, Playwright leaves an event loop on the main thread.
    import threading

    thread = threading.Thread(target=lambda: asyncio.run(middleware(scope, receive, send)))
    thread.start()
    thread.join()
    return sent


def test_every_page_forbids_foreign_images_frames_and_connections():
    start = _run({"type": "http", "path": "/karte"})[0]
    policies = [v.decode() for k, v in start["headers"] if k == b"content-security-policy"]
    assert len(policies) == 1  # replaces, never doubles
    policy = dict(part.split(" ", 1) for part in policies[0].split("; "))
    assert policy["img-src"] == "'self' data: blob:"
    assert policy["connect-src"] == "'self'" and policy["frame-src"].startswith("'self'")
    assert policy["object-src"] == "'none'"


def test_websockets_pass_untouched():
    assert _run({"type": "websocket", "path": "/_stcore/stream"}) == [{"type": "websocket.accept"}]
