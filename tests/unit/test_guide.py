"""The user guide (docs/guide/): both languages, three parts each, and its screenshots in step.

The screenshots themselves are taken by tests/browser/test_guide_screenshots.py; this checks,
without a browser, that the guides and the image folder agree.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide"
IMG = GUIDE / "img"
PARTS = {  # the three level-2 headings each guide must have, in this order
    "lv.md": ("Ministram", "Pašvaldību darbiniekiem", "Uzturētājiem"),
    "en.md": ("For a minister", "For municipal staff", "For maintainers"),
}
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def text(name: str) -> str:
    return (GUIDE / name).read_text(encoding="utf-8")


def images(name: str) -> list[str]:
    return IMAGE.findall(text(name))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.strip().lower()
                   if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def test_the_index_and_both_guides_exist():
    for name in ("README.md", "lv.md", "en.md"):
        assert (GUIDE / name).is_file(), name
    index = text("README.md")
    assert "(lv.md)" in index and "(en.md)" in index


@pytest.mark.parametrize("name", sorted(PARTS))
def test_each_guide_has_the_three_parts_in_order(name):
    headings = re.findall(r"^## (.+)$", text(name), flags=re.M)
    assert len(headings) == 3, headings
    for number, (heading, part) in enumerate(zip(headings, PARTS[name]), start=1):
        assert heading.startswith(f"{number}. {part}"), (heading, part)


@pytest.mark.parametrize("name", sorted(PARTS))
def test_every_image_a_guide_uses_is_in_the_folder(name):
    used = images(name)
    assert len(used) >= 6, used
    for path in used:
        assert path.startswith("img/") and path.endswith(".png"), path
        assert (GUIDE / path).is_file(), f"{name} uses {path}, which is not in docs/guide/img/"


def test_every_image_in_the_folder_is_used():
    used = {Path(p).name for name in PARTS for p in images(name)}
    on_disk = {p.name for p in IMG.glob("*.png")}
    assert on_disk, "no screenshots: run tests/browser/test_guide_screenshots.py"
    assert on_disk - used == set(), f"screenshots no guide uses: {sorted(on_disk - used)}"
    for png in IMG.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png


@pytest.mark.parametrize("name", ["README.md", "lv.md", "en.md"])
def test_links_inside_the_guide_resolve(name):
    for target in LINK.findall(text(name)):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        file = (GUIDE / path) if path else GUIDE / name
        assert file.exists(), f"{name} links to {target}: no such file"
        if anchor and file.suffix == ".md":
            anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), flags=re.M)}
            assert anchor in anchors, f"{name} links to {target}: no such heading"


def test_the_english_guide_quotes_english_labels_and_the_latvian_one_latvian():
    from latgale_di.core import i18n

    for key in ("share", "download", "presentation", "exit_presentation", "do_import", "do_rollback",
                "download_csv", "download_csv_lv", "download_xlsx", "download_pdf", "table_alternative",
                "vs_region", "choose_municipality", "upload", "page_data", "threshold"):
        assert i18n.t(key, "lv") in text("lv.md"), (key, i18n.t(key, "lv"))
        assert i18n.t(key, "en") in text("en.md"), (key, i18n.t(key, "en"))
