"""Statements from sources as quotes: the words, the source and the date they speak of."""

from __future__ import annotations

from latgale_di.analysis.statements import Statement
from latgale_di.core import formatting
from latgale_di.core.safety import escape_markdown
from latgale_di.store.dataset import Dataset


def markdown(said: list[Statement], dataset: Dataset, lang: str) -> str:
    """Block quotes, one per statement, each signed with its source and date (Markdown; the
    source's title comes from a data file and is escaped)."""
    return "\n\n".join(
        f"> {escape_markdown(s.text(lang))}  \n> — {escape_markdown(dataset.cite(s.source))}, "
        f"{formatting.format_date(s.date, lang)}" for s in said)
