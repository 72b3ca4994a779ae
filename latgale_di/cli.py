"""Command line: ``python -m latgale_di indicators|briefing|validate|import|build-data``.

``indicators``, ``briefing`` and ``validate`` read what the app shows: the store's current version
(``--version N`` for an older one, ``--data DIR`` for a dataset folder; see ``latgale_di.store.shown_data``).
A person at a terminal sees the answer only; the JSON log lines a server writes to stderr are
written with ``--log-json`` (or ``LATGALE_DI_LOG_JSON=1``).

Exit codes: 0 success; 1 the data were rejected (one line per problem) or no PDF could be made; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from latgale_di.server import access
from latgale_di.territory import boundaries

if TYPE_CHECKING:
    from latgale_di.store.shown_data import Shown


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors; keep that, say why
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


_DB_HELP = "SQLite file or postgresql:// URL (default: $DATABASE_URL, else $LATGALE_DI_DB, else var/latgale_di.sqlite3)"
_LOG_JSON_HELP = "write the JSON log lines a server writes (to stderr); default: only the answer"


def _data_options(parser: argparse.ArgumentParser, what: str) -> None:
    """Which data a reading command uses: the store's current version unless told otherwise."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", default=None, metavar="DIR",
                        help=f"{what} a dataset folder instead of the store (e.g. data/)")
    source.add_argument("--version", type=int, default=None, metavar="N",
                        help=f"{what} version N of the store (default: its current version, as the app shows)")
    parser.add_argument("--db", default=None, help=_DB_HELP)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m latgale_di", description="Latgale DI dashboard: data tools.")
    parser.add_argument("--log-json", action="store_true", help=_LOG_JSON_HELP)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ind = sub.add_parser("indicators", help="print the indicator table for a year")
    ind.add_argument("--year", type=int, required=True)
    ind.add_argument("--vintage", choices=boundaries.VINTAGES, default=None,
                     help="boundary vintage (default: 2009 for years before 2021, else 2021)")
    ind.add_argument("--format", choices=("table", "csv"), default="table")
    _data_options(ind, "compute from")
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
                       help="boundary vintage (default: the one the ATVK code belongs to)")
    _data_options(brief, "brief from")
    brief.add_argument("--maintainer", default=None, metavar="NAME",
                       help="show counts below the privacy threshold too (as for 'indicators')")

    val = sub.add_parser("validate", help="check a data file against the contract")
    val.add_argument("file")
    val.add_argument("--kind", choices=("observations", "facilities", "population"), default=None)
    _data_options(val, "compare observations with")

    imp = sub.add_parser("import", help="import a data file as a new dataset version (nothing is written if it "
                                        "has errors)")
    imp.add_argument("file")
    imp.add_argument("--sheet", default=None, help="XLSX sheet name (default: the first sheet)")
    imp.add_argument("--author", required=True, help="who imports (kept with the version)")
    imp.add_argument("--note", default="")
    imp.add_argument("--db", default=None, help=_DB_HELP)

    sub.add_parser("hash-password", help="read a password from standard input and print its hash for "
                                         "secrets.toml [maintainers]")

    syn = sub.add_parser("synthetic", help="write a SYNTHETIC dataset (all Latvian units, monthly) for scale tests")
    syn.add_argument("--out", required=True, type=Path, help="folder to write (never data/)")
    syn.add_argument("--seed", type=int, default=None)
    syn.add_argument("--start", type=int, default=None, help="first year (default 2016)")
    syn.add_argument("--years", type=int, default=None, help="how many years (default 10)")

    build = sub.add_parser("build-data", help="rebuild data/ from data/sources/ (the research pack)")
    build.add_argument("--check", action="store_true", help="only report whether data/ is up to date")

    audit = sub.add_parser("privacy-audit", help="play the attacker on what the public sees: can any hidden small "
                                                 "count be worked out from the published figures? (exit 1 if so)")
    _data_options(audit, "audit")

    for command in sub.choices.values():  # also after the command: `import FILE --log-json`
        command.add_argument("--log-json", action="store_true", default=argparse.SUPPRESS, help=_LOG_JSON_HELP)
    return parser


def default_vintage(year: int) -> str:
    """Before the reform took effect (2021-07-01) figures are mostly for the 21 old units."""
    return "2009" if year < 2021 else "2021"


