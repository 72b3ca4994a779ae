"""A headline card: a heading, its figures (label, value, flag, small print) and a list, drawn as
one HTML element.

Why not ``st.metric`` and ``st.caption``: a card of three figures was eight elements
(docs/architecture.md, rule: fewer elements). Every text passed in is plain text and is escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass

from components import markup
from components.page import figure_note, figure_text
from latgale_di.analysis.overview import GroupHeadline
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n, safety, vocab
from latgale_di.render.tables import References
from latgale_di.store.dataset import Dataset


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""  # small print under the value: status, coverage, source
    flag: str = ""  # a warning beside the value, e.g. "more than 80 % full"


@dataclass(frozen=True)
class Item:
    text: str
    value: str
    note: str = ""


CSS = """
<style>
.di-card {border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem; padding: 1rem 1.25rem;}
.di-card h3 {margin-top: 0;}
.di-figure {margin: 0 0 1rem 0;}
.di-figure-label {font-size: .875rem;}
.di-figure-value {font-size: 2.25rem; line-height: 1.2;}
.di-flag {display: inline-block; margin-top: .25rem; padding: .1rem .5rem; border-radius: .75rem;
  background: #fbe9eb; color: #7d1527; font-size: .875rem;}
.di-figure .di-note, .di-card .di-note {font-size: .875rem; color: #4a4a4a; margin: .25rem 0 0 0;}
.di-card ul {padding-left: 1.1rem; margin: .25rem 0 0 0;}
</style>
"""


def html_of(title: str, figures: list[Figure], list_title: str = "", items: list[Item] | None = None) -> str:
    """The card's markup: ``title`` as its heading, each figure, then ``items`` under ``list_title``."""
    e = safety.html_text
    parts = [f'<div class="di-card"><h3>{e(title)}</h3>', *(figure_html(fig) for fig in figures)]
    if items:
        parts.append(f'<div class="di-figure-label"><strong>{e(list_title)}</strong></div><ul>')
        for item in items:
            note = f'<br><span class="di-note">{e(item.note)}</span>' if item.note else ""
            parts.append(f"<li>{e(item.text)}: <strong>{e(item.value)}</strong>{note}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def figure_html(fig: Figure) -> str:
    """One figure's markup (label, value, flag, small print), in a card or on its own (with ``CSS``)."""
    e = safety.html_text
    return (f'<div class="di-figure"><div class="di-figure-label">{e(fig.label)}</div>'
            f'<div class="di-figure-value">{e(fig.value)}</div>'
            + (f'<div class="di-flag" role="status">⚠ {e(fig.flag)}</div>' if fig.flag else "")
            + (f'<p class="di-note">{e(fig.note)}</p>' if fig.note else "")
            + "</div>")


def show(title: str, figures: list[Figure], list_title: str = "", items: list[Item] | None = None) -> None:
    markup.show(CSS + html_of(title, figures, list_title, items))


def headline(head: GroupHeadline, dataset: Dataset, state: ViewState, refs: References | None = None) -> set[str]:
    """Draw one target group's headline card as one element; returns the sources it cites.

    With ``refs`` each source is its number in the page's source list ("[2]") instead of its title:
    the card keeps its status, year and source but fits beside the map on a projector."""
    lang = state.lang
    cited: set[str] = set()
    figures = []

    def note(fig) -> str:
        return figure_note(fig, dataset, lang, refs)

    fig = head.persons_served
    if fig is not None and fig.known:
        figures.append(Figure(i18n.t("headline_served", lang), figure_text(fig, "persons", lang), note(fig)))
        cited.add(fig.source)
    else:
        figures.append(Figure(i18n.t("headline_served", lang), i18n.t("no_data", lang)))
    if head.occupancy is not None and head.occupancy.known:
        low = head.occupancy.low
        above = low > state.threshold or (head.occupancy.qualifier == "greater_than" and low >= state.threshold)
        figures.append(Figure(i18n.t("headline_occupancy", lang), figure_text(head.occupancy, "%", lang),
                              note(head.occupancy),
                              flag=i18n.t("above_threshold", lang) if above else ""))
        cited.add(head.occupancy.source)
    known = len(head.without_service) + len(head.with_service)
    if known:
        # The same counts as the map of this group's persons served: "with a figure: N of M".
        figures.append(Figure(
            i18n.t("headline_without", lang),
            i18n.t("of_units", lang, n=len(head.without_service), total=head.units_total),
            i18n.t("shown_units", lang, n=known, total=head.units_total)))
    items = []
    for service, pfig in head.places_by_service.items():
        year_note = f" ({i18n.t('as_of_year', lang, year=pfig.as_of)})" if pfig.carried else ""
        items.append(Item(vocab.SERVICES[service].label(lang), figure_text(pfig, "places", lang) + year_note,
                          note(pfig)))
        cited.add(pfig.source)
    show(vocab.TARGET_GROUPS[head.target_group].label(lang), figures, i18n.t("headline_places", lang), items)
    return cited
