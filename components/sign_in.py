"""Sign-in for maintainers: OIDC through st.login when configured, else the secrets fallback."""

from __future__ import annotations

import streamlit as st

from latgale_di.core import i18n, logs
from latgale_di.server import access

_USER = "_maintainer"
_LOGGED = "_sign_in_logged"


def _log_once(method: str, result: str) -> None:
    """One sign-in line per outcome per session (OIDC state is re-read on every run).

    Only the method and the outcome: never who (no name, no e-mail, no password)."""
    if st.session_state.get(_LOGGED) != (method, result):
        st.session_state[_LOGGED] = (method, result)
        logs.emit("sign_in", "info" if result == "ok" else "warning", method=method, result=result)


def _secrets(section: str) -> dict:
    try:
        return dict(st.secrets.get(section, {}))
    except FileNotFoundError:  # no secrets.toml at all: nobody can sign in
        return {}


def _oidc_maintainer(oidc: dict) -> str | None:
    """The signed-in OIDC user's e-mail if it is listed under ``[auth.maintainers]``."""
    allowed = set(dict(oidc.get("maintainers", {})).get("emails", []))
    email = str(st.user.get("email", "")) if st.user.is_logged_in else ""
    return email if email in allowed else None


def current_maintainer() -> str | None:
    """Who is signed in as a maintainer in this session, drawing nothing (None: the public)."""
    oidc = _secrets("auth")
    if oidc:
        return _oidc_maintainer(oidc)
    return st.session_state.get(_USER) or None


def maintainer(lang: str) -> str | None:
    """The signed-in maintainer's name (drawing the sign-in controls), or None."""
    oidc = _secrets("auth")
    if oidc:
        if not st.user.is_logged_in:
            st.button(i18n.t("sign_in", lang), on_click=st.login)
            return None
        email = _oidc_maintainer(oidc)
        if email is None:
            _log_once("oidc", "not_a_maintainer")
            st.warning(i18n.t("wrong_password", lang))
            return None
        _log_once("oidc", "ok")
        st.caption(i18n.t("signed_in_as", lang, name=email))
        st.button(i18n.t("sign_out", lang), on_click=st.logout)
        return email

    users = dict(_secrets("maintainers").get("users", {}))
    if not users:
        st.info(i18n.t("no_sign_in_configured", lang))
        return None
    if st.session_state.get(_USER):
        st.caption(i18n.t("signed_in_as", lang, name=st.session_state[_USER]))
        if st.button(i18n.t("sign_out", lang)):
            logs.emit("sign_out", method="password")
            del st.session_state[_USER]
            st.rerun()
        return st.session_state[_USER]
    with st.form("sign_in"):
        name = st.text_input(i18n.t("user_name", lang))
        password = st.text_input(i18n.t("password", lang), type="password")
        if st.form_submit_button(i18n.t("sign_in", lang)):
            if access.check_user(users, name, password):
                logs.emit("sign_in", method="password", result="ok")
                st.session_state[_USER] = name.strip()
                st.rerun()
            logs.emit("sign_in", "warning", method="password", result="failed")
            st.error(i18n.t("wrong_password", lang))
    return None
