"""Command line: ``python -m latgale_di indicators|validate|build-data``.

Exit codes: 0 success; 1 the data were rejected (one line per problem); 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from latgale_di import boundaries


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep that, say why
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m latgale_di", description="Latgale DI dashboard: data tools.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ind = sub.add_parser("indicators", help="print the indicator table for a year")
    ind.add_argument("--year", type=int, required=True)
    ind.add_argument("--vintage", choices=boundaries.VINTAGES, default=None,
                     help="boundary vintage (default: 2009 for years before 2021, else 2021)")
    ind.add_argument("--format", choices=("table", "csv"), default="table")
    ind.add_argument("--data", default=None, help="dataset folder (default: the shipped data/)")

    val = sub.add_parser("validate", help="check a data file against the contract")
    val.add_argument("file")
    val.add_argument("--kind", choices=("observations", "facilities", "population"), default=None)

    build = sub.add_parser("build-data", help="rebuild data/ from data/sources/ (the research pack)")
    build.add_argument("--check", action="store_true", help="only report whether data/ is up to date")
    return parser


def default_vintage(year: int) -> str:
    """Before the reform took effect (2021-07-01) figures are mostly for the 21 old units."""
    return "2009" if year < 2021 else "2021"


def _indicators(args: argparse.Namespace) -> int:
    from latgale_di import dataset, indicators

    data = dataset.load(args.data) if args.data else dataset.load()
    vintage = args.vintage or default_vintage(args.year)
    table = indicators.compute(data, vintage=vintage, year=args.year)
    columns = ["year", "atvk", "municipality", "vintage", "target_group", "service", "indicator",
               "value", "unit", "status", "source"]
    table = table[columns]
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, float_format="%.4g", lineterminator="\n")
    elif table.empty:
        print(f"no figures for {args.year} in the {vintage} boundaries")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.width", 250,
                               "display.max_colwidth", 40):
            print(table.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from latgale_di.contract import validate_file

    report = validate_file(args.file, args.kind)
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(f"{args.file}: valid {report.kind} ({len(report.warnings)} warning(s))")
        return 0
    print(f"{args.file}: rejected, {len(report.errors)} error(s)", file=sys.stderr)
    return 1


def _build(args: argparse.Namespace) -> int:
    from latgale_di import default_data

    if args.check:
        stale = default_data.differences()
        for name in stale:
            print(f"data/{name} differs from what data/sources builds", file=sys.stderr)
        return 1 if stale else 0
    for name in default_data.write():
        print(f"wrote data/{name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"indicators": _indicators, "validate": _validate, "build-data": _build}
    return handlers[args.command](args)
