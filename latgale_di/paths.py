"""Where the project's shipped files live, resolved relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
GEO_DIR: Path = ROOT / "geo"
DATA_DIR: Path = ROOT / "data"
SOURCES_DIR: Path = DATA_DIR / "sources"
