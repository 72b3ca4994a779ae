"""When a choice has no figures: the nearby choices that do, as links that open them."""

from __future__ import annotations

from urllib.parse import urlencode

from components import map_view, markup, view_state
from latgale_di.analysis import nearby
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n, safety, vocab
from latgale_di.territory import boundaries


def _label(view: ViewState, base: ViewState, lang: str) -> str:
    parts = []
    if view.year != base.year:
        parts.append(i18n.t("year_short", lang, year=view.year))
    if view.target_group != base.target_group:
        parts.append(vocab.TARGET_GROUPS[view.target_group].label(lang))
    if view.service != base.service:
        parts.append(vocab.SERVICES[view.service].label(lang))
    if view.vintage != base.vintage:
        parts.append(boundaries.vintage_label(view.vintage, lang))
    return " · ".join(parts)


def opening(keys: set[nearby.Key], services: tuple[str, ...] = nearby.COMMUNITY_CHOICES) -> ViewState:
    """The view this page opens on: the reader's, or — when nothing was chosen and it has no
    figures — the nearest view that has (written to the address, so a shared link shows it too)."""
    state = view_state.current()
    if not nearby.untouched(state) or nearby.has_figures(state, keys):
        return state
    found = nearby.opening_view(state, keys, services)
    if found == state:
        return state
    return view_state.update(year=found.year, target_group=found.target_group, service=found.service,
                             vintage=found.vintage)


def offer(state: ViewState, keys: set[nearby.Key], page_path: str,
          services: tuple[str, ...] = nearby.COMMUNITY_CHOICES) -> None:
    """A notice that this choice has no figures, with the nearby choices that have, as links."""
    views = nearby.nearby(state, keys, services=services)
    links = " · ".join(f'<a href="{safety.html_text(page_path)}?{safety.html_text(urlencode(v.to_params()))}" '
                       f'target="_self">{safety.html_text(_label(v, state, state.lang))}</a>' for v in views)
    text = safety.html_text(i18n.t("no_rows", state.lang))
    if links:
        text += " " + safety.html_text(i18n.t("nearby_choices", state.lang)) + " " + links
    markup.show(f'<style>{map_view.NOTICE_RULE}</style><div class="di-notice" role="status">{text}</div>')
