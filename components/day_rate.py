"""The day rate of a service: the data's own where there is one, else (or instead) the reader's.

A text field, not ``st.number_input``: Streamlit's number field writes "12.02" on a Latvian page,
and a Latvian reader writes "12,02".
"""

from __future__ import annotations

import streamlit as st

from latgale_di.analysis import investment
from latgale_di.analysis.investment import RateChoice
from latgale_di.core import datanotes, formatting, i18n
from latgale_di.core.safety import escape_markdown
from latgale_di.store.dataset import Dataset

MAX_RATE = 500.0  # EUR a day: far above any rate in the sources; a typo, not a price


def choose(service: str, label: str, dataset: Dataset, lang: str, key: str) -> RateChoice:
    """Draw the field and the line that says where the rate comes from; return the choice."""
    from_data = investment.day_rate_from_data(dataset.observations, service)
    typed = st.text_input(label, value=formatting.format_number(from_data.value, lang, 2) if from_data else "",
                          key=key, placeholder=i18n.t("day_rate_placeholder", lang))
    try:
        entered = formatting.parse_number(typed, lang)
    except ValueError:
        st.error(i18n.t("day_rate_not_a_number", lang, text=escape_markdown(typed)))
        entered = None
    if entered is not None and not 0 <= entered <= MAX_RATE:
        st.error(i18n.t("day_rate_out_of_range", lang, high=formatting.format_number(MAX_RATE, lang)))
        entered = None
    rate = investment.choose_rate(from_data, entered)
    if rate.origin == "data":
        st.caption(i18n.t("day_rate_from_data", lang, value=formatting.format_number(rate.value, lang, 2),
                          note=escape_markdown(f"{datanotes.note(rate.note, lang)} ({rate.year})"),
                          source=escape_markdown(dataset.cite(rate.source))))
    else:
        st.caption(i18n.t("day_rate_user" if rate.origin == "user" else "day_rate_none", lang))
    return rate
