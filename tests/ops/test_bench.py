"""The benchmark harness (bench/): its statistics, budgets, report and CLI on synthetic results, the
reference apps under AppTest, and one tiny real run in headless Chromium."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import apps, budgets, report
from bench.apps import ALL, OURS, entry_pages
from bench.stats import percentile, ratio, summary

ROOT = Path(__file__).resolve().parents[2]


def _page(path: str, first: float | None, change: float, bytes_change: float, primary: bool = True,
          kind: str = "svg") -> dict:
    # Three runs around each median, so that medians, not means or single runs, are checked.
    spread = (0.9, 1.0, 1.2)
    return {
        "path": path, "primary": primary, "rerun_key": "main", "no_map": first is None,
        "map_kind": [] if first is None else [kind] * 3,
        "first_map_ms": [None] if first is None else [first * s for s in spread],
        "change_ms": [change * s for s in spread],
        "bytes_load": [3e6] * 3, "bytes_change": [bytes_change * s for s in spread],
        "bytes_change_repeat": [bytes_change / 4] * 3, "probe_cost_ms": [10.0] * 3, "probe_wait_ms": [0.0] * 3,
    }


def synthetic(ours_first: float | None = 900.0, ours_change: float = 120.0, ours_bytes: float = 20e3,
              rss: float = 150.0, per_session: float = 3.0, concurrent_ms: float = 400.0,
              ref_first: float = 1500.0, ref_change: float = 300.0, scale_first: float | None = 1200.0,
              scale_change_ms: float = 20.0) -> dict:
    """A result in the shape bench/runner.py writes (see bench/results.py), with chosen medians."""
    def app(role: str, pages: dict) -> dict:
        return {"label": role, "role": role, "cold_start_ms": [500.0] * 3, "rss_idle_mib": [70.0] * 3,
                "rss_after_load_mib": [rss] * 3 if role == "ours" else [170.0] * 3, "pages": pages,
                "rerun_ms": {"main": [20.0, 25.0, 30.0]}, "errors": []}

    apps = {"floor": app("floor", {"main": _page("/", 1000.0, 100.0, 1e3, kind="widget")})}
    for i, (name, kind) in enumerate((("folium", "leaflet"), ("plotly", "maplibre"), ("pydeck", "deck"))):
        apps[name] = app("reference", {"main": _page("/", ref_first + 100 * i, ref_change + 50 * i, 150e3,
                                                     kind=kind)})
    ours = app("ours", {"karte": _page("/karte", ours_first, ours_change, ours_bytes),
                        "overview": _page("/", None, ours_change, ours_bytes, primary=False)})
    ours["memory"] = {"rss_idle_mib": 70.0, "rss_0_mib": rss, "rss_k_mib": [rss + per_session * k for k in (1, 2, 3)],
                      "per_session_mib": [per_session] * 3}
    ours["concurrency"] = {"sessions": 20, "first_map_ms": [5000.0] * 20, "change_ms": [5000.0] * 40,
                           "no_repaint": 0, "no_map": 0}
    ours["server_load"] = {"sessions": 20, "changes": 60, "change_p50_ms": concurrent_ms / 2,
                           "change_p95_ms": concurrent_ms, "change_max_ms": concurrent_ms * 1.1,
                           "load_p95_ms": 500.0, "rss_mib": rss + 5, "instances": 1}
    apps["ours"] = ours
    if scale_first is not None:  # --scale: ours-latvia, all 119 / 43 units with the synthetic data
        latvia = app("scale", {"karte": _page("/karte", scale_first, ours_change * 1.2, ours_bytes)})
        latvia["indicators"] = [
            {"vintage": vintage, "units": units, "table_rows": rows, "load_ms": 14000.0, "suppress_ms": 2000.0,
             "table_ms": 13000.0, "filter_change_ms": [scale_change_ms * f * slower for f in (0.8, 1.0, 1.5)]}
            for vintage, units, rows, slower in (("2009", 119, 235069, 1.25), ("2021", 43, 142352, 1.0))]
        apps["ours-latvia"] = latvia
    return {"meta": {"date": "2026-01-01 00:00 UTC", "nproc": 2, "chromium": "x", "streamlit": "1.67.0",
                     "settings": {"runs": 3, "changes": 4, "quick": False, "timeout_s": 90}}, "apps": apps}


def failing_keys(result: dict, quick: bool = False) -> set[str]:
    return {v.budget.key for v in budgets.check_failures(budgets.evaluate(result, quick))}


# Statistics


def test_summary_is_median_with_min_and_max_and_skips_runs_that_measured_nothing():
    s = summary([300.0, None, 100.0, 200.0, 1000.0])
    assert (s.median, s.low, s.high, s.n) == (250.0, 100.0, 1000.0, 4)
    assert summary([None]) is None and summary([]) is None


def test_percentile_interpolates_between_ranks():
    values = list(range(1, 21))  # 1 … 20
    assert percentile(values, 50) == 10.5
    assert percentile(values, 95) == pytest.approx(19.05)
    assert percentile([7.0], 95) == 7.0 and percentile([], 95) is None


def test_ratio_is_none_when_a_side_is_missing_or_not_positive():
    assert ratio(150.0, 100.0) == 1.5
    assert ratio(None, 100.0) is None and ratio(100.0, None) is None and ratio(1.0, 0.0) is None


# Budgets


def test_a_result_inside_every_budget_passes_the_check():
    verdicts = budgets.evaluate(synthetic(), quick=False)
    assert budgets.check_failures(verdicts) == []
    assert all(v.within for v in verdicts if v.budget.level == "must")
    keys = {v.budget.key for v in verdicts}
    assert keys == {b.key for b in budgets.BUDGETS}
    # The overview drew no map: it is left out rather than failed; the Map page is compared with each reference.
    subjects = [v.subject for v in verdicts if v.budget.key == "first_map_vs_references"]
    assert subjects == ["ours /karte vs folium", "ours /karte vs plotly", "ours /karte vs pydeck"]


def test_the_benchmark_starts_the_dashboard_as_every_host_does():
    # `streamlit run app.py`: Streamlit Community Cloud, the Docker image and a laptop alike.
    assert apps.OURS.script.name == "app.py" and apps.OURS in apps.by_name(None)
    assert [a.name for a in apps.by_name(None) if a.role == "ours"] == ["ours"]


def test_ratio_budgets_use_medians_of_the_same_run():
    verdicts = budgets.evaluate(synthetic(ours_first=1200.0, ours_change=150.0), quick=False)
    by_subject = {(v.budget.key, v.subject): v for v in verdicts}
    assert by_subject[("first_map_vs_references", "ours /karte vs folium")].value == pytest.approx(1200 / 1500)
    assert by_subject[("change_vs_floor", "ours /karte vs floor")].value == pytest.approx(1.5)
    goal = by_subject[("first_map_vs_floor", "ours /karte vs floor")]
    assert goal.value == pytest.approx(1.2) and goal.status == "goal met"


def test_being_behind_a_reference_fails_only_beyond_the_tolerance():
    behind = synthetic(ours_first=2000.0)  # 1.33× folium's 1500 ms: over the limit, within 50 %
    verdict = next(v for v in budgets.evaluate(behind, quick=True) if v.subject == "ours /karte vs folium"
                   and v.budget.key == "first_map_vs_references")
    assert not verdict.within and not verdict.fails_check and "within the 50% --check tolerance" in verdict.status
    assert "first_map_vs_references" not in failing_keys(behind, quick=True)
    assert "first_map_vs_references" in failing_keys(synthetic(ours_first=2300.0), quick=True)  # 1.53×
    assert "first_map_vs_references" in {v.budget.key for v in budgets.check_failures(
        budgets.evaluate(behind, quick=True, tolerance=0.0))}


def test_a_goal_is_reported_never_enforced():
    result = synthetic(ours_first=1450.0)  # 1.45× the floor's widget, still ahead of every reference
    goal = next(v for v in budgets.evaluate(result, quick=False) if v.budget.key == "first_map_vs_floor")
    assert goal.status.startswith("goal missed") and not goal.fails_check
    assert failing_keys(result) == set()


def test_quick_runs_report_absolute_times_but_enforce_bytes_and_memory():
    slow = synthetic(concurrent_ms=3000.0)
    assert failing_keys(slow, quick=True) == set()
    assert failing_keys(slow, quick=False) == {"concurrency_p95"}
    assert failing_keys(synthetic(ours_bytes=80e3), quick=True) == {"bytes_per_change"}
    assert failing_keys(synthetic(rss=320.0), quick=True) == {"rss_after_load"}
    assert failing_keys(synthetic(per_session=16.0), quick=True) == {"rss_per_session"}


def test_the_concurrency_budget_is_the_servers_p95_plus_one_browsers_repaint():
    # 20 browser pages on the server's own cores (5 s here) are reported, not budgeted: people
    # bring their own machines. Budgeted: server p95 with 20 sessions + one browser's repaint.
    result = synthetic(concurrent_ms=400.0, ours_change=120.0)
    verdict = next(v for v in budgets.evaluate(result, quick=False) if v.budget.key == "concurrency_p95")
    assert verdict.value == pytest.approx(520.0) and verdict.within
    assert "20 sessions on one server process" in verdict.subject
    text = report.render(result, budgets.evaluate(result, quick=False))
    assert "the server alone (1 process" in text and "p95 400 ms" in text
    assert "p95 5,000 ms" in text  # the browsers' figure is still shown


def test_a_server_load_that_failed_is_not_measured_and_fails_a_full_check():
    result = synthetic()
    result["apps"]["ours"]["server_load"] = None
    verdict = next(v for v in budgets.evaluate(result, quick=False) if v.budget.key == "concurrency_p95")
    assert verdict.value is None and verdict.fails_check


def test_no_map_on_the_map_page_fails_every_comparison():
    failed = failing_keys(synthetic(ours_first=None), quick=True)
    assert {"first_map_vs_references"} <= failed


def test_report_shows_medians_ranges_ratios_and_verdicts():
    result = synthetic()
    text = report.render(result, budgets.evaluate(result, quick=False))
    assert "| floor | widget | 500 [500–500] | 1,000 [900–1,200] | 1.00× |" in text
    assert "| ours /karte | svg |" in text and "| ours / | no map |" in text
    assert "0.60×" in text  # ours 900 ms / folium 1500 ms
    assert "### Budgets" in text and "PASS" in text


def test_scale_budgets_compare_latvia_with_latgale_in_the_same_run_and_time_a_filter_change():
    evaluated = budgets.evaluate(synthetic(), quick=False)
    (first,) = [v for v in evaluated if v.budget.key == "scale_first_map"]
    assert first.subject == "ours-latvia vs ours (Latgale)" and first.value == pytest.approx(1200 / 900)
    # One verdict per boundary set: the 119 pre-2021 units and the 43 current ones.
    changes = {v.subject: v for v in evaluated if v.budget.key == "scale_indicator_ms"}
    assert set(changes) == {"ours-latvia, 119 units", "ours-latvia, 43 units"}
    assert changes["ours-latvia, 119 units"].value == pytest.approx(25.0)
    assert changes["ours-latvia, 43 units"].value == pytest.approx(20.0) and changes["ours-latvia, 43 units"].within
    assert failing_keys(synthetic(scale_first=1800.0)) == set()  # 2.0×: over 1.5×, within the tolerance
    assert failing_keys(synthetic(scale_first=2100.0), quick=True) == {"scale_first_map"}  # 2.33×
    # The computation time is absolute (machine-bound): enforced by a full run, reported by a quick one.
    assert failing_keys(synthetic(scale_change_ms=90.0)) == {"scale_indicator_ms"}
    assert failing_keys(synthetic(scale_change_ms=64.0)) == {"scale_indicator_ms"}  # 119 units 80 ms, 43 units 64 ms
    assert failing_keys(synthetic(scale_change_ms=90.0), quick=True) == set()


def test_without_scale_the_scale_budgets_have_nothing_to_check():
    verdicts = budgets.evaluate(synthetic(scale_first=None), quick=False)
    assert not [v for v in verdicts if v.budget.key.startswith("scale_")]


def test_report_has_a_scale_section():
    result = synthetic()
    text = report.render(result, budgets.evaluate(result, quick=False))
    assert "Scale (all of Latvia" in text and "| ours-latvia | svg |" in text
    assert "1.33× ours (Latgale)" in text and "a filter change computes in 20" in text
    assert "119 units, indicator table 235,069 rows" in text and "43 units, indicator table 142,352 rows" in text


def test_a_result_from_before_both_vintages_were_measured_still_reads():
    result = synthetic()
    result["apps"]["ours-latvia"]["indicators"] = result["apps"]["ours-latvia"]["indicators"][1]  # one dict
    changes = [v for v in budgets.evaluate(result, quick=False) if v.budget.key == "scale_indicator_ms"]
    assert [v.subject for v in changes] == ["ours-latvia, 43 units"]
    assert "43 units, indicator table" in report.render(result, budgets.evaluate(result, quick=False))


def test_scale_adds_ours_latvia_and_the_ours_it_is_compared_with():
    from bench.apps import OURS_LATVIA, by_name

    assert OURS_LATVIA not in by_name(None)
    assert [a.name for a in by_name(["floor"], scale=True)] == ["floor", "ours", "ours-latvia"]
    assert [a.name for a in by_name(["ours-latvia"])] == ["ours-latvia"]


def test_the_scale_app_runs_with_the_latvia_extent_and_its_own_synthetic_data(tmp_path):
    from bench.apps import OURS_LATVIA, app_env

    env = app_env(OURS_LATVIA, tmp_path)
    assert env["LATGALE_DI_EXTENT"] == "latvia" and env["LATGALE_DI_DATA"] == str(tmp_path / "synthetic")
    assert env["LATGALE_DI_DB"] != app_env(OURS, tmp_path)["LATGALE_DI_DB"]
    assert app_env(OURS, tmp_path)["LATGALE_DI_EXTENT"] is None  # ours is always Latgale, real data


# The CLI's --check on a saved result (no browser)


@pytest.mark.parametrize(("overrides", "code"), [({}, 0), ({"ours_bytes": 120e3}, 1), ({"ours_change": 600.0}, 1)])
def test_check_exits_non_zero_when_a_budget_is_broken(tmp_path, overrides, code):
    saved = tmp_path / "result.json"
    saved.write_text(json.dumps(synthetic(**overrides)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bench", "--from-json", str(saved), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == code, done.stdout + done.stderr
    if code:
        assert "--check:" in done.stdout and "over the limit" in done.stdout
    else:
        assert "every enforced budget within 50%" in done.stdout


# Apps


def test_the_dashboard_pages_come_from_its_entry_point():
    pages = entry_pages(OURS.script)
    assert pages[0] == "pages/overview.py" and "pages/karte.py" in pages and len(pages) == len(set(pages)) >= 10
    assert all((ROOT / p).is_file() for p in pages)


@pytest.mark.parametrize("app", [a for a in ALL if a.role != "ours"], ids=lambda a: a.name)
def test_reference_apps_run_and_their_selectbox_changes_the_view(app):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(app.script), default_timeout=60).run()
    assert not at.exception
    spec = app.primary
    box = at.selectbox[0]
    assert box.label == spec.combobox and box.value == spec.options[0]
    box.select(spec.options[1]).run()
    assert not at.exception and at.selectbox[0].value == spec.options[1]


# One tiny real run


@pytest.mark.browser
def test_a_tiny_run_measures_the_floor_and_a_reference(tmp_path):
    out = tmp_path / "tiny.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "floor,pydeck", "--runs", "1", "--changes", "2",
         "--sessions", "0", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["apps"]) == {"floor", "pydeck"}
    for name, kind in (("floor", "widget"), ("pydeck", "deck")):
        record = result["apps"][name]
        assert record["errors"] == []
        page = record["pages"]["main"]
        assert page["map_kind"] == [kind] and not page["no_map"]
        for metric in ("first_map_ms", "change_ms", "bytes_load", "bytes_change"):
            s = summary(page[metric])
            assert s is not None and s.median > 0, (name, metric, page[metric])
        assert len(page["change_ms"]) == 2 and None not in page["change_ms"]
        assert summary(record["cold_start_ms"]).median > 0 and summary(record["rss_after_load_mib"]).median > 50
        assert summary(record["rerun_ms"]["main"]).median > 0
    # A new deck is sent on a change (hundreds of kB); the floor's rerun sends about a kilobyte.
    assert summary(result["apps"]["pydeck"]["pages"]["main"]["bytes_change"]).median > 50e3
    assert summary(result["apps"]["floor"]["pages"]["main"]["bytes_change"]).median < 10e3
    assert "| floor | widget |" in done.stdout and "×floor" in done.stdout


def test_server_load_times_simultaneous_year_changes_without_a_browser():
    # Two protocol clients (no Chromium), one change each: every change is a full run of the Map
    # page that finishes, and the figures say so.
    done = subprocess.run([sys.executable, "-m", "bench.server_load", "--sessions", "2", "--changes", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["sessions"] == 2 and figures["changes"] == 2
    assert 0 < figures["change_p50_ms"] <= figures["change_p95_ms"] <= figures["change_max_ms"]
    assert figures["rss_mib"] > 50
