"""Sources & methods: datasets, definitions and formulas, status meanings, licences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data, downloads, view_state
from components import table as table_view
from components.entry import hand_over
from components.page import header
from components.table import Column
from latgale_di.core import formatting, i18n, indicator_meta, vocab
from latgale_di.render import exports
from latgale_di.territory import boundaries

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

state = view_state.current()
lang = state.lang
dataset = data.load_dataset()

toolbar = header(i18n.t("page_sources", lang), lang, dataset)
downloads.offer(toolbar, "avoti", i18n.t("page_sources", lang), dataset.sources)
st.caption(i18n.t("methods_intro", lang))

st.subheader(i18n.t("datasets", lang))
st.markdown(f"**{dataset.title(lang)}** · {dataset.version} · "
            f"{i18n.t('last_updated', lang)}: {formatting.format_date(dataset.last_updated, lang)}")
counts = dataset.metadata.get("counts", {})
st.dataframe(pd.DataFrame({k: [v] for k, v in counts.items()}), hide_index=True)

st.subheader(i18n.t("definitions", lang))
table_view.show(pd.DataFrame(indicator_meta.records()), [
    Column("indicator", "indicator_col"), Column("code", "code_col"), Column("unit"),
    Column(f"formula_{lang}", "formula"),
    Column("polarity", "polarity", code_text="polarity_{}"), Column(f"description_{lang}", "indicator_description"),
], i18n.t("definitions", lang), table_view.References(), {}, lang)

st.subheader(i18n.t("status_meanings", lang))
st.dataframe({
    i18n.t("status", lang): [t.label(lang) for t in vocab.STATUSES.values()],
    i18n.t("code_col", lang): list(vocab.STATUSES),
    i18n.t("note", lang): [t.describe(lang) for t in vocab.STATUSES.values()],
}, hide_index=True, width="stretch")

st.subheader(i18n.t("reform_title", lang))
st.markdown(i18n.t("reform_text", lang))

st.subheader(i18n.t("licences", lang))
st.markdown(boundaries.attribution(lang))

st.subheader(i18n.t("all_sources", lang))
# The whole record of every source; a secondary source says so in its kind.
st.dataframe(exports.source_records(dataset.sources, lang), hide_index=True, width="stretch",
             column_config={"URL": st.column_config.LinkColumn("URL")})
