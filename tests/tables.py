"""Read back the HTML tables a page shows (``latgale_di.render.html_table``) as data frames."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
from streamlit.testing.v1 import AppTest

from latgale_di.render import html_table
from tests import markup


def read(html: str) -> pd.DataFrame:
    """The first ``<table>`` in ``html``: header row → columns, every cell as its text."""
    start, end = html.index("<table"), html.index("</table>") + len("</table>")
    table = ET.fromstring(html[start:end])
    headers = [th.text or "" for th in table.find("thead").iter("th")]
    rows = [["".join(cell.itertext()) for cell in tr] for tr in table.find("tbody").iter("tr")]
    return pd.DataFrame(rows, columns=headers)


def shown(at: AppTest) -> list[pd.DataFrame]:
    """Every HTML table on the page, in order."""
    return [read(m) for m in markup.shown(at) if f'class="{html_table.CLASS}"' in m]
