"""The data behind a view as files a colleague opens in Excel: CSV (two dialects) and XLSX.

Numbers stay numbers (a spreadsheet can sum them); codes become labels in the reader's language;
every text cell is neutralised so that a spreadsheet never runs it as a formula. The XLSX has a
second sheet that says what the figures are: dataset version and date, the filters of the view,
the sources cited and what each status means, so that data and metadata travel together.

Figures hidden for privacy arrive here already hidden (the caller passes the public table):
their value cell is empty and their status says why.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.core import formatting, i18n, vocab
from latgale_di.core.safety import neutralise_formula
from latgale_di.ingest import citations
from latgale_di.render import tables


@dataclass(frozen=True)
class Export:
    """One view's data, ready to write: the table, its sources and a description of the view."""

    name: str  # file name without extension, e.g. "latgale_di_karte_2019"
    table: pd.DataFrame  # localised headers, numeric values
    sources: pd.DataFrame  # the whole records of the sources cited in ``table`` (``cited_sources``)
    about: list[tuple[str, str]] = field(default_factory=list)  # (what, value) lines for the second sheet
    lang: str = i18n.DEFAULT_LANGUAGE


def localise(rows: pd.DataFrame, lang: str, names: Mapping[str, str], cite: Callable[[str], str]) -> pd.DataFrame:
    """The download's table: the same headers and labels as the screen's (``tables.localise``)."""
    return tables.localise(rows, lang, names, cite)


def _safe(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas get a leading apostrophe."""
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(neutralise_formula)
    return out


def csv_bytes(table: pd.DataFrame, excel_lv: bool = False) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads Latvian letters).

    ``excel_lv``: semicolons between fields and a decimal comma, the list and decimal separators
    of Excel under Latvian regional settings; otherwise commas and a decimal point.
    """
    text = _safe(table).to_csv(index=False, sep=";" if excel_lv else ",", decimal="," if excel_lv else ".",
                               lineterminator="\r\n")
    return text.encode("utf-8-sig")


def status_meanings(lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("status", lang): [s.label(lang) for s in vocab.STATUSES.values()],
        i18n.t("note", lang): [s.describe(lang) for s in vocab.STATUSES.values()],
    })


def xlsx_bytes(export: Export) -> bytes:
    """Sheet 1: the table. Sheet 2: what the view is, its sources and what the statuses mean."""
    from openpyxl.styles import Font

    lang = export.lang
    data_sheet, about_sheet = i18n.t("sheet_data", lang), i18n.t("sheet_about", lang)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe(export.table).to_excel(writer, sheet_name=data_sheet, index=False)
        about = pd.DataFrame(export.about, columns=[i18n.t("about_what", lang), i18n.t("value", lang)])
        _safe(about).to_excel(writer, sheet_name=about_sheet, index=False)
        row = len(about) + 3
        sources = source_records(export.sources, lang, seed_paths=True)
        _safe(sources).to_excel(writer, sheet_name=about_sheet, index=False, startrow=row)
        statuses_at = row + len(sources) + 3
        status_meanings(lang).to_excel(writer, sheet_name=about_sheet, index=False, startrow=statuses_at)
        sheet = writer.sheets[data_sheet]
        sheet.freeze_panes = "A2"
        for cells in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)):
            width = max(len(str(c.value)) for c in cells if c.value is not None) if cells else 8
            sheet.column_dimensions[cells[0].column_letter].width = min(max(width + 2, 8), 60)
        notes = writer.sheets[about_sheet]
        for r in (1, row + 1, statuses_at + 1):
            for cell in notes[r]:
                cell.font = Font(bold=True)
        notes.column_dimensions["A"].width = 34
        notes.column_dimensions["B"].width = 90
    return buffer.getvalue()


# The whole record of a source, in the order a reader checks it; headers by interface key.
SOURCE_RECORD_HEADERS: dict[str, str] = {
    "id": "id", "title": "source", "publisher": "src_publisher", "date": "src_date", "url": "URL",
    "kind": "src_kind", "date_accessed": "src_accessed", "licence": "src_licence", "note": "src_note",
}


def cited_sources(sources: pd.DataFrame, fields: Iterable[object]) -> pd.DataFrame:
    """The whole records of the sources cited by any of ``fields`` ("a; b" cites two)."""
    ids = {i for f in fields for i in citations.ids(f)}
    columns = [c for c in SOURCE_RECORD_HEADERS if c in sources.columns]
    return sources[sources["id"].isin(ids)][columns].reset_index(drop=True)


def source_records(sources: pd.DataFrame, lang: str, seed_paths: bool = False) -> pd.DataFrame:
    """Source records as a reader's table: headers and the kind in ``lang`` (a secondary source says so).

    ``seed_paths``: a seed text, which has no address, shows where its text ships instead
    (``data/sources/seeds/<file>.txt``), so that no source row of a download has an empty URL cell.
    """
    out = sources.copy()
    if seed_paths and {"id", "url"} <= set(out.columns):
        seeds = out["url"].eq("") & out["id"].str.startswith("seed:")
        out.loc[seeds, "url"] = "data/sources/seeds/" + out.loc[seeds, "id"].str.removeprefix("seed:") + ".txt"
    if "kind" in out.columns:
        out["kind"] = [citations.kind_label(k, lang) for k in out["kind"]]
    return out.rename(columns={c: (k if k in ("id", "URL") else i18n.t(k, lang))
                               for c, k in SOURCE_RECORD_HEADERS.items() if c in out.columns})


def file_stem(page: str, year: int | None = None, atvk: str = "") -> str:
    """A file name that says what it holds: latgale_di_<page>[_<atvk>][_<year>]."""
    return "_".join(p for p in ("latgale_di", page, atvk, str(year) if year else "") if p)


def about(dataset, state, lang: str, page_title: str, link: str, suppress_below: int) -> list[tuple[str, str]]:
    """The lines of the second sheet that say what the table is: dataset, view, privacy, licences."""
    from latgale_di.territory import boundaries

    lines = []
    if dataset.synthetic:
        lines.append(("!", i18n.t("about_synthetic", lang)))
    lines += [
        (i18n.t("dataset", lang), dataset.title(lang)),
        (i18n.t("version", lang), str(dataset.version)),
        (i18n.t("last_updated", lang), formatting.format_date(dataset.last_updated, lang)),
        (i18n.t("about_page", lang), page_title),
        (i18n.t("indicator", lang), vocab.INDICATORS[state.indicator].label(lang)),
        (i18n.t("year", lang), str(state.year)),
        (i18n.t("target_group", lang), vocab.TARGET_GROUPS[state.target_group].label(lang)),
        (i18n.t("service", lang), vocab.SERVICES[state.service].label(lang)),
        (i18n.t("vintage", lang), boundaries.vintage_label(state.vintage, lang)),
    ]
    if state.atvk and state.atvk in boundaries.units(state.vintage):
        lines.append((i18n.t("municipality", lang), boundaries.units(state.vintage)[state.atvk].name(lang)))
    lines += [
        (i18n.t("about_privacy", lang), i18n.t("about_privacy_text", lang, n=suppress_below) if suppress_below
         else i18n.t("about_privacy_none", lang)),
        (i18n.t("about_link", lang), link),
        (i18n.t("about_boundaries", lang), boundaries.attribution(lang)),
    ]
    return lines
