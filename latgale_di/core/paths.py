"""Where the project's shipped files live, resolved relative to the repository root."""

from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[2]
GEO_DIR: Path = ROOT / "geo"
DATA_DIR: Path = ROOT / "data"
SOURCES_DIR: Path = DATA_DIR / "sources"


def data_dir() -> Path:
    """The dataset folder the app and CLI read: ``$LATGALE_DI_DATA`` if set (e.g. a synthetic
    dataset made by ``python -m latgale_di synthetic --out DIR``), else the shipped ``data/``."""
    given = os.environ.get("LATGALE_DI_DATA", "").strip()
    return Path(given).resolve() if given else DATA_DIR