def _number(value: float) -> str:
    """Up to 4 decimals, no exponent, no trailing zeros; missing → empty."""
    return "" if value != value else format(round(float(value), 4), ".15g")


def shown_value(value: float, status: str, low: float, high: float, unit: str = "") -> str:
    """A figure as printed: the number; a hidden count as its bound (``<5``); a figure a source
    gives only as bounds with its qualifier, as the map labels it (``>80`` for "more than 80 %",
    ``2–3``, ``<20``), never a blank."""
    from latgale_di.core import vocab

    if value == value:
        return _number(value)
    if status == vocab.SUPPRESSED:
        return f"<{high + 1:g}" if high == high else ""
    if low == low and (high != high or (unit == "%" and high >= 100)):
        return f">{_number(low)}"
    if low == low and high == high:
        return _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    return f"<{_number(high)}" if high == high else ""


def _shown(args: argparse.Namespace) -> Shown | None:
    """The data the command reads (see ``latgale_di.store.shown_data``), or None after saying why not."""
    from latgale_di.store import shown_data

    try:
        return shown_data.choose(args.data, args.version, args.db)
    except shown_data.Unavailable as exc:
        print(exc, file=sys.stderr)
        return None


def _is_maintainer(name: str) -> bool:
    import os

    password = os.environ.get("LATGALE_DI_PASSWORD")
    if password is None:
        import getpass

        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    return access.check_user(access.maintainers_in(access.secrets_path()), name, password)


def _indicators(args: argparse.Namespace) -> int:

    from latgale_di.analysis import figures
    from latgale_di.confidentiality import privacy
    from latgale_di.core.safety import neutralise_formula

    shown = _shown(args)
    if shown is None:
        return 2
    data = shown.dataset()
    if args.maintainer is None:
        data = privacy.public(data)
    elif not _is_maintainer(args.maintainer):
        print(f"{args.maintainer}: wrong user name or password for a maintainer in {access.secrets_path()}",
              file=sys.stderr)
        return 2
    vintage = args.vintage or default_vintage(args.year)
    # The year view the app shows: stocks as of the year, sites summed (latgale_di.analysis.figures).
    table = figures.table(data, vintage, [args.year])
    columns = ["year", "atvk", "municipality", "vintage", "target_group", "service", "indicator",
               "value", "unit", "status", "source"]
    # A hidden count prints as its bound ("<5"), a range with its qualifier ("2–3", ">80");
    # every text cell is safe to open in a spreadsheet.
    values = [shown_value(v, s, lo, hi, u) for v, s, lo, hi, u in
              zip(table["value"], table["status"], table["value_min"], table["value_max"], table["unit"])]
    table = table[columns].assign(value=values)
    for column in ("municipality", "source"):
        table[column] = table[column].map(neutralise_formula)
    if args.format == "csv":  # standard output stays one CSV table; where it comes from goes beside it
        print(f"data: {shown.label}", file=sys.stderr)
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(f"data: {shown.label}")
    if table.empty:
        print(f"no figures for {args.year} in the {vintage} boundaries")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.width", 250,
                               "display.max_colwidth", 40):
            print(table.to_string(index=False))
    return 0


def briefing_vintage(atvk: str, given: str | None) -> tuple[str | None, str]:
    """The boundary vintage of a briefing: the one the code belongs to; ``--vintage`` is needed
    only for a code of both vintages, and must agree with the code. (vintage, "") or (None, why)."""
    holding = sorted(v for v in boundaries.VINTAGES if atvk in boundaries.units(v))
    if given is not None and given in holding:
        return given, ""
    if given is None and len(holding) == 1:
        return holding[0], ""
    if given is None and holding:
        options = " or ".join(f"--vintage {v}" for v in holding)
        both = " and the ".join(holding)
        return None, f"ATVK {atvk!r} is a municipality of both the {both} boundaries: add {options}"
    shown = [given] if given is not None else list(boundaries.VINTAGES)
    hint = f" (it is a {holding[0]} code: leave out --vintage or give --vintage {holding[0]})" if holding else ""
    codes = "; ".join(f"{v}: " + ", ".join(f"{code} {u.name_lv}" for code, u in boundaries.units(v).items())
                      for v in shown)
    where = f"the {given} boundaries" if given is not None else "either boundary set"
    return None, f"ATVK {atvk!r} is not a municipality of {where}{hint}; valid codes: {codes}"


