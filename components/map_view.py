"""The choropleth map on a page: the server-drawn SVG (``latgale_di.render.svg_map``), its legend and
its small print, and the link to a municipality's profile that a click on it opens."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from components import data, figure_card, markup
from components import table as table_view
from components.page import figure_note
from components.table import Column, References
from latgale_di.analysis.state import ViewState
from latgale_di.core import formatting, i18n, safety, vocab
from latgale_di.render import choropleth, exports, map_picture, svg_map
from latgale_di.render.choropleth import Colour
from latgale_di.render.map_content import MapContent
from latgale_di.store.dataset import Dataset

MAP_HEIGHT_PX = 600
MAP_WIDTH_PX = 760  # the narrowest the map column gets on a 1920 px projector or a laptop
PHONE_MAP_WIDTH_PX = 340


_FIT_WIDTH = "_map_fit_width"
_TOUCH = "_map_touch"
# On a touch screen the first tap on a municipality shows its tooltip and the second opens its
# profile: a tap has no hover, and a link would leave the map before anything could be read.
TAP_SCRIPT = """<script>
if (!window.__diMapTaps) {
  window.__diMapTaps = true;
  document.addEventListener("click", (event) => {
    const unit = event.target.closest && event.target.closest(".di-map a[data-atvk]");
    if (!unit || !matchMedia("(hover: none)").matches || unit.classList.contains("di-tapped")) return;
    event.preventDefault();
    document.querySelectorAll(".di-map a.di-tapped").forEach((a) => a.classList.remove("di-tapped"));
    unit.classList.add("di-tapped");
  }, true);
}
</script>"""


def _agent() -> str:
    return st.context.headers.get("User-Agent", "") if st.context.headers else ""


def _touch() -> bool:
    """Whether the reader's browser says it is a phone or tablet (which has no hover). Read once
    per session, as the width below."""
    if _TOUCH not in st.session_state:
        agent = _agent()
        st.session_state[_TOUCH] = "Mobi" in agent or "Android" in agent or "iPad" in agent
    return st.session_state[_TOUCH]


def _fit_width() -> int:
    """The width to size text for: the server cannot see the screen, but a phone says it is one.
    Read once per session (a browser does not change its agent; the headers take ~2 ms a run)."""
    if _FIT_WIDTH not in st.session_state:
        st.session_state[_FIT_WIDTH] = PHONE_MAP_WIDTH_PX if "Mobi" in _agent() else MAP_WIDTH_PX
    return st.session_state[_FIT_WIDTH]


def profile_link(state: ViewState, atvk: str) -> str:
    """The profile of ``atvk`` with the rest of the view unchanged (relative, so it works under any
    base path): a click on the map is an ordinary link that opens exactly that view."""
    return replace(state, atvk=atvk).url("pasvaldiba")


def show(content: MapContent, state: ViewState, width_px: int | None = None, height_px: int = MAP_HEIGHT_PX,
         label_px: float = 15.0, sites: bool = True, legend: tuple[str, list[tuple[str, Colour]]] | None = None,
         notes: tuple[str, ...] = (), above: str = "", fit_below: str = "") -> None:
    """Draw the map as two elements (``components/markup.py``): the vintage's outlines, whose text
    is the same on every run (so Streamlit re-sends it as a reference, not as ~40 kB of paths), and
    the view — ``above`` (HTML, the caller escapes it) and its ``legend`` (title, entries) above,
    colours, links and labels drawn over the outlines, and the ``notes`` (plain text) below — which
    is all a filter change sends.

    One element for the view, not one each for legend, map and notes (docs/architecture.md,
    rule: fewer elements)."""
    width = width_px or _fit_width()
    drawing = _drawn(state, (width, height_px, label_px, sites, fit_below), lambda: svg_map.render(
        content.views, state.vintage, content.classes, content.caption, lambda a: profile_link(state, a),
        content.tooltips, content.sites if sites else [], width_px=width, max_height_px=height_px,
        label_px=label_px, fit_below=fit_below))
    head = above + (legend_html(*legend, state.lang) if legend else "")
    below = "".join(note_html(n) for n in notes)
    with st.container(gap=None):
        # Inserted by the browser's parser, not the Markdown pipeline (components/markup.py).
        markup.show(svg_map.CSS + LEGEND_CSS + svg_map.outlines(state.vintage))
        markup.show(head + drawing + below)
    if _touch():
        st.html(TAP_SCRIPT, unsafe_allow_javascript=True)


def pictures(content: MapContent, state: ViewState, dataset: Dataset,
             link: str) -> list[tuple[str, Callable[[], bytes], str]]:
    """The map as PNG downloads, a 16:9 slide and an A4 page (label, bytes function, file name):
    the on-screen drawing with its words (``map_picture``), drawn only on click."""
    def draw(paper: map_picture.Paper) -> bytes:
        words = map_picture.words_for(content, state, dataset, link)
        return map_picture.png(map_picture.svg(content.views, state.vintage, content.classes, content.sites, words,
                                               paper), paper)

    stem = exports.file_stem("karte", state.year)
    return [(i18n.t(f"download_map_{paper.name}", state.lang), functools.partial(draw, paper),
             f"{stem}_{paper.name}.png") for paper in (map_picture.SLIDE, map_picture.A4)]


def _drawn(state: ViewState, key: tuple, draw: Callable[[], str]) -> str:
    """``draw()``, once per data version, view and ``key``: a view seen before is drawn from its
    markup, not again on every run."""
    drawings = data.drawings_of(state)
    drawing = drawings.get(key)
    if drawing is None:
        drawing = drawings[key] = draw()
    return drawing


def table_html(content: MapContent, state: ViewState, refs: References) -> str:
    """The map as a table, for screen readers and the keyboard: heading, one row per municipality
    (its name a link to its profile, as a click on the map), figure as on the map, status, the
    year it is from, source number, and a hint. One element (docs/architecture.md, rule: fewer
    elements), drawn once per view; ``refs`` numbers its sources on every run all the same."""
    lang = state.lang
    refs.add(content.rows["source"].tolist())
    return _drawn(state, ("table",), lambda: (
        _side_heading(i18n.t("table_alternative", lang)) + table_view.html(content.rows, [
            Column("atvk", "municipality"),
            Column("shown", title=vocab.INDICATORS[state.indicator].label(lang), numeric=True),
            Column("status"), Column("as_of", "year_col"), Column("source"),
        ], i18n.t("table_alternative", lang), References(), table_view.names_with_region(state.vintage, lang), lang,
            links=[profile_link(state, a) for a in content.rows["atvk"]])
        + note_html(i18n.t("click_hint", lang))))


def _side_heading(text: str) -> str:
    return f'<h3 class="di-side-heading">{safety.html_text(text)}</h3>'


def region_html(content: MapContent, state: ViewState, dataset: Dataset) -> str:
    """The region's figure of the view (its own, or the sum of units, with marks, status, coverage
    and source) as a figure block with its CSS, or "" when there is none; drawn once per view."""
    fig = content.region
    if fig is None:
        return ""
    lang = state.lang
    return _drawn(state, ("region",), lambda: figure_card.CSS + figure_card.figure_html(figure_card.Figure(
        i18n.t("region_figure", lang), formatting.figure_text(fig, lang), figure_note(fig, dataset, lang))) + "\n\n")


def caption_html(text: str) -> str:
    """What a map shows, in bold above it (escaped text)."""
    return f"<p><strong>{safety.html_text(text)}</strong></p>"


def note_html(text: str) -> str:
    """A line of small print, as ``st.caption`` draws it, inside an HTML element (escaped text)."""
    return f'<p class="di-note">{safety.html_text(text, quote=False)}</p>'


def notice_html(text: str) -> str:
    """A notice the reader must not miss (as ``st.info`` draws it), announced to screen readers."""
    return f'<div class="di-notice" role="status">{safety.html_text(text, quote=False)}</div>'


def legend_html(title: str, entries: list[tuple[str, Colour]], lang: str) -> str:
    """Colour swatches with labels in real units; the no-data swatch is hatched, not just grey."""
    items = []
    for label, (r, g, b) in entries:
        # No data and partial sums are hatched, as on the map (opposite directions).
        angle = 45 if label == i18n.t("no_data", lang) else (-45 if (r, g, b) == choropleth.INCOMPLETE_COLOUR
                                                              else None)
        style = (f"background: repeating-linear-gradient({angle}deg, rgb({r},{g},{b}) 0 4px, #ffffff 4px 7px);"
                 if angle is not None else f"background: rgb({r},{g},{b});")
        items.append(
            f'<span class="legend-item" role="listitem"><span class="swatch" style="{style}"></span>'
            f"{safety.html_text(label)}</span>"
        )
    return (f'<div class="map-legend" role="list" aria-label="{safety.html_text(title)}">'
            f'<strong>{safety.html_text(title)}</strong> {"".join(items)}</div>')


def legend(title: str, entries: list[tuple[str, Colour]], lang: str) -> None:
    """The legend on its own (beside the map on a projector); its CSS comes with the map."""
    markup.show(legend_html(title, entries, lang))


# A notice the reader must not miss, as ``st.info`` draws it (also on pages without a map).
NOTICE_RULE = (".di-notice {background:#e8f0fb; color:#0b3b75; border-radius:.5rem; padding:.75rem 1rem; "
               "margin:.5rem 0;}")

LEGEND_CSS = """
<style>
.map-legend {display:flex; flex-wrap:wrap; gap:.4rem 1rem; align-items:center; font-size:1rem; margin:.25rem 0;}
.map-legend .legend-item {display:inline-flex; align-items:center; gap:.35rem;}
.map-legend .swatch {display:inline-block; width:1.4rem; height:1rem; border:1px solid #444;}
.di-note {font-size:.875rem; color:#4a4a4a; margin:.25rem 0 0 0;}
h3.di-side-heading {font-size:1.5rem; font-weight:600; line-height:1.2; margin:1rem 0 1rem 0;}
""" + NOTICE_RULE + """
</style>
"""
