"""``python -m bench``: measure the dashboard and the reference apps, print the table, check budgets.

    .venv/bin/python -m bench                     # the full run (5 server starts per app, ~10 min)
    .venv/bin/python -m bench --quick --check     # the CI regression guard (~3 min on 2 cores)
    .venv/bin/python -m bench --only floor,ours --runs 1
    .venv/bin/python -m bench --from-json out.json --check   # check a saved result again

Progress goes to stderr, the report (Markdown) to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import replace
from pathlib import Path

from bench import budgets, report, runner
from bench.apps import ALL
from bench.settings import FULL, QUICK


def _names(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description="Benchmark the dashboard against reference apps in the same run.")
    parser.add_argument("--runs", type=int, help="server starts per app (default 5; quick 2)")
    parser.add_argument("--quick", action="store_true", help="the short CI run: 2 runs, 4 sessions, the Map page only")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help=f"measure only these apps (comma-separated or repeated): {', '.join(a.name for a in ALL)}")
    parser.add_argument("--scale", action="store_true",
                        help="also measure ours-latvia (all 43/119 municipalities, synthetic data) against ours")
    parser.add_argument("--sessions", type=int, help="concurrent sessions (default 20; quick 4; 0 skips)")
    parser.add_argument("--changes", type=int, help="selectbox changes per visit (default 4; quick 2)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw result here")
    parser.add_argument("--from-json", type=Path, metavar="IN",
                        help="do not measure: report (and check) a saved result")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if an enforced budget is exceeded by more than the tolerance")
    parser.add_argument("--tolerance", type=float, default=budgets.DEFAULT_TOLERANCE,
                        help="how far over a budget --check lets pass, as a fraction (default 0.5 = 50%%)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        settings = QUICK if args.quick else FULL
        for field in ("runs", "sessions", "changes"):
            if getattr(args, field) is not None:
                settings = replace(settings, **{field: getattr(args, field)})
        results = asyncio.run(runner.run(settings, _names(args.only), log=lambda m: print(m, file=sys.stderr,
                                                                                             flush=True),
                                         scale=args.scale))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    quick = args.quick or bool(results.get("meta", {}).get("settings", {}).get("quick"))
    verdicts = budgets.evaluate(results, quick, args.tolerance)
    print(report.render(results, verdicts))
    if args.check:
        failed = budgets.check_failures(verdicts)
        if failed:
            print(f"--check: {len(failed)} budget(s) exceeded by more than {args.tolerance:.0%}:")
            for v in failed:
                over = "not measured" if v.excess is None else f"{v.excess:+.0%} over the limit"
                print(f"  {v.budget.key} [{v.subject}]: {over}")
            return 1
        print(f"--check: every enforced budget within {args.tolerance:.0%} of its limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
