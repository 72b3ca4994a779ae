"""Text from data files is data, never markup or formulas.

Streamlit escapes HTML, but markdown still turns ``[text](url)`` into a link and ``![x](url)``
into an image fetched from anywhere; a spreadsheet turns a cell starting with ``=`` into a formula.
Every place that puts file text into markdown or an export goes through these functions.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_markdown(text: object) -> str:
    """``text`` with every markdown control character backslash-escaped (shows as written)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def neutralise_formula(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers are left as they are (a negative number is a number, not a formula).
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
