"""Text from data files is shown as text and exported as data, never run as markup or formulas."""

import pytest

from latgale_di.core import safety as _safety
from latgale_di.core.safety import escape_markdown, neutralise_formula
from latgale_di.render import html_table as _html_table

ATTACKS = ["<img src=x onerror=alert(1)>", "![x](http://evil.example/p.png)", "[click](javascript:alert(1))",
           "**bold** _it_ `code` # heading"]


def test_markdown_control_characters_are_escaped():
    for text in ATTACKS:
        escaped = escape_markdown(text)
        for ch in "[]()!<>*_`#":
            assert f"\\{ch}" in escaped or ch not in text
    assert escape_markdown("Ludzas novads 12,5 %") == "Ludzas novads 12,5 %"


def test_formula_injection_is_neutralised_but_numbers_are_not():
    assert neutralise_formula("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert neutralise_formula("+1") == "'+1" and neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula("-3") == "'-3"
    assert neutralise_formula(-3) == -3 and neutralise_formula(12.5) == 12.5
    assert neutralise_formula("Rēzekne") == "Rēzekne"


# --- text that stays text: blank lines, bidi controls, links (issue 21) --------------------------

CRAFTED = "Ziņa\n\n![t](http://evil.example/t.png)\r\n[click](http://evil.example/c) <b>x</b> \u202eevil\u2066"


def test_plain_text_has_no_line_break_and_no_invisible_control():
    text = _safety.plain(CRAFTED)
    assert "\n" not in text and "\r" not in text
    assert "\u202e" not in text and "\u2066" not in text
    assert text.startswith("Ziņa ![t]")


def test_html_text_cannot_end_an_html_block_in_markdown():
    markup = _html_table.render({"a": [CRAFTED]}, "t")
    assert "\n\n" not in markup and "<b>" not in markup and "&lt;b&gt;" in markup


def test_tooltip_lines_keep_their_breaks_as_character_references_only():
    assert _safety.html_lines("Daugavpils\nAvots: x\n\n![t](http://evil.example/t.png)") == \
        "Daugavpils&#10;Avots: x&#10;![t](http://evil.example/t.png)"


def test_escape_markdown_is_one_line_and_inert():
    escaped = _safety.escape_markdown(CRAFTED)
    assert "\n" not in escaped and "\\!\\[t\\]\\(http\\:" in escaped


@pytest.mark.parametrize("url, host", [
    ("https://lpr.gov.lv/lv/x", "lpr.gov.lv"),
    ("http://lpr.gov.lv/x", ""),                     # only https becomes a link
    ("javascript:alert(1)", ""),
    ("https://user:pw@evil.example/", ""),           # no credentials
    ("https://evil.example/\n\n![t](x)", ""),        # no line breaks
    ("https://xn--80ak6aa92e.com/", "xn--80ak6aa92e.com"),
    ("https://lpr.gov.lv\u202e/x", ""),              # no invisible controls
])
def test_only_plain_https_addresses_become_links(url, host):
    assert _safety.https_host(url) == host
