"""What a page shows as markup: its Markdown elements and the markup its ``st.html`` elements
insert (``components.markup``), in page order, as a reader's browser would see it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components import markup as markup_element


def shown(at: AppTest) -> list[str]:
    """The text of every Markdown element and the markup of every inserted element, main area
    then sidebar, in page order."""
    out = []
    for root in (at.main, at.sidebar):
        for node in root:
            if node.type == "markdown":
                out.append(node.value)
            elif node.type == "html":
                inserted = markup_element.read(node.value)
                if inserted is not None:
                    out.append(inserted)
    return out
