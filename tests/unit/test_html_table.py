"""The map's table alternative as plain HTML: escaped, read as a table, one Markdown block."""

from __future__ import annotations

import pytest

from latgale_di.render import html_table
from tests import tables


def test_cells_and_headers_are_text_and_the_first_column_heads_each_row():
    markup = html_table.render({"Pašvaldība": ["Dagdas novads", "<img src=x onerror=alert(1)>"],
                                "Vietas": ["10", "≥ 3"], "Avots": ["A & B", "*not bold*"]},
                               "Tabula", numeric=["Vietas"])
    assert "<img" not in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert '<th scope="row">Dagdas novads</th>' in markup
    assert '<td class="number">≥ 3</td>' in markup
    assert "\n" not in markup  # one HTML block: Markdown does not touch what is inside
    back = tables.read(markup)
    assert list(back.columns) == ["Pašvaldība", "Vietas", "Avots"]
    assert back.iloc[1].tolist() == ["<img src=x onerror=alert(1)>", "≥ 3", "*not bold*"]
    assert back.iloc[0, 2] == "A & B"


def test_a_table_region_is_named_and_reachable_from_the_keyboard():
    markup = html_table.render({"A": ["1"]}, 'Tabula "x"')
    assert 'aria-label="Tabula &quot;x&quot;"' in markup and 'tabindex="0"' in markup


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="differ in length"):
        html_table.render({"A": ["1", "2"], "B": ["1"]}, "t")


def test_an_empty_table_still_has_its_headers():
    assert tables.read(html_table.render({"A": [], "B": []}, "t")).columns.tolist() == ["A", "B"]


def test_row_headings_can_be_links_with_escaped_addresses():
    markup = html_table.render({"Pašvaldība": ["Dagdas novads"], "Vietas": ["10"]}, "t",
                               links=['pasvaldiba?atvk=0601000&x="><script>'])
    assert '<th scope="row"><a href="pasvaldiba?atvk=0601000&amp;x=&quot;&gt;&lt;script&gt;" target="_self">' \
           'Dagdas novads</a></th>' in markup
    assert tables.read(markup).iloc[0].tolist() == ["Dagdas novads", "10"]
    with pytest.raises(ValueError, match="differ in length"):
        html_table.render({"A": ["1", "2"]}, "t", links=["x"])
