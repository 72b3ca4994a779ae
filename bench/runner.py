"""One benchmark run: every app started fresh several times, measured in interleaved rounds.

Rounds interleave the apps (floor, folium, plotly, pydeck, ours, floor, …) so that a machine
that gets slower or faster during the run affects every app alike: that is what makes the
ratios hold on a noisy machine. The result is plain JSON-able data (see ``bench/results.py``).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import Browser, async_playwright

from bench import browser as br
from bench import concurrency, memory, server, server_load
from bench.apps import ROOT, App, app_env, by_name, synthetic_dir
from bench.settings import Settings

Log = Callable[[str], None]


def _scale_indicators(db_dir: Path, repeats: int) -> dict:
    """Indicator computation for a filter change on the national synthetic data (bench/scale.py)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LATGALE_DI_EXTENT": "latvia"}
    env.pop("LATGALE_DI_DATA", None)
    done = subprocess.run([sys.executable, "-m", "bench.scale", str(synthetic_dir(db_dir)), "--repeats", str(repeats)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"bench.scale failed: {done.stderr[-1000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _new_record(app: App, settings: Settings) -> dict:
    pages = [p for p in app.pages if p.primary or settings.all_pages]
    return {
        "label": app.label, "role": app.role, "cold_start_ms": [], "rss_idle_mib": [], "rss_after_load_mib": [],
        "pages": {p.name: {"path": p.path, "primary": p.primary, "rerun_key": p.rerun_key, "no_map": False,
                           "map_kind": [], "first_map_ms": [], "change_ms": [], "bytes_load": [], "bytes_change": [],
                           "bytes_change_repeat": [], "probe_cost_ms": [], "probe_wait_ms": []}
                  for p in pages},
        "rerun_ms": {}, "errors": [],
    }


async def _run_once(browser: Browser, app: App, record: dict, settings: Settings, db_dir: Path, log: Log) -> None:
    """Start the app's server, warm it up, measure each page in a fresh context, stop it."""
    srv = server.start(app.script, app.cwd, app_env(app, db_dir), app.args, timeout_s=settings.timeout_s)
    try:
        record["cold_start_ms"].append(srv.cold_start_ms)
        await asyncio.sleep(0.5)
        record["rss_idle_mib"].append(server.rss_mib(srv.pid))
        # The scale app's first visitor loads 1.4 M monthly rows and computes the national table
        # (once per server, cached like every version): minutes on a busy 2-core machine.
        warm_timeout = settings.timeout_s * (6 if app.role == "scale" else 1)
        warm = await br.warm_up(browser, srv.url, app.pages, settings.quiet_s, warm_timeout)
        record["rss_after_load_mib"].append(server.rss_mib(srv.pid))
        await warm.close()
        for spec in app.pages:
            page = record["pages"].get(spec.name)
            if page is None or page["no_map"]:
                continue
            v = await br.visit(browser, srv.url + spec.path, spec, settings.changes, settings.quiet_s,
                               settings.map_timeout_s, settings.timeout_s)
            page["bytes_load"].append(v.bytes_load)
            if v.loaded is None:
                if not page["first_map_ms"]:
                    page["no_map"] = True  # the first visit drew none: do not wait for it again
                page["first_map_ms"].append(None)
                log(f"  {app.name}{spec.path}: no map within {settings.map_timeout_s:.0f} s")
                continue
            page["map_kind"].append(v.loaded.kind)
            page["first_map_ms"].append(v.loaded.first_map_ms)
            page["probe_cost_ms"].append(v.loaded.probe_cost_ms)
            page["probe_wait_ms"].append(v.loaded.probe_wait_ms)
            page["change_ms"].extend(c.ms for c in v.changes)
            if v.changes:
                # The first change shows a view this session has not seen; later ones go back to
                # a seen one, which Streamlit may send as a reference to its client-side cache.
                page["bytes_change"].append(v.changes[0].bytes)
                page["bytes_change_repeat"].extend(c.bytes for c in v.changes[1:])
            changes = ", ".join("none" if c.ms is None else f"{c.ms:.0f}" for c in v.changes)
            log(f"  {app.name}{spec.path}: {v.loaded.kind} map {v.loaded.first_map_ms:.0f} ms, "
                f"{v.bytes_load / 1e6:.2f} MB; changes [{changes}] ms")
    finally:
        server.stop(srv)


def _rerun_times(app: App, runs: int, db_dir: Path) -> dict[str, list[float]]:
    """AppTest rerun times, in a fresh interpreter (its imports and caches are the app's alone)."""
    command = [sys.executable, "-m", "bench.apptest", str(app.script), "--runs", str(runs)]
    if app.role == "ours":
        command.append("--entry")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.update({k: v for k, v in app_env(app, db_dir).items() if v is not None})
    env.pop("DATABASE_URL", None)
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"AppTest of {app.name} failed: {done.stderr[-1000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _meta(settings: Settings, chromium: str) -> dict:
    import streamlit

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "load_avg": [round(x, 2) for x in os.getloadavg()],
        "chromium": chromium, "streamlit": streamlit.__version__, "python": platform.python_version(),
        "settings": {k: v for k, v in settings.__dict__.items()},
    }


async def run(settings: Settings, only: list[str] | None = None, log: Log = print, scale: bool = False) -> dict:
    """Measure the chosen apps (all by default; ``scale`` adds ours-latvia) and return the raw results."""
    apps = by_name(only, scale)
    records = {a.name: _new_record(a, settings) for a in apps}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="latgale-bench-") as tmp:
        db_dir = Path(tmp)
        if any(a.role == "scale" for a in apps):
            from latgale_di.ingest import synthetic

            log("scale: writing the synthetic dataset (all of Latvia, 10 years x 12 months)")
            synthetic.generate(synthetic_dir(db_dir))
        async with async_playwright() as pw:
            browser = await br.launch(pw)
            try:
                results = {"meta": _meta(settings, browser.version), "apps": records}
                for r in range(settings.runs):
                    log(f"round {r + 1}/{settings.runs}")
                    for app in apps:
                        try:
                            await _run_once(browser, app, records[app.name], settings, db_dir, log)
                        except Exception as e:  # one failed run must not lose the others' figures
                            records[app.name]["errors"].append(f"round {r + 1}: {type(e).__name__}: {e}"[:500])
                            log(f"  {app.name}: FAILED {type(e).__name__}: {str(e)[:200]}")
                for app in apps:
                    if app.name in settings.memory_apps:
                        log(f"memory per session: {app.name}")
                        records[app.name]["memory"] = await _guarded(
                            memory.per_session(browser, app, settings, app_env(app, db_dir)), records[app.name])
                    if app.name in settings.concurrency_apps and settings.sessions > 0:
                        log(f"concurrency: {settings.sessions} sessions on {app.name}")
                        records[app.name]["concurrency"] = await _guarded(
                            concurrency.run(browser, app, settings, app_env(app, db_dir)), records[app.name])
            finally:
                await browser.close()
        if "ours" in records and settings.sessions > 0:
            # After the browser has gone: the server alone, as for people on their own machines.

            log(f"server load: {settings.sessions} protocol sessions on one process of ours")
            load_dir = db_dir / "server-load"
            load_dir.mkdir()
            records["ours"]["server_load"] = await _guarded(
                server_load.load(load_dir, settings.sessions, settings.session_changes), records["ours"])
        for app in apps:
            if app.role == "scale":
                log(f"scale: indicator computation per filter change ({settings.rerun_runs * 10} changes)")
                try:
                    records[app.name]["indicators"] = _scale_indicators(db_dir, settings.rerun_runs * 10)
                except Exception as e:
                    records[app.name]["errors"].append(f"scale indicators: {e}"[:500])
                continue  # its script reruns are ours' (same app); the page load is what differs
            log(f"AppTest reruns: {app.name}")
            try:
                records[app.name]["rerun_ms"] = _rerun_times(app, settings.rerun_runs, db_dir)
            except Exception as e:
                records[app.name]["errors"].append(f"AppTest: {e}"[:500])
    results["meta"]["duration_s"] = round(time.monotonic() - started, 1)
    return results


async def _guarded(coro, record: dict) -> dict | None:
    """Await a measurement; on failure note it in the app's errors and return None."""
    try:
        return await coro
    except Exception as e:
        record["errors"].append(f"{type(e).__name__}: {e}"[:500])
        return None
