"""The versioned store at scale: a large version, then a small import on top of it.

    .venv/bin/python -m bench.store                  # 200 000 rows, 5-row import, 3 runs (SQLite)
    .venv/bin/python -m bench.store --rows 50000 --runs 5
    .venv/bin/python -m bench.store --postgres postgresql://user@host:port/db   # also PostgreSQL

What it measures, each in a fresh interpreter (as ``python -m latgale_di import`` runs):

* ``seed``: the first import of ``--rows`` synthetic yearly rows into an empty store (once);
* ``small``: a 5-row import (3 changed figures, 2 new ones) into that large store;
* ``empty``: the same 5-row import into a store that holds only the shipped default dataset;
* ``same``: the same 5 rows again on top of ``small`` (nothing changes: no version should be made).

For each: wall time of the store call (open, import), the process's peak RSS, and the database's
growth: the SQLite file after the last connection closed (so the write-ahead log is folded in), or
``pg_database_size`` for PostgreSQL (``--postgres URL`` of a server where the user may create
databases: each run gets a copy of the large store made with ``CREATE DATABASE … TEMPLATE``).
Medians over ``--runs`` are printed as JSON and a Markdown table; details go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def base_rows(rows: int) -> pd.DataFrame:
    """``rows`` yearly synthetic observations (text columns, as a reader returns them)."""
    from latgale_di.ingest import months, synthetic

    years = 10
    while True:
        table = months.collapse(synthetic.observations(start=2035 - years, years=years))
        if len(table) >= rows or years > 30:
            return table.head(rows).reset_index(drop=True)
        years += 4


def small_rows(base: pd.DataFrame) -> pd.DataFrame:
    """Three existing figures with a new value and two figures for a year the store lacks."""
    changed = base.iloc[[0, len(base) // 2, len(base) - 1]].copy()
    changed["value"] = [str(int(float(v or 0)) + 1) for v in changed["value"]]
    new = base.iloc[[1, 2]].copy()
    new["year"] = "2040"
    return pd.concat([changed, new], ignore_index=True)


def _one(db: str, rows_csv: str) -> dict:
    """Run in the child: open the store, import the rows, report time and peak memory."""
    from latgale_di.store import storage

    rows = pd.read_csv(rows_csv, dtype=str, keep_default_na=False)
    started = time.perf_counter()
    store = storage.Store(db)
    store.ensure_initial()
    before = store.current()
    version = store.import_rows(rows, author="bench", file_name=Path(rows_csv).name,
                                data=Path(rows_csv).read_bytes())
    seconds = time.perf_counter() - started
    made = version is not None and (before is None or version.id != before.id)
    return {"seconds": round(seconds, 3), "peak_rss_mib": _peak_rss_mib(), "new_version": made, "rows": len(rows)}


def _peak_rss_mib() -> float:
    """This process's peak resident memory. VmHWM, not ``ru_maxrss``: Linux carries the parent's
    ``ru_maxrss`` over fork and exec, so a child would report the bench's own peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _child(db: str, rows_csv: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    done = subprocess.run([sys.executable, "-m", "bench.store", "--child", db, rows_csv], capture_output=True,
                          text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


class _SQLite:
    """Databases as files in the work folder."""

    def __init__(self, work: Path) -> None:
        self.work = work

    def location(self, name: str) -> str:
        return str(self.work / f"{name}.sqlite3")

    def fresh(self, name: str, template: str | None = None) -> str:
        db = Path(self.location(name))
        for p in self.work.glob(db.name + "*"):
            p.unlink()
        if template is not None:
            shutil.copy(self.location(template), db)
        return str(db)

    def size_kib(self, location: str) -> float:
        db = Path(location)
        return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1024


class _Postgres:
    """Databases on one PostgreSQL server, named ``bench_store_*``."""

    def __init__(self, url: str) -> None:
        self.url = url

    def location(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + f"/bench_store_{name}"

    def fresh(self, name: str, template: str | None = None) -> str:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "bench_store_{name}" WITH (FORCE)')
            like = f' TEMPLATE "bench_store_{template}"' if template else ""
            admin.execute(f'CREATE DATABASE "bench_store_{name}"{like}')
        return self.location(name)

    def size_kib(self, location: str) -> float:
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            db.execute("CHECKPOINT")
            return db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1024


def measure(rows: int, runs: int, work: Path, postgres: str | None = None) -> dict:
    base = base_rows(rows)
    base_csv, small_csv = work / "base.csv", work / "small.csv"
    base.to_csv(base_csv, index=False)
    small_rows(base).to_csv(small_csv, index=False)
    dbs: _SQLite | _Postgres = _Postgres(postgres) if postgres else _SQLite(work)

    big = dbs.fresh("big")
    seed = _child(big, str(base_csv))
    seed["db_mib"] = round(dbs.size_kib(big) / 1024, 1)
    print(f"seed: {seed}", file=sys.stderr)

    results: dict[str, list[dict]] = {"small": [], "empty": [], "same": []}
    for run in range(runs):
        for kind in ("small", "empty"):
            db = dbs.fresh(f"run_{kind}", "big" if kind == "small" else None)
            if kind == "empty":
                from latgale_di.store import storage

                storage.Store(db).ensure_initial()
            before = dbs.size_kib(db)
            got = _child(db, str(small_csv))
            got["growth_kib"] = round(dbs.size_kib(db) - before, 1)
            results[kind].append(got)
            print(f"run {run + 1} {kind}: {got}", file=sys.stderr)
            if kind == "small":
                before = dbs.size_kib(db)
                again = _child(db, str(small_csv))
                again["growth_kib"] = round(dbs.size_kib(db) - before, 1)
                results["same"].append(again)
                print(f"run {run + 1} same: {again}", file=sys.stderr)
    out = {"rows": rows, "runs": runs, "database": "postgresql" if postgres else "sqlite", "seed": seed}
    for kind, got in results.items():
        out[kind] = {k: statistics.median(r[k] for r in got) for k in ("seconds", "peak_rss_mib", "growth_kib")}
        out[kind]["new_version"] = [r["new_version"] for r in got]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.store", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default=None, metavar="URL",
                        help="measure on this PostgreSQL server instead of SQLite files")
    parser.add_argument("--child", nargs=2, metavar=("DB", "ROWS_CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_one(*args.child)))
        return 0
    with tempfile.TemporaryDirectory(prefix="latgale-di-bench-store-") as tmp:
        os.environ["LATGALE_DI_LOG_JSON"] = "0"
        result = measure(args.rows, args.runs, Path(tmp), args.postgres)
    print(json.dumps(result))
    print(f"\n| {result['database']}: {args.rows:,} rows in the store, then | median s | peak RSS MiB | "
          "DB growth KiB |")
    print("|---|---:|---:|---:|")
    print(f"| seed: the {args.rows:,}-row first import (one run) | {result['seed']['seconds']} | "
          f"{result['seed']['peak_rss_mib']} | {result['seed']['db_mib']} MiB in all |")
    labels = {"small": "5-row import into the large store", "empty": "5-row import into the default store",
              "same": "the same 5 rows again (no change)"}
    for kind, label in labels.items():
        r = result[kind]
        print(f"| {label} | {r['seconds']} | {r['peak_rss_mib']} | {r['growth_kib']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
