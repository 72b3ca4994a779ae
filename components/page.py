"""What every page has: a title with the dataset's version, and its sources at the foot."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import data, markup, presentation, share, view_state
from latgale_di.core import formatting, i18n, safety
from latgale_di.core.safety import escape_markdown
from latgale_di.render.tables import References
from latgale_di.store.dataset import Dataset


def header(title: str, lang: str, dataset: Dataset) -> DeltaGenerator:
    """Title, data version and the page's toolbar (share; the page adds its downloads to it)."""
    state = view_state.current()
    presentation.apply(state)
    if dataset.synthetic:
        st.error(i18n.t("synthetic_banner", lang))
    data.read_only_notice(lang)  # database down: the last good data, and the reader is told so
    if state.present:  # one line: the title, and the way out on the right
        # A row, not columns: the button keeps its whole label however narrow the title's place is.
        with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
            st.title(title, width="content")
            presentation.exit_button(state)
    else:
        st.title(title)
    st.caption(i18n.t("data_version", lang, version=dataset.version,
                      date=formatting.format_date(dataset.last_updated, lang)))
    toolbar = st.container(horizontal=True, gap="small")
    if not state.present:
        with toolbar:
            share.control(state)
    return toolbar


def sources_footer(dataset: Dataset, cited: References | Iterable[object], lang: str) -> None:
    """List every source cited on the page, numbered as the page's tables refer to them ("[2]"),
    each with its link where there is one. ``cited``: the page's ``References``, or source fields
    ("a; b" cites two) of a page without tables."""
    if not isinstance(cited, References):
        refs = References()
        refs.add(sorted({s.strip() for f in cited if isinstance(f, str) for s in f.split(";") if s.strip()}))
        cited = refs
    if not cited.ids:
        return
    # One list, not a button per source (docs/architecture.md, rule: fewer elements).
    with st.expander(i18n.t("sources", lang) + f" [1–{len(cited.ids)}]" if len(cited.ids) > 1
                     else i18n.t("sources", lang) + " [1]"):
        markup.show(sources_list(dataset, cited.ids))


def sources_list(dataset: Dataset, ids: list[str]) -> str:
    """The sources as a numbered HTML list ([1] is the first id): titles come from data files, so
    they are escaped plain text, and only a registry address over https becomes a link, shown with
    its host."""
    items = []
    for sid in ids:
        entry = dataset.source(sid)
        title = safety.html_text(entry["title"] or sid)
        host = safety.https_host(str(entry.get("url", "")))
        if host:
            url = safety.html_text(entry["url"])
            items.append(f'<li><a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a> '
                         f'<span class="di-host">({safety.html_text(host)})</span></li>')
        else:
            items.append(f"<li>{title} ({safety.html_text(sid)})</li>")
    return f'<ol class="di-sources">{"".join(items)}</ol>'


def figure_text(fig, unit: str, lang: str) -> str:
    """A headline figure with its marks (≈ estimated, ≥ incomplete, > bound) and unit."""

    return formatting.value_text(fig.value, fig.value_min, fig.value_max, fig.status, unit, lang)


def figure_caption(fig, dataset: Dataset, lang: str) -> str:
    """Status, year, coverage and source of a figure, as one line of Markdown (st.caption)."""
    # st.caption renders markdown, and source titles come from data files.
    return " · ".join(_caption_parts(fig, lang) + [f"{i18n.t('source', lang)}: "
                                                    f"{escape_markdown(dataset.cite(fig.source, 70))}"])


def figure_note(fig, dataset: Dataset, lang: str, refs: References | None = None) -> str:
    """The same line as plain text, for HTML that escapes it. With ``refs`` the source is its
    number in the page's source list ("[2]"), for a card that must stay short on a projector."""
    source = refs.cite(fig.source) if refs is not None else dataset.cite(fig.source, 70)
    return " · ".join(_caption_parts(fig, lang) + [f"{i18n.t('source', lang)}: {source}"])


def _caption_parts(fig, lang: str) -> list[str]:
    from latgale_di.core import vocab

    parts = [vocab.STATUSES[fig.status].label(lang)] if fig.status in vocab.STATUSES else []
    as_of = getattr(fig, "as_of", 0)
    if as_of and as_of != fig.year:
        parts.append(i18n.t("as_of_year", lang, year=as_of))
    if fig.units_total and fig.units_with_data < fig.units_total and fig.note == "sum of municipalities":
        parts.append(i18n.t("units_with_data", lang, n=fig.units_with_data, total=fig.units_total))
    return parts
