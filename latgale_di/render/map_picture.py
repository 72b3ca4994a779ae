"""The map as a picture to paste into slides and reports: the on-screen drawing, with its words.

The map itself is :func:`svg_map.drawing`, the same layers (colours, hatches, names, values,
callouts, sites) as the page draws; around it go the title, the legend with real swatches, what
the marks mean, the sources, the dataset version, the view's link and the boundaries'
attribution. The whole is one SVG, rasterised by resvg (a maintained SVG renderer with no system
dependencies), so the picture needs no browser. Two sizes: a 16:9 slide and an A4 page.

Every line of text is wrapped to the room it has, measured with the label font's widths
(``map_labels.text_width``, Arial/Liberation bold: never narrower than the regular face drawn),
so nothing is cut at an edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from latgale_di.analysis.state import ViewState
from latgale_di.core import formatting, i18n, safety, vocab
from latgale_di.ingest import citations
from latgale_di.render import choropleth, map_labels, svg_map
from latgale_di.render.map_content import MapContent
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries

FONT = svg_map.LABEL_FONT
TEXT = "#1a1a1a"
MUTED = "#444444"
LINE_EM = 1.3


@dataclass(frozen=True)
class Paper:
    """A picture size: ``width`` × ``height`` layout pixels, drawn ``zoom`` times as many."""

    name: str
    width: int
    height: int
    zoom: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


SLIDE = Paper("16x9", 1920, 1080, 1.0)  # a full-HD slide
A4 = Paper("A4", 1240, 1754, 2.0)  # A4 portrait, 2480 × 3508 pixels: 300 dpi


@dataclass(frozen=True)
class Words:
    """What the picture says besides the map, all in one language (plain text; escaped here)."""

    title: str  # what the map shows: indicator · group · service · year · boundaries
    legend_title: str
    legend: Sequence[tuple[str, choropleth.Colour]]
    marks: str  # what ≈, ≥ and ranges mean
    sources: Sequence[str]  # one line each, "[1] Title (host)"
    version: str  # dataset version and date
    link: str  # the address that opens this view
    attribution: str  # the boundaries' licence line


def words_for(content: MapContent, state: ViewState, dataset: Dataset, link: str) -> Words:
    """What the picture of ``content`` says, in the view's language: the map's caption as title,
    the legend as on screen, the sources its figures cite (numbered for the picture alone, with
    their hosts), the dataset version and the ``link`` that opens the same view."""
    lang = state.lang
    cited = dict.fromkeys(s for f in content.rows.get("source", []) for s in citations.ids(f))
    sources = []
    for n, sid in enumerate(cited, start=1):
        entry = dataset.source(sid)
        host = safety.https_host(str(entry.get("url", "")))
        sources.append(f"[{n}] {entry['title'] or sid}" + (f" ({host})" if host else ""))
    if sources:
        sources[0] = f"{i18n.t('sources', lang)}: {sources[0]}"
    return Words(
        title=content.caption,
        legend_title=vocab.INDICATORS[state.indicator].label(lang),
        legend=choropleth.legend(content.classes, lang, content.views),
        marks=" · ".join([i18n.t("estimated_mark", lang), i18n.t("incomplete_mark", lang),
                          i18n.t("range_mark", lang)]),
        sources=sources,
        version=i18n.t("data_version", lang, version=dataset.version,
                       date=formatting.format_date(dataset.last_updated, lang)),
        link=link,
        attribution=boundaries.attribution(lang),
    )


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` px, broken between words, and inside
    a word (an address) only when the word alone is wider than the line."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while map_labels.text_width(word, size) > width:  # an address: break it where it must
            cut = len(word)
            while cut > 1 and map_labels.text_width(word[:cut], size) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and map_labels.text_width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _text(lines: Sequence[str], x: float, y: float, size: float, colour: str = TEXT, bold: bool = False) -> str:
    """Lines of text whose first line's top is at ``y``."""
    weight = ' font-weight="700"' if bold else ""
    spans = "".join(f'<tspan x="{x:.1f}" dy="{(1.0 if i == 0 else LINE_EM):g}em">{safety.html_text(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" fill="{colour}"{weight}>{spans}</text>'


def _height(lines: Sequence[str], size: float) -> float:
    return (1 + (len(lines) - 1) * LINE_EM) * size + 0.3 * size if lines else 0.0


def _legend(words: Words, x: float, y: float, width: float, size: float) -> tuple[str, float]:
    """The legend as drawn at (``x``, ``y``) in ``width``: title, then a swatch and label per
    entry; no data and partial sums hatched as on the map. Returns the markup and its height."""
    parts, top = [], y
    title = wrap(words.legend_title, size, width)
    parts.append(_text(title, x, top, size, bold=True))
    top += _height(title, size) + 0.4 * size
    swatch_w, swatch_h = 1.8 * size, 1.1 * size
    defs = []
    for i, (label, colour) in enumerate(words.legend):
        fill = svg_map.hex_colour(colour)
        hatched = svg_map.HATCHES.get((colour[0], colour[1], colour[2]))
        if hatched is not None:  # as on the map, with stripes a little under half the text's size apart
            pid = f"legend-hatch-{i}"
            defs.append(svg_map.hatch(pid, colour, hatched[1], 0.45 * size / 7))
            fill = f"url(#{pid})"
        lines = wrap(label, size, width - swatch_w - 0.6 * size)
        parts.append(f'<rect x="{x:.1f}" y="{top:.1f}" width="{swatch_w:.1f}" height="{swatch_h:.1f}" '
                     f'fill="{fill}" stroke="#444444" stroke-width="1"/>')
        parts.append(_text(lines, x + swatch_w + 0.6 * size, top - 0.05 * size, size))
        top += max(_height(lines, size), swatch_h) + 0.45 * size
    return f"<defs>{''.join(defs)}</defs>{''.join(parts)}", top - y


def svg(views: list[choropleth.UnitView], vintage: str, classes, sites: list[dict] | None, words: Words,
        paper: Paper = SLIDE) -> str:
    """The picture as one SVG of ``paper``'s size: title, map, legend, marks and footer, nothing
    past the edges. Landscape paper puts the legend beside the map, portrait paper under it."""
    w, h = paper.width, paper.height
    unit = min(w, h) / 1080  # type sizes are set for a 1080-pixel-high slide and scale with the paper
    margin = 44 * unit
    title_size, legend_size, small = (40 if paper.landscape else 34) * unit, 24 * unit, 17 * unit
    inner = w - 2 * margin
    title = wrap(words.title, title_size, inner)
    top = margin
    parts = [_text(title, margin, top, title_size, bold=True)]
    top += _height(title, title_size) + 0.5 * title_size

    footer_lines = [wrap(line, small, inner) for line in
                    [*words.sources, f"{words.version} · {words.link}", words.attribution] if line]
    footer_h = sum(_height(lines, small) for lines in footer_lines) + 0.2 * small * len(footer_lines)
    footer_top = h - margin - footer_h

    map_w = inner * 0.62 if paper.landscape else inner
    below = 0.0
    if not paper.landscape:  # portrait paper keeps room under the map for the legend and the marks
        _, legend_h = _legend(words, 0, 0, inner, legend_size)
        below = legend_h + small + _height(wrap(words.marks, small, inner), small) + 48 * unit
    map_h = footer_top - top - below - 24 * unit
    drawing, drawn_w, drawn_h = svg_map.drawing(views, vintage, classes, sites, 0, 0, int(map_w), int(map_h),
                                                (22 if paper.landscape else 20) * unit)
    if paper.landscape:  # the legend beside the map as drawn, the pair centred across the slide
        side_w = min(inner - drawn_w - 48 * unit, 620 * unit)
        map_x = margin + (inner - drawn_w - 48 * unit - side_w) / 2
        map_y = top + (map_h - drawn_h) / 2
        side_x, side_y = map_x + drawn_w + 48 * unit, top
    else:  # the map centred across the page, the legend under it
        side_w = inner
        map_x, map_y = margin + (map_w - drawn_w) / 2, top
        side_x, side_y = margin, top + drawn_h + 24 * unit
    parts.append(f'<g transform="translate({map_x:.1f} {map_y:.1f})">{drawing}</g>')
    legend, legend_h = _legend(words, side_x, side_y, side_w, legend_size)
    marks = _text(wrap(words.marks, small, side_w), side_x, side_y + legend_h + small, small, MUTED)
    parts.append(legend + marks)

    y = footer_top
    for lines in footer_lines:
        parts.append(_text(lines, margin, y, small, MUTED))
        y += _height(lines, small) + 0.2 * small
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'font-family="{FONT}"><rect width="{w}" height="{h}" fill="#ffffff"/>{"".join(parts)}</svg>')


def png(picture: str, paper: Paper = SLIDE) -> bytes:
    """``picture`` (from :func:`svg`) drawn as PNG at ``paper``'s zoom."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=picture, zoom=paper.zoom, background="#ffffff"))
