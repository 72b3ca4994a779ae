"""The sidebar: language switch and the one set of filters every page shares."""

from __future__ import annotations

import streamlit as st

from components.view_state import current, widget_key
from latgale_di.analysis.state import MAP_INDICATORS, THRESHOLDS, YEARS, ViewState
from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries


def render() -> ViewState:
    """Draw the language switch and filters; return the view they describe."""
    lang = current().lang
    with st.sidebar:
        st.segmented_control(
            i18n.t("language", lang), options=list(i18n.LANGUAGES), key=widget_key("lang"),
            format_func=lambda code: {"lv": "Latviešu", "en": "English"}[code], required=True,
        )
        lang = current().lang
        # Title and the filters' heading in one element (docs/architecture.md, rule: fewer elements).
        st.markdown(f"**{i18n.t('app_title', lang)}**  \n{i18n.t('app_subtitle', lang)}\n\n"
                    f"### {i18n.t('filters', lang)}")
        st.selectbox(i18n.t("indicator", lang), MAP_INDICATORS,
                     placeholder=i18n.t("choose_placeholder", lang), key=widget_key("indicator"),
                     format_func=lambda c: vocab.INDICATORS[c].label(lang))
        st.selectbox(i18n.t("year", lang), YEARS,
                     placeholder=i18n.t("choose_placeholder", lang), key=widget_key("year"))
        st.selectbox(i18n.t("target_group", lang), list(vocab.TARGET_GROUPS),
                     placeholder=i18n.t("choose_placeholder", lang), key=widget_key("target_group"),
                     format_func=lambda c: vocab.TARGET_GROUPS[c].label(lang))
        st.selectbox(i18n.t("service", lang), list(vocab.SERVICES),
                     placeholder=i18n.t("choose_placeholder", lang), key=widget_key("service"),
                     format_func=lambda c: vocab.SERVICES[c].label(lang))
        # A segmented control and a select box, not a radio and a slider: the same widgets as the
        # language switch and the filters above, so the browser loads no further widget scripts
        # before the map shows (the slider's pulls in two number- and date-formatting libraries).
        st.segmented_control(i18n.t("vintage", lang), boundaries.VINTAGES, key=widget_key("vintage"),
                             format_func=lambda v: boundaries.vintage_label(v, lang), required=True)
        st.selectbox(i18n.t("threshold", lang), THRESHOLDS,
                     placeholder=i18n.t("choose_placeholder", lang), key=widget_key("threshold"))
        st.toggle(i18n.t("show_facilities", lang), key=widget_key("facilities"))
        st.toggle(i18n.t("presentation", lang), key=widget_key("present"), help=i18n.t("presentation_help", lang))
    return current()
