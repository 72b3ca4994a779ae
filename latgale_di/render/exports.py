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
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from latgale_di.core import formatting, i18n, vocab
from latgale_di.core.safety import neutralise_formula
from latgale_di.ingest import citations

# Column → interface string for its header; columns not listed keep their code as the header.
_HEADERS: dict[str, str] = {
    "atvk": "col_atvk", "municipality": "municipality", "year": "year_col", "indicator": "indicator_col",
    "target_group": "target_group", "service": "service", "value": "value", "value_min": "col_value_min",
    "value_max": "col_value_max", "unit": "unit", "status": "status", "source": "source", "note": "note",
    "places": "places", "occupied_places": "occupied", "occupancy_rate": "occupancy", "persons_served": "served",
    "persons_assessed": "assessed", "shortfall": "shortfall", "shortfall_pct": "shortfall_pct",
    "above_threshold": "flag", "region_mean": "region_mean", "region_min": "col_region_min",
    "region_max": "col_region_max", "units_with_data": "n_units", "places_year": "col_places_year",
    "waiting_list": "col_waiting_list", "eur": "funding", "eur_per_resident": "per_resident",
    "eur_per_place": "per_place", "running_cost": "running_cost", "projects": "projects", "name": "facilities",
    "services": "service", "basket": "status", "facility_status": "facility_status", "shown": "col_shown",
    "qualifier": "col_qualifier", "as_of": "col_as_of", "target": "plan_target", "share_pct": "plan_share",
    "direction": "plan_change",
}
# Columns holding vocabulary codes, shown as their labels.
_LABELS: dict[str, Mapping] = {
    "indicator": vocab.INDICATORS, "target_group": vocab.TARGET_GROUPS, "service": vocab.SERVICES,
    "services": vocab.SERVICES, "status": vocab.STATUSES, "facility_status": vocab.FACILITY_STATUSES,
    "unit": vocab.UNITS,
}


@dataclass(frozen=True)
class Export:
    """One view's data, ready to write: the table, its sources and a description of the view."""

    name: str  # file name without extension, e.g. "latgale_di_karte_2019"
    table: pd.DataFrame  # localised headers, numeric values
    sources: pd.DataFrame  # the whole records of the sources cited in ``table`` (``cited_sources``)
    about: list[tuple[str, str]] = field(default_factory=list)  # (what, value) lines for the second sheet
    lang: str = i18n.DEFAULT_LANGUAGE


def _label(codes: Mapping, value: object, lang: str) -> object:
    """The label of a code; "a, b" (a row combining statuses) labels each part."""
    if not isinstance(value, str) or not value:
        return value
    parts = [p.strip() for p in value.replace(";", ",").split(",")]
    if all(p in codes for p in parts):
        return ", ".join(codes[p].label(lang) for p in parts)
    return value


def localise(rows: pd.DataFrame, lang: str, names: Mapping[str, str], cite: Callable[[str], str]) -> pd.DataFrame:
    """``rows`` as a reader's table: a municipality name beside each ATVK code, labels for codes,
    the source cited by title, headers in ``lang``; numeric columns are left numeric."""
    out = rows.copy()
    if "atvk" in out.columns and "municipality" not in out.columns:
        out.insert(out.columns.get_loc("atvk") + 1, "municipality", out["atvk"].map(lambda a: names.get(a, "")))
    for column, codes in _LABELS.items():
        if column in out.columns:
            out[column] = [_label(codes, v, lang) for v in out[column]]
    if "basket" in out.columns:
        out["basket"] = [i18n.t(f"basket_{v}", lang) for v in out["basket"]]
    if "source" in out.columns:
        out["source"] = [cite(s) if isinstance(s, str) and s else "" for s in out["source"]]
    if "above_threshold" in out.columns:
        out["above_threshold"] = [
            "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))
            else i18n.t("yes" if bool(v) else "no", lang) for v in out["above_threshold"]]
    return out.rename(columns={c: i18n.t(k, lang) for c, k in _HEADERS.items() if c in out.columns})


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
    ids = {s.strip() for f in fields if isinstance(f, str) for s in f.split(";") if s.strip()}
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
        (i18n.t("dataset", lang), str(dataset.metadata.get("title", ""))),
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
        (i18n.t("about_boundaries", lang), boundaries.ATTRIBUTION),
    ]
    return lines
