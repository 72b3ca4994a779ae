"""Command line: ``python -m latgale_di indicators|briefing|validate|import|build-data``.

Exit codes: 0 success; 1 the data were rejected (one line per problem) or no PDF could be made; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from latgale_di import access, boundaries


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors; keep that, say why
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
    ind.add_argument("--maintainer", default=None, metavar="NAME",
                     help="show counts below the privacy threshold too: a maintainer in the secrets file "
                          "(password from $LATGALE_DI_PASSWORD or standard input)")

    brief = sub.add_parser("briefing", help="write a one-page PDF briefing of one municipality")
    brief.add_argument("--atvk", required=True, metavar="CODE",
                       help="ATVK code of a municipality of the chosen boundaries (e.g. 0780200 Rēzeknes novads)")
    brief.add_argument("--lang", choices=("lv", "en"), default="lv")
    brief.add_argument("--out", required=True, metavar="FILE.pdf")
    brief.add_argument("--year", type=int, default=2019)
    brief.add_argument("--vintage", choices=boundaries.VINTAGES, default=None,
                       help="boundary vintage (default: 2009 for years before 2021, else 2021)")
    brief.add_argument("--maintainer", default=None, metavar="NAME",
                       help="show counts below the privacy threshold too (as for 'indicators')")

    val = sub.add_parser("validate", help="check a data file against the contract")
    val.add_argument("file")
    val.add_argument("--kind", choices=("observations", "facilities", "population"), default=None)

    imp = sub.add_parser("import", help="import a data file as a new dataset version (nothing is written if it "
                                        "has errors)")
    imp.add_argument("file")
    imp.add_argument("--sheet", default=None, help="XLSX sheet name (default: the first sheet)")
    imp.add_argument("--author", required=True, help="who imports (kept with the version)")
    imp.add_argument("--note", default="")
    imp.add_argument("--db", default=None, help="SQLite file or postgresql:// URL "
                     "(default: $DATABASE_URL, else $LATGALE_DI_DB, else var/latgale_di.sqlite3)")

    sub.add_parser("hash-password", help="read a password from standard input and print its hash for "
                                         "secrets.toml [maintainers]")

    syn = sub.add_parser("synthetic", help="write a SYNTHETIC dataset (all Latvian units, monthly) for scale tests")
    syn.add_argument("--out", required=True, type=Path, help="folder to write (never data/)")
    syn.add_argument("--seed", type=int, default=None)
    syn.add_argument("--start", type=int, default=None, help="first year (default 2016)")
    syn.add_argument("--years", type=int, default=None, help="how many years (default 10)")

    build = sub.add_parser("build-data", help="rebuild data/ from data/sources/ (the research pack)")
    build.add_argument("--check", action="store_true", help="only report whether data/ is up to date")
    return parser


def default_vintage(year: int) -> str:
    """Before the reform took effect (2021-07-01) figures are mostly for the 21 old units."""
    return "2009" if year < 2021 else "2021"


def _number(value: float) -> str:
    """Up to 4 decimals, no exponent, no trailing zeros; missing → empty."""
    return "" if value != value else format(round(float(value), 4), ".15g")


def _is_maintainer(name: str) -> bool:
    import os

    password = os.environ.get("LATGALE_DI_PASSWORD")
    if password is None:
        import getpass

        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    return access.check_user(access.maintainers_in(access.secrets_path()), name, password)


def _indicators(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from latgale_di import dataset, indicators, privacy, vocab
    from latgale_di.safety import neutralise_formula

    data = dataset.load(args.data) if args.data else dataset.load()
    if args.maintainer is None:
        data = replace(data, observations=privacy.suppress(data.observations))
    elif not _is_maintainer(args.maintainer):
        print(f"{args.maintainer}: wrong user name or password for a maintainer in {access.secrets_path()}",
              file=sys.stderr)
        return 2
    vintage = args.vintage or default_vintage(args.year)
    table = indicators.compute(data, vintage=vintage, year=args.year)
    columns = ["year", "atvk", "municipality", "vintage", "target_group", "service", "indicator",
               "value", "unit", "status", "source"]
    # A hidden count prints as its bound ("<5"); every text cell is safe to open in a spreadsheet.
    shown = [f"<{m + 1:g}" if s == vocab.SUPPRESSED and m == m else _number(v)
             for v, s, m in zip(table["value"], table["status"], table["value_max"])]
    table = table[columns].assign(value=shown)
    for column in ("municipality", "source"):
        table[column] = table[column].map(neutralise_formula)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif table.empty:
        print(f"no figures for {args.year} in the {vintage} boundaries")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.width", 250,
                               "display.max_colwidth", 40):
            print(table.to_string(index=False))
    return 0


def _briefing(args: argparse.Namespace) -> int:
    """Write the PDF briefing atomically: a temporary file in the target folder, then a rename."""
    import os
    import tempfile
    import time
    from dataclasses import replace
    from pathlib import Path

    from latgale_di import briefing, dataset, indicators, privacy, storage

    started = time.monotonic()
    vintage = args.vintage or default_vintage(args.year)
    units = boundaries.units(vintage)
    if args.atvk not in units:
        other = boundaries.vintage_of(args.atvk)
        hint = f" (it is a {other} code: add --vintage {other})" if other else ""
        codes = ", ".join(f"{code} {u.name_lv}" for code, u in units.items())
        print(f"ATVK {args.atvk!r} is not a municipality of the {vintage} boundaries{hint}; valid codes: {codes}",
              file=sys.stderr)
        return 2
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"{out}: no folder {out.parent}", file=sys.stderr)
        return 2
    suppress_below = privacy.threshold()
    if args.maintainer is not None:
        if not _is_maintainer(args.maintainer):
            print(f"{args.maintainer}: wrong user name or password for a maintainer in {access.secrets_path()}",
                  file=sys.stderr)
            return 2
        suppress_below = 0

    # What the app shows: the store's current version if there is a store, else the shipped data.
    data = dataset.load()
    location = storage.default_location()
    if storage.is_postgres(location) or Path(location).exists():
        store = storage.Store(location)
        version = store.current()
        if version is not None:
            data = dataset.from_version(data, store.observations(version.id), version.id, version.created_at,
                                        version.action)
    data = replace(data, observations=privacy.suppress(data.observations, suppress_below))
    table = indicators.compute(data, vintage=vintage)
    try:
        document = briefing.pdf(data, table, args.atvk, args.year, vintage, args.lang,
                                suppress_below=suppress_below)
    except RuntimeError as exc:
        print(f"could not make the PDF: {exc}", file=sys.stderr)
        return 1
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(document)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    print(f"{out} ({len(document) // 1024} KB) in {time.monotonic() - started:.1f} s")
    return 0


def _read(path: str, sheet: str | None = None, kind: str | None = None):
    from pathlib import Path

    from latgale_di import importing
    from latgale_di.contract import Problem

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return importing.Reading(path, problems=[Problem(path, None, None, f"no readable file ({exc.strerror})",
                                                         "a path to a CSV or XLSX file")])
    return importing.read(path, data, sheet=sheet, kind=kind)


def _validate(args: argparse.Namespace) -> int:
    reading = _read(args.file, kind=args.kind)
    for problem in reading.problems:
        print(problem)
    if reading.ok:
        print(f"{args.file}: valid {reading.kind} ({len(reading.problems)} warning(s))")
        return 0
    print(f"{args.file}: rejected, {sum(p.severity == 'error' for p in reading.problems)} error(s)", file=sys.stderr)
    return 1


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from latgale_di import storage

    reading = _read(args.file, sheet=args.sheet, kind="observations")
    for problem in reading.problems:
        print(problem)
    if not reading.ok:
        print(f"{args.file}: rejected, nothing was written", file=sys.stderr)
        return 1
    store = storage.Store(args.db or storage.default_location())
    store.ensure_initial()
    version = store.import_rows(reading.table, author=args.author, file_name=Path(args.file).name,
                                data=Path(args.file).read_bytes(), note=args.note)
    if version is None:
        current = store.current()
        print(f"{args.file}: nothing to import: every figure is already in the current version "
              f"{current.id if current else ''} (numbers compared as numbers); no new version was made")
        return 0
    print(f"{args.file}: imported as version {version.id} ({version.summary})")
    return 0


def _hash_password(args: argparse.Namespace) -> int:
    import getpass

    from latgale_di.access import hash_password

    password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        print("an empty password cannot be used", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


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


def _synthetic(args: argparse.Namespace) -> int:
    from latgale_di import synthetic

    options = {k: getattr(args, k) for k in ("seed", "start", "years") if getattr(args, k) is not None}
    for name in synthetic.generate(args.out, **options):
        print(f"wrote {args.out / name}")
    print(f"{synthetic.LABEL}: run with LATGALE_DI_EXTENT=latvia LATGALE_DI_DATA={args.out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"indicators": _indicators, "briefing": _briefing, "validate": _validate, "import": _import,
                "build-data": _build, "hash-password": _hash_password, "synthetic": _synthetic}
    return handlers[args.command](args)
