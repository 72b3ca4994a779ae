"""Headless Chromium driven by Playwright: load a page, time its first map, change a selectbox.

All timestamps come from the in-page probe (``bench/probes.js``), taken inside the page with
``performance.timeOrigin + performance.now()``; Python only polls for "done yet?", so its
polling interval never enters a figure.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Playwright, Request, WebSocket
from playwright.async_api import Page as PwPage

from bench.apps import Page

PROBE_JS = (Path(__file__).resolve().parent / "probes.js").read_text(encoding="utf-8")

# The launch arguments the test suite uses (tests/conftest.py): headless, as root, offline.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1920, "height": 1080}
POLL_S = 0.1


async def launch(pw: Playwright) -> Browser:
    """Debian's chromium (never a downloaded one) with the test suite's arguments."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("the benchmark needs Debian's chromium on PATH (apt-get install -y chromium)")
    return await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


async def new_context(browser: Browser) -> BrowserContext:
    """A fresh context (empty cache, no cookies) with the probe in every frame it will load."""
    context = await browser.new_context(viewport=VIEWPORT, locale="lv-LV")
    await context.add_init_script(PROBE_JS)
    return context


class Traffic:
    """Bytes a page receives: HTTP response bodies plus websocket frame payloads."""

    def __init__(self, page: PwPage) -> None:
        self.ws_bytes = 0
        self.last_activity = time.monotonic()
        self._requests: list[Request] = []
        self._sizes: dict[int, int] = {}
        page.on("requestfinished", self._on_request)
        page.on("websocket", self._on_websocket)

    def _on_request(self, request: Request) -> None:
        self.last_activity = time.monotonic()
        if request.url.startswith("http"):
            self._requests.append(request)

    def _on_websocket(self, ws: WebSocket) -> None:
        ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload: str | bytes) -> None:
        self.last_activity = time.monotonic()
        self.ws_bytes += len(payload.encode() if isinstance(payload, str) else payload)

    async def total(self) -> int:
        """All bytes received so far (sizes of finished requests are asked for once each)."""
        for request in self._requests:
            if id(request) not in self._sizes:
                try:
                    sizes = await request.sizes()
                    self._sizes[id(request)] = max(0, sizes["responseBodySize"])
                except Exception:  # a request whose page or frame has gone: its bytes are unknown
                    self._sizes[id(request)] = 0
        return self.ws_bytes + sum(self._sizes.values())

    def quiet_for(self) -> float:
        """Seconds since the last response or websocket frame."""
        return time.monotonic() - self.last_activity


@dataclass
class Probe:
    """What the probes of all the frames of a page recorded, on the top page's clock."""

    origin: float  # top page's performance.timeOrigin (navigation start), absolute ms
    now: float  # top page's clock when read, absolute ms
    first: dict[str, float] = field(default_factory=dict)  # kind -> earliest first-drawn time, absolute ms
    paints: list[tuple[str, float]] = field(default_factory=list)  # (kind, absolute ms), sorted
    downs: list[float] = field(default_factory=list)  # pointerdowns in the top page, absolute ms
    cost_ms: float = 0.0  # time the probes spent on their own work in the page's main threads so far
    wait_ms: float = 0.0  # time their WebGL reads waited for frames to be rendered (see probes.js)
    errors: list[str] = field(default_factory=list)  # a detector that threw (reported, never hidden)

    def first_map(self, kinds: tuple[str, ...]) -> tuple[str, float] | None:
        """The first of ``kinds`` to be drawn, with its time from navigation start in ms."""
        seen = [(self.first[k], k) for k in kinds if k in self.first]
        if not seen:
            return None
        t, kind = min(seen)
        return kind, t - self.origin

    def last_paint(self, kinds: tuple[str, ...], after: float) -> float | None:
        """The last paint of ``kinds`` after the absolute time ``after``."""
        times = [t for k, t in self.paints if k in kinds and t > after]
        return max(times) if times else None


async def read_probe(page: PwPage) -> Probe | None:
    """Merge the probe records of every frame of the page (iframes too: streamlit-folium draws in one)."""
    try:
        top = await page.main_frame.evaluate("window.__bench && window.__bench.dump()")
    except Exception:
        return None  # between navigations
    if not top:
        return None
    probe = Probe(origin=top["origin"], now=top["now"], downs=list(top["downs"]))
    dumps = [top]
    for frame in page.frames:
        if frame is page.main_frame:
            continue
        try:
            dump = await frame.evaluate("window.__bench && window.__bench.dump()")
        except Exception:
            continue  # a frame detached while we read (a remounted component)
        if dump:
            dumps.append(dump)
    for dump in dumps:
        for kind, t in dump["first"].items():
            probe.first[kind] = min(t, probe.first.get(kind, t))
        probe.paints.extend((p["kind"], p["t"]) for p in dump["paints"])
        probe.cost_ms += dump.get("cost", 0.0)
        probe.wait_ms += dump.get("wait", 0.0)
        if dump.get("error"):
            probe.errors.append(dump["error"])
    probe.paints.sort(key=lambda p: p[1])
    return probe


async def wait_first_map(page: PwPage, kinds: tuple[str, ...], timeout_s: float,
                         poll_s: float = POLL_S) -> tuple[str, float] | None:
    """Wait until one of ``kinds`` is drawn; its kind and ms from navigation start, or None on time-out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        probe = await read_probe(page)
        found = probe.first_map(kinds) if probe else None
        if found:
            return found
        await asyncio.sleep(poll_s)
    return None


async def wait_quiet(page: PwPage, traffic: Traffic, kinds: tuple[str, ...], after: float, quiet_s: float,
                     timeout_s: float, need_paint: bool = True, poll_s: float = POLL_S) -> float | None:
    """Wait for the last paint of ``kinds`` after ``after``: the page is quiet once neither a paint
    nor a network message has come for ``quiet_s``. Returns that last paint (absolute ms), or
    None if no paint came (``need_paint``) within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        probe = await read_probe(page)
        last = probe.last_paint(kinds, after) if probe else None
        if probe and (last is not None or not need_paint):
            since_paint = (probe.now - last) / 1000 if last is not None else quiet_s
            if since_paint >= quiet_s and traffic.quiet_for() >= quiet_s:
                return last
        await asyncio.sleep(poll_s)
    return None


