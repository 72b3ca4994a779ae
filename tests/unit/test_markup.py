"""The map's markup travels inside a script (components/markup.py): it must arrive whole, and no
text in it may end the script or run as code."""

from __future__ import annotations

import re

import pytest

from components import markup

PREFIX = '<div class="di-markup"></div><script>'
HOSTILE = [
    '<svg class="di-map"><text>Rēzekne &amp; novads</text></svg>',
    "</script><script>alert(1)</script>",
    "<!-- <script> -->",
    "line\u2028separator\u2029paragraph",
    '" + alert(1) + "',
    "' + alert(1) + '",
    "\\'; alert(1); '",
    "\\x3c/script>",
    "two\nlines\rand a \\ backslash",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_markup_comes_back_whole(text):
    assert markup.read(markup.body(text)) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_nothing_in_the_markup_can_end_the_script_or_open_a_tag(text):
    body = markup.body(text)
    script = body[len(PREFIX):]
    literal = script[script.index("=") + 1:-len(";</script>")]
    # The browser's HTML parser ends a script at "</script" and nothing else; the sanitiser in
    # front of st.html removes an element whose text looks like markup: neither sees a "<".
    assert "<" not in literal
    # One single-quoted JavaScript string: no line break in it, and every quote inside escaped, so
    # the text cannot step out of the string into code.
    assert literal[0] == literal[-1] == "'"
    inner = literal[1:-1]
    assert not re.search(r"[\n\r\u2028\u2029]", inner)
    assert not re.search(r"(?<!\\)(\\\\)*'", inner)
    assert body.count("</script>") == 1


def test_a_body_not_made_here_reads_as_nothing():
    assert markup.read("<p>hello</p>") is None
    assert markup.read(markup.body("x").replace("innerHTML=", "outerHTML=")) is None
