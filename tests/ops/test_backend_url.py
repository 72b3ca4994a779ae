"""The server's address written into each HTML page, so a deep link connects at once (components/hosting.py)."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest

from latgale_di.server import backend_url

PAGE = b"<!DOCTYPE html><html><head><meta charset='UTF-8'></head><body><div id='root'></div></body></html>"


def _app(status: int = 200, content_type: bytes = b"text/html; charset=utf-8", body: bytes = PAGE,
         chunks: int = 1, encoding: bytes | None = None):
    async def app(scope, receive, send):
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if encoding:
            headers.append((b"content-encoding", encoding))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        size = -(-len(body) // chunks)
        parts = [body[i:i + size] for i in range(0, len(body), size)] or [b""]
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})
    return app


def _get(app, method: str = "GET", base: str = "") -> tuple[int, dict[bytes, bytes], bytes]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": "/karte", "headers": [],
             "extensions": {"http.response.pathsend": {}}}
    middleware = backend_url.BackendBaseUrl(app, base_url_path=base)
    # Its own thread: the browser tests' Playwright keeps an event loop running on this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, middleware(scope, receive, send)).result()
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_a_page_gets_the_servers_address_first_in_its_head_with_a_true_length():
    status, headers, body = _get(_app())
    assert status == 200
    assert body.startswith(b"<!DOCTYPE html><html><head><script>window.__streamlit=")
    assert b'BACKEND_BASE_URL:location.origin+"/"' in body
    assert body.endswith(PAGE[PAGE.index(b"<meta"):])
    assert int(headers[b"content-length"]) == len(body)


def test_the_address_keeps_the_servers_base_path_and_other_settings():
    _, _, body = _get(_app(), base="/di/")
    assert b'location.origin+"/di/"' in body
    assert b"window.__streamlit||{}" in body  # a host's own settings, if any, are kept
    assert b'"/a/b/"' in backend_url.snippet("a/b")
    assert b"</script" not in backend_url.snippet("</script>").replace(b"</script>", b"", 1)


def test_a_gzipped_page_is_unzipped_written_into_and_zipped_again():
    status, headers, body = _get(_app(body=gzip.compress(PAGE), encoding=b"gzip"))
    page = gzip.decompress(body)
    assert b"BACKEND_BASE_URL" in page and headers[b"content-encoding"] == b"gzip"
    assert int(headers[b"content-length"]) == len(body)


def test_a_page_sent_in_pieces_is_written_into_once():
    _, _, body = _get(_app(chunks=4))
    assert body.count(b"BACKEND_BASE_URL") == 1 and body.endswith(b"</html>")


@pytest.mark.parametrize("app,method", [
    (_app(content_type=b"application/javascript", body=b"<head>console.log(1)"), "GET"),
    (_app(status=404, body=b"<head>Not Found"), "GET"),
    (_app(body=b"<head>x", encoding=b"br"), "GET"),
    (_app(), "POST"),
])
def test_scripts_errors_other_encodings_and_other_methods_pass_unchanged(app, method):
    _, _, body = _get(app, method=method)
    assert b"BACKEND_BASE_URL" not in body


def test_html_without_a_head_is_left_as_it_is():
    assert backend_url.inject(b"<p>no head</p>", b"<script></script>") == b"<p>no head</p>"