async def wait_app_idle(page: PwPage, traffic: Traffic, quiet_s: float, timeout_s: float,
                        poll_s: float = POLL_S) -> None:
    """Wait until the script run has finished: a heading shown, no status widget, network quiet."""
    await page.get_by_role("heading").first.wait_for(timeout=timeout_s * 1000)
    await page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
                                 timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while traffic.quiet_for() < quiet_s and time.monotonic() < deadline:
        await asyncio.sleep(poll_s)


@dataclass
class Change:
    """One selectbox change: pointerdown on the option to the last map paint after it."""

    ms: float | None  # None: no repaint within the time-out
    bytes: int


async def change(page: PwPage, spec: Page, traffic: Traffic, quiet_s: float, timeout_s: float,
                 poll_s: float = POLL_S) -> Change:
    """Pick the other of ``spec.options`` in the page's selectbox and time the repaint."""
    box = page.get_by_role("combobox", name=spec.combobox, exact=True)
    current = await box.input_value()
    target = spec.options[1] if current == spec.options[0] else spec.options[0]
    await box.click()
    option = page.get_by_role("option", name=target, exact=True)
    await option.wait_for(timeout=timeout_s * 1000)
    probe = await read_probe(page)
    armed_at = probe.now if probe else 0.0  # the click's pointerdown is the first one after this
    before = await traffic.total()
    await option.click()
    # Park the pointer in the page's corner: left over the map once the list closes, it would hover a
    # polygon, and the hover tooltip would count as a repaint.
    await page.mouse.move(1, 1)
    # The pointerdown was timestamped in the page; find it.
    pointerdown = None
    deadline = time.monotonic() + timeout_s
    while pointerdown is None and time.monotonic() < deadline:
        probe = await read_probe(page)
        pointerdown = next((t for t in (probe.downs if probe else []) if t > armed_at), None)
        if pointerdown is None:
            await asyncio.sleep(poll_s / 2)
    last = None
    if pointerdown is not None:
        last = await wait_quiet(page, traffic, spec.kinds, pointerdown, quiet_s, timeout_s, poll_s=poll_s)
    after = await traffic.total()
    ms = last - pointerdown if (last is not None and pointerdown is not None) else None
    return Change(ms, after - before)


@dataclass
class Loaded:
    """A page whose map was drawn."""

    kind: str  # the probe kind that drew first
    first_map_ms: float  # from navigation start
    probe_cost_ms: float  # the probes' own work up to about then
    probe_wait_ms: float  # their WebGL reads' wait for frames to be rendered, up to about then


async def load(page: PwPage, traffic: Traffic, url: str, spec: Page, quiet_s: float, map_timeout_s: float,
               timeout_s: float, poll_s: float = POLL_S) -> Loaded | None:
    """Navigate to ``url`` and wait until its map is drawn and the page is quiet.

    Returns None if no map was drawn within ``map_timeout_s`` (then it waits for the script run to
    finish instead, so that the page's bytes can still be counted)."""
    await page.goto(url, wait_until="commit")
    found = await wait_first_map(page, spec.kinds, map_timeout_s, poll_s)
    if found is None:
        await wait_app_idle(page, traffic, quiet_s, timeout_s, poll_s)
        return None
    probe = await read_probe(page)
    if probe and probe.errors:
        raise RuntimeError(f"the in-page probe failed: {probe.errors[0]}")
    loaded = Loaded(found[0], found[1], probe.cost_ms if probe else 0.0, probe.wait_ms if probe else 0.0)
    await wait_quiet(page, traffic, spec.kinds, probe.origin if probe else 0.0, quiet_s, timeout_s, poll_s=poll_s)
    return loaded


@dataclass
class Visit:
    """One page load in a fresh context, and the selectbox changes made on it."""

    loaded: Loaded | None  # None if no map appeared
    bytes_load: int
    changes: list[Change]


async def visit(browser: Browser, url: str, spec: Page, n_changes: int, quiet_s: float, map_timeout_s: float,
                timeout_s: float) -> Visit:
    """Load ``url`` in a fresh context; time the first map; then make ``n_changes`` changes."""
    context = await new_context(browser)
    try:
        page = await context.new_page()
        traffic = Traffic(page)
        loaded = await load(page, traffic, url, spec, quiet_s, map_timeout_s, timeout_s)
        if loaded is None:
            return Visit(None, await traffic.total(), [])
        bytes_load = await traffic.total()
        changes = [await change(page, spec, traffic, quiet_s, timeout_s) for _ in range(n_changes)]
        return Visit(loaded, bytes_load, changes)
    finally:
        await context.close()


async def warm_up(browser: Browser, base_url: str, pages: tuple[Page, ...], quiet_s: float,
                  timeout_s: float) -> BrowserContext:
    """The throw-away first visitor: load every page once so the server's imports and caches are
    filled. Returns the context still open (the caller closes it). The default page comes first,
    measured or not, as a first visitor after a start most often opens it."""
    context = await new_context(browser)
    page = await context.new_page()
    traffic = Traffic(page)
    for path in ["/", *(spec.path for spec in pages if spec.path != "/")]:
        await page.goto(base_url + path, wait_until="commit")
        await wait_app_idle(page, traffic, quiet_s, timeout_s)
    return context
