"""Data management: import a new year's figures, see every version, roll back. Maintainers only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data, downloads, view_state
from components.entry import hand_over
from components.page import header
from components.sign_in import maintainer
from latgale_di.core import i18n
from latgale_di.core.safety import escape_markdown
from latgale_di.ingest import importing, template
from latgale_di.store import storage

hand_over()  # first: on a fresh server a deep link runs this file alone (components/entry.py)

_UPLOADS = "data_uploads"  # imports made in this session, part of the uploader's key
_VERSION_CHOICE = "data_version_choice"
_NEXT_CHOICE = "data_version_next"  # what the picker shows after the rerun an import or rollback asks for


def _show_version(version_id: int) -> None:
    # The picker is already drawn in this run (a rollback's button is below it), so its value is
    # set at the start of the next run, before it is drawn.
    st.session_state[_NEXT_CHOICE] = version_id


def _apply_next_choice() -> None:
    # Written, not dropped: a dropped key resets the picker on the server only and the browser
    # would keep showing (and next send) the old choice; a value written before the widget is
    # drawn is sent to the browser.
    if _NEXT_CHOICE in st.session_state:
        st.session_state[_VERSION_CHOICE] = st.session_state.pop(_NEXT_CHOICE)


state = view_state.current()
lang = state.lang
dataset = data.load_dataset()
source = data.source()
# Database down: the versions shown are only the one being served, and nothing can be changed.
store = None if source.read_only else data.store()

toolbar = header(i18n.t("page_data", lang), lang, dataset)
# Everything in the current version, as the reader may see it (small counts hidden for the public).
downloads.offer(toolbar, "dati", i18n.t("page_data", lang), dataset.observations)
st.caption(i18n.t("data_intro", lang))
user = maintainer(lang)
if source.read_only and user:
    st.error(i18n.t("db_down_no_changes", lang), icon=":material/block:")

left, right = st.columns(2)
left.download_button(f"{i18n.t('template', lang)} (CSV)", template.csv_bytes(), file_name="latgale_di_template.csv",
                     mime="text/csv")
right.download_button(f"{i18n.t('template', lang)} (XLSX)", template.xlsx_bytes(),
                      file_name="latgale_di_template.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if user and store is not None:
    limit = importing.MAX_BYTES // 1024 // 1024  # the reader's limit; .streamlit/config.toml says the same
    # A new key after each import empties the uploader: the file just imported cannot be imported twice.
    upload = st.file_uploader(i18n.t("upload", lang), type=["csv", "xlsx"], accept_multiple_files=False,
                              key=f"data_upload_{st.session_state.get(_UPLOADS, 0)}")
    st.caption(i18n.t("upload_help", lang, limit=limit))
    sheet = st.text_input(i18n.t("sheet", lang), value="") or None
    if upload is not None:
        reading = importing.read(upload.name, upload.getvalue(), sheet=sheet, kind="observations")
        if not reading.ok or reading.table is None:
            st.error(i18n.t("file_rejected", lang))
            # Messages quote the file's own text: shown as plain text, never as markdown.
            st.code("\n".join(p.text(lang) for p in reading.problems), language=None, wrap_lines=True)
        else:
            for warning in reading.problems:  # they quote the file's own text: never markdown
                st.warning(escape_markdown(warning.text(lang)), icon="⚠️")
            preview = store.preview(reading.table)
            st.success(i18n.t("file_ok", lang, rows=len(reading.table),
                              summary=f"+{preview['added']} ~{preview['changed']} -{preview['removed']}"))
            if not (preview["added"] or preview["changed"] or preview["removed"]):
                # Importing it would only add an empty version to the history.
                st.info(i18n.t("nothing_to_import", lang, version=source.version.id))
            elif st.button(i18n.t("do_import", lang), type="primary"):
                try:
                    version = store.import_rows(reading.table, author=user, file_name=upload.name,
                                                data=upload.getvalue())
                except storage.unavailable_errors():  # went down since this run began; logged
                    st.error(i18n.t("db_down_no_changes", lang), icon=":material/block:")
                else:
                    if version is None:  # someone imported the same figures since the preview
                        st.info(i18n.t("nothing_to_import", lang, version=source.version.id))
                    else:
                        st.toast(i18n.t("imported", lang, id=version.id))
                        st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1
                        _show_version(version.id)
                        st.rerun()

st.subheader(i18n.t("versions", lang))
versions = list(reversed(store.versions())) if store is not None else [source.version]
st.dataframe(pd.DataFrame({
    i18n.t("version", lang): [v.id for v in versions],
    i18n.t("created", lang): [v.created_at.replace("T", " ")[:16] for v in versions],
    i18n.t("author", lang): [v.author for v in versions],
    i18n.t("action", lang): [i18n.t(f"action_{v.action}", lang) for v in versions],
    i18n.t("file", lang): [v.file_name for v in versions],
    i18n.t("changes", lang): [v.summary for v in versions],
    i18n.t("note", lang): [v.note for v in versions],
}), hide_index=True, width="stretch")

_apply_next_choice()
chosen = st.selectbox(i18n.t("version", lang), [v.id for v in versions],
                      placeholder=i18n.t("choose_placeholder", lang), key=_VERSION_CHOICE)
if user and store is not None:  # an imported file holds every count, small ones too: maintainers only
    name, payload = store.file_of(chosen)
    st.download_button(i18n.t("download_file", lang), payload, file_name=name)
if user and store is not None and chosen != versions[0].id and st.button(i18n.t("do_rollback", lang)):
    try:
        version = store.rollback(chosen, author=user)
    except storage.unavailable_errors():  # went down since this run began; logged
        st.error(i18n.t("db_down_no_changes", lang), icon=":material/block:")
    else:
        st.toast(i18n.t("rolled_back", lang, id=version.id, to=chosen))
        _show_version(version.id)
        st.rerun()
