"""Server memory: RSS at idle, after the first page load, and per additional browser session."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from playwright.async_api import Browser

from bench import browser as br
from bench import server
from bench.apps import App
from bench.settings import Settings


async def per_session(browser: Browser, app: App, settings: Settings, env: Mapping[str, str | None]) -> dict:
    """Open ``settings.memory_sessions`` extra contexts on the app's main page, keeping them open.

    Returns the RSS (MiB) at idle after start, after the first page load (``rss_0``, the warm-up
    visitor still connected), after each extra session, and ``(RSS_k − RSS_0) / k`` for each k.
    """
    srv = server.start(app.script, app.cwd, env, app.args, timeout_s=settings.timeout_s)
    contexts = []
    try:
        await asyncio.sleep(1.0)
        idle = server.rss_mib(srv.pid)
        contexts.append(await br.warm_up(browser, srv.url, app.pages, settings.quiet_s, settings.timeout_s))
        await asyncio.sleep(0.5)
        rss_0 = server.rss_mib(srv.pid)
        rss_k: list[float] = []
        spec = app.primary
        for _ in range(settings.memory_sessions):
            context = await br.new_context(browser)
            contexts.append(context)
            page = await context.new_page()
            await br.load(page, br.Traffic(page), srv.url + spec.path, spec, settings.quiet_s, settings.map_timeout_s,
                          settings.timeout_s)
            await asyncio.sleep(0.5)  # let the session's script run and its garbage settle
            rss_k.append(server.rss_mib(srv.pid))
        per = [(r - rss_0) / k for k, r in enumerate(rss_k, start=1)]
        return {"rss_idle_mib": idle, "rss_0_mib": rss_0, "rss_k_mib": rss_k, "per_session_mib": per}
    finally:
        for context in contexts:
            await context.close()
        server.stop(srv)
