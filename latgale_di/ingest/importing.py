"""Read the files people really have into contract tables, with precise problems when they can't.

Accepted: CSV in UTF-8 (with or without BOM) or Windows-1257, comma, semicolon or tab separated,
decimal comma; XLSX (first sheet or a named one); Latvian or English column headers; vocabulary
values as codes or as their Latvian/English labels; municipalities in any form the name matcher
accepts. Nothing here writes anything: ``read`` returns a table in contract form, or problems.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.core import digits, i18n, logs, vocab
from latgale_di.core.folding import fold
from latgale_di.ingest import contract, derive, months
from latgale_di.ingest.contract import Problem

MAX_BYTES = 10 * 1024 * 1024  # a year of figures is a few hundred kB; anything bigger is a mistake
# Checked before a file is parsed: 10 MB of XLSX can hold millions of short rows.
MAX_ROWS = 200_000
MAX_CELLS = 4_000_000
_XLSX_BATCH = 20_000  # rows of a workbook turned into a table at a time

# Header aliases, folded (lower case, no diacritics, single spaces). English codes map to themselves.
HEADER_ALIASES: dict[str, str] = {
    "gads": "year", "year": "year",
    "atvk": "atvk", "atvk kods": "atvk", "pasvaldiba": "atvk", "municipality": "atvk", "novads": "atvk",
    "robezas": "vintage", "robezu versija": "vintage", "vintage": "vintage", "boundaries": "vintage",
    "merkgrupa": "target_group", "merka grupa": "target_group", "target group": "target_group",
    "pakalpojums": "service", "service": "service",
    "raditajs": "indicator", "indicator": "indicator",
    "vertiba": "value", "value": "value", "skaits": "value",
    "mervieniba": "unit", "unit": "unit",
    "statuss": "status", "status": "status",
    "avots": "source", "source": "source",
    "piezime": "note", "piezimes": "note", "note": "note", "notes": "note",
    "min vertiba": "value_min", "value min": "value_min", "max vertiba": "value_max", "value max": "value_max",
    "menesis": "month", "month": "month",
}
_NUMBER_COLUMNS: tuple[str, ...] = ("year", "month", "value", "value_min", "value_max", "places", "occupied", "lat",
                                    "lon")
_VOCAB_COLUMNS: dict[str, dict[str, vocab.Term]] = {
    "target_group": vocab.TARGET_GROUPS, "service": vocab.SERVICES, "indicator": vocab.STORED_INDICATORS,
    "status": vocab.STORED_STATUSES,
}


@dataclass
class Reading:
    """The outcome of reading one file: a contract table, or the problems that stopped it."""

    file: str
    table: pd.DataFrame | None = None
    kind: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.table is not None and not any(p.severity == "error" for p in self.problems)


def _file_problem(name: str, found: i18n.Message, expected: i18n.Message) -> Reading:
    return Reading(name, problems=[Problem.of(name, None, None, found, expected)])


def _decode(data: bytes) -> str | None:
    """The text: UTF-8 (with or without BOM), else Windows-1257; None if it is neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1257"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _file_type(data: bytes) -> str | None:
    """What a file that is neither CSV nor XLSX is, from its first bytes ("file_pdf" …), else None."""
    if data.startswith(b"%PDF"):
        return "file_pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "file_xls"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None  # a damaged workbook: the workbook reader says so
        if "mimetype" in names and b"opendocument.spreadsheet" in data[:200]:
            return "file_ods"
        if not any(n.startswith("xl/") for n in names):
            return "file_zip"
    return None


def _too_many_rows(name: str, rows: int) -> Reading | None:
    if rows > MAX_ROWS:
        return _file_problem(name, i18n.message("found_rows_over", rows=rows),
                             i18n.message("exp_rows_at_most", limit=MAX_ROWS))
    return None