def _briefing(args: argparse.Namespace) -> int:
    """Write the PDF briefing atomically: a temporary file in the target folder, then a rename."""
    import os
    import tempfile
    import time
    from pathlib import Path

    from latgale_di.analysis import figures
    from latgale_di.confidentiality import privacy
    from latgale_di.render import briefing

    started = time.monotonic()
    vintage, why = briefing_vintage(args.atvk, args.vintage)
    if vintage is None:
        print(why, file=sys.stderr)
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

    shown = _shown(args)  # what the app shows: the store's current version, unless told otherwise
    if shown is None:
        return 2
    data = shown.dataset()
    data = privacy.public(data, suppress_below)
    table = figures.table(data, vintage, sorted(set(data.years()) | {args.year}))
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

    from latgale_di.ingest import importing
    from latgale_di.ingest.contract import Problem

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
        if reading.kind == "observations" and reading.table is not None:
            return _compare_with_shown(args, reading.table)
        return 0
    print(f"{args.file}: rejected, {sum(p.severity == 'error' for p in reading.problems)} error(s)", file=sys.stderr)
    return 1


def _compare_with_shown(args: argparse.Namespace, rows) -> int:
    """What importing the file would do to the data the app shows (figures already there, new,
    changed), numbers compared as numbers: the check for a file imported twice."""
    from latgale_di.store import storage

    shown = _shown(args)
    if shown is None:
        return 2
    changes = storage.compare(shown.rows, rows)
    same = len(rows) - len(changes.added)
    print(f"{args.file}: against {shown.label}: {changes.diff['added']} new figure(s), "
          f"{changes.diff['changed']} changed, {same} row(s) already there with the same value")
    if changes.empty:
        print(f"{args.file}: every figure is already there: importing it would make no new version")
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from latgale_di.store import storage

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

    from latgale_di.server.access import hash_password

    password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        print("an empty password cannot be used", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


def _build(args: argparse.Namespace) -> int:
    from latgale_di.ingest import default_data

    if args.check:
        stale = default_data.differences()
        for name in stale:
            print(f"data/{name} differs from what data/sources builds", file=sys.stderr)
        return 1 if stale else 0
    for name in default_data.write():
        print(f"wrote data/{name}")
    return 0


def _synthetic(args: argparse.Namespace) -> int:
    from latgale_di.ingest import synthetic

    options = {k: getattr(args, k) for k in ("seed", "start", "years") if getattr(args, k) is not None}
    for name in synthetic.generate(args.out, **options):
        print(f"wrote {args.out / name}")
    print(f"{synthetic.LABEL}: run with LATGALE_DI_EXTENT=latvia LATGALE_DI_DATA={args.out}")
    return 0


def _privacy_audit(args: argparse.Namespace) -> int:
    from latgale_di.confidentiality import disclosure, privacy

    shown = _shown(args)
    if shown is None:
        return 2
    below = privacy.threshold()
    if below <= 1:
        print("the privacy threshold is off ($LATGALE_DI_SUPPRESS_BELOW): nothing is hidden, nothing to audit")
        return 0
    public = privacy.public(shown.dataset(), below)
    findings = disclosure.audit(public.observations, below, privacy.PERSON_COUNTS, public.facilities)
    hidden = int((public.observations["status"] == "suppressed").sum())
    print(f"data: {shown.label}")
    if not findings:
        print(f"safe: each of the {hidden} hidden figures can still be anything from 1 to {below - 1} (or is a "
              f"secondary cell) given every published figure and relation")
        return 0
    print(f"UNSAFE: {len(findings)} hidden counts can be narrowed from the published figures:")
    for finding in findings:
        print(f"  {finding.text()}")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    import os

    from latgale_di.core import logs

    args = _parser().parse_args(argv)
    handlers = {"indicators": _indicators, "briefing": _briefing, "validate": _validate, "import": _import,
                "build-data": _build, "hash-password": _hash_password, "synthetic": _synthetic,
                "privacy-audit": _privacy_audit}
    # JSON log lines are for servers and their collectors; a person at a terminal sees the answer.
    wanted = bool(getattr(args, "log_json", False)) or os.environ.get("LATGALE_DI_LOG_JSON") == "1"
    previous = logs.use_json_lines(wanted)
    try:
        return handlers[args.command](args)
    finally:
        logs.use_json_lines(previous)
