"""The printed report: Markdown tables of medians [min–max] with ratios, then the budget verdicts."""

from __future__ import annotations

from bench import results as res
from bench.budgets import Verdict
from bench.stats import Summary, percentile, ratio, summary


def ms(s: Summary | None) -> str:
    """``1,587 [1,402–1,730]`` (a single run has no range)."""
    if s is None:
        return "—"
    if s.n == 1:
        return f"{s.median:,.0f}"
    return f"{s.median:,.0f} [{s.low:,.0f}–{s.high:,.0f}]"


def nbytes(value: float | None) -> str:
    """Bytes in SI units, as the baseline writes them: ``2.84 MB``, ``192 kB``, ``0.7 kB``."""
    if value is None:
        return "—"
    if value >= 1e6:
        return f"{value / 1e6:.2f} MB"
    if value >= 10e3:
        return f"{value / 1e3:.0f} kB"
    return f"{value / 1e3:.1f} kB"


def times(r: float | None) -> str:
    """A ratio as ``1.65×``."""
    return "—" if r is None else f"{r:.2f}×"


def mib(s: Summary | None) -> str:
    """Median MiB, with the range when there are several runs."""
    if s is None:
        return "—"
    return f"{s.median:.0f}" if s.n == 1 else f"{s.median:.0f} [{s.low:.0f}–{s.high:.0f}]"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i < 2 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def main_table(results: dict) -> list[str]:
    """One row per app and page: the baseline's figures, with ×floor ratios."""
    floor_rec = res.floor(results)
    floor_first = res.primary_metric(floor_rec, "first_map_ms")
    floor_change = res.primary_metric(floor_rec, "change_ms")
    rows = []
    for name, record in res.apps(results):
        for page in record["pages"].values():
            first, change = res.metric(page, "first_map_ms"), res.metric(page, "change_ms")
            kinds = sorted(set(page.get("map_kind") or []))
            what = "no map" if page.get("no_map") else ", ".join(kinds) or "—"
            rerun = summary(record.get("rerun_ms", {}).get(page.get("rerun_key", "main")))
            rows.append([
                f"{name} {page['path']}" if record["role"] == "ours" else name, what,
                ms(summary(record.get("cold_start_ms"))),
                ms(first), times(ratio(first.median if first else None, floor_first.median if floor_first else None)),
                ms(change), times(ratio(change.median if change else None,
                                        floor_change.median if floor_change else None)),
                nbytes(res.metric(page, "bytes_load").median if res.metric(page, "bytes_load") else None),
                nbytes(res.metric(page, "bytes_change").median if res.metric(page, "bytes_change") else None),
                nbytes(res.metric(page, "bytes_change_repeat").median
                       if res.metric(page, "bytes_change_repeat") else None),
                mib(summary(record.get("rss_after_load_mib"))),
                ms(rerun),
            ])
    header = ["app / page", "map", "cold start (ms)", "first map, warm (ms)", "×floor", "change → repaint (ms)",
              "×floor", "bytes per load", "bytes per change (new view)", "bytes per change (seen view)",
              "RSS after load (MiB)", "script rerun (ms)"]
    return _table(header, rows)


def probe_cost_line(results: dict) -> list[str]:
    """The in-page probe's footprint until the first map: its own work, and how long its WebGL reads
    waited for frames to be rendered (time the frame took anyway; see bench/probes.js)."""
    cost, wait = [], []
    for name, record in res.apps(results):
        for page in record["pages"].values():
            label = f"{name} {page['path']}" if record["role"] == "ours" else name
            c, w = res.metric(page, "probe_cost_ms"), res.metric(page, "probe_wait_ms")
            if c is not None:
                cost.append(f"{label} {c.median:.0f} ms")
            if w is not None and w.median >= 1:
                wait.append(f"{label} {w.median:.0f} ms")
    if not cost:
        return []
    line = "In-page probe until the first map (medians): own work " + ", ".join(cost)
    if wait:
        line += "; WebGL reads waiting for the frame to be rendered " + ", ".join(wait)
    return [line + "."]


