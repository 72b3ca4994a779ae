"""Every table a page shows: the view's rows through ``latgale_di.render.tables`` (the rules the
downloads use too), drawn as a plain HTML table (``latgale_di.render.html_table``), with sources
as numbers that the page's source list below resolves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components import markup
from latgale_di.core import i18n
from latgale_di.render import html_table, tables
from latgale_di.render.tables import Column, References
from latgale_di.territory import boundaries

__all__ = ["Column", "References", "html", "names_with_region", "show"]


def names_with_region(vintage: str, lang: str) -> dict[str, str]:
    """Unit names of a boundary set, and the region's row named as such."""
    return {**boundaries.names(vintage, lang), boundaries.REGION_CODE: i18n.t("region", lang)}


def html(rows: pd.DataFrame, columns: Sequence[Column], label: str, refs: References, names: Mapping[str, str],
         lang: str, links: Sequence[str] | None = None) -> str:
    """``rows`` as one HTML table named ``label`` (for screen readers), with its style."""
    table = tables.screen(rows, columns, lang, names, refs)
    return html_table.CSS + html_table.render(table.cells, label, numeric=table.numeric, links=links)


def show(rows: pd.DataFrame, columns: Sequence[Column], label: str, refs: References, names: Mapping[str, str],
         lang: str, links: Sequence[str] | None = None) -> None:
    """Show ``rows`` as a table named ``label``; with ``links`` (one per row) each row's first
    cell links to it."""
    markup.show(html(rows, columns, label, refs, names, lang, links))
