"""Reading a result (the JSON ``bench/runner.py`` produces): summaries per app and page.

The shape, all times in ms, bytes as received by the browser, memory in MiB::

    {"meta": {...},
     "apps": {"floor" | "folium" | "plotly" | "pydeck" | "ours": {
         "label": str, "role": "floor" | "reference" | "ours",
         "cold_start_ms": [...], "rss_idle_mib": [...], "rss_after_load_mib": [...],
         "pages": {"main" | "karte" | "overview": {
             "path": "/karte", "primary": bool, "no_map": bool, "map_kind": [...],
             "first_map_ms": [...], "change_ms": [...], "bytes_load": [...],
             "bytes_change": [...], "bytes_change_repeat": [...],
             "probe_cost_ms": [...], "probe_wait_ms": [...]}},
         "rerun_ms": {page file stem or "main": [...]},
         "memory": {"rss_idle_mib", "rss_0_mib", "rss_k_mib": [...], "per_session_mib": [...]},  # optional
         "concurrency": {"sessions", "first_map_ms": [...], "change_ms": [...], "no_repaint", "no_map"},  # optional
         "server_load": {"sessions", "changes", "change_p50_ms", "change_p95_ms", "change_max_ms",
                         "load_p95_ms", "rss_mib", "instances"},  # optional, ours only (bench/server_load.py)
         "errors": [...]}}}

A ``None`` in a list is a run that measured nothing (no map, no repaint).
"""

from __future__ import annotations

from collections.abc import Iterator

from bench.stats import Summary, summary


def apps(results: dict, role: str | None = None) -> Iterator[tuple[str, dict]]:
    """(name, record) of the measured apps, optionally of one role, in measuring order."""
    for name, record in results.get("apps", {}).items():
        if role is None or record.get("role") == role:
            yield name, record


def primary_page(record: dict) -> tuple[str, dict] | None:
    """The page that stands for the app (the Map page for ours, the only page for a reference)."""
    return next(((n, p) for n, p in record.get("pages", {}).items() if p.get("primary")), None)


def floor(results: dict) -> dict | None:
    """The floor's record, if it was measured."""
    return next((r for _, r in apps(results, "floor")), None)


def metric(page: dict | None, name: str) -> Summary | None:
    """Median and range of one page metric (``first_map_ms``, ``change_ms``, ``bytes_load``, …)."""
    return summary(page.get(name)) if page else None


def primary_metric(record: dict | None, name: str) -> Summary | None:
    """A metric of the app's primary page."""
    found = primary_page(record) if record else None
    return metric(found[1], name) if found else None


def scale_indicators(record: dict) -> list[dict]:
    """The scale app's per-vintage indicator measurements (``bench/scale.py``); a result written
    before both vintages were measured holds one record, not a list."""
    found = record.get("indicators") or []
    return [found] if isinstance(found, dict) else list(found)
