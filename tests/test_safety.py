"""Text from data files is shown as text and exported as data, never run as markup or formulas."""

from latgale_di.safety import escape_markdown, neutralise_formula

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
