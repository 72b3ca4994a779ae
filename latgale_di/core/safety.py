"""Text from data files is data, never markup or formulas.

Streamlit escapes HTML, but markdown still turns ``[text](url)`` into a link and ``![x](url)``
into an image fetched from anywhere; a spreadsheet turns a cell starting with ``=`` into a formula.
And HTML written into markdown is an HTML *block* only up to the next blank line: a blank line
inside a data cell ends it, and what follows is read as markdown again. Every place that puts file
text into markdown, HTML or an export goes through these functions.
"""

from __future__ import annotations

import html
import re
import unicodedata

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_markdown(text: object) -> str:
    """``text`` as one line (``plain``) with every markdown control character backslash-escaped
    (shows as written)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain(text))


def neutralise_formula(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers are left as they are (a negative number is a number, not a formula).
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


# Bidirectional overrides and isolates (which can make text read in another order than it is
# stored) and other invisible format and control characters; tab and newline are handled apart.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u0000-\u0008\u000b\u000c"
                        "\u000e-\u001f\u007f-\u009f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\u0085]+\s*")


def plain(text: object) -> str:
    """``text`` as one line of plain text: line breaks become one space (so no blank line can end
    an HTML block), invisible and bidirectional control characters go, and the rest is NFC."""
    one_line = _LINE_BREAKS.sub(" ", str(text))
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", one_line))


def html_text(text: object, quote: bool = True) -> str:
    """``text`` for HTML inside markdown or a document: ``plain`` and then HTML-escaped."""
    return html.escape(plain(text), quote=quote)


def https_host(url: str) -> str:
    """The host of an ``https`` address that may become a link, else "" (no link): only https, no
    credentials, no control characters or spaces, a host that is a name."""
    from urllib.parse import urlsplit

    if url != plain(url) or any(c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    host = parts.hostname or ""
    if parts.scheme != "https" or not host or "@" in parts.netloc or not re.fullmatch(r"[a-z0-9.-]+", host):
        return ""
    return host


def html_lines(text: object) -> str:
    """Several lines of text (a tooltip) for HTML inside markdown: each line ``html_text``, joined
    by the character reference ``&#10;`` — a line break the browser shows, but no literal newline
    that could leave a blank line in the markdown."""
    return "&#10;".join(html_text(line) for line in str(text).splitlines() if plain(line).strip())
