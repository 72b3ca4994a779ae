"""The README's "What is where" names every module of ``latgale_di`` in its package's row.

A newcomer maps the code from that table; a module added without a line there is a module they
cannot find.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "latgale_di"


def _rows() -> dict[str, str]:
    """The README's package table: package name → the row's text."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is where", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| `(\w+)/` \| (.*) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def test_every_sub_package_has_a_row() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages <= set(_rows()), f"packages without a README row: {sorted(packages - set(_rows()))}"


def test_every_module_is_named_in_its_package_row() -> None:
    rows = _rows()
    missing = [f"{package}/{module.stem}"
               for package, row in rows.items()
               for module in sorted((PACKAGE / package).glob("*.py"))
               if module.stem != "__init__" and f"`{module.stem}`" not in row]
    assert not missing, f"modules the README's 'What is where' does not name: {missing}"
