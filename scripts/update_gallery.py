"""Copy the browser tests' screenshots into docs/screenshots and rewrite docs/gallery.md.

Run after the browser tests (`bash scripts/test.sh -m browser`), so that the gallery shows the app
as it is now: `.venv/bin/python scripts/update_gallery.py`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
TARGET = ROOT / "docs" / "screenshots"

# (file written by a browser test, caption)
GALLERY: tuple[tuple[str, str], ...] = (
    ("map_default_lv.png", "Karte (noklusējums, latviski): bērniem ar FT — saņēmēju īpatsvars, 2019, 21 pašvaldība"),
    ("page_overview_en.png", "Overview (English): summary written from the data, status and source under every number"),
    ("page_karte_en.png", "Map: share of assessed adults with mental disorders served, 2019"),
    ("profile_from_map_click_en.png", "Municipality profile opened by clicking Rēzeknes novads on the map"),
    ("page_pasvaldiba_en.png", "Municipality profile: Daugavpils against the Latgale average and range"),
    ("page_noslodze_en.png", "Services & occupancy"),
    ("page_pieprasijums_en.png", "Demand & shortfall, ranked"),
    ("page_grozs_en.png", "Minimum services basket, with the two services proposed for 2029"),
    ("page_tendences_en.png", "Trends, the 2021 reform marked"),
    ("page_investicijas_en.png", "Investment & sustainability: running cost from the real day rate"),
    ("page_scenarijs_en.png", "Scenario (what if): a shared link with place changes"),
    ("page_avoti_en.png", "Sources & methods"),
    ("round_trip_overview_en.png", "After switching pages in the sidebar the view (filters, language) is kept"),
    ("phone_karte_lv.png", "Phone (390 px): the map fitted to the screen"),
)


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    lines = ["# Screenshot gallery", "",
             "Taken by the real-browser tests (headless Debian Chromium, 1920×1080 unless noted) and copied here",
             "by `scripts/update_gallery.py`. Each was looked at before it was committed.", ""]
    for name, caption in GALLERY:
        source = ARTIFACTS / name
        if not source.exists():
            continue
        shutil.copyfile(source, TARGET / name)
        lines += [f"## {caption}", "", f"![{caption}](screenshots/{name})", ""]
    (ROOT / "docs" / "gallery.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