def _read_csv(name: str, data: bytes) -> pd.DataFrame | Reading:
    # Lines are counted before anything is parsed.
    over = _too_many_rows(name, data.count(b"\n") - (0 if data.endswith(b"\n") else -1) - 1)
    if over is not None:
        return over
    if b"\x00" in data[:4096]:
        return _file_problem(name, i18n.message("found_binary"), i18n.message("exp_text_file"))
    text = _decode(data)
    if text is None:
        return _file_problem(name, i18n.message("found_encoding"), i18n.message("exp_encoding"))
    if not text.strip():
        return _file_problem(name, i18n.message("found_empty_file"), i18n.message("exp_header_and_row"))
    first = text.splitlines()[0]
    delimiter = _delimiter(first)
    fast = _read_csv_fast(text, delimiter)
    if fast is not None:
        return fast
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        return _file_problem(name, i18n.message("found_not_csv", error=str(exc)), i18n.message("exp_csv_records"))
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    problems = []
    for i, r in enumerate(rows[1:], start=2):
        if any(cell.strip() for cell in r) and len(r) != len(header):
            problems.append(Problem.of(name, i, None, i18n.message("found_cells", n=len(r)),
                                       i18n.message("exp_cells", n=len(header))))
    if problems:
        return Reading(name, problems=problems)
    return pd.DataFrame([r + [""] * (len(header) - len(r)) for r in body], columns=header, dtype=str)


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV would hold (2021.0 → "2021", a date → its ISO form)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return str(value).upper()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_csv_fast(text: str, delimiter: str) -> pd.DataFrame | None:
    """The table through Arrow's CSV reader (a large file in a fraction of the time and memory of
    Python's csv module), every cell as text; None when any row has the wrong number of cells or
    the header is unusual: the careful reader then names each such row."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        header = next(csv.reader(io.StringIO(text.split("\n", 1)[0], newline=""), delimiter=delimiter), [])
        # Arrow pads a short last line instead of reporting it: that one line is counted here.
        last = next((line for line in reversed(text.splitlines()) if line.strip()), "")
        last_cells = next(csv.reader(io.StringIO(last, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return None
    if not header or len(set(header)) != len(header) or any(not h.strip() for h in header) \
            or len(last_cells) != len(header) or "\r" in header[-1]:
        return None
    wrong: list[int] = []

    def invalid(row: object) -> str:
        wrong.append(1)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, ValueError):
        return None
    if wrong or table.column_names != header:
        return None
    frame = table.to_pandas(types_mapper=lambda t: pd.StringDtype() if t == pa.string() else None)
    filled = pd.Series(False, index=frame.index)
    for column in frame.columns:  # rows of empty cells only are skipped, as the careful reader does
        filled |= frame[column].str.strip().ne("").fillna(False).astype(bool)
    return frame[filled].reset_index(drop=True)


def _read_xlsx(name: str, data: bytes, sheet: str | None) -> pd.DataFrame | Reading:
    # calamine (Rust) reads a 200 000-row sheet in a second or two; openpyxl took about half a minute.
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — any reader error means the workbook cannot be read
        return _file_problem(name, i18n.message("found_damaged_workbook", error=type(exc).__name__),
                             i18n.message("exp_workbook"))
    if sheet is not None and sheet not in book.sheet_names:
        sheets = ", ".join(book.sheet_names)
        return _file_problem(name, i18n.message("found_no_sheet", sheet=repr(sheet), sheets=sheets),
                             i18n.message("exp_sheet"))
    try:
        ws = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    except Exception as exc:  # noqa: BLE001
        return _file_problem(name, i18n.message("found_damaged_workbook", error=type(exc).__name__),
                             i18n.message("exp_workbook"))
    # The sheet's size, before its rows are read.
    over = _too_many_rows(name, ws.total_height - 1)
    if over is not None:
        return over
    if ws.total_height * ws.total_width > MAX_CELLS:
        return _file_problem(name, i18n.message("found_cells_over", cells=ws.total_height * ws.total_width),
                             i18n.message("exp_cells_at_most", limit=MAX_CELLS))
    # Read in slices of rows, each made a text table at once: a sheet's cells as Python objects all
    # at the same time would take several times the memory of the table.
    header: list[str] | None = None
    pieces: list[pd.DataFrame] = []
    batch: list[list[str]] = []
    for raw in ws.iter_rows():
        row = [_cell_text(v) for v in raw]
        if not any(c.strip() for c in row):
            continue
        if header is None:
            header = row
            while header and not header[-1].strip():
                header = header[:-1]
            continue
        batch.append(row[:len(header)] + [""] * (len(header) - len(row)))
        if len(batch) == _XLSX_BATCH:
            pieces.append(pd.DataFrame(batch, columns=header, dtype=str))
            batch = []
    if header is None:
        return _file_problem(name, i18n.message("found_empty_sheet"), i18n.message("exp_header_and_row"))
    pieces.append(pd.DataFrame(batch, columns=header, dtype=str))
    return pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]


def _normalise_headers(df: pd.DataFrame) -> pd.DataFrame:
    renamed = {}
    for column in df.columns:
        renamed[column] = HEADER_ALIASES.get(fold(str(column)), str(column).strip())
    return df.rename(columns=renamed)


def _label_index(terms: dict[str, vocab.Term]) -> dict[str, str]:
    out = {}
    for code, term in terms.items():
        for text in (code, term.lv, term.en):
            out[fold(text)] = code
    return out


def _normalise_values(df: pd.DataFrame) -> pd.DataFrame:
    """Labels → codes for vocabulary columns; values that match nothing stay for the contract to report."""
    out = df.copy(deep=False)  # columns are replaced, never changed in place (copy-on-write)
    for column, terms in _VOCAB_COLUMNS.items():
        if column in out.columns:
            index = _label_index(terms)
            out[column] = [index.get(fold(v), v.strip()) for v in out[column].astype(str)]
    if "vintage" in out.columns:
        out["vintage"] = out["vintage"].astype(str).str.strip().str.replace(r"\.0$", "", regex=True)
    for column in _NUMBER_COLUMNS:  # fullwidth and other Unicode digits read as the digits they are
        if column in out.columns:
            text = out[column].astype(str)
            if not text.str.isascii().all():
                out[column] = [digits.normalise(v) for v in text]
    if "value" in out.columns:
        out["value"] = [re.sub(r"[\s\u00a0]", "", v).replace(",", ".") if re.fullmatch(r"[\d\s\u00a0]+,\d+", v.strip())
                        else re.sub(r"[\s\u00a0]", "", v) for v in out["value"].astype(str)]
    return out


def _codes_for_municipalities(df: pd.DataFrame) -> pd.DataFrame:
    """Names → ATVK codes once the contract has accepted the rows (so every name resolves)."""
    from latgale_di.ingest.contract import _match_atvk
    from latgale_di.territory.boundaries import REGION_CODE

    out = df.copy(deep=False)
    vintages = out["vintage"] if "vintage" in out.columns else pd.Series("2021", index=out.index)
    out["atvk"] = [a.strip() if a.strip() == REGION_CODE else _match_atvk(a.strip(), v)
                   for a, v in zip(out["atvk"], vintages)]
    return out


def _derived_notes(name: str, derived: derive.Derived) -> list[Problem]:
    """What was filled in, as warnings the preview shows (the figures are not changed by them)."""
    notes = [Problem.of(name, None, column, i18n.message("found_column_missing", n=n),
                        i18n.message(f"derived_{column}"), "warning")
             for column, n in derived.filled.items() if n]
    for row in derived.ambiguous_rows:
        notes.append(Problem.of(name, row, "vintage", i18n.message("found_vintage_unclear"),
                                i18n.message("exp_vintage_column"), "error"))
    return notes


def read(name: str, data: bytes, sheet: str | None = None, kind: str | None = None) -> Reading:
    """Read a file's bytes into a contract table (observations unless the header says otherwise).

    Logs one ``import_read`` line: the file's hash and size, rows, outcome and problem count (the
    problems themselves quote the file, so they stay out of the log)."""
    started = time.perf_counter()
    reading = _read(name, data, sheet, kind)
    logs.emit("import_read", "info" if reading.ok else "warning", result="accepted" if reading.ok else "rejected",
              kind=reading.kind, rows=0 if reading.table is None else len(reading.table),
              problems=sum(p.severity == "error" for p in reading.problems),
              warnings=sum(p.severity != "error" for p in reading.problems),
              file_sha256=hashlib.sha256(data).hexdigest(), file_bytes=len(data),
              format="xlsx" if data[:4] == b"PK\x03\x04" else "csv",
              duration_ms=round((time.perf_counter() - started) * 1000))
    return reading


def _read(name: str, data: bytes, sheet: str | None, kind: str | None) -> Reading:
    if len(data) > MAX_BYTES:
        return _file_problem(name, i18n.message("found_size", mb=f"{len(data) / 1024 / 1024:.1f}"),
                             i18n.message("exp_size", limit=MAX_BYTES // 1024 // 1024))
    if not data:
        return _file_problem(name, i18n.message("found_empty_file"), i18n.message("exp_header_and_row"))
    kind_of_file = _file_type(data)
    if kind_of_file is not None:
        return _file_problem(name, i18n.message(kind_of_file), i18n.message("exp_csv_or_xlsx"))
    is_xlsx = data[:4] == b"PK\x03\x04"
    parsed = _read_xlsx(name, data, sheet) if is_xlsx else _read_csv(name, data)
    if isinstance(parsed, Reading):
        return parsed
    table = _normalise_values(_normalise_headers(parsed))
    derived_notes: list[Problem] = []
    if (kind or contract.detect_kind(table.columns)) == "observations":
        derived = derive.observations(table)
        table = derived.table
        derived_notes = _derived_notes(name, derived)
    report = contract.validate_table(table, kind, name)
    unclear = {(p.row, p.column) for p in derived_notes if p.severity == "error"}
    said = [p for p in report.problems if (p.row, p.column) not in unclear]  # the derived note says it better
    report.problems[:] = said
    reading = Reading(name, kind=report.kind, problems=[*said, *derived_notes])
    if report.ok and not unclear:
        if "note" not in table.columns and report.kind == "observations":
            table["note"] = ""
        reading.table = _codes_for_municipalities(table) if "atvk" in table.columns else table
        if report.kind == "observations":  # the store keeps yearly figures (docs/data-contract.md)
            reading.table = months.collapse(reading.table)
    return reading
