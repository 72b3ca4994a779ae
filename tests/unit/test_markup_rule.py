"""The app's HTML never goes through Streamlit's Markdown pipeline (docs/architecture.md, rule
"HTML bypasses Markdown"): a page with one such element loads a 190 kB HTML parser before its map."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_page_or_component_sends_html_through_markdown() -> None:
    offenders = []
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py"), ROOT / "app.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(
                    k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                    for k in node.keywords):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "use components.markup.show (HTML) or st.html (styles alone): " + ", ".join(offenders)
