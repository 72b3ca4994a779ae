"""bench/store.py on a small store: it runs, and it reports what the store did (not how fast)."""

from __future__ import annotations

from bench import store as bench_store


def test_the_store_benchmark_reports_versions_and_growth(tmp_path, monkeypatch):
    monkeypatch.setenv("LATGALE_DI_LOG_JSON", "0")
    result = bench_store.measure(rows=400, runs=1, work=tmp_path)
    assert result["seed"]["rows"] == 400 and result["database"] == "sqlite"
    assert result["small"]["new_version"] == [True] and result["empty"]["new_version"] == [True]
    assert result["same"]["new_version"] == [False] and result["same"]["growth_kib"] == 0
    assert 0 <= result["small"]["growth_kib"] < 64  # the change, not a copy of the 400 rows
    assert result["small"]["peak_rss_mib"] > 0 and result["small"]["seconds"] > 0
