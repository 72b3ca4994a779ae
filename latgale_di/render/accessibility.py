"""The accessibility statement: one text per language, kept in docs/ so that it reads there too."""

from __future__ import annotations

import os

from latgale_di.core import i18n
from latgale_di.core.paths import ROOT
from latgale_di.core.safety import escape_markdown

STATEMENTS = ROOT / "docs" / "accessibility"


def contact(lang: str) -> str:
    """Who to write to: $LATGALE_DI_CONTACT, set by whoever hosts the dashboard."""
    configured = os.environ.get("LATGALE_DI_CONTACT", "").strip()
    return escape_markdown(configured) if configured else i18n.t("contact_not_set", lang)


def statement(lang: str) -> str:
    """The statement in ``lang`` (markdown) with the contact filled in."""
    text = (STATEMENTS / f"statement.{lang}.md").read_text(encoding="utf-8")
    return text.replace("{contact}", contact(lang))
