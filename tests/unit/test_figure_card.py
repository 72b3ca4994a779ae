"""The overview's headline cards: one HTML element, every text escaped, nothing dropped."""

from __future__ import annotations

from components.figure_card import Figure, Item, html_of


def test_a_card_shows_each_figure_with_its_flag_and_small_print_and_the_list():
    markup = html_of("Pieaugušie ar GRT", [
        Figure("Grupu dzīvokļu noslodze", "> 80 %", "Ziņots · Avots: LPR", flag="virs sliekšņa"),
        Figure("Pakalpojumu saņēmēji", "nav datu"),
    ], "Vietas pa pakalpojumiem", [Item("Grupu dzīvokļi", "≥46 (2021. g. dati)", "Nepilnīgs")])
    assert markup.startswith('<div class="di-card"><h3>Pieaugušie ar GRT</h3>')
    assert ('<div class="di-figure-label">Grupu dzīvokļu noslodze</div>'
            '<div class="di-figure-value">&gt; 80 %</div>') in markup
    assert '<div class="di-flag" role="status">⚠ virs sliekšņa</div>' in markup
    assert '<p class="di-note">Ziņots · Avots: LPR</p>' in markup
    assert "<li>Grupu dzīvokļi: <strong>≥46 (2021. g. dati)</strong>" in markup
    assert markup.count('class="di-flag"') == 1 and markup.count('class="di-note"') == 2


def test_texts_from_data_files_are_escaped():
    markup = html_of("<b>x</b>", [Figure("a", "1", "Avots: <img src=x onerror=alert(1)>")], "", [])
    assert "<img" not in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert "<b>" not in markup
