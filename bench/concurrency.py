"""Concurrency: N browser sessions load the map page, then all change the filter at once."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from playwright.async_api import Browser

from bench import browser as br
from bench import server
from bench.apps import App
from bench.settings import Settings

# Many pages polled at once: poll less often so the polling itself does not load the 2 cores
# (timestamps come from the pages, so this changes no figure, only how soon a wait notices).
POLL_S = 0.25
# Twenty pages loading at once on 2 cores take over a minute to draw: allow twice the usual wait.
LOAD_TIMEOUT_FACTOR = 2


async def run(browser: Browser, app: App, settings: Settings, env: Mapping[str, str | None]) -> dict:
    """``settings.sessions`` contexts on the app's main page; each makes ``settings.session_changes``
    changes, all sessions at the same time. Returns every session's first-map and change→repaint
    times (ms) and how many changes drew no repaint."""
    spec = app.primary
    srv = server.start(app.script, app.cwd, env, app.args, timeout_s=settings.timeout_s)
    contexts = []
    try:
        warm = await br.warm_up(browser, srv.url, app.pages, settings.quiet_s, settings.timeout_s)
        await warm.close()
        pages = []
        for _ in range(settings.sessions):
            context = await br.new_context(browser)
            contexts.append(context)
            page = await context.new_page()
            pages.append((page, br.Traffic(page)))

        async def load(page, traffic) -> float | None:
            wait = settings.timeout_s * LOAD_TIMEOUT_FACTOR
            loaded = await br.load(page, traffic, srv.url + spec.path, spec, settings.quiet_s, wait, wait, POLL_S)
            return loaded.first_map_ms if loaded else None

        first = await asyncio.gather(*(load(p, t) for p, t in pages))

        async def changes(page, traffic) -> list[br.Change]:
            return [await br.change(page, spec, traffic, settings.quiet_s, settings.timeout_s, POLL_S)
                    for _ in range(settings.session_changes)]

        done = await asyncio.gather(*(changes(p, t) for (p, t), f in zip(pages, first) if f is not None))
        change_ms = [c.ms for session in done for c in session]
        return {"sessions": settings.sessions, "first_map_ms": first, "change_ms": change_ms,
                "no_repaint": sum(1 for ms in change_ms if ms is None),
                "no_map": sum(1 for f in first if f is None)}
    finally:
        for context in contexts:
            await context.close()
        server.stop(srv)