def comparison_table(results: dict) -> list[str]:
    """Ours against each reference: ratios of medians (below 1.00× = ours is ahead)."""
    refs = list(res.apps(results, "reference"))
    if not refs or not list(res.apps(results, "ours")):
        return []
    header = ["ours page"] + [f"first map / {n}" for n, _ in refs] + [f"change / {n}" for n, _ in refs]
    rows = []
    for name, record in res.apps(results, "ours"):
        for page in record["pages"].values():
            row = [f"{name} {page['path']}"]
            for metric in ("first_map_ms", "change_ms"):
                ours = res.metric(page, metric)
                for _, ref in refs:
                    theirs = res.primary_metric(ref, metric)
                    row.append(times(ratio(ours.median if ours else None, theirs.median if theirs else None)))
            rows.append(row)
    return _table(header, rows)


def memory_lines(results: dict) -> list[str]:
    """Per-session memory: RSS idle, after the first load, and (RSS_k − RSS_0)/k."""
    rows = []
    for name, record in res.apps(results):
        m = record.get("memory")
        if not m:
            continue
        per = ", ".join(f"{v:.1f}" for v in m["per_session_mib"])
        rows.append([name, f"{m['rss_idle_mib']:.0f}", f"{m['rss_0_mib']:.0f}",
                     " → ".join(f"{v:.0f}" for v in m["rss_k_mib"]), per])
    if not rows:
        return []
    return _table(["app", "RSS idle (MiB)", "RSS_0 after first load", "RSS_k, k = 1…", "(RSS_k − RSS_0)/k (MiB)"],
                  rows)


def concurrency_lines(results: dict) -> list[str]:
    """p50/p95 of change → repaint with many sessions at once (and ours against the floor's)."""
    lines = []
    p95 = {}
    for name, record in res.apps(results):
        c = record.get("concurrency")
        if not c:
            continue
        got = [v for v in c["change_ms"] if v is not None]
        first = [v for v in c["first_map_ms"] if v is not None]
        p50, p95[record["role"]] = percentile(got, 50), percentile(got, 95)
        lines.append(f"- {name}: {c['sessions']} sessions, {len(c['change_ms'])} changes: change → repaint "
                     f"p50 {p50 or 0:,.0f} ms, p95 {p95[record['role']] or 0:,.0f} ms, "
                     f"max {max(got, default=0):,.0f} ms; "
                     f"{c['no_repaint']} without a repaint; first map while all load at once: "
                     f"p50 {percentile(first, 50) or 0:,.0f} ms, p95 {percentile(first, 95) or 0:,.0f} ms"
                     f"{'; ' + str(c['no_map']) + ' sessions drew no map' if c['no_map'] else ''}")
    if p95.get("ours") and p95.get("floor"):
        lines.append(f"- ours / floor at p95: {times(ratio(p95['ours'], p95['floor']))} (the floor's figure is what "
                     "the machine, shared by the server and every browser page, allows a bare Streamlit app)")
    for name, record in res.apps(results, "ours"):
        load = record.get("server_load")
        if load:
            lines.append(f"- {name}, the server alone ({load['instances']} process, no browser on the machine): "
                         f"{load['sessions']} sessions, {load['changes']} changes at once: round trip "
                         f"p50 {load['change_p50_ms'] or 0:,.0f} ms, p95 {load['change_p95_ms'] or 0:,.0f} ms, "
                         f"max {load['change_max_ms'] or 0:,.0f} ms; "
                         f"page loads p95 {load['load_p95_ms'] or 0:,.0f} ms; "
                         f"server RSS {load['rss_mib'] or 0:,.1f} MiB")
    return lines


def rerun_table(results: dict) -> list[str]:
    """AppTest script rerun time of each of our pages."""
    rows = []
    for name, record in res.apps(results, "ours"):
        for page, samples in record.get("rerun_ms", {}).items():
            rows.append([name, page, ms(summary(samples)) if samples else "error"])
    return _table(["app", "page", "script rerun (ms)"], rows) if rows else []


