"""bench.imports measures what an upload of a large file costs (a tiny run here; no timing asserted)."""

from __future__ import annotations

import json

from bench import imports


def test_the_import_benchmark_reads_both_kinds_and_reports_time_and_memory(capsys):
    assert imports.main(["--rows", "300", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    results = json.loads(out[:out.index("\n}") + 2])
    assert set(results) == {"csv", "xlsx"}
    for r in results.values():
        assert r["ok"] and r["accepted_rows"] == 300 and r["seconds"] > 0 and r["rss_mib"] > 0
    assert "| csv | 300 |" in out
