"""A small table as plain HTML: the map's table alternative.

Why not ``st.dataframe`` there: Streamlit's data grid draws on a canvas with about 1.3 MB of
script of its own, which the browser loads and compiles before it gets to draw the map beside it
(measured: it put the map's first paint behind folium's). A real ``<table>`` costs nothing to load,
is read by screen readers as a table (row and column headers), prints, and copies into a
spreadsheet. The full data, sortable, is in the page's downloads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from latgale_di.core import safety

CLASS = "di-table"

CSS = f"""
<style>
.{CLASS} {{max-height: 26rem; overflow: auto; border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem;
  margin-bottom: 1rem;}}
.{CLASS} table {{border-collapse: collapse; width: 100%; font-size: .9rem; margin: 0;}}
.{CLASS} th, .{CLASS} td {{padding: .3rem .6rem; text-align: left; border-bottom: 1px solid rgba(49, 51, 63, .1);
  vertical-align: top;}}
.{CLASS} thead th {{position: sticky; top: 0; background: #f0f2f6; font-weight: 600;}}
.{CLASS} tbody th {{font-weight: 400;}}
.{CLASS} td.number {{text-align: right; white-space: nowrap;}}
</style>
"""


def render(columns: Mapping[str, Sequence[str]], label: str, numeric: Sequence[str] = (),
           links: Sequence[str] | None = None) -> str:
    """``columns`` (header → cells, all the same length) as one ``<table>``; the first column
    heads each row, and with ``links`` (one address per row) each row's heading is a link to it.
    Every header, cell and address is escaped (cells come from data files), and the markup is one
    line, so Markdown leaves it alone as a single HTML block."""
    headers = list(columns)
    lengths = {len(columns[h]) for h in headers}
    if links is not None:
        lengths.add(len(links))
    if len(lengths) > 1:
        raise ValueError(f"columns (and links) differ in length: {sorted(lengths)}")
    head = "".join(f'<th scope="col">{safety.html_text(h)}</th>' for h in headers)
    rows = []
    for i in range(lengths.pop() if lengths else 0):
        cells = []
        for j, h in enumerate(headers):
            text = safety.html_text(str(columns[h][i]))
            if j == 0 and links is not None:
                cells.append(f'<th scope="row"><a href="{safety.html_text(links[i])}" target="_self">{text}</a></th>')
            elif j == 0:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                cells.append(f'<td class="number">{text}</td>' if h in numeric else f"<td>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="{CLASS}" role="region" aria-label="{safety.html_text(label)}" tabindex="0">'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