def scale_lines(results: dict) -> list[str]:
    """ours-latvia against ours, and the server-side cost of a filter change at national scale."""
    ours = next((r for _, r in res.apps(results, "ours")), None)
    base = res.primary_metric(ours, "first_map_ms")
    lines = []
    for name, record in res.apps(results, "scale"):
        first = res.primary_metric(record, "first_map_ms")
        change = res.primary_metric(record, "change_ms")
        vs = times(ratio(first.median if first else None, base.median if base else None))
        lines.append(f"- {name}: first map (the Map page's default view: pre-2021 boundaries) {ms(first)} ms, "
                     f"{vs} ours (Latgale); change → repaint {ms(change)} ms")
        for found in res.scale_indicators(record):
            per_change = summary(found.get("filter_change_ms"))
            lines.append(f"- {name}: {found.get('units')} units, indicator table {found.get('table_rows', 0):,} rows; "
                         f"a filter change computes in {ms(per_change)} ms (map_content.build, "
                         f"{per_change.n if per_change else 0} changes); once per data version: load "
                         f"{found.get('load_ms', 0):,.0f} ms, privacy rule {found.get('suppress_ms', 0):,.0f} ms, "
                         f"indicator table {found.get('table_ms', 0):,.0f} ms")
    return lines


def verdict_lines(verdicts: list[Verdict]) -> list[str]:
    """One line per budget and subject."""
    lines = []
    for v in verdicts:
        unit = v.budget.unit
        if v.value is None:
            value = "—"
        elif unit == "×":
            value = f"{v.value:.2f}×"
        elif unit == "B":
            value = nbytes(v.value)
        else:
            value = f"{v.value:,.1f} {unit}"
        limit = nbytes(v.budget.limit) if unit == "B" else f"{v.budget.limit:g}{unit if unit == '×' else ' ' + unit}"
        lines.append(f"- [{v.budget.level}] {v.budget.text} — {v.subject}: {value} (limit {limit}): {v.status}")
    return lines


def render(results: dict, verdicts: list[Verdict]) -> str:
    """The whole report as Markdown."""
    meta = results.get("meta", {})
    settings = meta.get("settings", {})
    out = [f"## Benchmark {meta.get('date', '?')}", "",
           f"{meta.get('nproc', '?')} CPUs (load average at start {meta.get('load_avg', '?')}), "
           f"Chromium {meta.get('chromium', '?')}, Streamlit {meta.get('streamlit', '?')}, "
           f"Python {meta.get('python', '?')}; {settings.get('runs', '?')} server starts per app, "
           f"{settings.get('changes', '?')} changes per visit{', quick' if settings.get('quick') else ''}; "
           f"took {meta.get('duration_s', '?')} s. Medians [min–max].", ""]
    out += main_table(results) + [""]
    cost = probe_cost_line(results)
    if cost:
        out += cost + [""]
    comparison = comparison_table(results)
    if comparison:
        out += ["Ours against each reference (ratio of medians; under 1.00× = ours is ahead):", ""] + comparison + [""]
    memory = memory_lines(results)
    if memory:
        out += ["Server memory per additional session (browser contexts kept open on the main page):", ""]
        out += memory + [""]
    conc = concurrency_lines(results)
    if conc:
        out += ["Concurrency:", ""] + conc + [""]
    scale = scale_lines(results)
    if scale:
        out += ["Scale (all of Latvia, synthetic data; `--scale`):", ""] + scale + [""]
    reruns = rerun_table(results)
    if reruns:
        out += ["Script rerun per page (AppTest, no browser):", ""] + reruns + [""]
    errors = [(n, e) for n, r in res.apps(results) for e in r.get("errors", [])]
    if errors:
        out += ["Errors:", ""] + [f"- {n}: {e}" for n, e in errors] + [""]
    out += ["### Budgets", ""] + (verdict_lines(verdicts) or ["- (nothing to check: ours was not measured)"])
    return "\n".join(out) + "\n"
