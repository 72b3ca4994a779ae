"""The download menu of a page: the filtered data behind the view (CSV, CSV for Latvian Excel,
XLSX with sources) and each chart or map as a PNG, drawn only when someone clicks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import data, share, view_state
from components import table as table_view
from latgale_di.core import formatting, i18n, safety
from latgale_di.render import exports, images

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_of(page: str, title: str, rows: pd.DataFrame, atvk: str = "") -> Callable[[], exports.Export]:
    """The page's rows as an ``Export`` (localised table, its sources, what the view is), made on
    the first click and then kept: a rerun pays nothing for files nobody asks for.

    What needs the script run (the view, the sign-in, the page address) is read now; the
    download callables run later on another thread.
    """
    state = view_state.current()
    dataset = data.load_dataset()
    link = share.link(state)
    suppress_below = data.suppress_below()

    @functools.cache
    def build() -> exports.Export:
        names = table_view.names_with_region(state.vintage, state.lang)
        return exports.Export(
            name=exports.file_stem(page, state.year, atvk),
            table=exports.localise(rows, state.lang, names, dataset.cite),
            sources=exports.cited_sources(dataset.sources, rows["source"] if "source" in rows.columns else []),
            about=exports.about(dataset, state, state.lang, title, link, suppress_below),
            lang=state.lang,
        )

    return build


def offer(slot: DeltaGenerator, page: str, title: str, rows: pd.DataFrame,
          figures: dict[str, Callable[[], go.Figure]] | None = None,
          extra: list[tuple[str, Callable[[], bytes], str, str]] | None = None, atvk: str = "",
          pictures: list[tuple[str, Callable[[], bytes], str]] | None = None) -> None:
    """Fill ``slot`` with the download menu (hidden in presentation mode: no chrome on the projector).

    ``figures``: name → a function drawing the figure (a plotly chart, drawn by chromium);
    ``pictures``: (label, PNG bytes function, file name) for pictures drawn without a browser (the
    map); ``extra``: (label, bytes function, file name, MIME type) for page-specific files such as
    the PDF briefing. Files are made on click.
    """
    state = view_state.current()
    if state.present:
        return
    lang = state.lang
    export = export_of(page, title, rows, atvk)
    stem = exports.file_stem(page, state.year, atvk)
    with slot.popover(i18n.t("download", lang), icon=":material/download:", help=i18n.t("download_help", lang)):
        st.download_button(i18n.t("download_csv", lang), lambda: exports.csv_bytes(export().table),
                           file_name=f"{stem}.csv", mime="text/csv", key=f"dl_{page}_csv",
                           on_click="ignore", icon=":material/table:")
        st.download_button(i18n.t("download_csv_lv", lang), lambda: exports.csv_bytes(export().table, excel_lv=True),
                           file_name=f"{stem}_excel_lv.csv", mime="text/csv", key=f"dl_{page}_csv_lv",
                           on_click="ignore", icon=":material/table:")
        st.download_button(i18n.t("download_xlsx", lang), lambda: exports.xlsx_bytes(export()),
                           file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"dl_{page}_xlsx",
                           on_click="ignore", icon=":material/grid_on:")
        for i, (label, make, file_name) in enumerate(pictures or []):
            st.download_button(label, make, file_name=file_name, mime="image/png", key=f"dl_{page}_picture_{i}",
                               on_click="ignore", icon=":material/image:")
        if not (figures or extra):
            return
        if not images.available():
            st.caption(i18n.t("images_unavailable", lang))
            return
        dataset = data.load_dataset()
        version = i18n.t("data_version", lang, version=dataset.version,
                         date=formatting.format_date(dataset.last_updated, lang))
        footer = safety.html_text(f"{version} · {share.link(state)}")
        for i, (name, draw) in enumerate((figures or {}).items()):
            slide_title = safety.html_text(f"{title}: {name} · {state.year}")
            st.download_button(i18n.t("download_png", lang, name=name),
                               functools.partial(_slide_png, draw, slide_title, footer),
                               file_name=f"{stem}_{i + 1}.png", mime="image/png", key=f"dl_{page}_png_{i}",
                               on_click="ignore", icon=":material/image:")
        for i, (label, make, file_name, mime) in enumerate(extra or []):
            st.download_button(label, make, file_name=file_name, mime=mime, key=f"dl_{page}_extra_{i}",
                               on_click="ignore", icon=":material/picture_as_pdf:")


def _slide_png(draw: Callable[[], Any], title: str, footer: str) -> bytes:
    """The figure ``draw`` makes, framed as a slide, as PNG (drawn only when the button is pressed)."""
    return images.png(images.framed(draw(), title, footer))
